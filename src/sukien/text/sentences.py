"""Vietnamese sentence splitting (stub until the foundation issue lands)."""

from __future__ import annotations

import re

from ..model import Article, Span

_SENT = re.compile(r"[^\n]+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENT.finditer(text)]


def split_sentences_stage(article: Article) -> Article:
    article.sentences = [Span(s, e, "SENT", "sentences") for s, e in split_sentences(article.text_clean)]
    return article
