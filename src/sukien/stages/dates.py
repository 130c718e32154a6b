"""Stage ``resolve_dates``: Vietnamese date expressions as :class:`DateSpan` resolved against
the publication date.

Forms understood (``D``/``M``/``Y`` are day, month, year; case of the first letter is free):

- day and month: ``21/11``, ``ngày 21/11/2025``, ``chiều 10-8``, ``Chiều 10.3``, ``ngày 21 tháng 11
  năm 2025``, ``trưa 11/8 (giờ địa phương)``, ``tối 30/5 (giờ Mỹ)``, ``Hôm nay (29.6)``,
  ``Chiều qua 28.6``. ``-`` and ``.`` without a year need a cue before them (a part of day,
  ``ngày``, ``hôm``, ``vào``, a weekday...) so scores ``2-1`` and decimals ``2.3`` stay out;
  ``/`` without a year is taken unless written ``thứ 3/10`` (a rank) or glued to digits.
- intervals: ``từ ngày 10 đến ngày 13-8``, ``từ 10-13/8``, ``từ ngày 31/7-3/8``,
  ``(trong hai) ngày 19 và 20-6`` → ``YYYY-MM-DD/YYYY-MM-DD``.
- relative: ``chiều cùng ngày`` (the day of the previous date mention), ``sáng nay``,
  ``hôm nay``, ``hôm qua``, ``tối qua``, ``ngày mai``; weekdays ``thứ Năm``, ``Chủ nhật``
  (the nearest such day at or before publication, after it with ``tới``/``tuần tới``);
  ``tuần tới``/``tuần này``/``tuần trước`` (an interval Monday–Sunday).
- months and years: ``tháng 12/2022``, ``tháng 12 năm 2022``, ``tháng 6 tới``, ``cuối tháng 6``,
  ``quý 1/2017``, ``năm 2030``, ``các năm 2001, 2006, 2013``, ``giai đoạn 2011-2030``,
  ``đầu năm``, ``năm nay``, ``so với 2023``, ``(2009)``.

Precision is ``day``/``month``/``year``; the part of day (sáng=morning, trưa=noon,
chiều=afternoon, tối/đêm=evening) is kept; ``attrs`` carry ``timezone``, ``edge``
(start/mid/end for đầu/giữa/cuối), ``relative``, ``alternative`` (a parenthesised restatement
such as "(chiều cùng ngày theo giờ Hà Nội)"), ``explicit_year``.

Resolution: a day/month without a year takes the publication year, shifted by one year when
that would put it outside the window [publication − PAST_WINDOW_DAYS, publication +
FUTURE_WINDOW_DAYS]. With no publication date, the year comes only from evidence in the text
(:func:`infer_year`: here the text's own full dates; the ``years`` stage, run after ``actors``,
weighs more evidence and the office-holders' tenures and re-resolves through :func:`set_year`;
story linking may use :func:`apply_year`); otherwise the value is year-less (``--MM-DD``,
``--MM``) — never guessed.
Relative expressions need the publication date and are left ``None`` without it.

Everything is precompiled regular expressions over the text (no dateparser: slow and wrong on
these forms, see LIBRARIES.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

import ahocorasick

from ..knowledge import load_table
from ..model import Article, DateSpan
from .article_words import DateVocab as _Vocab
from .article_words import ascii_digit_runs, digit_runs, keyword_phrases, lowered
from .article_words import date_key as _key
from .article_words import date_vocab as _vocab
from .cues import article_date_phrases

STAGE = "dates"

# A year-less day/month in a dated article is placed in the publication year unless that puts
# it more than FUTURE_WINDOW_DAYS after publication (then: the year before) or more than
# PAST_WINDOW_DAYS before it (then: the year after). Calibrated on the corpus: announced trips
# are published at most a few weeks ahead ("thăm Chile từ ngày 9 đến 12-11" in a 6-11
# article), while a January date in a mid-December article is an announcement, and a December
# date in a January article is last month. 62 days ≈ two months; 320 days keeps a date ten and
# a half months back in the same year.
FUTURE_WINDOW_DAYS = 62
PAST_WINDOW_DAYS = 320

# A date this many years before the reference year is history ("ngày 2/9/1945"), not the
# occasion an event sentence refers to (used by date_for_offset's fallbacks).
HISTORICAL_YEARS = 2

# A full date alone at the start of a line (after an optional time) is a dateline.
_DATELINE = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}:\d{2}\s*(?:,\s*)?)?\Z")

# A parenthesised date within this many characters after another date restates it
# ("Sáng 30/6 theo giờ địa phương (chiều cùng ngày theo giờ Hà Nội)").
ALTERNATIVE_GAP = 40

# article.meta key another stage (office-holder tenures, story linking) may set to the year
# the article was written; apply_year() fills year-less dates from it.
YEAR_HINT_KEY = "inferred_year"
# article.meta key where resolve_dates caches the year evidenced by the text's own dates.
TEXT_YEAR_KEY = "text_year"
# article.meta key (private) of the date expressions found in text_clean, with that text.
HITS_KEY = "_date_hits"

_D = r"(?:3[01]|[12]\d|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_END = r"(?![\d%]|[/.,]\d)"  # not glued to more digits (1.000, 23/116, 2,5), not a percentage
_YEAR = re.compile(_Y)


def _ci(word: str) -> str:
    """Regex for a (multi-word) phrase whose first letter may be upper or lower case."""
    parts = word.split()
    first = parts[0]
    head = f"[{first[0].upper()}{first[0].lower()}]{re.escape(first[1:])}"
    return r"\s+".join([head] + [re.escape(p) for p in parts[1:]])


def _alt(words: Iterable[str], *, exact_case: bool = False) -> str:
    words = sorted(words, key=len, reverse=True)  # longest first: "chiều tối" before "chiều"
    if exact_case:
        return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words) + ")"
    return "(?:" + "|".join(_ci(w) for w in words) + ")"


@cache
def _weekday_pattern() -> str:
    """Weekday names keep their capital ("thứ Năm"): lower case "thứ năm" is the ordinal "fifth".
    Only "thứ"/"chủ" may start a sentence, and "Chủ nhật" is also written "chủ nhật"."""
    alts = []
    for row in load_table("date_words"):
        if row["kind"] != "weekday":
            continue
        head, *rest = row["word"].split()
        tail = [f"[{t[0].upper()}{t[0].lower()}]{re.escape(t[1:])}" if head.lower() == "chủ" else re.escape(t)
                for t in rest]
        alts.append(r"\s+".join([f"[{head[0].upper()}{head[0].lower()}]{re.escape(head[1:])}", *tail]))
    return "(?:" + "|".join(alts) + ")"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    v = _vocab()
    part = _alt(v.part_of_day)
    rel = _alt(v.relative_day)
    short = _alt(v.after_part, exact_case=True)
    wd = _weekday_pattern()
    edge = _alt(v.edge)
    tz = (r"(?:\s*(?:\(\s*(?:theo\s+)?|,?\s*theo\s+)giờ\s+(?P<tz>địa\s+phương|\w+(?:\s+\w+)?)(?:\s*\))?)?")
    cue = (rf"(?:(?P<part>{part})\s+(?:(?:ngày|hôm\s+nay|hôm\s+qua|{short})\s+)?\(?\s*"
           rf"|(?P<wd>{wd})\s*[,(]?\s*(?:ngày\s+)?"
           rf"|(?P<rel>{rel})\s*[,(]?\s*(?:ngày\s+)?"
           r"|(?:[Nn]gày|[Hh]ôm|[Vv]ào|[Tt]ừ|[Đđ]ến|[Tt]rước|[Ss]au|[Mm]ùng|[Mm]ồng)\s+(?:ngày\s+)?)")
    ydir = r"(?:\s+(?P<ydir>năm\s+(?:nay|ngoái|trước|tới|sau)))?"  # "mùng 2-9 năm nay"
    dirs = r"(?P<dir>tuần\s+(?:tới|sau|này|trước|qua)|sắp\s+tới|vừa\s+qua|tới|này|trước|qua|sau)"
    alts = [
        ("interval",
         rf"(?<!\w)(?:(?P<part>{part})\s+)?(?P<pre>[Tt]ừ|[Nn]gày|[Tt]rong\s+(?:hai|ba|bốn|năm|\d)\s+ngày)\s+"
         rf"(?:ngày\s+)?(?P<d1>{_D})(?:[/.-](?P<m1>{_M})(?:[/.-](?P<y1>{_Y}))?)?"
         rf"\s*(?:-|–|đến|tới|và)\s*(?:ngày\s+)?(?P<d2>{_D})"
         rf"(?:[/.-](?P<m2>{_M})(?:[/.-](?P<y2>{_Y}))?|\s+tháng\s+(?P<m2w>{_M})(?:\s+năm\s+(?P<y2w>{_Y})|[/-](?P<y2s>{_Y}))?)"
         rf"{_END}{tz}"),
        ("dm_words",
         rf"(?<!\w)(?:(?P<part>{part})\s+(?:ngày\s+)?|[Nn]gày\s+)(?P<d>{_D})\s+tháng\s+(?P<m>{_M})"
         rf"(?:\s*(?:năm|,)\s*(?P<y>{_Y}))?(?!\d){tz}"),
        ("dmy_cued",
         rf"(?<!\w){cue}(?P<d>{_D})[/.-](?P<m>{_M})(?:[/.-](?P<y>{_Y}))?{_END}{ydir}{tz}"),
        # (also right after another full date's year: "(24/6/1967-24/6/2017)" names two full dates)
        ("dmy_full", rf"(?:(?<![\w/.,-])|(?<=\d{{4}}-)|(?<=\d{{4}}–)|(?<=\d{{4}} - )|(?<=\d{{4}} – ))"
                     rf"(?P<d>{_D})[/.-](?P<m>{_M})[/.-](?P<y>{_Y}){_END}{tz}"),
        ("dm_slash", rf"(?<![\w/.,-])(?<!thứ )(?<!hạng )(?P<d>{_D})/(?P<m>{_M}){_END}{ydir}{tz}"),
        ("same_day", rf"(?<!\w)(?:(?P<part>{part})\s+)?[Cc]ùng\s+ngày(?!\w){tz}"),
        ("relative", rf"(?<!\w)(?:(?P<part>{part})\s+(?P<short>{short})|(?:(?P<part2>{part})\s+)?(?P<word>{rel}))(?!\w)"),
        ("weekday", rf"(?<!\w)(?:(?P<part>{part})\s+)?(?P<wd>{wd})(?:\s+{dirs})?(?!\w)"),
        ("week", r"(?<!\w)(?<!\d\s)[Tt]uần\s+(?P<dir>tới|sau|này|trước|qua)(?!\w)"),
        ("quarter", rf"(?<!\w)[Qq]uý\s+(?P<q>[1-4]|IV|I{{1,3}})(?:\s*(?:/|-|năm|,)\s*(?P<y>{_Y}))?(?![\w/])"),
        ("month",
         rf"(?<!\w)(?<!\d\s)(?:(?P<edge>{edge})\s+)?[Tt]háng\s+(?P<m>{_M})"
         rf"(?:\s*(?:/|-|năm)\s*(?P<y>{_Y}))?(?!\d)"
         rf"(?:\s+(?P<ydir>năm\s+(?:ngoái|nay|tới|sau|trước))|\s+(?P<dir>sắp\s+tới|vừa\s+qua|tới|này|trước|qua|sau))?(?!\w)"),
        ("year_range",
         rf"(?<!\w)(?:[Nn]ăm|[Gg]iai\s+đoạn|[Tt]hời\s+kỳ|[Tt]ừ\s+năm|[Tt]ầm\s+nhìn)\s+(?P<y1>{_Y})\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?P<y2>{_Y}){_END}"),
        ("year",
         rf"(?<!\w)(?:(?P<edge>{edge})\s+)?(?P<cac>các\s+)?[Nn]ăm\s+(?P<y>{_Y}(?:\s*(?:,|và)\s*{_Y})*){_END}"),
        ("year_rel", rf"(?<!\w)(?<!\d\s)(?:(?P<edge>{edge})\s+)?[Nn]ăm\s+(?P<dir>nay|ngoái|tới|sau)(?!\w)"),
        ("year_edge", rf"(?<!\w)(?P<edge>{edge})\s+năm(?!\s*\d)(?!\w)"),
        ("year_cue",
         rf"(?<!\w)(?:so\s+với(?:\s+cùng\s+kỳ)?|tầm\s+nhìn(?:\s+đến)?|đến|trước|sau|từ)\s+(?P<y>{_Y}){_END}(?!\s*(?:người|USD|đồng|tỷ|tỉ|triệu))"),
        ("year_paren", rf"\((?P<y>{_Y})\)"),
    ]
    return tuple((name, re.compile(p)) for name, p in alts)


_NAMED = re.compile(r"\(\?P<\w+>")


@cache
def _scanner() -> re.Pattern[str]:
    """One alternation of every form (named groups of the parts stripped; ``lastgroup`` names
    the form). The definition of a match at a place: ``_hits`` tries only the forms that can
    start there (``_forms_by_start``), and the tests check that it agrees with this."""
    return re.compile("|".join(f"(?P<{name}>{_NAMED.sub('(?:', p.pattern)})" for name, p in _patterns()))


# ---------------------------------------------------------------------------------------------
@dataclass
class _Context:
    published: date | None
    ref_year: int | None  # publication year, else year inferred from the text, else None
    vocab: _Vocab
    last_day: DateSpan | None = None
    out: list[DateSpan] = field(default_factory=list)


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_published(published: str | None) -> date | None:
    """``YYYY-MM-DD`` at the start of ``published`` (``T...`` and zone ignored), else None."""
    if not published:
        return None
    m = _ISO_DATE.match(published.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(ctx: _Context, m: int, d: int) -> int | None:
    """Year of a year-less day/month: publication window, else inferred year, else None."""
    pub = ctx.published
    if pub is None:
        return ctx.ref_year
    for y in (pub.year, pub.year - 1, pub.year + 1):
        dt = _safe_date(y, m, d)
        if dt and -PAST_WINDOW_DAYS <= (dt - pub).days <= FUTURE_WINDOW_DAYS:
            return y
    return pub.year


def _day_value(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return f"--{m:02d}-{d:02d}" if _safe_date(2000, m, d) else None  # 2000: leap year
    dt = _safe_date(y, m, d)
    return dt.isoformat() if dt else None


def _part(ctx: _Context, g: dict[str, Any], *names: str) -> str | None:
    for n in names:
        if g.get(n):
            return ctx.vocab.part_of_day.get(_key(g[n]))
    return None


def _emit(ctx: _Context, start: int, end: int, value: str | None, precision: str,
          part: str | None = None, **attrs: Any) -> DateSpan:
    span = DateSpan(start, end, "DATE", STAGE, {k: v for k, v in attrs.items() if v is not None},
                    value=value, precision=precision, part_of_day=part)
    ctx.out.append(span)
    if precision == "day" and value and "/" not in value and not span.attrs.get("alternative"):
        ctx.last_day = span
    return span


def _tz(g: dict[str, Any]) -> str | None:
    tz = g.get("tz")
    return " ".join(tz.split()) if tz else None


def _relative_day(ctx: _Context, offset: int) -> str | None:
    return (ctx.published + timedelta(days=offset)).isoformat() if ctx.published else None


def _handle(ctx: _Context, kind: str, g: dict[str, Any], start: int, end: int, text: str) -> None:
    v = ctx.vocab
    if kind in ("dmy_cued", "dmy_full", "dm_slash", "dm_words"):
        d, m = int(g["d"]), int(g["m"])
        explicit = g.get("y")
        if explicit:
            y: int | None = int(explicit)
        elif g.get("ydir"):
            y = ctx.ref_year + _YEAR_SHIFT[_key(g["ydir"]).split()[-1]] if ctx.ref_year else None
        else:
            y = _year_for(ctx, m, d)
        value = _day_value(y, m, d)
        if value is None:
            return
        part = _part(ctx, g, "part")
        _emit(ctx, start, end, value, "day", part, timezone=_tz(g), explicit_year=bool(explicit) or None)
    elif kind == "interval":
        d1, d2 = int(g["d1"]), int(g["d2"])
        m2 = int(g.get("m2") or g.get("m2w"))
        m1 = int(g["m1"]) if g.get("m1") else m2
        y2s = g.get("y2") or g.get("y2w") or g.get("y2s")
        y1s = g.get("y1")
        if y2s:
            y2 = int(y2s)
            y1 = int(y1s) if y1s else (y2 - 1 if m1 > m2 else y2)
        else:
            y1 = _year_for(ctx, m1, d1)
            y2 = None if y1 is None else (y1 + 1 if m1 > m2 else y1)
        a, b = _day_value(y1, m1, d1), _day_value(y2, m2, d2)
        if a is None or b is None or (m1 == m2 and d1 > d2):
            return
        _emit(ctx, start, end, f"{a}/{b}", "day", _part(ctx, g, "part"), timezone=_tz(g),
              explicit_year=bool(y2s) or None)
    elif kind == "same_day":
        prev = ctx.last_day
        if prev is None:
            return
        _emit(ctx, start, end, prev.value, "day", _part(ctx, g, "part"), relative="same_day",
              timezone=_tz(g))
    elif kind == "relative":
        if g.get("short"):
            offset = v.after_part[_key(g["short"])]
        else:
            offset = v.relative_day[_key(g["word"])]
        _emit(ctx, start, end, _relative_day(ctx, offset), "day", _part(ctx, g, "part", "part2"),
              relative=_key(text))
    elif kind == "weekday":
        _emit(ctx, start, end, _weekday_value(ctx, g), "day", _part(ctx, g, "part"), relative=_key(text))
    elif kind == "week":
        _emit(ctx, start, end, _week_value(ctx, v.direction.get(_key(g["dir"]), "current")), "day",
              relative=_key(text))
    elif kind == "quarter":
        q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(g["q"]) or int(g["q"])
        y = int(g["y"]) if g.get("y") else ctx.ref_year
        a, b = 3 * q - 2, 3 * q
        yy = f"{y:04d}" if y else "-"
        _emit(ctx, start, end, f"{yy}-{a:02d}/{yy}-{b:02d}" if y else f"--{a:02d}/--{b:02d}", "month",
              quarter=q, explicit_year=bool(g.get("y")) or None)
    elif kind == "month":
        m = int(g["m"])
        direction = v.direction.get(_key(g["dir"])) if g.get("dir") else None
        if g.get("y"):
            y: int | None = int(g["y"])
        elif g.get("ydir"):  # "tháng 11 năm ngoái"
            shift = _YEAR_SHIFT[_key(g["ydir"]).split()[-1]]
            y = ctx.ref_year + shift if ctx.ref_year else None
        elif ctx.published is not None:
            pub = ctx.published
            if direction == "future":
                y = pub.year if m >= pub.month else pub.year + 1
            elif direction == "past":
                y = pub.year if m <= pub.month else pub.year - 1
            else:
                y = _year_for(ctx, m, 15)
        else:
            y = ctx.ref_year
        value = f"{y:04d}-{m:02d}" if y else f"--{m:02d}"
        _emit(ctx, start, end, value, "month", edge=_edge(ctx, g), status=_status(direction),
              explicit_year=bool(g.get("y")) or None)
    elif kind == "year_range":
        _emit(ctx, start, end, f"{g['y1']}/{g['y2']}", "year", explicit_year=True)
    elif kind == "year":
        years = _YEAR.findall(g["y"])
        if not g.get("cac"):
            years = years[:1]
        if len(years) == 1:
            _emit(ctx, start, end, years[0], "year", edge=_edge(ctx, g), explicit_year=True)
            return
        for ym in _YEAR.finditer(text):  # "các năm 2001, 2006, 2013": one span per year
            _emit(ctx, start + ym.start(), start + ym.end(), ym.group(), "year", explicit_year=True)
    elif kind == "year_rel":
        shift = _YEAR_SHIFT[_key(g["dir"])]
        y = ctx.ref_year + shift if ctx.ref_year else None
        _emit(ctx, start, end, f"{y:04d}" if y else None, "year", edge=_edge(ctx, g), relative=_key(text))
    elif kind == "year_edge":
        y = ctx.ref_year
        _emit(ctx, start, end, f"{y:04d}" if y else None, "year", edge=_edge(ctx, g), relative=_key(text))
    elif kind in ("year_cue", "year_paren"):
        cue = "comparison" if text.lower().startswith("so") else None
        _emit(ctx, start, end, g["y"], "year", explicit_year=True, cue=cue)


_YEAR_SHIFT = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}


def _edge(ctx: _Context, g: dict[str, Any]) -> str | None:
    return ctx.vocab.edge.get(_key(g["edge"])) if g.get("edge") else None


def _status(direction: str | None) -> str | None:
    return "planned" if direction == "future" else None


def _weekday_value(ctx: _Context, g: dict[str, Any]) -> str | None:
    pub = ctx.published
    if pub is None:
        return None
    target = ctx.vocab.weekday[_key(g["wd"])]
    direction = _key(g["dir"]) if g.get("dir") else ""
    monday = pub - timedelta(days=pub.weekday())
    if direction.startswith("tuần"):
        week_shift = {"tới": 7, "sau": 7, "này": 0, "trước": -7, "qua": -7}[direction.split()[-1]]
        return (monday + timedelta(days=week_shift + target)).isoformat()
    kind = ctx.vocab.direction.get(direction)
    delta = (target - pub.weekday()) % 7
    if kind == "future":
        return (pub + timedelta(days=delta or 7)).isoformat()
    if kind == "current":
        return (monday + timedelta(days=target)).isoformat()
    return (pub - timedelta(days=(pub.weekday() - target) % 7)).isoformat()


def _week_value(ctx: _Context, direction: str) -> str | None:
    pub = ctx.published
    if pub is None:
        return None
    monday = pub - timedelta(days=pub.weekday()) + timedelta(days={"future": 7, "past": -7}.get(direction, 0))
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


# ---------------------------------------------------------------------------------------------
class _Hit(NamedTuple):  # a tuple: built for every date in every article
    kind: str
    start: int
    end: int
    groups: dict[str, Any]
    text: str


_WORD_START = re.compile(r"\(|(?<=[\s(])[^\s(]")

# How far before a digit or keyword a date expression may start ("chiều tối ngày 21/11",
# "từ ngày 10 đến", "trong hai ngày 19"): words and characters looked back.
LOOKBACK_WORDS = 4
LOOKBACK_CHARS = 28

# A day or month number is written right after one of these words, at most this many characters
# after the word's start ("tháng 11", "ngày  5", "mồng 2").
_BEFORE_NUMBER_WORDS = ("tháng", "quý", "ngày", "mùng", "mồng")
BEFORE_NUMBER_CHARS = 8
# What follows a day or month number in a date ("21/11", "10.3", "24 - 27/4", "21 tháng 11",
# "19 và 20-6").
_AFTER_DAY = r"[/.\-–]\d|\s*[-–]\s*\d|\s+(?:tháng|và|đến|tới)\s"


@cache
def _date_digits() -> re.Pattern[str]:
    """Starts of the digit runs that can be part of a date: a year (19xx-21xx), or one or two
    digits followed by a date separator or preceded by "tháng"/"quý"/"ngày"/"mùng"/"mồng".
    Numbers such as "320.000" or "5 dự án" fail it. One regex tried at the first digit of
    each run (``_anchors``); lookbehinds placed after the first digit see the run's start."""
    by_length: dict[int, list[str]] = {}
    for w in _BEFORE_NUMBER_WORDS:
        by_length.setdefault(len(w), []).append(re.escape(w))
    last_letters = "".join(sorted({w[-1] for w in _BEFORE_NUMBER_WORDS}))
    # one fixed-width lookbehind per word length and number of spaces, grouped by the number of
    # spaces, each group after a cheap test of the words' last letter there; all after a cheap
    # test that a space precedes the number at all and that it has at most two digits (most
    # numbers are "5 dự án", "320 người": they fail the cheap tests)
    groups = []
    for k in range(1, BEFORE_NUMBER_CHARS - min(by_length) + 1):
        inner = "|".join(f"(?<=(?:{'|'.join(ws)}){chr(92)}s{{{k}}}[0-9])"
                         for n, ws in sorted(by_length.items()) if n + k <= BEFORE_NUMBER_CHARS)
        groups.append(f"(?<=[{last_letters}]{chr(92)}s{{{k}}}[0-9])(?:{inner})")
    before = r"(?=[0-9]?(?![0-9]))(?<=\s[0-9])(?:" + "|".join(groups) + ")"
    return re.compile(
        r"[0-9](?<![0-9][0-9])"  # the first digit of a run
        r"(?:(?<=1)9[0-9]{2}(?![0-9])|(?<=2)[01][0-9]{2}(?![0-9])"  # a year
        rf"|[0-9]?(?![0-9])(?={_AFTER_DAY})"
        rf"|(?:{before})[0-9]?(?![0-9]))",
        re.IGNORECASE)


@cache
def phrase_automaton(phrases: tuple[str, ...]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over lower-case ``phrases`` (values: the phrase)."""
    auto = ahocorasick.Automaton()
    for p in phrases:
        auto.add_word(p, p)
    auto.make_automaton()
    return auto


def find_phrases(low: str, phrases: tuple[str, ...], *, whole_words: bool = True) -> list[tuple[int, str]]:
    """``(start, phrase)`` of every occurrence of ``phrases`` in the lower-cased text ``low``
    (one pass; overlapping hits all reported), optionally only as whole words."""
    if not phrases:
        return []
    out = []
    n = len(low)
    for end, p in phrase_automaton(phrases).iter(low):
        start = end - len(p) + 1
        if whole_words and ((start > 0 and low[start - 1].isalnum()) or (end + 1 < n and low[end + 1].isalnum())):
            continue
        out.append((start, p))
    return out


def _anchors(text: str, low: str | None = None, keyword_hits: list[tuple[int, str]] | None = None,
             runs: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets every date expression must cover: digit runs that may be part of a date, and
    keyword hits. Found with the digit regex tried at the starts of digit runs and one automaton
    pass, so a text is not scanned by the big pattern. ``keyword_hits``: ``(start, keyword)``
    found in a copy of ``low`` with punctuation blanked (the trigger pass's, same length): those
    that stand in ``low`` itself are the automaton's hits in ``low``. ``runs``: the text's runs
    of ASCII digits (``article_words.ascii_digit_runs``) when known."""
    if runs is None:
        runs = ascii_digit_runs(text)
    # _date_digits matches only at the first ASCII digit of a run: trying it at each run start
    # finds what a scan of the text finds, without the scan. (The middle test: the run
    # continues a number, "1.000", "2,7".)
    match = _date_digits().match
    out = [s for s, _ in runs
           if not (s >= 2 and text[s - 1] in ".," and text[s - 2].isdigit()) and match(text, s) is not None]
    low = text.lower() if low is None else low
    if keyword_hits is None:
        out += [end - len(p) + 1 for end, p in phrase_automaton(keyword_phrases()).iter(low)]
    elif keyword_hits:
        out += [s for s, p in keyword_hits if low.startswith(p, s)]
    return sorted(set(out))


@cache
def _forms_by_start() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The forms (in scanner order) that can match at a place, by what the place starts with:
    its first word as the forms spell it, ``"0"`` for a digit, ``"("``. A form is tried only where its own
    first word stands (read off the patterns in ``_patterns``), so most places try one to
    four forms; the first form that matches is the scanner's match there."""
    v = _vocab()
    part = {w.split()[0] for w in v.part_of_day}
    rel = {w.split()[0] for w in v.relative_day}
    wd = {w.split()[0] for w in v.weekday}
    edge = {w.split()[0] for w in v.edge}
    starts: dict[str, set[str]] = {
        "interval": part | {"từ", "ngày", "trong"},
        "dm_words": part | {"ngày"},
        "dmy_cued": part | wd | rel | {"ngày", "hôm", "vào", "từ", "đến", "trước", "sau", "mùng", "mồng"},
        "dmy_full": {"0"},
        "dm_slash": {"0"},
        "same_day": part | {"cùng"},
        "relative": part | rel,
        "weekday": part | wd,
        "week": {"tuần"},
        "quarter": {"quý"},
        "month": edge | {"tháng"},
        "year_range": {"năm", "giai", "thời", "từ", "tầm"},
        "year": edge | {"các", "năm"},
        "year_rel": edge | {"năm"},
        "year_edge": edge,
        "year_cue": {"so", "tầm", "đến", "trước", "sau", "từ"},
        "year_paren": {"("},
    }
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for kind, pattern in _patterns():
        for w in starts[kind]:
            # the forms write a first word with its first letter in either case and the rest in
            # lower case ([Nn]gày, [Cc]hủ, các): other spellings ("NGÀY") match no form
            for spelling in {w, w[0].upper() + w[1:]}:
                out.setdefault(spelling, []).append((kind, pattern))
    return {w: tuple(forms) for w, forms in out.items()}


# What both forms starting with a digit (dmy_full, dm_slash) begin with: a day, "/", "." or "-",
# and the month's first digit.
_DAY_MONTH = re.compile(r"[0-9]{1,2}[/.-][0-9]")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


@cache
def _pattern_of() -> dict[str, re.Pattern[str]]:
    return dict(_patterns())


def _word_starts_before(text: str, lo: int, a: int) -> list[tuple[int, str]]:
    """The last LOOKBACK_WORDS word starts in ``[lo, a)`` (a word start follows a space or "(",
    or is a "("; ``lo`` itself counts at the text start or after a space), each with its word
    when the word is all letters (else "")."""
    seg = text[lo:a]
    if "(" not in seg:
        # the usual case, without a regex pass: the words are the last whitespace-separated
        # tokens; each is found back from the end of the window
        tokens = seg.rsplit(None, LOOKBACK_WORDS)
        if len(tokens) > LOOKBACK_WORDS:
            del tokens[0]
        out = []
        n = end = len(seg)
        for tok in reversed(tokens):
            start = seg.rfind(tok, 0, end)
            # a word cut by the window's end is read from the text
            out.append((lo + start, tok if start + len(tok) < n and tok.isalpha() else ""))
            end = start
        out.reverse()
        if out and out[0][0] == lo and lo > 0 and not (text[lo - 1].isspace() or text[lo - 1] == "("):
            del out[0]  # the window starts inside a word
        return out
    starts = [m.start() for m in _WORD_START.finditer(text, lo, a)]
    if (lo == 0 or text[lo - 1].isspace()) and (not starts or starts[0] != lo):
        starts.insert(0, lo)  # the lookbehind of _WORD_START cannot see the text start
    return [(s, "") for s in starts[-LOOKBACK_WORDS:]]


def _forms_at(text: str, s: int, forms_at: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
              ) -> tuple[tuple[str, re.Pattern[str]], ...] | None:
    """The forms that can start at ``s``, by what stands there: "(", a day and month (the digit
    forms both begin with one), or a word of letters (its first word as the forms spell it)."""
    c = text[s]
    if c == "(":
        return forms_at["("]
    if c.isdigit():
        return forms_at["0"] if _DAY_MONTH.match(text, s) is not None else None
    w = _FIRST_WORD.match(text, s)
    return None if w is None else forms_at.get(w.group())


def _places(text: str, lo: int, a: int, forms_at: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
            ) -> list[tuple[int, tuple[tuple[str, re.Pattern[str]], ...]]]:
    """The places a date expression covering anchor ``a`` is tried at, left to right: the word
    starts of ``_word_starts_before(text, lo, a)``, then ``a``, each with the forms that can
    start there; places where none can are left out. (The two steps fused for the usual window
    without "(": most words looked back at start no form and are dropped without a tuple.)"""
    found = []
    seg = text[lo:a]
    if "(" not in seg:
        tokens = seg.rsplit(None, LOOKBACK_WORDS)
        if len(tokens) > LOOKBACK_WORDS:
            del tokens[0]
        n = end = len(seg)
        for tok in reversed(tokens):
            end = seg.rfind(tok, 0, end)
            if end == 0 and lo > 0 and not (text[lo - 1].isspace() or text[lo - 1] == "("):
                break  # the window starts inside a word (only the leftmost token starts at lo)
            if end + len(tok) < n and tok.isalpha():
                forms = forms_at.get(tok)
            else:  # a word cut by the window's end, or not all letters: read from the text
                forms = _forms_at(text, lo + end, forms_at)
            if forms is not None:
                found.append((lo + end, forms))
        found.reverse()
    else:
        for s, _ in _word_starts_before(text, lo, a):
            forms = _forms_at(text, s, forms_at)
            if forms is not None:
                found.append((s, forms))
    forms = _forms_at(text, a, forms_at)
    if forms is not None:
        found.append((a, forms))
    return found


def _hits(text: str, low: str | None = None, keyword_hits: list[tuple[int, str]] | None = None,
          runs: list[tuple[int, int]] | None = None) -> list[_Hit]:
    """Date expressions of ``text``, left to right, not overlapping: for each anchor not yet
    covered, the first of its last LOOKBACK_WORDS word starts (then the anchor itself) where
    the scanner's first matching form reaches past the anchor."""
    forms_at = _forms_by_start()
    hits: list[_Hit] = []
    covered = 0
    for a in _anchors(text, low, keyword_hits, runs):
        if a < covered:
            continue
        lo = a - LOOKBACK_CHARS
        if lo < covered:
            lo = covered
        for s, forms in _places(text, lo, a, forms_at):
            for kind, pattern in forms:  # noqa: B007 - kind: the form that matched
                m = pattern.match(text, s)
                if m is not None:
                    break
            else:
                continue
            end = m.end()
            if end <= a:
                continue
            hits.append(_Hit(kind, s, end, m.groupdict(), m.group()))
            covered = end
            break
    return hits


def _evidence_year(text: str, hits: list[_Hit]) -> int | None:
    """The year the article was written, from dates in its own text, or None.

    Evidence, strongest first: a full date whose day/month the text also gives without a year
    ("Sáng 6/6/2017 ..." and "Ngày 6/6 ..."); a full date with a part of day or weekday
    ("Chiều 12/8/2024"), or a dateline line ("22:00 25/06/2024"). Among the strongest kind, the latest year wins (older
    full dates in the body are history: "ngày 2/9/1945"). Years of bare ``năm YYYY`` are never
    used: they are targets and history as often as the present.
    """
    full = [(h, int(h.groups["y"]), int(h.groups["m"]), int(h.groups["d"]))
            for h in hits if h.kind in ("dmy_cued", "dmy_full", "dm_words") and h.groups.get("y")]
    for h in hits:
        g = h.groups
        y2 = g.get("y2") or g.get("y2w") or g.get("y2s") if h.kind == "interval" else None
        if y2:
            m2 = int(g.get("m2") or g.get("m2w"))
            full.append((h, int(y2), m2, int(g["d2"])))
            full.append((h, int(g.get("y1") or y2), int(g.get("m1") or m2), int(g["d1"])))
    if not full:
        return None
    yearless = {(int(h.groups["d"]), int(h.groups["m"])) for h in hits
                if h.kind in ("dmy_cued", "dm_slash", "dm_words") and not h.groups.get("y")}
    strong = [y for h, y, m, d in full if (d, m) in yearless]
    if strong:
        return max(strong)
    dateline = [y for h, y, m, d in full
                if h.groups.get("part") or h.groups.get("wd")
                or (h.kind == "dmy_full" and _is_dateline(text, h.start))]
    return max(dateline) if dateline else None


def _is_dateline(text: str, start: int) -> bool:
    """A date at ``start`` stands alone at the start of a line (after an optional time).
    _DATELINE can only match over the characters it allows (spaces, digits, ":", ","), so the
    search starts after the last other character before the date, not at the text start."""
    k = start - 1
    while k >= 0 and (text[k].isspace() or text[k].isdecimal() or text[k] in ":,"):
        k -= 1
    return _DATELINE.search(text, k + 1, start) is not None


def infer_year(article: Article) -> int | None:
    """The year an undated article was written, from evidence in its text, else None.

    ``article.meta["inferred_year"]`` (set by another stage, e.g. office-holder tenures or
    story linking) wins when present; then full dates in the text (see ``_evidence_year``).
    Never guesses from bare years or from "30 năm".
    """
    hint = article.meta.get(YEAR_HINT_KEY)
    if isinstance(hint, int):
        return hint
    if TEXT_YEAR_KEY in article.meta:  # computed by resolve_dates on this text
        return article.meta[TEXT_YEAR_KEY]
    return _evidence_year(article.text_clean, date_hits(article))


def find_dates(text: str, published: str | None = None, *, year_hint: int | None = None) -> list[DateSpan]:
    """Date spans of ``text`` resolved against ``published`` (see module doc)."""
    return _resolve(text, _hits(text), published, year_hint)


def _resolve(text: str, hits: list[_Hit], published: str | None, year_hint: int | None,
             *, infer: bool = True) -> list[DateSpan]:
    """``infer=False``: without a publication date or ``year_hint`` the dates stay year-less
    (the years stage found the text's own evidence wrong, e.g. an anniversary's old date)."""
    pub = parse_published(published)
    ref = pub.year if pub else (year_hint if year_hint is not None
                                else (_evidence_year(text, hits) if infer else None))
    ctx = _Context(pub, ref, _vocab())
    for h in hits:
        before = len(ctx.out)
        _handle(ctx, h.kind, h.groups, h.start, h.end, h.text)
        for span in ctx.out[before:]:
            _mark_alternative(text, ctx.out, span)
    return ctx.out


def _mark_alternative(text: str, spans: list[DateSpan], span: DateSpan) -> None:
    """A date in parentheses right after another one restates it in another time zone."""
    if len(spans) < 2:
        return
    prev = spans[-2]
    if span.precision != "day" or prev.precision != "day" or span.start - prev.end > ALTERNATIVE_GAP:
        return
    gap = text[prev.end:span.start]
    if gap.rstrip().endswith("(") and ")" not in gap and "\n" not in gap:
        span.attrs["alternative"] = True


def resolve_dates(article: Article) -> Article:
    """Pipeline stage: fill ``article.dates`` (see module doc)."""
    hint = article.meta.get(YEAR_HINT_KEY)
    low = lowered(article)
    keyword_hits = None
    if len(low) == len(article.text_clean):  # (else the trigger pass's offsets are not low's)
        # the keywords come out of the trigger cues' automaton pass (made here for the events
        # stage): one pass over the article instead of two
        keyword_hits = article_date_phrases(article)
    hits = _hits(article.text_clean, low, keyword_hits, digit_runs(article))
    article.meta[HITS_KEY] = (article.text_clean, hits)
    article.meta[TEXT_YEAR_KEY] = _evidence_year(article.text_clean, hits)
    article.dates = _resolve(article.text_clean, hits, article.published,
                             hint if isinstance(hint, int) else None)
    return article


def date_hits(article: Article) -> list[_Hit]:
    """The date expressions of ``article.text_clean`` (cached by resolve_dates)."""
    cached = article.meta.get(HITS_KEY)
    if cached is not None and cached[0] is article.text_clean:
        return cached[1]
    hits = _hits(article.text_clean, lowered(article), runs=digit_runs(article))
    article.meta[HITS_KEY] = (article.text_clean, hits)
    return hits


def set_year(article: Article, year: int | None, source: str = "") -> Article:
    """Resolve an undated article's year-less dates in ``year`` (None: leave them year-less,
    even where the text's own dates suggested a year). Records the year in ``article.meta``
    (``inferred_year``, ``inferred_year_source``); the text's evidence year is replaced, so
    :func:`infer_year` gives ``year`` to the later stages."""
    if article.published:
        return article
    if year is None:
        article.meta.pop(YEAR_HINT_KEY, None)
        article.meta[TEXT_YEAR_KEY] = None
    else:
        article.meta[YEAR_HINT_KEY] = year
        if source:
            article.meta["inferred_year_source"] = source
    article.dates = _resolve(article.text_clean, date_hits(article), None, year, infer=False)
    return article


def apply_year(article: Article, year: int, source: str = "") -> Article:
    """Fill year-less date values (``--MM-DD``, ``--MM``) with ``year`` once another stage has
    established it (office-holder tenures, the same story in a dated outlet). Relative dates
    that needed a publication date stay ``None``. Records the year in ``article.meta``.

    This is the hook for tenure-based inference: call it after the actors stage, then re-run
    the stages that copied dates (events) or re-read them through :func:`date_for_offset`.
    """
    if article.published:
        return article
    article.meta[YEAR_HINT_KEY] = year
    if source:
        article.meta["inferred_year_source"] = source
    article.dates = find_dates(article.text_clean, None, year_hint=year)
    return article


# ---------------------------------------------------------------------------------------------
_CLAUSE_END = re.compile(r"[.!?;…](?=\s)|\n")


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset`` by punctuation (``.``/``!``/``?``/``;`` before a space, or a
    line break); dots inside numbers and abbreviations ("1.000", "TP.HCM") do not end it."""
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, offset):
        start = m.end()
    m = _CLAUSE_END.search(text, offset)
    end = m.end() if m else len(text)
    return start, end


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding whitespace (evidence spans start at a word)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)


def _year_of(span: DateSpan) -> int | None:
    v = span.value or ""
    return int(v[:4]) if v[:4].isdigit() else None


def _historical(span: DateSpan, ref_year: int | None) -> bool:
    y = _year_of(span)
    return ref_year is not None and y is not None and y < ref_year - HISTORICAL_YEARS


def date_for_offset(article: Article, offset: int, *,
                    precisions: tuple[str, ...] = ("day", "month", "year"),
                    prefer_interval: bool = False) -> DateSpan | None:
    """The date a sentence (an event, a statement) at character ``offset`` is about.

    1. a date in the same sentence: the last one starting at or before ``offset``, else the
       first one after it ("Chiều 21/11, ... hội kiến"; "... hội kiến ... chiều 21/11").
       Target years ("đến năm 2020", "tầm nhìn 2035") are not what a sentence happened on and
       are skipped; a month or year that merely contains the narrative day of steps 2–4
       ("... năm 2024" in a sentence of an article about 11/7/2024) gives way to that day.
    2. else the last single-day date before ``offset`` in the same paragraph (the "cùng ngày"
       reading: the occasion named earlier governs what follows);
    3. else the last single-day date before ``offset`` within NARRATIVE_CHARS (articles
       written one sentence per line have one-sentence paragraphs);
    4. else the article's dateline: its first single-day date, else its first interval.
    A sentence in the future ("sẽ", "dự kiến") without a date of its own takes the last date
    before it that is not before publication (the announced trip, "từ ngày 9 đến 12-11").
    Parenthesised restatements ("(chiều cùng ngày theo giờ Hà Nội)") are skipped; ``precisions``
    restricts step 1 (e.g. ``("day",)`` to ignore "năm 1992" inside a meeting sentence).
    Steps 2–4 skip dates more than HISTORICAL_YEARS before the publication/inferred year.
    ``prefer_interval`` (for trips: VISIT events) makes steps 2–4 take the last interval named
    before ``offset`` ("thăm ... từ ngày 10 đến ngày 13-8"), else the first one after it in the
    article, before any single day (a sentence's own date, step 1, still wins).
    Returns None when the article has no usable date.
    """
    text = article.text_clean
    spans = [d for d in article.dates if not d.attrs.get("alternative")]
    if not spans:
        return None
    hint = article.meta.get(YEAR_HINT_KEY)
    pub = parse_published(article.published)
    ref = pub.year if pub else (hint if isinstance(hint, int) else infer_year(article))
    s0, s1 = sentence_bounds(text, offset)
    in_sentence = [d for d in spans if s0 <= d.start < s1 and d.precision in precisions
                   and not (d.precision == "year" and _is_target_year(text, d))]
    before = [d for d in in_sentence if d.start <= offset]
    found = before[-1] if before else (in_sentence[0] if in_sentence else None)
    narrative = _narrative_day(article, spans, offset, ref)
    if prefer_interval and found is None:  # a sentence's own date still wins (an arrival day)
        trips = [d for d in spans if d.precision == "day" and d.value and "/" in d.value
                 and not _historical(d, ref)]
        before_trip = [d for d in trips if d.start < offset]
        trip = before_trip[-1] if before_trip else (trips[0] if trips else None)
        if trip is not None:
            return trip
    if found is None and _FUTURE.search(text, s0, s1):
        # "... sẽ có các cuộc hội đàm": the trip announced earlier, not the announcement's day
        ahead = [d for d in spans if d.start < offset and d.precision == "day" and d.value
                 and (pub is None or (d.value[:10] >= pub.isoformat()))]
        if ahead:
            return ahead[-1]
    if found is not None:
        if found.precision != "day" and narrative is not None and _contains(found, narrative):
            return narrative
        return found
    return narrative


_FUTURE = re.compile(r"(?<!\w)(?:sẽ|dự\s+kiến|sắp)(?!\w)", re.IGNORECASE)
# How far back (characters) the last named day still governs a sentence without its own date.
NARRATIVE_CHARS = 1500
_TARGET_YEAR = re.compile(r"(?:đến|tới|trước|tầm\s+nhìn|giai\s+đoạn|hướng\s+tới)(?:\s+năm)?\s*$", re.IGNORECASE)


def _is_target_year(text: str, d: DateSpan) -> bool:
    head = text[max(0, d.start - 16):d.start] + re.sub(r"\d.*", "", text[d.start:d.end])
    return bool(_TARGET_YEAR.search(head.rstrip()))


def _single_day(d: DateSpan) -> bool:
    return d.precision == "day" and bool(d.value) and "/" not in (d.value or "")


def _narrative_day(article: Article, spans: list[DateSpan], offset: int, ref: int | None) -> DateSpan | None:
    text = article.text_clean
    days = [d for d in spans if _single_day(d) and not _historical(d, ref)]
    p0, _ = paragraph_bounds(text, offset)
    earlier = [d for d in days if p0 <= d.start < offset]
    if earlier:
        return earlier[-1]
    earlier = [d for d in days if offset - NARRATIVE_CHARS <= d.start < offset]
    if earlier:
        return earlier[-1]
    if days:
        return days[0]
    intervals = [d for d in spans if d.precision == "day" and d.value and not _historical(d, ref)]
    return intervals[0] if intervals else None


def _contains(outer: DateSpan, day: DateSpan) -> bool:
    """A month/year value that the day falls in ("2024" ⊇ "2024-07-11", "--07" ⊇ "--07-11")."""
    o, v = outer.value or "", day.value or ""
    return bool(o) and "/" not in o and v.startswith(o)


def dates_between(article: Article, start: int, end: int) -> list[DateSpan]:
    """Date spans starting inside ``[start, end)``, in text order."""
    return [d for d in article.dates if start <= d.start < end]
