"""Corpus events: one record per real occurrence, with every article that reports it.

Two article events are the same occurrence when they have the same kind, the same
participants after actor resolution (one set may be a subset of the other, if they share
at least two), and compatible dates: equal days, a day inside an interval, overlapping
intervals, ``--MM-DD`` against a full date with that month and day, or a month/year that
contains the other. Only dates to the day merge across stories: a month or a year
("chuyến thăm Nga vào tháng 6", "năm 2017") is how an article recalls or announces a trip,
not a report of the same occasion. A year-less or missing date only merges inside one story
(without a year, "21/11" could be any year's). Candidates are blocked by (kind, participant
pair), so the cost follows the number of events, not its square.

A year-less date of an article in a story nobody dated takes, for the corpus event only,
the year its people's tenures and the corpus's dated days agree on (``carry.corpus_year``).
A corpus event is one occurrence on a known date: a group whose date still has no year is
not one (it stays in its articles).

A corpus event keeps every source article with its evidence, and the number of sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Event
from .carry import corpus_year, present_days, story_days, tenure_window

# Two reports of one trip in one story may date it to different days of it (one the
# arrival, the other the talks); a state or official visit lasts up to about a week.
TRIP_MAX_DAYS = 7

_PART = re.compile(r"^(?:(\d{4})|--)(?:-(\d{2}))?(?:-(\d{2}))?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:/\d{4}-\d{2}-\d{2})?$")


@dataclass(frozen=True, slots=True)
class DateRange:
    year: int | None  # None: year unknown (--MM-DD)
    lo: tuple[int, int]  # (month, day)
    hi: tuple[int, int]
    end_year: int | None = None


def parse_date(value: str | None) -> DateRange | None:
    if not value:
        return None
    parts = value.split("/")
    ranges = []
    for p in parts[:2]:
        if p.startswith("--"):
            m = re.match(r"^--(\d{2})-(\d{2})$", p)
            if not m:
                return None
            md = (int(m[1]), int(m[2]))
            ranges.append((None, md, md))
            continue
        m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", p)
        if not m:
            return None
        y = int(m[1])
        if m[2] and m[3]:
            md = (int(m[2]), int(m[3]))
            ranges.append((y, md, md))
        elif m[2]:
            ranges.append((y, (int(m[2]), 1), (int(m[2]), 31)))
        else:
            ranges.append((y, (1, 1), (12, 31)))
    if len(ranges) == 1:
        y, lo, hi = ranges[0]
        return DateRange(y, lo, hi, y)
    (y1, lo, _), (y2, _, hi) = ranges
    return DateRange(y1, lo, hi, y2 if y2 is not None else y1)


def dates_compatible(a: str | None, b: str | None) -> bool:
    ra, rb = parse_date(a), parse_date(b)
    if ra is None or rb is None:
        return True
    if ra.year is not None and rb.year is not None:
        return _key(ra.year, ra.lo) <= _key(rb.end_year or rb.year, rb.hi) and \
            _key(rb.year, rb.lo) <= _key(ra.end_year or ra.year, ra.hi)
    return ra.lo <= rb.hi and rb.lo <= ra.hi  # month-day only


def _key(year: int, md: tuple[int, int]) -> tuple[int, int, int]:
    return (year, md[0], md[1])


def has_year(value: str | None) -> bool:
    return bool(value) and not value.startswith("--") and "/--" not in value


def date_rank(value: str | None) -> tuple[int, int, int]:
    """Prefer full dates with a year, then intervals (they contain the single days), then day precision."""
    if not value:
        return (0, 0, 0)
    r = parse_date(value)
    return (1 if has_year(value) else 0, 1 if "/" in value else 0, 1 if r and r.lo == r.hi else 0)


@dataclass(slots=True)
class SourceEvent:
    article: Article
    event: Event
    participants: tuple[str, ...]  # actor keys
    story: Any
    date: str | None = None  # the event's date, with the corpus year if it had none


@dataclass(slots=True)
class CorpusEvent:
    id: str
    kind: str
    participants: list[str]
    date: str | None
    sources: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "participants": self.participants, "date": self.date,
                "sources": self.sources, "n_sources": len(self.sources), "evidence": self.evidence}


ActorKey = Callable[[Article, str], tuple[str, str]]  # (article, participant) → (key, display name)


def _actor_keys(article: Article, refs: Sequence[str], actor_key: ActorKey, names: dict[str, str]) -> list[str]:
    """Corpus keys of ``refs`` (entity ids or ISO3) in ``article``; records each key's
    display name in ``names`` the first time it is seen."""
    keys = []
    for ref in refs:
        key, name = actor_key(article, ref)
        names.setdefault(key, name)
        keys.append(key)
    return keys


def merge_events(articles: Sequence[Article], actor_key: ActorKey,
                 story_of: dict[str, Any] | None = None) -> list[CorpusEvent]:
    """Merge the events of ``articles`` into corpus events (see the module docstring)."""
    story_of = story_of or {}
    items: list[SourceEvent] = []
    names: dict[str, str] = {}
    days: list[int] | None = None
    dated_stories: set[Any] | None = None
    for a in articles:
        window: tuple[str, str] | None = None
        window_known = False
        for ev in a.events:
            keys = _actor_keys(a, ev.participants, actor_key, names)
            date = ev.date
            if date and date.startswith("--"):
                if dated_stories is None:
                    dated_stories = {story_of[o.id] for o in articles if o.id in story_of and story_days([o])}
                if story_of.get(a.id) in dated_stories:
                    # a dated story gave its year to what lies near its days (carry_dates);
                    # a day it left year-less is far from them, so no year of the corpus either
                    items.append(SourceEvent(a, ev, tuple(dict.fromkeys(keys)), story_of.get(a.id), date))
                    continue
                if days is None:
                    days = present_days(articles)
                if not window_known:
                    window, window_known = tenure_window([a]), True
                date = corpus_year(date, window, days) or date
            items.append(SourceEvent(a, ev, tuple(dict.fromkeys(keys)), story_of.get(a.id), date))
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        ps = sorted(set(it.participants))
        for x in range(len(ps)):
            for y in range(x + 1, len(ps)):
                blocks[(it.event.kind, ps[x], ps[y])].append(i)
    for members in blocks.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if find(i) != find(j) and same_occurrence(items[i], items[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    out = [r for g in groups.values() if has_year((r := _record([items[i] for i in g], names)).date)]
    out.sort(key=lambda c: (c.date or "9999", c.kind, c.participants, c.id))
    return out


def same_occurrence(a: SourceEvent, b: SourceEvent) -> bool:
    if a.article.id == b.article.id or a.event.kind != b.event.kind:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if not (pa == pb or ((pa <= pb or pb <= pa) and len(pa & pb) >= 2)):
        return False
    same_story = a.story is not None and a.story == b.story
    da, db = a.date, b.date
    if not dates_compatible(da, db):
        # one trip, dated by its outlets on different days of it (arrival, talks)
        if not (a.event.kind == "VISIT" and same_story and (gap := days_apart(da, db)) is not None
                and gap <= TRIP_MAX_DAYS):
            return False
    if not same_story and not (_DAY.match(da or "") and _DAY.match(db or "")):
        return False
    return True


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two dates (0 if they overlap); year-less ones by month and day."""
    ra, rb = parse_date(a), parse_date(b)
    if ra is None or rb is None:
        return None
    same_year = ra.year is None or rb.year is None
    ya, yb = (2000, 2000) if same_year else (ra.year, rb.year)
    try:
        a_lo = dt.date(ya, *ra.lo).toordinal()
        a_hi = dt.date(ya if same_year else (ra.end_year or ya), *ra.hi).toordinal()
        b_lo = dt.date(yb, *rb.lo).toordinal()
        b_hi = dt.date(yb if same_year else (rb.end_year or yb), *rb.hi).toordinal()
    except ValueError:
        return None
    return max(0, max(a_lo, b_lo) - min(a_hi, b_hi))


def _record(group: list[SourceEvent], names: dict[str, str]) -> CorpusEvent:
    first = group[0]
    dates = [g.date for g in group if g.date]
    date = None
    if dates:
        # the most informative form (a year, an interval, a day); among equals the earliest,
        # which for a trip dated on different days by its outlets is its start
        best = max(date_rank(d) for d in dates)
        date = min(d for d in dates if date_rank(d) == best)
    participants: list[str] = []
    for g in sorted(group, key=lambda g: -len(g.participants)):
        for p in g.participants:
            if p not in participants:
                participants.append(p)
    sources = list(dict.fromkeys(g.article.id for g in group))
    digest = hashlib.sha1(f"{first.article.id}#{first.event.id}".encode()).hexdigest()[:12]
    evidence = [{"article": g.article.id, "event": g.event.id, "start": g.event.evidence.start,
                 "end": g.event.evidence.end, "text": g.event.evidence.text, "date": g.event.date}
                for g in group]
    return CorpusEvent(f"ce-{digest}", first.event.kind, [names.get(p, p) for p in participants], date,
                       sources, evidence)


def is_country(participant: str) -> bool:
    return bool(_ISO3.match(participant))


# ---------------------------------------------------------------------------------------
# Statements: the same statement reported by several outlets keeps every source

# Two reports of one statement share most of their words ("Tổng Bí thư đề nghị hai bên mở
# rộng hợp tác..."); two different proposals at one meeting by the same speaker share the
# frame but not the content. Word-set Jaccard of the two evidence sentences at least this.
STATEMENT_SAME_WORDS = 0.35

_WORDS = re.compile(r"\w+")


@dataclass(slots=True)
class CorpusStatement:
    id: str
    kind: str
    source: list[str]
    target: list[str]
    topics: list[str]
    occasion: str | None  # corpus event id
    sources: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "source": self.source, "target": self.target,
                "topics": self.topics, "occasion": self.occasion, "sources": self.sources,
                "n_sources": len(self.sources), "evidence": self.evidence}


def merge_statements(articles: Sequence[Article], actor_key: ActorKey,
                     events: Sequence[CorpusEvent]) -> list[CorpusStatement]:
    """Statements of different articles that report the same thing said at the same
    occasion by the same source, merged with all their sources."""
    occasion_of = {(ev["article"], ev["event"]): ce.id for ce in events for ev in ce.evidence}
    groups: dict[tuple[str, str, tuple[str, ...]], list[list[tuple[Article, Any, set[str]]]]] = defaultdict(list)
    names: dict[str, str] = {}
    order: list[list[tuple[Article, Any, set[str]]]] = []
    for a in articles:
        for s in a.statements:
            keys = _actor_keys(a, s.source, actor_key, names)
            occasion = occasion_of.get((a.id, s.occasion)) if s.occasion else None
            words = set(_WORDS.findall(s.evidence.text.lower()))
            block = groups[(s.kind, occasion or f"article:{a.id}", tuple(sorted(set(keys))))]
            home = None
            for g in block:
                if all(m[0].id != a.id for m in g) and any(_jaccard(words, m[2]) >= STATEMENT_SAME_WORDS for m in g):
                    home = g
                    break
            if home is None:
                home = []
                block.append(home)
                order.append(home)
            home.append((a, s, words))
    out = []
    for g in order:
        a0, s0, _ = g[0]
        occasion = occasion_of.get((a0.id, s0.occasion)) if s0.occasion else None
        src = [actor_key(a0, p)[1] for p in s0.source]
        tgt = [actor_key(a0, p)[1] for p in s0.target]
        topics = sorted({t for _, s, _ in g for t in s.topics})
        digest = hashlib.sha1(f"{a0.id}#{s0.id}".encode()).hexdigest()[:12]
        out.append(CorpusStatement(f"cs-{digest}", s0.kind, src, tgt, topics, occasion,
                                   list(dict.fromkeys(a.id for a, _, _ in g)),
                                   [{"article": a.id, "statement": s.id, "start": s.evidence.start,
                                     "end": s.evidence.end, "text": s.evidence.text} for a, s, _ in g]))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
