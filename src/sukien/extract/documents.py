"""Stage `find_documents` (stub until its issue lands)."""

from __future__ import annotations

from ..model import Article


def find_documents(article: Article) -> Article:
    return article
