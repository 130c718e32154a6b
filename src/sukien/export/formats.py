"""Export a table of the SQLite store as JSON Lines, CSV, Parquet or PLOVER JSON Lines.

Rows are streamed from the store in batches (flat memory however large the table).

- ``jsonl``: one object per row; ``*_json`` columns are decoded into their values under
  the name without the suffix. For ``articles`` each line is the full SPEC §2 record.
- ``csv``: the columns as stored (JSON-valued columns stay JSON strings).
- ``parquet``: the columns as stored, typed from the table's declared SQLite types.
- ``plover`` / ``cameo``: every event and statement as a PLOVER record, or as CAMEO dyads
  with quad class and Goldstein score, coded by :mod:`sukien.stages.standards` from each
  article's stored §2 record (``--table`` does not apply).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import MissingExtra, StoreError
from ..model import Article, Document, Entity, Event, Evidence, Quantity, Relation, Statement

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo")
# Formats made from whole articles (events and statements together), whatever --table says.
CODED_FORMATS = ("plover", "cameo")
# Rows fetched from SQLite (and written to Parquet) per batch.
BATCH_ROWS = 5000


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'articles_fts%' AND name != 'migrations' ORDER BY name")]


def iter_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` as a dict, fetched in batches."""
    if table not in _tables(conn):
        raise StoreError(f"no table {table!r} in the store; tables: {', '.join(_tables(conn))}")
    cur = conn.execute(f'SELECT * FROM "{table}"')  # table name checked against the schema
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(BATCH_ROWS):
        for row in batch:
            yield dict(zip(names, tuple(row), strict=True))


def decode_row(row: dict[str, Any]) -> dict[str, Any]:
    """``x_json`` columns → ``x`` with the decoded value."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key.endswith("_json") and isinstance(value, str):
            out[key.removesuffix("_json")] = json.loads(value)
        else:
            out[key] = value
    return out


def export(conn: sqlite3.Connection, table: str, fmt: str, out: str | Path) -> int:
    """Write ``table`` in ``fmt`` to the file ``out``; returns the number of records written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(conn, table, Path(out))
    with open(out, "w", encoding="utf-8", newline="") as fh:
        if fmt == "jsonl":
            return _write_jsonl(conn, table, fh)
        if fmt == "csv":
            return _write_csv(conn, table, fh)
        return _write_coded(conn, fmt, fh)


def _write_jsonl(conn: sqlite3.Connection, table: str, fh: IO[str]) -> int:
    n = 0
    for row in iter_rows(conn, table):
        obj = json.loads(row["record_json"]) if table == "articles" and "record_json" in row else decode_row(row)
        fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(conn: sqlite3.Connection, table: str, fh: IO[str]) -> int:
    writer: csv.DictWriter | None = None
    n = 0
    for row in iter_rows(conn, table):
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    if writer is None:  # an empty table still gets its header
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        csv.writer(fh).writerow(cols)
    return n


def _arrow_schema(conn: sqlite3.Connection, table: str):
    import pyarrow as pa

    fields = []
    for _cid, name, decl, *_ in conn.execute(f'PRAGMA table_info("{table}")'):
        decl = (decl or "").upper()
        if "INT" in decl:
            t = pa.int64()
        elif any(k in decl for k in ("REAL", "FLOA", "DOUB")):
            t = pa.float64()
        else:
            t = pa.string()
        fields.append((name, t))
    return pa.schema(fields)


def _write_parquet(conn: sqlite3.Connection, table: str, out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra("Parquet export", "parquet") from exc
    if table not in _tables(conn):
        raise StoreError(f"no table {table!r} in the store; tables: {', '.join(_tables(conn))}")
    schema = _arrow_schema(conn, table)
    n = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(out), schema) as writer:
        for row in iter_rows(conn, table):
            batch.append(row)
            if len(batch) >= BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


# -- PLOVER / CAMEO --------------------------------------------------------------------------

def article_from_record(record: dict[str, Any]) -> Article:
    """An :class:`Article` with the records of a stored SPEC §2 record (spans are not stored)."""
    def ev(d: dict[str, Any]) -> dict[str, Any]:
        d = dict(d)
        if isinstance(d.get("evidence"), dict):
            d["evidence"] = Evidence(**d["evidence"])
        return d

    art = Article(id=record["id"], text_clean=record.get("text_clean") or "", title=record.get("title"),
                  published=record.get("published"), outlet=record.get("outlet"), url=record.get("url"))
    for e in record.get("entities", []):
        attrs = {k: e[k] for k in ("aliases", "sector") if e.get(k)}
        art.entities.append(Entity(e["id"], e["name"], e["type"], e.get("country"), e.get("title"),
                                   e.get("title_en"), [tuple(m) for m in e.get("mentions", [])], attrs))
    art.events = [Event(**ev(d)) for d in record.get("events", [])]
    art.statements = [Statement(**ev(d)) for d in record.get("statements", [])]
    art.documents = [Document(**ev(d)) for d in record.get("documents", [])]
    art.quantities = [Quantity(**ev(d)) for d in record.get("quantities", [])]
    art.relations = [Relation(**ev(d)) for d in record.get("relations", [])]
    return art


def _write_coded(conn: sqlite3.Connection, fmt: str, fh: IO[str]) -> int:
    """PLOVER records or CAMEO dyads of every stored article (``sukien.stages.standards``)."""
    from ..stages.standards import cameo_dyads, plover_records

    make = plover_records if fmt == "plover" else cameo_dyads
    n = 0
    for row in iter_rows(conn, "articles"):
        for rec in make(article_from_record(json.loads(row["record_json"]))):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
