"""Idempotent, interruptible ingest of articles into the store.

Decisions (documented here because they are the store's contract):

- **Dedup key.** ``content_hash`` = SHA-256 of the NFC, whitespace-collapsed title and
  ``text_clean`` (title, a blank line, body). An article is its headline and its cleaned
  body: the same body under another headline is kept (a different article as published),
  an exact re-publication (or a re-run over the same files) is a *duplicate* and is not
  extracted again. A duplicate under a different id is recorded in ``aliases`` so
  ``show <that id>`` still finds it.
- **Same id, different content.** If the stored article with that id came from the same
  source (same file, and for JSONL the same line), the input is a newer version of it
  (the file changed, or cleaning improved): the old row and everything extracted from it
  is replaced (*updated*). Otherwise both are real and distinct articles that happen to
  share a name (two ``000.txt`` in different folders, two JSONL lines with one id): the
  new one is stored as ``<id>~2`` (``~3``...). Both rules depend only on the input and
  what is committed, so a resumed run decides exactly as an uninterrupted one.
- **Transactions.** Extracted articles are written in batches of ``batch_size``, each
  batch in one transaction: a batch is all-or-nothing. Killing the process at any point
  leaves the store as it was after the last committed batch; a rerun skips what was
  committed (duplicates by hash) and finishes the rest, so the result equals an
  uninterrupted run.
- **Errors.** A bad input (the reader's :class:`~sukien.reading.Skipped`) and an article
  with an empty body are recorded in ``skipped`` and counted by reason; a stage that
  fails on an article is recorded in ``stage_errors`` and the article is still stored
  with what the other stages found. An article that cannot be written (e.g. a stage
  produced a value that is not JSON) is skipped with code E400 without losing the batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..pipeline import Pipeline
from ..reading import Skipped
from .fold import fold

if TYPE_CHECKING:
    from .core import Store

# 200 articles per transaction: one commit (an fsync in WAL mode with synchronous=NORMAL
# happens only at checkpoints) per ~200 articles keeps commit overhead well under 1% of
# extraction time, and an interrupted run loses at most one batch of work.
DEFAULT_BATCH_SIZE = 200
# Progress callbacks while only reading (duplicates on a rerun) come every this many
# inputs, so a rerun over 48k articles still shows movement without slowing the loop.
PROGRESS_EVERY = 100
# Duplicates and skips cost almost nothing to write; a batch holds at most this many items.
MAX_MARKERS_PER_BATCH = 5000

_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class StageErrorRecord:
    article_id: str
    stage: str
    error: str


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did. ``read`` counts every input record (articles and skips)."""

    read: int = 0
    new: int = 0
    updated: int = 0
    duplicate: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[StageErrorRecord] = field(default_factory=list)

    def skipped_by_reason(self) -> Counter[str]:
        """Skips counted by ``code reason-kind``: the reason up to its first colon, numbers as N."""
        return Counter(f"{s.code} {_DIGITS.sub('N', s.reason.split(':', 1)[0].strip())}" for s in self.skipped)

    def errors_by_stage(self) -> Counter[str]:
        return Counter(e.stage for e in self.errors)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new": self.new,
            "updated": self.updated,
            "duplicate": self.duplicate,
            "skipped": len(self.skipped),
            "skipped_by_reason": dict(self.skipped_by_reason()),
            "stage_errors": len(self.errors),
            "stage_errors_by_stage": dict(self.errors_by_stage()),
        }


@dataclass(slots=True)
class _Duplicate:
    """Marker passed through the extraction stream in input order (small: no text)."""

    article_id: str
    source_path: str | None
    content_hash: str


ProgressCallback = Callable[[IngestSummary], None]


@dataclass(slots=True)
class StoredForm:
    """An extracted article as the store writes it: everything that needs no database.

    Made where the article was extracted (a worker process, with ``--workers N``), so the
    process that writes only runs SQL: JSON, search folds and table rows are made in
    parallel, and what crosses between processes is a few strings and tuples, cheaper to
    pickle than the Article with all its spans.
    """

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    source_path: str | None
    text_clean: str
    meta_json: str
    record_json: str
    title_fold: str
    body_fold: str
    rows: dict[str, list[tuple[Any, ...]]]  # table -> rows, article id first
    errors: list[tuple[str, str]]  # (stage, error)

    def rename(self, new_id: str) -> None:
        """Store the article under another id (``<id>~2``): the id in the record and rows too."""
        record = json.loads(self.record_json)
        record["id"] = new_id
        self.id, self.record_json = new_id, _dumps(record)
        self.rows = {t: [(new_id, *r[1:]) for r in rs] for t, rs in self.rows.items()}


@dataclass(slots=True)
class Unstorable:
    """An extracted article whose stored form could not be made (e.g. a stage produced a
    value that is not JSON): skipped with E400, in its place in the stream."""

    id: str
    source_path: str | None
    reason: str


def stored_form(art: Article) -> StoredForm:
    record = art.to_record()
    return StoredForm(art.id, art.title, art.published, art.outlet, art.url, art.source_path, art.text_clean,
                      json.dumps(art.public_meta(), ensure_ascii=False, default=str), _dumps(record),
                      fold(art.title or ""), fold(art.text_clean), _record_rows(art.id, record),
                      [(e.stage, e.error) for e in art.errors])


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


def storable(art: Article) -> StoredForm | Unstorable:
    try:
        return stored_form(art)
    except (TypeError, ValueError, OverflowError) as exc:
        return Unstorable(art.id, art.source_path, f"cannot store: {type(exc).__name__}: {exc}")


def extract_for_store(pipeline: Callable[[Article], Article], art: Article) -> StoredForm | Unstorable:
    """The pipeline, then the stored form (what each worker runs per article)."""
    return storable(pipeline(art))


def _storing_factory(factory: Callable[[], Callable[[Article], Article]]) -> Callable[[Article], Any]:
    return partial(extract_for_store, factory())


def content_hash(title: str | None, text_clean: str) -> str:
    """The dedup key: SHA-256 over normalised title and body (see module docstring)."""

    def norm(s: str) -> str:
        # split()/join is re's ``\s+`` -> " " plus strip(): the same whitespace class
        # (str.isspace), checked over every code point; three times faster.
        return " ".join(unicodedata.normalize("NFC", s).split())

    return hashlib.sha256(f"{norm(title or '')}\n\n{norm(text_clean)}".encode()).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iter_items(items: Any) -> Iterator[Article | Skipped]:
    """Paths (str/Path, one or many) go through the reader; Articles/Skipped pass as they are."""
    from ..reading import read

    if isinstance(items, (str, Path, Article, Skipped)):
        items = [items]
    for item in items:
        if isinstance(item, (Article, Skipped)):
            yield item
            continue
        try:
            yield from read(item)
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the other inputs
            yield Skipped(str(item), f"reader failed, rest of this input not read: "
                          f"{type(exc).__name__}: {exc}", None, "E100")


def split_source(source_path: str | None) -> tuple[str, int]:
    """``"a/b.jsonl:12"`` → ``("a/b.jsonl", 12)``; a plain file → ``(file, 0)``."""
    if not source_path:
        return "", 0
    head, sep, tail = source_path.rpartition(":")
    if sep and tail.isdigit() and head:
        return head, int(tail)
    return source_path, 0


def _same_source(a: str | None, b: str | None) -> bool:
    """Same file, and for JSONL the same line: two lines of one file are two records."""
    (fa, la), (fb, lb) = split_source(a), split_source(b)
    return bool(fa) and la == lb and os.path.abspath(fa) == os.path.abspath(fb)


def _pipeline_factory(pipeline: Any, workers: int) -> Callable[[], Any]:
    # A picklable factory, so worker processes can build the same pipeline.
    if pipeline is None:
        return partial(Pipeline, raise_errors=False)
    if isinstance(pipeline, Pipeline):
        return partial(Pipeline, tuple(pipeline.stages), raise_errors=pipeline.raise_errors)
    if workers == 1 and callable(pipeline):  # any article -> article function, in this process
        return lambda: pipeline
    raise ValueError("with workers > 1, pipeline must be a sukien.pipeline.Pipeline (it is rebuilt "
                     "in each worker process)")


def _map(stream: Iterable[Any], workers: int, pipeline: Any) -> Iterator[Any]:
    """Articles come out as :class:`StoredForm` (or as Articles when a stage ran out of
    time between stages: the caller makes their stored form)."""
    try:
        from ..engines.local import map_articles
    except ImportError:  # the local engine is optional: run in this process
        map_articles = None
    factory = partial(_storing_factory, _pipeline_factory(pipeline, workers))
    if map_articles is not None:
        yield from map_articles(stream, workers=workers, pipeline_factory=factory)
        return
    run = factory()
    for item in stream:
        yield run(item) if isinstance(item, Article) else item


def ingest(store: Store, items: Any, *, pipeline: Pipeline | None = None,
           batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1,
           progress: ProgressCallback | None = None) -> IngestSummary:
    """Read, deduplicate, extract and store ``items``; see the module docstring."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    summary = IngestSummary()
    seen: set[str] = set()  # content hashes of this run's articles (maybe not yet committed)
    hashes: deque[str] = deque()  # hashes of the Articles sent to extraction, in order

    def candidates() -> Iterator[Any]:
        for item in iter_items(items):
            summary.read += 1
            if progress and summary.read % PROGRESS_EVERY == 0:
                progress(summary)
            if isinstance(item, Article) and not item.text_clean.strip():
                path, line = split_source(item.source_path)
                item = Skipped(path or item.id, "empty text: nothing left after cleaning",
                               line or None, "E102")
            if isinstance(item, Skipped):
                yield item
                continue
            h = content_hash(item.title, item.text_clean)
            if h in seen or store.id_for_hash(h) is not None:
                yield _Duplicate(item.id, item.source_path, h)
                continue
            seen.add(h)
            hashes.append(h)
            yield item

    batch: list[Any] = []
    n_articles = 0  # articles (not markers) in the batch: they are what costs time to redo
    for item in _map(candidates(), workers, pipeline):
        if isinstance(item, Article):  # cut short by the CPU budget: stored with what it has
            item = storable(item)
        if isinstance(item, (StoredForm, Unstorable)):
            batch.append((item, hashes.popleft()))
            n_articles += 1
        else:
            batch.append(item)
        # Markers (duplicates, skips) are cheap; flush them too now and then so memory stays flat.
        if n_articles >= batch_size or len(batch) >= MAX_MARKERS_PER_BATCH:
            _write_batch(store, batch, summary)
            batch, n_articles = [], 0
            if progress:
                progress(summary)
    if batch:
        _write_batch(store, batch, summary)
    if progress:
        progress(summary)
    return summary


def _write_batch(store: Store, batch: list[Any], summary: IngestSummary) -> None:
    now = now_iso()
    counts = Counter()
    skipped: list[Skipped] = []
    errors: list[StageErrorRecord] = []
    with store.atomic():
        for item in batch:
            if isinstance(item, Skipped):
                _write_skipped(store, item, now)
                skipped.append(item)
            elif isinstance(item, _Duplicate):
                counts["duplicate"] += 1
                aid = item.article_id
                # Looked up by hash: the stored id may differ from the first input's (``~2``).
                store.conn.execute(
                    "INSERT OR IGNORE INTO aliases (alias_id, article_id, source_path) "
                    "SELECT ?, a.id, ? FROM articles a WHERE a.content_hash = ? AND a.id != ? "
                    "AND NOT EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                    (aid, item.source_path, item.content_hash, aid, aid))
            else:
                art, h = item
                reason = art.reason if isinstance(art, Unstorable) else None
                if reason is None:
                    try:
                        with store.atomic():  # a savepoint: one bad article does not lose the batch
                            outcome = _write_article(store, art, h, now)
                    except (TypeError, ValueError, OverflowError, sqlite3.IntegrityError) as exc:
                        reason = f"cannot store: {type(exc).__name__}: {exc}"
                if reason is not None:
                    path, line = split_source(art.source_path)
                    skip = Skipped(path or art.id, reason, line or None, "E400")
                    _write_skipped(store, skip, now)
                    skipped.append(skip)
                    continue
                counts[outcome] += 1
                if outcome != "duplicate":
                    errors.extend(StageErrorRecord(art.id, stage, error) for stage, error in art.errors)
    # Only after the commit: the summary never counts work that was rolled back.
    summary.new += counts["new"]
    summary.updated += counts["updated"]
    summary.duplicate += counts["duplicate"]
    summary.skipped.extend(skipped)
    summary.errors.extend(errors)


def _write_skipped(store: Store, s: Skipped, now: str) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO skipped (path, line, code, reason, at) VALUES (?, ?, ?, ?, ?)",
        (s.path, s.line or 0, s.code, s.reason, now))


def _free_id(store: Store, base: str) -> str:
    n = 2
    while store.conn.execute("SELECT 1 FROM articles WHERE id = ?", (f"{base}~{n}",)).fetchone():
        n += 1
    return f"{base}~{n}"


def _write_article(store: Store, art: StoredForm, h: str, now: str) -> str:
    conn = store.conn
    if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (h,)).fetchone():
        return "duplicate"
    outcome = "new"
    old = conn.execute("SELECT pk, title, text_clean, source_path FROM articles WHERE id = ?",
                       (art.id,)).fetchone()
    if old is not None:
        if _same_source(old["source_path"], art.source_path):
            store.delete_article(art.id)
            outcome = "updated"
        else:
            art.rename(_free_id(store, art.id))
    cur = conn.execute(
        "INSERT INTO articles (id, content_hash, title, published, outlet, url, source_path, "
        "text_clean, meta_json, record_json, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (art.id, h, art.title, art.published, art.outlet, art.url, art.source_path, art.text_clean,
         art.meta_json, art.record_json, now))
    conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                 (cur.lastrowid, art.title_fold, art.body_fold))
    for table, rows in art.rows.items():
        conn.executemany(_INSERT[table], rows)
    conn.executemany("INSERT INTO stage_errors (article_id, stage, error) VALUES (?, ?, ?)",
                     [(art.id, stage, error) for stage, error in art.errors])
    return outcome


def _j(value: Any) -> str:
    return json.dumps(value if value is not None else [], ensure_ascii=False, allow_nan=False)


def _ev(rec: dict[str, Any]) -> tuple[Any, Any, Any]:
    ev = rec.get("evidence") or {}
    return ev.get("start"), ev.get("end"), ev.get("text")


_INSERT = {
    "entities": "INSERT INTO entities (article_id, entity_id, name, name_fold, type, country, title, title_en, "
                "mentions_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events (article_id, event_id, kind, mode, date, date_precision, part_of_day, "
              "location_name, location_country, participants_json, host, status, evidence_start, "
              "evidence_end, evidence_text, plover_json, cameo) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "statements": "INSERT INTO statements (article_id, statement_id, kind, source_json, target_json, topics_json, "
                  "occasion, implicit, evidence_start, evidence_end, evidence_text, plover_json, cameo) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "documents": "INSERT INTO documents (article_id, idx, kind, title, parties_json, topics_json, signed, "
                 "evidence_start, evidence_end, evidence_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "quantities": "INSERT INTO quantities (article_id, idx, value, unit, year, kind, approx, about, "
                  "evidence_start, evidence_end, evidence_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "relations": "INSERT INTO relations (article_id, idx, country_a, country_b, level, date, year, "
                 "evidence_start, evidence_end, evidence_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def _record_rows(aid: str, record: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the per-record tables (``_INSERT``'s columns, in order) for one article."""
    return {
        "entities": [(aid, e["id"], e["name"], fold(e["name"] or ""), e.get("type"), e.get("country"),
                      e.get("title"), e.get("title_en"), _j(e.get("mentions"))) for e in record["entities"]],
        "events": [(aid, e["id"], e["kind"], e.get("mode"), e.get("date"), e.get("date_precision"),
                    e.get("part_of_day"), (e.get("location") or {}).get("name"),
                    (e.get("location") or {}).get("country"), _j(e.get("participants")), e.get("host"),
                    e.get("status"), *_ev(e), json.dumps(e.get("plover") or {}, ensure_ascii=False),
                    e.get("cameo")) for e in record["events"]],
        "statements": [(aid, s["id"], s["kind"], _j(s.get("source")), _j(s.get("target")), _j(s.get("topics")),
                        s.get("occasion"), int(bool(s.get("implicit"))), *_ev(s),
                        json.dumps(s.get("plover") or {}, ensure_ascii=False), s.get("cameo"))
                       for s in record["statements"]],
        "documents": [(aid, i, d["kind"], d.get("title"), _j(d.get("parties")), _j(d.get("topics")),
                       d.get("signed"), *_ev(d)) for i, d in enumerate(record["documents"])],
        "quantities": [(aid, i, q.get("value"), q.get("unit"), q.get("year"), q.get("kind"), q.get("approx"),
                        q.get("about"), *_ev(q)) for i, q in enumerate(record["quantities"])],
        "relations": [(aid, i, *(list(r.get("pair") or []) + [None, None])[:2], r.get("level"), r.get("date"),
                       r.get("year"), *_ev(r)) for i, r in enumerate(record["relations"])],
    }
