"""Facts carried across a story: what one outlet says fills what another leaves out.

- **Year**: an article without a publication date resolves ``Chiều 21/11`` only to
  ``--11-21``; when another article of its story is dated (published, or an event with a
  full date), the year-less dates take the year that puts them closest to the story's
  dates, if that is within ``MAX_CARRY_DAYS``. The article's ``meta`` records the inferred
  publication year and where it came from (``published`` itself stays unknown: the day is
  not known).
- **Corpus year** (for corpus events only; the article keeps its year-less date): an undated
  article alone in its story takes the one year that both its people's tenures allow and
  that puts its day closest to the corpus's dated days (``corpus_year``).
- **Title-only persons**: ``Tổng Bí thư`` written alone, in an article that never names the
  holder, is the person another article of the story names with the same title and
  country; the article gains that entity (marked ``resolved_from``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

from ..model import PER, Article, Entity
from ..text.normalize import fold, fold_name

# A year-less date takes a story's year only if it then lies this close to one of the
# story's dated days (a story is days or weeks, not months).
MAX_CARRY_DAYS = 45

_YEARLESS = re.compile(r"^--(\d{2})-(\d{2})$")
_YEARLESS_MONTH = re.compile(r"^--(\d{2})$")
_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _ordinal(y: int, m: int, d: int) -> int | None:
    try:
        return dt.date(y, m, d).toordinal()
    except ValueError:
        return None


def story_days(articles: Sequence[Article]) -> list[int]:
    days = []
    for a in articles:
        for v in [a.published] + [e.date for e in a.events]:
            for part in (v or "").split("/"):
                m = _FULL.match(part)
                if m and (o := _ordinal(int(m[1]), int(m[2]), int(m[3]))) is not None:
                    days.append(o)
    return days


def year_for(month_day: str, days: Sequence[int]) -> int | None:
    """The year putting ``--MM-DD`` closest to one of ``days`` (within MAX_CARRY_DAYS)."""
    m = _YEARLESS.match(month_day)
    if not m or not days:
        return None
    month, day = int(m[1]), int(m[2])
    best: tuple[int, int] | None = None
    for d in sorted(set(days)):
        y0 = dt.date.fromordinal(d).year
        for y in (y0 - 1, y0, y0 + 1):
            o = _ordinal(y, month, day)
            if o is None:
                continue
            gap = abs(o - d)
            if gap <= MAX_CARRY_DAYS and (best is None or gap < best[0]):
                best = (gap, y)
    return best[1] if best else None


def _with_year(value: str, days: Sequence[int]) -> str | None:
    parts = value.split("/")
    out = []
    for p in parts:
        if _YEARLESS.match(p):
            y = year_for(p, days)
            if y is None:
                return None
            out.append(f"{y}{p[1:]}")
        else:
            out.append(p)
    # an interval whose end month-day falls before its start runs into the next year
    if len(out) == 2 and out[1] < out[0] and parts[1].startswith("--"):
        out[1] = f"{int(out[1][:4]) + 1}{out[1][4:]}"
    return "/".join(out)


def carry_dates(story: Sequence[Article]) -> int:
    """Give year-less event and date values the story's year; returns how many changed."""
    changed = 0
    for a in story:
        others = [o for o in story if o is not a]
        days = story_days(others)
        if not days:
            continue
        years = set()
        for ev in a.events:
            if ev.date and "--" in ev.date and (new := _with_year(ev.date, days)) and new != ev.date:
                # (a year-less month, "--06", has no form this fills: it stays as it is)
                ev.date = new
                years.add(new[:4])
                changed += 1
        for ds in a.dates:
            if ds.value and "--" in ds.value and (new := _with_year(ds.value, days)) and new != ds.value:
                ds.value = new
                changed += 1
        years = {y for y in years if y.isdigit()}
        if not a.published and years:
            a.meta["published_year_inferred"] = min(years)
            a.meta["published_year_from"] = [o.id for o in others if story_days([o])]
    return changed


def carry_title_holders(story: Sequence[Article]) -> int:
    """Resolve title-only person mentions through the story's other articles."""
    named: dict[tuple[str, str | None], set[tuple[str, str, str]]] = {}
    for a in story:
        for e in a.entities:
            if e.type == PER and e.title:
                for t in [e.title, *(e.attrs.get("titles") or ())]:
                    named.setdefault((fold(t), e.country), set()).add((e.name, a.id, e.title_en or ""))
    changed = 0
    for a in story:
        for m in a.mentions:
            if m.label != "TITLE" or m.entity_id or not m.title:
                continue
            holders = {(n, te) for n, aid, te in named.get((fold(m.title), m.country), ()) if aid != a.id}
            names = {fold_name(n) for n, _ in holders}
            if len(names) != 1:
                continue  # nobody, or several people with that title in the story
            name, title_en = sorted(holders)[0]
            source = sorted(aid for n, aid, _ in named[(fold(m.title), m.country)] if fold_name(n) in names)[0]
            ent = next((e for e in a.entities if e.type == PER and fold_name(e.name) == fold_name(name)), None)
            if ent is None:
                ent = Entity(_new_id(a), name, PER, m.country, m.title, title_en or None,
                             attrs={"resolved_from": source})
                a.entities.append(ent)
            if (m.start, m.end) not in ent.mentions:
                ent.mentions.append((m.start, m.end))
                ent.mentions.sort()
            m.entity_id, m.name = ent.id, ent.name
            changed += 1
    return changed


def _new_id(article: Article) -> str:
    used = {e.id for e in article.entities}
    n = len(used) + 1
    while f"e{n}" in used:
        n += 1
    return f"e{n}"


# ---------------------------------------------------------------------------------------
# A story nobody dated: the years its people held the titles it gives them

# The office-holders table is taken as complete up to its latest start or end date plus
# this margin (it is compiled from the news of its last weeks); beyond that, who holds an
# office is unknown, so an open tenure ends there.
TENURE_HORIZON_MARGIN_DAYS = 60


# A title written after one of these words is one the person does not hold at the time of
# writing: "nguyên/cựu Ngoại trưởng Mỹ John Kerry" (former), "cố Quốc vương Bhumibol" (the
# late King); it says nothing about when the story happened. Shared with stages/years.py.
FORMER_TITLE_MARKERS = re.compile(r"(?<!\w)(?:nguyên|cựu|cố)\s+$", re.IGNORECASE)
# How far before a title mention the marker may stand (the word and a space or two).
FORMER_MARKER_WINDOW = 10


def _former_holders(article: Article) -> set[str]:
    """Ids of persons whose title is written as a former one somewhere in the article."""
    out = set()
    for m in article.mentions:
        if m.entity_id and m.label in ("TITLE", PER):
            before = article.text_clean[max(0, m.start - FORMER_MARKER_WINDOW): m.start]
            if FORMER_TITLE_MARKERS.search(before):
                out.add(m.entity_id)
    return out


def tenure_window(story: Sequence[Article]) -> tuple[str, str] | None:
    """The dates on which every titled person of the story held the title given to them."""
    from ..stages import actors_knowledge as kb
    from ..text.normalize import match_key

    tenures = kb.tenures()
    if not tenures:
        return None
    last = max(max(t.start, t.end) for t in tenures)
    horizon = (dt.date.fromisoformat(last[:10]) + dt.timedelta(days=TENURE_HORIZON_MARGIN_DAYS)).isoformat()
    lo, hi = "0000-00-00", "9999-99-99"
    found = False
    for a in story:
        former = _former_holders(a)
        for e in a.entities:
            if e.type != PER or not e.title or e.id in former:
                continue
            titles = {match_key(t.strip()) for t in re.split(r",| và ", e.title) if t.strip()}
            held = [t for t in kb.people_by_name().get(fold_name(e.name), ())
                    if match_key(t.title) in titles and t.country == (e.country or t.country)]
            if not held:
                continue
            found = True
            lo = max(lo, min(t.start for t in held))
            hi = min(hi, max((t.end or horizon) for t in held))
    if not found or lo > hi:
        return None
    return lo, hi


def _inside(full: str, lo: str, hi: str) -> bool:
    """Whether a dated value (a day, a month, an interval) lies inside the window [lo, hi];
    a month ("2024-08") only needs to touch it (its days are not known)."""
    first, last = full.split("/")[0], full.split("/")[-1]
    if len(first) == 7:
        first = f"{first}-31"
    if len(last) == 7:
        last = f"{last}-01"
    return lo <= first and last <= hi


def carry_tenure_year(story: Sequence[Article]) -> int | None:
    """For a story with no dated article: the one year in which every year-less event date
    falls inside the tenure window; fills those dates and returns the year (else None)."""
    if story_days(story):
        return None
    window = tenure_window(story)
    if window is None:
        return None
    lo, hi = window
    values = [ev.date for a in story for ev in a.events if ev.date and ev.date.startswith("--")]
    if not values:
        return None
    years: set[int] | None = None
    for v in values:
        ok = set()
        for y in range(int(lo[:4]), int(hi[:4]) + 1):
            full = "/".join(f"{y}{p[1:]}" if p.startswith("--") else p for p in v.split("/"))
            if _inside(full, lo, hi):
                ok.add(y)
        years = ok if years is None else years & ok
    if not years or len(years) != 1:
        return None
    year = years.pop()
    for a in story:
        for ev in a.events:
            if ev.date and ev.date.startswith("--"):
                ev.date = "/".join(f"{year}{p[1:]}" if p.startswith("--") else p for p in ev.date.split("/"))
        for ds in a.dates:
            if ds.value and ds.value.startswith("--"):
                ds.value = "/".join(f"{year}{p[1:]}" if p.startswith("--") else p for p in ds.value.split("/"))
        if not a.published:
            a.meta["inferred_year"] = year
            a.meta["inferred_year_source"] = "office-holder tenures of the story's people"
    return year


# ---------------------------------------------------------------------------------------
# A story nobody dated, in a dated corpus: the tenures narrow the year, the corpus picks it


def present_days(articles: Sequence[Article]) -> list[int]:
    """The days the articles were written around: each dated article's publication day, and
    for an undated one whose year is known (``meta``: ``inferred_year``, or
    ``published_year_inferred`` from its story) its event days in that year. Other full
    dates of a text are mostly history ("ký ngày 29/5/2015") and say nothing of the corpus's
    time."""
    days = []
    for a in articles:
        if a.published:
            m = _FULL.match(a.published)
            if m and (o := _ordinal(int(m[1]), int(m[2]), int(m[3]))) is not None:
                days.append(o)
            continue
        year = str(a.meta.get("inferred_year") or a.meta.get("published_year_inferred") or "")
        if not year.isdigit():
            continue
        for ev in a.events:
            for part in (ev.date or "").split("/"):
                m = _FULL.match(part)
                if m and int(m[1]) == int(year) and (o := _ordinal(int(m[1]), int(m[2]), int(m[3]))) is not None:
                    days.append(o)
    return days


def corpus_year(value: str, window: tuple[str, str] | None, days: Sequence[int]) -> str | None:
    """``value`` (``--MM-DD``, ``--MM`` or an interval) with the year that the tenure
    ``window`` allows and that puts it closest to one of the corpus's dated ``days``
    (within MAX_CARRY_DAYS); None without a window, without such a year, or on a tie.

    Why: articles of one corpus are collected over a span of time, so an undated report of
    "Ngày 16/5" whose people held their titles from 2016 to 2018 is from the May of those
    years that the corpus covers. The tenures are required: the corpus alone is no evidence.
    """
    if window is None or not days or not value.startswith("--"):
        return None
    lo, hi = window
    ordered = sorted(set(days))
    best: list[tuple[int, str]] = []
    for y in range(int(lo[:4]), int(hi[:4]) + 1):
        full = _in_year(value, y)
        if full is None or not _inside(full, lo, hi):
            continue
        span = _span(full)
        if span is None:
            continue
        i = bisect.bisect_left(ordered, span[0])
        gap = min(max(0, span[0] - ordered[j], ordered[j] - span[1]) for j in (i - 1, i) if 0 <= j < len(ordered))
        if gap <= MAX_CARRY_DAYS:
            best.append((gap, full))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None
    return best[0][1]


def _span(full: str) -> tuple[int, int] | None:
    """First and last day (ordinals) of a day, a month ("2024-08") or an interval."""
    first, last = full.split("/")[0], full.split("/")[-1]
    lo = _ordinal(int(first[:4]), int(first[5:7]), int(first[8:10]) if len(first) > 7 else 1)
    if len(last) > 7:
        hi = _ordinal(int(last[:4]), int(last[5:7]), int(last[8:10]))
    else:  # the month's last day
        y, m = int(last[:4]), int(last[5:7])
        nxt = _ordinal(y + (m == 12), m % 12 + 1, 1)
        hi = nxt - 1 if nxt is not None else None
    return None if lo is None or hi is None else (lo, hi)


def _in_year(value: str, year: int) -> str | None:
    parts = value.split("/")
    if not all(_YEARLESS.match(p) or _YEARLESS_MONTH.match(p) for p in parts):
        return None
    out = [f"{year}{p[1:]}" for p in parts]
    if len(out) == 2 and out[1] < out[0]:  # "--12-30/--01-02" runs into the next year
        out[1] = f"{year + 1}{parts[1][1:]}"
    return "/".join(out)
