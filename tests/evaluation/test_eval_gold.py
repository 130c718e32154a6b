"""The gold file loader and the README's name rules."""

from __future__ import annotations

import json

import pytest

from sukien.evaluation.gold import GoldError, fold_name, load_gold, names_match, parse_gold


def test_fold_removes_case_diacritics_hyphens_dots_spaces():
    assert fold_name("Woo Won-shik") == fold_name("Woo Won Shik") == "woowonshik"
    assert fold_name("Đà Nẵng") == "danang"
    assert fold_name("V.Matvienko") == "vmatvienko"
    assert fold_name("Việt Nam – Hàn Quốc") == fold_name("Việt Nam-Hàn Quốc")


def test_tone_placement_and_nfd_fold_alike():
    import unicodedata

    assert fold_name("hòa") == fold_name("hoà") == fold_name(unicodedata.normalize("NFD", "hòa"))


def test_suffix_rule_needs_six_letters_in_the_shorter_name():
    assert names_match("Medvedev", "Dmitry Medvedev")
    assert names_match("Dmitry Medvedev", "Medvedev")
    assert names_match("Thanh Sơn", "Bùi Thanh Sơn")  # 8 letters
    assert not names_match("Lâm", "Tô Lâm")  # 3 letters
    assert not names_match("Putin", "Vladimir Putin")  # 5 letters
    assert not names_match("Tô Lâm", "Lâm Tô")  # a suffix, not any substring
    assert not names_match("Trần Đại Quang", "Lương Tam Quang")


def test_aliases_and_trailing_abbreviation():
    assert names_match("Xi Jinping", "Tập Cận Bình", ["Xi Jinping"])
    assert not names_match("Xi Jinping", "Tập Cận Bình")
    assert names_match("Mạng lưới Đổi mới sáng tạo Việt Nam (VINK)", "Mạng lưới Đổi mới sáng tạo Việt Nam")


def test_parse_gold_validates_schema_and_records():
    ok = {"schema": "sukien-gold/1", "articles": [{"id": "a", "published": None}]}
    gold = parse_gold(ok)
    assert gold.articles["a"].events == [] and gold.corpus is None
    with pytest.raises(GoldError, match="schema"):
        parse_gold({"schema": "other", "articles": []})
    with pytest.raises(GoldError, match="lacks 'quote'"):
        parse_gold({"schema": "sukien-gold/1", "articles": [
            {"id": "a", "events": [{"kind": "MEET", "participants": [], "date": None}]}]})
    with pytest.raises(GoldError, match="duplicate"):
        parse_gold({"schema": "sukien-gold/1", "articles": [{"id": "a"}, {"id": "a"}]})


def test_load_gold_reports_a_missing_or_broken_file(tmp_path):
    with pytest.raises(GoldError, match="no such"):
        load_gold(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match="not a readable"):
        load_gold(bad)
    good = tmp_path / "g.json"
    good.write_text(json.dumps({"schema": "sukien-gold/1", "articles": []}), encoding="utf-8")
    assert load_gold(good).articles == {}


def test_shared_gold_files_load(shared_dir):
    seeds = load_gold(shared_dir / "gold" / "seeds.json")
    dev = load_gold(shared_dir / "gold" / "dev.json")
    assert len(seeds.articles) == 5 and len(seeds.corpus.persons) == 8
    assert len(dev.articles) >= 20 and dev.corpus.merged_events
