"""Stage `find_actors` (stub until its issue lands)."""

from __future__ import annotations

from ..model import Article


def find_actors(article: Article) -> Article:
    return article
