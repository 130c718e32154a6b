"""What several stages read from one article, made once: its date words and its lower-cased text.

The dates stage resolves date expressions; the trigger matcher of :mod:`sukien.stages.cues`
finds the date stage's keywords in the same automaton pass as the trigger words (one pass over
the article instead of two). Both read the vocabulary from here, so neither imports the other's
module for it. The lower-cased text is shared by the dates, actors, cues and relations stages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..knowledge import load_table
from ..model import Article


@dataclass(frozen=True)
class DateVocab:
    """The words of knowledge/data/date_words.tsv by kind, keyed by :func:`date_key`."""

    part_of_day: dict[str, str]
    relative_day: dict[str, int]
    after_part: dict[str, int]
    weekday: dict[str, int]
    edge: dict[str, str]
    direction: dict[str, str]


def date_key(phrase: str) -> str:
    """Lower case, one space between words."""
    return " ".join(phrase.lower().split())


@cache
def date_vocab() -> DateVocab:
    by_kind: dict[str, dict[str, str]] = {}
    for row in load_table("date_words", required=("word", "kind", "value")):
        by_kind.setdefault(row["kind"], {})[date_key(row["word"])] = row["value"]
    return DateVocab(
        part_of_day=by_kind["part_of_day"],
        relative_day={k: int(v) for k, v in by_kind["relative_day"].items()},
        after_part={k: int(v) for k, v in by_kind["relative_after_part"].items()},
        weekday={k: int(v) for k, v in by_kind["weekday"].items()},
        edge=by_kind["edge"],
        direction=by_kind["direction"],
    )


def keyword_phrases() -> tuple[str, ...]:
    """The lower-case phrases the date forms without digits start or end with (the trigger
    matcher of ``cues`` finds them in its pass over an article, see ``dates.resolve_dates``)."""
    return _keywords()


@cache
def _keywords() -> tuple[str, ...]:
    """Lower-case words that start or end the date forms without digits."""
    v = date_vocab()
    words = {"cùng ngày", "tuần tới", "tuần sau", "tuần này", "tuần trước", "tuần qua",
             "năm nay", "năm ngoái", "năm tới", "năm sau"}
    words |= set(v.weekday)
    words |= set(v.relative_day)
    words |= {f"{p} {s}" for p in v.part_of_day for s in v.after_part}
    words |= {f"{e} năm" for e in v.edge}
    return tuple(sorted(words))


# article.meta key of the lower-cased text_clean, shared by the stages that match lower-case
# phrases (a private cache: keys starting with "_" are never exported).
LOWER_KEY = "_lower"


def lowered(article: Article) -> str:
    """``article.text_clean.lower()``, computed once per article (kept in ``article.meta``
    with the text it was made from, so a changed text is lowered again)."""
    text = article.text_clean
    cached = article.meta.get(LOWER_KEY)
    if cached is not None and cached[0] is text:
        return cached[1]
    low = text.lower()
    article.meta[LOWER_KEY] = (text, low)
    return low


# article.meta key of the runs of ASCII digits of text_clean (a private cache, shared by the
# dates and quantities stages).
DIGITS_KEY = "_digit_runs"
_ASCII_DIGITS = "0123456789"


def ascii_digits(text: str) -> list[int]:
    """The offsets of the ASCII digits ``0-9`` of ``text``, in order.

    Found with ``str.find`` per digit (a memchr-like machine scan) rather than a regex scan:
    a pattern starting with ``[0-9]`` makes the regex engine test the character class at every
    character of the text (~50 machine instructions each), while a news article has ~2,500
    characters and only ~60 digits."""
    out: list[int] = []
    find = text.find
    for d in _ASCII_DIGITS:
        i = find(d)
        while i >= 0:
            out.append(i)
            i = find(d, i + 1)
    out.sort()
    return out


def ascii_digit_runs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the maximal runs of ASCII digits of ``text``, in order ("21/11" has
    two). Patterns whose matches can only start at an ASCII digit are tried at these runs
    instead of scanning the text (see ``dates._anchors``, ``quantities._numbers``)."""
    runs: list[tuple[int, int]] = []
    start = end = -1
    for i in ascii_digits(text):
        if i != end:
            if start >= 0:
                runs.append((start, end))
            start = i
        end = i + 1
    if start >= 0:
        runs.append((start, end))
    return runs


def digit_runs(article: Article) -> list[tuple[int, int]]:
    """:func:`ascii_digit_runs` of ``article.text_clean``, computed once per article (kept in
    ``article.meta`` with the text it was made from, as :func:`lowered` is)."""
    text = article.text_clean
    cached = article.meta.get(DIGITS_KEY)
    if cached is not None and cached[0] is text:
        return cached[1]
    runs = ascii_digit_runs(text)
    article.meta[DIGITS_KEY] = (text, runs)
    return runs
