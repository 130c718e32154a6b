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
compiled regex that the engine runs in C, so splitting costs tens of microseconds per
article.
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
_END_REST = rf"[.!?…]*+(?:/\.)?+[{CLOSE_QUOTES}]*+"
_END_SPACE = r"[ \t\u00a0\u2009]++"
_SENTENCE_START = rf"(?=[{OPEN_QUOTES}]*[{UPPER}0-9•●▪\-–])"


# The characters a boundary candidate starts with.
BOUNDARY_CHARS = ".!?…\n•●▪■◆;:"
# One scan per group of them (each character alone, the rare bullets together). A pattern
# that opens with one literal character is scanned for in C at ~3 instructions a character,
# one that opens with a class of them at ~60: scanning for "." and "\n" separately, and for
# the other characters only in the texts that hold them (a memchr test), is ~3x cheaper than
# scanning once for the class.
_SCAN_GROUPS = (".", "\n", ":", ";", "?", "!", "…", "•●▪■◆")
# Of those, the candidates whose matches can hold another group's candidate: a match that
# opens with one of ".!?…" runs on over the rest of the punctuation run (".!?", "?!").
_RUN_CHARS = ".!?…"


@cache
def _boundaries(first: str = BOUNDARY_CHARS) -> re.Pattern[str]:
    """One scan for every boundary candidate that starts with a character of ``first``
    (by default all of them: ``_scan`` runs one per group of ``_SCAN_GROUPS`` instead).

    The pattern opens with the class of characters a boundary can start with, so the engine
    scans for them in C (a pattern opening with a look-ahead or look-behind is tried at
    every position: 10x slower); the branch after it looks back at that character to tell
    the kinds apart. Each kind is a named group (``m.lastgroup``) spanning from where the
    sentence ends to where the next one starts (the whitespace between them), except "nl"
    and "bullet", which are cut at the match itself.

    A period after two lower-case letters ("nhau.", "Nam.") is "sure": no abbreviation,
    initial or list marker ends so, unless the word is one of the abbreviations that end in
    two lower-case letters ("Prof.", "vs."), which are written out as look-behinds. Only the
    other periods ("TP.", "2024.", "V.") reach the token test in Python.
    """
    lower2 = re.compile(f"[{LOWER}]{{2}}$")
    not_abbr = "".join(f"(?<!{re.escape(a)}\\.)" for a in sorted(abbreviations()) if lower2.search(a))
    kinds = (
        # ". ! ? …" (a run, "./." and closing quotes) + whitespace + a sentence start
        (".", rf"(?<=[{LOWER}]{{2}}\.){not_abbr}{_END_REST}(?P<sure>{_END_SPACE}){_SENTENCE_START}"),
        (".!?…", rf"(?<![.!?…].)(?<=[.!?…]){_END_REST}(?P<end>{_END_SPACE}){_SENTENCE_START}"),
        # a newline and any whitespace after it (blank lines, indentation)
        ("\n", r"(?<=\n)(?P<nl>)\s*"),
        # "Trung Quốc.Trong khuôn khổ"
        (".", rf"(?<=[{LOWER}]{{2}}\.)(?=[{UPPER}][{LOWER}])(?P<glued>)"),
        ("•●▪■◆", r"(?<=[•●▪■◆])(?P<bullet>)"),
        # "Gồm: - An ninh; - Quốc phòng"
        (";:", r"(?<=[;:])(?P<dash>[ \t]++)(?=[-–+][ \t])"),
    )
    # Each kind looks back at the character it opens with: the kinds none of whose
    # characters are in ``first`` can't match and are left out.
    return re.compile(rf"[{re.escape(first)}](?:"
                      + "|".join(rx for chars, rx in kinds if any(c in chars for c in first)) + ")")


_HAS_WORD = re.compile(r"\w")
_FIRST_NON_SPACE = re.compile(r"\S")
# The longest token looked at before a period (a run of 40 non-space characters is no
# abbreviation; the bound keeps the look-back cheap on long runs).
MAX_TOKEN_CHARS = 40
_OPEN_QUOTE_CHARS = OPEN_QUOTES.replace("\\", "")


@cache
def abbreviations() -> frozenset[str]:
    """Tokens after which a period does not end a sentence (``data/abbreviations.tsv``)."""
    return frozenset(row["abbr"].strip() for row in load_tsv("sukien.text.data", "abbreviations.tsv",
                                                             required=("abbr",)))


def _token_before(text: str, i: int) -> str:
    """The whitespace-delimited token ending at ``i`` (at most MAX_TOKEN_CHARS characters),
    without opening quotes/brackets."""
    lo = i - MAX_TOKEN_CHARS if i > MAX_TOKEN_CHARS else 0
    tok = text[text.rfind(" ", lo, i) + 1 or lo:i]
    # rfind saw only " "; every other whitespace character is unprintable, so a printable
    # token holds none (the common case). Otherwise walk back character by character.
    if not tok.isprintable():
        j = i
        while j > 0 and not text[j - 1].isspace() and i - j < MAX_TOKEN_CHARS:
            j -= 1
        tok = text[j:i]
    return tok.lstrip(_OPEN_QUOTE_CHARS)


_LIST_MARKER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])$")


def _is_abbreviation(tok: str, abbr: frozenset[str]) -> bool:
    if not tok:
        return False
    if tok in abbr or tok.rsplit(".", 1)[-1] in abbr:
        return True
    # A single upper-case initial: "V. Putin", "N. T. Hà"; a list marker: "2. Nội dung",
    # "IV. Kết luận", "b. Hợp tác" (it starts an item, it does not end a sentence).
    return (len(tok) == 1 and tok.isupper()) or bool(_LIST_MARKER.match(tok))


@cache
def _group_scans() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # all compiled at once, on first use (a run's warm-up), not when a text first holds ";"
    return tuple((chars, _boundaries(chars)) for chars in _SCAN_GROUPS)


def _scan(text: str) -> list[re.Match[str]]:
    """The matches of ``_boundaries().finditer(text)``, from one scan per group of
    ``_SCAN_GROUPS`` whose characters the text holds.

    The regex at a position behaves the same whatever class it opens with, as long as the
    class holds the character there, so each group's scan finds the one scan's matches that
    open with its characters; except that the one scan never tries a candidate inside an
    earlier match. Only matches opening with ".!?…" hold candidates of other groups (the rest
    of their punctuation run), and two such matches from one run end at the same place (the
    run, closing quotes and spaces are taken possessively): so after sorting, a match that
    starts before the end of the previous one is the match the one scan never tried.
    """
    found: list[re.Match[str]] = []
    scans = runs = 0
    for chars, rx in _group_scans():
        if chars in text if len(chars) == 1 else any(c in text for c in chars):
            found.extend(rx.finditer(text))
            scans += 1
            runs += chars in _RUN_CHARS
    if scans <= 1:
        return found
    found.sort(key=re.Match.start)
    if runs <= 1:
        return found
    kept: list[re.Match[str]] = []
    end = 0
    for m in found:
        if m.start() >= end:
            kept.append(m)
            end = m.end()
    return kept


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, whitespace-trimmed, in order, disjoint."""
    abbr = abbreviations()
    spans: list[tuple[int, int]] = []
    first = _FIRST_NON_SPACE.search(text)
    if first is None:
        return spans
    pos = first.start()  # where the current sentence starts; never on whitespace
    for m in _scan(text):
        kind = m.lastgroup
        if kind == "sure":
            end, nxt = m.span(kind)
        elif kind == "nl":  # the newline belongs to no sentence
            end, nxt = m.span()
            if end > pos and text[end - 1].isspace():
                end = pos + len(text[pos:end].rstrip())
        elif kind == "bullet":  # the bullet starts the next sentence
            end = nxt = m.start()
            if end > pos and text[end - 1].isspace():
                end = pos + len(text[pos:end].rstrip())
        else:
            end, nxt = m.span(kind)
            if kind != "dash":
                # a period after an abbreviation, an initial or a list marker goes on
                p = m.start()
                if text[p] == "." and not text.startswith("...", p) \
                        and _is_abbreviation(_token_before(text, p), abbr):
                    continue
        if end > pos:
            c = text[pos]
            if c.isalnum() or c == "_" or _HAS_WORD.search(text, pos, end):  # isalnum + "_" is \w
                spans.append((pos, end))
        pos = nxt
    end = len(text)
    if end > pos:
        c = text[pos]
        if c.isalnum() or c == "_" or _HAS_WORD.search(text, pos, end):
            if text[end - 1].isspace():
                end = pos + len(text[pos:end].rstrip())
            spans.append((pos, end))
    return spans


def split_sentences_stage(article: Article) -> Article:
    """Pipeline stage: ``article.sentences`` (label SENT), skipping caption spans.

    Captions are normally removed from ``text_clean`` by the cleaner (zero-length caption
    spans mark where they were); a caption span with a length, if some reader keeps one,
    is left out of the sentences so no later stage reads it as body text.
    """
    captions = [c for c in article.captions if c.end > c.start]
    spans = split_sentences(article.text_clean)
    if captions:
        spans = [(s, e) for s, e in spans if not any(c.start <= s and e <= c.end for c in captions)]
    # attrs given: a literal {} is cheaper than the dataclass calling its dict factory
    article.sentences = [Span(s, e, SENT_LABEL, STAGE, {}) for s, e in spans]
    return article
