"""Stage ``find_actors``: people (with titles and countries), organisations, countries and
places as :class:`~sukien.model.Mention` spans, resolved into article entities.

How it works, in one pass per step:

1. **Blocked zones** — captions kept by cleaning, photo credits (``Ảnh: Giang Huy``),
   trailing bylines, bracketed related-article links and teaser tails never yield actors.
2. **Dictionary tags** — one Aho-Corasick pass over :func:`match_key` of the text (same
   length, so offsets map 1:1) finds titles, countries, organisations, places, known
   office-holders and honorifics; organisations are also found by pattern (an org-head
   noun such as ``Bộ``/``Tập đoàn``/``Nhóm`` + capitalised words), and country compounds
   (``Việt - Hàn``) by their short forms.
3. **People** — from every title or honorific, a *title chain* is read: combined titles
   (``Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao``), country and place qualifiers (``Hàn Quốc``,
   ``(Trung Quốc)``, ``tại Việt Nam`` as a posting), complements (``Phát triển Kinh tế``),
   then a name whose *shape* is a person's (:mod:`sukien.stages.names`). A chain without
   a name either describes the person just named (``ông X, Phó Thị trưởng ...``) or is a
   title written alone (a TITLE mention, resolved to its holder).
4. **Resolution** — mentions of one person (``Woo Won-shik``/``Woo Won Shik``/``ông Woo``)
   become one entity with a country weighed from the evidence (explicit qualifier >
   country-specific office > office-holder dictionary > a Vietnamese office with no
   country > name shape), and the most senior title it holds here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import islice
from operator import attrgetter, itemgetter

from rapidfuzz import fuzz, process

from ..model import GPE, LOC, ORG, PER, Article, Entity, Mention
from ..text.chars import LOWER, UPPER
from ..text.normalize import fold_name as _fold_name_uncached
from ..text.normalize import match_key
from . import actors_knowledge as kb
from .article_words import lowered
from .names import (
    FOREIGN,
    NAME_RUN,
    NAME_TOKEN,
    STOP_WORDS,
    VN,
    is_all_caps,
    is_vn_syllable,
    korean_like,
    leading_degree_words,
    leading_place_words,
    name_shape,
    name_tokens,
)

STAGE = "actors"
VN_GIVEN = "VN_GIVEN"  # shape of a lone Vietnamese given name after "ông"/"bà" ("ông Hải")
TITLE_LABEL = "TITLE"

# Evidence weights for a person's country (higher wins; calibrated on the seeds and dev
# gold: a qualifier written next to the name is never wrong there, the title default is
# wrong for foreigners called "Chủ tịch Quốc hội X" without a country).
W_EXPLICIT = 5.0  # "Tổng thống Hàn Quốc Lee Jae Myung", "(Trung Quốc)"
W_TITLE_FOREIGN = 4.0  # an office that exists in one foreign country ("Duma Quốc gia")
W_DICTIONARY = 3.0  # the office-holders table knows the name
W_PLACE = 2.5  # "Bí thư Khu ủy Quảng Tây", "Phó thị trưởng thành phố Porto"
W_SPOUSE = 2.0  # "Phu nhân X" takes the country of the person just named
W_ORG = 1.5  # "Bộ trưởng Bộ Nội vụ" (a Vietnamese body unless qualified)
W_ORG_QUALIFIED = 4.5  # "Bộ trưởng Bộ Thương mại Trung Quốc X": the body names its country
W_TITLE_VN = 1.0  # a Vietnamese office written without a country, Vietnamese name shape
W_SHAPE = 0.5  # last resort: the name's shape and the article's other country
W_INTERNATIONAL_ORG = 0.6  # "Tổng Giám đốc WHO X": an international body's official, no country

# Same person inside one article: a name ending a longer one with at least this many
# letters (gold/README.md's rule), or two spellings at least this similar (rapidfuzz ratio
# of folded names; 90 joins "V.Matvienko"/"V.Matvienco" and keeps "Lý Cường"/"Lý Khắc Cường"
# apart at 80).
SUFFIX_MIN_LETTERS = 6
FUZZY_SAME_NAME = 90

# titles.tsv country of an international organisation's office: its holder's country is
# not implied (and not guessed from the article: "Chủ tịch Ủy ban châu Âu Ursula von der Leyen").
INTERNATIONAL = "INT"
# titles.tsv country of an office Vietnam does not have ("Tổng thống", "Tỉnh trưởng"): its
# holder is not Vietnamese, whatever the shape of the name.
FOREIGN_OFFICE = "*"
NO_COUNTRY_MARKS = frozenset({INTERNATIONAL, FOREIGN_OFFICE})
# Countries whose people Vietnamese press names in Sino-Vietnamese reading, so a
# Vietnamese-looking name next to them may be theirs ("Mã Triều Húc" in a China article).
SINO_NAME_COUNTRIES = frozenset({"CHN", "TWN"})
# ... but only when that country is written right before the name (characters; calibrated
# on "Bộ Ngoại giao Trung Quốc (cấp Bộ trưởng) Mã Triều Húc", 40 apart).
SINO_REACH = 60
# Middle names that only Vietnamese names have (氏; "Văn" 文 also reads Chinese names).
VN_MIDDLE_NAMES = frozenset({"Thị"})

# How far a title chain may reach for its name (tokens), and how many lower-case words in
# a row may sit inside it ("Phát triển Kinh tế" has one after each capital).
CHAIN_MAX_TOKENS = 16
CHAIN_MAX_LOWER_RUN = 1
# Titles seniority above which a title written alone becomes a TITLE mention (rank in
# titles.tsv; "Chủ tịch"/"Ủy viên" alone are too vague to resolve).
TITLE_ALONE_MAX_RANK = 14
# Connector words allowed between parts of a title chain.
CHAIN_CONNECTORS = frozenset({"kiêm", "nước", "tại", "thành", "phố", "tỉnh", "bang", "đặc", "khu",
                              "của", "và", "vùng", "thủ", "đô", "nhà", "quận", "huyện", "châu"})
# Longest bracketed qualifier read inside a title chain ("(Trung Quốc)", "(cấp Bộ trưởng)").
PAREN_MAX = 40
# Nouns after which a capitalised word is a place, not a name ("bang Hessen Norbert Kartmann").
PLACE_NOUNS = frozenset({"bang", "tỉnh", "phố", "đô", "khu", "vùng", "quận", "huyện", "châu"})
# A title right after these words is what someone became or is, not a name's label
# ("được bầu làm Chủ tịch Thượng viện, Chủ tịch nước Tô Lâm ...": two people).
PREDICATE_WORDS = frozenset({"làm", "là", "thành", "nhiệm", "cương"})
SPOUSE_TITLES = frozenset({match_key("Phu nhân"), match_key("Phu quân")})

_WORD = re.compile(rf"[{UPPER}{LOWER}0-9]+(?:['’.\-][{UPPER}{LOWER}0-9]+)*|[^\s]")
_NEXT_TOKEN = re.compile(r"\s+(\S+)")
# The spaces a title chain steps over between words (read with str indexing: one or two
# characters, where a regex call's set-up would cost more than the reading).
SPACE_CHARS = " \u00a0"
_AFTER_PUNCT = re.compile(r"[,(][ ]*(\S+)")
_WHITESPACE = re.compile(r"\s+")
_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)$")
# Names are folded many times per article (grouping compares every partial name with
# every full one) and recur across articles: a bounded memo of the pure function.
FOLD_MEMO = 1 << 12
fold_name = lru_cache(maxsize=FOLD_MEMO)(_fold_name_uncached)


def _without_trailing_paren(name: str) -> str:
    """``name`` without a bracketed tail ("... Việt Nam (VINK)" -> "... Việt Nam")."""
    return _TRAILING_PAREN.sub("", name) if ")" in name else name
_NAME_SPLIT = re.compile(r"[\s.]+")
_PREV_WORD = re.compile(rf"([{UPPER}{LOWER}]+) $")
_NEXT_WORD = re.compile(rf"[ ]([{UPPER}][{LOWER}]+)(?![{UPPER}{LOWER}\-])")
# A photo/video credit is one of these words, then a colon ("Ảnh: Giang Huy"). Found from
# the colons (a few per article; str.find is a C scan) rather than by a regex alternation,
# which is tried at every position. No head is the end of another, so at most one matches.
CREDIT_HEADS = ("Ảnh", "ẢNH", "Nguồn", "Photo", "Ảnh minh họa", "Ảnh minh hoạ", "Đồ họa", "Video", "Clip")
_CREDIT_TOKEN = re.compile(rf"\s*(?:[{UPPER}][{UPPER}{LOWER}.]*|/|-|–|&|,)")
TEASER_HEADS = ("Có thể bạn quan tâm", "Xem thêm", "Tin liên quan", "Bài liên quan", "Đọc thêm",
                "Tin cùng chuyên mục", "Tin mới nhất", "Tin khác")
_TEASER = re.compile(rf"^\s*(?:{'|'.join(TEASER_HEADS)})\b.*", re.M | re.S)
# _TEASER opens with a line start, so it is tried at every position: it only runs when a
# head starts the text or follows a newline (patterns opening with a literal "\n" are
# scanned for in C; most articles have no teaser head at all).
_TEASER_FIRST = re.compile(rf"\s*(?:{'|'.join(TEASER_HEADS)})")
_TEASER_AFTER_NEWLINE = re.compile(rf"\n\s*(?:{'|'.join(TEASER_HEADS)})")
_BRACKET = re.compile(r"\[[^\[\]\n]{1,250}\]")
_TAIL = re.compile(rf"(?:[.!?…”\"/\n])\s*((?:[{UPPER}][{UPPER}{LOWER}]*[ \u00a0]*){{1,4}}"
                   rf"(?:[/\-–][ ]*[{UPPER}][{UPPER}{LOWER}/ ]*|\([^()\n]{{0,40}}\))?)\s*$")


def _alternation(words: Collection[str]) -> str:
    """A regex matching any of ``words``, as a trie: ``(?:viet(?: nam)?|...)``.

    It matches what ``|``.join of the words sorted longest first matches, in the same
    order (at one position the words that fit are prefixes of each other, one path of the
    trie, and a longer continuation is tried before stopping), but without trying the
    ~250 country names one after the other at every space."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


# a capitalised word; a transliteration joins its syllables with hyphens ("Bê-la-rút")
_CAPW = rf"[{UPPER}][{UPPER}{LOWER}]*(?:-[{LOWER}]+)*"
# Lower-case words that never sit inside an organisation's name (verbs, prepositions):
# they end it ("Tập đoàn Điện lực Hàn Quốc dự lễ ở ...").
# The second list: first syllables of verbs and words of quantity or time that follow a
# body's name in reports ("Tập đoàn Nikkei mời ...", "Bộ Ngoại giao ra Thông cáo",
# "Bộ Quốc phòng Campuchia diễn tập", "Bộ Ngoại giao hai nước"); none is the second
# syllable of a word inside a body's name (read off the bodies found on the 388 dev articles).
_NOT_IN_ORG = ("ở|tại|dự|là|có|đã|sẽ|được|cho|với|về|trong|đến|từ|theo|và|khi|để|đang|vừa|cũng|làm|gặp|"
               "tiếp|thăm|ký|nói|cùng|nhằm|trên|sau|trước|tới|nhận|đón|do|nhưng|hay|hoặc|thì|mà|này|đó|sang|"
               "bày|mời|ra|cam|luôn|rất|bao|diễn|khẳng|nhấn|đánh|hoan|tuyên|chúc|gửi|trao|chia|"
               "tái|nêu|ghi|yêu|mong|muốn|phải|thúc|tăng|chưa|những|nhiều|cảm|chào|ông|bà|phân|dưới|"
               "lần|ngày|tháng|năm|chiều|hôm|nay|qua|vẫn|còn|chỉ|đều|lại|nên|vì|nếu|tuy|dù|kêu|"
               "tổ|bắt|lên|vào|đạt")
_NOT_IN_NAMES = frozenset(_NOT_IN_ORG.split("|"))
# Verbs whose first syllable ends a common compound inside names: a stop unless that
# compound's first syllable is right before ("Bộ trưởng Điều phối", "Vấn đề", "Chương
# trình", "Thứ hai", "Nghị quyết", "thiết bị"; "giới thiệu" is a verb, "Thế giới" a word).
# (each word is matched first, then what came before it is looked back at: a look-behind
# tried first runs at every lower-case word the pattern reads)
_PAIRED_STOPS = "|".join(
    word + "".join(f"(?<!{before} {word})" for before in befores) + rf"(?![{LOWER}])"
    for word, befores in (("phối", ("Điều", "điều")), ("đề", ("Vấn", "vấn", "Chủ", "chủ")),
                          ("trình", ("Chương", "chương", "Công", "công", "Quá", "quá")),
                          ("hai", ("Thứ", "thứ")), ("quyết", ("Nghị", "nghị", "Giải", "giải")),
                          ("dẫn", ("Hướng", "hướng")), ("bị", ("Thiết", "thiết", "Chuẩn", "chuẩn")),
                          ("giới", ("Thế", "thế", "Biên", "biên", "Môi", "môi", "Ranh", "ranh"))))
# (the stop words as a trie: the regex engine tries the ~100 words of a plain alternation one
# after the other at every lower-case word of a body's name)
_LOWW = rf"(?!{_alternation(sorted(_NOT_IN_NAMES))}(?![{LOWER}])|{_PAIRED_STOPS})[{LOWER}]+"
# Lower-case words may run between capitalised words of a body's name up to this many
# ("Hội Hữu nghị đối ngoại nhân dân Trung Quốc": 5 after "Hữu"), or before its acronym in
# brackets ("Cơ quan Hợp tác phát triển quốc tế (JICA)", "... chiến lược và quốc tế (CSIS)").
ORG_LOWER_RUN = 5
# First syllables that may sit inside a body's name ("Nghiên cứu phát triển nông nghiệp")
# but never end it: as its last word it starts the next word ("... Quốc hội Lê Quang Huy
# phát biểu", "Viện Hồ Chí Minh đầu tiên", "Bộ Công Thương quy định", "Tập đoàn X của bà Y").
_NOT_ORG_END = "phát|đầu|quy|của"
_ORG_ACRONYM = r"\([A-ZĐ][A-ZĐ0-9&\-]{1,9}\)"
# After a comma (a list of bodies) the lower-case run stays as short as before the longer
# runs were allowed: "Đảng, Ủy ban hợp tác liên Chính phủ, Tham khảo ..." is no body's name.
_COMPOUND_SHORT = rf"{_CAPW}(?:[ ]{_LOWW}(?:[ ]{_LOWW}){{0,2}}(?=[ ]+[{UPPER}]))?(?:[ ]{_LOWW})?"
_COMPOUND = (rf"{_CAPW}(?:[ ]{_LOWW}(?:[ ]{_LOWW}){{0,{ORG_LOWER_RUN - 1}}}(?=[ ]+[{UPPER}])"
             rf"|[ ]{_LOWW}(?:[ ](?:{_LOWW}|và)){{0,{ORG_LOWER_RUN}}}(?=[ ]{_ORG_ACRONYM})"
             rf"|(?:[ ](?!(?:{_NOT_ORG_END})(?![{LOWER}])){_LOWW})?)")
# What follows an org-head noun: capitalised compounds, joined by '-', 'và' or a comma.
_ORG_TAIL = re.compile(
    rf"(?:[ ]+(?:{_COMPOUND})|[ ]*[-–][ ]*(?={_CAPW})(?:{_COMPOUND})"
    rf"|,?[ ]+và[ ]+(?!(?:{'|'.join(kb.ORG_HEADS + kb.DOCUMENT_HEADS)})[ ])(?={_CAPW})(?:{_COMPOUND})"
    rf"|,[ ]+(?!(?:{'|'.join(kb.ORG_HEADS)})[ ])(?=[{UPPER}][{LOWER}]+[ ][{LOWER}])(?:{_COMPOUND_SHORT}))+"
    rf"(?:[ ]+{_ORG_ACRONYM})?")


@dataclass(slots=True)
class Tag:
    """A dictionary or pattern hit in the text."""

    start: int
    end: int
    kind: str  # kb.TITLE | COUNTRY | ORG | PLACE | PERSON | HONORIFIC
    ref: object = None
    text: str = ""


@dataclass(slots=True)
class PersonMention:
    start: int
    end: int
    name: str
    shape: str | None
    titles: list[kb.Title] = field(default_factory=list)
    title_text: str | None = None
    evidence: list[tuple[str, float]] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    canonical: str | None = None  # dictionary name when known
    office_text: str | None = None  # an office written after a rank title ("Trung tướng X, Thứ trưởng ...")


@dataclass(slots=True)
class TitleOnly:
    start: int
    end: int
    titles: list[kb.Title]
    title_text: str
    country: str | None  # explicit qualifier, or the office's own country


# ---------------------------------------------------------------------------------------
# Public helpers for other stages


def entities_in_span(article: Article, start: int, end: int) -> list[Mention]:
    """Actor mentions inside ``[start, end)``, in text order (resolved where possible)."""
    return [m for m in article.mentions if start <= m.start and m.end <= end and m.stage == STAGE]


def country_of(article: Article, entity_id: str | None) -> str | None:
    """ISO3 of an article entity (person, organisation, country or place), if known."""
    if entity_id is None:
        return None
    e = article.entity(entity_id)
    return e.country if e else None


# ---------------------------------------------------------------------------------------
# The stage


def find_actors(article: Article) -> Article:
    _load_knowledge()
    text = article.text_clean
    article.mentions = [m for m in article.mentions if m.stage != STAGE]
    article.entities = []
    if not text or text.isspace():
        return article
    key = kb.word_key(text, lowered(article))
    blocked = _blocked_spans(article, text)
    tags = _tags(text, key, blocked)
    people, alone = _people(text, tags)
    people += _repeat_mentions(text, key, people, blocked, tags)
    if people:
        tags = _without_pronoun_anh(text, tags, people)
    _build(article, text, tags, people, alone)
    return article


# Where a sentence opens: the text's start, or after a full stop, a colon, a quotation mark, a newline.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…:\"“”\n])[ \u00a0]*$")
_LOWER_WORD_AFTER = re.compile(rf"[ ]([{LOWER}]+)")
UK = "GBR"


def _uk(ref: object) -> bool:
    return getattr(ref, "iso3", None) == UK or getattr(ref, "country", None) == UK


def _without_pronoun_anh(text: str, tags: list[Tag], people: list[PersonMention]) -> list[Tag]:
    """Drop "Anh" opening a sentence before a lower-case word ("Anh hứa ...", "Anh còn gửi lời chào
    ...") when it is the pronoun "he": a person is named before it and the article names the UK
    nowhere else (no "nước Anh", "Thủ tướng Anh", "London")."""
    openers = [t for t in tags if t.text == "Anh" and t.kind == kb.COUNTRY and _uk(t.ref)
               and _SENTENCE_OPENING.search(text, max(0, t.start - 3), t.start)
               and (m := _LOWER_WORD_AFTER.match(text, t.end)) and m.group(1) != "và"
               and any(p.start < t.start for p in people)]
    if not openers:
        return tags
    ids = {id(t) for t in openers}
    if any(_uk(t.ref) for t in tags if id(t) not in ids):
        return tags
    return [t for t in tags if id(t) not in ids]


@cache
def _load_knowledge() -> bool:
    """Load every table and compile every knowledge-built pattern the stage may use, once,
    on the first article: otherwise whichever later article first names, say, a body with
    a country pays ~0.2 s of regex compilation (and a benchmark's warm-up misses it)."""
    kb.automaton()
    kb.countries()
    kb.country_shorts()
    kb.titles()
    kb.people_by_name()
    kb.people_by_last_token()
    _country_in_org_re()
    _country_suffix_re()
    _country_pair_re()
    _country_name_list()
    _letters()
    _credit_heads_by_last()
    name_shape(["Nguyễn", "Văn", "An"])  # the surname tables
    return True


# ---------------------------------------------------------------------------------------
# 1. zones that never yield actors


def _blocked_spans(article: Article, text: str) -> list[tuple[int, int]]:
    spans = [(c.start, c.end) for c in article.captions]
    for start, end in _credits(text):
        pos = end
        while True:
            t = _CREDIT_TOKEN.match(text, pos)
            if not t:
                break
            word = t.group(0).strip()
            nxt = _NEXT_TOKEN.match(text, t.end())
            # a capitalised word followed by a lower-case one starts the next sentence
            if word[:1].isupper() and nxt and nxt.group(1)[:1].islower() and word not in {"TTXVN", "VNA"}:
                break
            pos = t.end()
            if pos - end > 60:
                break
        spans.append((start, pos))
    if PHOTO_SOURCE in text:
        spans.extend(_photo_sources(text))
    if "[" in text:
        for m in _BRACKET.finditer(text):
            spans.append((m.start(), m.end()))
    if _TEASER_FIRST.match(text) or _TEASER_AFTER_NEWLINE.search(text):
        t = _TEASER.search(text)
        if t:
            spans.append((t.start(), len(text)))
    tail = _TAIL.search(text[-120:]) if _may_end_with_byline(text) else None
    if tail:
        off = len(text) - len(text[-120:])
        spans.append((off + tail.start(1), len(text)))
    return sorted(spans)


# _TAIL's byline ends with a letter, a "/" or a ")", then only whitespace (``\s`` is
# str.isspace): a text ending otherwise (most end with ".") has none, and the search,
# which opens with a character class tried at every position, is not run.
BYLINE_LAST_CHARS = "/)"


def _may_end_with_byline(text: str) -> bool:
    k = len(text)
    while k and text[k - 1].isspace():
        k -= 1
    return k > 0 and (text[k - 1] in _letters() or text[k - 1] in BYLINE_LAST_CHARS)


# BBC-style photo credits: "Nguồn hình ảnh, Linh Pham/Bloomberg/Getty Images Chụp lại hình
# ảnh, <caption>": the credit runs to the caption label (or the line's end), never an actor.
PHOTO_SOURCE = "Nguồn hình ảnh"
PHOTO_CAPTION_LABEL = "Chụp lại hình ảnh"
PHOTO_CREDIT_MAX = 120  # characters from the credit to its caption label


def _photo_sources(text: str) -> list[tuple[int, int]]:
    out = []
    start = text.find(PHOTO_SOURCE)
    while start >= 0:
        line_end = text.find("\n", start)
        limit = min(len(text) if line_end < 0 else line_end, start + PHOTO_CREDIT_MAX)
        label = text.find(PHOTO_CAPTION_LABEL, start, limit)
        end = label + len(PHOTO_CAPTION_LABEL) if label >= 0 else limit
        out.append((start, end))
        start = text.find(PHOTO_SOURCE, end)
    return out


@cache
def _credit_heads_by_last() -> dict[str, tuple[str, ...]]:
    """Credit heads by their last character (the one before a colon says which may end there)."""
    out: dict[str, tuple[str, ...]] = {}
    for head in CREDIT_HEADS:
        out[head[-1]] = (*out.get(head[-1], ()), head)
    return out


def _credits(text: str) -> list[tuple[int, int]]:
    """Spans of ``<credit head>\\s*:\\s*`` (``Ảnh: ``), from the start of the head to the
    first character after the colon's spaces."""
    out: list[tuple[int, int]] = []
    n = len(text)
    by_last = _credit_heads_by_last()
    colon = text.find(":")
    while colon >= 0:
        head_end = colon
        while head_end > 0 and text[head_end - 1].isspace():
            head_end -= 1
        for head in by_last.get(text[head_end - 1], ()) if head_end else ():
            if text.endswith(head, 0, head_end):
                end = colon + 1
                while end < n and text[end].isspace():
                    end += 1
                out.append((head_end - len(head), end))
                break
        colon = text.find(":", colon + 1)
    return out


def _in_blocked(blocked: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in blocked:
        if s < end and start < e:
            return True
        if s >= end:
            break
    return False


@cache
def _letters() -> frozenset[str]:
    """The characters of ``[{UPPER}{LOWER}]`` (the letters _PREV_WORD reads)."""
    letter = re.compile(rf"[{UPPER}{LOWER}]")
    return frozenset(c for c in map(chr, range(0x2000)) if letter.fullmatch(c))


def _word_before(text: str, start: int, reach: int) -> str | None:
    """``_PREV_WORD.search(text, max(0, start - reach), start).group(1)``, or None, read
    backwards from ``start`` (a regex search tries every position of the window; this
    looks at the word's letters only). ``$`` also matches before a final newline."""
    lo = max(0, start - reach)
    space = start - 1
    if space > lo and text[space] == "\n":
        space -= 1
    if space <= lo or text[space] != " ":
        return None
    letters = _letters()
    k = space
    while k > lo and text[k - 1] in letters:
        k -= 1
    return text[k:space] if k < space else None


# ---------------------------------------------------------------------------------------
# 2. dictionary and pattern tags


# A candidate tag: (start, -length, kind priority, order found, end, kind, ref). Sorted
# as plain tuples (longest, then most specific, then first found wins at a start); the
# Tag object is only made for the candidates kept.
_Cand = tuple[int, int, int, int, int, str, object]


# A candidate kind for a list of institutions read as one by the organisation pattern
# ("Đảng, Nhà nước"): it yields no tag, and nothing inside it does either.
_LISTED = "LISTED"


def _tags(text: str, key: str, blocked: list[tuple[int, int]]) -> list[Tag]:
    n = len(text)
    cands: list[_Cand] = []
    add = cands.append
    org_head, person, org = kb.ORG_HEAD, kb.PERSON, kb.ORG
    # a pattern organisation that extends a listed one needs a second look (below)
    has_pattern_org = has_known_org = False
    # " " + word_key: matches start at a word start (the automaton's keys begin with " ")
    for end, (length, entries) in kb.automaton().iter(" " + key):
        start = end - length  # padded index - 1 = text index
        # a hit glued to the next letter is part of a longer word, unless a crawl glued two
        # words ("Trung QuốcNgụy": lower then upper)
        # (a space in the key is a space or a separator in the text: never a letter or digit)
        glued_right = end < n and key[end] != " " and text[end].isalnum() \
            and not (text[end - 1].islower() and text[end].isupper())
        capitalised = text[start].isupper()
        for e in entries:
            kind = e.kind
            if kind == org_head:
                # an organisation by pattern: head noun + capitalised words
                if capitalised and not glued_right and not _not_an_org(text, start, end):
                    m = _ORG_TAIL.match(text, end)
                    if m:
                        org_end = _trim_org(text, end, m.end())
                        if org_end > end:
                            # a head noun followed by a comma has no name of its own: "Đảng, Nhà
                            # nước" lists institutions and names no body; the list is passed over
                            # whole (one ending in a country, "Đảng, Nhà nước và Quốc hội Lào",
                            # still stands for that country's side). A list closed by "và"
                            # ("kênh Đảng, Nhà nước, Chính phủ và Quốc hội") stays as before: as an
                            # actor it keeps its "Quốc hội" out of the statement's topics (seeds
                            # topic F1 0.857 -> 0.848 without it); that needs a non-actor name span
                            listed = text.startswith(",", end) and " và " not in text[end:org_end] \
                                and _pattern_org_country(text[start:org_end]) is None
                            add((start, start - org_end, 6, len(cands), org_end, _LISTED if listed else org, None))
                            has_pattern_org = True
                continue
            if glued_right and not (kind == person and _glued_typo(text, start, end)):
                continue
            # (the key has the text's length: the listed form's capital sits at the same offset)
            if (e.capitalised and not text[start + e.capital_at].isupper()) or (e.as_listed and text[start:end] != e.text):
                continue
            add((start, start - end, e.priority, len(cands), end, kind, e.ref))
            if kind == org:
                has_known_org = True
    if "-" in text or "–" in text:
        countries = kb.countries()
        for s, e, iso in _compounds(text):
            add((s, s - e, 2, len(cands), e, kb.COUNTRY, countries.get(iso)))
    if has_pattern_org and has_known_org:
        _name_after_known_org(text, cands)
    cands.sort()
    inside = _known_inside(cands) if has_pattern_org else ()
    out: list[Tag] = []
    last_end = -1
    for k, (start, _, _, _, end, kind, ref) in enumerate(cands):
        if start < last_end:
            continue
        if kind == _LISTED:
            last_end = end
            continue
        if kind == kb.TITLE and has_known_org:
            start, end, ref = _title_before_listed_org(text, cands, k, start, end, ref)
        if inside and kind == org and ref is None:
            end = _pattern_org_end(text, start, end, inside)
            ref = _listed_before_acronym(text, cands, k, end)
        if blocked and _in_blocked(blocked, start, end):
            continue
        out.append(Tag(start, end, kind, ref, text[start:end]))
        last_end = end
    if has_pattern_org:
        _person_after_titled_org(text, out, cands)
    starts = {t.start for t in out}
    ends = {t.end for t in out}
    place_kinds = (kb.COUNTRY, kb.PLACE)
    return [t for t in out if t.kind not in place_kinds or not _inside_name(text, t, starts, ends)]


def _title_before_listed_org(text: str, cands: list[_Cand], k: int, start: int, end: int,
                             ref: object) -> tuple[int, int, object]:
    """A title whose last word starts a listed body running past it ("Chủ tịch đảng" in
    "Chủ tịch Đảng Công Minh Natsuo Yamaguchi") ends before that word, so the body is read
    whole (and its words are not taken for the name); the office stays the longer title's.
    Only a one-word overlap (the body's head noun): "Chủ tịch Quốc hội" before "Quốc hội
    Việt Nam" stays as it is."""
    for c in islice(cands, k + 1, None):
        if c[0] >= end:
            break
        if c[5] == kb.ORG and c[6] is not None and c[4] > end and c[0] > start \
                and " " not in text[c[0]:end].strip():
            shorter = text[start:c[0]].rstrip()
            if match_key(shorter) in kb.titles():
                return start, start + len(shorter), ref
    return start, end, ref


def _not_an_org(text: str, start: int, head_end: int) -> bool:
    """A head noun that starts a document's or a set's name ("Bộ Quy tắc ứng xử", "Bộ luật")."""
    words = kb.NOT_ORG_AFTER_HEAD.get(text[start:head_end])
    return words is not None and text.startswith(words, head_end + 1)


def _known_inside(cands: list[_Cand]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the known people, listed bodies and listed places among the
    candidates."""
    return [(c[0], c[4], c[5]) for c in cands
            if c[5] == kb.PERSON or (c[5] in (kb.ORG, kb.PLACE) and c[6] is not None)]


_ACRONYM_TAIL = re.compile(r"[ ]*\([A-ZĐ][A-ZĐ0-9&\-]{1,9}\)")


def _listed_before_acronym(text: str, cands: list[_Cand], k: int, end: int) -> kb.Org | None:
    """The listed body a pattern body (candidate ``k``, ending at ``end``) only extends by its
    bracketed acronym: "Trung tâm Nghiên cứu Chiến lược và Quốc tế (CSIS)" is the listed
    CSIS, with its country (named as written)."""
    start = cands[k][0]
    for c in cands[k + 1:]:
        if c[0] != start:
            break
        if c[5] == kb.ORG and isinstance(c[6], kb.Org) and _ACRONYM_TAIL.fullmatch(text, c[4], end):
            return replace(c[6], name=text[start:end])
    return None


def _pattern_org_end(text: str, start: int, end: int, inside: list[tuple[int, int, str]]) -> int:
    """A pattern body stops where a known person starts inside it ("Đảng Cộng sản Nguyễn Phú
    Trọng"), and runs on to the end of a listed body or place it overlaps ("Hội đồng Nhân
    quyền Liên hợp quốc": the pattern stops at "Liên hợp", "Liên hợp quốc" is listed; "Sở
    Ngoại vụ TP.HCM": the pattern stops at the dot)."""
    for s, e, kind in inside:
        if s <= start or s >= end:
            continue
        if kind == kb.PERSON:
            return len(text[start:s].rstrip(" ,-–")) + start
        if e > end:
            end = e
    return end


_NAME_FOLLOWS = re.compile(rf"[ ]+[{UPPER}]")


def _person_after_titled_org(text: str, out: list[Tag], cands: list[_Cand]) -> None:
    """A pattern body right after a title may have swallowed the holder's name ("Chủ tịch
    Trung tâm Tài chính Dubai Arif Amiri"): the body is cut back so the title chain reads
    the name. Not where a dictionary entry starts (a place: "Sở Ngoại vụ Hà Nội")."""
    listed: set[int] | None = None
    for i in range(1, len(out)):
        t = out[i]
        if t.kind != kb.ORG or t.ref is not None or out[i - 1].kind != kb.TITLE or t.start - out[i - 1].end > 1:
            continue
        if _NAME_FOLLOWS.match(text, t.end):
            continue  # the holder's name comes after the body ("... Times Square Chu Lập Cơ")
        for org_end, name_start in _person_after_org(t.text):
            if listed is None:
                listed = {c[0] for c in cands if c[6] is not None}
            if t.start + name_start in listed:
                continue
            t.end = t.start + org_end
            t.text = text[t.start:t.end]
            break


def _name_after_known_org(text: str, cands: list[_Cand]) -> None:
    """A pattern organisation that is a listed body plus a personal name ("Văn phòng Chủ
    tịch nước Đào Việt Trung", "Đảng Công Minh Natsuo Yamaguchi") is dropped, so the listed body and the name both stand."""
    org = kb.ORG
    ends_at: dict[int, list[int]] = {}
    for c in cands:
        if c[5] == org and c[6] is not None:
            ends_at.setdefault(c[0], []).append(c[4])
    if not ends_at:
        return
    keep = []
    for c in cands:
        if c[5] == org and c[6] is None and c[0] in ends_at:
            rest = [e for e in ends_at[c[0]] if e < c[4]]
            if rest and _personal_name(name_tokens(text[max(rest):c[4]])):
                continue
        keep.append(c)
    cands[:] = keep


def _personal_name(tokens: list[str]) -> bool:
    """A Vietnamese name, or a foreign one of two or more words that is not a country
    ("Natsuo Yamaguchi", not "Cuba" or "Nhật Bản")."""
    shape = name_shape(tokens)
    return shape == VN or (shape == FOREIGN and len(tokens) >= 2
                           and match_key(" ".join(tokens)) not in kb.country_names())


@cache
def _country_in_org_re() -> re.Pattern[str]:
    # a country ends a body's name before more words, or before ", " (the next body of a
    # list: "Bộ Quốc phòng nước Cộng hòa xã hội chủ nghĩa Việt Nam, Đoàn đại biểu ...")
    # (or at the end: "Nhật Bản" ending the name is not "Nhật" before more words)
    return re.compile(rf"[ \-–]({_alternation(kb.country_full_names())})(?=[ ,][^\s(\-–]|,[ ]|$)")


def _trim_org(text: str, head_end: int, end: int) -> int:
    """Where a pattern organisation really ends: at its country ("Bộ Văn hóa Trung Quốc",
    not "... Trung Quốc Lác Thụ Cương"), and before ", <title>" or " và <title>" ("..., Đại
    sứ ...", "Bộ Kế hoạch và Đầu tư và Thứ trưởng Bộ Công Thương")."""
    end = head_end + _org_tail_end(text[head_end:end])
    if text.find(",", head_end, end) < 0 and text.find(" và ", head_end, end) < 0:
        return end
    for c in _COMMA_OR_AND.finditer(text, head_end, end):
        nxt = match_key(text[c.end():c.end() + TITLE_PEEK])
        if nxt.startswith(_title_starts(nxt[:4])):
            return c.start()
    return end


# Organisation names recur across articles ("Bộ Ngoại giao"); the country search is an
# alternation of every country name, so its answer per name is memoised (bounded).
ORG_TAIL_MEMO = 1 << 12


@lru_cache(maxsize=ORG_TAIL_MEMO)
def _org_tail_end(tail: str) -> int:
    """Where an organisation's tail (the words after its head noun) ends: at a country
    name in it, then at a lower-case word after an acronym or a foreign word."""
    m = _country_in_org_re().search(match_key(tail))
    if m:
        tail = tail[:m.end()]
    cut = _lower_after_foreign(tail)
    return len(tail) if cut is None else cut


_COMMA_OR_AND = re.compile(r",[ ]+|[ ]+và[ ]+")
TITLE_PEEK = 40  # characters looked at after a comma for a title
_TOKEN = re.compile(r"\S+")


# Lower-case words that may follow an acronym or a foreign word inside a body's name: a place
# ("Sở GDĐT tỉnh Thái Bình"), "của" ("Cơ quan CSĐT của Bộ Công an"), "một thành viên" (a
# company form).
_PLACE_OR_OF = PLACE_NOUNS | {"thành", "thị", "xã", "của", "một",
                              # and the small words of foreign names ("Bank of Tokyo", "Le Courrier du Vietnam")
                              "of", "for", "and", "the", "de", "du", "des", "la", "le", "del", "y", "und", "für"}


def _lower_after_foreign(tail: str) -> int | None:
    """Where a body's name ends at a lower-case word right after an acronym or a foreign
    word: Vietnamese compounds pair Vietnamese syllables ("Quốc phòng"), so after "JBIC",
    "LHQ", "XIV" or "Nikkei" a lower-case word is the next verb ("Tập đoàn Nikkei mời")."""
    prev: str | None = None
    prev_end = 0
    for m in _TOKEN.finditer(tail):
        word = m.group(0)
        if prev is not None and word[:1].islower() and word.isalpha() and word not in _PLACE_OR_OF:
            last = prev[max(prev.rfind("-"), prev.rfind("–")) + 1:]  # after its last dash
            if last[:1].isupper() and last.isalpha() and (not is_vn_syllable(last) or is_all_caps(last)):
                return prev_end
        prev, prev_end = word, m.end()
    return None


# English words of company and institution names: two of them after a body's head are
# not a person's name ("Tập đoàn Boeing Commercial Airplanes").
ORG_NAME_WORDS = frozenset({
    "Airlines", "Airways", "Airplanes", "Bank", "Capital", "Center", "Centre", "Company", "Corp", "Corporation",
    "Electronics", "Energy", "Foundation", "Fund", "Global", "Group", "Holdings", "Inc", "Industries",
    "Institute", "International", "Investment", "Limited", "Ltd", "Motor", "Motors", "Partners", "Power",
    "Securities", "Services", "Software", "Systems", "Technologies", "Technology", "University", "Ventures",
})


@lru_cache(maxsize=ORG_TAIL_MEMO)
def _person_after_org(org: str) -> tuple[tuple[int, int], ...]:
    """Where a body's name may end if a person's name follows it inside the matched run
    ("[Chủ tịch] Trung tâm Tài chính Dubai Arif Amiri", "[Chủ tịch] Ủy ban ... của Quốc hội
    Lê Quang Huy"): (body end, name start) pairs, the likeliest first; only asked when a
    title stands right before the body, the order in which Vietnamese writes "title, body,
    name". The name is the body's last capitalised run or its end:
    - Vietnamese (surname first, 3-4 words), unless an institution's namesake ("Học viện
      Chính trị Quốc gia Hồ Chí Minh");
    - foreign: the whole run when the body already has words of its own ("Tòa án Tối cao
      Javier Arévalo Vela"; the caller skips a run starting with a listed place, "Dubai"),
      else all but its first word, the body's own name ("Tập đoàn Nidec Shigenobu Nagamori",
      "thành phố Sakai Hitoshi Kato")."""
    toks = list(_TOKEN.finditer(org))
    k = len(toks)
    while k > 2 and toks[k - 1].group(0)[:1].isupper() and toks[k - 1].group(0).replace("-", "").isalpha():
        k -= 1
    run = [m.group(0) for m in toks[k:]]
    if len(run) < 2:
        return ()
    n_tok = len(toks)
    for n in (3, 4):
        name = run[-n:]
        if len(name) == n and name_shape(name) == VN and name[0] in kb.surnames():
            if len(run) == n and " ".join(name) in kb.NAMESAKES:
                return ()
            return ((toks[n_tok - n - 1].end(), toks[n_tok - n].start()),)
    if any(is_vn_syllable(w) for w in run[-2:]) or ORG_NAME_WORDS.intersection(run) or len(run) > 4:
        return ()
    before = org[:toks[k].start()].strip()
    own_words = before not in kb.ORG_HEADS and toks[k - 1].group(0).lower() not in PLACE_NOUNS
    out = []
    for first in (k, k + 1) if own_words else (k + 1,):
        name = [m.group(0) for m in toks[first:]]
        if len(name) >= 2 and name_shape(name) == FOREIGN:
            out.append((toks[first - 1].end(), toks[first].start()))
    return tuple(out)


@cache
def _title_starts(prefix: str) -> tuple[str, ...]:
    return tuple(k for k in kb.titles() if k.startswith(prefix))


_GLUED = re.compile(rf"[{LOWER}]+")


def _glued_typo(text: str, start: int, end: int) -> bool:
    """A known full name glued to the next word ("Nguyễn Phú Trọngmong"): the glued word
    is no Vietnamese syllable, so the name really ends at ``end``."""
    m = _GLUED.match(text, end)
    if not m:
        return False
    last = text[start:end].split()[-1]
    return not is_vn_syllable(last + m.group(0))


def _joining_hyphens(text: str) -> list[tuple[int, int]]:
    """The spans of ``[ ]?[-–][ ]?`` with a lower-case letter right before and an
    upper-case one right after ("Việt - Hàn", "Việt-Trung"), in text order.

    Found from the dashes (str.find, a C scan; a regex opening with an optional space or
    a character class is tried at every position). Each dash is judged alone: a space
    before it that a previous span took is preceded by that span's dash, which is no
    lower-case letter either way."""
    dashes = []
    for dash in "-–":
        p = text.find(dash)
        while p >= 0:
            dashes.append(p)
            p = text.find(dash, p + 1)
    out: list[tuple[int, int]] = []
    n = len(text)
    for p in sorted(dashes):
        start = p - 1 if p > 0 and text[p - 1] == " " else p
        end = p + 2 if p + 1 < n and text[p + 1] == " " else p + 1
        if start > 0 and text[start - 1].islower() and end < n and text[end].isupper():
            out.append((start, end))
    return out


_WORDS_BEFORE = re.compile(rf"(?:[{UPPER}][{LOWER}]+[ ])?[{UPPER}][{LOWER}]+$")
_WORDS_AFTER = re.compile(rf"[{UPPER}][{LOWER}]+(?:[ ][{UPPER}][{LOWER}]+)?")


def _compounds(text: str) -> list[tuple[int, int, str]]:
    """Each side of "Việt - Hàn", "Việt-Trung", "Campuchia-Lào-Việt Nam" as its own country
    span, when both sides are country names or their short forms."""
    shorts = kb.country_shorts()
    found: dict[int, tuple[int, int, str]] = {}
    for h_start, h_end in _joining_hyphens(text):
        # the right side first: a match at one position, cheaper than the left's search
        right = _side(text, shorts, _WORDS_AFTER.match(text, h_end), False)
        if not right:
            continue
        left = _side(text, shorts, _WORDS_BEFORE.search(text, max(0, h_start - 24), h_start), True)
        if left:
            found.setdefault(left[0], left)
            found.setdefault(right[0], right)
    return list(found.values())


def _side(text: str, shorts: dict[str, str], m: re.Match[str] | None, before: bool) -> tuple[int, int, str] | None:
    if not m:
        return None
    s, e = m.start(), m.end()
    iso = shorts.get(_word_match_key(text[s:e]))
    if iso:
        return s, e, iso
    # the one word next to the hyphen ("Nam" of "Việt Nam" is not a form; "Hàn" is)
    sp = text.rfind(" ", s, e) if before else text.find(" ", s, e)
    if sp < 0:
        return None
    s2, e2 = (sp + 1, e) if before else (s, sp)
    iso = shorts.get(_word_match_key(text[s2:e2]))
    return (s2, e2, iso) if iso else None


# match_key of a word or two next to a hyphen: the same words recur, a bounded memo.
WORD_KEY_MEMO = 1 << 12
_word_match_key = lru_cache(maxsize=WORD_KEY_MEMO)(match_key)


# Lower-case words that introduce a person's (given) name.
_NAME_INTRODUCERS = frozenset({"ông", "bà", "ngài", "anh", "chị", "cô"})


def _inside_name(text: str, tag: Tag, starts: set[int], ends: set[int]) -> bool:
    """A country/place word that is really part of a personal name ("Lê Anh Tú",
    "Vũ Đức Đam", "Trương Hòa Bình", "Đức Dũng")."""
    if tag.kind not in (kb.COUNTRY, kb.PLACE):
        return False
    start, end = tag.start, tag.end
    # the word right before
    prev = _word_before(text, start, 12)
    after_lower = False  # "tại Mỹ Phạm Quang Vinh"
    if prev is not None:
        if prev[0].isupper():
            covered = (start - 1) in ends  # tags never overlap: only one can end right there
            if prev not in STOP_WORDS and not covered and (prev in kb.surnames() or is_vn_syllable(prev)):
                return True
        elif prev in _NAME_INTRODUCERS:
            return True  # "bà Nga", "ông Mỹ": a given name, not the country
        else:
            after_lower = prev[0].islower()
    word = tag.text
    if not after_lower and len(word) <= 5 and " " not in word and end < len(text) and text[end] == " ":
        nxt = _NEXT_WORD.match(text, end)
        if nxt:
            following = nxt.group(1)
            if is_vn_syllable(following) and following not in STOP_WORDS and (end + 1) not in starts:
                return True
    return False


# ---------------------------------------------------------------------------------------
# 3. people from title chains and honorifics


def _people(text: str, tags: list[Tag]) -> tuple[list[PersonMention], list[TitleOnly]]:
    people: list[PersonMention] = []
    alone: list[TitleOnly] = []
    by_start = {t.start: i for i, t in enumerate(tags)}
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag.kind == kb.PERSON:
            people.append(_dictionary_person(tag, text, by_start))
            i += 1
            continue
        if tag.kind not in (kb.TITLE, kb.HONORIFIC):
            i += 1
            continue
        if tag.kind == kb.HONORIFIC and _nothing_named_after(text, tag.end, by_start):
            i += 1  # "bà con", "ông bà": what _read_chain would find, without reading it
            continue
        chain = _read_chain(text, tags, i, by_start)
        i = chain.next_index
        if chain.person is not None:
            people.append(chain.person)
            continue
        if chain.titles:
            prev = people[-1] if people else None
            before = None
            if prev is not None and _apposition(text, prev.end, chain.start) \
                    and not _office_of_other_country(prev, chain):
                _add_titles(prev, chain)
            elif (before := _name_before(text, chain.start, tags, i)) is not None:
                # "Uông Chu Lưu - Phó Chủ tịch Quốc hội, Đào Việt Trung - Chủ nhiệm ..."
                _add_titles(before, chain)
                people.append(before)
            elif chain.qualifier is not None:
                pass  # "Phó Tổng Thư ký", "cựu Thủ tướng" alone: not the office's present holder
            elif chain.titles[0].rank <= TITLE_ALONE_MAX_RANK and text[chain.start:chain.start + 1].isupper() \
                    and (_word_before(text, chain.start, 8) or "").lower() not in NOT_ONE_HOLDER_WORDS:
                alone.append(TitleOnly(chain.start, chain.title_end, chain.titles, chain.title_text,
                                       chain.country or _title_country(chain.titles)))
    return people, alone


def _office_of_other_country(person: PersonMention, chain: _Chain) -> bool:
    """Is the title read after a known office-holder another country's office? "Chủ tịch nước
    Trần Đại Quang, Thủ tướng Belarus khẳng định": Belarus's Prime Minister is someone else,
    a title standing alone, not the office-holder's own."""
    if person.canonical is None:
        return False
    country = chain.country  # written with the title: an office's own country ("Ủy viên Bộ
    # Chính trị" is Vietnamese by default) says nothing against a foreign holder
    if country is None or country in NO_COUNTRY_MARKS or country == INTERNATIONAL:
        return False
    known = {t.country for t in kb.people_by_name().get(fold_name(person.canonical), ())}
    return bool(known) and country not in known


def _nothing_named_after(text: str, pos: int, by_start: dict[int, int]) -> bool:
    """After an honorific ending at ``pos``, is there no name to read: the text ends, or the
    next word is neither a tag nor capitalised (nor a bracket closing)? A chain read from
    there stops at once (after "ông" only a name, a title or a tag may follow)."""
    n = len(text)
    while pos < n and text[pos] in SPACE_CHARS:
        pos += 1
    return pos >= n or (pos not in by_start and text[pos] != ")" and not text[pos].isupper())


# Words before a title written alone that say no present holder is meant: plurals ("các
# Bộ trưởng", "hai Ngoại trưởng") and former holders ("nguyên Thủ tướng").
NOT_ONE_HOLDER_WORDS = frozenset({"các", "những", "hai", "ba", "nhiều", "mấy", "cựu", "nguyên"})

# A name written before its title: "Trương Thị Mai - Trưởng ban Dân vận", "ông X, Đại sứ".
_NAME_BEFORE = re.compile(rf"({NAME_TOKEN}(?:[ ]{NAME_TOKEN}){{1,5}})[ ]*([-–,(])[ ]*$")
NAME_BEFORE_REACH = 60
_LIST_START = re.compile(r"(?:^|[:;,(\n])[ ]*$")


def _after_name_punct(text: str, lo: int, end: int) -> bool:
    """Does ``text[lo:end]`` end with ``[-–,(][ ]*`` (before ``$``: the end, or a final
    newline)? Every _NAME_BEFORE match does."""
    ends = (end, end - 1) if end > lo and text[end - 1] == "\n" else (end,)
    for k in ends:
        while k > lo and text[k - 1] == " ":
            k -= 1
        if k > lo and text[k - 1] in "-–,(":
            return True
    return False


def _name_before(text: str, start: int, tags: list[Tag], i: int) -> PersonMention | None:
    lo = max(0, start - NAME_BEFORE_REACH)
    if not _after_name_punct(text, lo, start):
        return None  # _NAME_BEFORE needs "-", "–", "," or "(" right before (a regex search
        # would try every position of the window to find that out)
    m = _NAME_BEFORE.search(text, lo, start)
    if not m:
        return None
    if m.group(2) == "," and not _LIST_START.search(text, max(0, m.start(1) - 3), m.start(1)):
        return None  # "Nhân dịp Xuân mới Đinh Dậu, Thủ tướng ...": only lists ("...; X, Title")
    s, e = m.start(1), m.end(1)
    # the run must not be a dictionary tag (country, place, body, title) or follow one
    for t in tags[max(0, i - 4):i]:
        if t.start < e and s < t.end:
            return None
    tokens = name_tokens(m.group(1))
    if not STOP_WORDS.isdisjoint(tokens):
        return None
    if degrees := leading_degree_words(tokens):
        s = _token_end(text, s, tokens[:degrees]) + 1  # "PGS.TS Mai Thanh Quế, Phó Giám đốc ..."
        tokens = tokens[degrees:]
    skip = leading_place_words(tokens)
    if skip:
        s = _token_end(text, s, tokens[:skip]) + 1
        tokens = tokens[skip:]
    shape = name_shape(tokens)
    if shape != VN and not (shape == FOREIGN and m.group(2) in "-–(" and len(tokens) >= 2):
        return None
    prev = _word_before(text, s, 12)
    if prev is not None and prev[:1].isupper() and not skip and not degrees:
        return None  # the end of a longer capitalised run, not a whole name
    return PersonMention(s, e, text[s:e], shape)


_APPOSITION = re.compile(r"\s*(?:\([^()\n]{0,25}\))?\s*(?:,|\(|-|–)\s*$")


def _apposition(text: str, prev_end: int, start: int) -> bool:
    return 0 <= start - prev_end <= 40 and _APPOSITION.fullmatch(text, prev_end, start) is not None


# Words written right before an office that change what it is: a deputy ("Phó Tổng Thư ký",
# where the deputy office is not in titles.tsv) and a former holder ("cựu/nguyên Thủ tướng").
# They belong to the title as used; the English title takes the matching prefix. Found before
# 43 title mentions on the 388 dev articles (handcheck 2: "Phó", "Cựu" lost from titles).
TITLE_QUALIFIERS = {"phó": "Deputy", "cựu": "Former", "nguyên": "Former"}
FORMER_QUALIFIERS = frozenset({"cựu", "nguyên"})


def _title_qualifier(text: str, start: int) -> int | None:
    """Start of a qualifier word right before the title at ``start``, if there is one.
    A capitalised one must not follow a capitalised word (a name's last syllable "Nguyên")."""
    word = _word_before(text, start, 8)
    if word is None or word.lower() not in TITLE_QUALIFIERS:
        return None
    q = start - 1 - len(word)
    if word[0].isupper():
        prev = _word_before(text, q, 12)
        if prev is not None and prev[0].isupper():
            return None
    return q


@dataclass(slots=True)
class _Chain:
    start: int
    next_index: int
    qualifier: str | None = None  # "phó", "cựu", "nguyên" written before the first title
    titles: list[kb.Title] = field(default_factory=list)
    title_text: str = ""
    title_end: int = 0
    country: str | None = None
    evidence: list[tuple[str, float]] = field(default_factory=list)
    person: PersonMention | None = None


def _title_country(titles: list[kb.Title]) -> str | None:
    countries = [t.country for t in titles if t.country and t.country not in NO_COUNTRY_MARKS]
    return next((c for c in countries if c != "VNM"), countries[0] if countries else None)


def _read_chain(text: str, tags: list[Tag], i: int, by_start: dict[int, int]) -> _Chain:
    first = tags[i]
    chain = _Chain(first.start, i + 1)
    if first.kind == kb.TITLE and (q := _title_qualifier(text, first.start)) is not None:
        chain.start = q
        chain.qualifier = text[q:first.start].strip().lower()
    honorific_only = first.kind == kb.HONORIFIC
    if first.kind == kb.TITLE:
        chain.titles.append(first.ref)  # type: ignore[arg-type]
    title_end = first.end
    pos = first.end
    posting = False
    posted = False  # a place/country followed "tại"
    expect_place = False  # "bang Rheinland-Pfalz", "thành phố Porto": a place name comes next
    after_place = False  # a place word was just read: a lone word after it is still the place
    lower_run = 0
    prev_cap = False  # the previous word was a capitalised complement ("Phát" before "triển")
    cap_word: str | None = None  # that word
    spouse = first.kind == kb.TITLE and first.ref.key in SPOUSE_TITLES  # type: ignore[union-attr]
    n_tokens = 0
    n = len(text)
    while n_tokens < CHAIN_MAX_TOKENS:
        while pos < n and text[pos] in SPACE_CHARS:
            pos += 1
        if pos >= n:
            break
        j = by_start.get(pos)
        if j is not None and j >= chain.next_index - 1:
            tag = tags[j]
            chain.next_index = max(chain.next_index, j + 1)
            if tag.kind == kb.PERSON:
                p = _dictionary_person(tag, text, by_start.keys())
                p.titles = list(chain.titles) + p.titles
                p.evidence = list(chain.evidence) + p.evidence
                if chain.titles:
                    p.title_text = _clean_title(text[chain.start:title_end])
                    p.title_span = (chain.start, title_end)
                chain.person = p
                break
            if tag.kind == kb.HONORIFIC:
                if honorific_only or not chain.titles:
                    chain.next_index = j  # it starts its own chain
                    break
                # "Phu nhân bà Bành Lệ Viên", "Thủ tướng UAE Sheikh Mohammed ...": the name follows
                honorific_only = True
                pos = tag.end
                n_tokens += 1
                continue
            if posting:
                posted = True
            if tag.kind == kb.TITLE:
                if honorific_only or chain.country is not None:
                    chain.next_index = j  # a new chain starts here
                    break
                chain.titles.append(tag.ref)  # type: ignore[arg-type]
                title_end = tag.end
            elif tag.kind == kb.COUNTRY and tag.ref is not None:
                if not posting and chain.country is None:
                    chain.country = tag.ref.iso3  # type: ignore[attr-defined]
                    chain.evidence.append((chain.country, W_EXPLICIT))
            elif tag.kind == kb.PLACE and tag.ref is not None:
                if not posting and tag.ref.country:  # type: ignore[attr-defined]
                    chain.evidence.append((tag.ref.country, W_PLACE))  # type: ignore[attr-defined]
            elif tag.kind == kb.ORG:
                if not posting and isinstance(tag.ref, kb.Org) and tag.ref.country:
                    chain.evidence.append((tag.ref.country, W_ORG))
                elif not posting and isinstance(tag.ref, kb.Org) and tag.ref.international:
                    # "Tổng Giám đốc WHO Tedros ...": no country from the office, and none
                    # borrowed from the list item before
                    chain.evidence.append((INTERNATIONAL, W_INTERNATIONAL_ORG))
                elif not posting and (org_country := _org_identity(tag)[1]) \
                        and not _country_pair_re().search(match_key(tag.text)):
                    # a body written with its country: "Bộ Thương mại Trung Quốc Vương Văn Đào"
                    chain.evidence.append((org_country, W_ORG_QUALIFIED))
                elif not posting and tag.ref is None and _part_of_international(tag.text):
                    # "Cục Gìn giữ hòa bình Liên Hợp Quốc": a part of an international body
                    chain.evidence.append((INTERNATIONAL, W_INTERNATIONAL_ORG))
                if chain.country is None:
                    title_end = tag.end
            pos = tag.end
            lower_run = 0
            prev_cap = False
            cap_word = None
            expect_place = False
            n_tokens += 1
            continue
        ch = text[pos]
        if ch == "(" and not honorific_only:
            # a bracketed qualifier: "(Trung Quốc)", "(Interpol)", "(Bồ Đào Nha)"
            close = text.find(")", pos, pos + PAREN_MAX)
            if close > 0 and "\n" not in text[pos:close]:
                for t in tags[chain.next_index:]:
                    if t.start >= close:
                        break
                    chain.next_index = tags.index(t, chain.next_index) + 1
                    if t.kind == kb.COUNTRY and isinstance(t.ref, kb.Country) and chain.country is None \
                            and not posting:
                        chain.country = t.ref.iso3
                        chain.evidence.append((chain.country, W_EXPLICIT))
                    elif t.kind == kb.PLACE and isinstance(t.ref, kb.Place) and t.ref.country and not posting:
                        chain.evidence.append((t.ref.country, W_PLACE))
                pos = close + 1
                if posting:
                    posted = True
                n_tokens += 1
                continue
        if ch in ",(":
            nxt = _AFTER_PUNCT.match(text, pos)
            qualified = chain.country is not None or bool(chain.evidence)
            if ch == "," and qualified:
                break  # "Chủ tịch Quốc hội Hàn Quốc, Chủ tịch nước Lương Cường": a new person
            after = by_start.get(nxt.start(1)) if nxt else None
            # (a chain after a predicate, "được bầu làm Chủ tịch Thượng viện, Chủ tịch nước Tô
            # Lâm", says what someone became: the title after the comma is another person's;
            # the word before is read only here, where it matters)
            combined = after is not None and tags[after].kind == kb.TITLE and not spouse \
                and _word_before(text, first.start, 8) not in PREDICATE_WORDS
            if ch == "," and not combined:
                break  # "Nguyễn Chí Dũng - Bộ trưởng Bộ KH-ĐT, Trần Tuấn Anh - ...": a list
            if nxt and (nxt.group(1)[:1].isupper()) and chain.person is None and not honorific_only:
                pos += 1
                n_tokens += 1
                continue
            break
        if ch in ")":
            pos += 1
            continue
        if ch in "-–" and not honorific_only:
            pos += 1
            n_tokens += 1
            continue
        if ch.isupper():
            if posting and not posted:
                break  # "... tại Hoàng Cung": a venue, not a name
            w = _WORD.match(text, pos)
            if w and not honorific_only and (expect_place or w.group(0).lower() in PLACE_NOUNS):
                # the place of an office ("bang Hessen", "Bang Rheinland-Pfalz", "bang Tây
                # Bengal Geetesh Sharma"): all but the last two words of the run
                place_noun = w.group(0).lower() in PLACE_NOUNS
                run = NAME_RUN.match(text, pos)
                words = name_tokens(run.group(0)) if run and expect_place else []
                # a Vietnamese run is split where the name's surname starts ("huyện Cần Giờ
                # Lê Minh Dũng", "thành phố Hồ Chí Minh Phan Văn Mãi"), another one before
                # its last two words
                place_words = (leading_place_words(words) or len(words) - 2) if len(words) >= 4 else 0
                pos = _token_end(text, pos, words[:place_words]) if place_words else w.end()
                expect_place = place_noun
                after_place = True
                if chain.country is None and not chain.evidence:
                    title_end = pos
                prev_cap = True
                n_tokens += 1
                continue
            run = NAME_RUN.match(text, pos)
            if run and _field_of_study_after(text, run.end()):
                # "Phó Giáo sư Phương Đông học Anna Kireeva": a field of study, then the name
                pos = run.end() + len(FIELD_OF_STUDY_WORD)
                n_tokens += 1
                continue
            if run:
                end = run.end()
                # a dictionary tag inside the run ends it ("... Hàn Quốc Woo", "... Ngoại giao"),
                # unless it is a known person written with more of their name ("Juan Esteban Lazo")
                known: Tag | None = None
                for t in islice(tags, chain.next_index, None):
                    if t.start >= end:
                        break
                    if t.start > pos:
                        if t.kind == kb.PERSON:
                            known, end = t, max(end, t.end)
                        else:
                            end = t.start
                        break
                tokens = name_tokens(text[pos:end].rstrip())
                # (a military rank has no place: "trung tá Khăm Sinh Phan Tha Vông" is one
                # Lao name, not the place "Khăm Sinh" and a Vietnamese one)
                ranks_only = bool(chain.titles) and all(t.military_rank for t in chain.titles)
                skip = (0 if ranks_only else leading_place_words(tokens)) \
                    or int(len(tokens) > 2 and tokens[0] in _CENTRAL_ABBREVIATIONS)
                if not skip and len(tokens) > 2 and not is_vn_syllable(tokens[0]) and _country_typo(tokens[0]):
                    skip = 1  # "Tổng thống Indoenesia Joko Widodo": a misspelt country first
                if skip:
                    # "Phó tỉnh trưởng Phúc Kiến Lý Đức Kim": the place, then the name
                    pos = _token_end(text, pos, tokens[:skip]) + 1
                    tokens = tokens[skip:]
                while tokens and tokens[-1] in STOP_WORDS:
                    tokens.pop()
                if tokens and tokens[0] not in STOP_WORDS:
                    shape = name_shape(tokens)
                    if shape is None and ranks_only and len(tokens) >= RANK_TRANSLITERATED_MIN_WORDS \
                            and all(is_vn_syllable(t) and not is_all_caps(t) for t in tokens):
                        # a rank, then Vietnamese-spelt syllables with no surname first: a Lao
                        # or Cambodian name written the Vietnamese way ("trung tá Khăm Sinh
                        # Phan Tha Vông"), a rank is never followed by a body
                        shape = FOREIGN
                    elif shape is None and len(tokens) == 1 and honorific_only and is_vn_syllable(tokens[0]):
                        # "ông Hải": a Vietnamese given name, kept only if it is the end of a
                        # full name in this article (see _group_people)
                        shape = VN_GIVEN
                    if shape is not None:
                        name_end = _token_end(text, pos, tokens)
                        lower_title = first.kind == kb.TITLE and not text[first.start].isupper()
                        single_ok = len(tokens) == 1 and _plausible_single(tokens[0]) and not lower_title \
                            and not after_place and (
                            first.kind == kb.HONORIFIC or honorific_only
                            or not _SINGLE_END.match(text, name_end)
                            or not any(t.sector in PLACE_LIKE_SECTORS for t in chain.titles)) \
                            and not _country_typo(tokens[0])
                        if len(tokens) > 1 or single_ok:
                            p = PersonMention(pos, name_end, text[pos:name_end], shape)
                            if known is not None:
                                p.canonical = known.ref[0].name  # type: ignore[index]
                                p.evidence.append((known.ref[0].country, W_DICTIONARY))  # type: ignore[index]
                            p.titles = list(chain.titles)
                            p.evidence = list(chain.evidence)
                            if chain.titles:
                                p.title_text = _clean_title(text[chain.start if first.kind == kb.TITLE
                                                                 else _first_title_start(tags, i, pos):title_end])
                                p.title_span = (chain.start, title_end)
                            if spouse:
                                p.evidence.append(("__SPOUSE__", W_SPOUSE))
                            chain.person = p
                            break
            # a capitalised complement word ("Phát triển Kinh tế", "UBND", "Khu ủy")
            if honorific_only or posting:
                break  # after "tại" only a place may follow; after "ông" only a name
            w = _WORD.match(text, pos)
            expect_place = False
            pos = w.end() if w else pos + 1
            cap_word = w.group(0) if w else None
            if chain.country is None and not chain.evidence:
                title_end = pos
            lower_run = 0
            prev_cap = True
            n_tokens += 1
            continue
        w = _WORD.match(text, pos)
        if not w:
            break
        word = w.group(0)
        if word == "tại":
            posting = True
        if word.islower() and word.isalpha():
            lower_run += 1
            if honorific_only:
                break
            if word == "và" and by_start.get(w.end() + 1) is not None \
                    and tags[by_start[w.end() + 1]].kind in (kb.TITLE, kb.HONORIFIC):
                break  # "Nhà Vua và Hoàng hậu": two people
            expect_place = word in PLACE_NOUNS
            if word not in CHAIN_CONNECTORS:
                # inside a capitalised compound only ("Phát triển Kinh tế"), never a verb
                if not prev_cap or lower_run > CHAIN_MAX_LOWER_RUN or word in _NOT_IN_NAMES:
                    break
                if chain.country is None and not chain.evidence:
                    title_end = w.end()
                # a lower-case name after a body's head noun runs to a comma ("Cục trưởng
                # Cục pháp chế, Bộ Quốc phòng")
                if cap_word in kb.ORG_HEADS and (low := _LOWER_NAME_TO_COMMA.match(text, pos)) \
                        and _NOT_IN_NAMES.isdisjoint(low.group(1).split()):
                    if chain.country is None and not chain.evidence:
                        title_end = low.end(1)
                    w = low
            pos = w.end()
            cap_word = None
            prev_cap = False
            n_tokens += 1
            continue
        break
    chain.title_end = title_end
    if chain.titles:
        chain.title_text = _clean_title(text[chain.start:title_end])
    if chain.person is not None and chain.person.title_text is None and chain.titles:
        chain.person.title_text = chain.title_text
    return chain


# A capitalised run followed by "học" ("-logy") names a field of study ("Đông phương học",
# "Việt Nam học"), not a person.
FIELD_OF_STUDY_WORD = " học"


def _field_of_study_after(text: str, pos: int) -> bool:
    """Does `` học`` follow at ``pos``, not as the start of a longer word? (str tests: a
    regex call's set-up costs more than reading four characters)"""
    end = pos + len(FIELD_OF_STUDY_WORD)
    return text.startswith(FIELD_OF_STUDY_WORD, pos) and (end >= len(text) or text[end] not in _letters())
# A lower-case name of one or two words running to a comma ("pháp chế, Bộ Quốc phòng").
_LOWER_NAME_TO_COMMA = re.compile(rf"([{LOWER}]+(?:[ ][{LOWER}]+)?)(?=[ ]*[,;])")


# "Trung ương" abbreviated after a body's name ("Trưởng Ban Dân vận T.Ư Trương Thị Mai"): part
# of the title, not of the name.
_CENTRAL_ABBREVIATIONS = frozenset({"T.Ư", "TƯ", "TW", "T.W"})


def _first_title_start(tags: list[Tag], i: int, limit: int) -> int:
    for t in islice(tags, i, None):
        if t.start >= limit:
            break
        if t.kind == kb.TITLE:
            return t.start
    return tags[i].start


# The first words of a country's long name read into a title ("Bộ trưởng Bộ Nội vụ Cộng hòa
# Slovakia", "Tổng thống nước Cộng hòa Guinea-Bissau"): they belong to the country, which
# follows, not to the office. Found in 29 of 1,499 person titles on the 388 dev articles.
# "nước" goes with them ("Tổng thống nước Cộng hòa ...") except in "(Phó) Chủ tịch nước";
# "Hội đồng Liên bang" (Russia's Federation Council) is an institution, not a country's name.
# The state form may carry its kind ("Cộng hòa DCND Lào", "Cộng hòa Hồi giáo Iran").
_TRAILING_STATE_FORM = re.compile(
    r"(?:(?<!Chủ tịch)\s+nước)?(?:\s+(?:Cộng hòa|Cộng hoà|Vương quốc)"
    r"(?:\s+(?:Liên|DCND|Dân chủ Nhân dân|Dân chủ|Hồi giáo|XHCN|Ả Rập))?|(?<!Hội đồng)\s+Liên bang)$")


# Titles as written recur across articles ("Thủ tướng Chính phủ"): a bounded memo.
CLEAN_TITLE_MEMO = 1 << 12


@lru_cache(maxsize=CLEAN_TITLE_MEMO)
def _clean_title(s: str) -> str:
    s = _WHITESPACE.sub(" ", s).strip(" ,(-–")
    return _TRAILING_STATE_FORM.sub("", s)


def _token_end(text: str, pos: int, tokens: list[str]) -> int:
    end = pos
    for tok in tokens:
        k = text.find(tok, end)
        if k < 0:
            break
        end = k + len(tok)
    return end


# After a title (no "ông"), a lone word closed by punctuation is more often a place or a
# body than a surname ("Thị trưởng Hamburg;", "Tổng Giám đốc Sputnik, Dmitry Kiselev").
_SINGLE_END = re.compile(r"\s*[,;.:!]")
# Offices whose holders are often written "title + place/body" with no name.
PLACE_LIKE_SECTORS = frozenset({"LOCGOV", "BUS", "MEDIA", "EDU", "NGO"})
# A lone word this close to a country name is a misspelt country ("Camphuchia", "Cananda").
COUNTRY_TYPO_RATIO = 85


@cache
def _country_name_list() -> tuple[str, ...]:
    return tuple(kb.country_names())


@cache
def _country_names_near_length(n: int) -> tuple[str, ...]:
    """Country names a word of ``n`` characters can reach the typo cut-off with:
    fuzz.ratio is 200 * LCS / (len a + len b) <= 200 * min(len a, len b) / (len a + len b),
    so the other names cannot, whatever their letters."""
    return tuple(name for name in _country_name_list()
                 if 200 * min(n, len(name)) >= COUNTRY_TYPO_RATIO * (n + len(name)))


# A bounded memo: the fuzzy comparison against the country names costs ~20-80 µs and the
# same capitalised words come back article after article.
COUNTRY_TYPO_MEMO = 1 << 12


@lru_cache(maxsize=COUNTRY_TYPO_MEMO)
def _country_typo(tok: str) -> bool:
    key = match_key(tok)
    close = _country_names_near_length(len(key))
    return bool(close) and process.extractOne(key, close, scorer=fuzz.ratio,
                                              score_cutoff=COUNTRY_TYPO_RATIO) is not None


def _plausible_single(tok: str) -> bool:
    """A one-word name after a title or honorific: a foreign surname ("Trump", "V.Putin"),
    or a Vietnamese given name that resolution may attach to a full name ("ông Hải")."""
    return len(tok.replace(".", "")) >= 2


_NEXT_NAME_WORD = re.compile(rf"[ \u00a0]({NAME_TOKEN})")


def _dictionary_person(tag: Tag, text: str = "", starts: Collection[int] = ()) -> PersonMention:
    tenures: tuple[kb.Tenure, ...] = tag.ref  # type: ignore[assignment]
    end = tag.end
    if text and tenures[0].country != "VNM":
        # the article may write more of the name than the dictionary ("Gabriel Boric Font")
        while (m := _NEXT_NAME_WORD.match(text, end)) and m.start(1) not in starts \
                and m.group(1) not in STOP_WORDS and not is_vn_syllable(m.group(1)):
            end = m.end()
    p = PersonMention(tag.start, end, text[tag.start:end] if text else tag.text,
                      VN if tenures[0].country == "VNM" else FOREIGN)
    p.canonical = tenures[0].name
    p.evidence.append((tenures[0].country, W_DICTIONARY))
    return p


# An office named after a rank replaces it as the title if it is this specific (rank in
# titles.tsv; "Vụ trưởng" is 16; a bare "Ủy viên", 17, says less than "Thượng tướng").
OFFICE_OVER_RANK_MAX = 16


def _add_titles(p: PersonMention, chain: _Chain) -> None:
    # an office written after a rank is the title as used ("Trung tướng X, Thứ trưởng Bộ
    # Công an": the title is the office)
    if p.titles and all(t.military_rank for t in p.titles) \
            and any(not t.military_rank and t.rank <= OFFICE_OVER_RANK_MAX for t in chain.titles):
        p.office_text = chain.title_text
    p.titles.extend(chain.titles)
    if p.title_text is None:
        p.title_text = chain.title_text
        p.title_span = (chain.start, chain.title_end)
    p.evidence.extend(chain.evidence)


# word_key of a person's name: the same names recur across articles, a bounded memo.
_name_word_key = lru_cache(maxsize=WORD_KEY_MEMO)(kb.word_key)


def _repeat_mentions(text: str, key: str, people: list[PersonMention], blocked: list[tuple[int, int]],
                     tags: list[Tag]) -> list[PersonMention]:
    """Other occurrences of full names already found ("Woo Won-shik" with no title)."""
    # longest names first, so "Huỳnh Đình Túc" is found before its part "Huỳnh Đình" could take
    # the same words (and a fixed order: a set's order would vary with the hash seed)
    names = sorted({p.name for p in people if len(p.name.split()) >= 2}, key=lambda n: (-len(n), n))
    if not names:
        return []
    seen = {(p.start, p.end) for p in people}
    taken = [(t.start, t.end) for t in tags if t.kind != kb.HONORIFIC]
    out: list[PersonMention] = []
    for name in names:
        k = _name_word_key(name)
        start = key.find(k)
        while start >= 0:
            end = start + len(k)
            ok = (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())
            if ok and (start, end) not in seen and not _in_blocked(blocked, start, end) \
                    and not any(s < end and start < e for s, e in taken) \
                    and not any(p.start < end and start < p.end for p in people) \
                    and not any(o.start < end and start < o.end for o in out) \
                    and not (name in kb.NAMESAKES and _names_a_thing(key, start)):
                out.append(PersonMention(start, end, text[start:end], name_shape(name_tokens(name))))
                seen.add((start, end))
            start = key.find(k, end)
    out.sort(key=lambda m: m.start)
    return out


_LAST_TWO_WORDS = re.compile(r"(?:(\S+)[ ])?(\S+)[ ]+$")
NAMESAKE_LOOKBACK = 30  # characters: two words before a name


def _names_a_thing(key: str, start: int) -> bool:
    """A namesake's name right after a word that makes it a thing's name ("tư tưởng Hồ Chí
    Minh", "Huân chương Hồ Chí Minh", "Bảo tàng Hồ Chí Minh"): not the person, even when the
    person is named elsewhere in the article. ``key`` is the article's word key."""
    m = _LAST_TWO_WORDS.search(key, max(0, start - NAMESAKE_LOOKBACK), start)
    if m is None:
        return False
    words = kb.NAMESAKE_THING_WORDS
    return m.group(2) in words or (m.group(1) is not None and f"{m.group(1)} {m.group(2)}" in words)


# ---------------------------------------------------------------------------------------
# 4. entities


def _build(article: Article, text: str, tags: list[Tag], people: list[PersonMention],
           alone: list[TitleOnly]) -> None:
    mentions: list[Mention] = []
    entities: list[Entity] = []
    # -- countries, organisations, places
    gpe_spans: dict[str, list[tuple[int, int]]] = {}
    named_spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    named_info: dict[tuple[str, str], tuple[str | None, str]] = {}
    org_keys: dict[str, tuple[str, str]] = {}
    # countries written near a person: country names, and bodies named with their country
    # ("Bộ Ngoại giao Trung Quốc (cấp Bộ trưởng) Mã Triều Húc"); tags are in text order
    country_tags: list[tuple[int, str]] = []
    country_kind, org_kind, place_kind = kb.COUNTRY, kb.ORG, kb.PLACE
    for t in tags:
        kind = t.kind
        if kind == country_kind:
            c = t.ref
            if isinstance(c, kb.Country):
                iso = c.iso3
                spans = gpe_spans.get(iso)
                if spans is None:
                    gpe_spans[iso] = [(t.start, t.end)]
                else:
                    spans.append((t.start, t.end))
                country_tags.append((t.start, iso))
                mentions.append(Mention(t.start, t.end, GPE, STAGE, {}, c.name, iso))
        elif kind == org_kind:
            name, iso, sector = _org_identity(t)
            if iso:
                country_tags.append((t.start, iso))
            # "Mạng lưới ... Việt Nam (VINK)" and "Mạng lưới ... Việt Nam" are one body,
            # named by its longest form (one key per name without its bracketed tail)
            core = _without_trailing_paren(name)
            key = org_keys.get(core)
            if key is not None and len(name) > len(key[1]):
                named_spans[(ORG, name)] = named_spans.pop(key)
                named_info.pop(key)
                key = None
            key = key or (ORG, name)
            org_keys[core] = key
            named_spans.setdefault(key, []).append((t.start, t.end))
            named_info[key] = (iso, sector)
            name = key[1]
            mentions.append(Mention(t.start, t.end, ORG, STAGE, {"sector": sector} if sector else {},
                                    name, iso))
        elif kind == place_kind:
            place = t.ref
            if isinstance(place, kb.Place):
                key = (LOC, place.name)
                spans = named_spans.get(key)
                if spans is None:
                    named_spans[key] = [(t.start, t.end)]
                else:
                    spans.append((t.start, t.end))
                named_info[key] = (place.country, "")
                mentions.append(Mention(t.start, t.end, LOC, STAGE, {"kind": place.kind}, place.name, place.country))
    # -- people
    groups = _group_people(people)
    # countries by how often they are named (ties: first named first), not Vietnam: a
    # person's last-resort country
    others = [c for c in sorted(gpe_spans, key=lambda iso: len(gpe_spans[iso]), reverse=True)
              if c != "VNM"] if groups else []
    person_entities: list[tuple[Entity, list[PersonMention]]] = []

    def near(pos: int, reach: int | None = None) -> str | None:
        sent_start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("; ", 0, pos))
        if reach is not None:
            sent_start = max(sent_start, pos - reach)
        found = None
        for start, iso in country_tags:
            if start >= pos:
                break
            if start > sent_start and iso != "VNM":
                found = iso
        return found

    tag_starts = [t.start for t in tags] if groups else []  # read by stated_after, for people only

    def stated_after(end: int) -> tuple[str | None, bool]:
        """The country written right after a name: (ISO3, said with "người")."""
        k = bisect_left(tag_starts, end)
        if k >= len(tags) or tags[k].start - end > STATED_COUNTRY_REACH:
            return None, False
        t = tags[k]
        gap = _COUNTRY_AFTER_NAME.fullmatch(text, end, t.start)
        if gap is None:
            return None, False
        nationality = gap.group(2) is not None
        if "(" in gap.group(1):
            # a bracket after the name says whom he serves: its last country ("(Ban Chiến
            # lược, ..., Bộ Quốc phòng Lào)")
            close = text.find(")", t.start, t.start + PAREN_COUNTRY_REACH)
            found = None
            for u in islice(tags, k, None):
                if close < 0 or u.start >= close:
                    break
                if u.kind == kb.COUNTRY and isinstance(u.ref, kb.Country):
                    found = u.ref.iso3
                elif u.kind == kb.ORG and (iso := _org_identity(u)[1]):
                    found = iso
            return found, True
        if t.kind == kb.COUNTRY and isinstance(t.ref, kb.Country) and (nationality or gap.group(1)[0] != ","):
            # (", Việt Nam ngày càng ...": a new clause, not his country)
            return t.ref.iso3, nationality
        if t.kind == kb.ORG and not nationality:
            return _org_identity(t)[1], False
        return None, False

    for members in groups:
        ent = _person_entity(members, others, near, stated_after)
        person_entities.append((ent, members))
    # spouses take the country of the person named just before them
    for ent, members in person_entities:
        if ent.country is None or ent.attrs.pop("_spouse", False):
            prev = _previous_person(person_entities, members[0].start)
            if prev is not None and prev.country and ent.attrs.get("_needs_country", True):
                ent.country = prev.country
        ent.attrs.pop("_needs_country", None)
    # ids in order of first mention
    ordered: list[tuple[int, str, Entity, list[tuple[int, int]]]] = []
    for ent, members in person_entities:
        spans = sorted({(m.start, m.end) for m in members})
        ordered.append((spans[0][0], PER, ent, spans))
    for iso, spans in gpe_spans.items():
        c = kb.countries()[iso]
        ordered.append((spans[0][0], GPE, Entity("", c.name, GPE, iso, attrs={"name_en": c.name_en}), spans))
    for (typ, name), spans in named_spans.items():
        iso, sector = named_info[(typ, name)]
        ordered.append((spans[0][0], typ, Entity("", name, typ, iso, attrs={"sector": sector} if sector else {}),
                        spans))
    ordered.sort(key=lambda x: x[0])
    span_to_id: dict[tuple[int, int], str] = {}
    for n, (_, _, ent, spans) in enumerate(ordered, 1):
        ent.id = f"e{n}"
        ent.mentions = list(spans)
        for s in spans:
            span_to_id[s] = ent.id
        entities.append(ent)
    for m in mentions:
        m.entity_id = span_to_id.get((m.start, m.end))
    for ent, members in person_entities:
        for p in members:
            attrs = {"shape": p.shape}
            if p.titles:
                attrs["sector"] = p.titles[0].sector
                attrs["title_en"] = p.titles[0].title_en
            mentions.append(Mention(p.start, p.end, PER, STAGE, attrs, ent.name, ent.country,
                                    p.title_text or ent.title, ent.id))
            if p.title_span:
                mentions.append(Mention(p.title_span[0], p.title_span[1], TITLE_LABEL, STAGE,
                                        {"sector": p.titles[0].sector, "title_en": p.titles[0].title_en},
                                        ent.name, ent.country, p.title_text, ent.id))
    # -- titles written alone
    acronyms = _acronym_countries(named_info) if alone else {}
    for t in alone:
        if t.country is None and acronyms:
            # "Chủ tịch FTUB" after "Liên hiệp Công đoàn Belarus (FTUB)": the body's country
            t.country = next((acronyms[w] for w in t.title_text.split() if w in acronyms), None)
        holder = _holder_in_article(t, person_entities)
        attrs = {"sector": t.titles[0].sector, "title_en": t.titles[0].title_en}
        name, country = t.title_text, t.country
        if holder is not None:
            name, country = holder.name, holder.country
            holder.mentions.append((t.start, t.end))
            holder.mentions.sort()
        elif article.published and t.country and not _is_spouse(t):
            # not named in the article: the dictionary's holder on the publication date
            # (kept on the mention only, so an unnamed office never becomes a person entity)
            tenure = _holder_from_dictionary(t, article.published)
            if tenure is not None:
                name, country = tenure.name, tenure.country
                attrs["holder_source"] = "dictionary"
        mentions.append(Mention(t.start, t.end, TITLE_LABEL, STAGE, attrs, name, country, t.title_text,
                                holder.id if holder else None))
    # one stable sort: the same order as sorting these mentions first
    article.mentions.extend(mentions)
    article.mentions.sort(key=_SPAN_ORDER)
    article.entities = entities


_SPAN_ORDER = attrgetter("start", "end")
_BRACKETED_ACRONYM = re.compile(r"\(([A-ZĐ][A-ZĐ0-9&\-]{1,9})\)$")


def _acronym_countries(named_info: dict[tuple[str, str], tuple[str | None, str]]) -> dict[str, str]:
    """Acronyms the article gives its bodies ("Liên hiệp Công đoàn Belarus (FTUB)") -> the
    body's country."""
    out: dict[str, str] = {}
    for (typ, name), (iso, _) in named_info.items():
        if typ == ORG and iso and name.endswith(")"):
            m = _BRACKETED_ACRONYM.search(name)
            if m:
                out.setdefault(m.group(1), iso)
    return out


@cache
def _country_suffix_re() -> re.Pattern[str]:
    # full names only: a body's last word "Trung"/"Việt" is no country ("... Đào Việt Trung")
    return re.compile(rf"[ \-–]({_alternation(kb.country_full_names())})$")


def _org_identity(t: Tag) -> tuple[str, str | None, str]:
    if isinstance(t.ref, kb.Org):
        return t.ref.name, t.ref.country, t.ref.sector
    return t.text, _pattern_org_country(t.text), ""


# Pattern organisations recur (and each is asked about twice per article): a bounded memo.
PATTERN_ORG_MEMO = 1 << 12


@lru_cache(maxsize=PATTERN_ORG_MEMO)
def _pattern_org_country(text: str) -> str | None:
    # a body named with its country at the end ("Bộ Giáo dục Hàn Quốc", "... (VINK)"); a
    # friendship body is its first country's ("Hội hữu nghị Việt Nam - Nhật Bản": VNM)
    core = match_key(_without_trailing_paren(text))
    m = _country_suffix_re().search(core)
    if not m:
        return None
    pair = _country_pair_re().search(core)
    return kb.country_names()[(pair or m).group(1)]


@cache
def _country_pair_re() -> re.Pattern[str]:
    alt = _alternation(kb.country_names())
    return re.compile(rf"[ ]({alt})[ ]?[-–][ ]?(?:{alt})$")


@lru_cache(maxsize=PATTERN_ORG_MEMO)
def _part_of_international(text: str) -> bool:
    """Does a pattern body's name end with an international organisation's ("Cục Gìn giữ
    hòa bình Liên Hợp Quốc", "Hội đồng Nhân quyền LHQ")?"""
    key = " " + match_key(_without_trailing_paren(text))
    return any(key.endswith(" " + k) for k in kb.international_org_keys())


def _is_spouse(t: TitleOnly) -> bool:
    return any(x.key in SPOUSE_TITLES for x in t.titles)


def _group_people(people: list[PersonMention]) -> list[list[PersonMention]]:
    """One group per person: same folded name, or a partial name of a fuller one."""
    if not people:
        return []  # an article naming nobody: nothing to group
    people = sorted(people, key=lambda p: p.start)
    full: dict[str, list[PersonMention]] = {}
    partial: list[PersonMention] = []
    for p in people:
        key = fold_name(p.canonical or p.name)
        if len(name_tokens(p.name)) >= 2 or p.canonical:
            full.setdefault(key, []).append(p)
        else:
            partial.append(p)
    # a dictionary alias and a written form of the same person ("Seko Hiroshige")
    for key in list(full):
        tenures = kb.people_by_name().get(key)
        if tenures:
            canon = fold_name(tenures[0].name)
            if canon != key:
                full.setdefault(canon, []).extend(full.pop(key))
            for p in full[canon]:
                p.canonical = tenures[0].name
    _merge_variants(full)
    for p in partial:
        tok = fold_name(p.name.split(".")[-1])
        initial = fold_name(p.name.split(".")[0])[:1] if "." in p.name else None
        hits = [k for k, ms in full.items()
                if any(_partial_of_names(tok, initial, p.name, m.name, m.canonical) for m in ms)]
        if len(hits) == 1:
            full[hits[0]].append(p)
            continue
        if p.shape == VN_GIVEN:
            given = [k for k, ms in full.items() if any(fold_name(m.name.split()[-1]) == tok for m in ms)]
            if len(given) == 1:
                full[given[0]].append(p)
            continue
        tenures = kb.people_by_last_token().get(tok)
        if tenures and len({t.name for t in tenures}) == 1:
            p.canonical = tenures[0].name
            p.evidence.append((tenures[0].country, W_DICTIONARY))
            full.setdefault(fold_name(tenures[0].name), []).append(p)
            continue
        if p.shape == FOREIGN:
            full.setdefault(fold_name(p.name), []).append(p)
    return [sorted(ms, key=lambda m: m.start) for ms in full.values()]


def _merge_variants(full: dict[str, list[PersonMention]]) -> None:
    """Merge spellings of one person inside an article: a shorter name that ends a longer
    one ("Macclellan Thornberry" / "William Macclellan Thornberry"; the gold's 6-letter
    rule), and near-identical spellings with the same initial ("V.Matvienko"/"V.Matvienco")."""
    keys = sorted(full, key=len, reverse=True)
    for short in keys[::-1]:
        if short not in full:
            continue
        for long in keys:
            if long == short or long not in full or len(long) < len(short):
                continue
            vietnamese = any(m.shape == VN for m in full[short] + full[long])
            same = (len(short) >= SUFFIX_MIN_LETTERS and long.endswith(short)) or (
                not vietnamese and long[:1] == short[:1] and fuzz.ratio(long, short) >= FUZZY_SAME_NAME)
            if same:
                full[long].extend(full.pop(short))
                break


# (written partial name, full name, canonical name) -> same person? Asked for every full
# mention of every person in the article, often for the same pair: a bounded memo.
PARTIAL_MEMO = 1 << 12


@lru_cache(maxsize=PARTIAL_MEMO)
def _partial_of_names(tok: str, initial: str | None, written: str, name: str, canonical: str | None) -> bool:
    """Is the one-word name ``tok`` (``ông Woo``, ``V.Putin``, ``ông Hải``), written
    ``written``, the person named ``name`` (``canonical`` in the dictionary)?"""
    if written:
        a, b = fold_name(written), fold_name(name)
        if a[:1] == b[:1] and fuzz.ratio(a, b) >= FUZZY_SAME_NAME:
            return True
    full = canonical or name
    parts = [fold_name(x) for x in _NAME_SPLIT.split(full) if x]
    if not parts or tok not in parts:
        # "Woo" against "Woo Won-shik": the first word
        return bool(parts) and fold_name(full.split()[0]) == tok
    if initial is not None:
        return parts[0][:1] == initial
    return True


# A country written right after a name, for a person no title places: "Carl Thayer, Học
# viện Quốc phòng Úc", "Carl Thayer của Học viện Quốc phòng Australia", "X, chuyên gia người
# Australia", "X (Australia)" (not ", Việt Nam ..." with no "người"). Lower-case words are allowed only before "người" (a
# nationality): ", nhà quan sát chính trị Việt Nam" says what he observes, not who he is.
_COUNTRY_AFTER_NAME = re.compile(rf"(,[ ]+|[ ]+của[ ]+|[ ]*\([ ]*)((?:[{LOWER}]+[ ]+){{0,4}}người[ ]+)?")
STATED_COUNTRY_REACH = 60  # characters from the name to the country or body
RANK_TRANSLITERATED_MIN_WORDS = 3  # "Khăm Sinh Phan Tha Vông"; two words may be a place
PAREN_COUNTRY_REACH = 120  # characters of a bracket after a name read for its country


def _person_entity(members: list[PersonMention], others: list[str],
                   near: Callable[..., str | None] = lambda *_: None,
                   stated_after: Callable[[int], tuple[str | None, bool]] = lambda _: (None, False)) -> Entity:
    canonical = next((m.canonical for m in members if m.canonical), None)
    names = [m.name for m in members if len(name_tokens(m.name)) >= 2]
    name = canonical or (max(names, key=lambda n: (len(n), -names.index(n))) if names else members[0].name)
    if canonical:
        # a fuller written form of a dictionary name wins ("Gabriel Boric Font")
        ck = fold_name(canonical)
        longer = [n for n in names if len(fold_name(n)) > len(ck)
                  and (fold_name(n).startswith(ck) or fold_name(n).endswith(ck))]
        if longer:
            name = max(longer, key=len)
    shape = next((m.shape for m in members if m.shape in (VN, FOREIGN)), None)
    scores: dict[str, float] = {}  # ISO3 -> best evidence weight
    spouse = False
    for m in members:
        for iso, w in m.evidence:
            if iso == "__SPOUSE__":
                spouse = True
                continue
            if w == W_ORG and m.shape != VN:
                continue  # "ông Jiri Koliba, Thứ trưởng Bộ Công Thương" (of the Czech side)
            scores[iso] = max(scores.get(iso, 0), w) + 0.01
        for t in m.titles:
            if t.country in NO_COUNTRY_MARKS:
                continue
            if t.country and t.country != "VNM":
                scores[t.country] = max(scores.get(t.country, 0), W_TITLE_FOREIGN)
            elif t.country == "VNM" and m.shape == VN:
                scores["VNM"] = max(scores.get("VNM", 0), W_TITLE_VN)
    if canonical:
        tenures = kb.people_by_name().get(fold_name(canonical), ())
        for t in tenures:
            scores[t.country] = max(scores.get(t.country, 0), W_DICTIONARY)
    # the highest weight; on a tie the first weighed (as Counter.most_common(1) does)
    country = max(scores.items(), key=itemgetter(1))[0] if scores else None
    attrs: dict[str, object] = {}
    international = any(t.country == INTERNATIONAL for m in members for t in m.titles)
    # an international body's official: a Vietnamese-shaped name is still Vietnamese, other
    # names get no country guessed from the sentence or article
    international_body = country == INTERNATIONAL
    if country == INTERNATIONAL:
        country = None
    if country is None and shape == VN and not VN_MIDDLE_NAMES.isdisjoint(name_tokens(name)[1:-1]):
        country = "VNM"  # "Ngô Thị Mận": Chinese names read in Sino-Vietnamese never have Thị
    if country is None and name in kb.NAMESAKES:
        country = "VNM"  # "Chủ tịch Hồ Chí Minh, Chủ tịch Mao Trạch Đông": a Vietnamese figure
    if country is None and not international:
        if spouse:
            attrs["_spouse"] = True
        else:
            # last resort: the country named nearest before the person in the sentence,
            # then the name's shape, then the article's other country
            local = near(members[0].start)
            foreign_office = any(t.country == FOREIGN_OFFICE for m in members for t in m.titles)
            stated, nationality = next(((iso, nat) for m in members
                                        for iso, nat in (stated_after(m.end),) if iso), (None, False))
            if stated and (shape != VN or nationality):
                # "Giáo sư Carl Thayer của Học viện Quốc phòng Australia": his own country,
                # not the one named before him in the sentence
                country = stated
            elif shape == VN and foreign_office:
                # a Vietnamese-looking (Sino-Vietnamese) name in a foreign-only office:
                # "Tỉnh trưởng Tỉnh Phúc Kiến Vũ Vi Quốc"
                country = local or (others[0] if others else None)
            elif shape == VN:
                close = near(members[0].start, SINO_REACH)
                country = close if close in SINO_NAME_COUNTRIES else "VNM"
            elif international_body:
                pass
            elif local:
                country = local
            elif korean_like(name_tokens(name)) and (not others or "KOR" in others):
                country = "KOR"  # "Park Ju-seon": a Korean surname and romanised given name
            elif others:
                country = others[0]
            if country is not None:
                # a guess, not read next to the person: corpus linking may overrule it
                attrs["country_guessed"] = True
    titles: list[kb.Title] = []
    for m in members:
        for t in m.titles:
            if t not in titles:
                titles.append(t)
    # an office over a military rank ("Thượng tướng X, Thứ trưởng Bộ Quốc phòng")
    main = min(titles, key=lambda t: (t.military_rank, t.rank)) if titles else None
    title_text = None
    title_en = main.title_en if main else None
    if main is not None:
        for m in members:
            if m.title_text and main in m.titles:
                title_text = m.office_text if m.office_text and not main.military_rank else m.title_text
                # a combined title in English too: "Deputy Prime Minister, Minister of ..."
                parts = [t.title_en for t in m.titles if m.title_span and t.title in title_text]
                if len(parts) > 1:
                    title_en = ", ".join(dict.fromkeys(parts))
                title_en = _qualified_title_en(title_text, main, title_en)
                break
    attrs.update({"titles": [t.title for t in titles], "sector": main.sector if main else None,
                  "aliases": sorted({m.name for m in members if m.name != name})})
    if not attrs["aliases"]:
        attrs.pop("aliases")
    if not attrs["sector"]:
        attrs.pop("sector")
    # (an international office's holder borrows no country from the person before: "Thủ
    # tướng Ấn Độ Narendra Modi và Tổng Giám đốc Tổ chức Y tế thế giới (WHO) Tedros ...")
    attrs["_needs_country"] = country is None and not international_body and not international
    ent = Entity("", name, PER, country, title_text or (main.title if main else None), title_en, attrs=attrs)
    return ent


def _qualified_title_en(title_text: str, main: kb.Title, title_en: str | None) -> str | None:
    """'Former Prime Minister' for "cựu Thủ tướng": the qualifier read before the office
    (TITLE_QUALIFIERS) when the office itself does not start with it ("Phó Thủ tướng")."""
    first, _, rest = title_text.partition(" ")
    prefix = TITLE_QUALIFIERS.get(first.lower())
    if prefix is None or title_en is None or main.title.lower().startswith(first.lower() + " ") \
            or not match_key(rest).startswith(main.key):
        return title_en  # (not when the main office is not the one qualified)
    return f"{prefix} {title_en}"


def _previous_person(person_entities: list[tuple[Entity, list[PersonMention]]], start: int) -> Entity | None:
    best = None
    best_start = -1
    for ent, members in person_entities:
        for m in members:
            if best_start < m.start < start:
                best, best_start = ent, m.start
    return best


def _holder_in_article(t: TitleOnly, person_entities: list[tuple[Entity, list[PersonMention]]]) -> Entity | None:
    if _is_spouse(t):
        return None
    want = {x.key for x in t.titles}
    cands: list[tuple[int, Entity]] = []
    for ent, members in person_entities:
        held = {x.key for m in members for x in m.titles}
        if not want & held:
            continue
        if t.country and ent.country and t.country != ent.country:
            continue
        first = min(m.start for m in members)
        cands.append((first, ent))
    if not cands:
        return None
    if len(cands) > 1 and t.country is None:
        vn = [c for c in cands if c[1].country == "VNM"]
        cands = vn or cands
    # the holder named closest before the title, else the first named
    before = [c for c in cands if c[0] < t.start]
    return (max(before, key=lambda c: c[0]) if before else cands[0])[1]


def _holder_from_dictionary(t: TitleOnly, published: str) -> kb.Tenure | None:
    for title in t.titles:
        holders = kb.holders_on(title.title, t.country or "", published)
        if len({h.name for h in holders}) == 1:
            return holders[0]
    return None
