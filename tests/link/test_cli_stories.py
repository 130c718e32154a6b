from __future__ import annotations

import json

from typer.testing import CliRunner

from sukien.interfaces.cli import app


def test_link_then_stories(tmp_path, seed_articles):
    import copy

    import sukien

    db = tmp_path / "s.db"
    with sukien.open(str(db)) as store:
        store.ingest([copy.deepcopy(a) for a in seed_articles], pipeline=_Identity())
    runner = CliRunner()
    out = runner.invoke(app, ["link", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout.strip().splitlines()[-1])["new_articles"] == 5
    out = runner.invoke(app, ["stories", "--db", str(db), "--json", "--limit", "2"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.strip().splitlines()]
    assert len(rows) == 2 and all(r["n_articles"] == 2 for r in rows)
    first = next(r for r in rows if "000_4299fdeffb5ad11e" in r["articles"])
    assert first["date"] == "2025-11-21"
    assert {e["kind"] for e in first["events"]} == {"MEET"} and all(e["n_sources"] == 2 for e in first["events"])
    out = runner.invoke(app, ["stories", "--db", str(db)])
    assert out.exit_code == 0 and "2025-11-21" in out.stdout


def test_stories_without_links_says_what_to_run(tmp_path):
    import sukien

    db = tmp_path / "empty.db"
    sukien.open(str(db)).close()
    out = CliRunner().invoke(app, ["stories", "--db", str(db)])
    assert out.exit_code == 1 and "sukien link" in out.output


class _Identity:
    def __call__(self, article):
        return article

    def pipe(self, articles):
        return iter(articles)
