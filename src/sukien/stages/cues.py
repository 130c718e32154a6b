"""Trigger words and the roles of actors around them, shared by the events and statements stages.

Two things live here:

- :func:`find_cues` — every trigger word of ``knowledge/data/triggers.tsv`` in a text, found in
  one Aho-Corasick pass over a lower-cased copy whose punctuation is blanked (so every match is
  a whole-word match), resolved leftmost-longest so that a blocker row (``tiếp tục``) hides the
  shorter cue it contains (``tiếp``).
- :class:`Roles` — the article's actor tokens (person/organisation/country mentions from the
  actors stage, plus collective phrases such as ``hai bên`` and pronouns) with the one question
  both stages ask: which actor is the *subject* of the clause in front of a trigger, and which
  actors are its objects. Vietnamese puts the subject first (``Tổng Bí thư Tô Lâm hội kiến X``);
  a mention right after a verb or preposition (``đề nghị Hàn Quốc``, ``với Việt Nam``) is governed,
  not a subject; speech verbs (``nhấn mạnh``, ``cho biết``) turn what follows into reported content
  whose speaker is the subject before them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from ..knowledge import load_table
from ..model import Article, Mention, Span
from .article_words import keyword_phrases, lowered

EVENT_KINDS = ("MEET", "VISIT", "SIGN")
STATEMENT_KINDS = ("PROPOSE", "AGREE", "PLEDGE", "SUPPORT", "CRITICIZE", "REJECT", "AID")
BLOCKER = "-"

_NON_WORD = re.compile(r"[^\w]")
# What normalise_for_match blanks: non-word characters other than the plain space (which needs
# no replacing — skipping it makes the substitution several times faster on long articles).
_PUNCT = re.compile(r"[^\w ]")
_SPACES = re.compile(r"\s+")
# The punctuation of news text, most frequent first (counted on trends2024): blanked with one
# str.replace each before _PUNCT mops up the rest, because a regex substitution pays per match
# and these make up nearly all of an article's ~100 matches (53 -> ~20 µs per article). Only
# characters _PUNCT itself blanks are kept, so the result is the same.
_COMMON_PUNCT = tuple(c for c in ',\n.-/":)(;“\'”%!?+…–’|&•=[]*‘' if _PUNCT.fullmatch(c))
# Below this code point every word character (isalnum or "_", exactly re's \w) is listed in
# _UNUSUAL: Latin with its diacritics, Greek, Cyrillic. A text it finds nothing in has no
# character left for _PUNCT to blank — and it is a plain set lookup per character, several
# times faster than _PUNCT's \w test; a text with anything else takes the _PUNCT pass.
_LISTED_BELOW = 0x2000


def _word_ranges(limit: int) -> list[tuple[int, int]]:
    """Runs of word characters (re's ``\\w``) among the code points below ``limit``."""
    runs: list[tuple[int, int]] = []
    start = None
    for cp in range(limit + 1):
        is_word = cp < limit and (chr(cp).isalnum() or chr(cp) == "_")
        if is_word and start is None:
            start = cp
        elif not is_word and start is not None:
            runs.append((start, cp - 1))
            start = None
    return runs


_UNUSUAL = re.compile("[^ " + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                                      for a, b in _word_ranges(_LISTED_BELOW)) + "]")

# Old and new tone placement on the diphthongs oa/oe/uy ("hòa"/"hoà", "thủy"/"thuỷ"): cues are
# stored in both forms so either spelling in an article matches.
_TONE_PAIRS = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_TONE_SWAP = {**_TONE_PAIRS, **{v: k for k, v in _TONE_PAIRS.items()}}
_TONE_RE = re.compile("|".join(_TONE_SWAP))


def tone_variants(phrase: str) -> set[str]:
    """The phrase with old and with new tone placement (and as written)."""
    return {phrase, _TONE_RE.sub(lambda m: _TONE_SWAP[m.group(0)], phrase)}


def normalise_for_match(text: str) -> str:
    """Lower case with every non-word character blanked; same length as ``text``."""
    return _normalised(text, text.lower())


def _normalised(text: str, low: str) -> str:
    """``normalise_for_match(text)`` given ``low = text.lower()`` (the dates stage has made it
    for the article already: lower-casing is a third of the cost)."""
    if len(low) != len(text):  # a rare character whose lower case is longer (e.g. 'İ')
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for c in _COMMON_PUNCT:
        low = low.replace(c, " ")
    if _UNUSUAL.search(low) is None:
        return low
    return _PUNCT.sub(" ", low)


def padded_for_match(text: str) -> str:
    """``normalise_for_match(text)`` between two spaces: what the matchers' automata read."""
    return f" {normalise_for_match(text)} "


# Not frozen: an article makes ~20 cues and a frozen dataclass is built ~5x slower; nothing
# changes a cue once the matcher has made it.
@dataclass(slots=True)
class Cue:
    start: int
    end: int
    text: str
    senses: tuple[tuple[str, str], ...]  # (kind, mode) pairs; empty for a blocker
    # The kinds of ``senses`` as a set (made once per dictionary entry by the matcher): the stages
    # ask has()/kinds() of every cue of every sentence, and a set lookup beats a walk over pairs.
    kind_set: frozenset[str] = field(compare=False, repr=False)

    def has(self, kind: str) -> bool:
        return kind in self.kind_set

    def mode(self, kind: str) -> str | None:
        if kind not in self.kind_set:
            return None
        for k, m in self.senses:
            if k == kind:
                return m
        return None

    def kinds(self, allowed: tuple[str, ...]) -> list[tuple[str, str]]:
        if self.kind_set.isdisjoint(allowed):
            return []
        return [(k, m) for k, m in self.senses if k in allowed]


class CueMatcher:
    """An Aho-Corasick automaton over ``" cue "`` keys (padding makes matches whole words)."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        self._automaton = _cue_automaton(rows)

    def find(self, text: str, padded: str | None = None) -> list[Cue]:
        """Leftmost-longest whole-word cue matches in ``text``; blockers are matched but dropped.

        ``padded`` is ``padded_for_match(text)`` when the caller already has it (the trigger and
        the topic matchers read the same article)."""
        if padded is None:
            padded = padded_for_match(text)
        # (start in text, -length, value): sorted, the leftmost-longest match of each place comes first
        # (no two matches share start and length, so the values are never compared)
        found = [(end_idx - value[0] - 1, -value[0], value) for end_idx, value in self._automaton.iter(padded)]
        return _leftmost_longest(text, found)


class _DocumentPhrase:
    """The value of a documents-stage phrase in the shared automaton (``dated``: a dates-stage
    keyword as well, reported to both)."""

    __slots__ = ("text", "dated")

    def __init__(self, text: str, dated: bool) -> None:
        self.text = text
        self.dated = dated


def _cue_automaton(rows: list[tuple[str, str, str]], phrases: Sequence[str] = (),
                   document_phrases: Sequence[str] = ()) -> ahocorasick.Automaton:
    """The automaton of ``CueMatcher``; ``phrases`` (lower case, unpadded) are added with
    themselves as value, to be told apart from the cues' tuples; ``document_phrases`` (lower
    case, no space at either end) with a :class:`_DocumentPhrase`."""
    senses: dict[str, list[tuple[str, str]]] = {}
    for kind, cue, mode in rows:
        key = _SPACES.sub(" ", normalise_for_match(cue)).strip()
        if not key:
            continue
        for variant in tone_variants(key):
            bucket = senses.setdefault(variant, [])
            if kind != BLOCKER and (kind, mode) not in bucket:
                bucket.append((kind, mode))
    automaton = ahocorasick.Automaton()
    for key, kinds in senses.items():
        # the value carries what find() needs per match, so no per-match work recomputes it
        automaton.add_word(f" {key} ", (len(key), tuple(kinds), frozenset(k for k, _ in kinds)))
    dated = set(phrases)
    for phrase in phrases:  # (a cue key starts with a space, a phrase does not: never the same key)
        automaton.add_word(phrase, phrase)
    for phrase in document_phrases:
        automaton.add_word(phrase, _DocumentPhrase(phrase, phrase in dated))
    automaton.make_automaton()
    return automaton


def _leftmost_longest(text: str, found: list[tuple[int, int, tuple]]) -> list[Cue]:
    found.sort()
    out: list[Cue] = []
    last_end = -1
    for start, neg_len, (_n, senses, kind_set) in found:
        if start < last_end:
            continue
        last_end = end = start - neg_len
        if senses:
            out.append(Cue(start, end, text[start:end], senses, kind_set))
    return out


class _TriggerMatcher(CueMatcher):
    """The trigger cues, and in the same automaton pass the dates stage's keywords
    (``article_words.keyword_phrases``) and the documents stage's phrases (document words and
    spelled figures, ``documents.shared_phrases``): the pass over a whole article costs the same
    for all, and the dates stage needs the article's cues' padded text made anyway (the events
    stage reads it)."""

    def __init__(self, rows: list[tuple[str, str, str]], phrases: Sequence[str],
                 document_phrases: Sequence[str] = ()) -> None:
        self._automaton = _cue_automaton(rows, phrases, document_phrases)
        # a document phrase that is a dates keyword too: the phrases are then read in one ordered loop
        self._dated_documents = bool(set(phrases) & set(document_phrases))

    def find(self, text: str, padded: str | None = None) -> list[Cue]:
        return self.find_all(text, padded)[0]

    def find_with_phrases(self, text: str, padded: str | None = None) -> tuple[list[Cue], list[tuple[int, str]]]:
        """The cues of ``find`` and ``(start, phrase)`` of every occurrence of the phrases in
        ``padded`` (not checked for whole words; punctuation blanked)."""
        return self.find_all(text, padded)[:2]

    def find_all(self, text: str, padded: str | None = None) \
            -> tuple[list[Cue], list[tuple[int, str]], list[tuple[int, str]]]:
        """``find_with_phrases`` and ``(start, phrase)`` of every occurrence of the document phrases,
        in the order of the pass (not checked for whole words; punctuation blanked)."""
        if padded is None:
            padded = padded_for_match(text)
        hits = list(self._automaton.iter(padded))
        found = [(end_idx - value[0] - 1, -value[0], value) for end_idx, value in hits if value.__class__ is tuple]
        if len(found) == len(hits):
            return _leftmost_longest(text, found), [], []
        # padded start end_idx - len + 1, one padding space before the text
        phrases = [(end_idx - len(value), value) for end_idx, value in hits if value.__class__ is str]
        documents: list[tuple[int, str]] = []
        if len(found) + len(phrases) < len(hits):
            if self._dated_documents:
                phrases = []
                for end_idx, value in hits:
                    if value.__class__ is str:
                        phrases.append((end_idx - len(value), value))
                    elif value.__class__ is _DocumentPhrase:
                        documents.append((end_idx - len(value.text), value.text))
                        if value.dated:
                            phrases.append((end_idx - len(value.text), value.text))
            else:
                documents = [(end_idx - len(value.text), value.text) for end_idx, value in hits
                             if value.__class__ is _DocumentPhrase]
        return _leftmost_longest(text, found), phrases, documents


@cache
def trigger_matcher() -> _TriggerMatcher:
    from .documents import shared_phrases  # (documents reads the cues: imported when first needed)

    rows = load_table("triggers", required=("kind", "cue"))
    return _TriggerMatcher([(r["kind"], r["cue"], r.get("mode", "")) for r in rows], keyword_phrases(),
                           shared_phrases())


def find_cues(text: str) -> list[Cue]:
    return trigger_matcher().find(text)


def article_cues(article: Article) -> list[Cue]:
    """The article's cues, computed once and kept on ``article.meta`` (the stages share them)."""
    cached = article.meta.get("_cues")
    if cached is not None and cached[0] == len(article.text_clean):
        return cached[1]
    padded = f" {_normalised(article.text_clean, lowered(article))} "  # padded_for_match of the text
    cues, phrases, documents = trigger_matcher().find_all(article.text_clean, padded)
    article.meta["_cues"] = (len(article.text_clean), cues, padded, phrases, documents)
    return cues


def article_date_phrases(article: Article) -> list[tuple[int, str]]:
    """``(start, phrase)`` of the dates stage's keywords (``article_words.keyword_phrases``) in the
    article's padded text (punctuation blanked: the caller checks them against its own text)."""
    cached = article.meta.get("_cues")
    if cached is None or cached[0] != len(article.text_clean):
        article_cues(article)
        cached = article.meta["_cues"]
    return cached[3]


def article_cues_by_kind(article: Article) -> dict[str, list[Cue]]:
    """The article's cues of each kind (a cue under each of its kinds, in text order), made once:
    the stages ask for one or two kinds of an article's ~25 cues several times."""
    cached = article.meta.get("_cue_kinds")
    if cached is not None and cached[0] == len(article.text_clean):
        return cached[1]
    index: dict[str, list[Cue]] = {}
    for c in article_cues(article):
        for k in c.kind_set:
            group = index.get(k)
            if group is None:
                index[k] = [c]
            else:
                group.append(c)
    article.meta["_cue_kinds"] = (len(article.text_clean), index)
    return index


def article_document_phrases(article: Article) -> list[tuple[int, str]]:
    """``(start, phrase)`` of the documents stage's phrases (``documents.shared_phrases``) in the
    article's padded text (punctuation blanked: the caller checks them against its own text)."""
    cached = article.meta.get("_cues")
    if cached is None or cached[0] != len(article.text_clean):
        article_cues(article)
        cached = article.meta["_cues"]
    return cached[4]


def article_padded(article: Article) -> str:
    """``padded_for_match`` of the article's text, made once with its cues (the topic matcher reuses it)."""
    cached = article.meta.get("_cues")
    if cached is not None and cached[0] == len(article.text_clean):
        return cached[2]
    article_cues(article)
    return article.meta["_cues"][2]


# -- actors and their roles ---------------------------------------------------------------
ACTOR_LABELS = ("PER", "ORG", "GPE", "TITLE")
SIDES, LEADERS, PRONOUN, WE = "sides", "leaders", "pronoun", "we"
# Names of news media: reporters of an event, never its parties or speakers.
MEDIA_PREFIXES = ("báo ", "tờ ", "thông tấn xã", "hãng thông tấn", "đài truyền hình", "đài phát thanh",
                  "kênh truyền hình", "tạp chí ")
# "ta", "nước ta", "phía ta" in Vietnamese news are Vietnam (the press writes from Vietnam).
HOME_COUNTRY = "VNM"

# Most capitalised words (a place inside a title) between a title mention and its person's name.
NAME_GAP_WORDS = 3
# Longest joiner between two objects of one verb ("và", ", ", "cùng với", "và các thành viên").
LIST_GAP_CHARS = 20
# Characters after which a mention starts a clause (so may be its subject). ":" is absent on
# purpose: what follows a colon is reported content ("Chủ tịch nước: Việt Nam ... cần ...").
_CLAUSE_OPENERS = set(",;(\"“”'‘’–—-)…[]")
# Words after which a mention may still be a subject: coordination joins it to the subject before.
_COORDINATORS = {"và", "cùng", "cùng với"}
# Words that may stand between a clause start and its subject without governing it.
_TRANSPARENT = {"ông", "bà", "ngài", "đồng", "chí", "phía", "cả", "các", "nay", "đó", "cũng", "nguyên", "cựu", "tân",
                "đương", "kim"}
# Head nouns through which a country speaks ("lãnh đạo cấp cao Việt Nam và UAE nhất trí").
# Longest first: the first that ends the text before the country is the one skipped.
_HEAD_NOUNS = ("nhà lãnh đạo", "lãnh đạo cấp cao", "lãnh đạo")
# Conjunctions that open a new clause: the mention after them may be its subject ("trong khi ta cam kết").
_CLAUSE_WORDS = {"khi", "nhưng", "song", "còn", "thì"}
# Look-behind window (characters) for the word before a position: longer than any Vietnamese
# syllable plus punctuation, short enough that a search never scans a whole paragraph.
_WORD_WINDOW = 40


def text_end(text: str, lo: int, pos: int) -> int:
    """``pos`` moved left over whitespace (not below ``lo``): the end of what precedes it."""
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


def last_word(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """The word (lower case) ending before ``pos`` (over trailing punctuation) and its start."""
    # Two short walks left (over trailing non-word characters, then over the word) instead of
    # the regex ``(\w+)\W*$``, which is tried at every position of the window; ``isalnum() or
    # "_"`` is exactly re's ``\w`` (checked over every code point), so the result is the same.
    start = max(lo, pos - _WORD_WINDOW)
    end = pos
    while end > start:
        c = text[end - 1]
        if c.isalnum() or c == "_":
            break
        end -= 1
    else:
        return None
    begin = end - 1
    while begin > start:
        c = text[begin - 1]
        if not (c.isalnum() or c == "_"):
            break
        begin -= 1
    return text[begin:end].lower(), begin
# A mention right after one of these is a place or a nationality, never a verb's object.
# Words after which a mention is a place, a nationality or a venue ("bên lề Hội nghị APEC", "tham dự
# Diễn đàn ..."), not an actor acted on.
NOT_OBJECT = {"tại", "ở", "người", "trong", "khắp", "đài", "tượng", "lăng", "mộ", "dự", "lề"}


@dataclass(slots=True)
class ActorToken:
    """A stretch of text that refers to one or more actors."""

    start: int
    end: int
    refs: tuple[str, ...]  # entity ids or ISO3; empty for sides/pronouns until resolved
    kind: str  # PER | ORG | GPE | TITLE | sides | leaders | pronoun
    country: str | None = None
    countries: tuple[str, ...] = ()
    title_only: bool = False  # an office written without a name ("nguyên Bộ trưởng Bộ Quốc phòng")

    @property
    def is_person(self) -> bool:
        return self.kind in ("PER", "TITLE")

    @property
    def is_collective(self) -> bool:
        return self.kind in (SIDES, LEADERS)


def _dictionary_holder(m: Mention) -> bool:
    return bool(m.attrs) and m.attrs.get("holder_source") == "dictionary"


def actor_tokens(article: Article, cues: Sequence[Cue], entities: dict | None = None) -> list[ActorToken]:
    """Actor tokens in text order: mentions (no nested ones), collective phrases, pronouns.

    ``cues`` are the article's cues (only its SIDES ones are read: the caller may pass just
    those); ``entities`` is the article's entities by id, when the caller has it already."""
    text = article.text_clean
    raw: list[ActorToken] = []
    if entities is None:
        entities = {e.id: e for e in article.entities}
    sided = [(c, c.mode("SIDES")) for c in cues if "SIDES" in c.kind_set]
    # "hai Bộ trưởng", "hai nhà lãnh đạo": the collective phrase wins over a title mention inside it
    collective = [(c.start, c.end) for c, mode in sided if mode in (SIDES, LEADERS)]
    titles: dict[tuple[int, int], str] = {}  # every titled person's span (a token takes its title in front)
    # a mention's refs: its countries (GPE) or its entity; none, no token
    for m in article.mentions:
        label = m.label
        if label == "GPE":
            countries = m.attrs.get("countries") if m.attrs else None
            if countries:
                refs = tuple(countries)
                raw.append(ActorToken(m.start, m.end, refs, "GPE", refs[0], refs, False))
            elif m.country:
                refs = (m.country,)
                raw.append(ActorToken(m.start, m.end, refs, "GPE", m.country, refs, False))
            continue
        if label == "PER":
            if m.title:
                titles[(m.start, m.end)] = m.title
        elif label == "TITLE":
            if collective and any(s <= m.start and m.end <= e for s, e in collective):
                continue
        elif label == "ORG":
            if (m.name or text[m.start:m.end]).lower().startswith(MEDIA_PREFIXES):
                continue  # "Báo Yomiuri", "Thông tấn xã Việt Nam": they report, they are not parties
        else:
            continue  # not an actor label
        eid = m.entity_id
        if not eid:
            if label == "TITLE" and m.country and m.country != HOME_COUNTRY and _dictionary_holder(m):
                # "Thủ tướng Belarus khẳng định": a foreign national office (its holder known on
                # the day, not named in the article) speaks for its country, not for the person
                # named before it
                refs = (m.country,)
                raw.append(ActorToken(m.start, m.end, refs, "PER", m.country, refs, True))
            continue
        ent = entities.get(eid)
        country = m.country
        if country is None:
            country = ent.country if ent else None
        kind = "PER" if label == "TITLE" else label
        if ent is not None and ent.type in ("PER", "ORG", "GPE"):
            kind = ent.type
        raw.append(ActorToken(m.start, m.end, (eid,), kind, country, (country,) if country else (), label == "TITLE"))
    if sided:
        mention_spans = sorted((t.start, t.end) for t in raw)
        span_starts = [s for s, _ in mention_spans]
    for c, mode in sided:
        if mode is None:
            continue
        k = bisect.bisect_left(span_starts, c.end)
        if any(s < c.end and c.start < e and not (mode in (SIDES, LEADERS) and c.start <= s and e <= c.end)
               for s, e in mention_spans[max(0, k - 3):k]):
            continue
        if mode == PRONOUN:
            nxt = text[c.end:c.end + 2].lstrip()
            if not nxt or nxt[0].isupper() or nxt[0] in ".,;:":
                continue  # "ông Trump" is a name (the actors stage's), not a pronoun
        if mode == WE:
            raw.append(ActorToken(c.start, c.end, (HOME_COUNTRY,), "GPE", HOME_COUNTRY, (HOME_COUNTRY,)))
            continue
        raw.append(ActorToken(c.start, c.end, (), mode))
    raw.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[ActorToken] = []
    for t in raw:
        if out and t.start < out[-1].end:  # nested or overlapping: keep the longer, earlier one
            continue
        out.append(t)
    keep: list[ActorToken] = []
    dropped: ActorToken | None = None
    for t, nxt in zip(out, [*out[1:], None], strict=False):  # (no tokens: one None too many)
        # "Tổng thống Hàn Quốc Lee Jae Myung": a country written inside a title belongs to the person.
        if (t.kind == "GPE" and nxt is not None and nxt.kind in ("PER", "ORG")
                and nxt.start - t.end <= 1 and not text[t.end:nxt.start].strip()):
            dropped = t
            continue
        lo = dropped.start if dropped is not None and dropped.end <= t.start else t.start
        dropped = None
        # "Việt Nam - Hàn Quốc": a pair of countries is one token naming both.
        if (keep and t.kind == "GPE" and keep[-1].kind == "GPE"
                and text[keep[-1].end:t.start].strip() in ("-", "–", "—")):
            keep[-1].end = t.end
            keep[-1].refs = tuple(dict.fromkeys(keep[-1].refs + t.refs))
            keep[-1].countries = tuple(dict.fromkeys(keep[-1].countries + t.countries))
            continue
        # "Tổng Bí thư" + "Tô Lâm" as two mentions of one person: one token.
        if keep and keep[-1].refs == t.refs and t.refs and _name_gap(text[keep[-1].end:lo]):
            keep[-1].end = t.end
            keep[-1].title_only = keep[-1].title_only and t.title_only
            continue
        title = titles.get((t.start, t.end))
        if title:
            window = max(0, lo - len(title) - 2)
            head = text[window:lo].rstrip()
            if head.lower().endswith(title.lower()):
                lo = window + len(head) - len(title)
        t.start = max(lo, keep[-1].end if keep else 0)
        keep.append(t)
    return keep


class ActorReach:
    """Which sentences may hold an actor token, told from the mentions and cues alone.

    Building the tokens (:func:`actor_tokens`) is the costly part of :class:`Roles`; the events
    and statements stages test this necessary condition first. By ``actor_tokens``' rules a token
    comes from a mention of an actor label with refs (an entity; a country for a GPE) or from a
    collective cue, and starts at its start or left of it: at a country token dropped right in
    front of it (which is itself such a candidate), less the length of the person's title written
    before it and two characters. So a token starting in a sentence comes from a candidate starting
    in it or at most ``reach`` characters after its end (for a person, past a dropped country too).
    """

    __slots__ = ("spans", "_starts", "_actors", "_persons", "_reach", "_person_reach")

    def __init__(self, article: Article, cues: Sequence[Cue]) -> None:
        self.spans = article.sentences or [Span(0, len(article.text_clean), "SENT")]
        self._starts = [s.start for s in self.spans]
        actors: list[int] = []
        persons: list[int] = []  # a PER/TITLE token's kind comes from a non-GPE mention's entity
        title_reach = 0
        longest = 0  # the longest candidate: a country token dropped in front of a name is one
        for m in article.mentions:
            label = m.label
            if label == "GPE":
                if not (m.country or (m.attrs and m.attrs.get("countries"))):
                    continue
            elif label in ACTOR_LABELS and (m.entity_id or (label == "TITLE" and m.country
                                                            and m.country != HOME_COUNTRY
                                                            and _dictionary_holder(m))):
                persons.append(m.start)
                if label == "PER" and m.title:
                    title_reach = max(title_reach, len(m.title) + 2)
            else:
                continue
            actors.append(m.start)
            longest = max(longest, m.end - m.start)
        for c in cues:
            if "SIDES" in c.kind_set:  # (the caller may pass only these)
                actors.append(c.start)
                longest = max(longest, c.end - c.start)
        actors.sort()
        persons.sort()
        self._actors = actors
        self._persons = persons
        self._reach = title_reach
        self._person_reach = title_reach + longest + 1  # (a dropped country ends at most a character before)

    def sentence_of(self, pos: int) -> int:
        """The index of the sentence ``pos`` is in (as :class:`Roles` groups cues), -1 if none."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i].end else -1

    def actor_in(self, i: int) -> bool:
        """May an actor token start in sentence ``i``?"""
        return i >= 0 and _starts_within(self._actors, self.spans[i].start, self.spans[i].end + self._reach)

    def person_in(self, i: int) -> bool:
        """May a person's token (kind PER or TITLE) start in sentence ``i``?"""
        return i >= 0 and _starts_within(self._persons, self.spans[i].start, self.spans[i].end + self._person_reach)


def _starts_within(starts: list[int], lo: int, hi: int) -> bool:
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _is_verb(cue: Cue) -> bool:
    """A trigger that heads a clause of its own (a bare "đến"/"tới" of motion does not)."""
    return any(k in EVENT_KINDS + STATEMENT_KINDS + ("REPORT",) and m != "arrive" for k, m in cue.senses)


def _name_gap(gap: str) -> bool:
    """Between two mentions of one person only spaces or a capitalised place ("Bí thư Khu ủy
    Quảng Tây Lưu Ninh")."""
    words = gap.split(None, NAME_GAP_WORDS)  # a longer gap (often a paragraph) is not split in full
    return len(words) <= NAME_GAP_WORDS and all(w[:1].isupper() for w in words)


_NO_KINDS: frozenset[str] = frozenset()


class SentenceView:
    """A sentence with the cues and actor tokens inside it.

    A plain slotted class, its memo dictionaries made on first use: a stage asks questions of
    few sentences of an article (those with a trigger or a person in them)."""

    __slots__ = ("span", "index", "cues", "tokens", "kinds", "positions", "memo")

    def __init__(self, span: Span, index: int, cues: Sequence[Cue] = (), tokens: Sequence[ActorToken] = (),
                 kinds: frozenset[str] = _NO_KINDS) -> None:
        self.span = span
        self.index = index
        self.cues = cues
        self.tokens = tokens
        self.kinds = kinds  # every kind of every cue in the sentence
        self.positions: dict[tuple[int, bool], str] | None = None  # memo of Roles.position
        self.memo: dict[str, object] | None = None  # per-sentence sets the stages reuse

    def remembered(self) -> dict[str, object]:
        """The sentence's memo (made on first use)."""
        if self.memo is None:
            self.memo = {}
        return self.memo


def _by_sentence(items: list, spans: list[Span], starts: list[int]) -> dict[int, list]:
    """Items (cues or tokens) grouped by the index of the sentence they start in."""
    groups: dict[int, list] = {}
    group: list = []
    lo = hi = 0  # the span of the sentence of ``group``; items in text order mostly stay in it
    for x in items:
        at = x.start
        if not lo <= at < hi:
            i = bisect.bisect_right(starts, at) - 1
            if i < 0 or at >= spans[i].end:
                lo = hi = 0
                continue
            lo, hi = spans[i].start, spans[i].end
            group = groups.get(i)
            if group is None:
                group = groups[i] = []
        group.append(x)
    return groups


class Roles:
    """Per-article index of sentences, cues and actor tokens, with subject/object finding."""

    @classmethod
    def built(cls, article: Article) -> bool:
        """Has :meth:`of` built the article's Roles already (for an earlier stage)?"""
        cached = article.meta.get("_roles")
        return isinstance(cached, tuple) and cached[0] == (len(article.text_clean), len(article.mentions),
                                                          len(article.sentences))

    @classmethod
    def of(cls, article: Article) -> Roles:
        """The article's Roles, built once and shared by the events and statements stages."""
        key = (len(article.text_clean), len(article.mentions), len(article.sentences))
        cached = article.meta.get("_roles")
        if isinstance(cached, tuple) and cached[0] == key:
            return cached[1]
        roles = cls(article)
        article.meta["_roles"] = (key, roles)
        return roles

    def __init__(self, article: Article) -> None:
        self.article = article
        self.entities = {e.id: e for e in article.entities}
        self.text = article.text_clean
        self.cues = article_cues(article)
        self.tokens = actor_tokens(article, article_cues_by_kind(article).get("SIDES", ()), self.entities)
        self.spans = article.sentences or [Span(0, len(self.text), "SENT")]
        starts = [s.start for s in self.spans]
        self._cues_in = _by_sentence(self.cues, self.spans, starts)
        self._tokens_in = _by_sentence(self.tokens, self.spans, starts)
        # the kinds of cue each sentence holds: the stages pass over a sentence with one set test
        self.kinds_in = {i: cues[0].kind_set if len(cues) == 1 else frozenset().union(*[c.kind_set for c in cues])
                         for i, cues in self._cues_in.items()}
        # the sentences with a person in them (whose subject a later sentence may take as its speaker)
        self.with_person = {i for i, toks in self._tokens_in.items() if any(t.kind in ("PER", "TITLE") for t in toks)}
        # the sentences with any actor token in them (a subject, object or speaker can only be one of these)
        self.with_actor = self._tokens_in.keys()
        self._views: dict[int, SentenceView] = {}
        self.memo: dict[str, object] = {}  # article-level results the two stages share

    def sentence(self, i: int) -> SentenceView:
        """The view of sentence ``i`` (made on first use, then the same object: it keeps memos)."""
        view = self._views.get(i)
        if view is None:
            view = self._views[i] = SentenceView(self.spans[i], i, self._cues_in.get(i, ()),
                                                 self._tokens_in.get(i, ()), self.kinds_in.get(i, _NO_KINDS))
        return view

    @property
    def sentences(self) -> list[SentenceView]:
        """Every sentence's view, in text order."""
        return [self.sentence(i) for i in range(len(self.spans))]

    def sentences_with(self, kinds: tuple[str, ...]) -> list[SentenceView]:
        """The sentences holding a cue of one of ``kinds``, in text order."""
        return [self.sentence(i) for i in sorted(self.kinds_in) if not self.kinds_in[i].isdisjoint(kinds)]

    # -- positions --------------------------------------------------------------------------
    def position(self, sent: SentenceView, token: ActorToken, *, report_opens: bool = False) -> str:
        """'subject', 'coord' (joined to the token before by và/cùng) or 'governed'.

        With ``report_opens`` a mention right after a speech verb is the subject of the reported
        clause ("Bộ trưởng nhấn mạnh Tổng Bí thư ... thăm Hàn Quốc": the visitor is the Tổng Bí thư).
        """
        key = (token.start, report_opens)
        memo = sent.positions
        if memo is None:
            memo = sent.positions = {}
        else:
            cached = memo.get(key)
            if cached is not None:
                return cached
        result = memo[key] = self._position(sent, token, report_opens)
        return result

    def _position(self, sent: SentenceView, token: ActorToken, report_opens: bool) -> str:
        text, lo = self.text, sent.span.start
        pos = token.start
        if token.title_only:
            # "Đại tướng X, nguyên Phó Bí thư ..., nguyên Bộ trưởng ...": offices in apposition to a name
            for prev in reversed([t for t in sent.tokens if t.end <= token.start]):
                gap = [w for w in text[prev.end:pos].lower().replace(",", " , ").split() if w not in _TRANSPARENT]
                if gap != [","] or not prev.is_person:
                    break
                if not prev.title_only:
                    return "governed"
                pos = prev.start
            pos = token.start
        head = text[lo:pos]
        if head.count("(") > head.count(")"):
            return "governed"  # "(gồm Nga, Armenia, ...)": a parenthesis lists, it does not act
        if report_opens and "REPORT" in sent.kinds:
            end = text_end(text, lo, pos)
            if any(c.end == end and c.has("REPORT") for c in sent.cues):
                return "subject"
        has_cont = "CONT" in sent.kinds
        for _ in range(3):
            end = text_end(text, lo, pos)
            if end <= lo:
                return "subject"
            if has_cont and any(c.end == end and c.has("CONT") and not text[lo:c.start].strip(" -–+•")
                                for c in sent.cues):
                return "subject"  # "Trong đó lãnh đạo hai bên ...", "Đồng thời Việt Nam ..."
            if text[end - 1] in _CLAUSE_OPENERS or text[end - 1].isdigit():
                return "subject"
            lw = last_word(text, lo, end)
            if lw is None:
                return "subject"
            word, wstart = lw
            if word in _COORDINATORS:
                return "coord"
            if word in _CLAUSE_WORDS:
                return "subject"
            if word in _TRANSPARENT:
                pos = wstart
                continue
            head = text[max(lo, end - 20):end].lower()
            if token.kind == "GPE" and head.endswith(_HEAD_NOUNS):  # "lãnh đạo cấp cao Việt Nam và UAE nhất trí"
                pos = end - next(len(h) for h in _HEAD_NOUNS if head.endswith(h))
                continue
            return "governed"
        return "governed"

    def head_of(self, sent: SentenceView, token: ActorToken) -> ActorToken:
        """The named person an office is in apposition to ("Ngài X, Chủ tịch Quốc hội ..."), or the token."""
        if not token.title_only:
            return token
        prev = [t for t in sent.tokens if t.end <= token.start]
        for t in reversed(prev):
            gap = [w for w in self.text[t.end:token.start].lower().replace(",", " , ").split() if w not in _TRANSPARENT]
            if gap != [","] or not t.is_person:
                return token
            if not t.title_only:
                return t
            token = t
        return token

    def cue_between(self, start: int, end: int, kind: str, sent: SentenceView) -> bool:
        return any(start <= c.start and c.end <= end and c.has(kind) for c in sent.cues)

    def subject_before(self, sent: SentenceView, pos: int, *, reported: bool = False) -> list[ActorToken]:
        """The subject group of the clause in front of ``pos``: the speaker of reported content,
        or (``reported=True``, for events) the subject inside the reported clause."""
        toks = [t for t in sent.tokens if t.end <= pos]
        best: list[ActorToken] = []
        i = len(toks) - 1
        while i >= 0:
            t = toks[i]
            where = self.position(sent, t, report_opens=reported)
            if where == "governed":
                i -= 1
                continue
            group = [t]
            j = i
            while where == "coord" and j > 0:
                j -= 1
                prev = toks[j]
                group.insert(0, prev)
                where = self.position(sent, prev, report_opens=reported)
            if where == "governed":  # "đề nghị Hàn Quốc và Nhật Bản": the whole list is an object
                i = j - 1
                continue
            best = group
            if reported:
                return best
            # Reported content: "A nhấn mạnh, B ..." / "A bày tỏ vui mừng khi thấy ..., hai nước ..."
            # -> the speaker A is the source, not B.
            earlier = self.subject_before(sent, group[0].start) if j > 0 else []
            lw = last_word(self.text, sent.span.start, group[0].start)
            if earlier and (lw is None or lw[0] not in _CLAUSE_WORDS) and any(
                    earlier[-1].end <= c.start and c.end <= group[0].start
                    and (c.has("REPORT") or c.kinds(STATEMENT_KINDS)) for c in sent.cues):
                return earlier  # ("trong khi ta cam kết ...": a conjunction opens a clause of its own)
            return best
        return best

    def subject_after(self, sent: SentenceView, pos: int) -> list[ActorToken]:
        """First subject-position group after ``pos`` ("tại cuộc hội kiến X, Y cho rằng ...")."""
        toks = [t for t in sent.tokens if t.start >= pos]
        for k, t in enumerate(toks):
            where = self.position(sent, t)
            if where != "subject":
                continue
            group = [t]
            for u in toks[k + 1:]:
                if self.position(sent, u) == "coord":
                    group.append(u)
                else:
                    break
            return group
        return []

    def objects_after(self, sent: SentenceView, pos: int, stop_at_comma: bool = True,
                      max_chars: int = 160, through_verbs: bool = False,
                      comma_first: bool = False) -> list[ActorToken]:
        """Actor tokens right after ``pos`` in the same clause (the object of a verb); with
        ``through_verbs`` the first verb in between is passed over (the object of the subject's verb)."""
        out: list[ActorToken] = []
        limit = min(sent.span.end, pos + max_chars)
        for t in sent.tokens:
            if t.start < pos or t.start >= limit:
                continue
            gap = self.text[pos if not out else out[-1].end:t.start]
            if ";" in gap or (stop_at_comma and out and "," in gap and " và " not in gap):
                break
            if comma_first and not out and "," in gap:
                break  # "Tại buổi tiếp, X ...": X is not what the noun governs
            if out and stop_at_comma and len(gap.strip()) > LIST_GAP_CHARS:
                break  # "A và B": a list continues only through short joiners, not a new clause
            lw = last_word(self.text, sent.span.start, t.start)
            if lw is not None and lw[0] in NOT_OBJECT:
                continue  # "tại Hàn Quốc", "người Việt Nam": a place or a nationality, not an actor
            if (out or not through_verbs) and any(
                    c.start >= (out[-1].end if out else pos) and c.end <= t.start
                    and _is_verb(c) for c in sent.cues):
                break  # another verb stands in between
            out.append(t)
        return out
