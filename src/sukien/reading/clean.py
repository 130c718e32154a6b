"""Boilerplate removal: from a page body to ``text_clean``.

What is removed, and where it goes:

- **Captions and photo credits** (``Ảnh: Giang Huy``, ``(Ảnh: TTXVN)``, ``(Nguồn: TTXVN)``,
  a short line ending with such a credit, ``Ảnh minh họa``) are taken *out* of
  ``text_clean``. Each leaves a zero-length :class:`~sukien.model.Span` (label ``CAPTION``,
  stage ``clean``) at the place it stood, with ``attrs = {"text": ..., "credit": ...}``; the
  texts are also listed in ``article.meta["captions"]``. Why out rather than marked: every
  stage, including ones that scan the whole text with a gazetteer, is then safe from photo
  credits being read as actors, and no stage has to remember to skip them. A credit glued
  into a flattened paragraph (``... Myanmar. Ảnh: Nhan Sáng/TTXVN Nhiệt liệt ...``) is cut
  out alone; the sentence before it stays, because it may be body text.
- **Related-article, teaser and widget blocks**: lines matching a cue of
  ``knowledge/data/boilerplate.tsv`` are dropped — to the end of the text (``end``), to the
  end of their block (``block``) or alone (``line``). A cue that would cut to the end keeps
  at least :data:`MIN_BODY_BEFORE_CUT` characters of body, so a cue at the top can't empty an
  article. A late ``HH:MM DD/MM/YYYY`` line (teaser lists: title, time, summary) cuts the
  text from the teaser's title on.
- **Title repeated** as a body line (the page heading, or an image alt text) is dropped;
  :func:`sukien.reading.article_from_text` then puts a headline that was part of the text
  back once, as the first paragraph (gold quotes headlines; ``meta["title_span"]``).
- **Related links in brackets** inside a paragraph (``[Ngoại trưởng Kishida: Nhật Bản ủng
  hộ Việt Nam toàn diện]``, VietnamPlus style) are removed into ``meta["related"]``.
- **Bylines and source lines at the end** (``Minh Anh``, ``Đức Dũng (TTXVN)``,
  ``Việt Cường/VOV``, ``Theo VOV``, ``TTXVN``) are removed into ``article.meta["byline"]``;
  a line ending with the wire end mark ``./.`` ends the article (what follows on later lines
  is teasers or source links).

Real body text is never rewritten: kept lines are copied as they are (only NBSP/tab become
spaces and trailing spaces go), so quotes from the article stay exact substrings.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache

from ..knowledge import load_table
from ..model import Span
from ..text.chars import LOWER, UPPER
from ..text.normalize import match_key

CAPTION_LABEL = "CAPTION"
STAGE = "clean"

# Calibrated on seeds + 300 random articles of corpus/news: a cue that cuts to the end is
# obeyed only after this much body (the shortest real bodies with a related box are ~250
# characters; headers/sapo lines before the body are shorter than this).
MIN_BODY_BEFORE_CUT = 200
# A line ending with a photo credit is a caption only when it is at most this long
# (line captions in trends2024: median 74, 95th percentile 155, 99th 221 characters;
# longer lines ending with a credit are mostly content paragraphs of photo listicles, and
# for those only the credit is removed).
MAX_CAPTION_LINE_CHARS = 220
# A cue line is a header or a link: longer lines that start with a cue are flattened
# paragraphs (">> link >> link Body ...", baomoi/mds2013) and are kept whole.
MAX_CUE_LINE_CHARS = 300
# When caption lines hold more than this share of the text, the article is a photo story
# or a live blog whose captions are the content: then only the credits are removed
# (dantri photo essays, trends2024 match reports: 60-95 % caption lines; news: < 20 %).
MAX_CAPTION_SHARE = 0.5
# A line at least this long that starts the next paragraph again is a duplicated lead.
MIN_REPEATED_LEAD_CHARS = 30
# Trailing lines examined for bylines/source notes.
MAX_BYLINE_LINES = 3
# A byline is short: at most this many characters and tokens.
MAX_BYLINE_CHARS = 60
MAX_BYLINE_TOKENS = 7
# An author + "Theo <outlet>" glued to the last paragraph is looked for in this many final
# characters (baomoi2017: such tails are 15-70 characters long).
MAX_SOURCE_TAIL_CHARS = 100

_SPACE_CHARS = "\u00a0\t\u2009\u202f\u2007"
_SPACES = re.compile(f"[{_SPACE_CHARS}]")

# -- patterns ----------------------------------------------------------------------------

_PHOTO = r"(?:Ảnh|ẢNH|Ảnh minh (?:họa|hoạ)|Ảnh chụp màn hình|Nguồn ảnh|Đồ (?:họa|hoạ)|Infographic|Photo)"
_CREDIT_KW = rf"(?:{_PHOTO}|Nguồn|NGUỒN|Video|Clip)"
# Every credit pattern below contains one of these words (each alternative of _PHOTO and
# _CREDIT_KW does): a line without any of them is no caption. Their alternation starts with
# literals only, so the engine scans for its first characters in C, ~20x cheaper than the
# credit patterns tried at every position of every line.
_CREDIT_WORD_PARTS = ("Ảnh", "ẢNH", "(ảnh", "Nguồn", "NGUỒN", "Đồ", "Infographic", "Photo", "Video", "Clip")
_ANY_CREDIT_WORD = re.compile("|".join(map(re.escape, _CREDIT_WORD_PARTS)))
# Substrings without which _strip_inline_credits finds no credit in a line.
_INLINE_CREDIT_PARTS = ("Ảnh", "ẢNH", "Photo", "Đồ h", "(Nguồn", "(nguồn", "ảnh:")
# Lines holding either kind are few (8 % in trends2024): one scan of the whole body finds
# them, and the caption and inline-credit tests run on those lines only.
_ANY_CREDIT_PART = re.compile("|".join(map(re.escape, sorted({*_CREDIT_WORD_PARTS, *_INLINE_CREDIT_PARTS},
                                                               key=len, reverse=True))))
# The whole body is searched for the parts with str.find rather than that alternation: the
# alternation opens with a character class, which the regex engine tests at every character
# (~65 instructions each), while str.find skips through the text in C (~3 per character), and
# a single character is found with memchr (~0.1). A line holding a part holds a part that
# contains no other part, so only those are searched for; and each is searched for only when
# its gate, a substring of it (here mostly one rare character), is in the body: "Ả" rules
# out "Ảnh" and "ẢNH" in two articles of three, "ảnh" rules out "(ảnh" and "ảnh:".
_CREDIT_PART_GATES = ("Ả", "ảnh", "Ồ", "guồn", "f")


def _gated_parts(parts: set[str], gates: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(gate, the parts that contain it) for the ``parts`` that contain no other part; a part
    containing none of ``gates`` is its own gate."""
    minimal = sorted(p for p in parts if not any(q != p and q in p for q in parts))
    groups: dict[str, list[str]] = {}
    for part in minimal:
        groups.setdefault(next((g for g in gates if g in part), part), []).append(part)
    return tuple((gate, tuple(group)) for gate, group in groups.items())


_CREDIT_PART_SEARCH = _gated_parts({*_CREDIT_WORD_PARTS, *_INLINE_CREDIT_PARTS}, _CREDIT_PART_GATES)
# A whole line that is only a credit: "(Ảnh: MB)", "Ảnh minh họa.", "Nguồn: TTXVN".
_CREDIT_ONLY = re.compile(rf"^\(?\s*{_CREDIT_KW}\s*(?:[:：]\s*[^()\n]{{1,80}})?\)?\s*[.。]?$")
# A line ending with a credit: "... Woo Won-shik. Ảnh: Giang Huy", "... (Nguồn: TTXVN)",
# "... - Ảnh: VGP/Trần Mạnh.", "... Ảnh minh họa".
_CREDIT_END = re.compile(
    rf"(?:\(\s*{_CREDIT_KW}\s*[:：]\s*[^()\n]{{1,80}}\)"
    rf"|(?:^|(?<=[\s.!?…\"”)]))(?:[-–—|]\s*)?{_PHOTO}\s*[:：]\s*[^:!?\n]{{1,60}}"
    rf"|(?:^|(?<=[\s.!?…\"”)]))(?:[-–—|]\s*)?Ảnh minh (?:họa|hoạ)[^:!?\n]{{0,30}}"
    # a photo note in brackets without a colon: "(Ảnh chụp màn hình)", "(ảnh minh họa)",
    # "(Ảnh do nhà phát hành cung cấp)", "(Ảnh tư liệu)"
    rf"|\(\s*(?:Ảnh|ảnh|ẢNH)\s+(?:chụp màn hình|minh h(?:ọa|oạ)|tư liệu|do [^()\n]{{1,60}}"
    rf"|[^()\n:]{{0,40}}cung cấp)\s*\))\s*\.?$"
)
# A credit inside a flattened paragraph: "(Ảnh: An Đăng/TTXVN)" or "Ảnh: Nhan Sáng ..."
_CREDIT_PAREN_INLINE = re.compile(
    rf"\s*\(\s*{_PHOTO}\s*[:：]\s*[^()\n]{{1,60}}\)"
    # "(Nguồn: X)" standing alone after a sentence is a caption credit; inside a sentence
    # it is a citation and stays.
    rf"|(?<=[.!?…\"”])\s*\(\s*(?:Nguồn|NGUỒN|nguồn)\s*[:：]\s*[^()\n]{{1,60}}\)(?=\s+[{UPPER}]|\s*$)")
# "Trong ảnh: Thủ tướng chào hỏi ..." describes the photo, up to the end of its sentence.
_IN_PHOTO = re.compile(r"(?:(?<=[.!?…\"”] )|^)(?:(?:Trong|TRONG) ảnh\s*:[^.!?\n]{1,300}[.!?]?"
                       r"|Ảnh minh h(?:ọa|oạ)(?:\s*[.:]\s*(?:Nguồn\s*:\s*)?(?:[Ii]nternet|[\w-]+(?:\.[a-z]{2,4})+))?\.?"
                       r"(?=\s+[A-ZĐ]|\s*$))\s*")
_CREDIT_BARE_INLINE = re.compile(rf"(?:(?<=[\s.!?…\"”)])|^)(?:[-–—]\s*)?{_PHOTO}\s*[:：]\s*")

# Words the credit patterns above need, searched for first. Those patterns open with a
# look-behind or an alternation, so the engine tries them at every position of the line;
# these open with literals (scanned for in C), and every match of a credit pattern starts at
# most a run of whitespace and one opening character ("(", a dash) before such a word, so
# the credit pattern is searched from there on (see _start_bound) and finds the same matches.
_CREDIT_END_WORD = re.compile("Ảnh|ẢNH|ảnh|Nguồn|NGUỒN|Đồ|Infographic|Photo|Video|Clip")
_PAREN_CREDIT_WORD = re.compile(r"\(\s*(?:Ảnh|ẢNH|Nguồn|NGUỒN|nguồn|Đồ|Infographic|Photo)")
_IN_PHOTO_WORD = re.compile("Trong ảnh|TRONG ảnh|Ảnh minh h")
_BARE_CREDIT_WORD = re.compile(rf"{_PHOTO}\s*[:：]")

# "... tại Việt Nam. [Ngoại trưởng Kishida: Nhật Bản ủng hộ ...] Thủ tướng khẳng định ..."
_BRACKET_LINK = re.compile(rf"(?:(?<=[.!?…\"”] )|^)\[[{UPPER}][^\[\]\n]{{15,200}}\](?:\s+|$)")
_TIMESTAMP_LINE = re.compile(
    r"^(?:\d{1,2}[:h]\d{2}\s+\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}[:h]\d{2})"
    r"(?:\s*\(?GMT\s*\+\s*7\)?)?$")
_END_MARK = re.compile(r"[.!?…\"”)]\s*/\.\s*")
_SENT_END = re.compile(r"[.!?…:;,]$")
_BLANK_LINES = re.compile(r"\n\n\n+")
# Agency names come from boilerplate.tsv (action "agency"); a web domain or a short
# all-caps token ("VGP", "HAGL", "chinhphu.vn") is an agency-like credit too.
_AGENCY_SHAPE = re.compile(r"^(?:[\w-]+(?:\.[a-z]{2,4})+|[A-ZĐ]{2,6})$")
# Lower-case credit words: "Ảnh: chụp màn hình", "Ảnh: minh họa", "Ảnh: tư liệu", "Ảnh: NVCC".
_CREDIT_WORDS = re.compile(r"\s*(?:[Cc]hụp (?:màn hình|từ clip|từ video|lại)|[Mm]inh h(?:ọa|oạ)|[Tt]ư liệu|"
                           r"[Nn]hân vật cung cấp|NVCC|[Cc]ắt từ (?:clip|video))\.?")
_NAME_TOKEN = re.compile(rf"^[{UPPER}][{UPPER}{LOWER}'’.]*$")
_SOURCE_LINE = re.compile(r"^(?:Theo|THEO|Nguồn|NGUỒN|Nguồn tin|(?:Tin|Bài|TIN|BÀI)(?:,| và| &) (?:ảnh|ẢNH)\s*:)"
                          r"\s*:?\s*\S.{0,70}$")
# "... Việt Nam. Tin, ảnh: VĂN YÊN (từ Bắc Kinh)" at the end of a flattened paragraph.
_TRAILING_CREDIT = re.compile(r"(?<=[.!?…\"”)])\s+((?:Tin|Bài|TIN|BÀI)(?:,| và| &) (?:ảnh|ẢNH)\s*:[^\n]{1,80})$")
# The punctuation before the byline is matched, not looked behind at: a pattern that opens
# with a character class is scanned for in C, one that opens with a look-behind is tried
# at every position. The byline is group 2 and starts after the gap.
_TRAILING_BYLINE = re.compile(
    rf"[.!?…\"”)/](?P<gap>\s+)((?:[{UPPER}][^\s.!?…]*\.?\s*){{1,6}}(?:(?:[-–]\s*)?\([^()\n]{{1,40}}\))?)\s*$")
# "... của Mỹ. Anh Sa Theo Trí thức trẻ/Bloomberg", "... Đại. Trang Đỗ, Theo Thời Đại": the
# author (capitalised words) and the source outlet, glued to the end of a flattened
# paragraph (baomoi). The outlet starts with a capital and holds no comma or sentence mark,
# so a closing sentence that starts with "Theo" ("Theo Bộ Y tế, ...") is no match.
_TRAILING_SOURCE = re.compile(
    rf"[.!?…\"”)](?P<gap>\s+)((?:[{UPPER}][^\s.!?…,]*\.?,?\s+){{0,5}}\(?Theo\s+[{UPPER}]"
    rf"[^\s.!?…,;:\"“”()]*(?:\s+[^\s.!?…,;:\"“”()]+){{0,5}}\)?\.?)\s*$")
_END_MARK_TAIL = re.compile(r"/\.\s+(\S.{0,60})$")


@dataclass(frozen=True, slots=True)
class Cue:
    rx: re.Pattern[str]
    action: str  # end | block | line
    text: str


@cache
def _agencies() -> frozenset[str]:
    return frozenset(r["pattern"] for r in load_table("boilerplate", required=("pattern", "action"))
                     if r["action"] == "agency")


def _is_agency(tok: str) -> bool:
    return tok in _agencies() or bool(_AGENCY_SHAPE.match(tok))


@cache
def _cues() -> tuple[tuple[Cue, ...], frozenset[str]]:
    cues, stops = [], set()
    for row in load_table("boilerplate", required=("pattern", "action")):
        if row["action"] == "agency":
            continue
        if row["action"] == "credit_stop":
            stops.add(row["pattern"].lower())
        else:
            cues.append(Cue(re.compile(row["pattern"], re.IGNORECASE), row["action"], row["pattern"]))
    return tuple(cues), frozenset(stops)


@cache
def _any_cue() -> re.Pattern[str]:
    """All line cues as one alternation: most lines match none, and one scan per line is
    ~10x cheaper than trying each cue; the cue that acts is still the first in file order."""
    cues, _ = _cues()
    return re.compile("|".join(f"(?:{c.text})" for c in cues if not _is_gmt_cue(c)) or r"(?!)", re.IGNORECASE)


def _is_gmt_cue(cue: Cue) -> bool:
    """A cue that opens with a character class (the weekday byline-date line) would make the
    one alternation try every alternative at every line (+30 % read time): it is left out
    of it and tried only on the few lines that hold "GMT", which it requires."""
    return cue.text.startswith("[") and "GMT" in cue.text


@cache
def _gmt_cues() -> tuple[Cue, ...]:
    return tuple(c for c in _cues()[0] if _is_gmt_cue(c))


@dataclass(slots=True)
class Caption:
    text: str
    credit: str | None
    line: int  # index in the kept-line list the caption precedes (or sits in)
    col: int = 0  # char offset inside that line (inline credits)


@dataclass(slots=True)
class Cleaned:
    text: str
    captions: list[Span] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


# -- helpers -----------------------------------------------------------------------------

def _is_caption_line(line: str) -> tuple[str, int] | None:
    """(credit, where the credit starts) when the whole short line is a photo caption."""
    if len(line) > MAX_CAPTION_LINE_CHARS:
        return None
    if not _ANY_CREDIT_WORD.search(line):
        return None
    if _CREDIT_ONLY.match(line):
        return line.strip("() ."), 0
    word = _CREDIT_END_WORD.search(line)
    m = _CREDIT_END.search(line, _start_bound(line, word.start(), opener=True)) if word else None
    if not m:
        return None
    credit = m.group(0).strip(" .-–—|()")
    # "Nguồn: X" ending a long two-sentence paragraph is a citation, not a caption.
    if credit.startswith(("Nguồn", "NGUỒN")) and not m.group(0).lstrip().startswith("("):
        return None
    return credit, m.start()


_TOKEN = re.compile(r"\s*(\S+)")
_SEPARATORS = ("-", "–", "—", "/", "|")


def _is_caps_word(tok: str) -> bool:
    """An all-caps word of letters ("HÒA", "HUY"): the next part of an all-caps name."""
    core = tok.strip("(),;.")
    return len(core) >= 2 and core.isalpha() and core.isupper()


def _credit_end(line: str, start: int, stops: frozenset[str]) -> int:
    """End of a bare photo credit that starts at ``start`` ("Nhan Sáng/TTXVN", "Giang Huy").

    The credit is a short run of capitalised name tokens and agencies. In a flattened
    paragraph the body follows without punctuation, so the run stops before a word that
    starts sentences or titles (``credit_stop`` rows of boilerplate.tsv) or before a
    capitalised word followed by a lower-case one, once two name tokens are taken.
    """
    pos, names = start, 0
    words = _CREDIT_WORDS.match(line, pos)
    if words:
        pos, names = words.end(), 1
    caps_name = False  # inside an all-caps name ("THANH TIÊN"): it ends at its last all-caps word
    while names < 5:
        m = _TOKEN.match(line, pos)
        if not m:
            break
        tok = m.group(1)
        core = tok.strip("(),;")
        if core in _SEPARATORS:  # "Thống Nhất – TTXVN"
            pos = m.end()
            continue
        parts = [p for p in re.split(r"[/\-–]", core.rstrip(".")) if p]
        if not parts or not all(_NAME_TOKEN.match(p) or _is_agency(p) for p in parts):
            break  # a lower-case word: the body starts here
        agency_end = bool(_is_agency(parts[-1]))
        nxt = _TOKEN.match(line, m.end())
        nxt_tok = nxt.group(1) if nxt else ""
        if agency_end and parts[-1] not in _agencies() and _is_caps_word(nxt_tok):
            agency_end = False  # "ANH HÒA": an all-caps name, not an agency acronym
            caps_name = True
        # In a flattened paragraph the body goes on after the credit: a capitalised word
        # followed by a lower-case one starts it ("Nhan Sáng Ngay sau khi ...").
        if not agency_end and names >= 1 and (
                nxt_tok[:1].islower()  # "Nhan Sáng Ngay sau khi ..."
                or (core.lower() in stops and (names >= 2 or not nxt_tok[:1].isupper()))):  # "K.H Chiều 3/5"
            break
        pos = m.end()
        names += 1
        if tok.endswith((".", ")")):
            break
        if caps_name and not _is_caps_word(nxt_tok) and nxt_tok not in _SEPARATORS:
            break  # "THANH TIÊN Chị Hương ...": the body starts after the all-caps name
        if agency_end and nxt_tok not in _SEPARATORS and not core.endswith(_SEPARATORS):
            break
    return pos


def _start_bound(line: str, at: int, *, opener: bool) -> int:
    """The first position a match can start at when it needs the word at ``at`` (or a later
    one) preceded only by whitespace, and by one opening character when ``opener``. The
    bound only grows with ``at`` (a word is not whitespace), so the first word gives it."""
    while at and line[at - 1].isspace():  # \s and str.isspace() are the same class
        at -= 1
    return at - 1 if opener and at else at


def _strip_inline_credits(line: str, stops: frozenset[str]) -> tuple[str, list[tuple[int, str]]]:
    """Remove photo credits inside a long line; returns the line and (column, credit) pairs."""
    found: list[tuple[int, str]] = []
    if not any(part in line for part in _INLINE_CREDIT_PARTS):
        return line, found
    # each pass is searched from where its first possible match starts (see _CREDIT_END_WORD)
    if word := _PAREN_CREDIT_WORD.search(line):
        out, pos = [], 0
        for m in _CREDIT_PAREN_INLINE.finditer(line, _start_bound(line, word.start(), opener=False)):
            out.append(line[pos:m.start()])
            found.append((sum(map(len, out)), m.group(0).strip(" ()")))
            pos = m.end()
        if out:
            out.append(line[pos:])
            line = "".join(out)
    if word := _IN_PHOTO_WORD.search(line):
        out, pos = [], 0
        for m in _IN_PHOTO.finditer(line, word.start()):
            out.append(line[pos:m.start()])
            found.append((sum(map(len, out)), m.group(0).strip()))
            pos = m.end()
        if out:
            out.append(line[pos:])
            line = "".join(out)
    if not (word := _BARE_CREDIT_WORD.search(line)):
        return line.strip() if found else line, found
    out, pos = [], 0
    for m in _CREDIT_BARE_INLINE.finditer(line, _start_bound(line, word.start(), opener=True)):
        if m.start() < pos:
            continue
        end = _credit_end(line, m.end(), stops)
        if end == m.end():
            continue  # "Ảnh:" followed by lower-case text: not a credit
        before = line[pos:m.start()].rstrip()
        out.append(before)
        found.append((sum(map(len, out)), line[m.start():end].strip(" -–—")))
        rest = line[end:].lstrip()
        # Keep a sentence boundary where the credit glued two sentences together.
        joiner = "" if not before.strip() or not rest else (" " if before.rstrip()[-1:] in ".!?…\"”)" else "\n")
        out.append(joiner)
        pos = len(line) - len(rest)
    out.append(line[pos:])
    text = "".join(out)
    return text.strip() if found else line, found


def same_as_title(line: str, title: str) -> bool:
    """Whether ``line`` repeats ``title`` (tone style, case and a final period aside)."""
    return repeats_title(line, match_key(title.strip().rstrip(".").strip()))


def title_key(title: str | None) -> str | None:
    """The key :func:`same_as_title` compares lines with (None for no title)."""
    return match_key(title.strip().rstrip(".").strip()) if title and title.strip() else None


def repeats_title(line: str, title_key: str | None) -> bool:
    """Whether ``line`` repeats the title whose :func:`title_key` is ``title_key``."""
    if not title_key:
        return False
    truncated = title_key.endswith(("...", "…"))
    if not truncated and abs(len(line) - len(title_key)) > 3:
        return False  # cheap length test first: this runs for every line
    key = match_key(line.strip().rstrip(".").strip())
    if key == title_key:
        return True
    # Titles cut by the crawl ("... hợp tác du lịch với ...") match a line they start.
    if truncated:
        stem = title_key.rstrip(".… ")
        return len(stem) > 20 and key.startswith(stem)
    return False


def _byline(line: str) -> bool:
    """A short author/agency/source line: 'Minh Anh', 'Đức Dũng (TTXVN)', 'Theo VOV'."""
    s = line.strip()
    if _SOURCE_LINE.match(s):  # bounded by the pattern itself
        return True
    if not s or len(s) > MAX_BYLINE_CHARS:
        return False
    core = re.sub(r"\s*\([^()]{1,40}\)\s*$", "", s)  # "(TTXVN)", "(tổng hợp)", "(từ Moskva, Nga)"
    tokens = [t for t in re.split(r"[\s/\-–]+", core) if t]
    if not tokens or len(tokens) > MAX_BYLINE_TOKENS:
        return False
    if core[-1:] in ".!?…:;,\"”" and not core.endswith((".VN", ".vn")) and not re.search(r"\b[A-ZĐ]\.\w+$", core):
        return False
    return all(_NAME_TOKEN.match(t) or _is_agency(t) or t.startswith("Theo") for t in tokens)


# -- main --------------------------------------------------------------------------------

def clean_body(body: str, title: str | None = None, *, key: str | None = None) -> Cleaned:
    """Remove boilerplate from ``body``; captions become zero-length spans (see module doc).

    ``key`` is ``title_key(title)`` when the caller has it already.
    """
    if key is None:
        key = title_key(title)
    if any(c in body for c in _SPACE_CHARS):  # substring tests: far cheaper than the scan
        body = _SPACES.sub(" ", body)
    lines = list(map(str.strip, body.split("\n")))
    credit_lines = _lines_with_credit_parts(body)
    # the weekday byline-date cues need "GMT": one test of the body clears every line
    gmt_cues = _gmt_cues() if "GMT" in body else ()
    kept, captions, meta, caption_chars = _clean_lines(lines, key, credit_lines, gmt_cues,
                                                       captions_are_body=False)
    body_chars = sum(map(len, kept))
    if caption_chars > MAX_CAPTION_SHARE * (caption_chars + body_chars):
        kept, captions, meta, _ = _clean_lines(lines, key, credit_lines, gmt_cues, captions_are_body=True)
        meta["photo_story"] = True
    bylines = _strip_bylines(kept)
    _end_at_wire_mark(kept)
    if bylines:
        meta["byline"] = bylines
    return _assemble(kept, captions, meta)


def _lines_with_credit_parts(body: str) -> set[int]:
    """Numbers of the lines of ``body`` that hold a credit word or an inline-credit cue; no
    other line can be or hold a caption."""
    starts: list[int] = []
    find = body.find
    for gate, parts in _CREDIT_PART_SEARCH:
        if gate in body:  # no gate in about half the articles
            for part in parts:
                at = find(part)
                while at >= 0:
                    starts.append(at)
                    at = find(part, at + 1)
    found: set[int] = set()
    line = pos = 0
    for at in sorted(starts):
        line += body.count("\n", pos, at)  # counted from the last start: linear
        pos = at
        found.add(line)
    return found


def _clean_lines(lines: list[str], title_key: str | None, credit_lines: set[int],
                 gmt_cues: tuple[Cue, ...] = (), *,
                 captions_are_body: bool) -> tuple[list[str], list[Caption], dict, int]:
    """The kept lines ("" for a blank line), captions, meta and caption characters.

    ``lines`` are stripped; ``credit_lines`` are the numbers of the lines that may hold a
    caption or a credit (:func:`_lines_with_credit_parts`): the caption tests are skipped
    on the others, where they would find nothing. ``gmt_cues`` are the cues tried on lines
    holding "GMT" (:func:`_gmt_cues`; none when the text has no "GMT").
    """
    cues, stops = _cues()
    cue_at_start = _any_cue().match
    # repeats_title in short: a line can repeat a whole title only if its length is within
    # 3 of the title's (any length for a title cut short by "...")
    if not title_key:
        title_min, title_max = 1, 0  # no line
    elif title_key.endswith(("...", "…")):
        title_min, title_max = 0, sys.maxsize
    else:
        title_min, title_max = len(title_key) - 3, len(title_key) + 3
    kept: list[str] = []
    captions: list[Caption] = []
    body_chars = caption_chars = 0
    skip_block = False
    cut_reason: str | None = None
    related: list[str] = []
    for number, line in enumerate(lines):
        if not line:
            skip_block = False
            kept.append("")
            continue
        if skip_block:
            continue
        n = len(line)
        if title_min <= n <= title_max and repeats_title(line, title_key):
            continue
        if n <= MAX_CUE_LINE_CHARS and (cue_at_start(line) or (
                gmt_cues and "GMT" in line and any(c.rx.match(line) for c in gmt_cues))):
            cue = next(c for c in cues if c.rx.match(line))
            if cue.action == "end" and body_chars >= MIN_BODY_BEFORE_CUT:
                cut_reason = line[:60]
                break
            skip_block = cue.action == "block" or cue.action == "end"
            continue
        # the timestamp starts with a digit (str.isdigit() holds for every regex \d)
        if body_chars >= MIN_BODY_BEFORE_CUT and line[0].isdigit() and _TIMESTAMP_LINE.match(line):
            # A teaser list: "<title>\n\n<HH:MM DD/MM/YYYY>\n\n<summary>". Drop the title
            # lines just above (short, no final period), then everything from here on.
            while kept and (not kept[-1] or (len(kept[-1]) < 200 and not _SENT_END.search(kept[-1]))):
                kept.pop()
            cut_reason = line
            break
        has_credit = number in credit_lines
        if has_credit:
            found = _is_caption_line(line)
            if found is not None:
                credit, at = found
                desc = line[:at].rstrip(" -–—|")
                if not (captions_are_body and desc):
                    captions.append(Caption(line, credit, len(kept)))
                    caption_chars += len(line)
                    continue
                captions.append(Caption(credit, credit, len(kept), len(desc)))
                line = desc
        if "[" in line:
            links = _BRACKET_LINK.findall(line)
            if links:
                related.extend(x.strip(" []") for x in links)
                line = _BRACKET_LINK.sub("", line).strip()
                has_credit = has_credit or _ANY_CREDIT_PART.search(line) is not None
        if has_credit:
            line, inline = _strip_inline_credits(line, stops)
            for col, cred in inline:
                captions.append(Caption(cred, cred, len(kept), col))
        if not line:  # a line that was only credits or bracketed links
            continue
        if kept:
            # The lead printed twice by the crawl (the sapo, then the body starting with
            # it): the last non-empty line of the last two starts this one.
            prev = kept[-1] or (kept[-2] if len(kept) >= 2 else "")
            if len(prev) >= MIN_REPEATED_LEAD_CHARS and line.startswith(prev):
                while kept and kept[-1] != prev:
                    kept.pop()
                kept.pop()
                body_chars -= len(prev)
        kept.append(line)
        body_chars += len(line)
    meta: dict = {}
    if cut_reason:
        meta["cut_at"] = cut_reason
    if related:
        meta["related"] = related
    return kept, captions, meta, caption_chars


def _end_at_wire_mark(kept: list[str]) -> None:
    """Lines after the last line that ends with the wire end mark './.' are not body."""
    seen = 0
    for i in range(len(kept) - 1, -1, -1):
        if not kept[i]:
            continue
        if kept[i].rstrip().endswith("/.") and _END_MARK.search(kept[i]):
            del kept[i + 1:]
            return
        seen += 1
        if seen >= 4:  # only the tail: teaser lines, source links
            return


def _strip_bylines(kept: list[str]) -> list[str]:
    found: list[str] = []
    for _ in range(MAX_BYLINE_LINES):
        while kept and not kept[-1]:
            kept.pop()
        if len(kept) < 2 or not _byline(kept[-1]):
            break
        found.insert(0, kept.pop())
    while kept and not kept[-1]:
        kept.pop()
    if kept:
        last = kept[-1]
        # the byline is looked for from this many characters before the end (the
        # punctuation before it may sit one character earlier)
        window = max(0, len(last) - 2 * MAX_BYLINE_CHARS)
        m = _TRAILING_BYLINE.search(last, max(0, window - 1))
        if m and _byline(m.group(2)) and m.start("gap") > 0:
            found.insert(0, m.group(2).strip())
            kept[-1] = last[:m.start("gap")].rstrip()
        elif "Theo" in last[-MAX_SOURCE_TAIL_CHARS:] \
                and (m := _TRAILING_SOURCE.search(last, max(0, len(last) - MAX_SOURCE_TAIL_CHARS))) \
                and m.start("gap") > 0:
            found.insert(0, m.group(2).strip())
            kept[-1] = last[:m.start("gap")].rstrip()
        elif ("ảnh" in last or "ẢNH" in last) \
                and (m := _TRAILING_CREDIT.search(last, max(0, len(last) - 120))) and m.start() > 0:
            found.insert(0, m.group(1).strip())
            kept[-1] = last[:m.start()].rstrip()
        elif "/." in last and (m := _END_MARK_TAIL.search(last)) is not None:
            tail = m.group(1).strip()
            cues, _ = _cues()
            if _byline(tail) or any(c.rx.match(tail) for c in cues):  # "./. Việt Cường/VOV", "./. Xem thêm:"
                if _byline(tail):
                    found.insert(0, tail)
                kept[-1] = kept[-1][:m.start(1)].rstrip()
    return found


def _assemble(kept: list[str], captions: list[Caption], meta: dict) -> Cleaned:
    """Join kept lines (one blank line kept between paragraphs) and place the captions."""
    # Joined in C: kept lines have no newline at either end (they are stripped; an inline
    # credit only ever leaves one inside a line), so the newline runs of the join are
    # exactly the separators and blank lines.
    text = "\n".join(kept)
    if "\n\n\n" in text:  # str's own search: far faster than the regex scan when absent
        text = _BLANK_LINES.sub("\n\n", text)
    text = text.strip("\n")
    if not captions:
        return Cleaned(text, [], meta)
    starts = _line_starts(kept, max(c.line for c in captions), len(text))
    spans = []
    for c in captions:
        at = starts[c.line] + c.col if c.line < len(starts) else len(text)
        at = min(at, len(text))
        spans.append(Span(at, at, CAPTION_LABEL, STAGE, {"text": c.text, "credit": c.credit}))
    spans.sort(key=lambda sp: sp.start)
    meta["captions"] = [c.text for c in captions]
    return Cleaned(text, spans, meta)


def _line_starts(kept: list[str], last: int, text_len: int) -> list[int]:
    """Where ``kept[0..last]`` start in the joined text (lines are joined by one newline,
    paragraphs by a blank line); a blank line starts where the next content line starts,
    or at the end of the text. Lines after ``last`` may be left out."""
    starts: list[int] = []
    pos, seen, blank, waiting = 0, False, False, 0  # waiting: blank lines awaiting a start
    for line in kept:
        if len(starts) > last:
            break
        if not line:
            waiting += 1
            blank = seen
            continue
        if seen:
            pos += 2 if blank else 1
        starts.extend([pos] * (waiting + 1))
        waiting = 0
        pos += len(line)
        seen, blank = True, False
    else:
        starts.extend([text_len] * waiting)
    return starts
