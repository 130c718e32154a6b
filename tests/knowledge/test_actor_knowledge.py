"""Actor knowledge files: they load, carry a source, are consistent, and tenures are right."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from sukien.knowledge import load_table
from sukien.stages import actors_knowledge as kb

TABLES = {
    "titles": ("title", "title_en", "sector", "rank"),
    "countries": ("iso3", "name"),
    "organisations": ("name",),
    "places": ("name", "country"),
    "office_holders": ("name", "country", "title", "start"),
    "surnames": ("surname", "origin"),
}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SECTORS = {"GOV", "LEG", "PTY", "DIP", "MIL", "JUD", "LOCGOV", "BUS", "ELI", "EDU", "MEDIA", "NGO"}


@pytest.mark.parametrize(("name", "required"), TABLES.items())
def test_tables_load_with_required_columns(name, required):
    assert load_table(name, required)


def test_codes_are_iso3_and_sectors_known():
    isos = {r["iso3"] for r in load_table("countries")}
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in isos)
    for r in load_table("titles"):
        assert r["sector"] in SECTORS, r["title"]
        assert not r["country"] or r["country"] in isos | {"INT", "*"}, r["title"]
    for table in ("organisations", "places", "office_holders"):
        for r in load_table(table):
            assert not r["country"] or r["country"] in isos, (table, r["name"])


def test_tenures_are_well_formed_and_their_titles_known():
    for t in kb.tenures():
        assert DATE.fullmatch(t.start), t
        assert not t.end or (DATE.fullmatch(t.end) and t.start <= t.end), t
    assert kb.tenures()  # every title was checked against titles.tsv on load


@pytest.mark.parametrize(("title", "country"), [
    ("Tổng Bí thư", "VNM"), ("Chủ tịch nước", "VNM"), ("Thủ tướng", "VNM"), ("Chủ tịch Quốc hội", "VNM"),
    ("Tổng thống", "USA"), ("Tổng thống", "KOR"), ("Thủ tướng", "JPN"), ("Tổng thống", "RUS"),
])
def test_single_holder_offices_never_overlap(title, country):
    spans = sorted((t.start, t.end or "9999-12-31") for t in kb.tenures()
                   if t.title == title and t.country == country)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start, (title, country, spans)


@pytest.mark.parametrize(("title", "country", "date", "name"), [
    ("Tổng Bí thư", "VNM", "2020-01-01", "Nguyễn Phú Trọng"),
    ("Tổng Bí thư", "VNM", "2025-11-21", "Tô Lâm"),
    ("Chủ tịch nước", "VNM", "2017-05-01", "Trần Đại Quang"),
    ("Chủ tịch nước", "VNM", "2024-07-01", "Tô Lâm"),
    ("Chủ tịch nước", "VNM", "2024-11-06", "Lương Cường"),
    ("Bộ trưởng Bộ Công an", "VNM", "2020-01-01", "Tô Lâm"),
    ("Thủ tướng", "VNM", "2017-06-01", "Nguyễn Xuân Phúc"),
    ("Chủ tịch Quốc hội", "KOR", "2025-11-21", "Woo Won-shik"),
    ("Tổng thống", "KOR", "2025-08-11", "Lee Jae Myung"),
    ("Tổng thống", "USA", "2018-01-01", "Donald Trump"),
    ("Tổng thống", "USA", "2022-01-01", "Joe Biden"),
    ("Thủ tướng Quốc vụ viện", "CHN", "2017-05-15", "Lý Khắc Cường"),
])
def test_who_held_an_office_on_a_date(title, country, date, name):
    assert [t.name for t in kb.holders_on(title, country, date)] == [name]


def test_nobody_holds_an_office_outside_its_tenures():
    assert kb.holders_on("Tổng Bí thư", "VNM", "2024-07-25") == []  # between Trọng and Lâm
    assert kb.holders_on("Tổng thống", "KOR", "2025-05-01") == []  # after Yoon's removal


def test_one_person_many_offices():
    offices = defaultdict(list)
    for t in kb.tenures():
        offices[t.name].append(t.title)
    assert {"Bộ trưởng Bộ Công an", "Chủ tịch nước", "Tổng Bí thư"} <= set(offices["Tô Lâm"])


def test_automaton_finds_each_kind():

    text = "Tổng Bí thư Tô Lâm tại Phủ Chủ tịch, Bộ Ngoại giao, Hàn Quốc, ông"
    kinds = {e.kind for _, (_, es) in kb.automaton().iter(" " + kb.word_key(text)) for e in es}
    assert {kb.TITLE, kb.PERSON, kb.PLACE, kb.ORG, kb.COUNTRY, kb.HONORIFIC} <= kinds


def test_people_index_joins_aliases():
    assert kb.people_by_name()["xijinping"][0].name == "Tập Cận Bình"
    assert {t.name for t in kb.people_by_last_token()["putin"]} == {"Vladimir Putin"}


@pytest.mark.parametrize("table", ["titles", "countries", "organisations", "places"])
def test_no_duplicate_keys(table):
    key = {"titles": "title", "countries": "iso3"}.get(table, "name")
    names = [r[key] for r in load_table(table)]
    assert len(names) == len(set(names)), sorted(n for n in set(names) if names.count(n) > 1)
