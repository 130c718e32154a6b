"""Stage `resolve_dates` (stub until its issue lands)."""

from __future__ import annotations

from ..model import Article


def resolve_dates(article: Article) -> Article:
    return article
