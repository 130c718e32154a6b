"""The shared answer key (schema ``sukien-gold/1``) and the name rules it is scored by.

``load_gold(path)`` reads and validates a gold file (``/work/shared/gold/README.md``);
``fold_name`` / ``names_match`` implement the README's name comparison:

- fold: lower case, Vietnamese diacritics removed (đ→d), and hyphens, dots and spaces
  removed. We remove every other non-alphanumeric character too (en dashes, commas,
  apostrophes, brackets): the README's list names separators, and ``Việt Nam – Hàn Quốc``
  written with an en dash is the same name as with a hyphen.
- a folded name also matches a longer one that ends with it when the shorter has at least
  ``MIN_SUFFIX_LETTERS`` letters (``Medvedev`` = ``Dmitry Medvedev``);
- a gold entity may list ``aliases``;
- a name written with a trailing parenthesised abbreviation also matches without it
  (``Mạng lưới Đổi mới sáng tạo Việt Nam (VINK)``): the abbreviation is a second name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import SukienError

SCHEMA = "sukien-gold/1"

# README: "A folded name also matches a longer one that ends with it when the shorter has at
# least six letters".
MIN_SUFFIX_LETTERS = 6

_ISO3 = re.compile(r"^[A-Z]{3}$")
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


class GoldError(SukienError):
    """A gold file is missing, malformed or not of schema ``sukien-gold/1``."""

    code = "E600"


# -- name folding ----------------------------------------------------------------------------
def _own_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _base_fold():
    """The project's diacritic fold if the text package provides one, else our own."""
    try:
        from ..text.normalize import fold  # type: ignore[attr-defined]
    except ImportError:
        return _own_fold
    return fold


@cache
def fold_name(name: str) -> str:
    """``Woo Won-shik`` → ``woowonshik``; ``Đà Nẵng`` → ``danang``."""
    folded = _base_fold()(name or "")
    # The shared fold may keep đ or case; finish the README rules here regardless.
    folded = _own_fold(folded)
    return _NON_ALNUM.sub("", folded)


@cache
def name_forms(name: str) -> frozenset[str]:
    """The folded forms a written name stands for (with and without a trailing ``(ABBR)``)."""
    forms = {fold_name(name)}
    stripped = _TRAILING_PAREN.sub("", name or "")
    if stripped and stripped != name:
        forms.add(fold_name(stripped))
    forms.discard("")
    return frozenset(forms)


def folded_match(a: str, b: str) -> bool:
    """Two folded names match: equal, or the shorter (≥ 6 letters) ends the longer."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return sum(c.isalpha() for c in short) >= MIN_SUFFIX_LETTERS and long_.endswith(short)


def names_match(predicted: str, gold: str, aliases: Iterable[str] = ()) -> bool:
    """Does a predicted name match a gold name (or one of the gold name's aliases)?"""
    pforms = name_forms(predicted)
    for g in (gold, *aliases):
        for gf in name_forms(g):
            if any(folded_match(pf, gf) for pf in pforms):
                return True
    return False


def is_iso3(value: Any) -> bool:
    """An ISO 3166-1 alpha-3 code we know (countries.tsv), not any three capitals: gold
    documents write "UAE" as a party name, which is no code (the UAE's is ARE)."""
    return isinstance(value, str) and bool(_ISO3.match(value)) and value in _known_codes()


@cache
def _known_codes() -> frozenset[str]:
    from ..knowledge import load_table

    return frozenset(row["iso3"] for row in load_table("countries"))


# -- gold file -------------------------------------------------------------------------------
@dataclass(slots=True)
class GoldArticle:
    id: str
    published: str | None
    story: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    not_actors: list[str] = field(default_factory=list)
    not_places: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    clean_text_ends_with: str | None = None

    def aliases_of(self, name: str) -> list[str]:
        """Aliases the gold gives for ``name`` (via the article's entity list)."""
        for e in self.entities:
            if fold_name(e["name"]) == fold_name(name):
                return list(e.get("aliases") or [])
        return []


@dataclass(slots=True)
class GoldCorpus:
    persons: list[str] = field(default_factory=list)
    stories: list[list[str]] = field(default_factory=list)
    merged_events: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Gold:
    path: str
    kinds: list[str]
    topics: dict[str, str]
    articles: dict[str, GoldArticle]
    corpus: GoldCorpus | None = None

    def aliases(self) -> dict[str, list[str]]:
        """Folded person name → aliases, over every article (for corpus-level matching)."""
        out: dict[str, list[str]] = {}
        for a in self.articles.values():
            for e in a.entities:
                if e.get("aliases"):
                    out.setdefault(fold_name(e["name"]), []).extend(e["aliases"])
        return out


_LIST_FIELDS = ("entities", "not_actors", "not_places", "ignore", "countries", "events", "statements",
                "documents", "quantities", "relations")
# Required keys per record type; a record missing one is a malformed answer key.
_REQUIRED = {
    "entities": ("name", "type"),
    "events": ("kind", "participants", "date", "quote"),
    "statements": ("kind", "source", "quote"),
    "documents": ("parties",),
    "quantities": ("value", "unit"),
    "relations": ("pair", "level"),
}


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file; raises :class:`GoldError` naming what is wrong."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GoldError(f"{p}: no such gold file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{p}: not a readable JSON gold file ({exc})") from exc
    return parse_gold(data, str(p))


def parse_gold(data: Any, path: str = "<gold>") -> Gold:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise GoldError(f"{path}: schema must be {SCHEMA!r}")
    raw_articles = data.get("articles")
    if not isinstance(raw_articles, list):
        raise GoldError(f"{path}: 'articles' must be a list")
    articles: dict[str, GoldArticle] = {}
    for i, raw in enumerate(raw_articles):
        where = f"{path}: articles[{i}]"
        if not isinstance(raw, dict) or not raw.get("id"):
            raise GoldError(f"{where}: an article needs an 'id'")
        if raw["id"] in articles:
            raise GoldError(f"{where}: duplicate article id {raw['id']!r}")
        lists: dict[str, list[Any]] = {}
        for name in _LIST_FIELDS:
            value = raw.get(name) or []  # an absent list means "none in this article"
            if not isinstance(value, list):
                raise GoldError(f"{where} ({raw['id']}): {name!r} must be a list")
            for j, rec in enumerate(value):
                for key in _REQUIRED.get(name, ()):
                    if not isinstance(rec, dict) or key not in rec:
                        raise GoldError(f"{where} ({raw['id']}): {name}[{j}] lacks {key!r}")
            lists[name] = value
        articles[raw["id"]] = GoldArticle(
            id=raw["id"], published=raw.get("published"), story=raw.get("story"),
            clean_text_ends_with=raw.get("clean_text_ends_with"), **lists)
    corpus = None
    if isinstance(data.get("corpus"), dict):
        c = data["corpus"]
        corpus = GoldCorpus(persons=list(c.get("persons") or []), stories=[list(s) for s in c.get("stories") or []],
                            merged_events=list(c.get("merged_events") or []))
    return Gold(path=path, kinds=list(data.get("kinds") or []), topics=dict(data.get("topics") or {}),
                articles=articles, corpus=corpus)
