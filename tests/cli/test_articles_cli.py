"""The article commands through typer's CliRunner: ingest, articles, show, search, extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sukien.interfaces.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RECORD_KEYS = {"id", "title", "published", "outlet", "url", "text_clean", "entities", "events",
               "statements", "documents", "quantities", "relations"}


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path, runner):
    path = tmp_path / "cli.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_ingest_prints_a_summary_and_a_rerun_adds_nothing(runner, db):
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["new"], summary["duplicate"]) == (5, 0, 5)


def test_ingest_table_counts_reads_and_reports_bad_lines_with_file_and_line(runner, tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": "a", "title": "T", "text": "Tổng Bí thư Tô Lâm tiếp đoàn."}\n'
                 "not json at all\n"
                 '{"id": "b", "title": "U", "text": "Thủ tướng tiếp Đại sứ."}\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(f), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert f"{f}:2" in result.stderr
    assert "new" in result.stdout and "skipped" in result.stdout
    listed = runner.invoke(app, ["articles", "--db", str(tmp_path / "x.db"), "--json"])
    assert sorted(a["id"] for a in json.loads(listed.stdout)) == ["a", "b"]
    skips = runner.invoke(app, ["skipped", "--db", str(tmp_path / "x.db"), "--json"])
    assert [(r["path"], r["line"]) for r in json.loads(skips.stdout)] == [(str(f), 2)]
    assert runner.invoke(app, ["skipped", "--db", str(tmp_path / "x.db")]).exit_code == 0


def test_articles_lists_what_was_stored(runner, db):
    result = runner.invoke(app, ["articles", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sorted(r["id"] for r in rows) == sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    table = runner.invoke(app, ["articles", "--db", str(db)])
    assert table.exit_code == 0 and "000_4299fdeffb5ad11e" in table.stdout


def test_show_one_article_and_a_clean_error_for_an_unknown_id(runner, db):
    result = runner.invoke(app, ["show", "004_f30ec7a2eb1d03b7", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert RECORD_KEYS <= set(rec) and rec["id"] == "004_f30ec7a2eb1d03b7"
    assert runner.invoke(app, ["show", "004_f30ec7a2eb1d03b7", "--db", str(db)]).exit_code == 0
    missing = runner.invoke(app, ["show", "no-such-id", "--db", str(db)])
    assert missing.exit_code == 1 and "no-such-id" in missing.stderr


def test_search_without_accents(runner, db):
    result = runner.invoke(app, ["search", "to lam", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) >= 4 and all("Tô Lâm" in h["snippet"] for h in hits)
    table = runner.invoke(app, ["search", "dang", "--db", str(db)])
    assert table.exit_code == 0 and "Đảng" in table.stdout


def test_events_and_statements_commands_run_on_a_store(runner, db):
    for command in ("events", "statements"):
        for extra in ([], ["--json"], ["--kind", "MEET", "--actor", "to lam", "--since", "2024"]):
            result = runner.invoke(app, [command, "--db", str(db), *extra])
            assert result.exit_code == 0, (command, extra, result.output)


def test_reading_commands_refuse_a_missing_store(runner, tmp_path):
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "sukien ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_extract_prints_one_spec_record_per_article(runner, tmp_path):
    files = sorted(EXAMPLES.glob("*.txt"))[:2]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--json", *map(str, files), str(bad), "--published", "2025-11-21"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [f.stem for f in files]
    assert all(RECORD_KEYS <= set(r) and r["published"] == "2025-11-21" for r in records)
    assert f"{bad}:1" in result.stderr


def test_every_article_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("ingest", "articles", "show", "search", "skipped", "events", "statements", "extract"):
        assert f"sukien {command} " in readme, command


def test_extract_link_prints_one_corpus_line_after_the_articles(runner, monkeypatch):
    import sukien.link

    # A stand-in: this test is about the command's wiring, not about linking itself.
    monkeypatch.setattr(sukien.link, "link_corpus", lambda arts: {"linked": [a.id for a in arts]},
                        raising=False)
    files = sorted(EXAMPLES.glob("*.txt"))[:3]
    result = runner.invoke(app, ["extract", *map(str, files), "--link"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4 and lines[-1] == {"linked": [f.stem for f in files]}
