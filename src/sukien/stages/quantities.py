"""Stage ``find_quantities``: money and counts with their unit, year, qualifier and kind.

A figure is a number (Vietnamese format: ``1.000`` = one thousand, ``1,5`` = one and a half;
``2.3`` with one or two digits after the dot is read as a decimal) or a spelled-out small
number for a few count units ("hai dự án", "sáu văn kiện"), an optional scale
(nghìn/ngàn/triệu/tỷ/tỉ) and a unit from ``knowledge/data/units.tsv``. Bare numbers, dates,
ranks ("thứ 23/116"), ordinals and durations ("30 năm") have no unit and are not figures.

- ``approx``: the qualifier right before the number ("khoảng" about, "gần" nearly,
  "hơn"/"trên" over, "dưới" under; in a chain "khoảng hơn" the last word wins).
- ``kind``: ``change`` after tăng/giảm/gấp; ``target`` after mục tiêu/phấn đấu/cam kết..., or
  after lên/nâng/đạt when the figure's year is not past; ``amount`` with viện trợ/tài trợ/
  tặng...; otherwise ``statistic``.
- ``year``: a year written right after the figure ("2,7 tỉ USD năm 2016", "vào năm 2030",
  "(năm 2009)", "trong 5 tháng đầu năm 2017"), else the last year before it in its sentence
  that is not a comparison ("so với năm 2015"), else a "Năm 2024, ..." opening its
  paragraph; else, for figures that are not targets, the article's present year (see
  :func:`present_year`); targets without a year, rates per year ("9-12% năm") and
  "từng" (ever) figures keep ``None``.
- ``about``: an English label from cue words before the number (``quantity_cues.tsv``), else
  the Vietnamese words after the unit.

Cue words and units are data; the code only says where to look for them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..knowledge import load_table, split_list
from ..model import Article, DateSpan, Quantity
from .dates import _CLAUSE_END, find_dates, find_phrases, infer_year, parse_published, trimmed

# How far before a number its qualifier and change verb may sit ("tiếp tục tăng 30%",
# "giảm từ 9-12%", "đạt gần 1,3 tỉ"): characters looked back. Calibrated on seeds and dev.
PRE_WINDOW = 24
# How far after the unit a year may follow and still be the figure's own year
# ("1,37 tỉ USD trong 5 tháng đầu năm 2017").
POST_YEAR_WINDOW = 36
# An undated article's latest past/present year counts as its "now" only when written this
# often (22637044 names 2017 five times; an article naming only "năm 1977" is not from 1977).
PRESENT_YEAR_MIN_MENTIONS = 2
# Words after the unit kept as the Vietnamese ``about`` when no cue word names it.
ABOUT_WORDS = 5

# The leading (?=\d) lets the regex engine skip to digits (4× faster than a lookbehind
# first) and re.ASCII halves the scan again (news digits are ASCII); the "not glued to a word
# or number on the left" test is done in code.
_NUMBER = re.compile(
    r"(?=\d)(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+)"
    r"(?:\s*[-–]\s*(?P<n2>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+))?(?![\d/:]|[.,]\d)", re.ASCII)
_POST_YEAR = re.compile(
    r"\s*\(?\s*(?:vào|trong|tính\s+đến|đến\s+hết|của|cho)?\s*(?:\S+\s+tháng\s+|quý\s+\w+\s*/\s*)?"
    r"(?:đầu\s+|cuối\s+|giữa\s+)?(?:năm\s+|/)?(?P<y>(?:19|20)\d\d)(?!\d)")
_PER_YEAR = re.compile(r"\s+(?:mỗi\s+)?năm(?!\s*\d)(?!\w)")
_YEAR_OPENING = re.compile(r"\s*(?:Trong\s+)?[Nn]ăm\s+(?P<y>(?:19|20)\d\d)\s*,")
_FULL_STOP = re.compile(r"[.!?…](?=\s)|\n")
_COMPARISON = re.compile(r"(?:so\s+với|từ)(?:\s+cùng\s+kỳ)?\s*$")
_CHANGE_FROM = re.compile(r"(?:^|\s)(?:tăng|giảm)\s+(?:từ|thêm|lên|xuống)\s*$", re.IGNORECASE)
_SPELLED = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


@dataclass(frozen=True, slots=True)
class _Unit:
    word: str
    unit: str
    cls: str
    spelled: bool
    unless_next: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Knowledge:
    scales: dict[str, float]
    scale_re: re.Pattern[str]
    units: dict[str, _Unit]
    unit_re: re.Pattern[str]
    per: dict[str, str]  # denominators after a slash, Vietnamese → unit name
    approx: dict[str, str]
    approx_re: re.Pattern[str]
    cues: dict[str, tuple[str, ...]]  # role -> cue words
    about: tuple[tuple[str, str], ...]


def _words_alt(words) -> str:
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))


@cache
def _knowledge() -> _Knowledge:
    scales: dict[str, float] = {}
    units: dict[str, _Unit] = {}
    per: dict[str, str] = {}
    for row in load_table("units", required=("word", "class")):
        key = row["word"].lower()
        if row["class"] == "scale":
            scales[key] = float(row["value"])
        elif row["class"] == "per":
            per[key] = row["unit"]
        else:
            units[key] = _Unit(row["word"], row["unit"], row["class"], row["spelled"] == "yes",
                               tuple(split_list(row["unless_next"])))
    approx: dict[str, str] = {}
    cues: dict[str, list[str]] = {}
    about: list[tuple[str, str]] = []
    for row in load_table("quantity_cues", required=("cue", "role")):
        if row["role"] == "approx":
            approx[row["cue"]] = row["value"]
        elif row["role"] == "about":
            about.append((row["cue"].lower(), row["value"]))
        else:
            cues.setdefault(row["role"], []).append(row["cue"])
    return _Knowledge(
        scales=scales,
        scale_re=re.compile(rf"\s*(?P<scale>{_words_alt(scales)})(?!\w)", re.IGNORECASE),
        units=units,
        unit_re=re.compile(rf"\s*(?P<unit>%|(?:{_words_alt(k for k in units if k != '%')})(?!\w))"
                           r"(?:/(?P<per>[^\W\d_]+)(?!\w))?", re.IGNORECASE),
        per=per,
        approx=approx,
        approx_re=re.compile(rf"(?:(?<=\s)|^)(?P<chain>(?:(?:{_words_alt(approx)})\s+)+)(?:là\s+)?$",
                             re.IGNORECASE),
        cues={k: tuple(v) for k, v in cues.items()},
        about=tuple(sorted(about, key=lambda c: -len(c[0]))),
    )


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_NEXT_WORD = re.compile(r"\s*(\w+)")


def _number(s: str) -> float:
    if _THOUSANDS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


@cache
def _word_re(words: tuple[str, ...], where: str) -> re.Pattern[str]:
    """Compiled once per cue list: ``any`` (anywhere as whole words), ``end`` (last words of
    the text), ``start`` (first words)."""
    alt = _words_alt(words) or r"(?!x)x"
    pattern = {"any": rf"(?<!\w)(?:{alt})(?!\w)", "end": rf"(?:^|\s)(?:{alt})\s*$",
               "start": rf"\s*(?:{alt})(?!\w)"}[where]
    return re.compile(pattern, re.IGNORECASE)


def _cues(role: str) -> tuple[str, ...]:
    return _knowledge().cues.get(role, ())


def _has_word(text: str, words: tuple[str, ...]) -> bool:
    return bool(words) and _word_re(words, "any").search(text) is not None


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    return bool(words) and _word_re(words, "end").search(text) is not None


def _starts_with_word(text: str, words: tuple[str, ...]) -> bool:
    return bool(words) and _word_re(words, "start").match(text) is not None


def _is_present(text: str) -> bool:
    """Says the figure is current: a present cue ("hiện có", "đến nay") or the word "hiện"
    standing alone (not inside "thực hiện", "thể hiện", "hiện đại"...)."""
    if _has_word(text, _cues("present")):
        return True
    for m in _word_re(("hiện",), "any").finditer(text):
        before = text[max(0, m.start() - 8):m.start()].split()
        after = text[m.end():m.end() + 10].split()
        if (before and before[-1].lower() in _cues("present_not_after")) or (
                after and after[0].lower() in _cues("present_not_before")):
            continue
        return True
    return False


@dataclass(slots=True)
class _Figure:
    start: int  # of the number (or the spelled number)
    num_end: int
    end: int  # after the unit (and per-unit)
    value: float
    value_max: float | None
    unit: str
    unit_word: str


def _figures(text: str, dates: list[DateSpan]) -> list[_Figure]:
    k = _knowledge()
    spans = sorted((d.start, d.end) for d in dates)
    starts = [s for s, _ in spans]
    out: list[_Figure] = []
    for m in _NUMBER.finditer(text):
        left = text[m.start() - 1] if m.start() else " "
        if left.isalnum() or left in "_.,/:":
            continue
        i = bisect.bisect_right(starts, m.start())
        if i and spans[i - 1][1] > m.start():  # inside a date ("21/11", "năm 2030")
            continue
        pos = m.end()
        sm = k.scale_re.match(text, pos)
        scale = k.scales[" ".join(sm["scale"].lower().split())] if sm else 1.0
        if sm:
            pos = sm.end()
        if not k.unit_re.match(text, pos):  # most numbers have no unit: parse only figures
            continue
        value = _number(m["n"]) * scale
        value_max = _number(m["n2"]) * scale if m["n2"] else None
        fig = _unit_after(text, pos, m.start(), m.end(), value, value_max, spelled=False)
        if fig:
            out.append(fig)
    for i, phrase in find_phrases(text.lower(), _spelled_phrases()):
        word = phrase.split()[0]
        fig = _unit_after(text, i + len(word), i, i + len(word), float(_SPELLED[word]), None, spelled=True)
        if fig:
            out.append(fig)
    out.sort(key=lambda f: f.start)
    return out


@cache
def _spelled_phrases() -> tuple[str, ...]:
    """"hai dự án", "sáu văn kiện", ...: spelled numbers before the units that take them
    (searched as whole phrases: "năm" and "ba" alone are everywhere)."""
    units = [u.word.lower() for u in _knowledge().units.values() if u.spelled]
    return tuple(f"{w} {u}" for w in _SPELLED for u in units)


def _unit_after(text: str, pos: int, start: int, num_end: int, value: float, value_max: float | None,
                *, spelled: bool) -> _Figure | None:
    k = _knowledge()
    um = k.unit_re.match(text, pos)
    if not um:
        return None
    word = " ".join(um["unit"].lower().split())
    unit = k.units.get(word)
    if unit is None or (spelled and not unit.spelled):
        return None
    nxt = _NEXT_WORD.match(text, um.end(), um.end() + 20)
    if nxt and nxt.group(1).lower() in unit.unless_next:
        return None
    name = unit.unit
    if unit.word == "lần":  # "bốn lần đến Việt Nam" are trips; "gấp 5 lần", "tăng 100 lần" a ratio
        if nxt and nxt.group(1).lower() in k.cues.get("visit", ()):
            name = "visit"
        elif not _ends_with_word(text[max(0, start - PRE_WINDOW):start], k.cues.get("change", ())
                                 + tuple(k.approx)):
            return None
    if um["per"]:
        name = f"{name}/{k.per.get(um['per'].lower(), um['per'])}"
    return _Figure(start, num_end, um.end(), value, value_max, name, word)


def present_year(article: Article, dates: list[DateSpan]) -> int | None:
    """The year the article reports as now: publication year, else the year inferred from
    dates in the text, else the latest year written in a past or present context (not a
    target such as "đến năm 2020", "vào năm 2030", "tầm nhìn 2035") when it is written at
    least PRESENT_YEAR_MIN_MENTIONS times. None otherwise."""
    pub = parse_published(article.published)
    if pub:
        return pub.year
    inferred = infer_year(article)
    if inferred:
        return inferred
    text = article.text_clean
    years = []
    for d in dates:
        if d.precision not in ("year", "month") or not d.attrs.get("explicit_year") or not d.value:
            continue
        before = text[max(0, d.start - 12):d.start].lower()
        if re.search(r"(?:vào|đến|tới|trước)\s*$", before) or "tầm nhìn" in text[d.start - 12:d.end].lower():
            continue
        if d.value[:4].isdigit():
            years.append(int(d.value[:4]))
    if not years:
        return None
    latest = max(years)
    # a lone mention ("gia nhập LHQ năm 1977") is history, not the article's present
    return latest if years.count(latest) >= PRESENT_YEAR_MIN_MENTIONS else None


def _year_of(article: Article, fig: _Figure, dates: list[DateSpan], s0: int,
             stops: Callable[[], list[int]]) -> tuple[int | None, str]:
    """(year, how) for a figure: 'after', 'before', 'paragraph' or 'none'."""
    text = article.text_clean
    after = text[fig.end:fig.end + POST_YEAR_WINDOW]
    pm = _POST_YEAR.match(after)
    if pm:
        return int(pm["y"]), "after"
    best = None
    for d in dates:
        if d.start >= fig.start or d.end <= s0 or not d.value or not d.value[:4].isdigit():
            continue
        if _is_present(text[d.end:fig.start]):  # "năm 2008, đến nay đã có 18 dự án"
            continue
        if d.attrs.get("cue") == "comparison" or _COMPARISON.search(text[max(s0, d.start - 16):d.start]):
            continue
        if d.precision in ("year", "month") or d.attrs.get("explicit_year"):
            best = int(d.value[:4])
    if best is not None:
        return best, "before"
    year = _opening_year(text, fig.start, stops())
    return (year, "paragraph") if year else (None, "none")


def _opening_year(text: str, offset: int, stops: list[int]) -> int | None:
    """The year of a sentence opening "Năm 2024, ..." when the figure's sentence is that
    sentence or carries it on ("Trong đó ..."); a new topic after it ("Hậu duệ dòng họ ... ước
    khoảng 1.000 người") does not inherit it."""
    cont = _knowledge().cues.get("continuation", ())
    pos = offset
    while pos > 0:
        i = bisect.bisect_right(stops, pos)
        s0 = stops[i - 1] if i else 0
        om = _YEAR_OPENING.match(text, s0)
        if om:
            return int(om["y"])
        if not _starts_with_word(text[s0:s0 + 30], cont):
            return None
        pos = s0 - 1
    return None


def _kind(text: str, fig: _Figure, s0: int, year: int | None, present: Callable[[], int | None]) -> str:
    k = _knowledge()
    pre = text[max(s0, fig.start - PRE_WINDOW):fig.start]
    pre_no_approx = k.approx_re.sub("", pre)
    if _ends_with_word(pre_no_approx, _cues("change")) or _CHANGE_FROM.search(pre_no_approx):
        return "change"
    sentence_before = text[s0:fig.start]
    if _has_word(sentence_before, k.cues.get("target", ())):
        return "target"
    verb_window = text[max(s0, fig.start - 3 * PRE_WINDOW):fig.start]
    if _has_word(verb_window, k.cues.get("target_verb", ())) and (
            year is None and _has_word(verb_window, _cues("target_raise"))
            or year is not None and (present() or 9999) < year):
        return "target"
    if _has_word(sentence_before, k.cues.get("amount", ())):
        return "amount"
    return "statistic"


def _approx(text: str, fig: _Figure, s0: int) -> str | None:
    k = _knowledge()
    m = k.approx_re.search(text[max(s0, fig.start - PRE_WINDOW):fig.start])
    if not m:
        return None
    last = None
    chain = " ".join(m["chain"].lower().split())
    # the word nearest the number decides ("khoảng hơn" = over); multi-word cues first
    for cue in sorted(k.approx, key=len, reverse=True):
        i = chain.rfind(cue)
        if i >= 0 and (last is None or i + len(cue) > last[0]):
            last = (i + len(cue), k.approx[cue])
    return last[1] if last else None


def _about(text: str, fig: _Figure, s0: int) -> str:
    before = text[s0:fig.start].lower()
    best = None
    for cue, label in _knowledge().about:
        i = before.rfind(cue)
        if i >= 0 and (best is None or i > best[0]):
            best = (i, label)
    if best:
        return best[1]
    tail = re.findall(r"[^\W\d_]+", text[fig.end:fig.end + 60])[:ABOUT_WORDS]
    return " ".join([fig.unit_word, *tail])


def _fallback_year(article: Article, fig: _Figure, s0: int, present: Callable[[], int | None]) -> int | None:
    """A figure with no year of its own: as of publication in a dated article; in an undated
    one only when the sentence says it is current ("hiện có", "đến nay"). Figures of all
    time ("từng") and rates per year ("9-12% năm") have none."""
    k = _knowledge()
    text = article.text_clean
    before = text[s0:fig.start]
    if _has_word(before, k.cues.get("no_year", ())) or _PER_YEAR.match(text, fig.end):
        return None
    if article.published:
        return present()
    if _is_present(before):
        return present()
    return None


def quantities_of(article: Article, dates: list[DateSpan] | None = None) -> list[Quantity]:
    """Figures of ``article`` (see module doc), one per (value, unit, year, approx) in text order."""
    text = article.text_clean
    if dates is None:
        dates = article.dates or find_dates(text, article.published)
    figures = _figures(text, dates)
    if not figures:
        return []
    present = cache(lambda: present_year(article, dates))
    stops = cache(lambda: [m.end() for m in _FULL_STOP.finditer(text)])  # full-stop sentence starts
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    out: list[Quantity] = []
    seen: set[tuple] = set()
    for fig in figures:
        i = bisect.bisect_right(ends, fig.start)
        s0, s1 = (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else len(text))
        year, _how = _year_of(article, fig, dates, s0, stops)
        kind = _kind(text, fig, s0, year, present)
        if year is None and kind != "target":
            year = _fallback_year(article, fig, s0, present)
        key = (fig.value, fig.unit, year, _approx(text, fig, s0))
        if key in seen:  # a headline repeating the body's figure
            continue
        seen.add(key)
        q = Quantity(value=fig.value, unit=fig.unit, kind=kind, evidence=article.evidence(*trimmed(text, s0, s1)),
                     year=year, approx=key[3], about=_about(text, fig, s0), value_max=fig.value_max)
        out.append(q)
    return out


def find_quantities(article: Article) -> Article:
    """Pipeline stage: fill ``article.quantities``."""
    article.quantities = quantities_of(article)
    return article
