"""Stage `find_relations` (stub until its issue lands)."""

from __future__ import annotations

from ..model import Article


def find_relations(article: Article) -> Article:
    return article
