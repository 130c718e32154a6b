import csv
import json
import sqlite3

import pytest

pytest.importorskip("pyarrow")

from typer.testing import CliRunner  # noqa: E402

from sukien.engines.load import load_parquet  # noqa: E402
from sukien.export.formats import article_from_record, export  # noqa: E402
from sukien.export.parquet import prepare_output, write_chunk  # noqa: E402
from sukien.interfaces.cli import app  # noqa: E402
from sukien.store import Store  # noqa: E402


@pytest.fixture()
def loaded(tmp_path, full_article):
    """A Parquet export of three articles loaded into a fresh store."""
    out = prepare_output(tmp_path / "pq")
    arts = [full_article("a1", "2024-06-03"), full_article("a2", "2024-06-04"),
            full_article("a3", None)]
    arts[1].title, arts[2].title = "Khác", "Khác nữa"  # distinct content, not duplicates
    write_chunk(out, 0, arts)
    db = tmp_path / "s.db"
    with Store(db) as store:
        summary = load_parquet(store, out)
        assert summary.new == 3
        again = load_parquet(store, out)  # idempotent: nothing new the second time
        assert again.new == 0 and again.duplicate == 3
        records = {a.id: a.to_record() for a in arts}
        for aid, rec in records.items():
            stored = json.loads(store.conn.execute(
                "SELECT record_json FROM articles WHERE id = ?", (aid,)).fetchone()[0])
            assert stored == rec
    return db, arts


def test_export_jsonl_csv_parquet(loaded, tmp_path):
    db, arts = loaded
    conn = sqlite3.connect(db)
    assert export(conn, "articles", "jsonl", tmp_path / "a.jsonl") == 3
    lines = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in lines} == {"a1", "a2", "a3"} and "events" in lines[0]
    assert export(conn, "events", "jsonl", tmp_path / "e.jsonl") == 3
    ev = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert ev["participants"] == ["e1", "KOR"]  # *_json columns decoded
    assert export(conn, "statements", "csv", tmp_path / "s.csv") == 3
    rows = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert rows[0]["kind"] == "AGREE"

    import pyarrow.parquet as pq

    assert export(conn, "quantities", "parquet", tmp_path / "q.parquet") == 3
    assert pq.read_table(tmp_path / "q.parquet").num_rows == 3


def test_stored_records_rebuild_the_article_the_coders_read(full_article):
    art = full_article("a1", "2024-06-03T10:00")
    back = article_from_record(art.to_record())
    assert back.to_record() == art.to_record()


def test_cli_export_plover_and_bad_table(loaded, tmp_path):
    db, _ = loaded
    out = tmp_path / "p.jsonl"
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "plover", "--out", str(out)])
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 6  # 3 events + 3 statements
    assert {r["event"] for r in recs} == {"CONSULT", "AGREE"}
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "cameo", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert all(json.loads(x)["cameo_code"] for x in out.read_text(encoding="utf-8").splitlines())
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--table", "nope", "--out", str(out)])
    assert res.exit_code != 0
