"""Actors speed work replaced regex scans by hand-written reads (str.find, backward reads)
and re-ordered the dictionary automaton; each replacement must give exactly what the
regex or the original order gave. Checked here on random strings over the characters
that matter (letters of both cases, spaces, newlines, dashes, colons, punctuation)."""

from __future__ import annotations

import random
import re

import ahocorasick

from sukien.stages import actors as A
from sukien.stages import actors_knowledge as kb

ALPHABET = ["a", "B", "ệ", "Đ", "h", " ", " ", "\n", "\u00a0", ",", "1", "-", "–", ":", "ß", "ω",
            "Ảnh", "Video", "ẢNH", "Đồ họa", "Nguồn", "Việt", "Hàn"]
TRIALS = 20000


def _random_texts(seed: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest))) for _ in range(TRIALS)]


def test_word_before_reads_what_the_regex_finds() -> None:
    prev_word = re.compile(A._PREV_WORD.pattern)
    for text in _random_texts(1, 10):
        for start in range(len(text) + 1):
            for reach in (8, 12):
                m = prev_word.search(text, max(0, start - reach), start)
                assert A._word_before(text, start, reach) == (m.group(1) if m else None), (text, start)


def test_credits_are_the_regex_matches() -> None:
    credit = re.compile(rf"(?:{'|'.join(A.CREDIT_HEADS)})\s*:\s*")
    for text in _random_texts(2, 12):
        assert A._credits(text) == [m.span() for m in credit.finditer(text)], text


def test_joining_hyphens_are_the_regex_spans_between_lower_and_upper() -> None:
    hyphen = re.compile(r"[ ]?[-–][ ]?")
    for text in _random_texts(3, 12):
        expected = [m.span() for m in hyphen.finditer(text)
                    if m.start() > 0 and text[m.start() - 1].islower()
                    and m.end() < len(text) and text[m.end()].isupper()]
        assert A._joining_hyphens(text) == expected, text


def test_word_key_blanks_every_separator() -> None:
    separators = re.compile("[" + re.escape(kb._SEPARATOR_CHARS) + "]")
    for text in _random_texts(4, 12) + ["TP.HCM «Ô-xtrây-li-a» a\\b [x] “y” …z•·"]:
        assert kb.word_key(text) == separators.sub(" ", kb.match_key(text)), text


def test_automaton_order_does_not_change_matches() -> None:
    built = kb.automaton()
    plain = ahocorasick.Automaton()
    for key, value in built.items():
        plain.add_word(key, value)
    plain.make_automaton()
    text = (" " + kb.word_key("Thủ tướng Chính phủ Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Việt Nam, "
                              "ông Choi Young-sam, tại trụ sở Bộ Ngoại giao ở Hà Nội; Tổng thống Mỹ Donald Trump"))
    found = list(built.iter(text))
    assert found and found == list(plain.iter(text))


def test_teaser_precheck_never_misses_a_teaser() -> None:
    heads = ["Xem thêm", "Tin khác", "Đọc thêm"]
    rng = random.Random(5)
    for _ in range(TRIALS):
        text = "".join(rng.choice(ALPHABET + heads) for _ in range(rng.randint(0, 8)))
        if A._TEASER.search(text):
            assert A._TEASER_FIRST.match(text) or A._TEASER_AFTER_NEWLINE.search(text), text


def test_country_tries_match_what_the_longest_first_alternations_match() -> None:
    full = sorted(kb.country_full_names(), key=len, reverse=True)
    every = sorted(kb.country_names(), key=len, reverse=True)
    plain_full = "|".join(re.escape(n) for n in full)
    plain_every = "|".join(re.escape(n) for n in every)
    pairs = [
        (re.compile(rf"[ \-–]({plain_full})(?=[ ,][^\s(\-–]|,[ ]|$)"), A._country_in_org_re()),
        (re.compile(rf"[ \-–]({plain_full})$"), A._country_suffix_re()),
        (re.compile(rf"[ ]({plain_every})[ ]?[-–][ ]?(?:{plain_every})$"), A._country_pair_re()),
    ]
    rng = random.Random(6)
    pieces = every + ["bộ", "giao", " ", " ", "-", " - ", ",", "(", "quốc", "việt", "nam"]
    hits = 0
    for _ in range(TRIALS // 4):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 6)))
        for plain, trie in pairs:
            a, b = plain.search(text), trie.search(text)
            assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1))), text
            hits += a is not None
    assert hits > TRIALS // 10


def test_name_before_precheck_never_misses_a_match() -> None:
    rng = random.Random(7)
    names = ["Trương Thị Mai", "Woo Won-shik", "Đào Việt Trung"]
    seen = 0
    for _ in range(TRIALS // 4):
        text = "".join(rng.choice(ALPHABET + names) for _ in range(rng.randint(0, 8)))
        for end in range(len(text) + 1):
            lo = max(0, end - A.NAME_BEFORE_REACH)
            if A._NAME_BEFORE.search(text, lo, end):
                seen += 1
                assert A._after_name_punct(text, lo, end), (text, end)
    assert seen > 100


def test_country_typo_compares_only_names_that_could_reach_the_cut_off() -> None:
    from rapidfuzz import fuzz, process

    names = A._country_name_list()
    rng = random.Random(8)
    words = ["Indoenesia", "Camphuchia", "Cananda", "Indonexia", "Mỹ", "Nga", "Putin", "Widodo", "Lào"]
    letters = "aeinoutrshclmdgkbyđăâêôơư"
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))).capitalize() for _ in range(400)]
    words += [n.title()[:-1] + "x" for n in names[:200]]  # one letter off a real name
    typos = 0
    for w in words:
        expected = process.extractOne(kb.match_key(w), names, scorer=fuzz.ratio,
                                      score_cutoff=A.COUNTRY_TYPO_RATIO) is not None
        assert A._country_typo.__wrapped__(w) == expected, w
        typos += expected
    assert typos > 50
