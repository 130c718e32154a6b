"""Relations: anniversaries, milestone dates written before or after their phrase, the pair of
"hai nước", and framework words that name no pair's framework."""

from __future__ import annotations

from sukien.model import Article
from sukien.stages.dates import resolve_dates
from sukien.stages.relations import find_relations


def relations(text: str, published: str | None = "2017-05-14"):
    art = resolve_dates(Article(id="t", text_clean=text, published=published))
    return find_relations(art).relations


def by_level(text: str, published: str | None = "2017-05-14"):
    return {r.level: r for r in relations(text, published)}


def test_an_anniversary_with_its_days_written_takes_the_first_day():
    text = ("Chủ tịch nước khẳng định Việt Nam coi trọng quan hệ hữu nghị hợp tác với Pa-ki-xtan. Trong bối cảnh "
            "hai nước kỷ niệm 45 năm thiết lập quan hệ ngoại giao (8-11-1972 / 8-11-2017), hai bên thúc đẩy giao lưu.")
    (rel,) = relations("Chủ tịch nước gặp Thủ tướng Pa-ki-xtan và Thủ tướng Nhật Bản, Nhật Bản, Nhật Bản. " + text)
    assert sorted(rel.pair) == ["PAK", "VNM"] and rel.date == "1972-11-08"


def test_a_framework_anniversary_interval_gives_its_start_and_a_period_gives_nothing():
    rel = by_level("hai nước kỷ niệm 10 năm thiết lập quan hệ Đối tác Chiến lược Việt Nam - Ấn Độ "
                   "(ngày 6/7/2007-6/7/2017).")["Strategic Partnership"]
    assert rel.date == "2007-07-06"
    rel = by_level("triển khai Chương trình hành động triển khai quan hệ Đối tác chiến lược Việt Nam - Thái Lan "
                   "giai đoạn 2014-2018.")["Strategic Partnership"]
    assert rel.date is None and rel.year is None


def test_the_countries_between_the_number_and_the_phrase_still_make_an_anniversary():
    rel = by_level("hai bên phối hợp tổ chức các hoạt động kỷ niệm 45 năm hai nước thiết lập quan hệ ngoại giao "
                   "Việt Nam - Nhật Bản trong năm 2018.")["diplomatic relations established"]
    assert rel.date == "1973-09-21"  # not 2018, the anniversary's year


def test_a_length_of_time_is_no_anniversary():
    assert relations("Sau hơn 40 năm hai nước thiết lập quan hệ ngoại giao, Việt Nam và Myanmar hợp tác tốt.") == []


def test_a_date_after_and_is_another_events_and_one_before_dates_the_milestone():
    rel = by_level("Thủ tướng cho biết năm 1975, hai nước Việt Nam và Đức đã chính thức thiết lập quan hệ ngoại giao và "
                   "đến năm 2011 trở thành đối tác chiến lược.")["diplomatic relations established"]
    assert rel.year == 1975


def test_a_framework_set_up_in_a_year_written_before_it():
    rel = by_level("Việt Nam và Nga năm 2012 đã nâng cấp quan hệ lên Đối tác chiến lược toàn diện.")
    assert rel["Comprehensive Strategic Partnership"].year == 2012
    # the date of another milestone earlier in the sentence is not the framework's
    rel = by_level("Kể từ khi thiết lập quan hệ ngoại giao vào năm 1950, quan hệ hữu nghị truyền thống và hợp tác "
                   "nhiều mặt giữa Việt Nam và Séc không ngừng được củng cố.")
    assert rel["diplomatic relations established"].year == 1950
    assert rel["traditional friendship and multifaceted cooperation"].year is None


def test_an_upgrade_told_as_past_is_not_dated_by_the_occasion():
    text = ("Hà Nội, ngày 18/11/2024. Ông Biden bày tỏ vui mừng khi thấy trong nhiệm kỳ của mình, hai nước Việt Nam "
            "và Mỹ đã nâng cấp quan hệ lên Đối tác chiến lược toàn diện.")
    rel = by_level(text, "2024-11-18")["Comprehensive Strategic Partnership"]
    assert rel.date is None


def test_hai_nuoc_is_the_country_named_in_its_sentence_unless_a_place():
    text = ("Thượng tướng Nguyễn Chí Vịnh cám ơn đoàn Đại biểu của Vương quốc Anh, trong bối cảnh mối quan hệ đối tác "
            "chiến lược giữa 2 quốc gia ngày càng phát triển. Việt Nam cử đến Nam Sudan. Nam Sudan và Việt Nam.")
    (rel,) = relations(text)
    assert sorted(rel.pair) == ["GBR", "VNM"]
    text = ("Nhật Bản và Việt Nam hợp tác. Nhật Bản đầu tư. Tại cuộc gặp ở Davos (Thụy Sĩ), ông Ishige cho biết trong "
            "bối cảnh quan hệ đối tác chiến lược sâu rộng hai nước đang phát triển tốt đẹp, JETRO hỗ trợ Việt Nam.")
    (rel,) = relations(text)
    assert sorted(rel.pair) == ["JPN", "VNM"]


def test_an_anniversary_between_two_foreign_countries_has_no_vietnamese_side():
    text = ("Tàu hộ vệ của hải quân Thổ Nhĩ Kỳ khởi hành. Thổ Nhĩ Kỳ cử tàu. Trên đường đến thăm Nhật Bản nhân kỷ niệm "
            "100 năm thiết lập quan hệ ngoại giao giữa hai nước, tàu dừng chân tại nhiều nước.")
    (rel,) = relations(text, "2024-05-04")
    assert sorted(rel.pair) == ["JPN", "TUR"] and rel.year == 1924


def test_descriptions_name_no_framework_of_a_pair():
    assert relations("Việt Nam có quan hệ đối tác chiến lược với 10 nước và quan hệ đối tác toàn diện với 2 nước "
                     "thành viên G20, trong đó có Đức.") == []
    assert relations("Thủ tướng khẳng định Nhật Bản chính là một đối tác chiến lược mà Việt Nam rất tin tưởng.") == []


def test_new_phrases_and_contexts():
    rel = by_level("hài lòng về quan hệ Đối tác toàn diện tăng cường giữa Việt Nam và Australia.")
    assert list(rel) == ["Enhanced Comprehensive Partnership"]
    rel = by_level("Đặc biệt năm 2018 hai nước Việt Nam và Nhật Bản sẽ kỷ niệm 45 năm thiết lập ngoại giao.")
    assert rel["diplomatic relations established"].date == "1973-09-21"
    rel = by_level("hợp tác sẽ tiếp tục phát triển trong khuôn khổ hợp tác đối tác chiến lược sâu rộng giữa Việt Nam "
                   "và Nhật Bản.")
    assert "Extensive Strategic Partnership" in rel
    rel = by_level("kỷ niệm 45 năm quan hệ ngoại giao cấp Đại sứ Việt Nam - Ấn Độ (ngày 7/1/1972-7/1/2017).")
    assert rel["diplomatic relations established"].date == "1972-01-07"


def test_an_undated_sentences_other_anniversary_takes_the_year_the_table_gives_it():
    text = ("Hai bên phối hợp tổ chức tốt các sự kiện nhân kỷ niệm 55 năm Ngày thiết lập quan hệ ngoại giao và "
            "40 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác giữa Việt Nam và Lào.")
    rel = by_level(text, None)
    assert rel["diplomatic relations established"].date == "1962-09-05"
    assert rel["Treaty of Friendship and Cooperation signed"].year == 1977  # celebrated in 1962 + 55


def test_a_framework_declared_on_a_day_written_before_it():
    text = ("Ngày 1-3-2001, Việt Nam và Nga ký Tuyên bố chung về quan hệ Đối tác chiến lược. Đến ngày 27-7-2012, "
            "hai nước ra Tuyên bố chung về tăng cường hơn nữa quan hệ Đối tác chiến lược toàn diện.")
    rel = by_level(text, None)
    assert rel["Strategic Partnership"].date == "2001-03-01"
    assert "Comprehensive Strategic Partnership" in rel
