"""Date forms of Vietnamese news, resolved with and without a publication date."""

from __future__ import annotations

import pytest

from sukien.model import Article
from sukien.stages.dates import (
    apply_year,
    date_for_offset,
    find_dates,
    infer_year,
    parse_published,
    resolve_dates,
)


def one(text: str, published: str | None = None):
    spans = find_dates(text, published)
    assert len(spans) == 1, [(text[s.start:s.end], s.value) for s in spans]
    return spans[0]


@pytest.mark.parametrize(("text", "published", "value", "part"), [
    ("Chiều 21/11, tại Trụ sở", "2025-11-21", "2025-11-21", "afternoon"),
    ("Chiều 21/11, tại Trụ sở", None, "--11-21", "afternoon"),
    ("chiều 10-8, tại thủ đô Seoul", "2025-08-11", "2025-08-10", "afternoon"),
    ("Chiều 10.3, thông tin từ Công an", "2023-03-10T18:00", "2023-03-10", "afternoon"),
    ("trưa 11/8 (giờ địa phương), Tổng Bí thư", "2025-08-11", "2025-08-11", "noon"),
    ("tối 30/5 (giờ Mỹ), ông nói", "2025-05-31", "2025-05-30", "evening"),
    ("ngày 21/11/2025, hai bên", None, "2025-11-21", None),
    ("ngày 21 tháng 11 năm 2025, hai bên", None, "2025-11-21", None),
    ("ký vào ngày 29.5.2015 và", None, "2015-05-29", None),
    ("thiết lập quan hệ ngoại giao ngày 25-3-1971.", "2024-11-06", "1971-03-25", None),
    ("Sáng nay, Thủ tướng", "2024-06-17T08:00:00+07:00", "2024-06-17", "morning"),
    ("Hôm qua, Thủ tướng", "2024-06-17", "2024-06-16", None),
    ("Chiều qua 28.6, Chủ tịch nước", None, "--06-28", "afternoon"),
])
def test_day_forms(text, published, value, part):
    span = one(text, published)
    assert (span.value, span.precision, span.part_of_day) == (value, "day", part)


def test_timezone_note_is_kept_in_the_span():
    text = "trưa 11/8 (giờ địa phương), Tổng Bí thư"
    span = one(text)
    assert text[span.start:span.end] == "trưa 11/8 (giờ địa phương)"
    assert span.attrs["timezone"] == "địa phương"


@pytest.mark.parametrize(("text", "published", "value"), [
    ("thăm cấp Nhà nước Hàn Quốc từ ngày 10 đến ngày 13-8, theo", "2025-08-12", "2025-08-10/2025-08-13"),
    ("thăm từ 10-13/8 và", "2025-08-12", "2025-08-10/2025-08-13"),
    ("thăm cấp Nhà nước tới Việt Nam từ ngày 31/7-3/8.", "2024-08-01", "2024-07-31/2024-08-03"),
    ("thăm chính thức Việt Nam từ ngày 24 - 27/4/2021.", None, "2021-04-24/2021-04-27"),
    ("sẽ thăm cấp nhà nước Việt Nam trong hai ngày 19 và 20-6.", "2024-06-17", "2024-06-19/2024-06-20"),
    ("thăm từ ngày 10 đến ngày 13-8, theo", None, "--08-10/--08-13"),
])
def test_intervals(text, published, value):
    assert one(text, published).value == value


def test_same_day_takes_the_previous_date_and_its_own_part_of_day():
    spans = find_dates("Chiều 25/6, tại Hà Nội, ... Tối cùng ngày, Phó Chủ tịch tiếp Đại sứ.", "2024-06-25")
    assert [(s.value, s.part_of_day) for s in spans] == [("2024-06-25", "afternoon"), ("2024-06-25", "evening")]
    undated = find_dates("Chiều 12-5, tại Bắc Kinh ... Chiều cùng ngày, Chủ tịch nước hội kiến")
    assert [s.value for s in undated] == ["--05-12", "--05-12"]


def test_parenthesised_restatement_is_an_alternative():
    text = "Sáng 30/6 theo giờ địa phương (chiều cùng ngày theo giờ Hà Nội), tại Moskva, hội kiến"
    first, second = find_dates(text)
    assert first.part_of_day == "morning" and not first.attrs.get("alternative")
    assert second.attrs.get("alternative") and second.part_of_day == "afternoon"
    art = resolve_dates(Article(id="t", text_clean=text))
    assert date_for_offset(art, text.index("hội kiến")).part_of_day == "morning"


@pytest.mark.parametrize(("text", "value"), [
    ("thứ Năm, ông nói", "2025-11-20"),  # published on a Friday: the Thursday before
    ("Chủ nhật, ông nói", "2025-11-16"),
    ("thứ Năm tới, ông sẽ", "2025-11-27"),
    ("thứ Năm tuần tới, ông sẽ", "2025-11-27"),
    ("tuần tới, ông sẽ", "2025-11-24/2025-11-30"),
])
def test_weekdays_and_weeks(text, value):
    assert one(text, "2025-11-21").value == value


def test_weekday_without_publication_is_unknown_and_ordinals_are_not_weekdays():
    assert one("thứ Năm, ông nói").value is None
    assert find_dates("Đây là lần thứ năm ông đến; thứ hai là hợp tác", "2025-11-21") == []


@pytest.mark.parametrize(("text", "published", "value", "precision"), [
    ("nâng cấp quan hệ lên đối tác chiến lược toàn diện tháng 12/2022.", None, "2022-12", "month"),
    ("từ tháng 12 năm 2022", None, "2022-12", "month"),
    ("vào tháng 6 tới", "2025-11-21", "2026-06", "month"),
    ("vào tháng 11 năm ngoái", "2017-05-11", "2016-11", "month"),
    ("cuối tháng 6", "2025-11-21", "2025-06", "month"),
    ("quý 1/2017 đón", None, "2017-01/2017-03", "month"),
    ("đạt 150 tỷ USD vào năm 2030", "2025-11-21", "2030", "year"),
    ("đầu năm, hai bên", "2025-11-21", "2025", "year"),
    ("giai đoạn 2011-2030", None, "2011/2030", "year"),
])
def test_month_and_year_forms(text, published, value, precision):
    span = one(text, published)
    assert (span.value, span.precision) == (value, precision)


def test_edge_of_month_is_recorded():
    assert one("cuối tháng 6", "2025-11-21").attrs["edge"] == "end"


def test_year_list_gives_one_span_per_year():
    spans = find_dates("vào các năm 2001, 2006, 2013.")
    assert [s.value for s in spans] == ["2001", "2006", "2013"]


@pytest.mark.parametrize("text", [
    "Sau hơn 30 năm xây dựng và phát triển",
    "đội nhà thắng 2-1 trên sân",
    "khoảng 1.000 người và 320.000 người",
    "liên hệ số 0912.345.678",
    "tăng 2.3% và 9-12%",
    "xếp thứ 3/10 và thứ 23/116, 28/145 quốc gia",
    "APEC 2027 và 150 tỷ USD",
])
def test_false_positives(text):
    assert find_dates(text, "2025-11-21") == []


def test_year_window_around_publication():
    assert one("chiều 10/1", "2025-12-20").value == "2026-01-10"  # December article, January date
    assert one("chiều 25/12", "2025-01-05").value == "2024-12-25"  # January article, last December
    assert one("từ ngày 9 đến 12-11", "2024-11-06").value == "2024-11-09/2024-11-12"


def test_infer_year_from_the_text_only():
    same_day = Article(id="a", text_clean="Ngày 6/6, Thủ tướng ... Sáng 6/6/2017, tại Hoàng Cung, hội kiến")
    assert infer_year(same_day) == 2017
    assert [s.value for s in resolve_dates(same_day).dates] == ["2017-06-06", "2017-06-06"]
    history_only = Article(id="b", text_clean="Chiều 31/5, Thủ tướng ... Tuyên ngôn độc lập ngày 2/9/1945 " * 3)
    assert infer_year(history_only) is None
    assert resolve_dates(history_only).dates[0].value == "--05-31"
    no_evidence = Article(id="c", text_clean="Chiều 21/11, hội kiến; mục tiêu 150 tỷ USD vào năm 2030")
    assert infer_year(no_evidence) is None


def test_apply_year_is_the_hook_for_later_evidence():
    art = resolve_dates(Article(id="a", text_clean="Chiều 21/11, hội kiến. Chiều cùng ngày, tiếp."))
    assert [d.value for d in art.dates] == ["--11-21", "--11-21"]
    apply_year(art, 2025, "office-holder tenures")
    assert [d.value for d in art.dates] == ["2025-11-21", "2025-11-21"]
    assert art.meta["inferred_year"] == 2025


def test_date_for_offset_sentence_then_paragraph_then_dateline():
    text = ("Chiều 21/11, tại Phủ Chủ tịch, Chủ tịch nước hội kiến ông Woo. Hai bên nhất trí hợp tác.\n"
            "Chủ tịch nước đề nghị hai bên thúc đẩy quan hệ thiết lập năm 1992.\n"
            "Ông cảm ơn.")
    art = resolve_dates(Article(id="a", text_clean=text, published="2025-11-21"))
    assert date_for_offset(art, text.index("hội kiến")).value == "2025-11-21"
    assert date_for_offset(art, text.index("nhất trí")).value == "2025-11-21"  # same paragraph
    assert date_for_offset(art, text.index("thúc đẩy")).value == "1992"  # the sentence's own date
    assert date_for_offset(art, text.index("thúc đẩy"), precisions=("day",)).value == "2025-11-21"
    assert date_for_offset(art, text.index("cảm ơn")).value == "2025-11-21"  # dateline
    assert date_for_offset(Article(id="b", text_clean="Không có ngày."), 3) is None


def test_parse_published():
    assert str(parse_published("2024-06-17T08:00:00+07:00")) == "2024-06-17"
    assert parse_published("hôm qua") is None and parse_published(None) is None


def test_date_for_offset_skips_target_years_and_prefers_the_narrative_day():
    text = ("Sáng 11/7, tại Vientiane, Chủ tịch nước hội đàm với Tổng Bí thư Lào.\n"
            "Trong hội đàm, Chủ tịch nước nhấn mạnh Việt Nam sẵn sàng hỗ trợ Lào trong năm Chủ tịch ASEAN năm 2024.\n"
            "Hai bên nỗ lực để đến năm 2030 đạt mục tiêu 10 tỷ USD.")
    art = resolve_dates(Article(id="a", text_clean=text, published="2024-07-11"))
    assert date_for_offset(art, text.index("nhấn mạnh")).value == "2024-07-11"  # "năm 2024" ⊇ the day
    assert date_for_offset(art, text.index("nỗ lực")).value == "2024-07-11"  # a target year is no date


def test_date_for_offset_future_sentence_takes_the_announced_trip():
    text = ("Theo thông cáo ngày 6-11, Chủ tịch nước sẽ thăm chính thức Chile từ ngày 9 đến 12-11.\n"
            "Chủ tịch nước sẽ có các cuộc hội đàm, hội kiến quan trọng.")
    art = resolve_dates(Article(id="a", text_clean=text, published="2024-11-06"))
    assert date_for_offset(art, text.index("hội đàm")).value == "2024-11-09/2024-11-12"


def test_date_for_offset_one_sentence_per_line_keeps_the_day():
    text = ("Đoàn thăm chính thức Việt Nam từ ngày 24 - 27/4/2021.\nChiều 25/4, tại Hà Nội, Bộ trưởng chủ trì lễ đón.\n"
            "Sau lễ đón, hai bên hội đàm.\nSau hội đàm, hai Bộ trưởng chứng kiến ký kết Bản ghi nhớ.")
    art = resolve_dates(Article(id="a", text_clean=text, published="2021-04-25"))
    assert date_for_offset(art, text.index("chứng kiến")).value == "2021-04-25"


def test_a_dated_sentence_opening_a_line_is_not_a_dateline():
    text = "Chiều 28-6, Chủ tịch nước hội kiến.\nNgày 1-3-2001, hai nước ký Tuyên bố chung.\nHôm nay (29.6), hội đàm."
    assert infer_year(Article(id="a", text_clean=text)) is None
    assert infer_year(Article(id="b", text_clean="Tiêu đề\n22:00 25/06/2024\nChiều 25/6, tại Hà Nội")) == 2024


@pytest.mark.parametrize(("text", "value", "edge"), [
    ("dịp mùng 2-9 năm nay", "2025-09-02", None),  # "năm nay" overrides the publication window
    ("ngày 25/12 năm ngoái", "2024-12-25", None),
    ("vào hạ tuần tháng 5, đoàn sẽ thăm", "2025-05", "end"),
    ("thượng tuần tháng 12/2024", "2024-12", "start"),
])
def test_more_vietnamese_forms(text, value, edge):
    span = one(text, "2025-04-20")
    assert span.value == value and span.attrs.get("edge") == edge


def test_date_for_offset_prefers_the_trip_for_visits():
    text = ("Tổng Bí thư thăm cấp Nhà nước Hàn Quốc từ ngày 10 đến ngày 13-8.\n"
            "Chiều 10-8, Tổng Bí thư gặp mặt kiều bào.\nChuyến thăm có ý nghĩa quan trọng.")
    art = resolve_dates(Article(id="a", text_clean=text, published="2025-08-10"))
    offset = text.index("Chuyến thăm")
    assert date_for_offset(art, offset).value == "2025-08-10"
    assert date_for_offset(art, offset, prefer_interval=True).value == "2025-08-10/2025-08-13"


def test_two_full_dates_joined_by_a_dash_are_both_read_and_the_anniversary_year_is_the_present():
    art = Article(id="d", text_clean="Chiều 24/6, Thủ tướng tiếp Chủ tịch Quốc hội Campuchia, nhân dịp kỷ niệm 50 năm "
                                     "Ngày thiết lập quan hệ ngoại giao (24/6/1967-24/6/2017).")
    assert [s.value for s in find_dates(art.text_clean)][-2:] == ["1967-06-24", "2017-06-24"]
    assert infer_year(art) == 2017
    assert resolve_dates(art).dates[0].value == "2017-06-24"
