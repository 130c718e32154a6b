"""Figures: Vietnamese number formats, scales, units, qualifiers, kinds and years; gold floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sukien.model import Article
from sukien.stages.dates import resolve_dates
from sukien.stages.quantities import find_quantities

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def figures(text: str, published: str | None = None):
    art = resolve_dates(Article(id="t", text_clean=text, published=published))
    return find_quantities(art).quantities


def one(text: str, published: str | None = None):
    qs = figures(text, published)
    assert len(qs) == 1, [(q.value, q.unit) for q in qs]
    return qs[0]


def test_target_with_year():
    q = one("góp phần hoàn thành mục tiêu nâng kim ngạch thương mại song phương đạt 150 tỷ USD vào năm 2030.")
    assert (q.value, q.unit, q.kind, q.year, q.about) == (1.5e11, "USD", "target", 2030, "bilateral trade")


@pytest.mark.parametrize(("text", "value", "unit", "approx"), [
    ("tổng số người Việt Nam tại Hàn Quốc là khoảng 320.000 người.", 320000, "person", "about"),
    ("với tổng vốn hơn 5.500 tỉ đồng.", 5.5e12, "VND", "over"),
    ("khoản vay 1,5 tỷ euro cho dự án.", 1.5e9, "EUR", None),
    ("có trên 40.000 cô dâu lấy chồng Hàn Quốc.", 40000, "person", "over"),
    ("lưu học sinh là gần 100.000 người.", 100000, "person", "nearly"),
    ("đầu tư của Việt Nam từ khoảng hơn 100 triệu USD.", 1e8, "USD", "over"),
    ("dưới 10% kim ngạch.", 10, "percent", "under"),
    ("tổng vốn đăng ký đạt 984,98 triệu USD.", 984.98e6, "USD", None),
    ("Việt Nam hiện có hai dự án đầu tư tại Peru.", 2, "project", None),
    ("năm 2015 đón 340.000 lượt khách.", 340000, "visitor", None),
    ("chi phí 4.500 USD/kW (năm 2009).", 4500, "USD/kW", None),
])
def test_number_formats_scales_units_and_qualifiers(text, value, unit, approx):
    q = one(text, "2024-06-17")
    assert q.value == pytest.approx(value) and q.unit == unit and q.approx == approx


@pytest.mark.parametrize(("text", "kind"), [
    ("Kim ngạch thương mại năm 2016 đạt 2,7 tỷ USD.", "statistic"),
    ("Kim ngạch năm 2023 tăng 2,3% so với cùng kỳ năm 2022.", "change"),
    ("nhằm đưa kim ngạch thương mại song phương lên 20 tỉ USD.", "target"),
    ("Nhật Bản viện trợ 30 triệu USD cho Việt Nam.", "amount"),
])
def test_kinds(text, kind):
    assert one(text, "2024-06-17").kind == kind


def test_years_after_before_comparison_and_paragraph_opening():
    text = ("Năm 2024, tổng số người Việt Nam tại Hàn Quốc là khoảng 320.000 người, tăng 50.000 người so với 2023. "
            "Trong đó lưu học sinh là gần 100.000 người. Hậu duệ dòng họ Lý ước khoảng 1.000 người.\n"
            "Kim ngạch thương mại hai chiều năm 2016 đạt 2,7 tỷ USD, tăng 25% so với năm 2015. "
            "Quan hệ thương mại từ 534 triệu USD năm 2013 lên 2,15 tỉ USD năm 2022.")
    got = {(q.value, q.unit): q.year for q in figures(text)}
    assert got[(320000, "person")] == 2024
    assert got[(50000, "person")] == 2024  # "so với 2023" is the comparison, not the figure's year
    assert got[(100000, "person")] == 2024  # "Trong đó" carries the opening year on
    assert got[(1000, "person")] is None  # a new topic does not; undated article: no guess
    assert got[(2.7e9, "USD")] == 2016 and got[(25, "percent")] == 2016
    assert got[(5.34e8, "USD")] == 2013 and got[(2.15e9, "USD")] == 2022


def test_undated_figures_take_the_publication_year_unless_timeless():
    assert one("Nga hiện có 186 dự án đầu tư tại Việt Nam.", "2024-06-17").year == 2024
    assert one("Tổng thống Putin từng bốn lần đến Việt Nam.", "2024-06-17").unit == "visit"
    assert one("Tổng thống Putin từng bốn lần đến Việt Nam.", "2024-06-17").year is None
    assert one("chi phí đang giảm từ 9-12% năm.", "2024-06-17").year is None
    assert one("nhằm đưa kim ngạch lên 20 tỉ USD.", "2024-06-17").year is None  # a target keeps none


@pytest.mark.parametrize("text", [
    "Sau hơn 30 năm xây dựng và phát triển, hai bên",
    "Chiều 21/11, tại Hà Nội, lần thứ 21",
    "xếp thứ 23/116 quốc gia và vùng lãnh thổ",
    "hai bên, hai nước, Điều 5 của Hiệp định",
    "3 đồng chí lãnh đạo và 2 tấn công",
    "phiên họp lần thứ 7, tỷ số 2-1",
])
def test_not_figures(text):
    assert figures(text, "2025-11-21") == []


def test_headline_repeating_the_body_is_one_figure():
    text = ("Nâng kim ngạch thương mại song phương lên 150 tỷ USD vào năm 2030\n"
            "Tổng Bí thư đề nghị hoàn thành mục tiêu nâng kim ngạch đạt 150 tỷ USD vào năm 2030.")
    assert len(figures(text, "2025-11-21")) == 1


def _scores(gold_name: str, corpus: Path):
    from sukien.evaluation.run import evaluate
    from sukien.pipeline import Pipeline

    pipe = Pipeline(raise_errors=False, disable=("actors", "events", "statements", "documents", "relations"))
    return evaluate(SHARED / "gold" / gold_name, corpus, pipeline=pipe).result.to_dict()["totals"]["quantities"]


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="shared gold not present")
def test_gold_floor_seeds():
    assert _scores("seeds.json", SHARED / "corpus" / "seeds")["f1"] >= 0.95


@pytest.mark.skipif(not (SHARED / "gold" / "dev.json").exists(), reason="shared gold not present")
def test_gold_floor_dev():
    assert _scores("dev.json", SHARED / "corpus" / "dev" / "dev.jsonl")["f1"] >= 0.93


def test_range_keeps_its_upper_end():
    q = one("chi phí năng lượng tái tạo đang giảm từ 9-12% năm.", "2024-06-17")
    assert (q.value, q.value_max, q.unit, q.kind) == (9, 12, "percent", "change")


def test_per_units_after_a_slash():
    got = [(q.value, q.unit) for q in figures("giá cà phê giảm 2 USD/tấn; vàng 85,6 triệu đồng/lượng.", "2025-01-01")]
    assert got == [(2, "USD/tonne"), (85.6e6, "VND/tael")]


def test_evidence_is_the_sentence_without_surrounding_space():
    text = "Hai bên hội đàm. Năm 2024, có khoảng 320.000 người Việt Nam tại Hàn Quốc. Hết."
    (q,) = figures(text)
    assert q.evidence.text == "Năm 2024, có khoảng 320.000 người Việt Nam tại Hàn Quốc."
    assert text[q.evidence.start:q.evidence.end] == q.evidence.text


def test_qualifier_and_change_verb_right_after_a_parenthesis():
    qs = figures("đạt gần 72 tỷ USD (tăng 7,9% so với năm 2015), tức 100,3 tỷ Yên (hơn 900 triệu USD).")
    by_unit = {(q.unit, q.value): q for q in qs}
    assert by_unit[("percent", 7.9)].kind == "change"
    assert by_unit[("USD", 9e8)].approx == "over"


def test_about_cue_inside_a_longer_cue_does_not_name_the_figure():
    q = one("kim ngạch xuất nhập khẩu năm 2016 đạt gần 72 tỷ USD.")
    assert q.about == "bilateral trade"  # not "imports" from "nhập khẩu" inside it
    assert one("Khoản vay 250,62 triệu USD bổ sung cho dự án.").about == "loans"


def test_about_words_after_the_unit_stop_at_the_clause_end():
    qs = figures("4 tháng đầu năm 2017 đạt 1,1 tỷ USD. Việc mở rộng hợp tác là cần thiết.")
    assert [q.about for q in qs] == ["usd"]
    assert one("trị giá 40 triệu USD, dự án hợp tác của hai bên.").about == "usd"


def test_counts_of_documents_take_the_present_year_only_when_signed():
    signed = one("hai nhà lãnh đạo đã chứng kiến lễ ký kết sáu văn kiện hợp tác.", "2024-10-29")
    in_force = one("phối hợp quản lý biên giới theo 03 văn kiện pháp lý về biên giới.", "2024-09-23")
    assert (signed.value, signed.year) == (6, 2024)
    assert (in_force.value, in_force.unit, in_force.year) == (3, "document", None)


def test_growth_names_a_rate_not_a_sum():
    qs = figures("Kim ngạch thương mại hai chiều tăng trưởng liên tục ở mức 20% trong những năm gần đây, "
                 "ước đạt 53 tỷ USD năm 2016.")
    assert [(q.unit, q.about) for q in qs] == [("percent", "growth"), ("USD", "bilateral trade")]


@pytest.mark.parametrize("text", [
    "kim ngạch thương mại hai bên đã lên tới gần 30 tỷ USD.",  # amounted to
    "Vốn hóa thị trường của công ty cũng theo đó tăng lên hơn 5.700 tỷ đồng.",  # rose to: a level
    "Tọa đàm do Bộ Kế hoạch và Đầu tư tổ chức với sự tham dự của gần 500 doanh nghiệp.",
    "Hiện Nhật Bản là nhà cung cấp ODA lớn nhất với tổng số vốn ODA cam kết là 30 tỷ USD.",
])
def test_target_words_inside_other_phrases_do_not_make_a_target(text):
    assert one(text, "2017-06-01").kind in ("statistic", "amount")  # (ODA pledged: an amount)


def test_targets_stay_targets():
    assert one("Hai bên đặt mục tiêu nâng kim ngạch lên tới 10 tỷ USD vào năm 2020.").kind == "target"
    q = one("UAE cam kết xóa bỏ thuế quan theo lộ trình đối với 99% kim ngạch xuất khẩu của Việt Nam.", "2024-10-29")
    assert (q.kind, q.year) == ("target", None)


def test_undated_article_with_an_evidenced_year_reads_as_one_of_that_year():
    text = ("Chiều 28/10/2024, Thủ tướng hội đàm với Tổng thống.\n\n"
            "Sau hội đàm, hai nhà lãnh đạo đã chứng kiến lễ ký kết sáu văn kiện hợp tác. "
            "Việt Nam tặng Lào 20 xe điện. Kim ngạch trao đổi thương mại đạt 4 tỷ USD. "
            "Tổng vốn đăng ký đạt 1,6 tỷ USD.")
    by_value = {q.value: q.year for q in figures(text)}
    assert by_value[6] == 2024 and by_value[20] == 2024
    assert by_value[4e9] == 2024 and by_value[1.6e9] == 2024  # current figures, as in a dated article
    # without evidence of the year, only figures said to be current take one
    assert {q.value: q.year for q in figures(text.split("\n\n")[1])}[4e9] is None


def test_a_paragraph_framed_by_another_year_keeps_its_undated_figures_undated():
    text = ("Chiều 28/10/2025, Thủ tướng tiếp Đại sứ.\n\n"
            "Năm 2024, tổng số người Việt Nam tại Hàn Quốc là khoảng 320.000 người. "
            "Trong đó lưu học sinh là gần 100.000 người. Hậu duệ dòng họ Lý ước khoảng 1.000 người.\n\n"
            "Hai bên nhất trí hợp tác; đã có 3.000 doanh nghiệp tham gia.")
    by_value = {q.value: q.year for q in figures(text)}
    assert by_value[320000] == 2024 and by_value[100000] == 2024
    assert by_value[1000] is None  # three sentences after "Năm 2024, ...": not of 2025
    assert by_value[3000] == 2025  # a new paragraph


def test_a_share_is_about_what_follows_the_percent():
    qs = figures("Quy mô của G20 chiếm 2/3 dân số thế giới, 90% GDP toàn cầu và 80% thương mại quốc tế.")
    assert [(q.value, q.about) for q in qs][0] == (90, "GDP")
    assert one("UAE xóa bỏ thuế quan đối với 99% kim ngạch xuất khẩu của Việt Nam.").about == "exports"


def test_the_level_now_in_a_sentence_about_a_target_is_a_statistic():
    q = one("Thủ tướng mong muốn hai nước nỗ lực phấn đấu để tăng kim ngạch xuất nhập khẩu hiện đang ở mức 500 triệu USD.")
    assert q.kind == "statistic"
    assert one("hai bên nhất trí phấn đấu đưa kim ngạch thương mại hiện nay lên 1 tỷ USD.").kind == "target"
    assert one("Australia mong muốn nâng cấp quan hệ, với cộng đồng hơn 200.000 người gốc Việt.").kind == "statistic"


def test_a_clause_after_a_semicolon_takes_its_sentences_label_when_the_unit_fits():
    qs = figures("Kim ngạch thương mại song phương năm 2016 đạt 2,7 tỷ USD; 5 tháng đầu năm 2017 đạt 1,37 tỷ USD.")
    assert [q.about for q in qs] == ["bilateral trade", "bilateral trade"]
    qs = figures("Phúc Kiến có dân số 39 triệu người; sản lượng hàng hóa qua cảng mỗi năm là trên 450 triệu tấn.")
    assert [q.about for q in qs][1] != "population"
