"""Extracted articles as partitioned Parquet datasets, and back.

One dataset per record type under an output folder — ``articles``, ``entities``,
``events``, ``statements``, ``documents``, ``quantities``, ``relations`` (and ``skipped``
for inputs that were not read) — each Hive-partitioned by publication month
(``month=2024-05``, ``month=unknown`` when the date is missing), so DuckDB
(``read_parquet('out/events/*/*.parquet', hive_partitioning=true)``), Spark or pandas read
them directly.

Columns are derived from the model's dataclasses, so they carry SPEC §2's field names:
scalars stay flat, an ``evidence`` becomes ``evidence_start``/``evidence_end``/
``evidence_text``, and lists and dicts become JSON strings in a column named
``<field>_json``. Every child row has ``article_id`` and ``ord`` (its place in the
article's list), so :func:`read_articles` rebuilds the same :class:`Article` records
(``to_record()`` equal) one written chunk at a time.

Files written together share a name across datasets (``part-<chunk>-<i>.parquet``): the
rows of one chunk of articles sit in the same-named file of each dataset, which is what
lets reading stay chunk by chunk with flat memory.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, fields
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import MissingExtra, SukienError
from ..model import (
    Article,
    Document,
    Entity,
    Event,
    Evidence,
    Quantity,
    Relation,
    StageError,
    Statement,
)

RECORD_TABLES: dict[str, type] = {
    "entities": Entity,
    "events": Event,
    "statements": Statement,
    "documents": Document,
    "quantities": Quantity,
    "relations": Relation,
}
ARTICLE_FIELDS = ("id", "title", "published", "outlet", "url", "source_path", "text_clean", "meta", "errors")
TABLES = ("articles", *RECORD_TABLES)
SKIPPED_TABLE = "skipped"
PARTITION_COLUMN = "month"
UNKNOWN_MONTH = "unknown"

_MONTH = re.compile(r"^(\d{4}-\d{2})")


def _pa():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra("Parquet export", "parquet") from exc
    return pa, pq


def month_of(published: str | None) -> str:
    """``YYYY-MM`` of a publication date, or ``unknown``."""
    m = _MONTH.match(published or "")
    return m.group(1) if m else UNKNOWN_MONTH


# -- column layout derived from the dataclasses ------------------------------------------

def _kind(annotation: Any) -> str:
    """What a dataclass field becomes: str|int|float|bool|evidence|json."""
    a = str(annotation).replace(" ", "")
    base = a.removesuffix("|None")
    if base in ("str", "int", "float", "bool"):
        return base
    if base == "Evidence":
        return "evidence"
    return "json"


@cache
def _layout(cls: type) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, _kind(f.type)) for f in fields(cls))


@cache
def _article_layout() -> tuple[tuple[str, str], ...]:
    kinds = {f.name: _kind(f.type) for f in fields(Article)}
    return tuple((name, kinds[name]) for name in ARTICLE_FIELDS)


@cache
def _fields_of(cls: type) -> dict[str, Any]:
    return {f.name: f for f in fields(cls)}


def _columns(layout: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """(column name, arrow type name) for a layout."""
    cols: list[tuple[str, str]] = []
    for name, kind in layout:
        if kind == "evidence":
            cols += [("evidence_start", "int"), ("evidence_end", "int"), ("evidence_text", "str")]
        elif kind == "json":
            cols.append((f"{name}_json", "str"))
        else:
            cols.append((name, kind))
    return cols


@cache
def schema(table: str):
    """The Arrow schema of one dataset (partition column last)."""
    pa, _ = _pa()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    if table == "articles":
        cols = _columns(_article_layout())
    elif table == SKIPPED_TABLE:
        cols = [("path", "str"), ("line", "int"), ("code", "str"), ("reason", "str")]
    else:
        cols = [("article_id", "str"), ("ord", "int"), *_columns(_layout(RECORD_TABLES[table]))]
    return pa.schema([(name, types[t]) for name, t in cols] + [(PARTITION_COLUMN, pa.string())])


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_jsonable)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def _flatten(obj: Any, layout: tuple[tuple[str, str], ...], row: dict[str, Any]) -> dict[str, Any]:
    for name, kind in layout:
        value = getattr(obj, name)
        if kind == "evidence":
            row["evidence_start"], row["evidence_end"], row["evidence_text"] = (
                (value.start, value.end, value.text) if value is not None else (None, None, None))
        elif kind == "json":
            if name == "errors":
                value = [{"stage": e.stage, "error": e.error} for e in value]
            elif name == "meta":  # keys starting with '_' are stages' per-article caches
                value = {k: v for k, v in value.items() if not k.startswith("_")}
            row[f"{name}_json"] = None if value is None else _dumps(value)
        elif kind == "float" and value is not None:
            row[name] = float(value)
        else:
            row[name] = value
    return row


def article_rows(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The rows an article contributes to each dataset."""
    month = month_of(article.published)
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [_flatten(article, _article_layout(), {PARTITION_COLUMN: month})]}
    for table, cls in RECORD_TABLES.items():
        layout = _layout(cls)
        rows[table] = [_flatten(rec, layout, {"article_id": article.id, "ord": i, PARTITION_COLUMN: month})
                       for i, rec in enumerate(getattr(article, table))]
    return rows


def skipped_row(item: Any) -> dict[str, Any]:
    return {"path": item.path, "line": item.line, "code": item.code, "reason": item.reason,
            PARTITION_COLUMN: UNKNOWN_MONTH}


# -- writing ------------------------------------------------------------------------------

def prepare_output(out_dir: str | Path, *, overwrite: bool = False) -> Path:
    """Create ``out_dir``; refuse to mix with an earlier run unless ``overwrite``."""
    out = Path(out_dir)
    existing = [out / t for t in (*TABLES, SKIPPED_TABLE) if (out / t).exists()]
    if existing and not overwrite:
        raise SukienError(f"{out} already holds a Parquet export ({existing[0].name}/); "
                          "use --overwrite or another folder")
    for d in existing:
        shutil.rmtree(d)
    out.mkdir(parents=True, exist_ok=True)
    return out


def write_chunk(out_dir: str | Path, chunk_no: int, items: Iterable[Any]) -> dict[str, int]:
    """Write one chunk of extracted articles (and Skipped inputs); returns rows per dataset."""
    pa, pq = _pa()
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        if isinstance(item, Article):
            for table, r in article_rows(item).items():
                rows[table].extend(r)
        elif hasattr(item, "reason") and hasattr(item, "path"):
            rows[SKIPPED_TABLE].append(skipped_row(item))
    counts: dict[str, int] = {}
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        arrow = pa.Table.from_pylist(table_rows, schema=schema(table))
        pq.write_to_dataset(
            arrow, root_path=str(Path(out_dir) / table), partition_cols=[PARTITION_COLUMN],
            basename_template=f"part-{chunk_no:06d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore")
        counts[table] = len(table_rows)
    return counts


# -- reading ------------------------------------------------------------------------------

def _unflatten(row: dict[str, Any], layout: tuple[tuple[str, str], ...], cls_fields: dict[str, Any]) -> dict[str, Any]:
    kw: dict[str, Any] = {}
    for name, kind in layout:
        if kind == "evidence":
            kw[name] = Evidence(row["evidence_start"], row["evidence_end"], row["evidence_text"])
        elif kind == "json":
            raw = row.get(f"{name}_json")
            value = None if raw is None else json.loads(raw)
            if value is None and cls_fields[name].default is MISSING and cls_fields[name].default_factory is not MISSING:
                value = cls_fields[name].default_factory()
            if name == "mentions" and value is not None:
                value = [tuple(m) for m in value]
            kw[name] = value
        else:
            kw[name] = row.get(name)
    return kw


def _record(cls: type, row: dict[str, Any]) -> Any:
    return cls(**_unflatten(row, _layout(cls), _fields_of(cls)))


def article_from_rows(row: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> Article:
    """Rebuild an :class:`Article` from its ``articles`` row and its child rows."""
    kw = _unflatten(row, _article_layout(), _fields_of(Article))
    errors = [StageError(e["stage"], e["error"]) for e in kw.pop("errors") or []]
    art = Article(**kw, errors=errors)
    for table, cls in RECORD_TABLES.items():
        recs = sorted(children.get(table, ()), key=lambda r: r["ord"])
        setattr(art, table, [_record(cls, r) for r in recs])
    return art


def _read_file(pq: Any, path: Path) -> list[dict[str, Any]]:
    return pq.read_table(str(path)).to_pylist() if path.exists() else []


def read_articles(parquet_dir: str | Path) -> Iterator[Article]:
    """Every article of an export, rebuilt, one written chunk at a time (flat memory)."""
    _, pq = _pa()
    root = Path(parquet_dir)
    art_root = root / "articles"
    if not art_root.is_dir():
        raise SukienError(f"{root} holds no 'articles' Parquet dataset")
    for part in sorted(art_root.glob(f"{PARTITION_COLUMN}=*/*.parquet")):
        rel = part.relative_to(art_root)
        children: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for table in RECORD_TABLES:
            for r in _read_file(pq, root / table / rel):
                children[r["article_id"]][table].append(r)
        for row in _read_file(pq, part):
            yield article_from_rows(row, children.get(row["id"], {}))


def read_skipped(parquet_dir: str | Path) -> Iterator[Any]:
    """The inputs a run could not read, as reader ``Skipped`` records."""
    from ..reading import Skipped

    _, pq = _pa()
    for part in sorted((Path(parquet_dir) / SKIPPED_TABLE).glob("*/*.parquet")):
        for r in _read_file(pq, part):
            yield Skipped(r["path"], r["reason"], r["line"], r["code"])
