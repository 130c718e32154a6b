"""sukien: structured, sourced event data from Vietnamese news.

>>> import sukien
>>> art = sukien.extract("Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến ...", published="2025-11-21")
>>> art.to_record()["events"]
"""

from __future__ import annotations

from .model import Article
from .pipeline import Pipeline

__version__ = "0.1.0"
__all__ = ["Article", "Pipeline", "extract", "open", "__version__"]

_default_pipeline: Pipeline | None = None


def extract(text: str, *, published: str | None = None, id: str = "text", title: str | None = None,
            pipeline: Pipeline | None = None) -> Article:
    """Read, clean and extract one plain-text article; returns the typed :class:`Article`."""
    global _default_pipeline
    from .reading import article_from_text

    if pipeline is None:
        if _default_pipeline is None:
            _default_pipeline = Pipeline()
        pipeline = _default_pipeline
    return pipeline(article_from_text(text, id=id, title=title, published=published))


def open(path: str = "sukien.db"):  # noqa: A001 - mirrors sqlite3/sukien naming in the spec
    """Open (or create) a store; returns :class:`sukien.store.Store`."""
    from .store import Store

    return Store(path)
