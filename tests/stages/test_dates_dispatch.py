"""The fast paths of the dates stage agree with the plain definitions they replace.

``_hits`` tries at a place only the forms whose first word stands there (``_forms_by_start``)
and finds digit anchors with one regex (``_date_digits``); these tests check both against the
straightforward versions (the full scanner at every place, the per-number test) on sentences
that use every form, also in upper case and glued to other text.
"""

from __future__ import annotations

import re

import pytest

from sukien.stages import dates as D

SENTENCES = [
    "Chiều 21/11, tại Trụ sở Trung ương Đảng, Tổng Bí thư tiếp Đại sứ.",
    "ngày 21 tháng 11 năm 2025, hai bên ký kết; ký vào ngày 29.5.2015 và 24/6/1967-24/6/2017.",
    "Sáng nay, Thủ tướng thăm Chile từ ngày 9 đến 12-11 và từ 10-13/8, trong hai ngày 19 và 20-6.",
    "Hôm qua (28.6), chiều tối ngày 10-8 (giờ địa phương), tối 30/5 (theo giờ Mỹ) và rạng sáng nay.",
    "Chiều cùng ngày, thứ Năm tuần tới, Chủ nhật, thứ Hai tuần trước và lần thứ hai; tuần này.",
    "Quý 1/2017, quý IV năm 2022, tháng 12/2022, tháng 12 năm 2022, cuối tháng 6 tới, đầu tháng này.",
    "Giai đoạn 2011-2030, thời kỳ 2021 - 2025, tầm nhìn 2045, các năm 2001, 2006 và 2013, năm 2030.",
    "So với 2023, so với cùng kỳ 2022, đến 2030, trước 2020, sau 2025, từ 1992 (2009) đầu năm nay.",
    "Năm ngoái, năm tới, cuối năm, thượng tuần tháng 3, hạ tuần năm sau, giữa năm, mùng 2-9 năm nay.",
    "Tỷ số 2-1, giá 320.000 đồng, 2,7% và 5 dự án; ngày mai, hôm kia, trưa nay, đêm qua, khuya.",
    "Vào 15/3, đến 20/3, trước ngày 1-4, sau 30.4, mồng 5/5, thứ 3/10 hạng 2/5, 23/116.",
    "TỪ NGÀY 10 ĐẾN NGÀY 13-8, SÁNG 6/6/2017, THỨ NĂM, HÔM NAY, NĂM 2024, THÁNG 5, QUÝ 2, CÙNG NGÀY.",
    "x:21/11 (2024)abc ngàyhôm nay thứHai năm2024 tháng5 1.000/2 ,12/5 (21/11) 3-4 tháng 11.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_forms_by_first_word_match_as_the_full_scanner(text):
    scanner = D._scanner()
    forms_at = D._forms_by_start()
    checked = 0
    for s in range(len(text)):
        full = scanner.match(text, s)
        c = text[s]
        if c == "(":
            key = "("
        elif c.isdigit():
            key = "0"
        else:
            w = D._FIRST_WORD.match(text, s)
            key = w.group() if w else None
        forms = forms_at.get(key, ())
        fast = next(((kind, m) for kind, p in forms if (m := p.match(text, s))), None)
        if full is None:
            assert fast is None, (text[s:s + 30], fast)
        else:
            checked += 1
            assert fast is not None, text[s:s + 30]
            assert (fast[0], fast[1].end()) == (full.lastgroup, full.end()), text[s:s + 30]
    assert checked > 0


_AFTER_DAY = re.compile(r"[/.\-–]\d|\s*[-–]\s*\d|\s+(?:tháng|và|đến|tới)\s", re.IGNORECASE)
_BEFORE_MONTH = re.compile(r"(?:tháng|quý|ngày|mùng|mồng)\s+$", re.IGNORECASE)


def _may_be_date_digits(text: str, start: int, end: int) -> bool:
    """The per-number test that _date_digits replaces (one call per digit run)."""
    n = end - start
    if start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit():
        return False
    if n == 4:
        return text[start:start + 2] in ("19", "20", "21")
    if n > 2:
        return False
    return bool(_AFTER_DAY.match(text, end)) or bool(_BEFORE_MONTH.search(text, max(0, start - 8), start))


@pytest.mark.parametrize("text", [*SENTENCES, "12 tháng  3, Tháng\n4, quý   1, 99/9 2024-2025 12345 7 - 8"])
def test_digit_anchors_are_the_numbers_that_may_be_dates(text):
    expected = [m.start() for m in re.finditer(r"[0-9]+", text) if _may_be_date_digits(text, m.start(), m.end())]
    fast = [a for a in D._anchors(text) if text[a].isdigit()]
    assert fast == expected


def _hits_by_full_scanner(text: str) -> list[tuple[str, int, int]]:
    """_hits as first written: every word start looked back at is tried with the full scanner."""
    pats = dict(D._patterns())
    scanner = D._scanner()
    out = []
    covered = 0
    for a in D._anchors(text):
        if a < covered:
            continue
        lo = max(covered, a - D.LOOKBACK_CHARS)
        starts = [m.start() for m in D._WORD_START.finditer(text, lo, a)]
        if (lo == 0 or text[lo - 1].isspace()) and (not starts or starts[0] != lo):
            starts.insert(0, lo)
        for s in starts[-D.LOOKBACK_WORDS:] + [a]:
            m = scanner.match(text, s)
            if m is None or m.end() <= a:
                continue
            full = pats[m.lastgroup].match(text, s)
            out.append((m.lastgroup, s, full.end()))
            covered = full.end()
            break
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_hits_are_those_of_the_full_scanner(text):
    expected = _hits_by_full_scanner(text)
    assert expected
    assert [(h.kind, h.start, h.end) for h in D._hits(text)] == expected


def _word_starts_by_regex(text: str, lo: int, a: int) -> list[int]:
    starts = [m.start() for m in D._WORD_START.finditer(text, lo, a)]
    if (lo == 0 or text[lo - 1].isspace()) and (not starts or starts[0] != lo):
        starts.insert(0, lo)
    # a whitespace place (the window start after a space) is never a place a form starts at
    return [s for s in starts[-D.LOOKBACK_WORDS:] if s < a and not text[s].isspace()]


@pytest.mark.parametrize("text", [
    *SENTENCES, "a  b\u00a0c\td\ne f g", "(a b) c (d", " x(y z", "abc def ghi", "  ", "((a", "a(b c",
])
def test_word_starts_looked_back_at_are_those_of_the_regex(text):
    for a in range(1, len(text) + 1):
        for lo in range(max(0, a - D.LOOKBACK_CHARS), a + 1):
            places = D._word_starts_before(text, lo, a)
            fast = [s for s, _ in places if not text[s].isspace()]
            assert fast == _word_starts_by_regex(text, lo, a), (text, lo, a)
            for s, word in places:  # a word given is the first word the regex would read
                assert not word or word == D._FIRST_WORD.match(text, s).group()


@pytest.mark.parametrize("text", [*SENTENCES, "thứ,hai; năm\nnay, Chiều-nay tuần  tới HÔM NAY (cùng ngày) đầu năm."])
def test_keywords_from_the_trigger_pass_are_those_of_the_own_pass(text):
    from sukien.stages.cues import trigger_matcher

    low = text.lower()
    _, found = trigger_matcher().find_with_phrases(text)
    assert D._anchors(text, low, found) == D._anchors(text, low)
    assert [(h.kind, h.start, h.end, h.groups) for h in D._hits(text, low, found)] == \
        [(h.kind, h.start, h.end, h.groups) for h in D._hits(text, low)]


def _forms_by_old_loop(text: str, s: int, word: str):
    """What _hits looked up at a place before _places fused the two steps."""
    forms_at = D._forms_by_start()
    if word:
        return forms_at.get(word)
    c = text[s]
    if c == "(":
        return forms_at["("]
    if c.isdigit():
        return forms_at["0"] if D._DAY_MONTH.match(text, s) else None
    w = D._FIRST_WORD.match(text, s)
    return None if w is None else forms_at.get(w.group())


@pytest.mark.parametrize("text", [*SENTENCES, "a  b\u00a0c\td\ne f g", "(a b) c (d", "ngàyx 1/2 thứ 3/4 ngày, 5-6 (7/8)"])
def test_places_are_the_word_starts_with_forms(text):
    forms_at = D._forms_by_start()
    for a in range(0, len(text)):
        for lo in range(max(0, a - D.LOOKBACK_CHARS), a + 1):
            expected = [(s, f) for s, w in [*D._word_starts_before(text, lo, a), (a, "")]
                        if (f := _forms_by_old_loop(text, s, w)) is not None]
            assert D._places(text, lo, a, forms_at) == expected, (text, lo, a)


@pytest.mark.parametrize("text", [*SENTENCES, "", "abc", "0", "\u0663 1\u00b22 \u0661\u0662 9", "10-20-30 (2024)", "1 2"])
def test_ascii_digits_and_runs_are_those_of_the_digit_class(text):
    from sukien.stages.article_words import ascii_digit_runs, ascii_digits

    assert ascii_digits(text) == [m.start() for m in re.finditer("[0-9]", text)]
    assert ascii_digit_runs(text) == [m.span() for m in re.finditer("[0-9][0-9]*", text)]
