"""The fast splitter gives exactly the spans of a plain, obviously-correct one.

``split_sentences`` decides the common cases inside one regex (boundaries found by a scan
that opens with a character class, whitespace after a boundary matched, periods after two
lower-case letters cleared without a token test). The reference below applies the rules of
the module docstring one candidate at a time, the way the splitter was first written; any
difference between the two on arbitrary text is a bug in the fast one.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sukien.text.chars import CLOSE_QUOTES, LOWER, OPEN_QUOTES, UPPER
from sukien.text.sentences import abbreviations, split_sentences

_END = rf"(?<![.!?…])[.!?…]++(?:/\.)?+[{CLOSE_QUOTES}]*+"
_CANDIDATES = re.compile(
    rf"(?=[.!?…\n•●▪■◆;:])(?:"
    rf"(?P<end>{_END})(?=[ \t\u00a0\u2009]+[{OPEN_QUOTES}]*[{UPPER}0-9•●▪\-–])"
    rf"|(?P<nl>\n)"
    rf"|(?P<glued>\.)(?<=[{LOWER}]{{2}}\.)(?=[{UPPER}][{LOWER}])"
    rf"|(?P<bullet>[•●▪■◆])"
    rf"|(?P<dash>[;:])(?=[ \t]+[-–+][ \t]))"
)
_LIST_MARKER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])$")


def _token_before(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace() and i - j < 40:
        j -= 1
    return text[j:i].lstrip(OPEN_QUOTES.replace("\\", ""))


def _is_abbreviation(tok: str) -> bool:
    if not tok:
        return False
    if tok in abbreviations() or tok.rsplit(".", 1)[-1] in abbreviations():
        return True
    return (len(tok) == 1 and tok.isupper()) or bool(_LIST_MARKER.match(tok))


def reference_split(text: str) -> list[tuple[int, int]]:
    cuts = []  # (end of one sentence, start of the next)
    for m in _CANDIDATES.finditer(text):
        kind = m.lastgroup
        if kind in ("end", "glued"):
            punct = m.group(kind)
            if punct[0] == "." and not punct.startswith("...") and _is_abbreviation(_token_before(text, m.start())):
                continue
            cuts.append((m.end(), m.end()))
        elif kind == "nl":
            cuts.append((m.start(), m.end()))
        elif kind == "bullet":
            cuts.append((m.start(), m.start()))
        else:
            cuts.append((m.end(), m.end()))
    spans, pos = [], 0
    for end, nxt in [*cuts, (len(text), len(text))]:
        seg = text[pos:end]
        if re.search(r"\w", seg):
            spans.append((pos + len(seg) - len(seg.lstrip()), pos + len(seg.rstrip())))
        pos = nxt
    return spans


# Words and separators that reach every rule: every abbreviation of the data file (also
# those ending in two lower-case letters, which the fast path must not clear), initials,
# list markers, dotted compounds, numbers, ordinary words, 40+ character tokens; then
# periods, wire end marks, quotes, bullets, dashes after ":"/";" and unusual whitespace.
WORDS = sorted(abbreviations()) + ["V", "IV", "b", "đ", "12", "2024", "nhau", "Nam", "Hà", "Ông", "Trong", "a",
                                   "v.v", "x" * 39, "y" * 45, "_", "“Tổng", "(TP", "«A"]
SEPARATORS = [" ", ". ", ".", "... ", "./. ", "! ", "? ", "… ", ".” ", ".) ", ".\n", "\n\n", ". “", ". (", ". •",
              ": - ", "; + ", ":\t– ", " • ", "●", ".\u00a0", ".\u2009", "\u3000", "\x0b", "\t", "  ", ". -", ". 2"]
texts = st.lists(st.one_of(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)).map("".join),
                           st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_fast_splitter_equals_reference(text):
    assert split_sentences(text) == reference_split(text)


def test_reference_agrees_on_a_news_paragraph():
    text = ("Chiều 21/11, tại TP. Hồ Chí Minh, PGS.TS. Nguyễn Văn An và Prof. Smith gặp ông V. Putin. "
            "Hai bên trao đổi về: - Kinh tế; - Văn hóa. Ông nói: “Chúng tôi sẽ hợp tác.” Việt Nam ký kết./.\n\n"
            "• Tin liên quan.Trong khuôn khổ chuyến thăm, 2. Hợp tác đầu tư vs. thương mại... Hết")
    assert split_sentences(text) == reference_split(text)
    assert len(split_sentences(text)) >= 7


def _matches(ms):
    return [(m.start(), m.end(), m.lastgroup) for m in ms]


# Punctuation runs mixing the characters of different scans (".!?", "?!..", "…”"), so the
# matches of one scan hold candidates of another.
RUNS = st.text(alphabet=".!?…\n•●▪■◆;:-–+/”) \t\u00a0aAđĐ1", max_size=40)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(texts, RUNS))
def test_scans_per_character_find_the_matches_of_the_one_scan(text):
    from sukien.text.sentences import _boundaries, _scan

    assert _matches(_scan(text)) == _matches(_boundaries().finditer(text))
