"""Stage `find_quantities` (stub until its issue lands)."""

from __future__ import annotations

from ..model import Article


def find_quantities(article: Article) -> Article:
    return article
