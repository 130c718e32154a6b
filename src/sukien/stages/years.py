"""Stage ``resolve_year``: the year an article without a publication date was written.

Runs after ``actors`` (it needs the titled persons) and before ``events`` (which copy dates).
Only articles without ``published`` are touched; the dates stage has resolved their
year-less dates (``Sáng 12-5``) with the year of the text's own full dates, if any
(``dates._evidence_year``). This stage weighs more evidence, strongest first, and takes the
first year that the office-holders named with their titles allow:

1. ``near``: a full date within NEAR_DAYS of a year-less day of the text ("Trang Tân Hoa xã
   tối ngày 11/5/2017 đăng tải ..." beside "sáng 12-5"; an interval "từ ngày 3-8/7/2017");
   among several, the latest year (older ones are history).
2. ``dateline``: a full date with a part of day or weekday, or alone at a line start
   ("Chiều 12/8/2024", "22:00 25/06/2024"). Of 1 and 2 the latest year wins (an older one is
   history: "01/4/2021" in a biography beside "sáng 18/5/2024").
3. ``first_months``: running statistics, "5 tháng đầu năm 2017", "bốn tháng đầu năm 2017"
   (reported within that year).
4. ``anniversary``: "kỷ niệm 45 năm ... (1972-2017)": the anniversary's closing year.
5. ``tenures``: the office-holders' tenures leave one year ("Chủ tịch nước Tô Lâm": May to
   October 2024), or two of which only one holds the article's year-less days.
6. ``named_year``: a named occasion written with its year ("Năm APEC 2017", "Diễn đàn ...
   2017") — only inside a tenure window, never after a target cue ("Tầm nhìn ASEAN 2025"),
   and only when all such years in the window agree ("Olympic Tokyo 2020" beside "APEC 2017").

The tenure window (``link.carry.tenure_window`` on this one article: the dates on which every
titled person held the title given to them; former titles, "nguyên Bộ trưởng", excluded)
vetoes every candidate outside it: "ngày 22/7/1977" next to an anniversary's "22/7" is not
the year of an article naming President Trần Đại Quang. When nothing survives, the dates
stay year-less (``--05-12``): a wrong year never matches, a year-less date matches on month
and day. ``article.meta`` gets ``inferred_year`` and ``inferred_year_source``.

A year another stage or the caller already put in ``meta["inferred_year"]`` is kept.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Article
from . import dates as D

STAGE = "years"

# A full date this close (days) to a year-less day of the same text dates the article: the
# same occasion told twice ("tối ngày 11/5/2017" / "sáng 12-5"). Calibrated on the 388
# diplomatic dev articles and 3,000 trends articles with their dates removed (whole stage):
# 7 days gave 108 right / 3 wrong and 418 / 50; 15 days 107 / 4 and 429 / 55; 31 days
# 108 / 4 and 436 / 59. Anniversary texts ("30/4/1975" beside "ngày 30-4") are what the
# tenure veto removes; lottery pages repeating last year's draw are what it cannot.
NEAR_DAYS = 7

# The tenures may decide the year alone only if they leave at most this many years (the
# article's year-less days then pick one of them).
TENURE_MAX_SPAN_YEARS = 1

_Y = D._Y
_NUMBER_WORDS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười\\s+một"
_FIRST_MONTHS = re.compile(
    rf"(?<!\w)(?:\d{{1,2}}|{_NUMBER_WORDS})\s+tháng\s+đầu\s+năm\s+(?:nay\s*[,(]?\s*)?(?P<y>{_Y})(?!\d)",
    re.IGNORECASE)
# "kỷ niệm 45 năm thiết lập quan hệ ngoại giao (1972-2017)", "(ngày 7/1/1972-7/1/2017)"
_ANNIVERSARY = re.compile(
    rf"(?<!\w)[Kk]ỷ\s+niệm\s+(?P<n>\d{{1,3}})\s+năm[^()\n]{{0,150}}?\((?:ngày\s+)?(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-])?"
    rf"(?P<y1>{_Y})\s*[-–]\s*(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-])?(?P<y2>{_Y})\s*\)")
# A year right after a capitalised name ("APEC 2017", "Việt Nam - Trung Quốc 2017", "VN - TQ 2017"; the
# capital is checked in Python: "Năm 2017" alone is a bare year).
_NAMED_YEAR = re.compile(rf"(?<!\w)(?P<w>[^\W\d_]{{2,}}) (?P<y>{_Y})(?![\d/.,-]\d|\d)")
# A named year after these words is a target or a plan, not the present ("Tầm nhìn ASEAN 2025").
_TARGET_BEFORE = re.compile(r"(?:tầm\s+nhìn|đến|tới|giai\s+đoạn|kế\s+hoạch|chiến\s+lược|mục\s+tiêu|"
                            r"chương\s+trình\s+nghị\s+sự)(?:[^\w]+[^\W\d_]+){0,3}\W*$", re.IGNORECASE)
TARGET_LOOKBACK_CHARS = 40
# Capitalised words before a year that are no name ("Năm 2017", "Tháng 2017").
_NOT_NAMES = frozenset({"năm", "tháng", "ngày", "quý", "từ", "đến", "trong", "sau", "trước"})


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _full_and_yearless(hits: list) -> tuple[list[tuple[int, int, int, object]], list[tuple[int, int]]]:
    """Full (year, month, day, hit) dates and year-less (month, day) days of the hits."""
    full: list[tuple[int, int, int, object]] = []
    yearless: list[tuple[int, int]] = []
    for h in hits:
        g = h.groups
        if h.kind in ("dmy_cued", "dmy_full", "dm_words", "dm_slash"):
            if g.get("y"):
                full.append((int(g["y"]), int(g["m"]), int(g["d"]), h))
            elif not g.get("ydir"):
                yearless.append((int(g["m"]), int(g["d"])))
        elif h.kind == "interval":
            m2 = int(g.get("m2") or g.get("m2w"))
            m1 = int(g["m1"]) if g.get("m1") else m2
            y2 = g.get("y2") or g.get("y2w") or g.get("y2s")
            if y2:
                full.append((int(y2), m2, int(g["d2"]), h))
                full.append((int(g.get("y1") or y2), m1, int(g["d1"]), h))
            else:
                yearless += [(m1, int(g["d1"])), (m2, int(g["d2"]))]
    return full, yearless


def _near_days(full, yearless) -> list[date]:
    """Full dates lying within NEAR_DAYS of a year-less day of the text (in their year)."""
    out = []
    for y, m, d, _ in full:
        day = _safe(y, m, d)
        if day is None:
            continue
        for m2, d2 in yearless:
            other = _safe(y, m2, d2)
            if other is not None and abs((other - day).days) <= NEAR_DAYS:
                out.append(day)
                break
    return out


# A year-less day followed by one of these is still to come when the article is written
# ("vào ngày 8/2 tới").
_AHEAD = re.compile(r"\s+(?:sắp\s+tới|tới\s+đây|tới)(?!\w)")


def _announced(text: str, hits: list) -> list[tuple[int, int]]:
    """(month, day) of the year-less days the article is written on or before: announced as
    still to come ("ngày 8/2 tới") or named as today ("hôm nay (8/2)")."""
    return [(int(h.groups["m"]), int(h.groups["d"])) for h in hits
            if h.kind in ("dmy_cued", "dm_slash", "dm_words") and not h.groups.get("y")
            and not h.groups.get("ydir") and (h.groups.get("rel") or _AHEAD.match(text, h.end))]


def _contradicted(anchor: date, announced: list[tuple[int, int]]) -> bool:
    """In the year of ``anchor`` (the full date that gave it), a day the article is written on
    or before ("ngày 8/2 tới", "hôm nay (8/2)") would fall well before the anchor (more than
    dates.FUTURE_WINDOW_DAYS: no announcement reaches that far): the anchor is an older
    occasion ("hội kiến chiều ngày 23/11/2016" in a photo caption of an article written in
    February 2017)."""
    return any((a := _safe(anchor.year, m, d)) is not None and (anchor - a).days > D.FUTURE_WINDOW_DAYS
               for m, d in announced)


def _dateline_days(text: str, full) -> list[date]:
    """Full dates with a part of day or weekday, or alone at a line start."""
    return [day for y, m, d, h in full
            if h.kind != "interval" and (h.groups.get("part") or h.groups.get("wd")
                                         or (h.kind == "dmy_full" and D._is_dateline(text, h.start)))
            and (day := _safe(y, m, d)) is not None]


def _named_years(text: str) -> list[int]:
    out = []
    for m in _NAMED_YEAR.finditer(text):
        if not m["w"][0].isupper() or m["w"].lower() in _NOT_NAMES:
            continue
        head = text[max(0, m.start() - TARGET_LOOKBACK_CHARS):m.start()]
        if not _TARGET_BEFORE.search(head):
            out.append(int(m["y"]))
    return out


def _tenure_years(window: tuple[str, str] | None, yearless: list[tuple[int, int]]) -> list[int]:
    """The window's one year, or the one year in the window where every year-less day falls
    inside it, if any."""
    if window is None:
        return []
    lo, hi = window
    if lo[:4] == hi[:4]:
        return [int(lo[:4])]  # every titled person held the title only in that year
    if not yearless or int(hi[:4]) - int(lo[:4]) > TENURE_MAX_SPAN_YEARS:
        return []
    fits = [y for y in range(int(lo[:4]), int(hi[:4]) + 1)
            if all(_safe(y, m, d) and lo <= f"{y}-{m:02d}-{d:02d}" <= hi for m, d in yearless)]
    return fits if len(fits) == 1 else []




def tenure_window(article: Article) -> tuple[str, str] | None:
    """Dates on which every titled person of the article held the title it gives them
    (``link.carry.tenure_window`` of this one article: former and late holders, "nguyên",
    "cựu", "cố", are left out)."""
    from ..link.carry import tenure_window as story_tenure_window

    return story_tenure_window([article])


def year_evidence(article: Article) -> list[tuple[str, int]]:
    """(source, year) candidates of an article's text, strongest first (see module doc)."""
    text = article.text_clean
    full, yearless = _full_and_yearless(D.date_hits(article))
    out: list[tuple[str, int]] = []
    if full:
        # the latest of both kinds: an older one is history ("01/4/2021" in a biography
        # beside "sáng 18/5/2024")
        dated = [(day, "near") for day in _near_days(full, yearless)]
        dated += [(day, "dateline") for day in _dateline_days(text, full)]
        announced = _announced(text, D.date_hits(article)) if dated else []
        dated = [(day.year, source) for day, source in dated if not _contradicted(day, announced)]
        if dated:
            y, source = max(dated)
            out.append((source, y))
    if "tháng đầu năm" in text:
        if fm := [int(m["y"]) for m in _FIRST_MONTHS.finditer(text)]:
            out.append(("first_months", max(fm)))
    if "niệm" in text:
        if an := [int(m["y2"]) for m in _ANNIVERSARY.finditer(text)
                  if int(m["y2"]) - int(m["y1"]) == int(m["n"])]:
            out.append(("anniversary", max(an)))
    return out


def infer_article_year(article: Article) -> tuple[int | None, str]:
    """The year an undated article was written and the evidence that gave it, or (None, "")."""
    window = tenure_window(article)
    lo, hi = (int(window[0][:4]), int(window[1][:4])) if window else (None, None)

    def allowed(y: int) -> bool:
        return lo is None or lo <= y <= hi

    for source, y in year_evidence(article):
        if allowed(y):
            return y, source
    _, yearless = _full_and_yearless(D.date_hits(article))
    if ty := _tenure_years(window, yearless):
        return ty[0], "tenures"
    if window is not None:
        # all alike: "Năm APEC 2017" and "Olympic Tokyo 2020" in one text say nothing
        named = {y for y in _named_years(article.text_clean) if allowed(y)}
        if len(named) == 1:
            return named.pop(), "named_year"
    return None, ""


def resolve_year(article: Article) -> Article:
    """Pipeline stage: give an undated article's year-less dates their year (module doc)."""
    if article.published or isinstance(article.meta.get(D.YEAR_HINT_KEY), int):
        return article
    year, source = infer_article_year(article)
    if year is not None and year == article.meta.get(D.TEXT_YEAR_KEY):
        article.meta[D.YEAR_HINT_KEY] = year  # the dates already have this year
        article.meta["inferred_year_source"] = source
        return article
    if year is None and article.meta.get(D.TEXT_YEAR_KEY) is None:
        return article  # nothing was resolved with a year: the dates stand
    return D.set_year(article, year, source)
