"""Stage `find_events` (stub until its issue lands)."""

from __future__ import annotations

from ..model import Article


def find_events(article: Article) -> Article:
    return article
