"""Figures: what a figure is about when no cue stands right before it; units that are words;
raise verbs that govern a figure; the regex engine's case-blind letters."""

from __future__ import annotations

import re

from sukien.model import Article
from sukien.stages import quantities as Q
from sukien.stages.dates import resolve_dates


def figures(text: str, published: str | None = "2017-06-01"):
    art = resolve_dates(Article(id="t", text_clean=text, published=published))
    return Q.find_quantities(art).quantities


def test_a_sum_is_about_the_cue_right_after_its_unit():
    (q,) = figures("Để sớm đạt mục tiêu 500 triệu USD kim ngạch thương mại giữa hai nước, hai bên lập hội đồng.")
    assert q.about == "bilateral trade"
    (q,) = figures("Việt Nam đã thu hút được hơn 300 tỷ USD tổng vốn đầu tư nước ngoài từ 119 đối tác.")
    assert q.about == "investment"


def test_a_count_keeps_its_own_words_and_a_ratio_not_its_base():
    (q,) = figures("Việt Nam hiện có 18 dự án đầu tư tại Nga.")
    assert q.about == "dự án đầu tư tại Nga"
    (q,) = figures("số du học sinh gấp 3 lần tổng số du học sinh của các nước khác.")
    assert q.about != "students"


def test_a_sentence_without_a_subject_is_about_the_previous_sentences_cue():
    qs = figures("Trao đổi thương mại hai nước duy trì đà tăng. Năm 2016 đạt hơn 3 tỷ USD, tăng 30% so với năm 2013.")
    assert qs[0].about == "bilateral trade" and qs[0].year == 2016
    # a sentence with a subject of its own does not borrow one
    qs = figures("Trao đổi thương mại hai nước duy trì đà tăng. Công ty đạt doanh thu 3 tỷ USD.")
    assert qs[0].about == "revenue"
    qs = figures("Trao đổi thương mại hai nước duy trì đà tăng. Tập đoàn Boeing thắng thầu 11 tỷ USD.")
    assert qs[0].about != "bilateral trade"


def test_trade_between_the_two_countries_and_shares_and_incomes_are_named():
    (q,) = figures("Thương mại giữa hai nước đã đạt 47 tỷ USD vào năm 2016.")
    assert (q.about, q.year) == ("bilateral trade", 2016)
    (q,) = figures("Với thị phần chiếm 57%, công ty dẫn đầu thị trường.")
    assert q.about == "market share"
    (q,) = figures("Việt Nam với thu nhập bình quân 3.600 USD đã bước qua đói nghèo.")
    assert q.about == "income per capita"


def test_the_vietnamese_tail_stops_before_a_number_and_drops_the_words_of_a_year():
    qs = figures("Ông nhận định con số này có thể tăng lên 300 triệu USD trong cả năm 2017.")
    assert qs[0].about == "usd"
    qs = figures("Tập đoàn ký 19 dự án với tổng vốn 12 tỉ USD.")
    assert qs[0].about == "dự án với tổng vốn"


def test_comrades_are_no_currency():
    assert figures("ông cùng 4 đồng đội băng rừng để sang Việt Nam.") == []
    assert [q.unit for q in figures("dự án trị giá 5.500 tỉ đồng.")] == ["VND"]


def test_letters_the_case_blind_regex_also_takes_are_found_by_the_engine():
    extras = Q.regex_fold_extras(frozenset("is"))
    assert {"ı", "ſ"} <= set(extras)
    assert all(re.fullmatch("[is]", c, re.IGNORECASE) and c.lower() not in "is" for c in extras)
    assert Q.regex_fold_extras(frozenset()) == ()
    # a clause holding one of them is tested by the regex, not the automaton: same figures
    plain = figures("Nhật Bản viện trợ 30 triệu USD cho Việt Nam.")
    dotless = figures("Nhật Bản vıện trợ 30 triệu USD cho Việt Nam.")
    assert [q.kind for q in plain] == ["amount"] and [q.value for q in dotless] == [3e7]


def test_the_plane_scan_misses_no_letter_beyond_it():
    # every character of the higher planes whose case-blind match takes a cue letter: none
    letters = "".join(sorted({c for w in ("ước", "khoảng", "hiện", "tăng", "sẽ", "ıs") for c in w}))
    higher = "".join(map(chr, range(0x10000, 0x110000)))
    assert re.findall(f"[{re.escape(letters)}]", higher, re.IGNORECASE) == []


def test_a_sentence_led_into_its_year_frames_the_figures_that_carry_it_on():
    text = ("Theo thống kê của Việt Nam, năm 2016, kim ngạch thương mại song phương đạt gần 72 tỷ USD. "
            "Trong đó, Việt Nam xuất khẩu gần 22 tỷ USD; nhập gần 50 tỷ USD.")
    assert [q.year for q in figures(text)] == [2016, 2016, 2016]


def test_people_are_not_an_investment():
    (q,) = figures("Hoa Kỳ là nhà đầu tư lớn ở Việt Nam, và hiện có 21.000 sinh viên Việt Nam đang học tập tại Hoa Kỳ.")
    assert q.about != "investment"
    (q,) = figures("nhà đầu tư Hàn Quốc đã có 900 dự án tại Hà Nội.")
    assert q.about == "investment"


def test_a_raise_verb_makes_a_target_only_right_before_its_figure():
    (q,) = figures("hai bên nhất trí đưa kim ngạch thương mại song phương lên mức 1 tỷ USD.")
    assert q.kind == "target"
    (q,) = figures("Australia muốn nâng cấp quan hệ với Việt Nam lên Đối tác chiến lược, đồng thời nhấn mạnh "
                   "cộng đồng hơn 200.000 người gốc Việt.")
    assert (q.kind, q.year) == ("statistic", 2017)
    (q,) = figures("Chỉ sau 30 phút lên sóng, bộ phim phá mốc rating 2%.")
    assert q.kind == "statistic"


def test_pledged_aid_is_an_amount_and_a_partnerships_name_sets_no_target():
    (q,) = figures("Chính phủ Đức đã cam kết dành cho Việt Nam khoản ODA hơn 600 triệu Euro.")
    assert q.kind == "amount"
    (q,) = figures("trên nền tảng của quan hệ Đối tác Chiến lược hướng tới tương lai, kim ngạch thương mại "
                   "đạt gần 3 tỷ euro năm 2016.")
    assert (q.kind, q.year) == ("statistic", 2016)
    qs = figures("G20 chiếm 67% dân số thế giới, 85% GDP toàn cầu và 75% thương mại quốc tế.")
    assert [q.about for q in qs] == ["world population", "GDP", "world trade"]


def test_a_forecast_or_a_wish_right_before_a_figure_makes_it_a_target():
    (q,) = figures("Ông nhận định con số này có thể tăng lên 300 triệu USD trong cả năm.")
    assert q.kind == "target"
    (q,) = figures("Bangladesh mong muốn mua tổng số lượng khoảng 500.000 tấn gạo của Việt Nam.")
    assert q.kind == "target"
    # a forecast far before the figure, or a noun "dự báo", governs nothing
    (q,) = figures("lạm phát vẫn còn dai dẳng hơn dự báo, nhiều hơn 2 người so với cuộc họp trước.")
    assert q.kind == "statistic"
