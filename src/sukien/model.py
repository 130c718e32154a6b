"""The one data model every stage reads and writes.

An :class:`Article` owns its cleaned text (``text_clean``); everything the pipeline finds
is a span with character offsets into that text, recording the stage that made it
(spaCy's Doc/Span idea). Records (entities, events, statements, ...) keep their evidence
as offsets too, so any output can be traced back to the exact words it came from.

``Article.to_record()`` produces the JSON contract of SPEC §2; field names there are the
contract, so change them only together with the spec.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Entity types (SPEC §2).
PER, ORG, GPE, LOC = "PER", "ORG", "GPE", "LOC"
ENTITY_TYPES = (PER, ORG, GPE, LOC)

EVENT_KINDS = ("MEET", "VISIT", "SIGN")
STATEMENT_KINDS = ("PROPOSE", "AGREE", "PLEDGE", "SUPPORT", "CRITICIZE", "REJECT", "AID")
TOPICS = (
    "diplomacy", "legislature", "defense_security", "crime", "trade", "investment",
    "science_technology", "energy", "infrastructure", "finance", "labor",
    "education_training", "culture_tourism", "health", "environment_climate",
    "agriculture_fisheries", "people_diaspora", "multilateral_regional",
)


@dataclass(slots=True)
class Span:
    """A labelled stretch of ``text_clean``: ``[start, end)`` in characters."""

    start: int
    end: int
    label: str
    stage: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def text(self, article: Article) -> str:
        return article.text_clean[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Mention(Span):
    """A mention of an actor (person, organisation, country, place) or of a title.

    ``label`` is one of PER/ORG/GPE/LOC, or ``TITLE`` for an office written without a
    name. ``entity_id`` is filled by entity resolution; ``country`` is ISO3 where known.
    """

    name: str = ""
    country: str | None = None
    title: str | None = None
    entity_id: str | None = None


@dataclass(slots=True)
class DateSpan(Span):
    """A date expression resolved against the publication date.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD`` (year unknown) or an
    interval ``A/B`` of those; ``precision`` is day|month|year; ``part_of_day`` is
    morning|noon|afternoon|evening or None.
    """

    value: str | None = None
    precision: str | None = None
    part_of_day: str | None = None


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    title: str | None = None
    title_en: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)  # sector, aliases, source, ...


@dataclass(slots=True)
class Event:
    id: str
    kind: str  # MEET | VISIT | SIGN
    evidence: Evidence
    mode: str | None = None
    participants: list[str] = field(default_factory=list)  # entity ids or ISO3
    host: str | None = None
    date: str | None = None
    date_precision: str | None = None
    part_of_day: str | None = None
    location: dict[str, Any] | None = None
    status: str = "occurred"
    plover: dict[str, Any] = field(default_factory=dict)
    cameo: str | None = None


@dataclass(slots=True)
class Statement:
    id: str
    kind: str
    evidence: Evidence
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    occasion: str | None = None
    implicit: bool = False
    plover: dict[str, Any] = field(default_factory=dict)
    cameo: str | None = None


@dataclass(slots=True)
class Document:
    kind: str
    title: str
    evidence: Evidence
    parties: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    signed: str | None = None


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str
    kind: str  # target|statistic|change|amount
    evidence: Evidence
    year: int | None = None
    approx: str | None = None
    about: str | None = None
    value_max: float | None = None  # upper end of a range ("giảm từ 9-12%": value 9, value_max 12)


@dataclass(slots=True)
class Relation:
    pair: list[str]
    level: str
    evidence: Evidence
    date: str | None = None
    year: int | None = None


@dataclass(slots=True)
class StageError:
    stage: str
    error: str


@dataclass(slots=True)
class Article:
    """One news article and everything extracted from it.

    ``raw_text`` is what the reader decoded (after Unicode normalisation);
    ``text_clean`` is the body without boilerplate, and every offset indexes into it.
    """

    id: str
    text_clean: str
    raw_text: str = ""
    title: str | None = None
    published: str | None = None  # 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' or None
    outlet: str | None = None
    url: str | None = None
    source_path: str | None = None  # file (and ':line' for JSONL) it was read from
    meta: dict[str, Any] = field(default_factory=dict)
    # spans, in text order
    sentences: list[Span] = field(default_factory=list)
    captions: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    # records
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)

    # -- helpers -------------------------------------------------------------
    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(start, end, self.text_clean[start:end])

    def sentence_at(self, offset: int) -> Span | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def public_meta(self) -> dict[str, Any]:
        """``meta`` without stages' private caches: keys starting with "_" hold per-article
        work a stage shares with later stages; they are never stored or exported."""
        return {k: v for k, v in self.meta.items() if not k.startswith("_")}

    def to_record(self) -> dict[str, Any]:
        """The per-article JSON of SPEC §2."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "text_clean": self.text_clean,
            "entities": [_entity_record(e) for e in self.entities],
            "events": [asdict(e) for e in self.events],
            "statements": [asdict(s) for s in self.statements],
            "documents": [asdict(d) for d in self.documents],
            "quantities": [asdict(q) for q in self.quantities],
            "relations": [_relation_record(r) for r in self.relations],
        }


def _entity_record(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "country": e.country,
        "title": e.title,
        "title_en": e.title_en,
        "mentions": [list(m) for m in e.mentions],
        **({"aliases": e.attrs["aliases"]} if e.attrs.get("aliases") else {}),
        **({"sector": e.attrs["sector"]} if e.attrs.get("sector") else {}),
    }


def _relation_record(r: Relation) -> dict[str, Any]:
    d = asdict(r)
    if d.get("date") is None:
        d.pop("date")
    if d.get("year") is None:
        d.pop("year")
    return d
