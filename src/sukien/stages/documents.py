"""Stage ``find_documents``: agreements signed or exchanged, with kind, title, parties, topics,
signing date and evidence.

A document starts at a cue word of ``knowledge/data/document_kinds.tsv`` ("Bản ghi nhớ" → MOU,
"Hiệp định" → AGREEMENT, "Tuyên bố chung" → JOINT_STATEMENT, ...). It is listed only when the
text says it was signed or exchanged:

- an item of a list (``-``/``•``/``1.`` lines, or "gồm: A; B; C") whose header or the lines
  just before it speak of signing or exchanging documents ("chứng kiến Lễ trao các văn kiện
  hợp tác ... Các văn kiện hợp tác gồm:");
- the object of a sign verb in its sentence ("chứng kiến lễ ký kết Hiệp định ...", "hai nước
  đã ký Hiệp ước ...", "ra tuyên bố chung"), the verb not being a wish or a plan ("sẽ ký",
  "đề nghị ... ký mới", "tiến tới ký");
- followed by "đã ký (kết)" ("Hiệp định Thương mại song phương đã ký năm 2013").

A mention without any of these ("triển khai hiệu quả Hiệp định ...") is not listed.

Parties are as written: "giữa A và B" split where the second party's name begins (an
organisation head word such as "Bộ", "Ngân hàng", "Tập đoàn", or a country name — "Bộ Khoa học
và Công nghệ Việt Nam và Bộ Khoa học, Công nghệ Thông tin và Truyền thông Hàn Quốc"); else the
subject of the sign verb ("VN và các nước Liên minh Kinh tế Á - Âu ... đã ký"); else the two
countries of the occasion (:func:`sukien.stages.relations.main_pair`), as ISO3 codes.
Topics come from the topic classifier (:mod:`sukien.stages.topics`) run on the title without
its parties; the signing date from :func:`sukien.stages.dates.date_for_offset`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..knowledge import load_table, split_list
from ..model import TOPICS, Article, Document
from .cues import article_document_phrases, article_padded
from .dates import date_for_offset, find_dates, find_phrases, infer_year, parse_published, trimmed
from .quantities import SPELLED_HITS_KEY, spelled_phrases
from .relations import country_spans, main_pair

# How far before a document cue its sign verb may be ("chứng kiến lễ ký kết chính thức ...");
# the words in between must be among _BETWEEN_VERB_AND_DOC.
VERB_GAP = 24
# How far before a sign verb a "not signed" word makes it a wish or plan ("đề nghị hai bên gia
# hạn hoặc ký mới ...": "hoặc" 1 word before; "sẽ tiến tới ký": 2 words); within the verb's
# clause the window reaches 60 characters further ("đề nghị EU sớm hoàn thành việc rà soát
# pháp lý và ký chính thức ...").
NOT_SIGNED_WINDOW = 22
# Lines looked back from a list's first item for its header.
HEADER_LINES = 3
# A subject of the sign verb longer than this many words is not a list of parties.
MAX_SUBJECT_WORDS = 14
# The country whose news this is: the other side of an occasion naming one foreign country.
HOME_COUNTRY = "VNM"
HOME_NAME = "Việt Nam"

_BULLET = re.compile(r"[ \t]*(?:[-–•+*]|\d{1,2}[.)]|[a-zđ][.)])[ \t]*")
_BETWEEN_VERB_AND_DOC = re.compile(
    r"\s*(?:(?:kết|chính\s+thức|lễ|văn\s+kiện|mới|thêm|lại|gia\s+hạn|bổ\s+sung|và\s+trao\s+đổi|được)\s+)*$",
    re.IGNORECASE)
# "... đã ký năm 2013", "... mà hai bên đã ký kết vào tháng 1/2017" (a relative clause of up to
# four words before the verb)
_SIGNED_AFTER = re.compile(r"\s*(?:,\s*)?(?:mà\s+(?:[^\W\d_]+\s+){1,4}?(?=(?:đã\s+)?(?:ký|kí)(?!\w)))?"
                           r"(?:đã\s+)?(?:được\s+)?(?:ký|kí)(?:\s+kết)?(?!\w)", re.IGNORECASE)
# A party's locality after a comma ("UBND huyện Nam Đàn, tỉnh Nghệ An"): part of the title, not of the name
_LOCALITY_WORDS = r"(?:tỉnh|thành\s+phố|huyện|quận|vùng|bang)"
_LOCALITY_APPOSITION = re.compile(r",\s+" + _LOCALITY_WORDS + r"\s.*$", re.DOTALL)
_TITLE_END = re.compile(
    r"\n|\]|[.;:!?](?=\s|$)|,\s+(?!" + _LOCALITY_WORDS + r"\s)(?=[a-zđà-ỹ])|\s+[-–]\s+Ảnh|\s(?:đã|được|vào\s+ngày|vào\s+năm|nhân\s+dịp|tại\s+[A-ZĐ]"
    r"|nhằm|với\s+tổng|theo\s+đó|trong\s+đó|trong\s+khuôn\s+khổ|sẽ|hứa\s+hẹn|khẳng\s+định|là|và\s+đang|và\s+sẽ|mà|để|thì"
    r"|Tại|Theo)\s"
    # "..., Bộ trưởng Trần Tuấn Anh đánh giá": a comma before an office-holder starts a new clause
    r"|,\s+(?=(?:Bộ\s+trưởng|Thứ\s+trưởng|Thủ\s+tướng|Chủ\s+tịch|Tổng\s+thống|Đại\s+sứ|Ông|Bà)\s)"
    r"|\s+và\s+(?:tháng|ngày)\s+\d|\s+trong\s+năm\s+\d{4}(?!\w)|(?<=\snày)(?=\s)"
    r"|\s+và\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|nhiều)\s+(?:văn\s+kiện|thỏa\s+thuận|hiệp\s+định)"
    r"|\((?![A-Z0-9]{2,}\))(?!(?:[^()]{0,40})\))")
_PAREN = re.compile(r"\s*\([^()]*\)")
_PLURAL_LEAD = re.compile(r"(?:^|\s)(?:các|những|nhiều|một\s+số)\s+(?:nước|quốc\s+gia)\s+", re.IGNORECASE)
_BILATERAL = re.compile(r"(?<!\w)(?:song\s+phương|hai\s+nước|hai\s+bên|giữa)(?!\w)", re.IGNORECASE)
# "giữa hai thành phố", "giữa hai Bộ": sides that are not the two countries and are not named
_OTHER_SIDES = re.compile(r"(?<!\w)giữa\s+hai\s+(?!nước|bên|quốc\s+gia)(?:(?P<kind>thành\s+phố|tỉnh)(?!\w)|\w+)",
                          re.IGNORECASE)
# "giữa hai Bộ Ngoại giao", "giữa hai Chính phủ": the same body of each side (capitalised words)
# ("Bộ Ngoại giao", "Bộ Kế hoạch và Đầu tư": up to five words, "và" only before a capital, up to
# a punctuation mark or a word that starts what follows the name)
_TWO_INSTITUTIONS = re.compile(
    r"giữa\s+hai\s+(?P<org>(?:Bộ|Quốc\s+hội|Chính\s+phủ|Đảng|Quân\s+đội|Học\s+viện|Viện|Hãng|Ủy\s+ban|Hội)"
    r"(?:\s+(?!(?:về|của|trong|nhằm|để|đã|được|vào|tại|nhân|theo|vừa|sẽ|đang|cũng|là|ký|kí|hai|nước)(?!\w))"
    r"(?:và\s+(?=[A-ZĐÀ-Ỹ]))?[^\W\d_]+){0,5})(?!\w)")
_OF_TWO = re.compile(r"\s+của\s+")
# A locality's name after its kind word: up to LOCALITY_NAME_WORDS capitalised words ("Thành phố
# Hồ Chí Minh", "thành phố Porto", "tỉnh Quảng Ninh")
_LOCALITY_NAME = {"thành phố": re.compile(r"(?<!\w)(?:[Tt]hành\s+phố|TP\.?)\s+(?=[A-ZĐÀ-Ỹ])"),
                  "tỉnh": re.compile(r"(?<!\w)[Tt]ỉnh\s+(?=[A-ZĐÀ-Ỹ])")}
LOCALITY_NAME_WORDS = 3
_MULTILATERAL_SUBJECT = re.compile(r"(?<!\w)các\s+(?:nước|bên|quốc\s+gia|thành\s+viên|nền\s+kinh\s+tế)(?!\w)",
                                   re.IGNORECASE)
_TRAILING_TIME = re.compile(r"(?:\s+(?:vừa\s+qua|vừa|đã|cũng|đều|mới|đang|(?:năm|giai\s+đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?))+$",
                            re.IGNORECASE)
# "Bản ghi nhớ này", "Hiệp định nói trên", a bare "MOU mới": a document named before
_ANAPHORIC_TITLE = re.compile(r"\s+(?:này|đó|trên|nói\s+trên)$|^\S+(?:\s+\S+){0,2}\s+mới$", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"(?P<n>\d{1,3})\s+năm\s+(?:[Nn]gày\s+)?$")
_FUTURE_SENTENCE = re.compile(r"(?<!\w)(?:sẽ|dự\s+kiến|sắp|theo\s+chương\s+trình)(?!\w)", re.IGNORECASE)
_PAST_RIGHT_BEFORE = re.compile(r"(?<!\w)(?:đã|vừa|vừa\s+qua)(?!\w)", re.IGNORECASE)
# "nhiều văn bản, thỏa thuận hợp tác đã được ký kết": a generic word before a short list of kinds
_GENERIC_LIST = re.compile(r"(?<!\w)(?:các|những|nhiều|một\s+số)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*,\s*$",
                           re.IGNORECASE)
# "bất kỳ thỏa thuận nào": any document, not one
_WHICHEVER = re.compile(r"\s+nào(?!\w)")
# "... đã ký kết bốn văn kiện: A; B; C" — a header ending with a count of documents
_COUNTED_DOCUMENTS = re.compile(r"(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những)\s+"
                                r"(?:văn\s+kiện|thỏa\s+thuận|thoả\s+thuận|hiệp\s+định)(?:\s+[^\W\d_]+){0,6}\s*$",
                                re.IGNORECASE)
_SIGN_WORDS = re.compile(r"(?<!\w)(?:ký|kí|trao|văn\s+kiện|thỏa\s+thuận|thoả\s+thuận|gồm)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Kinds:
    cues: tuple[tuple[str, str], ...]  # (lower-case cue, kind), longest first
    verbs: tuple[tuple[str, frozenset[str]], ...]  # (verb, kinds it signs; "*" all)
    verb_re: re.Pattern[str]
    not_signed_re: re.Pattern[str]
    generic_re: re.Pattern[str]
    head_re: re.Pattern[str]
    pair_subject_re: re.Pattern[str]
    statement_verb_re: re.Pattern[str]


def _alt(words) -> str:
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))


@cache
def _kinds() -> _Kinds:
    by_role: dict[str, list[tuple[str, str]]] = {}
    for row in load_table("document_kinds", required=("cue", "role")):
        by_role.setdefault(row["role"], []).append((row["cue"], row["value"]))
    cues = tuple(sorted(((c.lower(), k) for c, k in by_role["document"]), key=lambda x: -len(x[0])))
    verbs = tuple((v.lower(), frozenset(split_list(k))) for v, k in by_role["sign_verb"])
    return _Kinds(
        cues=cues,
        verbs=verbs,
        verb_re=re.compile(rf"(?<!\w)(?P<verb>{_alt(v for v, _ in verbs)})(?!\w)", re.IGNORECASE),
        not_signed_re=re.compile(rf"(?<!\w)(?:{_alt(w for w, _ in by_role['not_signed'])})(?!\w)", re.IGNORECASE),
        generic_re=re.compile(rf"(?:^|\s)(?:{_alt(w for w, _ in by_role['generic'])})\s*$", re.IGNORECASE),
        head_re=re.compile(rf"(?:{_alt(w for w, _ in by_role['party_head'])})(?!\w)"),
        pair_subject_re=re.compile(rf"(?:^|\s)(?:{_alt(w for w, _ in by_role['subject_pair'])})(?:\s|$)",
                                   re.IGNORECASE),
        statement_verb_re=re.compile(rf"\s*(?:(?:đã|cũng|đều)\s+)?(?:{_alt(w for w, _ in by_role['statement_verb'])})(?!\w)",
                                     re.IGNORECASE),
    )


@dataclass(slots=True)
class _Hit:
    start: int
    kind: str
    cue: str


@dataclass(frozen=True, slots=True)
class _Phrases:
    all: tuple[str, ...]  # the document cues (lower case), then the spelled figures of quantities
    kinds: dict[str, str]  # document cue -> kind
    spelled: frozenset[str]
    words_only: bool  # every phrase is word characters and single spaces


@cache
def _phrases() -> _Phrases:
    kinds = dict(_kinds().cues)
    spelled = tuple(p for p in spelled_phrases() if p not in kinds)
    phrases = (*kinds, *spelled)
    return _Phrases(phrases, kinds, frozenset(spelled), all(re.fullmatch(r"\w+(?: \w+)*", p) for p in phrases))


def shared_phrases() -> tuple[str, ...]:
    """The phrases the shared trigger pass (``cues.article_cues``) finds for this stage: the
    document cues and the quantities stage's spelled figures, when all are plain words."""
    ph = _phrases()
    return ph.all if ph.words_only else ()


def _phrase_hits(article: Article) -> list[tuple[int, str]]:
    """``find_phrases(text.lower(), phrases)`` of the document cues and the quantities stage's
    spelled figures. Their occurrences come from the shared trigger pass over the lower-cased,
    punctuation-blanked copy of the text (``cues.article_document_phrases``): each is checked
    here for whole words there and against the text (a space there can be blanked punctuation);
    a text with "İ", whose lower case is longer and so shifts offsets, is read as before."""
    text = article.text_clean
    ph = _phrases()
    if not ph.words_only or "İ" in text:
        return find_phrases(text.lower(), ph.all)
    padded = article_padded(article)  # " " + text, lower-cased, punctuation blanked, + " "
    # (padded[i] is the character before the phrase, padded[i + 1 + len(p)] the one after it)
    return [(i, p) for i, p in article_document_phrases(article)
            if not padded[i].isalnum() and not padded[i + 1 + len(p)].isalnum() and text[i:i + len(p)].lower() == p]


def _cue_hits(article: Article) -> list[_Hit]:
    text = article.text_clean
    ph = _phrases()
    found = _phrase_hits(article)
    article.meta[SPELLED_HITS_KEY] = (len(text), [(i, p) for i, p in found if p in ph.spelled])
    hits = [_Hit(i, ph.kinds[cue], cue) for i, cue in found if cue in ph.kinds]
    hits.sort(key=lambda h: (h.start, -len(h.cue)))
    out: list[_Hit] = []
    for h in hits:
        if out and h.start < out[-1].start + len(out[-1].cue):
            continue
        out.append(h)
    return out


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, offset) + 1
    e = text.find("\n", offset)
    return s, (len(text) if e < 0 else e)


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """Sentence by ``.!?`` before a space, or a line break; ``;`` does not end it here."""
    ls, le = _line_bounds(text, offset)
    start = ls
    for m in re.finditer(r"[.!?…](?=\s)", text[ls:offset]):
        start = ls + m.end()
    m = re.search(r"[.!?…](?=\s|$)", text[offset:le])
    return start, (offset + m.end() if m else le)


def _title_end(text: str, start: int, limit: int) -> int:
    m = _TITLE_END.search(text, start + 2, limit)
    return m.start() if m else limit


def _list_item_context(text: str, hit: _Hit) -> tuple[int, int, int] | None:
    """(item start, item end, header offset) when the cue opens a list item under a header
    about signing or exchanging documents."""
    ls, le = _line_bounds(text, hit.start)
    bm = _BULLET.match(text, ls)
    if not bm or bm.end() != hit.start:
        return None
    # walk up over blank lines and sibling items to the header
    pos = ls
    while pos > 0:
        ps, pe = _line_bounds(text, pos - 1)
        if not text[ps:pe].strip() or _BULLET.match(text, ps):
            pos = ps
            continue
        break
    header_end = pos
    lines = [ln for ln in text[:header_end].split("\n") if ln.strip()][-HEADER_LINES:]
    header = " ".join(lines)
    if _SIGN_WORDS.search(header) and (_kinds().verb_re.search(header) or re.search(r"gồm|sau", header)):
        return ls, le, max(0, header_end - 1)
    return None


def _inline_list_context(text: str, hit: _Hit, s0: int) -> bool:
    """'... các văn kiện được ký kết gồm: A; B; C', '... đã ký kết bốn văn kiện: A; B', '... các văn
    kiện quan trọng như: A; B' — the cue follows such a colon or a ';' of such a list."""
    before = text[s0:hit.start]
    colon = before.rfind(":")
    if colon < 0:
        return False
    head = before[:colon]
    listed = re.search(r"gồm|bao\s+gồm|sau|như\s*$", head) or _COUNTED_DOCUMENTS.search(head)
    if not listed or not _SIGN_WORDS.search(head):
        return False
    tail = before[colon + 1:]
    return tail.strip() == "" or tail.rstrip().endswith(";")


def _sign_verb_before(text: str, hit: _Hit, s0: int) -> tuple[int, int] | None:
    """(verb start, verb end) of a sign verb whose object is the document, if not a wish/plan."""
    k = _kinds()
    window_start = max(s0, hit.start - VERB_GAP - 12)
    best = None
    for m in k.verb_re.finditer(text, window_start, hit.start):
        allowed = next(kinds for v, kinds in k.verbs if v == " ".join(m["verb"].lower().split()))
        if "*" not in allowed and hit.kind not in allowed:
            continue
        if not _BETWEEN_VERB_AND_DOC.match(text[m.end():hit.start]):
            continue  # something else than "kết", "lễ", "chính thức" ... between verb and document
        best = (m.start(), m.end())
    if best is None:
        return None
    # the verb's clause: back to the last comma/semicolon, at most NOT_SIGNED_WINDOW characters
    # plus the clause ("Thủ tướng đề nghị EU sớm hoàn thành ... và ký chính thức Hiệp định")
    clause_start = max(text.rfind(",", s0, best[0]), text.rfind(";", s0, best[0]), s0)
    before = text[max(clause_start, best[0] - NOT_SIGNED_WINDOW - 60):best[0]]
    if k.not_signed_re.search(before):
        return None
    # "Theo chương trình, ... Chủ tịch nước sẽ dự ..., chứng kiến lễ ký ...": a future marker
    # anywhere before in the sentence plans the whole list, unless "đã" marks this verb past
    if _FUTURE_SENTENCE.search(text, s0, best[0]) and not _PAST_RIGHT_BEFORE.search(
            text[max(s0, best[0] - 24):best[0]]):
        return None
    return best


def _split_parties(phrase: str) -> list[str]:
    """"A và B" (or "A, B và C") → parties, splitting at the " và " / ", " where the next
    party's name begins (an organisation head word or a country name). When several " và "
    qualify for a two-party phrase, the one right after a country name or a parenthesis wins
    ("Bộ Khoa học và Công nghệ Việt Nam và Bộ Khoa học, Công nghệ Thông tin ...")."""
    k = _kinds()
    phrase = phrase.strip(" ,.;")

    def starts_party(rest: str) -> bool:
        return bool(k.head_re.match(rest)) or any(c.start == 0 for c in country_spans(rest[:40]))

    def after_country(m: re.Match[str]) -> bool:
        left = phrase[:m.start()]
        return left.endswith(")") or any(c.end == len(left) for c in country_spans(left[-40:]))

    ands = [m for m in re.finditer(r"\s+và\s+", phrase) if starts_party(phrase[m.end():])]
    if not ands:
        m = re.search(r"\s+và\s+", phrase)
        if not m:
            return []
        ands = [m]
    last_and = next((m for m in reversed(ands) if after_country(m)), ands[-1])
    # commas before the chosen " và " that start another party: "A (X), B và C"
    commas = [m for m in re.finditer(r",\s+", phrase[:last_and.start()])
              if starts_party(phrase[m.end():]) and after_country_or_paren(phrase[:m.start()])]
    cuts = [*commas, last_and]
    parts, pos = [], 0
    for m in cuts:
        parts.append(_clean_party(phrase[pos:m.start()]))
        pos = m.end()
    parts.append(_clean_party(phrase[pos:]))
    return [p for p in parts if p]


def after_country_or_paren(left: str) -> bool:
    """A party name ends here: after a parenthesis ("(Tedi Hanoi)") or a country name."""
    return left.endswith(")") or any(c.end == len(left) for c in country_spans(left[-40:]))


def _clean_party(name: str) -> str:
    if "(" in name and ")" not in name[name.rfind("("):]:
        name = name[:name.rfind("(")]  # "đối tác Hoa Kỳ (Ảnh: ..." cut by the title's end
    name = _PAREN.sub("", name).strip(" ,.;:")  # "Đà Nẵng (Việt Nam)" → "Đà Nẵng"
    name = _LOCALITY_APPOSITION.sub("", name)  # "UBND huyện Nam Đàn, tỉnh Nghệ An" → "UBND huyện Nam Đàn"
    name = _PLURAL_LEAD.sub("", " " + name).strip()  # "các nước Liên minh ..." → "Liên minh ..."
    return _TRAILING_TIME.sub("", name)  # "thành phố Hà Nội vừa qua" → "thành phố Hà Nội"


_BETWEEN = re.compile(r"(?<!\w)giữa\s+")
_PARTY_END = re.compile(
    r"\s(?:về|trong\s+lĩnh\s+vực|nhằm|để|đã|được|vào|tại|nhân|theo|vừa|sẽ|đang|cũng|là|sẽ|ký|kí)(?:\s|$)|[.;)]|$")


def _parties_in(text: str) -> list[str]:
    m = _BETWEEN.search(text)
    if not m:
        return []
    rest = text[m.end():]
    end = _PARTY_END.search(rest)
    # a closing parenthesis of "(Việt Nam)" right after a party does not end the phrase
    while end and end.group().startswith(")") and re.search(r"\([^()]{1,30}$", rest[:end.start()]):
        end = _PARTY_END.search(rest, end.end())
    phrase = rest[:end.start()] if end else rest
    parties = _split_parties(phrase)
    if len(parties) == 2 and all(parties) and not any(p.lower().startswith("hai ") for p in parties):
        return parties
    return []


def _subject_parties(text: str, s0: int, verb_start: int) -> list[str] | None:
    """Parties from the subject of the sign verb ("VN và các nước Liên minh Kinh tế Á - Âu (...)
    đã ký"); [] when the subject is "hai nước"/"hai bên" (the occasion's two sides); None when
    the subject says nothing about parties."""
    k = _kinds()
    subject = _PAREN.sub("", text[s0:verb_start])
    subject = subject[subject.rfind(",") + 1:]
    subject = re.sub(r"(?:\s+(?:đã|cùng|cùng\s+nhau|chính\s+thức|đã\s+cùng|chứng\s+kiến|lễ))+\s*$", "",
                     subject, flags=re.IGNORECASE).strip()
    if k.pair_subject_re.search(subject):
        return []
    if not subject or len(subject.split()) > MAX_SUBJECT_WORDS:
        return None
    parts = _split_parties(subject)
    if len(parts) >= 2 and all(_is_party_like(p) for p in parts):
        parts[0] = _from_first_name(parts[0])
        return parts
    if _MULTILATERAL_SUBJECT.search(subject):
        return ["?"]  # "các nước G20 đã thông qua Tuyên bố chung": many sides, not the pair
    return None


def _from_first_name(name: str) -> str:
    """The first party of a subject from where its name begins: "Kể từ khi Việt Nam" → "Việt
    Nam", "Đánh giá cao Quỹ" → "Quỹ" (the words before are the clause's, not the name's)."""
    if _kinds().head_re.match(name) or any(c.start == 0 for c in country_spans(name)):
        return name
    starts = [m.start() for m in _kinds().head_re.finditer(name) if m.start() and name[m.start() - 1] == " "]
    starts += [c.start for c in country_spans(name) if c.start]
    return name[min(starts):] if starts else name


def _is_party_like(name: str) -> bool:
    k = _kinds()
    return bool(k.head_re.match(name)) or any(c.start == 0 for c in country_spans(name)) or (
        name[:1].isupper() and len(name.split()) <= 6 and not re.match(r"(?:Thủ|Chủ|Tổng|Bộ trưởng|Phó)\s", name))


def _named_sides(text: str, pos: int) -> list[str]:
    """The two countries named right after "giữa hai <body>": "của Việt Nam và Bồ Đào Nha"."""
    m = _OF_TWO.match(text, pos)
    if not m:
        return []
    rest = text[m.end():m.end() + 60]
    spans = [c for c in country_spans(rest) if not c.short]
    if len(spans) < 2 or spans[0].start != 0:
        return []
    between = rest[spans[0].end:spans[1].start]
    return [rest[c.start:c.end] for c in spans[:2]] if re.fullmatch(r"\s+và\s+", between) else []


def _two_localities(text: str, kind: str) -> list[str]:
    """The two cities (or provinces) of "giữa hai thành phố": the two names written most often
    after "thành phố"/"TP" ("tỉnh") in the article, when a third is not as frequent. Each is
    written as most often: "Thành phố Hồ Chí Minh" when the capital is part of the name,
    "Porto" when it is written "thành phố Porto"."""
    counts: Counter = Counter()
    forms: dict[str, Counter] = {}
    for m in _LOCALITY_NAME[" ".join(kind.lower().split())].finditer(text):
        words = []
        for w in text[m.end():m.end() + 40].split()[:LOCALITY_NAME_WORDS]:
            bare = w.rstrip(",.;:()\"“”")
            if not bare[:1].isupper():  # a lower-case word or an opening "(" ends the name
                break
            words.append(bare)
            if bare != w:  # punctuation ends the name
                break
        if not words:
            continue
        name = " ".join(words)
        counts[name] += 1
        written = m.group().strip()
        before = text[max(0, m.start() - 2):m.start()]
        if m.start() == 0 or before.endswith("\n") or before.rstrip().endswith((".", "!", "?")):
            continue  # a sentence's first word is capitalised anyway: it says nothing of the name
        form = name if written[0].islower() or written.startswith("TP") else f"{written} {name}"
        forms.setdefault(name, Counter())[form] += 1
    ranked = [name for name, _ in counts.most_common(3)]
    if len(ranked) < 2 or len(ranked) > 2 and counts[ranked[2]] >= counts[ranked[1]]:
        return []
    return [forms[n].most_common(1)[0][0] if n in forms else n for n in ranked[:2]]


def _in_brackets(text: str, offset: int) -> bool:
    ls, le = _line_bounds(text, offset)
    opening = text.rfind("[", ls, offset)
    return opening >= 0 and text.rfind("]", opening, offset) < 0 and text.find("]", offset, le) >= 0


def _occasion_pair(article: Article) -> list[str]:
    """The two countries of the occasion as the article writes them (each one's most frequent
    full form), else as ISO3 codes. An occasion with one foreign country only, in an article
    that also names Viet Nam, is that country's with Viet Nam ("Hiệp định với China Eximbank"
    when the pair found is China alone)."""
    text = article.text_clean
    spans = country_spans(text)
    gpe = [m.country for m in article.mentions if m.label == "GPE" and m.country]
    codes = [c for c, _ in Counter(gpe or [c.iso3 for c in spans]).most_common()]
    pair = list(main_pair(article, codes))
    if len(pair) == 1 and pair[0] != HOME_COUNTRY and any(c.iso3 == HOME_COUNTRY for c in spans):
        pair.insert(0, HOME_COUNTRY)
    out = []
    for iso3 in pair:
        forms = Counter(text[c.start:c.end] for c in spans if c.iso3 == iso3 and not c.short)
        out.append(forms.most_common(1)[0][0] if forms else HOME_NAME if iso3 == HOME_COUNTRY else iso3)
    return out


@dataclass(frozen=True, slots=True)
class _DocTopics:
    title_re: re.Pattern[str]  # the title cues, group name = cue index
    title_topics: tuple[tuple[str, ...], ...]
    party_re: re.Pattern[str]  # a party starting with a locality word ("Thành phố", "tỉnh")
    party_topics: tuple[str, ...]


@cache
def _doc_topics() -> _DocTopics:
    title_cues: list[tuple[str, tuple[str, ...]]] = []
    party_cues: list[str] = []
    party_topics: list[str] = []
    for row in load_table("document_topics", required=("cue", "where", "topics")):
        topics = tuple(split_list(row["topics"]))
        if row["where"] == "party":
            party_cues.append(row["cue"])
            party_topics.extend(t for t in topics if t not in party_topics)
        else:
            title_cues.append((row["cue"], topics))
    alts = "|".join(rf"(?P<c{i}>{_alt([cue])})" for i, (cue, _) in enumerate(title_cues)) or r"(?!x)x"
    return _DocTopics(
        title_re=re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE),
        title_topics=tuple(t for _, t in title_cues),
        party_re=re.compile(rf"(?:{_alt(party_cues) or '(?!x)x'})(?!\w)"),
        party_topics=tuple(party_topics),
    )


def _topics(title: str, parties: list[str]) -> list[str]:
    """Topics of the title without its parties' names (the "Bộ Công Thương" of a renewable
    energy MOU is not its topic), and those that the title's kind of agreement or its parties
    name (``document_topics.tsv``: a Treaty of Friendship and Cooperation is diplomacy, an MOU
    between two cities is local cooperation, people_diaspora)."""
    try:
        from .topics import topics_for
    except ImportError:  # the topic classifier is optional for this stage
        return []
    dt = _doc_topics()
    found: list[str] = []
    for m in dt.title_re.finditer(title):
        found.extend(dt.title_topics[int(m.lastgroup[1:])])
    if any(dt.party_re.match(p) for p in parties):
        found.extend(dt.party_topics)
    for p in sorted(parties, key=len, reverse=True):
        title = title.replace(p, " ")
    out = topics_for(title)
    return out + [t for t in dict.fromkeys(found) if t not in out]


def _fold(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())


def documents_of(article: Article) -> list[Document]:
    """Documents signed or exchanged in ``article`` (see module doc), in text order."""
    text = article.text_clean
    hits = _cue_hits(article)
    if not hits:
        return []
    if not article.dates:
        article.dates = find_dates(text, article.published)
    k = _kinds()
    pair: list[str] | None = None
    out: list[Document] = []
    keys: list[tuple[str, str, tuple[str, ...]]] = []
    covered = 0
    for hit in hits:
        if hit.start < covered:
            continue
        s0, s1 = _sentence_bounds(text, hit.start)
        item = _list_item_context(text, hit)
        verb = None
        anchor = hit.start
        if item:
            ev0, ev1 = item[0], item[1]
            title_end = item[1]
            anchor = item[2]
        else:
            if k.generic_re.search(text[max(s0, hit.start - 12):hit.start]) or _WHICHEVER.match(
                    text, hit.start + len(hit.cue)) or _GENERIC_LIST.search(text, max(s0, hit.start - 30), hit.start):
                continue  # "các thỏa thuận đã ký", "thỏa thuận nào": not one document
            if _in_brackets(text, hit.start):
                continue  # "[Việt Nam-Nga ra tuyên bố chung ...]": a link to another article
            title_end = _title_end(text, hit.start, s1)
            inline = _inline_list_context(text, hit, s0)
            verb = _sign_verb_before(text, hit, s0)
            signed_after = _SIGNED_AFTER.match(text, title_end) is not None
            if hit.kind == "JOINT_STATEMENT" and k.statement_verb_re.match(text, hit.start + len(hit.cue)):
                signed_after = True  # "Tuyên bố chung nhấn mạnh ...": it was issued
                title_end = hit.start + len(hit.cue)
            if not (inline or verb or signed_after):
                continue
            if signed_after and not (inline or verb) and hit.kind != "JOINT_STATEMENT" \
                    and not _BILATERAL.search(text[hit.start:title_end + 30]):
                continue  # "sau khi Hiệp định Geneva về Lào được kí kết": not between the two sides
            ev0, ev1 = s0, s1
            if inline:
                nxt = text.find(";", hit.start, s1)
                title_end = min(title_end, nxt) if nxt >= 0 else title_end
        title = text[hit.start:title_end].strip(" ,.;:")
        if _ANAPHORIC_TITLE.search(title) and not any(d.kind == hit.kind for d in out):
            title = _antecedent_title(text, hits, hit) or title  # "ký kết Bản ghi nhớ này": the one named before
        parties = _parties_in(text[hit.start:(item[1] if item else title_end)])
        unknown_sides = not parties and _OTHER_SIDES.search(text[hit.start:title_end])
        if unknown_sides and unknown_sides["kind"]:  # "giữa hai thành phố": the article's two cities
            parties = _two_localities(text, unknown_sides["kind"])
            unknown_sides = not parties
        elif unknown_sides and (org := _TWO_INSTITUTIONS.match(text, hit.start + unknown_sides.start())):
            sides = _named_sides(text, org.end())  # "... của Việt Nam và Bồ Đào Nha"
            if not sides:
                if pair is None:  # "giữa hai Bộ Ngoại giao": that body of each country of the occasion
                    pair = _occasion_pair(article)
                sides = pair
            if len(sides) == 2:
                parties = [f"{org['org']} {country}" for country in sides]
                unknown_sides = False
        if not parties and verb is not None:
            subj = _subject_parties(text, s0, verb[0])
            if subj == ["?"]:
                unknown_sides = True
            elif subj:
                parties = subj
        if not parties and not unknown_sides:
            if pair is None:
                pair = _occasion_pair(article)
            parties = list(pair)
        key = (hit.kind, _fold(title)[:30], tuple(sorted(_fold(p) for p in parties)))
        if _duplicate(key, keys, title):
            covered = title_end
            continue
        keys.append(key)
        out.append(Document(kind=hit.kind, title=title, evidence=article.evidence(*trimmed(text, ev0, ev1)),
                            parties=parties, topics=_topics(title, parties),
                            signed=_signed_date(article, anchor, verb)))
        covered = title_end
    return out


def _antecedent_title(text: str, hits: list[_Hit], hit: _Hit) -> str | None:
    """The title of the last earlier mention of the same kind of document that is not itself
    anaphoric ("Bản ghi nhớ về thương mại gạo ... Ngay sau khi ký kết Bản ghi nhớ này")."""
    for h in reversed([h for h in hits if h.start < hit.start and h.kind == hit.kind]):
        _s0, s1 = _sentence_bounds(text, h.start)
        title = text[h.start:_title_end(text, h.start, s1)].strip(" ,.;:")
        if not _ANAPHORIC_TITLE.search(title) and len(title) > len(h.cue):
            return title
    return None


def _signed_date(article: Article, anchor: int, verb: tuple[int, int] | None) -> str | None:
    """The date of the signing: "kỷ niệm 30 năm ngày ký ..." → publication (or text) year − 30;
    otherwise the date the sentence is about (:func:`date_for_offset`)."""
    text = article.text_clean
    if verb is not None:
        m = _ANNIVERSARY.search(text[max(0, verb[0] - 20):verb[0]])
        if m:
            pub = parse_published(article.published)
            ref = pub.year if pub else infer_year(article)
            return str(ref - int(m["n"])) if ref else None
    d = date_for_offset(article, anchor)
    return d.value if d else None


def _duplicate(key: tuple[str, str, tuple[str, ...]], keys: list, title: str) -> bool:
    """Same document mentioned again: same kind and parties, and one title starts the other or
    the new one is a generic lower-case mention ("ngày ký hiệp ước sẽ mở ra ...")."""
    for kind, t, parties in keys:
        if kind != key[0]:
            continue
        if (title[:1].islower() and len(title.split()) <= 3) or _ANAPHORIC_TITLE.search(title):
            return True  # a bare "hiệp ước", "Bản ghi nhớ này" name a document already listed
        if parties == key[2] and (t.startswith(key[1][:20]) or key[1].startswith(t[:20]) or title[:1].islower()):
            return True
    return False


def find_documents(article: Article) -> Article:
    """Pipeline stage: fill ``article.documents``."""
    article.documents = documents_of(article)
    for doc in article.documents:
        if doc.kind == "JOINT_STATEMENT" and not doc.topics:
            doc.topics = _joint_topics(article)
    return article


def _joint_topics(article: Article) -> list[str]:
    """A joint statement whose title names no field ("Tuyên bố chung") covers the relationship
    (diplomacy) and what the two sides said together in the article: the topics of its
    statements made by both sides (sources of two countries or more)."""
    countries = {e.id: e.country for e in article.entities}
    found = ["diplomacy"]
    for st in article.statements:
        if len({countries.get(r, r if len(r) == 3 and r.isupper() else None) for r in st.source} - {None}) >= 2:
            found.extend(t for t in st.topics if t not in found)
    return [t for t in TOPICS if t in found]
