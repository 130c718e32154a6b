"""The building blocks of scoring: who matches whom, which dates agree, one-to-one pairing.

Rules (``/work/shared/gold/README.md``) and the choices made where the README is silent:

Participants (event participants, statement sources and targets, corpus-event participants)
    A gold participant is an ISO3 code (three capital letters) or a name. A gold country is
    matched by the same ISO3 code, by a predicted country entity (GPE) of that code, or by a
    *person* of that country (README: "a person of that country also matches it"); an
    organisation of that country does not. A gold name is matched only by a predicted name
    that matches it under the folding rules of :mod:`.gold` (or one of the gold aliases).
    A predicted list matches a gold list when (1) every gold participant is matched by a
    *different* predicted participant, and (2) every predicted participant matches some gold
    participant — so a missing side or an unrelated extra participant both fail, while two
    Vietnamese leaders predicted for the gold ``VNM`` of ``hai bên`` pass. Two empty lists
    match.

Dates
    Gold ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` and intervals ``A/B`` of these are read as day
    ranges; a predicted date (or interval) matches when its whole range lies inside the
    gold range (README: "a predicted date inside it matches"), so a less precise prediction
    (``2025-08`` for ``2025-08-11``) does not. A year-less prediction ``--MM-DD`` (or
    ``--MM-DD/--MM-DD``, or ISO 8601's month form ``--MM``) matches on month and day, and only in an article whose gold
    ``published`` is null (otherwise the year is known and omitting it is an error); it
    never matches at corpus level. A guessed wrong year never matches. A null prediction
    matches only a null gold date; a null gold date (the key doesn't know it) accepts any.

One-to-one pairing
    Maximum-weight bipartite assignment (Hungarian, ``scipy.optimize.linear_sum_assignment``):
    every candidate pair is worth ``PAIR_WEIGHT`` plus a small bonus (e.g. right target,
    shared topics) so the number of matched pairs is maximal first and, among maximal
    pairings, the one with the best secondary agreement is kept.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy.optimize import linear_sum_assignment

from .gold import is_iso3, names_match

# A pair's worth in the assignment; bonuses stay below 2 per pair, so a maximal pairing wins
# unless a single article has hundreds of records (it never has).
PAIR_WEIGHT = 1000.0

PERSON, COUNTRY_TYPE = "PER", "GPE"


# -- participants ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Party:
    """A predicted participant resolved to what it names."""

    name: str | None = None
    iso3: str | None = None  # set when the participant *is* a country
    country: str | None = None
    type: str | None = None

    def label(self) -> str:
        return self.name or self.iso3 or "?"


def resolve_party(value: str, entities: dict[str, dict]) -> Party:
    """An entity id (looked up in the record's entities), an ISO3 code, or a bare name."""
    ent = entities.get(value)
    if ent is not None:
        etype = ent.get("type")
        country = ent.get("country")
        return Party(name=ent.get("name"), iso3=country if etype == COUNTRY_TYPE else None,
                     country=country, type=etype)
    if is_iso3(value):
        return Party(iso3=value, country=value, type=COUNTRY_TYPE)
    return Party(name=value)


def party_matches(gold: str, party: Party, aliases: Callable[[str], Sequence[str]] = lambda _n: ()) -> bool:
    if is_iso3(gold):
        if party.iso3 == gold:
            return True
        return party.type == PERSON and party.country == gold
    return bool(party.name) and names_match(party.name, gold, aliases(gold))


def max_matching(adj: list[list[int]], n_right: int) -> int:
    """Size of a maximum bipartite matching (Kuhn's augmenting paths; lists are tiny)."""
    owner = [-1] * n_right

    def augment(u: int, seen: list[bool]) -> bool:
        for v in adj[u]:
            if not seen[v]:
                seen[v] = True
                if owner[v] < 0 or augment(owner[v], seen):
                    owner[v] = u
                    return True
        return False

    return sum(augment(u, [False] * n_right) for u in range(len(adj)))


def participants_match(gold: Sequence[str], predicted: Iterable[Party],
                       aliases: Callable[[str], Sequence[str]] = lambda _n: ()) -> bool:
    """See the module docstring: gold injectively covered, and no unrelated extras."""
    preds = list(dict.fromkeys(predicted))  # the same entity listed twice counts once
    golds = list(dict.fromkeys(gold))
    if not golds or not preds:
        return not golds and not preds
    adj = [[j for j, p in enumerate(preds) if party_matches(g, p, aliases)] for g in golds]
    if max_matching(adj, len(preds)) < len(golds):
        return False
    return all(any(party_matches(g, p, aliases) for g in golds) for p in preds)


# -- dates -----------------------------------------------------------------------------------
_FULL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_YEARLESS = re.compile(r"^--(\d{1,2})(?:-(\d{1,2}))?$")


def _range(value: str) -> tuple[date, date] | None:
    m = _FULL.match(value.strip())
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def date_range(value: str | None) -> tuple[date, date] | None:
    """``2025-08-10/2025-08-13`` → (10 Aug, 13 Aug); ``2017-05`` → (1 May, 31 May)."""
    if not value:
        return None
    parts = value.split("/")
    if len(parts) > 2:
        return None
    ranges = [_range(p) for p in parts]
    if any(r is None for r in ranges):
        return None
    lo, hi = ranges[0][0], ranges[-1][1]  # type: ignore[index]
    return (lo, hi) if lo <= hi else None


def _yearless_range(value: str, year: int) -> tuple[date, date] | None:
    m = _YEARLESS.match(value.strip())
    if not m:
        return None
    month = int(m.group(1))
    try:
        if m.group(2):
            d = date(year, month, int(m.group(2)))
            return d, d
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def _yearless_fits(value: str, lo: date, hi: date) -> bool:
    """``--MM-DD`` (or ``--MM``, or an interval of them) placed in some year of [lo, hi]."""
    parts = value.split("/")
    if len(parts) > 2:
        return False
    for year in range(lo.year, hi.year + 1):
        first = _yearless_range(parts[0], year)
        last = _yearless_range(parts[-1], year)
        if first is None or last is None:
            continue
        start, end = first[0], last[1]
        if end < start:  # --12-30/--01-02 crosses the new year
            crossed = _yearless_range(parts[-1], year + 1)
            if crossed is None:
                continue
            end = crossed[1]
        if lo <= start and end <= hi:
            return True
    return False


def dates_match(gold: str | None, predicted: str | None, *, allow_yearless: bool) -> bool:
    if not gold:
        return True
    grange = date_range(gold)
    if grange is None or not predicted:
        return False
    if predicted.startswith("--"):
        return allow_yearless and _yearless_fits(predicted, *grange)
    prange = date_range(predicted)
    return prange is not None and grange[0] <= prange[0] and prange[1] <= grange[1]


# -- evidence --------------------------------------------------------------------------------
_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})


def quote_norm(text: str) -> str:
    """Containment is checked on folded text: tone placement, case, dashes and spacing vary
    between the answer key and a cleaned text, the words do not."""
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().translate(_DASHES)
    return _SPACE.sub(" ", plain).strip()


def evidence_text(rec: dict, text_clean: str | None = None) -> str:
    ev = rec.get("evidence") or {}
    if isinstance(ev, str):
        return ev
    if isinstance(ev, dict):
        if ev.get("text"):
            return ev["text"]
        if text_clean is not None and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            return text_clean[ev["start"]:ev["end"]]
    return ""


def contains_quote(evidence: str, quote: str | None) -> bool:
    if not quote:
        return True
    return bool(evidence) and quote_norm(quote) in quote_norm(evidence)


# -- one-to-one pairing ----------------------------------------------------------------------
def assign(n_gold: int, n_pred: int, weight: Callable[[int, int], float | None]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of a maximum-weight one-to-one assignment.

    ``weight(g, p)`` is None when the two can't match, else a bonus in [0, 2).
    """
    if not n_gold or not n_pred:
        return []
    w = np.zeros((n_gold, n_pred))
    ok = np.zeros((n_gold, n_pred), dtype=bool)
    for g in range(n_gold):
        for p in range(n_pred):
            b = weight(g, p)
            if b is not None:
                w[g, p] = PAIR_WEIGHT + b
                ok[g, p] = True
    if not ok.any():
        return []
    rows, cols = linear_sum_assignment(w, maximize=True)
    return [(int(g), int(p)) for g, p in zip(rows, cols, strict=True) if ok[g, p]]
