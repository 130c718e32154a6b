"""Stage ``find_relations``: milestones and frameworks of relations between two countries.

- frameworks: "quan hệ Đối tác chiến lược toàn diện Việt - Hàn", "nâng cấp quan hệ lên đối tác
  chiến lược toàn diện tháng 12/2022" → level "Comprehensive Strategic Partnership" (English
  names and Vietnamese phrases in ``knowledge/data/relation_levels.tsv``; the longest phrase
  at a place wins). A framework phrase counts only after "quan hệ", "lên", "khuôn khổ"... in its
  sentence, and not as a description ("là một đối tác chiến lược", "với 10 nước").
- milestones: "thiết lập quan hệ ngoại giao năm 1992", "... ngày 25-3-1971",
  "kỷ niệm 30 năm thiết lập quan hệ ngoại giao trong năm 2024" (→ 1994); founding treaties
  ("ngày 18/7/1977, hai nước đã ký Hiệp ước Hữu nghị và Hợp tác"). A milestone needs its date:
  the text's own, an anniversary's, or for diplomatic relations with Vietnam the date in
  ``knowledge/data/diplomatic_relations.tsv`` for an anniversary ("kỷ niệm 45 năm thiết lập
  quan hệ ngoại giao" with Japan → 1973-09-21, also when celebrated the year after the
  article's); days written after an anniversary ("(8-11-1972 / 8-11-2017)") win over the table.
  A date after "và/đến" is another event's; a year shortly before a milestone ("năm 1975, hai
  nước đã chính thức thiết lập ...", "năm 2012 đã nâng cấp quan hệ lên ...") dates it.

The pair is the two countries named around the phrase ("Việt - Hàn", "với Trung Quốc",
"giữa Việt Nam và Liên bang Nga"), or for "hai nước" the ones named earlier in the sentence or
in the previous one; a side not named there is taken from the article's most mentioned
countries. Country mentions come from the actors stage (``article.mentions`` with
label GPE and a ``country``) when it ran, else from ``countries.tsv`` directly
(:func:`country_spans`), which :mod:`.documents` uses too. One relation per (pair, level) per
article; a dated mention is preferred.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import ahocorasick

from ..knowledge import load_table, split_list
from ..model import Article, DateSpan, Relation
from .article_words import LOWER_KEY, lowered
from .dates import (
    _CLAUSE_END,
    date_for_offset,
    find_dates,
    find_phrases,
    infer_year,
    parse_published,
    trimmed,
)

# Characters before a framework phrase in which "quan hệ"/"lên" must occur ("quan hệ láng
# giềng hữu nghị, đối tác hợp tác chiến lược toàn diện với Trung Quốc" = 27 characters).
CONTEXT_BEFORE = 40
# Characters around a phrase searched for the countries of the pair.
PAIR_BEFORE, PAIR_AFTER = 12, 45
# A date of its own follows a phrase within this many characters ("... tháng 12/2022").
DATE_AFTER = 30

# How many of an article's most mentioned countries (named more than once) may be a side named
# only earlier in the sentence (an article about a trip to Chile and Peru has two).
MAIN_COUNTRIES = 3

# The country a Vietnamese-language article speaks for when only the other side is named.
# (A default of the corpus language, not of one country pair: any pair of named countries wins.)
HOME_COUNTRY = "VNM"

_QUAN_HE = re.compile(r"(?<!\w)(?:quan\s+hệ|lên|là|xây\s+dựng|khuôn\s+khổ|tinh\s+thần)(?!\w)", re.IGNORECASE)
_UPGRADE = re.compile(r"(?<!\w)(?:nâng\s+cấp|nâng|đưa|lên)(?!\w)", re.IGNORECASE)
# "30 năm (ngày) thiết lập ...", "40 năm ngày ký (kết) Hiệp ước ..."
# An upgrade wished for or planned has no date yet ("mong muốn nâng cấp quan hệ với Việt Nam lên
# Đối tác chiến lược", "nhất trí sẽ cùng nâng cấp").
_WISH = re.compile(r"(?<!\w)(?:mong\s+muốn|sẽ|tiến\s+tới|hướng\s+tới|xem\s+xét|dự\s+kiến|có\s+thể|đề\s+nghị|"
                   r"sớm)(?!\w)", re.IGNORECASE)
# An upgrade told as part of the pair's past ("tạo tiền đề cho việc đưa quan hệ hai nước lên ...",
# "trong nhiệm kỳ của mình, hai nước đã nâng cấp ..."): not dated by the article's occasion.
_PAST_UPGRADE = re.compile(r"(?<!\w)(?:tiền\s+đề|nhiệm\s+kỳ|từng|trước\s+đây|kể\s+từ|từ\s+khi|sau\s+khi)(?!\w)",
                           re.IGNORECASE)
# "10 năm thiết lập quan hệ Đối tác Chiến lược": a framework's anniversary
_FRAMEWORK_ANNIVERSARY = re.compile(r"(?P<n>\d{1,3})\s+năm\s+(?:ngày\s+)?(?:(?:thiết|xác)\s+lập|nâng\s+cấp)"
                                    r"(?:\s+quan\s+hệ)?(?:\s+lên)?\s+$", re.IGNORECASE)
_TO_LEVEL = re.compile(r"(?<!\w)lên(?:\s+(?:tầm|mức|thành|quan\s+hệ))*\s+$", re.IGNORECASE)
# "45 năm hai nước thiết lập ..."; a length of time ("Sau hơn 30 năm kể từ khi hai nước thiết lập
# quan hệ ngoại giao, ...", "sau hơn 40 năm hai nước thiết lập ...") is no anniversary: the seeds'
# answer key leaves it out
_ANNIVERSARY = re.compile(r"(?:(?P<q>hơn|gần|trên|sau|suốt|qua)\s+)?(?P<n>\d{1,3})\s+năm\s+(?:ngày\s+)?"
                          r"(?:(?:hai\s+nước|hai\s+bên)\s+)?(?:(?:đã\s+)?chính\s+thức\s+)?(?:ký(?:\s+kết)?\s+)?$",
                          re.IGNORECASE)
# Characters before a milestone phrase searched for its anniversary ("45 năm kể từ khi hai nước ").
ANNIVERSARY_BEFORE = 40


@dataclass(frozen=True, slots=True)
class CountrySpan:
    start: int
    end: int
    iso3: str
    short: bool  # a compound-only short form ("Hàn" in "Việt - Hàn")


@cache
def _country_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for r in load_table("countries", ("iso3", "name")):
        names = {r["name"], *split_list(r.get("aliases", ""))}
        for n in names:
            for form in _tone_forms(n):
                auto.add_word(form, (len(form), r["iso3"], False))
        for s in split_list(r.get("short", "")):
            if s not in names:
                auto.add_word(s, (len(s), r["iso3"], True))
    auto.make_automaton()
    return auto


def _tone_forms(name: str) -> set[str]:
    """Old and new tone placement ("Cộng hòa"/"Cộng hoà")."""
    pairs = (("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"), ("ùy", "uỳ"),
             ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"))
    forms = {name}
    for a, b in pairs:
        forms |= {f.replace(a, b) for f in forms} | {f.replace(b, a) for f in forms}
    return forms


_COMPOUND_SEP = re.compile(r"\s*[-–]\s*")


def country_spans(text: str) -> list[CountrySpan]:
    """Country names in ``text`` (names and aliases of ``countries.tsv``, whole words, longest
    first), plus short forms inside compounds ("Việt - Hàn", "Trung-Việt", "Nga-Việt")."""
    out: list[CountrySpan] = []
    n_text = len(text)
    # iter_long: the longest name at each place, left to right, without overlaps
    for end, (n, iso3, short) in _country_automaton().iter_long(text):
        start = end - n + 1
        if (start > 0 and text[start - 1].isalnum()) or (end + 1 < n_text and text[end + 1].isalnum()):
            continue
        out.append(CountrySpan(start, end + 1, iso3, short))
    # a short form counts only when joined to another country by a dash
    keep = []
    for i, c in enumerate(out):
        if c.short:
            prev_ok = i > 0 and _COMPOUND_SEP.fullmatch(text[out[i - 1].end:c.start] or "x")
            next_ok = i + 1 < len(out) and _COMPOUND_SEP.fullmatch(text[c.end:out[i + 1].start] or "x")
            if not (prev_ok or next_ok):
                continue
        keep.append(c)
    return keep


def article_countries(article: Article) -> list[str]:
    """ISO3 codes of the countries an article is about, most mentioned first: from the actors
    stage's GPE mentions when present, else from :func:`country_spans`."""
    gpe = [m.country for m in article.mentions if m.label == "GPE" and m.country]
    codes = gpe or [c.iso3 for c in country_spans(article.text_clean)]
    return [c for c, _ in Counter(codes).most_common()]


def main_pair(article: Article, codes: list[str] | None = None) -> list[str]:
    """The two countries of the article: the home country and the most mentioned other one."""
    codes = article_countries(article) if codes is None else codes
    if HOME_COUNTRY in codes:
        others = [c for c in codes if c != HOME_COUNTRY]
        return [HOME_COUNTRY, others[0]] if others else [HOME_COUNTRY]
    return codes[:2]


def _pair_near(text: str, spans: list[CountrySpan], start: int, end: int, fallback: list[str],
               s0: int = -1, main_countries: tuple[str, ...] = ()) -> list[str] | None:
    """Countries right around the phrase; if none, the nearest ones earlier in its sentence
    ("Với Peru, ... hai nước kỷ niệm 30 năm thiết lập quan hệ ngoại giao"); if none and the
    sentence speaks of "hai nước" / "2 quốc gia", any country named earlier in it ("cám ơn đoàn
    ... Vương quốc Anh ... quan hệ đối tác chiến lược giữa 2 quốc gia"), else the main
    countries named in the previous sentence ("... quan hệ hữu nghị hợp tác với Pa-ki-xtan.
    Trong bối cảnh hai nước kỷ niệm 45 năm ..." in an article that is also about Japan)."""
    near: list[str] = []
    for c in spans:
        if start - PAIR_BEFORE <= c.start and c.end <= end + PAIR_AFTER and c.iso3 not in near:
            # stop at the sentence end
            if c.start > end and _CLAUSE_END.search(text, end, c.start):
                continue
            near.append(c.iso3)
    if not near and s0 >= 0:
        for c in reversed(spans):
            # only the article's main countries: "(APEC) tại thủ đô Lima, Peru" is a place
            if s0 <= c.start < start and c.iso3 not in near and c.iso3 in main_countries:
                near.append(c.iso3)
    if not near and s0 >= 0 and _DUAL.search(text, s0, end + PAIR_AFTER):
        near = list(dict.fromkeys(c.iso3 for c in reversed(spans)
                                  if s0 <= c.start < start and not _PLACE_BEFORE.search(text, max(0, c.start - 6), c.start)))
        if not near and s0 > 0:
            prev = _sentence_start(text, s0 - 1)
            near = list(dict.fromkeys(c.iso3 for c in reversed(spans)
                                      if prev <= c.start < s0 and c.iso3 in main_countries))
        near.sort(key=lambda c: fallback.index(c) if c in fallback else len(fallback))  # the main pair's order
    if len(near) >= 2:
        return near[:2]
    if len(near) == 1:
        other = [c for c in fallback if c != near[0]]
        if HOME_COUNTRY != near[0] and HOME_COUNTRY not in other and not other:
            other.insert(0, HOME_COUNTRY)
        return [near[0], other[0]] if other else None
    return fallback[:2] if len(fallback) >= 2 else None


# A country named as a place ("tại Davos (Thụy Sĩ)", "tại Nhật Bản") is no side of "hai nước".
_PLACE_BEFORE = re.compile(r"(?:\(|(?<!\w)(?:tại|ở))\s*$", re.IGNORECASE)
_DUAL = re.compile(r"(?<!\w)(?:hai|2)\s+(?:nước|quốc\s+gia|bên)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Phrase:
    phrase: str
    level: str
    kind: str


@cache
def _phrases() -> tuple[_Phrase, ...]:
    rows = load_table("relation_levels", required=("phrase", "level", "kind"))
    return tuple(sorted((_Phrase(r["phrase"].lower(), r["level"], r["kind"]) for r in rows),
                        key=lambda p: -len(p.phrase)))


@cache
def _by_phrase() -> dict[str, _Phrase]:
    return {p.phrase: p for p in _phrases()}


@cache
def _cues() -> tuple[str, ...]:
    """A few word sequences (two words or more) such that every phrase contains one ("toàn
    diện", "hữu nghị", ...), chosen greedily (most phrases covered, then longest). Most articles
    contain none of them, which a few substring tests tell faster than the automaton."""
    uncovered = set(_by_phrase())
    chosen: list[str] = []
    while uncovered:
        seqs = set()
        for ph in uncovered:
            bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", ph)]
            shortest = 2 if len(bounds) > 1 else 1  # one word ("tác") is too common a cue
            seqs |= {ph[a:bounds[j][1]] for i, (a, _) in enumerate(bounds)
                     for j in range(i + shortest - 1, len(bounds))}
        best = max(sorted(seqs), key=lambda q: (sum(q in ph for ph in uncovered), len(q)))
        chosen.append(best)
        uncovered = {ph for ph in uncovered if best not in ph}
    return tuple(chosen)


def _phrase_hits(text: str, low: str | None = None) -> list[tuple[int, int, _Phrase]]:
    low = text.lower() if low is None else low
    for cue in _cues():
        if cue in low:
            break
    else:
        return []  # no phrase can occur
    by_phrase = _by_phrase()
    hits = [(i, i + len(ph), by_phrase[ph]) for i, ph in find_phrases(low, tuple(by_phrase))]
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, _Phrase]] = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


# Framework words that name no framework between two countries: a plural description ("coi
# nhau là những đối tác chiến lược không thể thiếu"), a thematic partnership ("Đối tác chiến
# lược về Thích ứng với biến đổi khí hậu"), a partnership with a bloc ("Đối tác chiến lược
# ASEAN – Hoa Kỳ", "với ASEAN").
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?:những|các|một)\s+$", re.IGNORECASE)
# "quan hệ đối tác chiến lược với 10 nước": a count of partners, not one pair's framework
_COUNT_AFTER = re.compile(r"\s+với\s+(?:hơn\s+|gần\s+)?(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
                          r"(?:nước|quốc\s+gia|đối\s+tác)(?!\w)", re.IGNORECASE)
_THEMATIC_AFTER = re.compile(r"\s+về\s", re.IGNORECASE)
_BLOC_AFTER = re.compile(r"\s*(?:với\s+)?(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[-–]\s*)?(?:ASEAN|EU|Liên\s+minh\s+châu\s+Âu)(?!\w)")


def _not_a_framework(text: str, start: int, end: int) -> bool:
    return bool(_PLURAL_BEFORE.search(text, max(0, start - 8), start) or _THEMATIC_AFTER.match(text, end)
                or _BLOC_AFTER.match(text, end) or _COUNT_AFTER.match(text, end))


def _sentence_start(text: str, offset: int) -> int:
    start = 0
    for m in _CLAUSE_END.finditer(text, max(0, offset - 600), offset):
        start = m.end()
    return start


# Words between a phrase and a later date that make the date another event's ("thiết lập quan
# hệ ngoại giao và đến năm 2011, ... trở thành đối tác chiến lược", "... toàn diện đến năm 2030").
_GAP_BREAK = re.compile(r"(?<!\w)(?:và|đến|tới)(?!\w)", re.IGNORECASE)


def _date_after(dates: list[DateSpan], text: str, end: int) -> DateSpan | None:
    for d in dates:
        if end <= d.start <= end + DATE_AFTER and d.value and not _CLAUSE_END.search(text, end, d.start) \
                and d.attrs.get("explicit_year") and d.attrs.get("cue") != "comparison":
            return None if _GAP_BREAK.search(text, end, d.start) else d
    return None


# A date written shortly before a milestone in its sentence is its date ("năm 1975, hai nước đã
# chính thức thiết lập quan hệ ngoại giao"; "Việt Nam và Nga năm 2012 đã nâng cấp quan hệ lên ...";
# "năm 2013, Chủ tịch nước Trương Tấn Sang và Tổng thống Barack Obama xác lập Quan hệ Đối tác
# Toàn diện" = 79 characters), unless a word between makes it the date of something else.
DATE_BEFORE = 90
_BEFORE_BREAK = re.compile(r"(?<!\w)(?:kỷ\s+niệm|kể\s+từ|từ\s+khi|sau\s+khi|đến\s+nay|hướng\s+tới|so\s+với|"
                           r"trước\s+đó|sau\s+đó)(?!\w)", re.IGNORECASE)
# Verbs that set a framework up ("xác lập quan hệ Đối tác Toàn diện", "Ngày 1-3-2001, Việt Nam và Nga
# ký Tuyên bố chung về quan hệ Đối tác chiến lược"): only then does a date
# before a framework phrase date it.
_SET_UP = re.compile(r"(?<!\w)(?:thiết\s+lập|xác\s+lập|nâng\s+cấp|nâng\s+lên|trở\s+thành|đưa\s+quan\s+hệ|ký)(?!\w)",
                     re.IGNORECASE)


def _date_before(dates: list[DateSpan], text: str, s0: int, start: int) -> DateSpan | None:
    best = None
    for d in dates:
        if s0 <= d.start and d.end <= start and d.value and d.attrs.get("explicit_year") \
                and d.attrs.get("cue") != "comparison":
            best = d
    if best is None or start - best.end > DATE_BEFORE or _BEFORE_BREAK.search(text, best.end, start):
        return None
    return best


def _date_in_sentence(dates: list[DateSpan], s0: int, end: int) -> DateSpan | None:
    best = None
    for d in dates:
        if s0 <= d.start < end and d.value and d.attrs.get("explicit_year") and d.precision == "day":
            best = d
    return best


def _as_date_year(d: DateSpan | None, years: int | None = None) -> tuple[str | None, int | None]:
    """A milestone's date or year from a date span. An interval is no milestone's date ("Chương
    trình ... Đối tác chiến lược giai đoạn 2014-2018"), except one spanning the ``years`` of an
    anniversary: its start ("10 năm thiết lập quan hệ Đối tác Chiến lược (ngày 6/7/2007-6/7/2017)")."""
    if d is None or not d.value or not d.value[:4].isdigit():
        return None, None
    value = d.value
    if "/" in value:
        first, last = value.split("/", 1)
        if years is None or not last[:4].isdigit() or int(last[:4]) - int(first[:4]) != years:
            return None, None
        value = first
    if d.precision == "year" or len(value) == 4:
        return None, int(value[:4])
    return value, None


def _origin_after(dates: list[DateSpan], text: str, end: int, years: int) -> str | None:
    """The first day of an anniversary of ``years`` written right after its phrase: "(24/6/1967
    - 24/6/2017)", "(8-11-1972 / 8-11-2017)" (two dates ``years`` apart), "(ngày 6/7/2007-6/7/2017)"."""
    first = _date_after(dates, text, end)
    if first is None or not first.value or not first.value[:4].isdigit():
        return None
    if "/" in first.value:
        date, year = _as_date_year(first, years)
        return date or (str(year) if year else None)
    for d in dates:
        if first.end <= d.start <= first.end + 6 and d.value and d.value[:4].isdigit() \
                and int(d.value[:4]) - int(first.value[:4]) == years:
            return first.value
    return None


def _years_of_anniversary(text: str, s0: int, start: int) -> int | None:
    m = _ANNIVERSARY.search(text[max(s0, start - ANNIVERSARY_BEFORE):start])
    return int(m["n"]) if m and not m["q"] else None


def relations_of(article: Article, dates: list[DateSpan] | None = None) -> list[Relation]:
    """Relations of ``article`` (see module doc), one per (pair, level)."""
    text = article.text_clean
    hits = _phrase_hits(text, lowered(article))
    if not hits:
        return []
    if dates is None:
        dates = article.dates or find_dates(text, article.published)
    spans = country_spans(text)
    counts = Counter([m.country for m in article.mentions if m.label == "GPE" and m.country]
                     or [c.iso3 for c in spans]).most_common()
    ranked = [c for c, _ in counts]
    recurring = tuple(c for c, n in counts[:MAIN_COUNTRIES] if n > 1)
    pair_default = main_pair(article, ranked)
    out: dict[tuple[tuple[str, ...], str], Relation] = {}
    # (pair, level) -> its kind, whether its date is written with its phrase, its sentence start
    kinds: dict[tuple[tuple[str, ...], str], tuple[str, bool, int]] = {}
    last_end = 0
    # sentence start -> the year its anniversaries are celebrated in, when only the table says it
    celebrated: dict[int, int] = {}
    for start, end, p in hits:
        prev_hit_end, last_end = last_end, end  # the end of the phrase before this one
        s0 = _sentence_start(text, start)
        date: str | None = None
        year: int | None = None
        if p.kind == "framework":
            before = text[max(s0, start - CONTEXT_BEFORE):start]
            if not _QUAN_HE.search(before) or _not_a_framework(text, start, end):
                continue
            if _TO_LEVEL.search(before) and _WISH.search(text, s0, start):
                continue  # "mong muốn nâng cấp quan hệ ... lên Đối tác chiến lược": not (yet) the level
            fm = _FRAMEWORK_ANNIVERSARY.search(text, max(s0, start - ANNIVERSARY_BEFORE), start)
            date, year = _as_date_year(_date_after(dates, text, end), int(fm["n"]) if fm else None)
            if date is None and year is None and _SET_UP.search(text, s0, start) and not _WISH.search(text, s0, start) \
                    and prev_hit_end <= s0:  # ("thiết lập quan hệ ngoại giao vào năm 1950, quan hệ hữu nghị ...")
                date, year = _as_date_year(_date_before(dates, text, s0, start))
            own_date = date is not None or year is not None
            anniversary = origin = False
            if date is None and year is None and _UPGRADE.search(before) and re.search(
                    r"nâng\s+cấp|nâng\s+lên|đưa\s+quan\s+hệ", text[s0:start], re.IGNORECASE) \
                    and not _WISH.search(text, s0, start) and not _PAST_UPGRADE.search(text, s0, start):
                d = date_for_offset(article, start, precisions=("day", "month"))
                date = d.value if d is not None and d.value and d.value[:1] != "-" else None
        elif p.kind == "in_force":  # "Hiệp định thương mại tự do (FTA) chính thức có hiệu lực từ ngày 1-1-2014"
            own_date, anniversary, origin = True, False, False
            date, year = _in_force_date(text, dates, s0, end)
            if date is None and year is None:
                continue
        else:  # established: only with its date ("Hơn 70 năm qua, kể từ khi ..." says none)
            own_date = True
            years = _years_of_anniversary(text, s0, start)
            year = _from_anniversary(article, text, dates, s0, start, end)
            anniversary = years is not None
            origin = _origin_after(dates, text, end, years) if years else None
            if years and year is None and s0 in celebrated:  # "... 55 năm Ngày thiết lập quan hệ ngoại
                year = celebrated[s0] - years                  # giao và 40 năm Ngày ký Hiệp ước ..."
            if not anniversary:  # (an anniversary's year: the sentence's date is not it)
                date, year = _as_date_year(_date_after(dates, text, end) or _date_before(dates, text, s0, start)
                                           or _date_in_sentence(dates, s0, start))
        pair = _pair_near(text, spans, start, end, pair_default, s0, recurring)
        if not pair or len(set(pair)) < 2:
            continue
        if origin:  # "kỷ niệm 45 năm thiết lập quan hệ ngoại giao (8-11-1972 / 8-11-2017)"
            date, year = (origin, None) if len(origin) > 4 else (None, int(origin))
        elif p.kind == "established" and p.level == ESTABLISHED_LEVEL and anniversary:
            # "kỷ niệm 45 năm thiết lập ...": counted from the article's year, the year is one
            # off when the anniversary is celebrated the year after, and unknown without it.
            # (A mention without a number, "kể từ khi hai nước thiết lập quan hệ ngoại giao",
            # is no milestone: the seeds' answer key leaves those out.)
            known = _established_on(pair)
            if known is not None:
                if years:  # the year this sentence celebrates, for the other anniversaries in it
                    celebrated.setdefault(s0, int(known[:4]) + years)
                if (tuple(sorted(pair)), p.level) in out:
                    continue  # a date the text gives wins over the table's
                date, year = known, None
        if date is None and year is None and p.kind == "established":
            continue
        key = (tuple(sorted(pair)), p.level)
        rel = Relation(pair=list(pair), level=p.level,
                       evidence=article.evidence(*trimmed(text, *_evidence_bounds(text, s0, start, end))),
                       date=date, year=year)
        kept = out.get(key)
        if kept is None or _precision(rel) > _precision(kept):
            out[key] = rel
            kinds[key] = (p.kind, own_date, _full_sentence_start(text, start))
    return [r for k, r in out.items() if not _subsumed(k, kinds)]


def _subsumed(key: tuple[tuple[str, ...], str], kinds: dict[tuple[tuple[str, ...], str], tuple[str, bool, int]]) -> bool:
    """A framework whose name is part of another framework's name for the same pair, without a
    date of its own ("nâng cấp quan hệ đối tác chiến lược ... lên một tầm cao mới" in an article
    that names the Comprehensive Strategic Cooperative Partnership with China): a loose
    mention of that relation, not a level of its own. Two levels in one sentence are kept: an
    upgrade from one to the other, or two pairs ("Đối tác Chiến lược Việt Nam - Singapore; ...
    Đối tác Chiến lược toàn diện" with Japan)."""
    kind, own_date, sentence = kinds[key]
    if kind != "framework" or own_date:
        return False
    return any(k != key and k[0] == key[0] and k_kind == "framework" and k_sentence != sentence
               and _words_within(key[1], k[1]) for k, (k_kind, _, k_sentence) in kinds.items())


_FULL_STOP = re.compile(r"[.!?…](?=\s)|\n")


def _full_sentence_start(text: str, offset: int) -> int:
    """Start of the sentence around ``offset`` ended by a full stop (a ";" does not end it)."""
    start = 0
    for m in _FULL_STOP.finditer(text, max(0, offset - 600), offset):
        start = m.end()
    return start


def _words_within(short: str, long: str) -> bool:
    """The words of ``short`` occur in ``long`` in order ("Strategic Partnership" within
    "Comprehensive Strategic Cooperative Partnership")."""
    rest = iter(long.lower().split())
    return all(w in rest for w in short.lower().split())


ESTABLISHED_LEVEL = "diplomatic relations established"

# "có hiệu lực" starts within this many characters after an agreement's name ("(FTA) chính
# thức có hiệu lực": 17; " Việt Nam - Chile (FTA) chính thức có hiệu lực": 35).
IN_FORCE_GAP = 40
_IN_FORCE = re.compile(r"(?<!\w)có\s+hiệu\s+lực(?!\w)", re.IGNORECASE)
# An agreement of a bloc is no relation between two countries ("Hiệp định Thương mại tự do
# Việt Nam - Liên minh Kinh tế Á - Âu", "ASEAN - Trung Quốc (ACFTA)", "Việt Nam - EU").
_BLOC = re.compile(r"(?<!\w)(?:liên\s+minh|EU|ASEAN|châu\s+Âu|TPP|CPTPP|RCEP|EAEU|đa\s+phương|khu\s+vực)(?!\w)",
                   re.IGNORECASE)


def _in_force_date(text: str, dates: list[DateSpan], s0: int, end: int) -> tuple[str | None, int | None]:
    """The date an agreement named at ``end`` came into force, written after "có hiệu lực"
    in its sentence; (None, None) without one, or for a bloc's agreement."""
    stop = _CLAUSE_END.search(text, end)
    m = _IN_FORCE.search(text, end, stop.start() if stop else len(text))
    if m is None or m.start() - end > IN_FORCE_GAP or _BLOC.search(text, s0, m.start()):
        return None, None
    return _as_date_year(_date_after(dates, text, m.end()))


@cache
def _established() -> dict[str, str]:
    """ISO3 -> the date Vietnam established diplomatic relations with that country."""
    rows = load_table("diplomatic_relations", required=("country", "established"))
    return {r["country"]: r["established"] for r in rows}


def _established_on(pair: list[str]) -> str | None:
    if HOME_COUNTRY not in pair:
        return None
    other = [c for c in pair if c != HOME_COUNTRY]
    return _established().get(other[0]) if len(other) == 1 else None


def _precision(rel: Relation) -> int:
    """A full date beats a month, a month a year, a year nothing."""
    if rel.date:
        return 3 if len(rel.date) >= 10 else 2
    return 1 if rel.year else 0


def _evidence_bounds(text: str, s0: int, start: int, end: int) -> tuple[int, int]:
    m = _CLAUSE_END.search(text, end)
    return s0, (m.start() if m else len(text))


def _from_anniversary(article: Article, text: str, dates: list[DateSpan], s0: int, start: int,
                      end: int) -> int | None:
    """"kỷ niệm 30 năm (ngày) thiết lập ... (trong|vào) năm 2024" → 1994; without the year
    of the anniversary, the publication (or text-evidenced) year is used."""
    m = _ANNIVERSARY.search(text[max(s0, start - ANNIVERSARY_BEFORE):start])
    if not m or m["q"]:
        return None
    n = int(m["n"])
    sentence_end = _CLAUSE_END.search(text, end)
    stop = sentence_end.start() if sentence_end else len(text)
    for d in dates:
        if end <= d.start < stop and d.precision == "year" and d.value and d.value.isdigit():
            return int(d.value) - n
    # "Ngày 1/7/2017, ... kỷ niệm 55 năm Ngày thiết lập ...": the sentence's own year
    for d in reversed(dates):
        if s0 <= d.start < start and d.attrs.get("explicit_year") and d.value and d.value[:4].isdigit():
            return int(d.value[:4]) - n
    pub = parse_published(article.published)
    ref = pub.year if pub else infer_year(article)
    return ref - n if ref else None


def find_relations(article: Article) -> Article:
    """Pipeline stage: fill ``article.relations``."""
    article.relations = relations_of(article)
    article.meta.pop(LOWER_KEY, None)  # the last stage reading the lowered text: not kept
    return article
