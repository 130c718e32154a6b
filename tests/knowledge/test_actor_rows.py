"""Rows of the actor tables (office_holders, titles, organisations) added for Vietnam's partners
2013-2025: a foreign leader written in Sino-Vietnamese or Vietnamese transliteration gets his own
country (not Vietnam's, which would drop his meetings as one-country), a known name ends where the
dictionary says (no glued caption word, no organisation acronym in front), and a bare office resolves
to the holder on the publication date. Short hand-written sentences in the style of the news."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

import sukien
from sukien.knowledge import load_table
from sukien.stages import actors_knowledge as kb


def _people(text: str, published: str | None = None) -> dict[str, tuple[str | None, str | None]]:
    """name -> (country, title) of every person entity of the article ``text``."""
    article = sukien.extract(text, published=published)
    return {e.name: (e.country, e.title) for e in article.entities if e.type == "PER"}


@pytest.mark.parametrize(("sentence", "name", "country"), [
    # Chinese leaders read in Sino-Vietnamese have a Vietnamese name's shape: without the table
    # they were taken for Vietnamese officials
    ("Thủ tướng Nguyễn Xuân Phúc đã hội kiến ông Hàn Chính tại Bắc Kinh.", "Hàn Chính", "CHN"),
    ("Tổng Bí thư Nguyễn Phú Trọng tiếp ông Tống Đào tại trụ sở Trung ương Đảng.", "Tống Đào", "CHN"),
    ("Chủ tịch nước đã tiếp Đại sứ Hồng Tiểu Dũng đến chào từ biệt.", "Hồng Tiểu Dũng", "CHN"),
    ("Ông Dương Khiết Trì cho biết hai bên sẽ tăng cường trao đổi đoàn.", "Dương Khiết Trì", "CHN"),
    # Lao leaders in Vietnamese transliteration (tones vary from paper to paper)
    ("Đồng chí Bun-nhăng Vo-lạ-chịt đã hội đàm với đồng chí Nguyễn Phú Trọng.", "Bounnhang Vorachith", "LAO"),
    # a typo in the country ("Cananda") no longer lets the country named before win
    ("Thủ tướng trao đổi với Thủ tướng Singapore Lý Hiển Long, Thủ tướng Cananda Justin Trudeau.",
     "Justin Trudeau", "CAN"),
    ("Tổng thống nước chủ nhà Volodymyr Zelensky đã tiếp Thủ tướng Hungary tại Kiev.", "Volodymyr Zelensky", "UKR"),
])
def test_foreign_leader_gets_his_country(sentence, name, country):
    assert _people(sentence).get(name, (None,))[0] == country


def test_glued_caption_word_does_not_extend_a_known_name():
    # a caption glued to the body: "Cảnh giác ..." starts the caption, not the name
    people = _people("Thủ tướng Nguyễn Xuân Phúc tiếp Thượng tướng Phạm Trường Long Cảnh giác trước những âm mưu "
                     "chia rẽ quan hệ hai nước.")
    assert people.get("Phạm Trường Long", (None,))[0] == "CHN"
    assert "Phạm Trường Long Cảnh" not in people


def test_organisation_acronym_is_not_part_of_the_name():
    people = _people("Chủ tịch nước Trần Đại Quang đã tiếp Tổng Thư ký Tổ chức Cảnh sát hình sự quốc tế (Interpol) "
                     "Jurgen Stock đang thăm Việt Nam.")
    assert "Jurgen Stock" in people
    assert people["Jurgen Stock"][0] is None  # an international body's official
    assert not any("Interpol" in n for n in people)


def test_ministry_title_without_the_word_bo():
    people = _people("Tham gia đoàn có Bộ trưởng Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường.")
    assert people["Nguyễn Xuân Cường"] == ("VNM", "Bộ trưởng Nông nghiệp và Phát triển nông thôn")


def test_bare_office_resolves_to_the_holder_on_the_day():
    article = sukien.extract("Ngày 5/3, Ngoại trưởng Australia đã hội đàm với Bộ trưởng Ngoại giao Phạm Bình Minh.",
                             published="2016-03-05")
    held = {m.name for m in article.mentions if m.label == "TITLE" and m.country == "AUS"}
    assert held == {"Julie Bishop"}


def test_eurasian_union_is_one_international_body():
    article = sukien.extract("Việt Nam là nước đầu tiên ký hiệp định thương mại tự do với Liên minh Kinh tế Á-Âu. "
                             "Liên minh Kinh tế Á - Âu (EAEU) gồm 5 nước thành viên.")
    orgs = [e for e in article.entities if e.type == "ORG"]
    assert len(orgs) == 1  # both spellings, with and without the acronym, are one body
    assert orgs[0].name.startswith("Liên minh Kinh tế Á - Âu") and orgs[0].country is None


def _iso_codes() -> set[str]:
    return {r["iso3"] for r in load_table("countries", ("iso3", "name"))}


def test_office_holder_rows_are_well_formed():
    iso = _iso_codes() | {"INT"}
    seen = set()
    for t in kb.tenures():  # (loading checks each title is in titles.tsv)
        assert t.country in iso, t
        start = date.fromisoformat(t.start)
        if t.end:
            assert start <= date.fromisoformat(t.end), t
        key = (t.name, t.country, t.title, t.start)
        assert key not in seen, t
        seen.add(key)


def test_one_holder_at_a_time_for_heads_of_government():
    # two people holding one country's head of state or government office on the same day is a typo
    for title in ("Thủ tướng", "Tổng thống", "Chủ tịch nước", "Ngoại trưởng"):
        by_country: dict[str, list[kb.Tenure]] = {}
        for t in kb.tenures():
            if t.title == title:
                by_country.setdefault(t.country, []).append(t)
        for country, rows in by_country.items():
            rows.sort(key=lambda t: t.start)
            for a, b in pairwise(rows):
                assert a.end and a.end <= b.start, (country, title, a.name, b.name)


@pytest.mark.parametrize(("sentence", "name", "country"), [
    # a city or country form the tables did not know was read as the start of the name
    ("Thủ tướng đã tới thăm thành phố Rotterdam và có cuộc làm việc với Thị trưởng Rotterdam Ahmed Aboutaleb.",
     "Ahmed Aboutaleb", "NLD"),
    ("Bộ trưởng Y tế Arab Saudi Fahd al-Jalajel cho biết sẽ hợp tác với Việt Nam.", "Fahd al-Jalajel", "SAU"),
])
def test_place_or_country_before_a_name_is_not_the_name(sentence, name, country):
    assert _people(sentence).get(name, (None,))[0] == country


def test_south_korea_written_as_southern_korea_is_not_north_korea():
    article = sukien.extract("Việt Nam và Nam Triều Tiên thiết lập quan hệ ngoại giao năm 1992.")
    assert {e.country for e in article.entities if e.type == "GPE"} == {"VNM", "KOR"}


def test_transliterated_name_is_the_same_person_as_the_latin_one():
    people = _people("Thủ tướng đã gặp Tổng thư ký Liên hợp quốc An-tô-ni-ô Gu-tê-rết (António Guterres) tại Niu Y-oóc.")
    assert "António Guterres" in people
    assert "An-tô-ni-ô Gu-tê-rết" not in people


def test_a_school_named_after_a_leader_is_no_person():
    article = sukien.extract("Singapore dành học bổng đào tạo về chính sách công tại Đại học Lý Quang Diệu.")
    assert not [e for e in article.entities if e.type == "PER"]
    assert [(e.type, e.country) for e in article.entities if "Lý Quang Diệu" in e.name] == [("ORG", "SGP")]


def test_korean_group_is_a_korean_body():
    article = sukien.extract("Thủ tướng Phạm Minh Chính tiếp ông Shin Dong-bin, Chủ tịch Tập đoàn Lotte.")
    assert {e.name: e.country for e in article.entities if e.type == "ORG"} == {"Lotte": "KOR"}


def test_ministry_abbreviation_is_the_ministry_and_its_minister_titled():
    article = sukien.extract("Cùng dự có Bộ trưởng Bộ TN&MT Trần Hồng Hà và đại diện Bộ GD&ĐT.")
    assert {e.name: e.title for e in article.entities if e.type == "PER"} == {"Trần Hồng Hà": "Bộ trưởng Bộ TN&MT"}
    assert {e.name: e.country for e in article.entities if e.type == "ORG"} == {"Bộ Giáo dục và Đào tạo": "VNM"}


def test_singapore_leader_in_sino_vietnamese_reading():
    assert _people("Phó Thủ tướng Trương Hòa Bình hội đàm với Phó Thủ tướng Tiêu Chí Hiền.")["Tiêu Chí Hiền"][0] == "SGP"


@pytest.mark.parametrize(("sentence", "name", "country"), [
    ("Bà Thái Anh Văn phát biểu trước các doanh nghiệp.", "Thái Anh Văn", "TWN"),
    ("Cựu lãnh đạo Giang Trạch Dân được nhắc đến trong bài phát biểu của ông Nguyễn Văn An.", "Giang Trạch Dân", "CHN"),
])
def test_taiwanese_and_past_chinese_leaders_in_sino_vietnamese(sentence, name, country):
    assert _people(sentence).get(name, (None,))[0] == country


def test_less_common_korean_surname_still_looks_korean():
    people = _people("Hai bên đã ký biên bản ghi nhớ. Ông Yeom Jae-ho cho biết sẽ thúc đẩy hợp tác với Việt Nam.")
    assert people["Yeom Jae-ho"][0] == "KOR"


def test_partner_university_and_company_carry_their_country():
    article = sukien.extract("Thủ tướng Nguyễn Xuân Phúc thăm Đại học Wageningen và làm việc với Tập đoàn Sumitomo.")
    assert {e.name: e.country for e in article.entities if e.type == "ORG"} == {
        "Đại học Wageningen": "NLD", "Tập đoàn Sumitomo": "JPN"}
