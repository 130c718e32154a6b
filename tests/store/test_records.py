"""Agreements, figures and the timeline over a store of the bundled examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import sukien
from sukien.interfaces.cli import app
from sukien.store.records import documents, quantities, timeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("records") / "r.db"
    with sukien.open(path) as store:
        store.ingest(sukien.reading.read([EXAMPLES]))
    return path


def test_agreements_filter_by_party_without_accents(db):
    with sukien.open(db) as store:
        mous = documents(store, kind="MOU")
        assert len(mous) >= 5 and all(d["kind"] == "MOU" for d in mous)
        science = documents(store, party="bo khoa hoc")
        assert science and all(any("Khoa học" in p for p in d["parties"]) for d in science)


def test_figures_find_the_2030_trade_target(db):
    with sukien.open(db) as store:
        rows = quantities(store, unit="USD", year=2030)
    assert rows and all(r["unit"] == "USD" and r["year"] == 2030 for r in rows)
    assert any(r["value"] == pytest.approx(1.5e11) for r in rows)


def test_timeline_is_oldest_first_and_mixes_events_and_statements(db):
    with sukien.open(db) as store:
        rows = timeline(store, country="KOR", limit=500)
        meets = timeline(store, kind="MEET", limit=500)
    assert {r["record"] for r in rows} == {"event", "statement"}
    dated = [r["date"] for r in rows if r["date"] and r["date"][:4].isdigit()]
    assert dated == sorted(dated)
    assert meets and all(r["kind"] == "MEET" for r in meets)


@pytest.mark.parametrize("command", ["timeline", "agreements", "figures"])
def test_record_commands_print_json(db, command):
    import json

    result = CliRunner().invoke(app, [command, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_stages_private_meta_caches_are_not_stored(tmp_path):
    from sukien.reading import article_from_text

    art = article_from_text("Tiêu đề\n\nChiều 21/11, Tổng Bí thư Tô Lâm hội kiến đoàn khách.", id="m")
    art.meta["_cache"] = object()  # what a stage may leave behind when a later stage fails
    art.meta["category"] = "thoi-su"
    with sukien.open(tmp_path / "m.db") as store:
        store.ingest([art], pipeline=lambda a: a)
        meta = store.get("m")["meta"]
    assert meta.get("category") == "thoi-su" and "_cache" not in meta
