"""The store: schema and migrations, idempotent ingest, dedup rules, search, queries."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from sukien.errors import StoreError
from sukien.model import Article, Entity, Event, Evidence, Quantity, Statement
from sukien.pipeline import Pipeline, Stage
from sukien.reading import Skipped
from sukien.store import NotFound, Store, fold, schema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NO_STAGES = Pipeline(stages=(), raise_errors=False)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def art(id: str, text: str, *, title: str | None = None, source: str | None = None, **kw) -> Article:
    return Article(id=id, text_clean=text, raw_text=text, title=title, source_path=source, **kw)


# -- schema -----------------------------------------------------------------------------

def test_new_store_is_wal_with_foreign_keys_and_records_every_migration(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.applied_migrations() == [name for name, _ in schema.MIGRATIONS]
    assert {"articles", "entities", "events", "statements", "documents", "quantities", "relations",
            "skipped", "aliases", "stage_errors", "migrations"} <= set(store.tables())


def test_reopening_applies_nothing_and_an_appended_migration_runs_once(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    Store(path).close()
    with Store(path) as s:
        assert s.migrate() == []
    extra = ("999_test_notes", "CREATE TABLE notes (article_id TEXT REFERENCES articles(id), note TEXT);")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    with Store(path) as s:
        assert s.applied_migrations()[-1] == "999_test_notes"
        assert "notes" in s.tables()
    with Store(path) as s:
        assert s.migrate() == []


def test_a_failing_migration_is_rolled_back_and_not_recorded(tmp_path, monkeypatch):
    bad = ("999_bad", "CREATE TABLE half (x); CREATE TABLE articles (x);")  # 2nd statement fails
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, bad])
    with pytest.raises(StoreError, match="999_bad"):
        Store(tmp_path / "b.db")
    con = sqlite3.connect(tmp_path / "b.db")
    assert "999_bad" not in [r[0] for r in con.execute("SELECT name FROM migrations")]
    assert con.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


# -- ingest -----------------------------------------------------------------------------

def test_ingesting_the_examples_twice_adds_nothing_the_second_time(store):
    first = store.ingest([EXAMPLES])
    assert (first.read, first.new, first.duplicate) == (5, 5, 0)
    counts = store.counts()
    second = store.ingest([EXAMPLES])
    assert (second.read, second.new, second.duplicate, len(second.skipped)) == (5, 0, 5, 0)
    assert store.counts() == counts


def test_same_content_under_another_id_is_a_duplicate_and_an_alias(store):
    s = store.ingest([art("a", "Một hai ba.", title="T"), art("b", "Một  hai ba.\n", title="T")],
                     pipeline=NO_STAGES)
    assert (s.new, s.duplicate) == (1, 1)
    assert store.get("b")["id"] == "a"  # the alias finds the stored article


def test_same_body_under_another_title_is_kept(store):
    s = store.ingest([art("a", "Một hai ba.", title="T1"), art("b", "Một hai ba.", title="T2")],
                     pipeline=NO_STAGES)
    assert s.new == 2


def test_same_id_new_content_from_the_same_file_updates_from_another_file_gets_a_suffix(store):
    store.ingest([art("x", "Bản cũ.", source="/d/x.txt")], pipeline=NO_STAGES)
    s = store.ingest([art("x", "Bản mới.", source="/d/x.txt")], pipeline=NO_STAGES)
    assert (s.new, s.updated) == (0, 1)
    assert store.get("x")["text_clean"] == "Bản mới."
    # two lines of one JSONL file sharing an id are two records, not two versions
    s = store.ingest([art("j", "Dòng một.", source="/d/f.jsonl:1"), art("j", "Dòng hai.", source="/d/f.jsonl:2")],
                     pipeline=NO_STAGES)
    assert s.new == 2 and store.get("j~2")["text_clean"] == "Dòng hai."
    assert store.get("j~2")["id"] == "j~2"  # the stored record carries the id it is stored under
    assert store.search("ban cu") == [] and [h["id"] for h in store.search("ban moi")] == ["x"]
    s = store.ingest([art("x", "Bài khác.", source="/other/x.txt")], pipeline=NO_STAGES)
    assert s.new == 1
    assert store.get("x~2")["text_clean"] == "Bài khác."
    assert store.get("x")["text_clean"] == "Bản mới."


def test_a_bad_jsonl_line_is_reported_with_its_line_and_the_good_lines_are_stored(store, tmp_path):
    f = tmp_path / "in.jsonl"
    good = [{"id": f"g{i}", "title": f"Tin {i}", "text": f"Nội dung bài số {i} về Đảng."} for i in range(3)]
    lines = [json.dumps(good[0], ensure_ascii=False), '{"id": "broken", "text": ',
             json.dumps(good[1], ensure_ascii=False), json.dumps(good[2], ensure_ascii=False)]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = store.ingest([f], pipeline=NO_STAGES)
    assert s.new == 3
    assert [(Path(k.path).name, k.line) for k in s.skipped] == [("in.jsonl", 2)]
    rows = store.skipped()
    assert [(Path(r["path"]).name, r["line"]) for r in rows] == [("in.jsonl", 2)]
    assert sorted(a["id"] for a in store.articles()) == ["g0", "g1", "g2"]
    # a rerun records the same skip once
    store.ingest([f], pipeline=NO_STAGES)
    assert len(store.skipped()) == 1


def test_empty_text_and_reader_skips_are_counted_by_reason(store):
    s = store.ingest([art("e", "   ", source="f.jsonl:7"), Skipped("g.jsonl", "malformed JSON: x", 3, "E105"),
                      art("ok", "Có nội dung.")], pipeline=NO_STAGES)
    assert s.new == 1
    assert s.skipped_by_reason() == {"E102 empty text": 1, "E105 malformed JSON": 1}
    assert {(r["path"], r["line"], r["code"]) for r in store.skipped()} == {("f.jsonl", 7, "E102"),
                                                                         ("g.jsonl", 3, "E105")}


def boom(article: Article) -> Article:
    raise RuntimeError("stage exploded")


def test_a_failing_stage_is_recorded_and_the_article_still_stored(store):
    pipeline = Pipeline(stages=(Stage("boom", f"{__name__}:boom"),), raise_errors=False)
    s = store.ingest([art("a", "Văn bản.")], pipeline=pipeline)
    assert s.new == 1
    assert [(e.article_id, e.stage) for e in s.errors] == [("a", "boom")]
    assert store.get("a")["stage_errors"] == [{"stage": "boom", "error": "RuntimeError: stage exploded"}]


def test_an_unstorable_article_is_skipped_without_losing_its_batch(store):
    bad = art("bad", "Số liệu.")
    bad.quantities.append(Quantity(float("nan"), "USD", "amount", Evidence(0, 3, "Số ")))
    s = store.ingest([art("a", "Một."), bad, art("b", "Hai.")], pipeline=NO_STAGES, batch_size=10)
    assert s.new == 2
    assert [k.code for k in s.skipped] == ["E400"]
    assert sorted(a["id"] for a in store.articles()) == ["a", "b"]


# -- search -----------------------------------------------------------------------------

def test_fold_keeps_length_and_folds_d_bar():
    text = "Tổng Bí thư Tô Lâm thăm Trụ sở Trung ương Đảng; ĐÀ NẴNG, Thuỷ/Thủy"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "tong bi thu to lam tham tru so trung uong dang; da nang, thuy/thuy"


def test_search_is_diacritic_insensitive_including_d_bar(store):
    store.ingest([EXAMPLES])
    hits = store.search("to lam")
    assert len(hits) >= 4
    for h in hits:
        assert h["highlights"], h
        start, end = h["highlights"][0]
        assert h["snippet"][start:end] == "Tô Lâm"
    dang = store.search("dang")
    assert dang and any(h["snippet"][s:e] == "Đảng" for h in dang for s, e in h["highlights"])
    assert {h["id"] for h in store.search("TÔ LÂM")} == {h["id"] for h in hits}
    assert store.search("xyzzy không có") == []
    assert store.search("  ") == []
    assert store.search('"; DROP TABLE articles; --') == []  # user text never becomes FTS syntax
    assert len(store.articles(q="to lam")) == len(hits)


# -- queries ----------------------------------------------------------------------------

def _annotated() -> list[Article]:
    text = "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik."
    a = art("k1", text, title="Hội kiến", published="2025-11-21", outlet="vov.vn")
    a.entities = [Entity("e1", "Tô Lâm", "PER", "VNM", "Tổng Bí thư", "General Secretary", [(25, 31)]),
                  Entity("e2", "Woo Won-shik", "PER", "KOR", mentions=[(69, 81)])]
    a.events = [Event("ev1", "MEET", a.evidence(13, 81), participants=["e1", "e2"], date="2025-11-21")]
    a.statements = [Statement("st1", "PROPOSE", a.evidence(0, 20), source=["e2"], target=["VNM"],
                              topics=["crime"], occasion="ev1")]
    b = art("k2", "Thủ tướng Nhật Bản thăm Hà Nội.", title="Thăm", published="2024-03-02", outlet="vov.vn")
    b.entities = [Entity("e1", "Nhật Bản", "GPE", "JPN", mentions=[(10, 18)])]
    b.events = [Event("ev1", "VISIT", b.evidence(0, 30), participants=["JPN"], date="--03-02")]
    return [a, b]


def test_event_and_statement_filters(store):
    store.ingest(_annotated(), pipeline=NO_STAGES)
    assert [e["article_id"] for e in store.events()] == ["k1", "k2"]
    meet = store.events(actor="to lam")
    assert [(e["kind"], e["participants_names"]) for e in meet] == [("MEET", ["Tô Lâm", "Woo Won-shik"])]
    assert [e["article_id"] for e in store.events(country="kor")] == ["k1"]
    assert [e["article_id"] for e in store.events(country="JPN")] == ["k2"]  # ISO3 participant
    assert [e["article_id"] for e in store.events(kind="visit")] == ["k2"]
    assert [e["article_id"] for e in store.events(topic="crime")] == ["k1"]
    # k2's event has no year: its article's date is used
    assert [e["article_id"] for e in store.events(since="2025")] == ["k1"]
    assert [e["article_id"] for e in store.events(until="2024-03")] == ["k2"]
    st = store.statements(actor="woo")
    assert [(s["kind"], s["source_names"], s["target_names"], s["topics"]) for s in st] == [
        ("PROPOSE", ["Woo Won-shik"], ["VNM"], ["crime"])]
    assert store.statements(actor="to lam") == []
    assert len(store.statements(country="VNM")) == 1 and store.statements(topic="trade") == []
    assert [e["name"] for e in store.entities(country="kor")] == ["Woo Won-shik"]
    assert [a["id"] for a in store.articles(outlet="vov.vn", since="2025-01-01")] == ["k1"]
    assert store.articles(limit=1, offset=1)[0]["id"] == "k2"


def test_get_returns_the_full_record_and_raises_for_unknown_ids(store):
    store.ingest(_annotated(), pipeline=NO_STAGES)
    rec = store.get("k1")
    assert rec["events"][0]["evidence"]["text"].startswith("Tổng Bí thư Tô Lâm")
    assert rec["entities"][0]["mentions"] == [[25, 31]]
    with pytest.raises(NotFound):
        store.get("nope")


def test_deleting_an_article_removes_its_records_and_search_entry(store):
    store.ingest(_annotated(), pipeline=NO_STAGES)
    assert store.delete_article("k1")
    assert store.search("to lam") == []
    assert store.entities(article_id="k1") == [] and store.events(kind="MEET") == []


def test_dataframe(store):
    pd = pytest.importorskip("pandas")
    store.ingest(_annotated(), pipeline=NO_STAGES)
    df = store.dataframe("events")
    assert isinstance(df, pd.DataFrame) and sorted(df["article_id"]) == ["k1", "k2"]
    with pytest.raises(StoreError):
        store.dataframe("articles; DROP TABLE articles")


def test_two_worker_processes_store_the_same_as_one(tmp_path):
    dumps = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as s:
            summary = s.ingest([EXAMPLES], workers=workers, batch_size=2)
            assert summary.new == 5
            dumps.append([(r["id"], r["record_json"]) for r in
                          s.conn.execute("SELECT id, record_json FROM articles ORDER BY id")])
    assert dumps[0] == dumps[1]


def test_progress_is_reported_and_ends_with_the_final_counts(store):
    seen = []
    summary = store.ingest([art(f"a{i}", f"Bài {i}.") for i in range(5)], pipeline=NO_STAGES, batch_size=2,
                           progress=lambda s: seen.append((s.read, s.new)))
    assert seen and seen[-1] == (5, 5) == (summary.read, summary.new)
    assert [n for _, n in seen] == sorted(n for _, n in seen)


def test_a_reader_crash_on_one_input_is_a_skip_and_the_other_inputs_are_stored(store, monkeypatch):
    import sukien.reading

    real_read = sukien.reading.read

    def flaky_read(source):
        if str(source).endswith("explodes.txt"):
            raise RuntimeError("reader bug")
        return real_read(source)

    monkeypatch.setattr(sukien.reading, "read", flaky_read)
    s = store.ingest(["explodes.txt", EXAMPLES / "000_4299fdeffb5ad11e.txt"], pipeline=NO_STAGES)
    assert s.new == 1
    assert [(k.path, k.code) for k in s.skipped] == [("explodes.txt", "E100")]
    assert "RuntimeError: reader bug" in s.skipped[0].reason


def test_opening_an_up_to_date_store_needs_no_write_lock(tmp_path):
    path = tmp_path / "busy.db"
    Store(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # e.g. an ingest in the middle of a batch
    try:
        with Store(path) as s:  # would raise "database is locked" if opening wrote anything
            assert s.articles() == []
    finally:
        writer.execute("ROLLBACK")


def test_content_hash_ignores_whitespace_runs_and_normal_forms():
    from sukien.store import content_hash

    base = content_hash("Tiêu đề", "Hai bên nhất trí.\n\nTổng Bí thư đề nghị.")
    assert content_hash(" Tiêu  đề ", "Hai bên\u00a0nhất trí.  Tổng Bí thư\tđề nghị. ") == base
    assert content_hash("Tiêu đề", unicodedata.normalize("NFD", "Hai bên nhất trí. Tổng Bí thư đề nghị.")) == base
    assert content_hash("Tiêu đề", "Hai bên nhất trí. Tổng Bí thư đề xuất.") != base
    assert content_hash(None, "Hai bên nhất trí. Tổng Bí thư đề nghị.") != base
