"""Storage: the SQLite store (one file, WAL, recorded migrations, FTS5 search).

Public interface:

- ``Store(path)`` (what ``sukien.open(path)`` returns): ``ingest(...) -> IngestSummary``,
  ``articles``, ``get``, ``search``, ``events``, ``statements``, ``entities``, ``skipped``,
  ``counts``, ``dataframe``; ``atomic()`` for your own transactions.
- ``MIGRATIONS`` in :mod:`sukien.store.schema`: append ``(name, sql)`` to add tables.
- ``fold(text)``: the length-preserving search fold (``Đảng`` → ``dang``).
"""

from __future__ import annotations

from .core import NotFound, Store
from .fold import fold
from .ingest import IngestSummary, StageErrorRecord, content_hash
from .schema import MIGRATIONS

__all__ = ["MIGRATIONS", "IngestSummary", "NotFound", "StageErrorRecord", "Store", "content_hash", "fold"]
