"""A length-preserving fold for search: lower case, no diacritics, ``đ`` → ``d``.

FTS5's ``unicode61 remove_diacritics 2`` tokenizer strips tone marks but leaves ``đ``/``Đ``
alone (it is a separate letter, not ``d`` plus a mark), so ``dang`` would not find
``Đảng``. The store therefore indexes a folded copy of each text and folds queries the
same way. The fold maps every character to exactly one character, so an offset into the
folded text is the same offset into the original: search snippets are cut from the
original text at the positions where the folded query matched.

This is deliberately separate from the matching fold in ``sukien.text`` (if any): that one
may change lengths (it is about tone placement); this one must not.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Latin-1 Supplement .. Latin Extended-B, and Latin Extended Additional (all precomposed
# Vietnamese letters live in these two blocks plus ASCII).
_RANGES = ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if ch in _SPECIAL:
                table[cp] = _SPECIAL[ch]
                continue
            base = unicodedata.normalize("NFD", ch)[0].lower()
            if len(base) == 1 and base != ch:
                table[cp] = base
    return table


def fold(text: str) -> str:
    """``"Tổng Bí thư Tô Lâm, Đảng"`` → ``"tong bi thu to lam, dang"``; same length as input."""
    return text.translate(_table())
