"""sukien: structured, sourced event data from Vietnamese news.

>>> import sukien
>>> art = sukien.extract("Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến ...", published="2025-11-21")
>>> art.to_record()["events"]
"""

from __future__ import annotations

from functools import cache

from .model import Article
from .pipeline import Pipeline

__version__ = "0.1.0"
__all__ = ["Article", "Pipeline", "extract", "open", "__version__"]


@cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, *, published: str | None = None, id: str = "text", title: str | None = None,
            pipeline: Pipeline | None = None) -> Article:
    """Read, clean and extract one plain-text article; returns the typed :class:`Article`."""
    from .reading import article_from_text

    pipeline = pipeline or _default_pipeline()
    return pipeline(article_from_text(text, id=id, title=title, published=published))


def open(path: str = "sukien.db"):  # noqa: A001 - mirrors sqlite3/sukien naming in the spec
    """Open (or create) a store; returns :class:`sukien.store.Store`."""
    from .store import Store

    return Store(path)
