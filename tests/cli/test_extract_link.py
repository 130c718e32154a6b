"""`sukien extract --json --link`: article lines carry the facts linking settles."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sukien.interfaces.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_linked_article_lines_show_dates_carried_from_their_story():
    result = CliRunner().invoke(app, ["extract", "--json", "--link", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    corpus = lines[-1]
    assert corpus["type"] == "corpus" and {"actors", "events", "stories"} <= set(corpus)
    articles = {rec["id"]: rec for rec in lines[:-1]}
    assert len(articles) == 5
    # Seed 000 has no publication date; its sister article 001 dates the meetings to 2025.
    meetings = [e for e in articles["000_4299fdeffb5ad11e"]["events"] if e["kind"] == "MEET"]
    assert meetings and all(e["date"] == "2025-11-21" for e in meetings)


def test_ingest_links_new_articles_into_stories_unless_told_not_to(tmp_path):
    runner = CliRunner()
    unlinked = tmp_path / "unlinked.db"
    result = runner.invoke(app, ["ingest", "--db", str(unlinked), "--no-link", "--json", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["linked"] is None
    db = tmp_path / "linked.db"
    result = runner.invoke(app, ["ingest", "--db", str(db), "--json", str(EXAMPLES)])
    assert json.loads(result.stdout)["linked"]["new_articles"] == 5
    out = runner.invoke(app, ["stories", "--db", str(db), "--json"]).stdout
    stories = [json.loads(line) for line in out.splitlines() if line.strip()]  # one story a line
    sizes = sorted(len(s["articles"]) for s in stories)
    assert sizes == [1, 2, 2], stories
