"""Stage ``find_quantities``: money and counts with their unit, year, qualifier and kind.

A figure is a number (Vietnamese format: ``1.000`` = one thousand, ``1,5`` = one and a half;
``2.3`` with one or two digits after the dot is read as a decimal) or a spelled-out small
number for a few count units ("hai dự án", "sáu văn kiện"), an optional scale
(nghìn/ngàn/triệu/tỷ/tỉ) and a unit from ``knowledge/data/units.tsv``. Bare numbers, dates,
ranks ("thứ 23/116"), ordinals and durations ("30 năm") have no unit and are not figures.

- ``approx``: the qualifier right before the number ("khoảng" about, "gần" nearly,
  "hơn"/"trên" over, "dưới" under; in a chain "khoảng hơn" the last word wins).
- ``kind``: ``change`` after tăng/giảm/gấp; ``target`` after mục tiêu/phấn đấu/cam kết..., or
  right after lên/nâng/đạt when the figure's year is not past, or shortly after a forecast or
  wish ("có thể tăng lên", "mong muốn mua"); ``amount`` with viện trợ/tài trợ/ODA/tặng...;
  otherwise ``statistic``.
- ``year``: a year written right after the figure ("2,7 tỉ USD năm 2016", "vào năm 2030",
  "(năm 2009)", "trong 5 tháng đầu năm 2017"), else the last year before it in its sentence
  that is not a comparison ("so với năm 2015"), else a "Năm 2024, ..." heading its
  paragraph; else, for figures that are not targets, the article's present year (see
  :func:`present_year`) in a dated article or one whose year the text evidences, unless a
  sentence heading another year frames the figure; targets without a year, rates per year
  ("9-12% năm") and "từng" (ever) figures keep ``None``.
- ``about``: an English label from cue words before the number (``quantity_cues.tsv``), else
  right after a sum's unit, else (a sentence with no subject) the previous sentence's, else
  the Vietnamese words after the unit.

Cue words and units are data; the code only says where to look for them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import ahocorasick

from ..knowledge import load_table, split_list
from ..model import Article, DateSpan, Quantity
from .article_words import ascii_digit_runs, digit_runs
from .dates import find_dates, find_phrases, infer_year, parse_published, trimmed

# How far before a number its qualifier and change verb may sit ("tiếp tục tăng 30%",
# "giảm từ 9-12%", "đạt gần 1,3 tỉ"): characters looked back. Calibrated on seeds and dev.
PRE_WINDOW = 24
# How far after the unit a year may follow and still be the figure's own year
# ("1,37 tỉ USD trong 5 tháng đầu năm 2017").
POST_YEAR_WINDOW = 36
# An undated article's latest past/present year counts as its "now" only when written this
# often (22637044 names 2017 five times; an article naming only "năm 1977" is not from 1977).
PRESENT_YEAR_MIN_MENTIONS = 2
# How far before a number a forecast, plan or wish ("có thể tăng lên", "mong muốn mua", "sẽ cung
# cấp") may stand and still govern it ("sẽ cung cấp cho Bangladesh số lượng gạo các loại lên đến"
# = 46 characters): characters looked back.
FORECAST_WINDOW = 2 * PRE_WINDOW
# Words after the unit kept as the Vietnamese ``about`` when no cue word names it.
ABOUT_WORDS = 5

# A number: "1.000" (thousands), "1,5", "2.3" (one or two decimals after a dot) or digits,
# optionally a range "5 - 7". Every branch starts with one digit, so a number is only tried at
# the text's digits (see _numbers); [0-9] and [ \t\n\r\f\v] because news digits and spaces
# inside a figure are ASCII (as re.ASCII would read \d and \s). The "not glued to a word or
# number on the left" test is done in code. The branches with a "." or "," are tried only when
# the digits are followed by one (the lookahead: a necessary condition of each of them), so a
# plain "2024" goes to the last branch without backtracking through the others.
# The most digits before the first dot of a thousands-grouped number ("100.000"; see _numbers).
THOUSANDS_LEAD = 3
_DIGITS_N = (rf"[0-9](?:(?=[0-9]*[.,])(?:[0-9]{{0,{THOUSANDS_LEAD - 1}}}(?:\.[0-9]{{3}})+(?:,[0-9]+)?|[0-9]*,[0-9]+"
             r"|[0-9]*\.[0-9]{1,2}(?![0-9.]))|[0-9]*)")
_DIGITS_N2 = r"[0-9](?:(?=[0-9]*[.,])(?:[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]*,[0-9]+)|[0-9]*)"
_NUMBER_PATTERN = (rf"(?P<n>{_DIGITS_N})(?:[ \t\n\r\f\v]*[-–][ \t\n\r\f\v]*(?P<n2>{_DIGITS_N2}))?"
                   r"(?![0-9/:]|[.,][0-9])")
_POST_YEAR = re.compile(
    r"\s*\(?\s*(?:vào|trong|tính\s+đến|đến\s+hết|của|cho)?\s*(?:\S+\s+tháng\s+|quý\s+\w+\s*/\s*)?"
    r"(?:đầu\s+|cuối\s+|giữa\s+)?(?:năm\s+|/)?(?P<y>(?:19|20)\d\d)(?!\d)")
_PER_YEAR = re.compile(r"\s+(?:mỗi\s+)?năm(?!\s*\d)(?!\w)")
# "Năm 2024, ...", also after a short lead-in clause ("Theo thống kê của Việt Nam, năm 2016, ...")
_YEAR_OPENING = re.compile(r"\s*(?:[^\W\d][^,.;:!?\n\d]{0,40},\s*)?(?:[Tt]rong\s+)?[Nn]ăm\s+(?P<y>(?:19|20)\d\d)\s*,")
# Clause ends: ".!?;…" before a space, or a line break (the same ends as dates._CLAUSE_END);
# full stops (sentence ends) are those that are not ";". Written to start with a character class so the
# regex engine skips straight to candidates.
_CLAUSE_END = re.compile(r"[.!?;…\n](?:(?<=\n)|(?=\s))")
_FULL_STOP = re.compile(r"[.!?…\n](?:(?<=\n)|(?=\s))")
# "... hiện đang ở mức 500 triệu USD": the level now, even in a sentence about a target
_PRESENT_LEVEL = re.compile(r"(?<!\w)hiện(?:\s+(?:nay|đang|tại))?\s+(?:ở\s+mức|là|đạt|có)"
                            r"(?:\s+(?:khoảng|gần|hơn|trên|xấp\s+xỉ|chừng))*\s+$", re.IGNORECASE)
# A raise verb governs the figure only right before it ("nâng kim ngạch ... lên (mức) 10 tỷ USD");
# "nâng cấp quan hệ ... lên Đối tác chiến lược, đồng thời nhấn mạnh cộng đồng hơn 200.000 người"
# raises something else.
_VERB_AT_FIGURE = re.compile(r"(?<!\w)(?:lên|nâng|đạt)(?:\s+(?:mức|con\s+số|tới|đến|từ|khoảng|gần|hơn|trên|"
                             r"xấp\s+xỉ|chừng|ngưỡng|mốc|vượt|được))*\s*$", re.IGNORECASE)
_COMPARISON = re.compile(r"(?:so\s+với|từ)(?:\s+cùng\s+kỳ)?\s*$")
_CHANGE_FROM = re.compile(r"(?:^|[\s(])(?:tăng|giảm)\s+(?:từ|thêm)\s*$", re.IGNORECASE)
# The documents stage (run before) finds spelled_phrases() in the same pass as its cue words
# and leaves (len(text), hits) under this key of article.meta.
SPELLED_HITS_KEY = "_spelled_phrase_hits"
_SPELLED = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


def _first_words(n: int) -> re.Pattern[str]:
    r"""The first ``n`` words (runs of letters, as ``findall(r"[^\W\d_]+")[:n]`` gives them) in
    one match: nested optional groups, so the scan stops after the n-th word."""
    rest = ""
    for _ in range(n - 1):
        rest = rf"(?:[\W\d_]+([^\W\d_]+){rest})?"
    return re.compile(rf"[\W\d_]*([^\W\d_]+){rest}")


_ABOUT_TAIL = _first_words(ABOUT_WORDS)


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
    figure_re: re.Pattern[str]  # numbers, group "unit" set when a (scale and) unit follows
    spelled_re: re.Pattern[str]  # a unit that takes spelled numbers, after a space (any case)
    per: dict[str, str]  # denominators after a slash, Vietnamese → unit name
    approx: dict[str, str]
    approx_longest_first: tuple[str, ...]
    approx_re: re.Pattern[str]
    cues: dict[str, tuple[str, ...]]  # role -> cue words
    anywhere: dict[str, re.Pattern[str]]  # role -> its cue words anywhere, as whole words
    change_end_re: re.Pattern[str]  # a change verb ends the text
    ratio_end_re: re.Pattern[str]  # a change verb or qualifier ends the text ("gấp 5 lần")
    continuation_re: re.Pattern[str]  # a continuation cue starts the text
    hien_re: re.Pattern[str]
    target_not_re: re.Pattern[str]  # phrases whose target cue words do not make a target
    not_res: dict[str, re.Pattern[str]]  # role -> phrases whose cue words are not of it ("vốn đăng ký")
    about: tuple[tuple[str, str, frozenset[str]], ...]  # (lower-case cue, label, the only units it names or {})
    # lower-case about cues and first words of the other cues -> (length, roles, about rank or -1)
    cue_automaton: ahocorasick.Automaton
    cue_fold_re: re.Pattern[str]  # letters case-blind regexes take for cue letters beyond lower()


def _words_alt(words) -> str:
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))


def _trie_alt(words, char: Callable[[str], str] = re.escape) -> str:
    r"""The alternation of :func:`_words_alt` factored by common prefixes ("đô la", "đô la mỹ",
    "đồng" → ``đ(?:ô\s+la(?:\s+mỹ)?|ồng)``), so the regex engine tries a few first letters
    instead of every word. A longer word is still tried before its prefix, so it matches what
    the plain alternation matches. ``char``: the regex of one character (see
    :func:`_case_blind_classes`)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in " ".join(w.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def alt(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else char(ch)) + alt(node[ch]) for ch in node if ch]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
        return group + ("?" if "" in node else "")

    return alt(tree)


def _case_blind_classes(words) -> dict[str, str]:
    """For each character of ``words``, a case-sensitive regex of the characters that the
    regex engine's case-blind matching takes for it ("u" → ``[Uu]``, "k" → ``[Kk\u212a]``),
    found by the engine itself over the Basic Multilingual Plane (see
    :func:`regex_fold_extras`). A trie written with these classes matches what the same trie
    matches case-blind, but each alternative then starts with a character class, which the
    engine tests before entering the alternative (it enters every case-blind one): the unit
    lookahead runs after every number of every article."""
    chars = sorted({c for w in words for c in " ".join(w.split()) if c != " "})
    plane = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    taken = set(re.findall(f"[{''.join(map(re.escape, chars))}]", plane, re.IGNORECASE))
    out = {}
    for c in chars:
        same = sorted(t for t in taken if re.fullmatch(re.escape(c), t, re.IGNORECASE))
        out[c] = re.escape(c) if same == [c] else f"[{''.join(map(re.escape, same))}]"
    return out


def _two_letters(words) -> str:
    """A lookahead on the first two characters of ``words`` (any case): a cheap first test
    before their alternation."""
    firsts = {w[0] for w in words}
    seconds = {(r"\s" if w[1] == " " else re.escape(w[1])) for w in words if len(w) > 1}
    if len(seconds) < len(words):  # a one-letter word: only its first letter can be tested
        return rf"(?=(?i:[{''.join(map(re.escape, sorted(firsts)))}]))"
    return rf"(?=(?i:[{''.join(map(re.escape, sorted(firsts)))}][{''.join(sorted(seconds))}]))"


def _behind_space(words) -> str:
    """Right after a space: one of ``words`` (any case) before it (one fixed-width lookbehind
    per word, as lookbehinds must be)."""
    return "(?:" + "|".join(rf"(?<=(?i:{re.escape(w)}) )" for w in words) + ")"


def _word_re(words, where: str) -> re.Pattern[str]:
    """``any`` (anywhere as whole words), ``end`` (last words of the text, after a space or an
    opening parenthesis: "(tăng 51% so với ...)"), ``start`` (first words); never matches when
    ``words`` is empty."""
    alt = _words_alt(words) or r"(?!x)x"
    pattern = {"any": rf"(?<!\w)(?:{alt})(?!\w)", "end": rf"(?:^|[\s(])(?:{alt})\s*$",
               "start": rf"\s*(?:{alt})(?!\w)"}[where]
    return re.compile(pattern, re.IGNORECASE)


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
    cue_lists: dict[str, list[str]] = {}
    about_list: list[tuple[str, str, frozenset[str]]] = []
    for row in load_table("quantity_cues", required=("cue", "role")):
        if row["role"] == "approx":
            approx[row["cue"]] = row["value"]
        elif row["role"] == "about":
            about_list.append((row["cue"].lower(), row["value"], frozenset(split_list(row.get("units") or ""))))
        else:
            cue_lists.setdefault(row["role"], []).append(row["cue"])
    cues = {k: tuple(v) for k, v in cue_lists.items()}
    about = tuple(sorted(about_list, key=lambda c: -len(c[0])))
    unit_words = [k for k in units if k != "%"]
    cue_words = {**cues, "approx": tuple(approx), "hiện": ("hiện",), "change_from": ("tăng", "giảm")}
    cue_automaton, cue_fold_extras = _cue_automaton(cue_words, about)
    cue_fold_re = re.compile("|".join(map(re.escape, cue_fold_extras)) or r"(?!x)x")
    spelled_units = [u.word.lower() for u in units.values() if u.spelled]
    folded = _case_blind_classes([*scales, *unit_words])
    return _Knowledge(
        scales=scales,
        scale_re=re.compile(rf"\s*(?P<scale>{_words_alt(scales)})(?!\w)", re.IGNORECASE),
        units=units,
        unit_re=re.compile(rf"\s*(?P<unit>%|(?:{_words_alt(unit_words)})(?!\w))"
                           r"(?:/(?P<per>[^\W\d_]+)(?!\w))?", re.IGNORECASE),
        # every number as _NUMBER_PATTERN reads it (so the scan goes on exactly where a scan of
        # numbers does: "10-20-30 người" is "10-20", then "30 người"), group "unit" set when
        # scale_re then unit_re would match after it (the scale is taken when there is one,
        # atomic: no unit is looked for in its place)
        figure_re=re.compile(rf"{_NUMBER_PATTERN}(?=(?P<unit>(?>(?:\s*(?:{_trie_alt(scales, folded.get)})(?!\w))?)"
                             rf"\s*(?:%|(?:{_trie_alt(unit_words, folded.get)})(?!\w)))|)"),
        # spelled phrases are found in the lower-cased text; a spelled number, a space and a unit
        # in any case is a cheaper necessary test (the space anchors the regex scan; the rarer
        # unit is tested before the number word behind it)
        spelled_re=re.compile(rf" {_two_letters(spelled_units)}(?=(?i:{_words_alt(spelled_units)})(?!\w))"
                              rf"{_behind_space(_SPELLED)}"),
        per=per,
        approx=approx,
        approx_longest_first=tuple(sorted(approx, key=len, reverse=True)),
        approx_re=re.compile(rf"(?:(?<=[\s(])|^)(?P<chain>(?:(?:{_words_alt(approx)})\s+)+)(?:là\s+)?$",
                             re.IGNORECASE),
        cues=cues,
        anywhere={role: _word_re(words, "any") for role, words in cues.items()},
        change_end_re=_word_re(cues.get("change", ()), "end"),
        ratio_end_re=_word_re(cues.get("change", ()) + tuple(approx), "end"),
        continuation_re=_word_re(cues.get("continuation", ()), "start"),
        hien_re=_word_re(("hiện",), "any"),
        target_not_re=_word_re(cues.get("target_not", ()), "any"),
        not_res={role[:-4]: _word_re(words, "any") for role, words in cues.items() if role.endswith("_not")},
        about=about,
        cue_automaton=cue_automaton,
        cue_fold_re=cue_fold_re,
    )


def _cue_automaton(cue_words: dict[str, tuple[str, ...]], about: tuple[tuple[str, str, frozenset[str]], ...]
                   ) -> tuple[ahocorasick.Automaton, tuple[str, ...]]:
    """One automaton for the clause before a figure: the lower-cased first words of each role's
    cues ("hiện có" → "hiện") and the about cues (as :func:`_about` compares them); and the
    letters that the regex engine's case-blind matching also takes for the cue letters
    (Python's ``re`` folds "ı" with "i" and "ſ" with "s", which lower() keeps apart)."""
    roles: dict[str, set[str]] = {}
    for role, words in cue_words.items():
        for w in words:
            roles.setdefault(w.split()[0].lower(), set()).add(role)
    ranks: dict[str, int] = {}
    for rank, (cue, *_) in enumerate(about):
        ranks.setdefault(cue, rank)  # a repeated cue keeps its first rank
    auto = ahocorasick.Automaton()
    for key in roles.keys() | ranks.keys():
        auto.add_word(key, (len(key), tuple(sorted(roles.get(key, ()))), ranks.get(key, -1)))
    auto.make_automaton()
    return auto, regex_fold_extras(frozenset(c for first in roles for c in first))


def regex_fold_extras(letters: frozenset[str]) -> tuple[str, ...]:
    """The characters that the regex engine's case-blind matching takes for one of ``letters``
    although lower() maps them elsewhere ("ı" and "İ" ~ "i", "ſ" ~ "s"). Found by the engine
    itself, one case-blind scan of every character of the Basic Multilingual Plane (a few ms,
    once): no character beyond it folds with a letter of a script written in the news."""
    if not letters:
        return ()
    plane = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    taken = set(re.findall(f"[{''.join(map(re.escape, sorted(letters)))}]", plane, re.IGNORECASE))
    return tuple(sorted(c for c in taken if c.lower() not in letters))


# The last clause end / full stop in text[pos:endpos] that has a character after it: ".*"
# jumps to the end and backtracks, so the cost is the distance to the match, not to pos.
_LAST_CLAUSE_END = re.compile(rf"(?s:.*){_CLAUSE_END.pattern}(?=(?s:.))")
_LAST_FULL_STOP = re.compile(rf"(?s:.*){_FULL_STOP.pattern}(?=(?s:.))")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_NEXT_WORD = re.compile(r"\s*(\w+)")
_ABOUT_STOP = re.compile(r"[,;()0-9]")
_NEVER = re.compile(r"(?!x)x")


def _number(s: str) -> float:
    if _THOUSANDS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


def _has_cue(text: str, role: str) -> bool:
    """A cue word of ``role`` anywhere in ``text`` (whole words, any case)."""
    return _knowledge().anywhere.get(role, _NEVER).search(text) is not None


def _is_present(text: str, present_at: list[int] | None = None, hien_at: list[int] | None = None) -> bool:
    """Says the figure is current: a present cue ("hiện có", "đến nay") or the word "hiện"
    standing alone (not inside "thực hiện", "thể hiện", "hiện đại"...). ``present_at``,
    ``hien_at``: the offsets where a present cue or "hiện" may start, when known (see
    :func:`_cue_offsets`)."""
    k = _knowledge()
    if _cue_in(text, "present", present_at):
        return True
    if hien_at is None:
        hien: Iterable[re.Match[str] | None] = k.hien_re.finditer(text)
    else:  # (the first one that stands alone decides: the order does not matter)
        hien = (k.hien_re.match(text, q) for q in hien_at)
    for m in hien:
        if m is None:
            continue
        before = text[max(0, m.start() - 8):m.start()].split()
        after = text[m.end():m.end() + 10].split()
        if (before and before[-1].lower() in k.cues.get("present_not_after", ())) or (
                after and after[0].lower() in k.cues.get("present_not_before", ())):
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


def _figures(text: str, dates_of: Callable[[], list[DateSpan]],
             spelled: list[tuple[int, str]] | None = None, runs: list[tuple[int, int]] | None = None
             ) -> list[_Figure]:
    """Figures in text order. ``dates_of`` gives the article's dates; asked for only when a
    number with a unit needs the "inside a date" test. ``spelled``: the whole-word hits of
    :func:`spelled_phrases` in ``text.lower()`` when known, else they are found here.
    ``runs``: the text's runs of ASCII digits (``article_words.ascii_digit_runs``) when known."""
    k = _knowledge()
    out: list[_Figure] = []
    spans: list[tuple[int, int]] | None = None
    starts: list[int] = []
    for m in _numbers(k.figure_re, text, ascii_digit_runs(text) if runs is None else runs):
        if m["unit"] is None:  # most numbers have no unit: parse only figures
            continue
        start = m.start()
        left = text[start - 1] if start else " "
        if left.isalnum() or left in "_.,/:":
            continue
        if spans is None:
            spans = sorted((d.start, d.end) for d in dates_of())
            starts = [s for s, _ in spans]
        i = bisect.bisect_right(starts, start)
        if i and spans[i - 1][1] > start:  # inside a date ("21/11", "năm 2030")
            continue
        pos = m.end()
        sm = k.scale_re.match(text, pos)
        scale = k.scales[" ".join(sm["scale"].lower().split())] if sm else 1.0
        if sm:
            pos = sm.end()
        value = _number(m["n"]) * scale
        value_max = _number(m["n2"]) * scale if m["n2"] else None
        fig = _unit_after(text, pos, start, m.end(), value, value_max, spelled=False)
        if fig:
            out.append(fig)
    if spelled is None:
        spelled = find_phrases(text.lower(), spelled_phrases()) if k.spelled_re.search(text) else []
    for i, phrase in spelled:
        word = phrase.split()[0]
        fig = _unit_after(text, i + len(word), i, i + len(word), float(_SPELLED[word]), None, spelled=True)
        if fig:
            out.append(fig)
    out.sort(key=lambda f: f.start)
    return out


def _numbers(figure_re: re.Pattern[str], text: str, runs: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``figure_re.finditer(text)`` without the regex scan of the whole text: a match starts
    with an ASCII digit and ends before a non-digit, so the scan's next match starts at the first
    run of digits from where the last one ended (``runs``: ``article_words.ascii_digit_runs``),
    or inside that run when none starts at it. Of the number's branches only the thousands one
    ("1.000", at most three digits before the dot) can match inside a run where it does not
    match at the run's start: only a run of four or more digits followed by "." is tried
    further (its matches are glued to a digit on the left, never figures, but the scan goes on
    after them)."""
    match = figure_re.match
    pos = 0
    for r, e in runs:
        if r < pos:
            continue
        m = match(text, r)
        if m is None:
            if e - r <= THOUSANDS_LEAD or not text.startswith(".", e):
                continue
            for s in range(r + 1, e):
                m = match(text, s)
                if m is not None:
                    break
            else:
                continue
        pos = m.end()
        yield m


@cache
def spelled_phrases() -> tuple[str, ...]:
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
        elif not k.ratio_end_re.search(text[max(0, start - PRE_WINDOW):start]):
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


class _Once:
    """A value of the article computed on first use (its dates, its present year)."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], object]) -> None:
        self._make: Callable[[], object] | None = make
        self._value: object = None

    def __call__(self):
        if self._make is not None:
            self._value = self._make()
            self._make = None
        return self._value


def _last_end(last: re.Pattern[str], text: str, pos: int) -> int:
    """End of the last clause end (``_LAST_CLAUSE_END``) or full stop (``_LAST_FULL_STOP``)
    ending at or before ``pos``, else 0: what bisecting the ends of all of them gives."""
    m = last.match(text, 0, pos + 1)  # +1: a match ending at pos has text[pos] after it
    return m.end() if m else 0


def _next_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """End of the first match of the one-character ``pattern`` ending after ``pos``, else the
    text's end."""
    m = pattern.search(text, pos)
    return m.end() if m else len(text)


@dataclass(slots=True)
class _Page:
    """What the figures of one article share."""
    article: Article
    text: str
    dated: list[tuple[int, int, int, bool]]  # (start, end, year, comparison cue) of year/month dates
    present: Callable[[], int | None]


@dataclass(slots=True)
class _Clause:
    """The clause before one figure, ``text[s0:fig.start]``: every cue test looks at a stretch
    of text ending at the figure, so one automaton pass over the lower-cased clause says which
    tests can succeed at all and where a cue can start (the exact test, a case-blind regex, is
    then tried at those places only, not searched for), and finds the about cue."""
    s0: int
    end: int
    latest: dict[str, int] | None  # role -> last start of a first word of its cues; None: unknown
    starts: dict[str, list[int]] | None  # role -> every start of a first word of its cues; None: unknown
    abouts: tuple[int, ...]  # ranks of the about cues, the one starting last (the longest there) first

    def may_have(self, role: str, start: int) -> bool:
        """Whether a cue of ``role`` may be in ``text[start:fig.start]``."""
        return self.latest is None or self.latest.get(role, -1) >= start


def _clause(text: str, s0: int, end: int) -> _Clause:
    k = _knowledge()
    low = text[s0:end].lower()
    # the automaton sees what a case-blind regex sees when lower-casing keeps offsets and the
    # clause has none of the few letters the regex engine also folds otherwise ("ı" ~ "i")
    exact = len(low) == end - s0 and not k.cue_fold_re.search(low)
    latest: dict[str, int] = {}
    starts: dict[str, list[int]] = {}
    abouts: list[tuple[int, int, int]] = []  # (start, end, rank) of the about cues
    for e, (n, roles, rank) in k.cue_automaton.iter(low):
        start = e - n + 1
        for role in roles:
            if s0 + start > latest.get(role, -1):
                latest[role] = s0 + start
            starts.setdefault(role, []).append(s0 + start)
        if rank >= 0:
            abouts.append((start, e, rank))
    # a cue inside a longer one names less ("nhập khẩu" in "kim ngạch xuất nhập khẩu")
    ranked = sorted(((start, -rank) for start, e, rank in abouts
                     if not any(o[0] <= start and e <= o[1] and o[1] - o[0] > e - start for o in abouts)),
                    reverse=True)
    return _Clause(s0, end, latest if exact else None, starts if exact else None, tuple(-r for _, r in ranked))


def _has_cue_in(text: str, clause: _Clause, role: str, start: int, end: int) -> bool:
    """``_has_cue(text[start:end], role)`` for a stretch of the clause."""
    latest = clause.latest
    if latest is not None and latest.get(role, -1) < start:  # clause.may_have, inlined: asked most
        return False
    return _cue_in(text[start:end], role, _cue_offsets(clause, role, start, end))


def _cue_offsets(clause: _Clause, role: str, start: int, end: int) -> list[int] | None:
    """The offsets in ``text[start:end]`` where a cue of ``role`` may start (its first word
    stands there), when the clause's automaton pass knows them (the stretch ends the clause);
    else None."""
    if clause.starts is None or end != clause.end:
        return None
    return [p - start for p in clause.starts.get(role, ()) if p >= start]


def _cue_in(stretch: str, role: str, offsets: list[int] | None) -> bool:
    """``_has_cue(stretch, role)``, trying the case-blind cue regex only at ``offsets`` when
    known: every match of it starts with a cue's first word (a search tries it at every
    character, ~500 machine instructions each)."""
    if offsets is None:
        return _has_cue(stretch, role)
    match = _knowledge().anywhere.get(role, _NEVER).match
    return any(match(stretch, q) is not None for q in offsets)


def _dated(dates: list[DateSpan]) -> list[tuple[int, int, int, bool]]:
    """The dates that can give a figure its year: with a year and a year or month precision
    (or an explicit year)."""
    return [(d.start, d.end, int(d.value[:4]), d.attrs.get("cue") == "comparison") for d in dates
            if d.value and d.value[:4].isdigit() and (d.precision in ("year", "month") or d.attrs.get("explicit_year"))]


def _target_cue(text: str, clause: _Clause, role: str, start: int, end: int) -> bool:
    """A target cue of ``role`` in ``text[start:end]`` that is not part of a phrase saying
    something else (``target_not``: "Bộ Kế hoạch và Đầu tư", "lên tới" = amounted to, "cam kết
    của" = the pledges of)."""
    if not _has_cue_in(text, clause, role, start, end):
        return False
    if not clause.may_have("target_not", start):
        return True
    masked = _knowledge().target_not_re.sub(lambda m: " " * len(m.group()), text[start:end])
    # (blanking keeps offsets, and a cue it leaves starts where one started before)
    return _cue_in(masked, role, _cue_offsets(clause, role, start, end))


def _signed(clause_text: str, role: str = "signed") -> bool:
    """The clause says something was signed or exchanged ("ký kết", "trao"; ``act``: signed or
    given, "tặng", "trao"), not in another phrase (``signed_not``/``act_not``: "vốn đăng ký",
    "trao đổi thương mại")."""
    if not _has_cue(clause_text, role):
        return False
    masks = _knowledge().not_res.get(role)
    return masks is None or _has_cue(masks.sub(lambda m: " " * len(m.group()), clause_text), role)


def _present_in(text: str, clause: _Clause, start: int, end: int) -> bool:
    return (clause.may_have("present", start) or clause.may_have("hiện", start)) and _is_present(
        text[start:end], _cue_offsets(clause, "present", start, end), _cue_offsets(clause, "hiện", start, end))


def _year_of(page: _Page, fig: _Figure, clause: _Clause) -> tuple[int | None, str]:
    """(year, how) for a figure: 'after', 'before', 'paragraph' or 'none'."""
    text = page.text
    s0 = clause.s0
    pm = _POST_YEAR.match(text, fig.end, fig.end + POST_YEAR_WINDOW)
    if pm:
        return int(pm["y"]), "after"
    for start, end, year, comparison in reversed(page.dated):  # the last one before the figure
        if start >= fig.start or end <= s0 or comparison:
            continue
        if _COMPARISON.search(text[max(s0, start - 16):start]):
            continue
        if _present_in(text, clause, end, fig.start):  # "năm 2008, đến nay đã có 18 dự án"
            continue
        return year, "before"
    # the clause's start is the sentence's unless a ";" ends the clause before
    first_stop = s0 if s0 == 0 or text[s0 - 1] != ";" else _last_end(_LAST_FULL_STOP, text, fig.start)
    year = _opening_year(text, fig.start, first_stop)
    return (year, "paragraph") if year else (None, "none")


def _opening_year(text: str, offset: int, first_stop: int) -> int | None:
    """The year of a sentence opening "Năm 2024, ..." when the figure's sentence is that
    sentence or carries it on ("Trong đó ..."); a new topic after it ("Hậu duệ dòng họ ... ước
    khoảng 1.000 người") does not inherit it. ``first_stop``: the last full stop at or
    before ``offset``."""
    continuation_re = _knowledge().continuation_re
    pos = offset
    while pos > 0:
        s0 = first_stop if pos == offset else _last_end(_LAST_FULL_STOP, text, pos)
        om = _YEAR_OPENING.match(text, s0)
        if om:
            return int(om["y"])
        if not continuation_re.match(text[s0:s0 + 30]):
            return None
        pos = s0 - 1
    return None


def _approx_match(text: str, fig: _Figure, clause: _Clause) -> re.Match[str] | None:
    """The qualifier chain ending the PRE_WINDOW characters before the number."""
    pre_start = max(clause.s0, fig.start - PRE_WINDOW)
    if not clause.may_have("approx", pre_start):
        return None
    return _knowledge().approx_re.search(text[pre_start:fig.start])


def _kind(page: _Page, fig: _Figure, clause: _Clause, am: re.Match[str] | None, year: int | None) -> str:
    k = _knowledge()
    text = page.text
    s0 = clause.s0
    pre_start = max(s0, fig.start - PRE_WINDOW)
    if clause.may_have("change", pre_start) or clause.may_have("change_from", pre_start):
        pre = text[pre_start:fig.start]
        pre_no_approx = pre[:am.start()] + pre[am.end():] if am else pre  # the chain ends pre: one match
        if k.change_end_re.search(pre_no_approx) or _CHANGE_FROM.search(pre_no_approx):
            return "change"
    if clause.may_have("hiện", pre_start) and _present_level(text, clause, pre_start, fig.start):
        return "amount" if _has_cue_in(text, clause, "amount", s0, fig.start) else "statistic"
    if _target_cue(text, clause, "target", s0, fig.start):
        return "target"
    verb_start = max(s0, fig.start - 3 * PRE_WINDOW)
    if _target_cue(text, clause, "target_verb", verb_start, fig.start) and _VERB_AT_FIGURE.search(
            text, verb_start, fig.start) and (
            year is None and _target_cue(text, clause, "target_raise", verb_start, fig.start)
            or year is not None and (page.present() or 9999) < year):
        return "target"
    forecast_start = max(s0, fig.start - FORECAST_WINDOW)
    if _has_cue_in(text, clause, "forecast", forecast_start, fig.start):
        return "target"  # "con số này có thể tăng lên 300 triệu USD", "mong muốn mua khoảng 500.000 tấn gạo"
    if _has_cue_in(text, clause, "amount", s0, fig.start):
        return "amount"
    return "statistic"


def _present_level(text: str, clause: _Clause, start: int, end: int) -> bool:
    """``_PRESENT_LEVEL`` in ``text[start:end]``: tried only where "hiện" may start, when known."""
    offsets = _cue_offsets(clause, "hiện", start, end)
    if offsets is None:
        return _PRESENT_LEVEL.search(text, start, end) is not None
    return any(_PRESENT_LEVEL.match(text, start + q, end) is not None for q in offsets)


def _approx(am: re.Match[str] | None) -> str | None:
    """The qualifier of a qualifier chain: the word nearest the number decides ("khoảng hơn"
    = over); multi-word cues first."""
    if not am:
        return None
    k = _knowledge()
    last = None
    chain = " ".join(am["chain"].lower().split())
    for cue in k.approx_longest_first:
        i = chain.rfind(cue)
        if i >= 0 and (last is None or i + len(cue) > last[0]):
            last = (i + len(cue), k.approx[cue])
    return last[1] if last else None


def _about(text: str, fig: _Figure, clause: _Clause, clause_end: int) -> str:
    """The label of the about cue starting last in the clause before the number (the longest
    at the same place, not one inside a longer cue); else of one right after the unit ("500
    triệu USD kim ngạch thương mại"); else, for a sentence with no subject of its own ("Năm
    2016 đạt hơn 3 tỷ USD"), of the previous sentence's last cue; else the unit and the words
    after it up to the clause's end, the next comma, parenthesis or number ("1,1 tỷ USD. Việc
    mở rộng ..." is about "usd", not about the next sentence)."""
    if fig.unit == "percent":  # "90% GDP toàn cầu", "20% trao đổi thương mại": a share of what follows
        label = _about_right_after(text, fig.end, fig.unit)
        if label is not None:
            return label
    label = _fitting_label(clause.abouts, fig.unit)
    if label is not None:
        return label
    s0 = clause.s0
    sentence_start = s0
    if s0 and text[s0 - 1] == ";":  # "Kim ngạch ... năm 2016 đạt 2,7 tỷ USD; 5 tháng đầu năm 2017 đạt 1,37 tỷ USD"
        sentence_start = _last_end(_LAST_FULL_STOP, text, fig.start)
        label = _fitting_label(_clause(text, sentence_start, s0 - 1).abouts, fig.unit)
        if label is not None:
            return label
    if _knowledge().units[fig.unit_word].cls == "currency":  # "500 triệu USD kim ngạch thương mại"
        # (a count's own words say more: "18 dự án đầu tư tại Nga"; "gấp 3 lần tổng số du học
        # sinh" names the base of a ratio, not what grew)
        label = _about_right_after(text, fig.end, fig.unit)
        if label is not None:
            return label
    if sentence_start and _SUBJECTLESS.fullmatch(text, sentence_start, fig.start):
        previous = _last_end(_LAST_FULL_STOP, text, sentence_start - 1)
        label = _fitting_label(_clause(text, previous, sentence_start).abouts, fig.unit)
        if label is not None:
            return label
    limit = min(fig.end + 60, clause_end)
    stop = _ABOUT_STOP.search(text, fig.end, limit)
    m = _ABOUT_TAIL.match(text, fig.end, stop.start() if stop else limit)
    words = [w for w in m.groups() if w is not None] if m else []
    while words and words[-1].lower() in _TAIL_NOT_LAST:
        words.pop()
    return " ".join([fig.unit_word, *words])


# A sentence whose words before its first figure are a time, a verb and qualifiers only ("Năm
# 2016 đạt hơn", "Quý 1/2017 đạt"): what it measures was named in the previous sentence.
_SUBJECTLESS = re.compile(
    r"\s*(?:(?:trong\s+)?năm\s+(?:19|20)\d\d|(?:[\w-]+\s+)?tháng\s+(?:đầu\s+)?năm(?:\s+(?:19|20)\d\d)?"
    r"|quý\s+\w+(?:\s*/\s*(?:19|20)\d\d)?)?\s*,?\s*(?:(?:đã|cũng|chỉ|mới|tiếp\s+tục|ước)\s+)*"
    r"(?:đạt|là|ở\s+mức|lên|tăng|giảm)(?:\s+(?:khoảng|gần|hơn|trên|xấp\s+xỉ|chừng|mức|lên|tới|đến))*\s*",
    re.IGNORECASE)
# Words that do not end a Vietnamese ``about`` tail: the start of a year or of another figure
# ("300 triệu USD năm 1995" is about "usd", not "usd năm").
_TAIL_NOT_LAST = frozenset({"năm", "vào", "trong", "cả", "từ", "và", "với", "của", "được", "là", "đến", "tới",
                            "khoảng", "gần", "hơn", "trên", "lên", "tháng", "quý", "đầu", "cuối", "so", "cùng", "mỗi"})


def _fitting_label(ranks: tuple[int, ...], unit: str) -> str | None:
    """The label of the first about cue of ``ranks`` that can name ``unit`` ("tăng trưởng"
    names a growth rate, not a sum)."""
    about = _knowledge().about
    for rank in ranks:
        _cue, label, units = about[rank]
        if not units or unit in units:
            return label
    return None


def _about_right_after(text: str, pos: int, unit: str) -> str | None:
    """The label of the (longest) about cue starting at the first word after ``pos`` that can
    name ``unit``."""
    k = _knowledge()
    tail = text[pos:pos + 40]
    first = len(tail) - len(tail.lstrip())
    if first == len(tail) or not tail[first].isalpha():
        return None
    low = tail.lower()
    best = None
    for e, (n, _roles, rank) in k.cue_automaton.iter(low):
        start = e - n + 1
        if (rank >= 0 and start == first and not low[e + 1:e + 2].isalnum() and (best is None or rank < best)
                and (not k.about[rank][2] or unit in k.about[rank][2])):
            best = rank  # ranks run longest first
    return None if best is None else k.about[best][1]


def _fallback_year(page: _Page, fig: _Figure, clause: _Clause, clause_end: int) -> int | None:
    """A figure with no year of its own: as of publication in a dated article; in an undated
    one whose year is not evidenced, only when the sentence says it is current ("hiện có",
    "đến nay", the year then being the latest one the article writes often). Figures of all
    time ("từng") and rates per year ("9-12% năm") have none, nor counts of documents that
    the clause does not say were signed or exchanged ("theo 03 văn kiện pháp lý về biên giới"
    are documents in force, signed some year before; "chứng kiến lễ ký kết sáu văn kiện" is
    now). An undated article whose text evidences its year (:func:`infer_year`: its own
    full dates, the tenures of the office-holders it names) is read as one of that year."""
    text = page.text
    if _has_cue_in(text, clause, "no_year", clause.s0, fig.start) or _PER_YEAR.match(text, fig.end):
        return None
    if fig.unit == "document" and not _signed(text[clause.s0:clause_end]):
        return None
    if page.article.published or _present_in(text, clause, clause.s0, fig.start):
        return page.present()
    if infer_year(page.article) is None:
        return None
    if _signed(text[clause.s0:clause_end], "act"):
        return page.present()  # the occasion's own act ("ký kết sáu văn kiện", "tặng Lào 20 xe điện")
    framed = _framing_year(text, fig.start)
    return page.present() if framed is None or framed == page.present() else None


# How many sentences back a sentence opening with its year ("Năm 2024, ...") still frames a
# figure of its paragraph (the seeds' "Năm 2024, tổng số người Việt Nam ... Hậu duệ dòng họ
# ... ước khoảng 1.000 người" is three sentences on).
FRAME_SENTENCES = 4


def _framing_year(text: str, offset: int) -> int | None:
    """The year of the last sentence opening "Năm 2024, ..." within FRAME_SENTENCES sentences
    before ``offset`` in its paragraph, else None."""
    para = text.rfind("\n", 0, offset) + 1
    pos = offset
    for _ in range(FRAME_SENTENCES):
        s0 = max(para, _last_end(_LAST_FULL_STOP, text, pos))
        om = _YEAR_OPENING.match(text, s0)
        if om:
            return int(om["y"])
        if s0 <= para:
            break
        pos = s0 - 1
    return None


def quantities_of(article: Article, dates: list[DateSpan] | None = None) -> list[Quantity]:
    """Figures of ``article`` (see module doc), one per (value, unit, year, approx) in text order."""
    text = article.text_clean
    if dates is None:  # the article's dates, else found here once a figure needs them
        dates_of = _Once(lambda: article.dates or find_dates(text, article.published))
    else:
        dates_of = _Once(lambda: dates)
    shared = article.meta.get(SPELLED_HITS_KEY)
    figures = _figures(text, dates_of, shared[1] if shared is not None and shared[0] == len(text) else None,
                       digit_runs(article))
    if not figures:
        return []
    dates = dates_of()
    page = _Page(article, text, _dated(dates), _Once(lambda: present_year(article, dates)))
    out: list[Quantity] = []
    seen: set[tuple] = set()
    for fig in figures:
        s0 = _last_end(_LAST_CLAUSE_END, text, fig.start)
        clause = _clause(text, s0, fig.start)
        s1 = _next_end(_CLAUSE_END, text, fig.start)
        year, _how = _year_of(page, fig, clause)
        am = _approx_match(text, fig, clause)
        kind = _kind(page, fig, clause, am, year)
        if year is None and kind != "target":
            year = _fallback_year(page, fig, clause, s1)
        key = (fig.value, fig.unit, year, _approx(am))
        if key in seen:  # a headline repeating the body's figure
            continue
        seen.add(key)
        q = Quantity(value=fig.value, unit=fig.unit, kind=kind, evidence=article.evidence(*trimmed(text, s0, s1)),
                     year=year, approx=key[3], about=_about(text, fig, clause, s1), value_max=fig.value_max)
        out.append(q)
    return out


def find_quantities(article: Article) -> Article:
    """Pipeline stage: fill ``article.quantities``."""
    article.quantities = quantities_of(article)
    return article
