"""The shortcuts that make quantities and documents fast give what the plain readings give:
the number scan with its unit lookahead, the spelled-figure test, the automaton gate of the cue
regexes, the backtracking clause search, and the phrase hits on the trigger matcher's copy."""

from __future__ import annotations

import bisect
import random
import re

import pytest

from sukien.model import Article
from sukien.stages import documents as D
from sukien.stages import quantities as Q
from sukien.stages.dates import find_phrases, resolve_dates

# The number grammar as first written: digits and spaces read as ASCII.
_PLAIN_NUMBER = re.compile(
    r"(?=\d)(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+)"
    r"(?:\s*[-–]\s*(?P<n2>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+))?(?![\d/:]|[.,]\d)", re.ASCII)

_TOKENS = ["1", "23", "456", "7890", "0", ".", ",", " ", "  ", "-", "–", " - ", "/", ":", "\n", "\u00a0",
           "người", "Người", " tỷ", " nghìn", "triệu", " USD", "usd", "%", "năm", "x", "(", "_", "hai", "Ba",
           " dự án", " lần", "LẦN", "gấp ", "tăng ", "khoảng ", "ı", "ſ", "đồng", "đô la", "đô  la mỹ", "nghìn tỷ",
           "ngàn tỉ", "lượt", " khách", "/năm", "/tấn", "2.3", "1.000", "12,5", "1.2345", "10-20-30", "\u212ag",
           "\u0130", "ĐỒNG", "Đô La", "m2", "KM"]


def _plain_figures(text: str) -> list[tuple]:
    """Every number, then its scale and unit tested one by one; spelled phrases on text.lower()."""
    k = Q._knowledge()
    out = []
    for m in _PLAIN_NUMBER.finditer(text):
        left = text[m.start() - 1] if m.start() else " "
        if left.isalnum() or left in "_.,/:":
            continue
        pos = m.end()
        sm = k.scale_re.match(text, pos)
        scale = k.scales[" ".join(sm["scale"].lower().split())] if sm else 1.0
        pos = sm.end() if sm else pos
        if not k.unit_re.match(text, pos):
            continue
        value_max = Q._number(m["n2"]) * scale if m["n2"] else None
        out.append(Q._unit_after(text, pos, m.start(), m.end(), Q._number(m["n"]) * scale, value_max,
                                 spelled=False))
    for i, phrase in find_phrases(text.lower(), Q.spelled_phrases()):
        word = phrase.split()[0]
        out.append(Q._unit_after(text, i + len(word), i, i + len(word), float(Q._SPELLED[word]), None,
                                 spelled=True))
    figs = sorted((f for f in out if f), key=lambda f: f.start)
    return [(f.start, f.end, f.value, f.value_max, f.unit) for f in figs]


def test_number_scan_finds_what_the_plain_scan_finds():
    rnd = random.Random(7)
    texts = ["5 - 7.5 người", "10-20-30 người", "1234.567 - 8 người", "x5 - 7 người", "hai lần_ đi", "Ba Dự Án",
             "12,50456người USD1.2345–1–0 đồng%", "đạt 2,7 tỷ USD năm 2016", "gần 100.000 người"]
    texts += ["".join(rnd.choice(_TOKENS) for _ in range(rnd.randint(1, 14))) for _ in range(4000)]
    for text in texts:
        fast = [(f.start, f.end, f.value, f.value_max, f.unit) for f in Q._figures(text, lambda: [])]
        assert fast == _plain_figures(text), text


def test_numbers_tried_at_digit_runs_are_those_of_the_scan():
    from sukien.stages.article_words import ascii_digit_runs

    rnd = random.Random(11)
    tokens = ["1", "23", "456", "7890", "12345", ".", ".000", ".12", ",", ",5", " ", "-", " - ", "/", ":", "x", " tỷ",
              " người", "%"]
    texts = ["1234.567 - 8 người", "12345.678.000 - 9 tỷ", "1234.5", "20241.000,5 người"]
    texts += ["".join(rnd.choice(tokens) for _ in range(rnd.randint(1, 12))) for _ in range(5000)]
    figure_re = Q._knowledge().figure_re
    for text in texts:
        fast = [(m.span(), m.groupdict()) for m in Q._numbers(figure_re, text, ascii_digit_runs(text))]
        assert fast == [(m.span(), m.groupdict()) for m in figure_re.finditer(text)], text


def test_last_clause_end_is_the_bisected_one():
    text = "Năm 2024, kim ngạch đạt 5 tỷ USD; tăng 3%.\n\nTrong đó... xuất khẩu 2,5 tỷ USD! Hết? Vâng…\nA"
    ends = [m.end() for m in re.finditer(r"[.!?;…](?=\s)|\n", text)]
    stops = [m.end() for m in re.finditer(r"[.!?…](?=\s)|\n", text)]
    for pos in range(len(text)):
        i = bisect.bisect_right(ends, pos)
        assert Q._last_end(Q._LAST_CLAUSE_END, text, pos) == (ends[i - 1] if i else 0)
        j = bisect.bisect_right(stops, pos)
        assert Q._last_end(Q._LAST_FULL_STOP, text, pos) == (stops[j - 1] if j else 0)
        assert Q._next_end(Q._CLAUSE_END, text, pos) == (ends[i] if i < len(ends) else len(text))


@pytest.mark.parametrize("words", [("nghìn", "nghìn tỉ", "ngàn", "triệu", "tỉ", "tỷ"),
                                   ("đô la", "đô la mỹ", "đôla", "đồng", "usd", "lần", "liều", "liều vaccine")])
def test_trie_alternation_prefers_what_the_plain_alternation_prefers(words):
    trie = re.compile(rf"(?:{Q._trie_alt(words)})(?!\w)", re.IGNORECASE)
    plain = re.compile(rf"(?:{Q._words_alt(words)})(?!\w)", re.IGNORECASE)
    for text in [*words, *(w.upper() for w in words), "nghìn  tỉ đồng", "đô la Mỹ", "Liều vaccinex", "tỷx"]:
        a, b = trie.match(text), plain.match(text)
        assert (a and a.group()) == (b and b.group()), text


@pytest.mark.parametrize(("text", "role"), [
    ("Hai nước đặt mục tiêu đưa kim ngạch lên ", "target"),
    ("Hai nước đặt MỤC TIÊU đưa kim ngạch lên ", "target"),
    ("Nhật Bản viện trợ ", "amount"),
    ("Số dân hıện nay là ", "present"),  # "ı" folds with "i" in a case-blind regex
    ("Từng có ", "no_year"),
    ("Kim ngạch thương mại ", "target"),
])
def test_the_automaton_gate_never_hides_a_cue(text, role):
    clause = Q._clause(text, 0, len(text))
    direct = Q._knowledge().anywhere[role].search(text) is not None
    assert Q._has_cue_in(text, clause, role, 0, len(text)) == direct
    if "ı" in text:
        assert clause.latest is None  # the gate steps aside for letters lower() does not fold


def _article(text: str) -> Article:
    return resolve_dates(Article(id="t", text_clean=text, published="2024-06-17"))


@pytest.mark.parametrize("text", [
    "Hai bên ký Hiệp định thương mại và hai dự án; hiệp-định khác, HAI VĂN KIỆN, Ba lần.",
    "İstanbul: hai nước ký Bản ghi nhớ về ba dự án.",  # "İ" lower-cases to two letters
    "Thỏa thuận, thoả thuận và Tuyên bố chung; sáu văn kiện được trao.",
])
def test_phrase_hits_on_the_shared_copy_are_those_of_the_lower_cased_text(text):
    assert sorted(D._phrase_hits(_article(text))) == sorted(find_phrases(text.lower(), D._phrases().all))


def test_quantities_read_the_same_with_or_without_the_documents_pass():
    text = ("Việt Nam hiện có hai dự án đầu tư tại Peru với tổng vốn khoảng 1,5 tỷ USD. "
            "Năm 2023, hai bên ký sáu văn kiện hợp tác; kim ngạch tăng 12%.")
    alone = Q.quantities_of(_article(text))
    art = _article(text)
    D.documents_of(art)
    assert Q.SPELLED_HITS_KEY in art.meta
    assert Q.quantities_of(art) == alone
    assert {(q.value, q.unit) for q in alone} >= {(2, "project"), (1.5e9, "USD"), (6, "document")}


def test_about_tail_words_are_the_first_words_found():
    rnd = random.Random(3)
    tokens = ["ab", "Việt", " ", "  ", "1", "_", "-", "x2y", "²", "đ", "\n", ".", "ñ"]
    words = re.compile(r"[^\W\d_]+")
    for _ in range(3000):
        text = "".join(rnd.choice(tokens) for _ in range(rnd.randint(0, 20)))
        m = Q._ABOUT_TAIL.match(text, 0, 60)
        assert ([w for w in m.groups() if w is not None] if m else []) == words.findall(text, 0, 60)[:Q.ABOUT_WORDS]


def test_cue_tests_at_the_automaton_places_are_the_searches():
    k = Q._knowledge()
    rnd = random.Random(13)
    roles = ("target", "target_verb", "forecast", "amount", "no_year")
    words = [w for role in (*roles, "present") for w in k.cues.get(role, ())]
    words += ["hiện", "Hiện", "thực hiện", "HIỆN NAY", "hiện đang là", " ", ", ", "x", "ı", "5", "(", "lên"]
    for _ in range(2000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 8)))
        n = len(text)
        clause = Q._clause(text, 0, n)
        for start in range(0, n, 3):
            for role in roles:
                assert Q._has_cue_in(text, clause, role, start, n) == Q._has_cue(text[start:], role), (text, role)
            assert Q._is_present(text[start:], Q._cue_offsets(clause, "present", start, n),
                                 Q._cue_offsets(clause, "hiện", start, n)) == Q._is_present(text[start:]), text
            assert Q._present_level(text, clause, start, n) == bool(Q._PRESENT_LEVEL.search(text, start, n)), text
