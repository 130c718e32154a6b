"""Bring a Parquet export (``sukien run``) into the SQLite store.

The articles are already extracted, so they go through the store's ordinary ingest path
with an empty pipeline: the same deduplication, transactions and idempotency as
``sukien ingest``, and no stage runs twice.
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import Any

from ..export.parquet import read_articles, read_skipped
from ..pipeline import Pipeline


def load_parquet(store: Any, parquet_dir: str | Path, *, progress: Any = None) -> Any:
    """Store every article (and skipped input) of a Parquet export; returns the ingest summary."""
    items = chain(read_articles(parquet_dir), read_skipped(parquet_dir))
    return store.ingest(items, pipeline=Pipeline(stages=()), progress=progress)
