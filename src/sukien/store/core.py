"""The SQLite store: one file, WAL, foreign keys, recorded migrations, FTS5 search.

Readable by other tools (Datasette, DuckDB, the sqlite3 shell): plain tables, JSON in
``*_json`` columns. All queries are parameterised; the few identifiers that are not
(table names for :meth:`Store.dataframe`) are checked against the schema first.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import MissingExtra, StoreError
from . import schema
from .fold import fold
from .ingest import IngestSummary, ProgressCallback, ingest, now_iso

# Characters of article text around a search hit in a snippet (each side).
SNIPPET_CONTEXT = 80
DEFAULT_LIMIT = 50

_WORD = re.compile(r"\w+")


class NotFound(StoreError):
    code = "E401"


class Store:
    """An open sukien database. ``sukien.open(path)`` returns one.

    Use as a context manager or call :meth:`close`. One Store is one connection: use it
    from the thread that opened it (open one per thread or process).
    """

    def __init__(self, path: str | Path = "sukien.db", *, check_same_thread: bool = True) -> None:
        self.path = str(path)
        try:
            # isolation_level=None: no implicit transactions; atomic() opens them explicitly.
            # check_same_thread=False lets a server share one Store for reads across threads.
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=check_same_thread)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is safe with WAL: a crash can lose the last commits, never corrupt the file.
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        self.migrate()

    # -- lifecycle --------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A transaction (or, nested, a savepoint): all of it is committed or none of it."""
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT atomic")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK TO atomic")
                self.conn.execute("RELEASE atomic")
                raise
            self.conn.execute("RELEASE atomic")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- schema -----------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; returns the names applied now."""
        # Opening an up-to-date store writes nothing (readers never wait on a running ingest).
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'migrations'").fetchone():
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = set(self.applied_migrations())
        applied = []
        for name, sql in schema.MIGRATIONS:
            if name in done:
                continue
            quoted = name.replace("'", "''")
            script = (f"BEGIN IMMEDIATE;\n{sql}\n;INSERT INTO migrations (name, applied_at) "
                      f"VALUES ('{quoted}', '{now_iso()}');\nCOMMIT;")
            try:
                self.conn.executescript(script)
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {exc}") from exc
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY rowid")]

    def tables(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%' ORDER BY name")]

    def counts(self) -> dict[str, int]:
        """Rows per table (FTS internals left out)."""
        return {t: self.conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in self.tables()}

    # -- writing ----------------------------------------------------------------------
    def ingest(self, items: Any, *, pipeline: Any = None, batch_size: int | None = None,
               workers: int = 1, progress: ProgressCallback | None = None) -> IngestSummary:
        """Store articles idempotently: see :mod:`sukien.store.ingest` for the rules.

        ``items``: a path, a list of paths (files, folders, globs, ``-``), or an iterable of
        :class:`~sukien.model.Article` / :class:`~sukien.reading.Skipped`. Articles are run
        through ``pipeline`` (default: every stage, errors recorded not raised) in
        ``workers`` processes; ``progress(summary)`` is called as the run moves.
        """
        from .ingest import DEFAULT_BATCH_SIZE

        return ingest(self, items, pipeline=pipeline, batch_size=batch_size or DEFAULT_BATCH_SIZE,
                      workers=workers, progress=progress)

    def id_for_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and everything extracted from it; False if there was none."""
        row = self.conn.execute("SELECT pk, title, text_clean FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        if row is None:
            return False
        with self.atomic():
            # Contentless FTS5 needs the indexed values to remove a row.
            self.conn.execute(
                "INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                (row["pk"], fold(row["title"] or ""), fold(row["text_clean"])))
            self.conn.execute("DELETE FROM articles WHERE pk = ?", (row["pk"],))
        return True

    # -- queries ----------------------------------------------------------------------
    def articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                 q: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, newest first, with how much was extracted from each."""
        where, params = _date_filter("a.published", since, until)
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        if q:
            where.append("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_phrase(q))
        sql = (
            "SELECT a.id, a.published, a.outlet, a.title, a.url, length(a.text_clean) AS chars, "
            "(SELECT COUNT(*) FROM entities WHERE article_id = a.id) AS entities, "
            "(SELECT COUNT(*) FROM events WHERE article_id = a.id) AS events, "
            "(SELECT COUNT(*) FROM statements WHERE article_id = a.id) AS statements "
            f"FROM articles a {_where(where)} "
            "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?")
        return self._rows(sql, [*params, limit, offset])

    def get(self, article_id: str) -> dict[str, Any]:
        """The full §2 record of one article (also found by an alias id), plus store fields.

        Raises :class:`NotFound` if there is no such article.
        """
        row = self.conn.execute(
            "SELECT * FROM articles WHERE id = ? UNION ALL SELECT a.* FROM aliases x "
            "JOIN articles a ON a.id = x.article_id WHERE x.alias_id = ? LIMIT 1",
            (article_id, article_id)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r} in {self.path}")
        record = json.loads(row["record_json"])
        record["source_path"] = row["source_path"]
        record["content_hash"] = row["content_hash"]
        record["ingested_at"] = row["ingested_at"]
        record["meta"] = json.loads(row["meta_json"])
        record["stage_errors"] = self._rows(
            "SELECT stage, error FROM stage_errors WHERE article_id = ?", [row["id"]])
        return record

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Diacritic-insensitive phrase search over title and body (``to lam`` finds Tô Lâm).

        Each hit carries a ``snippet`` of the original text and ``highlights``: ``[start,
        end]`` offsets of the matched words inside the snippet.
        """
        phrase = fts_phrase(query)
        if not phrase:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.published, a.outlet, a.title, a.text_clean, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (phrase, limit)).fetchall()
        pattern = _phrase_regex(query)
        hits = []
        for r in rows:
            snippet, highlights = _snippet(r["text_clean"], pattern)
            if not highlights and r["title"]:
                # matched in the title only: show the start of the body
                snippet = r["text_clean"][: 2 * SNIPPET_CONTEXT]
            hits.append({"id": r["id"], "published": r["published"], "outlet": r["outlet"],
                         "title": r["title"], "snippet": snippet, "highlights": highlights,
                         "rank": r["rank"]})
        return hits

    def events(self, *, actor: str | None = None, country: str | None = None, kind: str | None = None,
               topic: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
        """Events found in articles. ``actor`` matches a participant's name (diacritic-
        insensitive substring); ``country`` an ISO3 participant or a participant's country;
        ``topic`` a topic of a statement or document in the same article; dates filter on
        the event's date, or the article's when the event has no full date."""
        date_expr = ("CASE WHEN e.date GLOB '[0-9][0-9][0-9][0-9]*' THEN e.date ELSE a.published END")
        where, params = _date_filter(date_expr, since, until)
        if kind:
            where.append("e.kind = ?")
            params.append(kind.upper())
        if actor:
            where.append(_ACTOR_IN.format(list="e.participants_json", aid="e.article_id"))
            params.append(f"%{fold(actor)}%")
        if country:
            where.append(_COUNTRY_IN.format(list="e.participants_json", aid="e.article_id"))
            params += [country.upper(), country.upper()]
        if topic:
            where.append(
                "(EXISTS (SELECT 1 FROM statements s, json_each(s.topics_json) t "
                "WHERE s.article_id = e.article_id AND t.value = ?) OR EXISTS (SELECT 1 FROM "
                "documents d, json_each(d.topics_json) t WHERE d.article_id = e.article_id AND t.value = ?))")
            params += [topic, topic]
        rows = self._rows(
            "SELECT e.article_id, e.event_id, e.kind, e.mode, e.date, e.date_precision, e.part_of_day, "
            "e.location_name, e.location_country, e.participants_json, e.host, e.status, "
            "e.evidence_start, e.evidence_end, e.evidence_text, e.plover_json, e.cameo, "
            "a.published, a.outlet, a.title AS article_title "
            f"FROM events e JOIN articles a ON a.id = e.article_id {_where(where)} "
            f"ORDER BY {date_expr} DESC NULLS LAST, e.article_id, e.event_id LIMIT ? OFFSET ?",
            [*params, limit, offset])
        return self._with_names(rows, ("participants",))

    def statements(self, *, actor: str | None = None, country: str | None = None, kind: str | None = None,
                   topic: str | None = None, since: str | None = None, until: str | None = None,
                   limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
        """Statements found in articles; ``actor``/``country`` match the source or the target,
        ``topic`` one of the statement's topics, dates the article's publication date."""
        where, params = _date_filter("a.published", since, until)
        if kind:
            where.append("s.kind = ?")
            params.append(kind.upper())
        for value, clause in ((actor, _ACTOR_IN), (country, _COUNTRY_IN)):
            if not value:
                continue
            parts = [clause.format(list=f"s.{side}_json", aid="s.article_id") for side in ("source", "target")]
            where.append(f"({parts[0]} OR {parts[1]})")
            if clause is _ACTOR_IN:
                params += [f"%{fold(value)}%"] * 2
            else:
                params += [value.upper()] * 4
        if topic:
            where.append("EXISTS (SELECT 1 FROM json_each(s.topics_json) t WHERE t.value = ?)")
            params.append(topic)
        rows = self._rows(
            "SELECT s.article_id, s.statement_id, s.kind, s.source_json, s.target_json, s.topics_json, "
            "s.occasion, s.implicit, s.evidence_start, s.evidence_end, s.evidence_text, s.plover_json, "
            "s.cameo, a.published, a.outlet, a.title AS article_title "
            f"FROM statements s JOIN articles a ON a.id = s.article_id {_where(where)} "
            "ORDER BY a.published DESC NULLS LAST, s.article_id, s.statement_id LIMIT ? OFFSET ?",
            [*params, limit, offset])
        for r in rows:
            r["implicit"] = bool(r["implicit"])
        return self._with_names(rows, ("source", "target"))

    def entities(self, *, name: str | None = None, type: str | None = None,  # noqa: A002 - §2 field name
                 country: str | None = None, article_id: str | None = None,
                 limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
        """Entities per article; ``name`` is a diacritic-insensitive substring."""
        where: list[str] = []
        params: list[Any] = []
        for col, value in (("type", type and type.upper()), ("country", country and country.upper()),
                           ("article_id", article_id)):
            if value:
                where.append(f"{col} = ?")
                params.append(value)
        if name:
            where.append("name_fold LIKE ?")
            params.append(f"%{fold(name)}%")
        rows = self._rows(
            "SELECT article_id, entity_id, name, type, country, title, title_en, mentions_json "
            f"FROM entities {_where(where)} ORDER BY article_id, entity_id LIMIT ? OFFSET ?",
            [*params, limit, offset])
        return [_decode_json(r) for r in rows]

    def skipped(self, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
        """Inputs that were not stored, with file, line, code and reason."""
        return self._rows("SELECT path, line, code, reason, at FROM skipped ORDER BY path, line "
                          "LIMIT ? OFFSET ?", [limit, offset])

    def dataframe(self, table: str):
        """A whole table as a pandas DataFrame (needs the ``pandas`` extra)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise MissingExtra("Store.dataframe", "pandas") from exc
        if table not in self.tables():
            raise StoreError(f"no table {table!r} in {self.path}; tables: {', '.join(self.tables())}")
        return pd.read_sql_query(f'SELECT * FROM "{table}"', self.conn)

    # -- helpers ----------------------------------------------------------------------
    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(sql, params)]

    def _with_names(self, rows: list[dict[str, Any]], lists: tuple[str, ...]) -> list[dict[str, Any]]:
        """Decode ``*_json`` columns and add ``<list>_names``: entity ids resolved to names."""
        ids = sorted({r["article_id"] for r in rows})
        names: dict[tuple[str, str], str] = {}
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ",".join("?" * len(chunk))
            for e in self.conn.execute(
                    f"SELECT article_id, entity_id, name FROM entities WHERE article_id IN ({marks})", chunk):
                names[(e[0], e[1])] = e[2]
        out = []
        for r in rows:
            r = _decode_json(r)
            for key in lists:
                r[f"{key}_names"] = [names.get((r["article_id"], x), x) for x in r.get(key) or []]
            out.append(r)
        return out


# An entity id in the JSON list ``{list}`` whose name contains the folded pattern.
_ACTOR_IN = ("EXISTS (SELECT 1 FROM json_each({list}) p JOIN entities en ON en.article_id = {aid} "
             "AND en.entity_id = p.value WHERE en.name_fold LIKE ?)")
# An ISO3 code in the list itself, or an entity in the list with that country.
_COUNTRY_IN = ("EXISTS (SELECT 1 FROM json_each({list}) p WHERE p.value = ? OR EXISTS (SELECT 1 FROM "
               "entities en WHERE en.article_id = {aid} AND en.entity_id = p.value AND en.country = ?))")


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def _date_filter(expr: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """``since``/``until`` are inclusive prefixes: until 2024-06 includes 2024-06-30T23:59."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"({expr}) >= ?")
        params.append(since)
    if until:
        where.append(f"substr(({expr}), 1, ?) <= ?")
        params += [len(until), until]
    return where, params


def _decode_json(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in row.items():
        if k.endswith("_json"):
            out[k[: -len("_json")]] = json.loads(v) if v else None
        else:
            out[k] = v
    return out


def fts_phrase(query: str) -> str:
    """The FTS5 query for a user query: its folded words as one phrase (no FTS syntax)."""
    words = _WORD.findall(fold(query))
    return '"' + " ".join(words) + '"' if words else ""


def _phrase_regex(query: str) -> re.Pattern[str]:
    words = _WORD.findall(fold(query))
    return re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


def _snippet(text: str, pattern: re.Pattern[str]) -> tuple[str, list[list[int]]]:
    """Cut the original text around the first match of ``pattern`` in its fold (same offsets)."""
    folded = fold(text)
    m = pattern.search(folded)
    if m is None:
        return text[: 2 * SNIPPET_CONTEXT], []
    start = max(0, m.start() - SNIPPET_CONTEXT)
    end = min(len(text), m.end() + SNIPPET_CONTEXT)
    highlights = [[x.start() - start, x.end() - start] for x in pattern.finditer(folded, start, end)
                  if x.end() <= end]
    return text[start:end], highlights
