"""Knowledge as reviewable data files with provenance.

Every table lives in ``knowledge/data/<name>.tsv``: a few ``# key: value`` header lines
(``# source:`` is required: where the knowledge comes from), then a tab-separated header
row, then rows. Cells may be empty; a column listed as ``required`` may not be. Lines
starting with ``#`` after the header are comments. Tables are validated on load and
returned as immutable tuples of mappings, loaded once per process (read-only, so the cache
is not shared mutable state).

JSON tables (``<name>.json``) are supported for nested knowledge, with a top-level
``"source"`` key.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from ..errors import KnowledgeError

DATA_PACKAGE = "sukien.knowledge.data"


def _data_text(filename: str, package: str = DATA_PACKAGE) -> str:
    try:
        return resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"data file {package}/{filename} is missing") from exc


def read_tsv(package: str, filename: str, required: tuple[str, ...] = ()) -> tuple[MappingProxyType, ...]:
    """Rows of the TSV ``filename`` in ``package`` as read-only mappings, validated: a
    ``# source:`` header line, the ``required`` columns present and non-empty, no row
    longer than the header. Other packages keep their own small tables (the reader's
    legacy encodings, the splitter's abbreviations) in this same format."""
    meta: dict[str, str] = {}
    header: list[str] | None = None
    rows: list[MappingProxyType] = []
    for lineno, line in enumerate(_data_text(filename, package).splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if header is None and ":" in line:
                key, _, value = line[1:].partition(":")
                meta[key.strip().lower()] = value.strip()
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise KnowledgeError(f"{filename}: header lacks columns {missing}")
            continue
        if len(cells) > len(header):
            raise KnowledgeError(f"{filename}:{lineno}: {len(cells)} cells for {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells, strict=True))
        for col in required:
            if not row[col]:
                raise KnowledgeError(f"{filename}:{lineno}: empty '{col}'")
        rows.append(MappingProxyType(row))
    if "source" not in meta:
        raise KnowledgeError(f"{filename}: no '# source:' line saying where the knowledge comes from")
    if header is None or not rows:
        raise KnowledgeError(f"{filename}: no rows")
    return tuple(rows)


@cache
def load_table(name: str, required: tuple[str, ...] = ()) -> tuple[MappingProxyType, ...]:
    """Rows of ``data/<name>.tsv`` as read-only mappings; validates ``required`` columns."""
    return read_tsv(DATA_PACKAGE, f"{name}.tsv", required)


@cache
def load_json(name: str) -> Any:
    """``data/<name>.json``; must carry a top-level ``"source"``."""
    filename = f"{name}.json"
    try:
        data = json.loads(_data_text(filename))
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{filename}: {exc}") from exc
    if not isinstance(data, dict) or not data.get("source"):
        raise KnowledgeError(f"{filename}: no top-level 'source'")
    return data


def split_list(cell: str, sep: str = "|") -> list[str]:
    """A multi-valued cell (``a|b|c``) as a list, empty parts dropped."""
    return [p.strip() for p in cell.split(sep) if p.strip()]
