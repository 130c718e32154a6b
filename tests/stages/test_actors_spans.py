"""Actors: where organisation names end, names after a titled body, the country of an
international body's official, offices over military ranks, fields of study."""

from __future__ import annotations

import pytest

from sukien.model import ORG, PER
from sukien.pipeline import Pipeline
from sukien.reading import article_from_text

ONLY_ACTORS = ("dates", "events", "statements", "documents", "quantities", "relations")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(disable=ONLY_ACTORS)


def entities(pipe: Pipeline, text: str, kind: str) -> dict[str, tuple[str | None, str | None]]:
    art = pipe(article_from_text(text, id="t"))
    return {e.name: (e.country, e.title) for e in art.entities if e.type == kind}


@pytest.mark.parametrize(("text", "org"), [
    # lower-case words inside a name, up to its country
    ("Chủ tịch nước tiếp Đoàn Đại biểu Hội Hữu nghị đối ngoại nhân dân Trung Quốc, và thân nhân.",
     "Hội Hữu nghị đối ngoại nhân dân Trung Quốc"),
    ("Hai Thủ tướng chủ trì kỳ họp của Ủy ban Về hợp tác song phương Việt Nam-Lào.",
     "Ủy ban Về hợp tác song phương Việt Nam-Lào"),
    # lower-case words up to the body's acronym
    ("Thủ tướng tiếp lãnh đạo Cơ quan Hợp tác phát triển quốc tế (JICA) tại Tokyo.",
     "Cơ quan Hợp tác phát triển quốc tế (JICA)"),
    ("Giáo sư làm việc tại Trung tâm Nghiên cứu chiến lược và quốc tế (CSIS) ở Washington.",
     "Trung tâm Nghiên cứu chiến lược và quốc tế (CSIS)"),
    # a listed body the pattern stopped inside
    ("Việt Nam ứng cử vào Hội đồng Nhân quyền Liên hợp quốc nhiệm kỳ tới.",
     "Hội đồng Nhân quyền Liên hợp quốc"),
    # a three-syllable word of a listed body
    ("Chủ tịch nước làm việc với Hội Cựu chiến binh và Hội Hữu nghị Việt - Nga.", "Hội Cựu chiến binh"),
    # the next verb is not part of the name
    ("Bộ Ngoại giao ra Thông cáo báo chí về chuyến thăm.", "Bộ Ngoại giao"),
    ("Bộ Quốc phòng Campuchia diễn tập cùng các nước.", "Bộ Quốc phòng Campuchia"),
    ("Tập đoàn Nikkei mời Thủ tướng dự hội nghị.", "Tập đoàn Nikkei"),
    ("Hội đồng Bảo an LHQ nhiệm kỳ 2020-2021 họp.", "Hội đồng Bảo an LHQ"),
    ("Tổ chức Bộ trưởng Giáo dục các nước Đông Nam Á (SEAMEO) họp.",
     "Tổ chức Bộ trưởng Giáo dục các nước Đông Nam Á (SEAMEO)"),
    # a place after an acronym stays in the name
    ("Sở GDĐT tỉnh Thái Bình tổ chức hội nghị.", "Sở GDĐT tỉnh Thái Bình"),
])
def test_organisation_name_ends_where_it_should(pipe, text, org):
    assert org in entities(pipe, text, ORG)


@pytest.mark.parametrize(("text", "org", "person", "title"), [
    ("Ông gặp Chủ tịch Trung tâm Tài chính Dubai Arif Amiri tại Hà Nội.",
     "Trung tâm Tài chính Dubai", "Arif Amiri", "Chủ tịch Trung tâm Tài chính Dubai"),
    ("Chủ tịch Tập đoàn Nidec Shigenobu Nagamori bày tỏ vui mừng.",
     "Tập đoàn Nidec", "Shigenobu Nagamori", "Chủ tịch Tập đoàn Nidec"),
    ("Chánh án Tòa án Tối cao Javier Arévalo Vela phát biểu.",
     "Tòa án Tối cao", "Javier Arévalo Vela", "Chánh án Tòa án Tối cao"),
    ("Chủ nhiệm Ủy ban Xã hội của Quốc hội Nguyễn Thúy Anh phát biểu.",
     "Ủy ban Xã hội của Quốc hội", "Nguyễn Thúy Anh", "Chủ nhiệm Ủy ban Xã hội của Quốc hội"),
])
def test_a_name_after_a_titled_body_is_a_person(pipe, text, org, person, title):
    assert org in entities(pipe, text, ORG)
    assert entities(pipe, text, PER)[person][1] == title


@pytest.mark.parametrize("text", [
    "Giám đốc Học viện Chính trị Quốc gia Hồ Chí Minh phát biểu khai mạc.",
    "Giám đốc Sở Ngoại vụ Hà Nội cho biết như vậy.",
])
def test_a_body_named_after_a_person_or_place_keeps_its_name(pipe, text):
    assert not entities(pipe, text, PER)


def test_an_international_bodys_official_borrows_no_country(pipe):
    found = entities(pipe, "Thủ tướng Ấn Độ Narendra Modi, Tổng Giám đốc WHO Tedros Adhanom Ghebreyesus "
                           "đã phát biểu.", PER)
    assert found["Narendra Modi"][0] == "IND"
    assert found["Tedros Adhanom Ghebreyesus"][0] is None


def test_an_office_after_a_rank_is_the_title(pipe):
    found = entities(pipe, "Trung tướng Nguyễn Văn Long, Thứ trưởng Bộ Công an tiếp đoàn.", PER)
    assert found["Nguyễn Văn Long"] == ("VNM", "Thứ trưởng Bộ Công an")
    # a rank alone stays the title
    assert entities(pipe, "Thượng tướng Nguyễn Chí Vịnh tiếp đoàn.", PER)["Nguyễn Chí Vịnh"][1] == "Thượng tướng"


def test_a_field_of_study_is_not_a_name(pipe):
    found = entities(pipe, "Phó Giáo sư Phương Đông học Anna Kireeva cho biết như vậy.", PER)
    assert "Anna Kireeva" in found
    assert "Phương Đông" not in found


def test_a_verb_after_a_body_is_not_its_name(pipe):
    assert "Bộ Chính trị" in entities(pipe, "Bộ Chính trị quyết định mở Chiến dịch Hồ Chí Minh lịch sử.", ORG)
    # ... but the same syllable inside a compound of the name stays
    assert "Ủy ban Nghị quyết Liên hợp quốc" in entities(pipe, "Ủy ban Nghị quyết Liên hợp quốc họp.", ORG)
    assert "Bộ Quy tắc" not in entities(pipe, "Hai bên sớm xây dựng Bộ Quy tắc ứng xử ở Biển Đông (COC).", ORG)


def test_a_country_word_after_an_honorific_is_a_given_name(pipe):
    art = pipe(article_from_text("Tập đoàn BRG của bà Nga ký hợp đồng.", id="t"))
    assert "Tập đoàn BRG" in {e.name for e in art.entities if e.type == ORG}
    assert not [e for e in art.entities if e.country == "RUS"]


def test_a_plural_or_former_title_is_no_mention_of_a_holder(pipe):
    art = pipe(article_from_text("Bộ trưởng Maxim Oreshkin phát biểu. Các Bộ trưởng APEC đã họp. "
                                 "Hai Bộ trưởng nhất trí.", id="t"))
    titles = [m for m in art.mentions if m.label == "TITLE" and m.start > 40]
    assert not titles


def test_an_academician_is_a_title():
    pipe = Pipeline(disable=ONLY_ACTORS)
    found = entities(pipe, "Chủ tịch nước tiếp Viện sỹ Thông tấn Viện Hàn lâm khoa học Liên bang Nga "
                           "Sidelnikov Nikolai Ivanovich cùng đoàn.", PER)
    assert found["Sidelnikov Nikolai Ivanovich"][0] == "RUS"


def test_press_abbreviations_of_the_two_countries(pipe):
    found = entities(pipe, "Đoàn do Hội trưởng Hội Hữu nghị đối ngoại nhân dân TQ Lý Tiểu Lâm làm trưởng đoàn.", PER)
    assert found["Lý Tiểu Lâm"] == ("CHN", "Hội trưởng Hội Hữu nghị đối ngoại nhân dân TQ")
    art = pipe(article_from_text("VN và TQ nhất trí tăng cường hợp tác.", id="t"))
    assert {e.country for e in art.entities} == {"VNM", "CHN"}


def test_a_title_joined_by_va_is_not_part_of_the_body(pipe):
    found = entities(pipe, "Bộ trưởng Bộ Kế hoạch và Đầu tư và Thứ trưởng Bộ Công Thương Hồ Thị Kim Thoa ký.", PER)
    assert found["Hồ Thị Kim Thoa"] == ("VNM", "Thứ trưởng Bộ Công Thương")


def test_an_official_of_a_part_of_an_international_body_borrows_no_country(pipe):
    found = entities(pipe, "Tại Nam Sudan, đoàn do bà Bianca Selway, đại diện Cục Gìn giữ hòa bình Liên Hợp Quốc "
                           "dẫn đầu.", PER)
    assert found["Bianca Selway"][0] is None


def test_central_abbreviation_is_part_of_the_title(pipe):
    found = entities(pipe, "Tham dự có Trưởng Ban Dân vận T.Ư Trương Thị Mai và phía Trung Quốc.", PER)
    assert found["Trương Thị Mai"][0] == "VNM"


def test_a_bbc_photo_credit_is_no_actor(pipe):
    art = pipe(article_from_text("Thủ tướng phát biểu. Nguồn hình ảnh, Linh Pham/Bloomberg/Getty Images Chụp lại "
                                 "hình ảnh, Bộ Quốc phòng Việt Nam tổ chức lễ.", id="t"))
    names = {e.name for e in art.entities}
    assert not any("Linh" in n or "Getty" in n for n in names)
    assert "Bộ Quốc phòng Việt Nam" in names


def test_a_vietnamese_namesake_is_vietnamese_and_a_chinese_leader_chinese(pipe):
    found = entities(pipe, "Tình hữu nghị Việt - Trung do Chủ tịch Hồ Chí Minh, Chủ tịch Mao Trạch Đông vun đắp.", PER)
    assert found["Hồ Chí Minh"][0] == "VNM"
    assert found["Mao Trạch Đông"][0] == "CHN"


def test_a_name_after_a_titled_body_is_left_to_the_title_chain(pipe):
    found = entities(pipe, "Chủ tịch HĐQT Công ty CP Đầu tư Times Square Chu Lập Cơ bị bắt.", PER)
    assert found == {"Chu Lập Cơ": ("VNM", "Chủ tịch HĐQT Công ty CP Đầu tư Times Square")}


def test_a_title_alone_naming_a_bodys_acronym_takes_its_country(pipe):
    art = pipe(article_from_text("Đoàn đã hội đàm với Chủ tịch Liên hiệp Công đoàn Belarus (FTUB) Yuri Senko. "
                                 "Chủ tịch Tổng LĐLĐVN Nguyễn Đình Khang gửi lời chào. "
                                 "Chủ tịch FTUB đánh giá cao quan hệ.", id="t"))
    alone = [m for m in art.mentions if m.label == "TITLE" and art.text_clean[m.start:m.end] == "Chủ tịch FTUB"]
    assert [(m.name, m.country) for m in alone] == [("Yuri Senko", "BLR")]
