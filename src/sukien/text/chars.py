"""Character classes for Vietnamese text, as strings to put inside a regex ``[...]``.

Python's ``re`` has no ``\\p{Lu}``; these are built once from the Latin blocks Vietnamese
uses (Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional).
"""

from __future__ import annotations

import re


def _letters(upper: bool) -> str:
    ranges = (range(0x41, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
    chars = [chr(cp) for r in ranges for cp in r
             if chr(cp).isalpha() and (chr(cp).isupper() if upper else chr(cp).islower())]
    return re.escape("".join(chars))


UPPER = _letters(upper=True)
"""Upper-case Latin letters incl. all Vietnamese ones (Đ, Ơ, Ư, Ắ, ...)."""

LOWER = _letters(upper=False)
"""Lower-case Latin letters incl. all Vietnamese ones."""

OPEN_QUOTES = "\"“‘'«(\\["
CLOSE_QUOTES = "\"”’'»)\\]"
