"""The cheap whole-text and whole-line tests that let the reader skip work only ever skip
work that would have found nothing."""

import re

from sukien.reading import clean, decode
from sukien.reading.header import _first_nonblank_lines, parse_timestamp


def test_signature_precheck_clears_no_text_a_signature_pattern_matches():
    # every character of the first signature class, and the pairs of the others
    first_class = re.match(r"\[(.*)\]$", decode._SIG_ANY[0].pattern).group(1)
    samples = [c for c in re.sub(r"\\u0080-\\u009f", "", first_class)] + [chr(c) for c in range(0x80, 0xA0)]
    samples += ["á»", "áº", "Æ°", "Æ¡", "Ä‘", "Äƒ"]
    for s in samples:
        text = f"Việt Nam {s} hợp tác"
        assert any(rx.search(text) for rx in decode._SIG_ANY), s
        assert decode._has_signature_char(text), s
    assert not decode._has_signature_char("Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Hàn Quốc.")


def test_credit_line_numbers_cover_every_line_with_a_credit_word():
    body = "Đoạn một.\n\n(Ảnh: TTXVN)\nĐoạn hai có Photo: AFP ở giữa.\n\n\nĐoạn ba (nguồn: VOV).\nHết"
    lines = body.split("\n")
    expected = {i for i, ln in enumerate(lines) if clean._ANY_CREDIT_WORD.search(ln)
                or any(p in ln for p in clean._INLINE_CREDIT_PARTS)}
    assert expected == {2, 3, 6}
    assert expected <= clean._lines_with_credit_parts(body)


def test_header_reads_the_same_first_lines_as_a_full_split():
    text = "\n \n" * 9 + "Tiêu đề\n\n22:00 25/06/2024\n" + "\n" * 20 + "Thân bài.\nHết."
    lines = text.split("\n")
    full = [(i, ln) for i, ln in enumerate(lines) if ln.strip()]
    assert _first_nonblank_lines(text, 6) == full[:6]
    assert _first_nonblank_lines("a\nb", 6) == [(0, "a"), (1, "b")]
    assert parse_timestamp("22:00 25-06-2024") is None  # no "/": not a timestamp line
    assert parse_timestamp("22:00 25/06/2024") == "2024-06-25T22:00"


def test_signature_keys_are_in_every_signature_match():
    # every _SIG alternative is a pair of characters: try all pairs of the characters they
    # are made of (ASCII letters, Latin-1, C1 controls, the Windows-1252 punctuation)
    alphabet = [chr(c) for c in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0x80, 0x100),
                                 0x192, *range(0x2010, 0x2031), 0x2039, 0x203A, 0x20AC, 0x2122,
                                 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x2C6, 0x2DC)]
    for enc, rx in decode._SIG.items():
        key = decode._SIG_KEYS[enc]
        for a in alphabet:
            for b in alphabet:
                if rx.fullmatch(a + b):
                    assert key.search(a + b), (enc, a + b)
