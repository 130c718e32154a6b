"""Vietnamese sentence splitting: fast, regex-based, offsets into the text.

Rules (each one a reason a splitter gets Vietnamese news wrong):

- A newline always ends a sentence, so headings, captions and bullet lines stand alone.
- ``. ! ? …`` (and the wire end mark ``./.``) end a sentence only when whitespace and a
  sentence start follow: an upper-case letter, a digit, an opening quote or bracket, or a
  bullet. ``v.v. và`` goes on; ``v.v. Hai bên`` is a new sentence.
- No whitespace, no boundary: ``TP.HCM``, ``GS.TS``, ``1.000``, ``10.3``, ``25/6``, ``13-8``.
- A period after a known abbreviation (``TP. Hồ Chí Minh``, ``ThS. Nguyễn``; the list is
  ``data/abbreviations.tsv``), a single upper-case initial (``V. Putin``) or a list marker
  (``2. Nội dung``, ``IV. Kết luận``) is not a boundary.
- A closing quote or bracket after the final punctuation stays with its sentence.
- Two sentences glued by a crawl (``Trung Quốc.Trong khuôn khổ``) are split when a
  lower-case word of two or more letters meets a capitalised word.
- Inline bullets (``•``, or ``- `` / ``+ `` after ``:`` or ``;``) start a new sentence.

Only boundary candidates reach Python code (a few per sentence); the scan itself is one
compiled regex, so splitting costs well under a millisecond per article.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Article, Span
from ._data import load_tsv
from .chars import CLOSE_QUOTES, LOWER, OPEN_QUOTES, UPPER

SENT_LABEL = "SENT"
STAGE = "sentences"

# A run of punctuation is tried once, from its first character, and never backtracked
# (long dot leaders "......" were quadratic otherwise).
_END = rf"(?<![.!?…])[.!?…]++(?:/\.)?+[{CLOSE_QUOTES}]*+"
# The leading lookahead gives the regex engine one character set to scan for (5x faster
# than letting it try every alternative at every position).
_BOUNDARIES = re.compile(
    rf"(?=[.!?…\n•●▪■◆;:])(?:"
    rf"(?P<end>{_END})(?=[ \t\u00a0\u2009]+[{OPEN_QUOTES}]*[{UPPER}0-9•●▪\-–])"
    rf"|(?P<nl>\n)"
    rf"|(?P<glued>\.)(?<=[{LOWER}]{{2}}\.)(?=[{UPPER}][{LOWER}])"
    rf"|(?P<bullet>[•●▪■◆])"
    rf"|(?P<dash>[;:])(?=[ \t]+[-–+][ \t]))"
)
_HAS_WORD = re.compile(r"\w")


@cache
def abbreviations() -> frozenset[str]:
    """Tokens after which a period does not end a sentence (``data/abbreviations.tsv``)."""
    return frozenset(row["abbr"].strip() for row in load_tsv("sukien.text.data", "abbreviations.tsv",
                                                             required=("abbr",)))


def _token_before(text: str, i: int) -> str:
    """The whitespace-delimited token ending at ``i``, without opening quotes/brackets."""
    j = i
    while j > 0 and not text[j - 1].isspace() and i - j < 40:
        j -= 1
    return text[j:i].lstrip(OPEN_QUOTES.replace("\\", ""))


_LIST_MARKER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])$")


def _is_abbreviation(tok: str, abbr: frozenset[str]) -> bool:
    if not tok:
        return False
    if tok in abbr or tok.rsplit(".", 1)[-1] in abbr:
        return True
    # A single upper-case initial: "V. Putin", "N. T. Hà"; a list marker: "2. Nội dung",
    # "IV. Kết luận", "b. Hợp tác" (it starts an item, it does not end a sentence).
    return (len(tok) == 1 and tok.isupper()) or bool(_LIST_MARKER.match(tok))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, whitespace-trimmed, in order, disjoint."""
    abbr = abbreviations()
    cuts: list[tuple[int, int]] = []  # (end of previous sentence, start of the next)
    for m in _BOUNDARIES.finditer(text):
        kind = m.lastgroup
        if kind == "end":
            punct = m.group("end")
            if punct[0] == "." and not punct.startswith("..."):
                if _is_abbreviation(_token_before(text, m.start()), abbr):
                    continue
            cuts.append((m.end(), m.end()))
        elif kind == "glued":
            if _is_abbreviation(_token_before(text, m.start()), abbr):
                continue
            cuts.append((m.end(), m.end()))
        elif kind == "nl":  # the newline belongs to neither sentence
            cuts.append((m.start(), m.end()))
        elif kind == "bullet":  # the bullet starts the next sentence
            cuts.append((m.start(), m.start()))
        else:  # "; - item": the separator stays with the previous sentence
            cuts.append((m.end(), m.end()))
    spans: list[tuple[int, int]] = []
    pos = 0
    for end, nxt in [*cuts, (len(text), len(text))]:
        seg = text[pos:end]
        if _HAS_WORD.search(seg):
            start = pos + (len(seg) - len(seg.lstrip()))
            stop = pos + len(seg.rstrip())
            spans.append((start, stop))
        pos = nxt
    return spans


def split_sentences_stage(article: Article) -> Article:
    """Pipeline stage: ``article.sentences`` (label SENT), skipping caption spans.

    Captions are normally removed from ``text_clean`` by the cleaner (zero-length caption
    spans mark where they were); a caption span with a length, if some reader keeps one,
    is left out of the sentences so no later stage reads it as body text.
    """
    captions = [c for c in article.captions if c.end > c.start]
    sentences = []
    for s, e in split_sentences(article.text_clean):
        if captions and any(c.start <= s and e <= c.end for c in captions):
            continue
        sentences.append(Span(s, e, SENT_LABEL, STAGE))
    article.sentences = sentences
    return article
