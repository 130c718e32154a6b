"""Relations: frameworks and milestones between two countries; gold floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sukien.model import Article
from sukien.stages.dates import resolve_dates
from sukien.stages.relations import country_spans, find_relations

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def relations(text: str, published: str | None = None):
    art = resolve_dates(Article(id="t", text_clean=text, published=published))
    return find_relations(art).relations


def test_framework_with_compound_pair():
    (rel,) = relations("làm sâu sắc hơn quan hệ Đối tác Chiến lược Toàn diện Việt - Hàn, theo Bộ Ngoại giao.")
    assert sorted(rel.pair) == ["KOR", "VNM"] and rel.level == "Comprehensive Strategic Partnership"
    assert rel.date is None and rel.year is None


def test_upgrade_with_its_month():
    text = ("Quan hệ Việt Nam - Hàn Quốc phát triển mạnh, kể từ sau khi chính thức nâng cấp quan hệ lên "
            "đối tác chiến lược toàn diện tháng 12/2022.")
    (rel,) = relations(text)
    assert rel.level == "Comprehensive Strategic Partnership" and rel.date == "2022-12"


def test_longest_level_wins_and_one_relation_per_pair_and_level():
    text = ("Việt Nam coi trọng quan hệ Đối tác hợp tác chiến lược toàn diện với Trung Quốc. "
            "Hai bên thúc đẩy quan hệ đối tác hợp tác chiến lược toàn diện Việt Nam - Trung Quốc.")
    (rel,) = relations(text)
    assert rel.level == "Comprehensive Strategic Cooperative Partnership" and sorted(rel.pair) == ["CHN", "VNM"]


@pytest.mark.parametrize(("text", "published", "year", "date"), [
    ("Hai nhà lãnh đạo vui mừng trước thành tựu của Việt Nam và Hàn Quốc kể từ sau khi thiết lập quan hệ "
     "ngoại giao năm 1992 đến nay.", None, 1992, None),
    ("Việt Nam và Chile thiết lập quan hệ ngoại giao ngày 25-3-1971.", "2024-11-06", None, "1971-03-25"),
    ("Với Peru, chuyến thăm diễn ra khi Việt Nam và Peru kỷ niệm 30 năm thiết lập quan hệ ngoại giao trong "
     "năm 2024.", "2024-11-06", None, "1994-11-14"),  # the known date (diplomatic_relations.tsv)
    ("Việt Nam và Mozambique kỷ niệm 50 năm thiết lập quan hệ ngoại giao trong năm 2025.", "2025-09-25",
     1975, None),  # not in the table: counted back
])
def test_diplomatic_relations_established(text, published, year, date):
    (rel,) = relations(text, published)
    assert rel.level == "diplomatic relations established" and (rel.year, rel.date) == (year, date)


def test_no_relation_without_context_or_date():
    assert relations("Hai tập đoàn Hàn Quốc trở thành đối tác chiến lược của nhau.") == []  # no "quan hệ"
    # a milestone with no date of its own is not listed ("Hơn 70 năm qua, kể từ khi ...")
    assert relations("Hơn 70 năm qua, kể từ khi Việt Nam và Trung Quốc thiết lập quan hệ ngoại giao.") == []


def test_country_spans_short_forms_only_in_compounds():
    text = "quan hệ Việt - Hàn và Trung-Việt; người Việt ở Hàn Quốc; Liên bang Nga"
    codes = [c.iso3 for c in country_spans(text)]
    assert codes == ["VNM", "KOR", "CHN", "VNM", "KOR", "RUS"]


def _scores(gold_name: str, corpus: Path):
    from sukien.evaluation.run import evaluate
    from sukien.pipeline import Pipeline

    pipe = Pipeline(raise_errors=False, disable=("actors", "events", "statements", "documents", "quantities"))
    return evaluate(SHARED / "gold" / gold_name, corpus, pipeline=pipe).result.to_dict()["totals"]["relations"]


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="shared gold not present")
def test_gold_floors():
    assert _scores("seeds.json", SHARED / "corpus" / "seeds")["f1"] >= 0.95
    assert _scores("dev.json", SHARED / "corpus" / "dev" / "dev.jsonl")["f1"] >= 0.90


def test_anniversary_takes_the_year_of_its_sentence_or_nothing():
    dated = "Ngày 1/7/2017, hai bên tổ chức kỷ niệm 55 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào."
    (rel,) = relations(dated.replace("Việt Nam - Lào", "Việt Nam - Mozambique"))
    assert rel.year == 1962 and rel.date is None
    undated = "Hai bên chuẩn bị kỷ niệm 55 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Mozambique."
    assert relations(undated) == []  # no year to count back from: nothing is guessed
    (rel,) = relations(undated.replace("Mozambique", "Lào"))  # the known date
    assert rel.date == "1962-09-05"


def test_founding_treaty_signed_with_its_date_or_anniversary():
    (rel,) = relations("Cách đây 40 năm, ngày 18/7/1977, hai nước Việt Nam và Lào đã ký Hiệp ước Hữu nghị và Hợp tác.")
    assert rel.level == "Treaty of Friendship and Cooperation signed" and rel.date == "1977-07-18"
    (rel,) = relations("Việt Nam và Nga kỷ niệm 30 năm ngày ký Hiệp ước về những nguyên tắc cơ bản của quan hệ "
                       "hữu nghị giữa hai nước.", published="2024-06-17")
    assert rel.level == "Treaty on the Basic Principles of Friendly Relations signed" and rel.year == 1994
    assert not relations("Hai bên nhắc lại Hiệp ước Hữu nghị và Hợp tác giữa Việt Nam và Lào.")


def test_part_of_a_level_named_elsewhere_is_a_loose_mention():
    text = ("Việt Nam và Trung Quốc đề cao quan hệ Đối tác hợp tác chiến lược toàn diện. "
            "Lãnh đạo hai nước Việt - Trung nhất trí nâng cấp quan hệ đối tác chiến lược lên một tầm cao mới.")
    assert [r.level for r in relations(text, "2017-05-12")] == ["Comprehensive Strategic Cooperative Partnership"]
    # in one sentence, two levels are two pairs (or an upgrade): both stay
    text = ("Hai bên thúc đẩy quan hệ Đối tác Chiến lược Việt Nam - Singapore; khẳng định coi trọng quan hệ "
            "Đối tác Chiến lược toàn diện Việt Nam - Nhật Bản.")
    assert len(relations(text)) == 2


def test_anniversary_of_relations_with_vietnam_takes_the_known_date():
    # the 45th anniversary falls in 2018: counting back from a 2017 article would say 1972
    (rel,) = relations("Hai bên nhất trí tổ chức các hoạt động kỷ niệm 45 năm thiết lập quan hệ ngoại giao "
                       "Việt Nam - Nhật Bản.", published="2017-06-06")
    assert rel.level == "diplomatic relations established" and rel.date == "1973-09-21"
    # without a number, the mention is no milestone (seeds' answer key)
    assert not relations("Sau hơn 30 năm kể từ khi hai nước Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao, "
                         "hợp tác phát triển mạnh.", published="2024-06-25")


def test_free_trade_agreement_in_force_with_its_date():
    (rel,) = relations("Việt Nam và Chile đã ký nhiều văn kiện. Trong đó, Hiệp định thương mại tự do Việt Nam - Chile "
                       "(FTA) chính thức có hiệu lực từ ngày 1-1-2014.", published="2024-11-06")
    assert rel.level == "Free Trade Agreement in force" and rel.date == "2014-01-01" and sorted(rel.pair) == ["CHL", "VNM"]
    # a bloc's agreement, or one without the date, is none
    assert not relations("Hiệp định Thương mại tự do Việt Nam - Liên minh Kinh tế Á - Âu với Nga có hiệu lực từ "
                         "ngày 5/10/2016.")
    assert not relations("Hiệp định thương mại tự do Việt Nam - Chile đã có hiệu lực, thúc đẩy thương mại.")


def test_a_wished_upgrade_is_no_level_yet():
    text = ("Ngày 8/7, Thủ tướng Malcolm Turnbull khẳng định Australia mong muốn nâng cấp quan hệ với Việt Nam "
            "lên Đối tác chiến lược.")
    assert relations(text, "2017-07-09") == []
    (rel,) = relations(text.replace("mong muốn nâng cấp", "đã nâng cấp"), "2017-07-09")
    assert rel.level == "Strategic Partnership" and rel.date == "2017-07-08"


@pytest.mark.parametrize("text", [
    "Việt Nam và Hoa Kỳ đã coi nhau là những đối tác chiến lược không thể thiếu trong thương mại.",
    "Hai nước đã thiết lập quan hệ Đối tác chiến lược về Thích ứng với biến đổi khí hậu và Quản lý nước Việt Nam - Hà Lan.",
    "Hoa Kỳ cam kết tăng cường quan hệ Đối tác chiến lược ASEAN – Hoa Kỳ.",
    "Tổng thống Hoa Kỳ thúc đẩy quan hệ Đối tác chiến lược Hoa Kỳ - ASEAN.",
])
def test_framework_words_that_name_no_framework_between_two_countries(text):
    assert relations(text) == []
