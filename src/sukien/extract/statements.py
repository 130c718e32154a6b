"""Stage `find_statements` (stub until its issue lands)."""

from __future__ import annotations

from ..model import Article


def find_statements(article: Article) -> Article:
    return article
