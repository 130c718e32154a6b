"""Export a table of the SQLite store as JSON Lines, CSV, Parquet or PLOVER JSON Lines.

Rows are streamed from the store in batches (flat memory however large the table).

- ``jsonl``: one object per row; ``*_json`` columns are decoded into their values under
  the name without the suffix. For ``articles`` each line is the full SPEC §2 record.
- ``csv``: the columns as stored (JSON-valued columns stay JSON strings).
- ``parquet``: the columns as stored, typed from the table's declared SQLite types.
- ``plover``: events and statements as PLOVER event records (the field names of the
  Open Event Data Alliance's PLOVER JSON: ``id``, ``date``, ``source``/``target`` as
  ``[{"actorText", "code"}]``, ``event``, ``mode``, ``context``, ``eventText``, ``text``),
  built from each article's stored §2 record so actors carry their names and countries.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import MissingExtra, StoreError

FORMATS = ("jsonl", "csv", "parquet", "plover")
# Rows fetched from SQLite (and written to Parquet) per batch.
BATCH_ROWS = 5000
PLOVER_TABLES = ("events", "statements")
PLOVER_LANGUAGE = "vi"


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
        return _write_plover(conn, table, fh)


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


# -- PLOVER ---------------------------------------------------------------------------------

def plover_records(record: dict[str, Any], table: str) -> Iterator[dict[str, Any]]:
    """PLOVER event records for the events or statements of one §2 article record."""
    entities = {e["id"]: e for e in record.get("entities", [])}

    def actors(refs: list[str] | None) -> list[dict[str, Any]]:
        out = []
        for ref in refs or []:
            ent = entities.get(ref)
            if ent is None:  # an ISO3 code standing for the country itself
                out.append({"actorText": ref, "code": ref})
            else:
                out.append({k: v for k, v in (("actorText", ent["name"]), ("code", ent.get("country")),
                                              ("title", ent.get("title_en") or ent.get("title"))) if v})
        return out

    published = (record.get("published") or "")[:10] or None
    for item in record.get(table, []):
        plover = item.get("plover") or {}
        if table == "events":
            host = item.get("host")
            source = [p for p in item.get("participants", []) if p != host] or item.get("participants", [])
            target = [host] if host and host not in source else []
            date, context = item.get("date") or published, []
        else:
            source, target = item.get("source", []), item.get("target", [])
            date, context = published, item.get("topics", [])
        evidence = item.get("evidence") or {}
        rec = {
            "id": f"{record['id']}:{item.get('id', '')}",
            "date": date,
            "source": actors(source),
            "target": actors(target),
            "event": plover.get("event_type"),
            "mode": plover.get("mode") or "",
            "context": context,
            "eventText": evidence.get("text"),
            "text": evidence.get("text"),
            "textInfo": {"start": evidence.get("start"), "end": evidence.get("end")},
            "cameo": item.get("cameo"),
            "sukienKind": item.get("kind"),
            "language": PLOVER_LANGUAGE,
            "publication": record.get("outlet"),
            "url": record.get("url"),
            "articleId": record["id"],
        }
        if table == "events" and item.get("location"):
            rec["eventLoc"] = item["location"]
        yield rec


def _write_plover(conn: sqlite3.Connection, table: str, fh: IO[str]) -> int:
    tables = PLOVER_TABLES if table in ("", "all") else (table,)
    bad = [t for t in tables if t not in PLOVER_TABLES]
    if bad:
        raise StoreError(f"PLOVER export covers {' and '.join(PLOVER_TABLES)}, not {bad[0]!r}")
    n = 0
    for row in iter_rows(conn, "articles"):
        record = json.loads(row["record_json"])
        for t in tables:
            for rec in plover_records(record, t):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n
