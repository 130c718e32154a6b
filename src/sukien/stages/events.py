"""Stage `find_events`: meetings (MEET), visits (VISIT) and signings (SIGN).

Each trigger of ``triggers.tsv`` (kinds MEET/VISIT/SIGN) makes an *event mention* in its
sentence: the subject in front of it (``Tổng Bí thư Tô Lâm hội kiến ...``) and the objects
after it (``... Chủ tịch Quốc hội Hàn Quốc Woo Won-shik``) are the participants; the date is
the sentence's date (:func:`sukien.stages.dates.date_for_offset`), the place the ``tại X``
in the sentence. Mentions of the same occurrence — the title, the lead, a caption and the
body all naming one meeting — merge by kind + participants + compatible date into one event
whose evidence is its best-dated sentence.

Visits: the visitor and the country visited (ISO3); the date is the trip's interval when the
sentence gives one (``từ ngày 10 đến ngày 13-8``); ``sẽ thăm`` / ``dự kiến`` mark a planned trip.
A ``thăm`` whose object is an organisation (``đến thăm Viện Di sản``) is a MEET with it.

The event stage leaves ``article.meta["event_spans"]``: ``(start, end, event id)`` of every
mention that went into an event, so the statements stage can link a statement to the
meeting it was said at.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import timedelta

from ..model import Article, DateSpan, Event, Mention
from ..text.normalize import match_key
from .actors_knowledge import international_org_keys
from .article_words import lowered
from .cues import (
    EVENT_KINDS,
    LEADERS,
    NOT_OBJECT,
    PRONOUN,
    SIDES,
    STATEMENT_KINDS,
    ActorReach,
    ActorToken,
    Cue,
    Roles,
    SentenceView,
    article_cues_by_kind,
    last_word,
)
from .standards import annotate_event

EVENT_SPANS_KEY = "event_spans"
# How far (characters) before a trigger a future marker (sẽ, dự kiến) still makes it planned;
# calibrated on "X sẽ thăm chính thức" / "X dự kiến sẽ có chuyến thăm" in the dev articles.
PLANNED_WINDOW = 40
# How far back (characters) a meeting inside a trip looks for its own day, when the sentence's
# date is the trip's interval (dantri prints one sentence per line: "Chiều 25/4, ..." then the talks).
MEETING_DAY_WINDOW = 600
# Evidence choice among the mentions of one event (see _evidence_score).
EVIDENCE_DATE_WEIGHT = 2
EVIDENCE_CAPTION_PENALTY = 1
EVIDENCE_TITLE_PENALTY = 2
_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_CAPTION = re.compile(r"(?:\(|\b)(?:Ảnh|Nguồn|Chùm ảnh|Video)\s*:|^\s*Chùm ảnh", re.IGNORECASE)
# Longest document name between its kind word and a passive "đã ký" ("Hiệp định Thương mại song phương đã ký").
DOC_NAME_CHARS = 40
# How far after the country visited "của X" may name the visitor ("thăm Đức, Hà Lan lần này của X").
VISITOR_OF_CHARS = 50
# Shortest organisation name an office may share with it ("Ủy ban Quân vụ Hạ viện"), so that a
# bare word ("Bộ", "Quốc hội") does not tie a delegation to any office-holder.
MIN_OFFICE_ORG_CHARS = 12
# How far after "đã ký" the year of a past signing may be written ("đã ký kết vào năm 2023").
PAST_SIGNING_DATE_CHARS = 30
# How far after a visit trigger the visited country may be written ("thăm cấp Nhà nước tới Hàn Quốc").
VISIT_OBJECT_WINDOW = 60
# Cues after which the subject receives the object: "A tiếp B" → A hosts.
HOSTING_CUES = {"tiếp", "tiếp xã giao", "tiếp thân mật", "tiếp kiến", "đón tiếp", "buổi tiếp",
                "chủ trì cuộc gặp"}
# Cues that only make an event with an explicit object ("tiếp" alone is too common a word).
NEEDS_OBJECT = HOSTING_CUES | {"gặp", "cuộc gặp", "gặp mặt", "gặp gỡ", "làm việc với", "thăm",
                               "thăm và làm việc", "chào xã giao", "chào từ biệt"}
# Visit words that, with an organisation as object, are a call on it (a MEET): "đến thăm Viện Di sản".
_VISIT_OR_CALL = {"thăm", "thăm và làm việc", "đến thăm", "tới thăm"}
# Words after a trip named in what someone says that put it in the past ("chuyến thăm ... vừa qua").
_PAST_TRIP = re.compile(r"\b(?:vừa qua|trước đây|năm ngoái|lần trước|đã thành công|đã diễn ra)\b", re.IGNORECASE)
# The visitor back home ("đã về đến sân bay Nội Bài"): the trip's last day named so is the day of the
# return, not of its meetings (a day the visitor leaves on, "rời ..., kết thúc chuyến thăm", may be both).
_TRIP_END = re.compile(r"\bvề\s+(?:đến|tới)\b", re.IGNORECASE)
# How many event verbs of one list may share a future marker ("sẽ hội đàm ..., hội kiến ..., tiếp ...").
MAX_PLANNED_CHAIN = 6
# What ends a clause between a verb and its object: a comma, a semicolon, a full stop (a dot inside
# a name, "V.Putin", does not).
_CLAUSE_BREAK = re.compile(r"[,;]|\.(?!\S)")
# What ends such a list: a full stop, or a verb told in the past (a semicolon does not: "Dự kiến, X
# sẽ gặp A; gặp B; gặp C").
_LIST_GAP_BREAK = re.compile(r"[.]|\b(?:đã|vừa|đang)\b", re.IGNORECASE)
# The plane that carries a visitor ("chuyên cơ chở Thủ tướng X", "máy bay đưa Chủ tịch nước Y").
_CARRIED = re.compile(r"\b(?:chuyên\s+cơ|máy\s+bay)\s+(?:chở|đưa)\s", re.IGNORECASE)
# What, between a meeting word and a place after it, makes the place another act's: a verb told in
# the past, a quotation, a clause of time or a semicolon ("tiếp X đang thăm ... tại Việt Nam" keeps it).
_OTHER_CLAUSE = re.compile(r"\b(?:đã|từng|sau khi|trước khi)\b|[“\";]", re.IGNORECASE)
# A state's diplomatic mission abroad, by the head of its name.
_MISSION = re.compile(r"\s*(?:Đại\s+sứ\s+quán|Tổng\s+Lãnh\s+sự\s+quán|Lãnh\s+sự\s+quán|Phái\s+đoàn\s+(?:đại\s+diện\s+)?thường\s+trực)\b",
                      re.IGNORECASE)
# A paper's or site's day of publication, before or right after the day ("đăng ngày 31/5", "số ra
# chiều 2/6 đã đăng bài"); PRESS_CHARS: how far back its word may stand ("đăng tải trên trang ... ngày").
PRESS_CHARS = 24
_PRESS_BEFORE = re.compile(r"\b(?:đăng(?:\s+tải)?|số\s+ra|xuất\s+bản)\s+(?:vào\s+)?(?:ngày\s*)?$", re.IGNORECASE)
# (not "ngày 29/6, hãng TASS đưa tin ...": a wire reports the day's own events)
_PRESS_AFTER = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?,?\s*(?:đã\s+)?đăng(?:\s+tải)?\s+(?:bài|tin)\b", re.IGNORECASE)
# A sentence opening on the programme announces what it tells ("Theo kế hoạch, ... X gặp ...", "Dự kiến, ...").
_PROGRAMME = re.compile(r"\s*(?:theo\s+(?:kế\s+hoạch|chương\s+trình|lịch\s+trình|dự\s+kiến)|dự\s+kiến\s*,)", re.IGNORECASE)
# An event dated more than this many days after the article's publication is announced, not held
# (one day: trends articles are dated by the trend's day, which may precede the report).
PUBLISHED_MARGIN_DAYS = 1
# An announcement's day stands close to its word ("Theo thông cáo ngày 6-11", "Ngày 1/7, Ủy ban
# Đối ngoại ... ra thông cáo", "Người phát ngôn ... Hoa Xuân Oánh chiều 15/8 cho biết"); a day
# further on is the announced event's own ("Theo thông cáo trên, ... cuộc gặp ... vào chiều ngày
# 12/12"). Calibrated on the 388 diplomatic dev articles (the near days seen are 0-60 chars away).
ANNOUNCE_DATE_CHARS = 80
# An article with this many sports words (trận, HLV, vòng loại, ...) is about sport: countries
# "meeting" in it are teams. Calibrated on the 3,407 snapshot articles: diplomatic articles have
# 0-1 (a "giao hữu", a "chung kết" of a contest), match reports dozens.
SPORT_ARTICLE_CUES = 4
# "..., Thủ tướng Nguyễn Xuân Phúc hoan nghênh": at most a word or two ("đã", "cũng") between the
# host who opens a main clause after a fronted "Tiếp X," and his verb
FRONTED_VERB_CHARS = 12
# A sentence opening with a condition tells of no event ("Nếu được ký kết, ...").
_IN_TITLE_GAP = re.compile(r"[ \t)]*(?:\([^()]{1,15}\)[ \t]*)?$")  # only spaces, maybe "(LHQ)", before the name
_OPENING_MARKS = " \t\"“'‘-–—•*"  # what may stand before a sentence's first word
_CONDITIONAL = ("nếu ", "nếu như ", "giả sử ", "trong trường hợp ")
CONDITIONAL_CHARS = 24  # (the longest opener, with a little leading space)
# A forum attended ("thăm và tham dự Hội nghị cấp cao APEC") is not an organisation called on.
_ATTEND = re.compile(r"\b(?:tham\s+)?dự\b", re.IGNORECASE)
# Words after which a meeting word is a noun naming the occasion ("Tại buổi tiếp, X ...").
_NOMINAL_BEFORE = {"tại", "trong", "sau", "trước", "qua"}
# "X (đã) có (các) cuộc gặp/buổi tiếp ...": the meeting noun is what the subject before it had.
_HAD = re.compile(r"\bcó\s+(?:các\s+|một\s+|những\s+)?(?:cuộc\s+|buổi\s+)?$", re.IGNORECASE)
# "(Tham) dự hội đàm (về phía Việt Nam) có A, B": the list of who attended talks, not a meeting of theirs.
_ATTENDED = re.compile(r"\bdự\s+(?:cuộc\s+|buổi\s+)?$", re.IGNORECASE)
_ATTENDEES = re.compile(r"\s*,?\s*(?:về\s+phía\s+[^,;.]{1,30}?,?\s*)?(?:còn\s+)?có\s", re.IGNORECASE)
# Words that may open a clause before its verb without naming a subject ("; đồng thời đã gặp ...").
_CLAUSE_OPENERS = {"đã", "cũng", "và", "sau", "đó", "đồng", "thời", "còn", "đến", "tới", "có", "các", "cuộc", "buổi"}
# Words after which a country is a party met ("hội đàm với Trung Quốc", "phía Nga").
_COUNTRY_OBJECT_WORDS = {"với", "phía", "cùng", "và", "đoàn"}
# Titles of spouses and consorts, who join the person they accompany in one meeting.
_CONSORT_TITLES = ("phu nhân", "phu quân", "hoàng hậu", "hoàng thái hậu", "vương hậu")
_LOCATION_PREPS = ("tại ", "ở ", "tại thủ đô ", "ở thủ đô ", "tại thành phố ")
# An event word right after these names meetings in general ("các hoạt động gặp gỡ").
# ... and "sự đón tiếp trọng thị": the welcome someone is thanked for, not a meeting.
_GENERIC_BEFORE = {"những", "động", "việc", "nhiều", "thường", "quả", "sự"}
# How far after a meeting word its own past month may be written ("cuộc gặp ... vào tháng 11 năm ngoái").
PAST_MONTH_CHARS = 80
_PAST_MONTH_BEFORE = ("vào ", "hồi ", "trong ")
# "đã ký nhiều văn kiện": documents signed over the years, in general, not one signing.
# ("các văn kiện" after talks is the talks' signing: a sentence naming a meeting is not general.)
_GENERIC_DOCS = re.compile(r"\s*(?:kết\s+)?(?:nhiều|hàng\s+loạt|hơn\s+\d+|\d+)\s", re.IGNORECASE)
# Words after the country that make an arrival the start of a posting, not a visit
# ("đến Việt Nam bắt đầu nhiệm kỳ công tác", "sang nhận nhiệm vụ").
_POSTING = re.compile(r"nhiệm\s+kỳ|nhận\s+nhiệm\s+vụ", re.IGNORECASE)
POSTING_CHARS = 40
# "kỷ niệm 30 năm (ngày) ký Hiệp ước": the signing was that many years before the article's year.
_ANNIVERSARY = re.compile(r"kỷ\s+niệm\s+(\d{1,3})\s+năm\s+(?:ngày\s+)?$", re.IGNORECASE)
ANNIVERSARY_CHARS = 30
# What may stand between the years of one list ("vào các năm 2001, 2006 và 2013").
_YEAR_LIST_GAP = re.compile(r"^\s*(?:,|và|,\s*và)\s*(?:năm\s+)?$", re.IGNORECASE)
# Event words that are nouns ("chuyến thăm", "cuộc hội đàm"): they name an event without saying
# whether it has taken place, unless one of the _TENSE_WORDS stands in their sentence.
_NOMINAL_CUES = ("chuyến", "cuộc", "buổi")
# The words that tell a verb in the past ("đã hội đàm", "vừa gặp"), in its own clause (see _tensed).
_PAST_WORD = re.compile(r"\b(?:đã|vừa)\b", re.IGNORECASE)
_TENSE_WORDS = re.compile(r"\b(?:đã|vừa|đang|kết thúc|tiếp tục|bắt đầu|hôm qua|vừa qua)\b", re.IGNORECASE)
# Words naming a meeting as the occasion of what the sentence tells, i.e. one already reported.
_OCCASION_BEFORE = re.compile(r"(?:^|[\s,(])(?:tại|trong|sau|qua)\s+(?:các\s+)?(?:cuộc\s+|buổi\s+)?$", re.IGNORECASE)
# The noun that makes a meeting word name the occasion ("cuộc hội đàm", "buổi tiếp").
_OCCASION_NOUN = re.compile(r"^(?:cuộc|buổi)\s+")
# A host's wish to receive someone, i.e. an invitation ("mong muốn được đón X thăm Việt Nam").
_HOPE_TO_WELCOME = re.compile(r"\bmong(?:\s+muốn)?(?:\s+sớm)?(?:\s+được)?\s+(?:đón|chào đón|đón tiếp)\b", re.IGNORECASE)
# What joins the countries of one tour: "Chile và Peru", "Đức, Hà Lan", "Chile từ ngày 9 đến 12-11 và Peru".
_TOUR_DAYS = r"(?:từ\s+)?(?:ngày\s+)?\d{1,2}(?:[/.\-–]\d{1,4})*(?:\s*(?:đến|-|–)\s*(?:ngày\s+)?\d{1,2}(?:[/.\-–]\d{1,4})*)?"
# (a state form may stand before the next country's name: "Liên bang Nga và Cộng hòa Belarus")
_STATE_FORM = r"(?:(?:nước|Cộng\s+hòa|Cộng\s+hoà|Vương\s+quốc|Liên\s+bang|CH|Nhà\s+nước)\s+)?"
_TOUR_GAP = re.compile(rf"^\s*(?:,|và|,\s*và)\s*{_STATE_FORM}$|^\s*{_TOUR_DAYS}(?:,\s*|\s+)(?:và|sau đó)\s*(?:thăm\s+)?{_STATE_FORM}$",
                       re.IGNORECASE)
# How far the countries of one tour may run on after the first.
TOUR_CHARS = 80
# A year that is a target, not a date ("đến năm 2030", "tầm nhìn 2045").
_TARGET_BEFORE = re.compile(r"(?:đến|tới|trước|tầm\s+nhìn|giai\s+đoạn)(?:\s+năm)?\s*$", re.IGNORECASE)
# How far from a meeting word a month or past year written in its sentence dates it (see
# _earlier_period; the farthest right one seen on the 388 diplomatic articles is ~70 chars away).
PERIOD_CHARS = 90
# "Từ năm 1992, ...", "kể từ năm ...": a period's start, not an occasion's date.
_SINCE_BEFORE = re.compile(r"(?:từ|sau|kể\s+từ)(?:\s+năm)?\s*$", re.IGNORECASE)
_RELATIVE_VISIT = re.compile(r"^[\s,]*(?:(?:đang|đã|sẽ|có|trong|khi|đến|tới|sang|vừa)\s+)*$", re.IGNORECASE)


def _word_before(text: str, start: int, lo: int) -> str:
    lw = last_word(text, lo, start)
    return lw[0] if lw else ""


@dataclass(slots=True)
class EventMention:
    kind: str
    mode: str
    participants: list[str]
    start: int  # evidence = the sentence
    end: int
    cue: Cue
    host: str | None = None
    visitor: str | None = None
    date: DateSpan | None = None
    location: dict | None = None
    status: str = "occurred"
    spans: list[tuple[int, int]] = field(default_factory=list)
    refers: bool = False  # named as an occasion ("Tại buổi hội kiến", "trong cuộc hội đàm với")
    sent: SentenceView | None = None  # the sentence it was read in


def _date_for(article: Article, offset: int, kind: str = "MEET", sent: SentenceView | None = None) -> DateSpan | None:
    try:
        from .dates import date_for_offset
    except ImportError:  # the dates stage is optional for this one
        return None
    try:
        # a meeting or signing happens on a day: a year or month in its sentence is background
        # ("quan hệ giữa hai Bộ được thiết lập từ 1966"), not its date
        found = date_for_offset(article, offset, **({} if kind == "VISIT" else {"precisions": ("day",)}))
    except Exception:  # noqa: BLE001 - a dates bug must not lose the event
        return None
    if found is not None and _published_by_press(article.text_clean, found):
        return None  # "bài viết đăng ngày 31/5", "tờ Thời báo Washington ngày 29/5 đã đăng": a paper's day
    if kind != "VISIT":
        past = _past_month(article, offset)
        if past is not None and not (found is not None and (found.value or "").startswith(past.value or "-")):
            return past
    own = sent is not None and sent.span.start <= (found.start if found else -1) < sent.span.end
    if kind != "VISIT" and sent is not None and not own:
        earlier = _earlier_period(article, sent, offset)
        if earlier is not None:
            return earlier  # "Trước đó, vào cuối tháng 4/2017, tại cuộc hội đàm ...": not the narrative's day
    if kind != "VISIT" and found is not None and found.value and "/" in found.value:
        # a meeting inside a trip: the last single day named shortly before it ("Chiều 25/4, ...");
        # a sentence framed by the trip's days ("Trong thời gian ở thăm từ ngày 8-11/7, X đã hội
        # đàm với A; hội kiến B") sums the trip up: only a day of its own dates its meetings
        lo = sent.span.start if own and sent is not None else offset - MEETING_DAY_WINDOW
        days = [d for d in article.dates if d.value and "/" not in d.value and d.precision == "day"
                and lo <= d.start < offset]
        if days:
            return days[-1]
    return found


def _published_by_press(text: str, d: DateSpan) -> bool:
    """Is ``d`` the day a paper or site published something ("bài viết đăng (tải) ngày 28/5",
    "báo Nikkei số ra chiều 2/6 đã đăng bài", "tờ ... ngày 29/5 đã đăng bài")?"""
    return _PRESS_BEFORE.search(text[max(0, d.start - PRESS_CHARS):d.start]) is not None or \
        _PRESS_AFTER.match(text, d.end) is not None


def _earlier_period(article: Article, sent: SentenceView, offset: int) -> DateSpan | None:
    """A month, or a year before the article's, written close to a meeting word in a sentence
    that has no day of its own ("nhắc lại ... chuyến thăm Cuba cuối năm 2016, ... được đến thăm
    Lãnh tụ Fidel Castro", "hội đàm với Thủ tướng Lào ... tháng 10/2016"): the meeting belongs to
    that period, not to the day the narrative has reached. A meeting named as the occasion ("Tại
    hội đàm, hai bên đánh giá kết quả ... từ năm 2013") is the narrative's own."""
    text = article.text_clean
    head = text[max(sent.span.start, offset - 30):offset]
    if _OCCASION_BEFORE.search(head) or head.lower().endswith(("kết thúc ", "quá trình ")):
        return None
    ref: int | None = None
    for d in article.dates:
        near = 0 <= offset - d.end <= PERIOD_CHARS or 0 <= d.start - offset <= PERIOD_CHARS
        between = text[min(d.end, offset):max(d.start, offset)].lower()
        if not near or "từ khi" in between or "kể từ" in between or ";" in between:
            continue
        if not (sent.span.start <= d.start < sent.span.end) or not d.value or "/" in d.value \
                or d.precision not in ("month", "year") or not d.value[:4].isdigit() \
                or _TARGET_BEFORE.search(text[max(sent.span.start, d.start - 12):d.start]) \
                or _SINCE_BEFORE.search(text[max(sent.span.start, d.start - 12):d.start]):
            continue
        if d.precision == "month":
            return d
        if ref is None:
            ref = _article_year(article)
        if ref is not None and int(d.value[:4]) < ref:
            return d
    return None


def _article_year(article: Article) -> int | None:
    try:
        from .dates import infer_year, parse_published
    except ImportError:
        return None
    pub = parse_published(article.published)
    return pub.year if pub else infer_year(article)


def _past_month(article: Article, offset: int) -> DateSpan | None:
    """"cuộc gặp của ông với X vào tháng 11 năm ngoái": the month a meeting word names right after it."""
    text = article.text_clean
    for d in article.dates:
        if offset < d.start <= offset + PAST_MONTH_CHARS and d.precision == "month" and d.value \
                and "/" not in d.value and text[max(0, d.start - 6):d.start].lower().endswith(_PAST_MONTH_BEFORE) \
                and not any(ch in text[offset:d.start] for ch in ".;"):
            return d
    return None


def _interval_in(article: Article, sent: SentenceView) -> DateSpan | None:
    for d in article.dates:
        if sent.span.start <= d.start < sent.span.end and d.value and "/" in d.value:
            return d
    return None


def _dedupe(refs: list[str]) -> list[str]:
    seen: list[str] = []
    for r in refs:
        if r and r not in seen:
            seen.append(r)
    return seen


def is_sport_article(article: Article) -> bool:
    """Does the article hold SPORT_ARTICLE_CUES sports words or more (the events and statements
    stages both ask: countries that "meet" or "support" in it are teams)?"""
    return len(article_cues_by_kind(article).get("SPORT", ())) >= SPORT_ARTICLE_CUES


class _Context:
    """What the event stage knows about the article while it reads it in order."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.roles = Roles.of(article)
        self.entities = self.roles.entities
        self._keys: dict[str, str] = {}
        self.principals = shared_principals(self.roles)
        self.last_meet: list[str] = []
        self.last_meet_at = -1  # the sentence that named the last meeting
        self.last_meet_known = False  # ... and whether it was named in an earlier sentence
        self.met: set[frozenset[str]] = set()  # the sides of meetings named in earlier sentences
        self.met_now: set[frozenset[str]] = set()  # ... and in the current one
        self.last_subject: list[str] = []
        # the subject of the sentence's first meeting (sentence start, tokens), for its later clauses
        self.clause_subject: tuple[int, list[ActorToken]] = (-1, [])
        self.last_person: str | None = None
        self.trips: list[EventMention] = []  # the visits read so far, for meetings during them
        self.main_visitor: str | None = None  # the person making the article's first trip
        self._places: dict[int, tuple[int, Mention]] | None = None
        self._sports: bool | None = None

    @property
    def sports(self) -> bool:
        """Is the article about sport (:func:`is_sport_article`)? Counted on first need."""
        if self._sports is None:
            self._sports = is_sport_article(self.article)
        return self._sports

    def place_at(self, lo: int, hi: int) -> Mention | None:
        """The first (in the article's order) place or country mention with a country that starts
        in ``[lo, hi]`` (the mentions by start are indexed on first need)."""
        if self._places is None:
            self._places = {}
            for k, m in enumerate(self.article.mentions):
                if m.label in ("LOC", "GPE") and m.country and m.start not in self._places:
                    self._places[m.start] = (k, m)
        found = [self._places[p] for p in range(lo, hi + 1) if p in self._places]
        return min(found, key=lambda km: km[0])[1] if found else None

    def country(self, ref: str) -> str | None:
        if len(ref) == 3 and ref.isupper():
            return ref
        ent = self.entities.get(ref)
        return ent.country if ent else None

    def key(self, ref: str) -> str:
        """What a participant is, for merging: one organisation written with and without its
        abbreviation ("Mạng lưới ... (VINK)") may be two entities of the actors stage."""
        key = self._keys.get(ref)
        if key is None:
            ent = self.entities.get(ref)
            key = ref if ent is None or ent.type == "PER" else _PAREN.sub("", ent.name).strip().lower()
            self._keys[ref] = key
        return key

    def is_person(self, ref: str) -> bool:
        ent = self.entities.get(ref)
        return ent is not None and ent.type == "PER"

    def resolve(self, tokens: list[ActorToken]) -> list[str]:
        refs: list[str] = []
        for t in tokens:
            if t.kind in (SIDES, LEADERS):
                refs.extend(self.sides())
            elif t.kind == PRONOUN:
                if self.last_person:
                    refs.append(self.last_person)
            else:
                refs.extend(t.refs)
        return _dedupe(refs)

    def sides(self) -> list[str]:
        """The two sides of the current occasion, as persons where the article names them."""
        base = self.last_meet or self.principals
        out: list[str] = []
        for r in base:
            if len(r) == 3 and r.isupper():
                r = next((p for p in self.principals if self.country(p) == r), r)
            if r not in out:
                out.append(r)
        return out

    def remember(self, refs: list[str]) -> None:
        if refs:
            self.last_subject = refs
            persons = [r for r in refs if self.is_person(r)]
            if persons:
                self.last_person = persons[0]


def shared_principals(roles: Roles) -> list[str]:
    """:func:`principals` of the roles' article, worked out once for both stages (a copy each)."""
    cached = roles.memo.get("principals")
    if cached is None:
        cached = roles.memo["principals"] = principals(roles.article)
    return list(cached)


def principals(article: Article) -> list[str]:
    """The article's two main persons of different countries (most mentioned), or its countries."""
    people = sorted((e for e in article.entities if e.type == "PER" and e.country),
                    key=lambda e: (-len(e.mentions), e.mentions[0][0] if e.mentions else 0))
    if people:
        first = people[0]
        other = next((e for e in people[1:] if e.country != first.country), None)
        if other is not None:
            return [first.id, other.id]
    counts: dict[str, int] = {}
    for m in article.mentions:
        if m.label == "GPE" and m.country:
            counts[m.country] = counts.get(m.country, 0) + 1
    top = sorted(counts, key=lambda c: -counts[c])[:2]
    return top if len(top) == 2 else []


def _location(ctx: _Context, sent: SentenceView, cue: Cue | None = None) -> dict | None:
    text = ctx.roles.text
    for m in ctx.article.mentions:
        if not (sent.span.start <= m.start < sent.span.end) or m.label not in ("LOC", "GPE"):
            continue
        before = text[max(sent.span.start, m.start - 16):m.start].lower()
        if not before.endswith(_LOCATION_PREPS):
            continue
        if cue is not None and m.start > cue.end and _OTHER_CLAUSE.search(text, cue.end, m.start):
            continue  # "tiếp ... cựu chiến binh đã tham gia kháng chiến tại Việt Nam": another act's place
        return {"name": m.name or text[m.start:m.end], "country": m.country}
    return None


def _planned(ctx: _Context, sent: SentenceView, cue: Cue, depth: int = 0) -> bool:
    lo = max(sent.span.start, cue.start - PLANNED_WINDOW)
    if any(c.has("PLANNED") and lo <= c.start and c.end <= cue.start for c in sent.cues) or \
            cue.text.lower().startswith("sẽ") or _PROGRAMME.match(ctx.roles.text, sent.span.start) is not None:
        return True
    # "X sẽ hội đàm với A, hội kiến B, tiếp C": the verbs of one list share the future of its first
    prev = next((c for c in reversed(sent.cues) if c.end <= cue.start and not c.kind_set.isdisjoint(EVENT_KINDS)), None)
    return prev is not None and depth < MAX_PLANNED_CHAIN and \
        _LIST_GAP_BREAK.search(ctx.roles.text, prev.end, cue.start) is None and _planned(ctx, sent, prev, depth + 1)


def _meet(ctx: _Context, sent: SentenceView, cue: Cue, mode: str) -> list[EventMention]:
    roles = ctx.roles
    text = roles.text
    key = cue.text.lower()
    word_before = _word_before(text, cue.start, sent.span.start)
    if word_before in _GENERIC_BEFORE:
        return []  # "các hoạt động gặp gỡ": activities in general, not one meeting
    if _ATTENDED.search(text, max(sent.span.start, cue.start - 20), cue.start) and \
            _ATTENDEES.match(text, cue.end):
        return []  # "Tham dự hội đàm về phía Việt Nam có A, B": who sat in on talks reported elsewhere
    objects = _listed_people(text, sent, roles.objects_after(sent, cue.end, comma_first=True))
    # "X, nước Y" / "những người bạn Nga": a country written after a noun is an adjective, not a party
    objects = [t for t in objects if t.kind != "GPE" or t is objects[0] and not text[cue.end:t.start].strip()
               or _word_before(text, t.start, sent.span.start) in _COUNTRY_OBJECT_WORDS]
    if text[cue.end:cue.end + 7].lower().lstrip().startswith("giữa"):
        # "cuộc hội đàm giữa A với B": exactly A and B, whoever the sentence is about
        pair = roles.objects_after(sent, cue.end, stop_at_comma=False, max_chars=200)[:2]
        refs = _without_own_side_extras(ctx, _dedupe(ctx.resolve(pair)))
        if len(refs) >= 2:
            return [EventMention("MEET", mode or "meet", refs, sent.span.start, sent.span.end, cue)]
        return []
    nominal = word_before in _NOMINAL_BEFORE or key.startswith(("buổi", "cuộc"))
    head = text[max(sent.span.start, cue.start - 30):cue.start]
    bare = _OCCASION_NOUN.sub("", key)
    refers = bool(_OCCASION_BEFORE.search(head + key[:len(key) - len(bare)]))
    subject = [] if nominal else roles.subject_before(sent, cue.start, reported=True)
    if nominal and _HAD.search(head):
        # "X đã có cuộc gặp với A và B, Chủ tịch ... C": X had the meeting (not whoever follows the objects)
        subject = roles.subject_before(sent, cue.start, reported=True)
    if not nominal and ctx.clause_subject[0] == sent.span.start and _opens_clause(text, sent, cue):
        # "X đã hội đàm với A; chào xã giao B; hội kiến C": a clause opening on its verb after a
        # semicolon goes on with the sentence's subject, not with the last person named before it
        subject = ctx.clause_subject[1]
    between = [t for t in sent.tokens if (subject[-1].end if subject else sent.span.start) <= t.start
               and t.end <= cue.start and t.kind in (SIDES, LEADERS)]
    if nominal and objects and objects[0].kind == PRONOUN and \
            _word_before(text, objects[0].start, sent.span.start) == "của":
        # "X hồi tưởng lại cuộc gặp của ông với Y": "ông" is X, the subject of the sentence
        subject = roles.subject_before(sent, cue.start, reported=True)
        objects = objects[1:]
    if nominal and not objects:
        # "Tại buổi tiếp, Tổng Bí thư X chào mừng Thượng tướng Y": the clause after names both
        subject = roles.subject_after(sent, cue.end)
        if subject:
            objects = roles.objects_after(sent, subject[-1].end, max_chars=60, through_verbs=True)[:1]
        if not subject and key in NEEDS_OBJECT:
            return []
    elif key in NEEDS_OBJECT and not objects:
        return []
    if not subject and not nominal and key in HOSTING_CUES and _opens_sentence(text, sent, cue):
        fronted = _fronted_clause(ctx, sent, cue)
        if fronted is not None:
            subject, objects = fronted
    if not subject:
        after = objects[-1].end if objects else cue.end
        subject = roles.subject_after(sent, after)
    if not subject and nominal:
        subject = roles.subject_before(sent, cue.start, reported=True)
    subj_refs = ctx.resolve(subject)
    groups = _object_groups(ctx, objects + between)
    if (nominal or refers) and subject and groups and all(t.kind in (SIDES, LEADERS) for t in subject) and \
            any(t.is_person for t in objects):
        # "Tại cuộc gặp với Chủ tịch Ủy ban châu Âu ..., hai bên nhất trí": the people met are named,
        # so "hai bên" adds only the side that met them (the first side of the occasion), not the
        # other party of an earlier meeting
        met = {r for g in groups for r in g}
        subj_refs = [r for r in subj_refs if r not in met][:1] or subj_refs
    out: list[EventMention] = []
    for obj_refs in groups or [[]]:
        participants = _dedupe(subj_refs + obj_refs)
        # a country next to its own person adds nothing: "Việt Nam" + "Tô Lâm" is Tô Lâm's side
        participants = _without_own_side_extras(ctx, participants)
        if len(participants) == 1 and key not in NEEDS_OBJECT and not obj_refs and _planned(ctx, sent, cue):
            during = _trip_meetings(ctx, sent, cue, participants[0])
            if during:
                out.extend(during)
                continue
        if len(participants) == 1 and key not in NEEDS_OBJECT:
            # "Trần Đại Quang đã có các cuộc hội đàm": with the article's main person of the other side
            own = ctx.country(participants[0])
            other = next((p for p in ctx.principals if ctx.country(p) != own), None)
            if other:
                participants.append(other)
        if len(participants) < 2:
            continue
        host = subj_refs[0] if key in HOSTING_CUES and subj_refs else None
        out.append(EventMention("MEET", mode or "meet", participants, sent.span.start, sent.span.end, cue,
                                host=host, refers=refers))
    if out:
        ctx.remember(subj_refs)
        if subject and ctx.clause_subject[0] != sent.span.start:
            ctx.clause_subject = (sent.span.start, subject)
    return out


def _without_own_side_extras(ctx: _Context, participants: list[str]) -> list[str]:
    """A country next to its own person adds nothing ("Việt Nam" + "Tô Lâm" is Tô Lâm's side); nor,
    when people of two countries meet, does a body of one of their countries ("tiếp Đoàn Ủy ban Quân
    lực Thượng viện Hoa Kỳ do Thượng nghị sỹ John McCain dẫn đầu", "Lê Chiêm, Trưởng Ban ... Chính
    phủ Việt Nam"): the people are the parties. (A person meeting a body alone keeps it.)"""
    person_countries = {ctx.country(r) for r in participants if ctx.is_person(r)}
    out = [r for r in participants if not (len(r) == 3 and r.isupper() and r in person_countries)]
    if len(person_countries - {None}) >= 2:
        out = [r for r in out if ctx.is_person(r) or (ent := ctx.entities.get(r)) is None
               or ent.type != "ORG" or ent.country not in person_countries]
    return out


def _opens_clause(text: str, sent: SentenceView, cue: Cue) -> bool:
    """Does the cue open a clause after a semicolon, with at most a few adverbs before it ("; đã gặp")?"""
    semi = text.rfind(";", sent.span.start, cue.start)
    return semi >= 0 and all(w in _CLAUSE_OPENERS for w in text[semi + 1:cue.start].lower().split())


def _opens_sentence(text: str, sent: SentenceView, cue: Cue) -> bool:
    """Does the cue open its sentence, maybe after a time ("Ngày 7/2, tiếp ...")?"""
    head = text[sent.span.start:cue.start].strip(_OPENING_MARKS)
    if not head:
        return True
    return head.endswith(",") and not any(t.start < cue.start for t in sent.tokens) \
        and not any(c.start < cue.start for c in sent.cues)


def _fronted_clause(ctx: _Context, sent: SentenceView, cue: Cue) -> tuple[list[ActorToken], list[ActorToken]] | None:
    """"Tiếp Trưởng Đại diện JETRO tại Hà Nội, ông Atsusuke Kawada, Thủ tướng Nguyễn Xuân Phúc hoan
    nghênh ...": a sentence opening with "tiếp X," names the host last, just before the main
    clause's verb; the actors before him are the guest (the guest's person, when named, not his
    own organisation). Returns (host, guests) or None when the clause is not so."""
    verb = next((c for c in sent.cues if c.start >= cue.end and
                 any(k in EVENT_KINDS + STATEMENT_KINDS + ("REPORT",) and m != "arrive" for k, m in c.senses)), None)
    if verb is None:
        return None
    text = ctx.roles.text
    toks = [t for t in sent.tokens if cue.end <= t.start and t.end <= verb.start and t.kind in ("PER", "ORG", "GPE")]
    if len(toks) < 2 or not toks[-1].is_person or "," not in text[toks[-2].end:toks[-1].start] \
            or len(text[toks[-1].end:verb.start].strip()) > FRONTED_VERB_CHARS:
        return None  # the host opens the main clause: his verb follows his name
    host, guests = toks[-1], toks[:-1]
    persons = [t for t in guests if t.is_person]
    if any(t.country == host.country for t in persons):
        return None  # "Đón tiếp X, đoàn Việt Nam có A, B": a list of the host's own side
    return [host], persons or guests


def _trip_meetings(ctx: _Context, sent: SentenceView, cue: Cue, actor: str) -> list[EventMention]:
    """"Trong thời gian tại Chile và Peru, X sẽ có các cuộc hội đàm ...": a visitor's announced
    talks with no one named are with the country visited, one meeting per trip the sentence names
    (else the latest trip), on the trip's days when the sentence gives none of its own. (Only
    for planned talks: a report of talks held names the day, and the other side by its leader.)"""
    own = ctx.country(actor)
    trips = [v for v in ctx.trips if v.visitor and (v.visitor == actor or
             (not ctx.is_person(actor) and ctx.country(v.visitor) == own))]
    if not trips:
        return []
    named = {c for t in sent.tokens if t.kind == "GPE" for c in (t.countries or t.refs)}
    chosen = [v for v in trips if v.participants[1] in named] or trips[-1:]
    has_date = any(sent.span.start <= d.start < sent.span.end and d.value for d in ctx.article.dates)
    out: list[EventMention] = []
    for v in chosen:
        visited = v.participants[1]
        if any(e.participants[1] == visited for e in out):
            continue
        em = EventMention("MEET", "meet", [v.visitor, visited], sent.span.start, sent.span.end, cue, host=visited)
        if not has_date and v.date is not None and "/" in (v.date.value or ""):
            em.date = v.date
        out.append(em)
    return out


def _listed_people(text: str, sent: SentenceView, objects: list[ActorToken]) -> list[ActorToken]:
    """The people met, through a list "A, B và C" ("có các cuộc gặp với Tổng thống Nga A, Tổng thống
    Chile B và Thủ tướng Italy C"): the objects stop at the first comma, where a new clause may start
    ("gặp A, B cho biết ..."), so the people after it join only when the list ends on "và" + person."""
    if len(objects) != 1 or not objects[0].is_person:
        return objects
    listed: list[ActorToken] = []
    last = objects[0]
    for t in sent.tokens:
        if t.start < last.end:
            continue
        gap = text[last.end:t.start]
        if not t.is_person or not _LIST_COMMA.match(gap) and not _LIST_AND.match(gap):
            break
        listed.append(t)
        last = t
        if _LIST_AND.match(gap):
            return objects + listed  # the list ends on its "và" item
    return objects


_LIST_COMMA = re.compile(r"\s*,\s*$")
_LIST_AND = re.compile(r"\s*,?\s*và\s+$")


def _object_groups(ctx: _Context, objects: list[ActorToken]) -> list[list[str]]:
    """The parties met: one group per separately titled person ("hội kiến A ... và B" is two
    meetings), a spouse or royal consort joining the person before ("Nhà vua và Hoàng hậu")."""
    groups: list[list[str]] = []
    text = ctx.roles.text
    for k, t in enumerate(objects):
        nxt = objects[k + 1] if k + 1 < len(objects) else None
        if t.kind == "ORG" and nxt is not None and nxt.is_person and _IN_TITLE_GAP.match(text, t.end, nxt.start):
            continue  # "Tổng Thư ký Liên hợp quốc (LHQ) Antonio Guterres": the body is his title's, he is met
        refs = ctx.resolve([t])
        if t.kind == "ORG" and refs:
            refs = _holder_of_office(ctx, t, refs[0]) or refs
        if not refs:
            continue
        title = ""
        if t.is_person and refs:
            ent = ctx.entities.get(refs[0])
            title = (ent.title or "").lower() if ent else ""
        if groups and t.is_person and any(w in title for w in _CONSORT_TITLES):
            groups[-1].extend(refs)
        elif groups and not (t.is_person and all(ctx.is_person(r) for r in groups[-1])):
            groups[-1].extend(refs)
        else:
            groups.append(list(refs))
    return groups


def _holder_of_office(ctx: _Context, tok: ActorToken, org_ref: str) -> list[str]:
    """"Tại cuộc gặp với Tổng Giám đốc WHO, ...": an office of a body written without a name is the
    person the article names as holding it ("Tedros ..., Tổng Giám đốc Tổ chức Y tế thế giới")."""
    org = ctx.entities.get(org_ref)
    if org is None or org.type != "ORG":
        return []
    head = " " + " ".join(ctx.roles.text[max(0, tok.start - 40):tok.start].lower().split())
    names = [n.lower() for n in (org.name, *(org.attrs.get("aliases") or ())) if n]
    for ent in ctx.article.entities:
        title = " ".join((ent.title or "").lower().split())
        if ent.type != "PER" or not title:
            continue
        for name in names:
            office = title[:-len(name)].strip() if title.endswith(name) else ""
            if office and head.endswith(" " + office):
                return [ent.id]
    return []


def _visit(ctx: _Context, sent: SentenceView, cue: Cue) -> EventMention | list[EventMention] | None:
    roles = ctx.roles
    text = roles.text
    arrive = cue.mode("VISIT") == "arrive"
    if arrive:
        # "đã tới Nam Ninh": a place right after the verb, in a foreign country
        place = ctx.place_at(cue.end, cue.end + 2)
        if place is None:
            return None
        objs = [ActorToken(place.start, place.end, (place.country,), "GPE", place.country, (place.country,))]
    else:
        limit = min(sent.span.end, cue.end + VISIT_OBJECT_WINDOW)
        objs = [t for t in sent.tokens if cue.end <= t.start < limit and not _invited_by(text, sent, t)]
    country_tok = None
    for t in objs:
        gap = text[cue.end:t.start].replace(", làm việc", "")  # "chuyến thăm, làm việc tại Việt Nam"
        if ";" in gap or "." in gap or "," in gap:
            break
        if t.kind == "GPE":
            country_tok = t
            break
        if _word_before(text, t.start, sent.span.start) in NOT_OBJECT:
            continue  # "đặt vòng hoa tại tượng đài Chủ tịch Hồ Chí Minh": a monument, not a host
        if t.kind == "ORG" and _ATTEND.search(gap):
            continue  # "thăm và tham dự Hội nghị cấp cao APEC": a forum attended, not an organisation called on
        if t.kind in ("PER", "ORG") and cue.text.lower() in _VISIT_OR_CALL:
            # "đến thăm Viện Di sản": a visit to an organisation is a meeting with it
            subj = ctx.resolve(roles.subject_before(sent, cue.start, reported=True)) or ctx.last_subject
            participants = _dedupe(subj + list(t.refs))
            if len(participants) >= 2:
                return EventMention("MEET", "meet", participants, sent.span.start, sent.span.end, cue,
                                    host=t.refs[0])
            return None
    if country_tok is None:
        country_tok = _visit_of_person(ctx, sent, cue, objs)
    if country_tok is None:
        return None
    if _POSTING.search(text, country_tok.end, min(sent.span.end, country_tok.end + POSTING_CHARS)):
        return None  # "đến Việt Nam bắt đầu nhiệm kỳ công tác": a new ambassador's posting
    sender = lowered(ctx.article).rfind("cử ", max(sent.span.start, cue.start - 40), cue.start)
    if sender >= 0 and not any(ch in text[sender:cue.start] for ch in ",;."):
        return None  # "đã cử Đặc phái viên sang thăm Việt Nam": the sender is not the visitor
    invite = lowered(ctx.article).rfind("mời", sent.span.start, cue.start)
    if invite >= 0 and not _CLAUSE_BREAK.search(text, invite, cue.start) and \
            not text[max(sent.span.start, invite - 7):invite].lower().endswith(("theo lời ", "lời ")):
        return None  # "mời Thủ tướng X sang thăm Việt Nam": an invitation, not a trip yet
    if invite >= 0 and text[max(sent.span.start, invite - 9):invite].lower().endswith("nhận lời ") and \
            not any(ch in text[invite:cue.start] for ch in ",;."):
        return None  # "nhận lời mời thăm lại Việt Nam"
    wish = _HOPE_TO_WELCOME.search(text, sent.span.start, cue.start)
    if wish and not any(ch in text[wish.end():cue.start] for ch in ",;."):
        return None  # "mong muốn được đón Chủ tịch X thăm Việt Nam": a wish, an invitation, not a trip
    visitor_refs: list[str] = []
    first = objs[0] if objs else None
    if first is not None and first.is_person and _word_before(text, first.start, sent.span.start) == "của":
        visitor_refs = ctx.resolve([first])  # "chuyến thăm của Chủ tịch Quốc hội Cuba ... Việt Nam - Cuba"
    own = {ctx.country(r) for r in visitor_refs}
    visited = next((c for c in (country_tok.countries or country_tok.refs) if c not in own), None)
    if not visited:
        return None
    after = text[country_tok.end:country_tok.end + 8].lower()
    if after.lstrip(" ,").startswith("của"):
        of = roles.objects_after(sent, country_tok.end, stop_at_comma=False, max_chars=120)
        visitor_refs = [r for t in of[:1] for r in ctx.resolve([t])]
    if not visitor_refs:
        # "chuyến thăm Đức, Hà Lan lần này của Thủ tướng X": the visitor after "của", past other countries
        for t in sent.tokens:
            if country_tok.end <= t.start <= country_tok.end + VISITOR_OF_CHARS and t.is_person and \
                    _word_before(text, t.start, sent.span.start) == "của" and \
                    not text[max(sent.span.start, t.start - 12):t.start].lower().rstrip().endswith("mời của") and \
                    not any(ch in text[country_tok.end:t.start] for ch in ";"):
                visitor_refs = ctx.resolve([t])
                break
    if not visitor_refs:
        # "Đoàn ... do Thượng tướng X làm Trưởng đoàn sang thăm": X leads the visiting delegation
        led = [t for t in sent.tokens if t.end <= cue.start and t.is_person
               and _word_before(text, t.start, sent.span.start) == "do"]
        if led:
            visitor_refs = ctx.resolve(led[-1:])
    if not visitor_refs:
        # "tiếp Bộ trưởng X đang có chuyến thăm Việt Nam": X, in a relative clause, is the visitor
        prior = [t for t in sent.tokens if t.end <= cue.start]
        gap_from = prior[-1].end if prior else cue.start
        if len(prior) >= 2 and prior[-1].kind == "GPE" and prior[-2].title_only and \
                not text[prior[-2].end:prior[-1].start].strip():
            prior = prior[:-1]  # "..., Chủ tịch Thượng viện Myanmar, đang có chuyến thăm": the office's country
        if prior and _RELATIVE_VISIT.match(text[gap_from:cue.start]) and prior[-1].kind in ("PER", "TITLE"):
            visitor_refs = ctx.resolve([roles.head_of(sent, prior[-1])])
    if not visitor_refs:
        # "chuyên cơ chở Thủ tướng X ... đã tới Tokyo, bắt đầu chuyến thăm": the plane carries the visitor
        carried = _CARRIED.search(text, sent.span.start, cue.start)
        if carried is not None:
            visitor_refs = next((ctx.resolve([t]) for t in sent.tokens
                                 if carried.end() <= t.start < cue.start and t.is_person), [])
    if not visitor_refs:
        visitor_refs = ctx.resolve(roles.subject_before(sent, cue.start, reported=True))
    if not visitor_refs:
        visitor_refs = ctx.resolve(roles.subject_after(sent, country_tok.end))
    if not visitor_refs:
        visitor_refs = ctx.last_subject
    visitors = [r for r in visitor_refs if ctx.country(r) and ctx.country(r) != visited]
    persons = [r for r in visitors if ctx.is_person(r)]
    visitor = (persons or visitors or [None])[0]
    if visitor is None or (arrive and not persons):
        return None
    ctx.remember([visitor])
    status = "planned" if _planned(ctx, sent, cue) else "occurred"
    stops = [country_tok] + _more_countries(ctx, sent, country_tok, visitor)
    out = []
    for k, tok in enumerate(stops):
        country = next((c for c in (tok.countries or tok.refs) if c != ctx.country(visitor)), visited)
        # each country's own interval, written after it and before the next one ("thăm Chile từ
        # ngày 9 đến 12-11 và Peru từ ngày 12 đến 16-11"); one country: any interval of the sentence
        date = _interval_in(ctx.article, sent) if len(stops) == 1 else \
            _interval_between(ctx.article, tok.end, stops[k + 1].start if k + 1 < len(stops) else sent.span.end)
        out.append(EventMention("VISIT", "visit", [visitor, country], sent.span.start, sent.span.end, cue,
                                host=country, visitor=visitor, date=date, status=status,
                                location=_visit_place(ctx, tok, country)))
    return out


def _visit_place(ctx: _Context, tok: ActorToken, country: str) -> dict | None:
    """Where a trip went: the country (or arrival place) as written; a country known only from its
    visitor's trip (``_visit_of_person``: "chuyến thăm của Thủ tướng Nhật Bản X", a person's span)
    as the article writes it elsewhere, else no place."""
    if not any(m.label in ("PER", "TITLE") and m.start < tok.end and tok.start < m.end for m in ctx.article.mentions):
        return {"name": ctx.roles.text[tok.start:tok.end], "country": country}
    named = next((m for m in ctx.article.mentions if m.label == "GPE" and m.country == country), None)
    return {"name": named.name or ctx.roles.text[named.start:named.end], "country": country} if named else None


def _more_countries(ctx: _Context, sent: SentenceView, first: ActorToken, visitor: str) -> list[ActorToken]:
    """"thăm chính thức Chile và Peru", "thăm Đức, Hà Lan": the further countries of one tour."""
    text = ctx.roles.text
    out: list[ActorToken] = []
    last = first
    for t in sent.tokens:
        if t.start < last.end:
            continue
        gap = text[last.end:t.start]
        if t.kind != "GPE" or not _TOUR_GAP.match(gap) or last.end - first.end > TOUR_CHARS:
            break
        if any(c == ctx.country(visitor) for c in (t.countries or t.refs)):
            break
        out.append(t)
        last = t
    return out


def _interval_between(article: Article, start: int, end: int) -> DateSpan | None:
    return next((d for d in article.dates if start <= d.start < end and d.value and "/" in d.value), None)


def _invited_by(text: str, sent: SentenceView, t: ActorToken) -> bool:
    """"(chuyến thăm diễn ra) theo lời mời của Tổng thống Chile X": X (and X's title) invites, the host."""
    head = text[max(sent.span.start, t.start - 40):t.start].lower()
    k = head.rfind("mời của")
    return k >= 0 and not any(ch in head[k:] for ch in ",;.")


def _side_countries(ctx: _Context) -> list[str]:
    out: list[str] = []
    for r in ctx.principals:
        c = ctx.country(r)
        if c and c not in out:
            out.append(c)
    return out


def _visit_of_person(ctx: _Context, sent: SentenceView, cue: Cue, objs: list[ActorToken]) -> ActorToken | None:
    """"nhân chuyến thăm của Thủ tướng X" names no country: in an article about X's trip to the
    other side, the country visited is the other side's (the article's main foreign country)."""
    text = ctx.roles.text
    if not cue.text.lower().startswith("chuyến thăm") or not objs or not objs[0].is_person:
        return None
    if _word_before(text, objs[0].start, sent.span.start) != "của":
        return None
    own = ctx.country(objs[0].refs[0]) if objs[0].refs else None
    other = next((c for c in (ctx.country(p) for p in ctx.principals) if c and c != own), None)
    if other is None:
        return None
    return ActorToken(objs[0].start, objs[0].end, (other,), "GPE", other, (other,))


def _sign(ctx: _Context, sent: SentenceView, cue: Cue, mode: str) -> EventMention | None:
    roles = ctx.roles
    if mode == "sign" and not any(c.has("DOC") for c in sent.cues):
        return None
    if any(c.has("DOC") and 0 <= cue.start - c.end <= DOC_NAME_CHARS
           and not any(c.end <= t.start and t.end <= cue.start and t.kind not in (SIDES, LEADERS) for t in sent.tokens)
           and not any(ch in roles.text[c.end:cue.start] for ch in ",;") for c in sent.cues):
        # "Hiệp định Thương mại song phương đã ký năm 2013": a past signing between the two sides,
        # when it is dated; "các thỏa thuận đã ký" without a date is named in passing
        when = next((d for d in ctx.article.dates if cue.end <= d.start <= cue.end + PAST_SIGNING_DATE_CHARS
                     and d.value), None)
        sides = _side_countries(ctx)
        if when is None or len(sides) < 2:
            return None
        return EventMention("SIGN", mode, sides, sent.span.start, sent.span.end, cue, date=when)
    if any(c.end <= cue.start and c.kinds(("PROPOSE", "PLEDGE", "SUPPORT", "AGREE")) for c in sent.cues):
        return None  # "đề nghị hai bên ... ký mới", "ủng hộ việc sớm ký": wished for, not signed
    past = cue.text.lower().startswith("đã") or roles.text[max(sent.span.start, cue.start - 4):cue.start] == "đã "
    if past and _GENERIC_DOCS.match(roles.text, cue.end) and not any(c.kinds(("MEET",)) for c in sent.cues) \
            and not any(sent.span.start <= d.start < sent.span.end and d.value and d.precision == "day"
                        for d in ctx.article.dates):
        return None  # "Việt Nam và Chile đã ký nhiều văn kiện", "Từ năm 1991, hai nước đã ký kết hơn 100 văn kiện"
    head = roles.text[sent.span.start:cue.start]
    if head.lstrip().startswith(("-", "+", "•")) or head.count("(") > head.count(")"):
        return None  # an item of a list of documents ("- Bản ghi nhớ ... ký giữa A và B"), not a signing
    subject = roles.subject_before(sent, cue.start, reported=True)
    if subject and any(subject[-1].end <= c.start and c.end <= cue.start and c.has("REPORT") for c in sent.cues):
        return None  # "X cho biết Nasdaq vừa ký ...": the reporter is not a signer, the signer is not an actor
    if any(t.is_person for t in subject):  # "A và B cùng Đoàn đại biểu hai nước": A and B
        subject = [t for t in subject if t.kind not in (SIDES, LEADERS)]
    refs = ctx.resolve(subject)
    if len(refs) < 2:
        # "A và B ký" written as "giữa A và B"
        objs = roles.objects_after(sent, cue.end, stop_at_comma=False, max_chars=200)
        refs = _dedupe(refs + [r for t in objs if t.kind in ("GPE", "ORG", "PER") for r in ctx.resolve([t])])
    if len(refs) < 2 and refs and ctx.last_meet and refs[0] in ctx.last_meet:
        refs = list(ctx.last_meet)  # "X chứng kiến lễ ký": the meeting's two sides signed
    if len(refs) < 2:
        return None
    date = _anniversary_date(ctx, sent, cue) or _signing_year(ctx, sent, cue)
    day = date or next((d for d in ctx.article.dates if sent.span.start <= d.start < sent.span.end and d.value
                        and d.precision == "day" and "/" not in d.value), None)
    if day is not None and any(t.kind in (SIDES, LEADERS) for t in subject) and _years_back(ctx, day):
        # "Năm 2001, hai nước đã ký ...": the two countries then, not the leaders of today's occasion
        refs = _dedupe([ctx.country(r) or r for r in refs])
    return EventMention("SIGN", mode, refs[:4], sent.span.start, sent.span.end, cue, date=date)


def _years_back(ctx: _Context, d: DateSpan) -> bool:
    """Is ``d`` a year or more before the article's year?"""
    try:
        from .dates import infer_year, parse_published
    except ImportError:
        return False
    pub = parse_published(ctx.article.published)
    ref = pub.year if pub else infer_year(ctx.article)
    v = d.value or ""
    return ref is not None and v[:4].isdigit() and int(v[:4]) < ref


def _signing_year(ctx: _Context, sent: SentenceView, cue: Cue) -> DateSpan | None:
    """"Năm 2013, hai nước đã ký Hiệp định ...", "ký kết vào tháng 12/2022": a year or month written
    next to the signing word dates it (a day anywhere in the sentence is found the usual way)."""
    text = ctx.roles.text
    for d in ctx.article.dates:
        if not (sent.span.start <= d.start < sent.span.end) or d.precision not in ("year", "month") or not d.value:
            continue
        near = 0 <= d.start - cue.end <= PAST_SIGNING_DATE_CHARS or 0 <= cue.start - d.end <= PAST_SIGNING_DATE_CHARS \
            or (cue.end <= d.start and not any(ch in text[cue.end:d.start] for ch in ",;:("))
        # (or after the document's name, in the same clause: "đã ký Tuyên bố chung Hà Nội về ... tháng 10-2011")
        if near and not _TARGET_BEFORE.search(text[max(sent.span.start, d.start - 12):d.start]):
            return d
    return None


def _anniversary_date(ctx: _Context, sent: SentenceView, cue: Cue) -> DateSpan | None:
    """"kỷ niệm 30 năm ngày ký Hiệp ước" in a 2024 article: signed in 1994."""
    lo = max(sent.span.start, cue.start - ANNIVERSARY_CHARS)
    m = _ANNIVERSARY.search(ctx.roles.text, lo, cue.start)
    if m is None:
        return None
    try:
        from .dates import infer_year, parse_published
    except ImportError:
        return None
    pub = parse_published(ctx.article.published)
    ref = pub.year if pub else infer_year(ctx.article)
    if ref is None:
        return None
    return DateSpan(m.start(), m.end(), "DATE", stage="events",
                    value=str(ref - int(m.group(1))), precision="year")


def _per_year(article: Article, sent: SentenceView, cue: Cue, em: EventMention) -> list[EventMention]:
    """"chuyến thăm chính thức vào các năm 2001, 2006, 2013": one trip per year of the list."""
    text = article.text_clean
    years = [d for d in article.dates if cue.end <= d.start < sent.span.end and d.precision == "year" and d.value]
    run: list[DateSpan] = []
    for d in years:
        if run and not _YEAR_LIST_GAP.match(text[run[-1].end:d.start]):
            break
        run.append(d)
    if len(run) < 2:
        return [em]
    out = []
    for d in run:
        out.append(EventMention(em.kind, em.mode, list(em.participants), em.start, em.end, em.cue, host=em.host,
                                visitor=em.visitor, date=d, location=em.location, status=em.status))
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    a0, _, a1 = a.partition("/")
    b0, _, b1 = b.partition("/")
    a1, b1 = a1 or a0, b1 or b0
    if len(a0) == len(b0) == len(a1) == len(b1):
        return a0 <= b1 and b0 <= a1  # overlapping ranges
    return a.startswith(b[:7]) or b.startswith(a[:7])


def _same(ctx: _Context, a: EventMention, b: EventMention) -> bool:
    if a.kind != b.kind:
        return False
    da = a.date.value if a.date else None
    db = b.date.value if b.date else None
    if a.kind == "VISIT":
        # a trip mentioned without a date of its own ("Đây là chuyến thăm thứ hai ...") is the same trip
        da = da if _own_date(a) else None
        db = db if _own_date(b) else None
    if a.kind == "MEET" and ((a.refers and not _own_date(a)) or (b.refers and not _own_date(b))):
        # "Chủ tịch nước ... trong cuộc hội đàm với X" (a caption), "Tại buổi hội kiến, ...": the
        # meeting already reported, whatever day the narrative lends the sentence, when it names
        # no one that meeting did not have (an extra party is another meeting)
        sa, sb = {ctx.key(r) for r in a.participants}, {ctx.key(r) for r in b.participants}
        if (a.refers and not _own_date(a) and sa <= sb) or (b.refers and not _own_date(b) and sb <= sa):
            return True
    if not _compatible(da, db):
        return False
    if a.kind == "VISIT":
        return a.participants[1] == b.participants[1] and _same_visitor(ctx, a.visitor, b.visitor)
    sa, sb = {ctx.key(r) for r in a.participants}, {ctx.key(r) for r in b.participants}
    if sa == sb:
        return True
    if _led_by(ctx, a.participants, b.participants) or _led_by(ctx, b.participants, a.participants):
        return True
    small, big = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    if small <= big and not any(ctx.is_person(r) for r in big - small if r in ctx.entities):
        return True  # the same people, one mention adding their country or organisation
    # "Việt Nam và Hàn Quốc hội đàm" and "Tô Lâm hội đàm với Lee Jae Myung": the same talks
    ca = {ctx.country(r) for r in a.participants}
    cb = {ctx.country(r) for r in b.participants}
    only_countries = all(len(r) == 3 and r.isupper() for r in a.participants) or \
        all(len(r) == 3 and r.isupper() for r in b.participants)
    return only_countries and None not in ca and ca == cb


def _same_visitor(ctx: _Context, a: str | None, b: str | None) -> bool:
    """One visitor written as a person and as the country ("chuyến thăm của Tổng thống Putin" and
    "Chuyến thăm diễn ra trong bối cảnh Việt Nam và Nga ..."), or not named in one mention. The
    country stands for the person only when the person makes the article's first trip, its main
    one (else "Nhà Vua Nhật Bản" and Shinzo Abe, two trips of one country, would merge)."""
    if not a or not b or a == b:
        return True
    a_country, b_country = (len(a) == 3 and a.isupper()), (len(b) == 3 and b.isupper())
    main = ctx.main_visitor
    return (a_country and b == main and ctx.country(b) == a) or (b_country and a == main and ctx.country(a) == b)


def _led_by(ctx: _Context, with_org: list[str], with_person: list[str]) -> bool:
    """"tiếp Đoàn Ủy ban Quân vụ Hạ viện Hoa Kỳ" (the headline) and "tiếp Đoàn do Chủ nhiệm Ủy ban
    Quân vụ Hạ viện ... X làm Trưởng đoàn": the same meeting, the body naming whom the delegation
    stands for — an organisation the person's office heads, of the same country."""
    orgs = [r for r in with_org if r not in with_person]
    persons = [r for r in with_person if r not in with_org]
    if len(orgs) != 1 or len(persons) != 1 or not ctx.is_person(persons[0]):
        return False
    org, person = ctx.entities.get(orgs[0]), ctx.entities.get(persons[0])
    if org is None or org.type != "ORG" or person is None or not person.title or \
            org.country not in (None, person.country):
        return False  # (an international body has no country: "thăm LHQ, hội kiến Tổng thư ký LHQ X")
    title, name = person.title.lower(), org.name.lower()
    return any(name.startswith(title[k:]) for k in range(1, len(title) - MIN_OFFICE_ORG_CHARS)
               if title[k - 1] == " ")


def _better_date(a: DateSpan | None, b: DateSpan | None, kind: str) -> DateSpan | None:
    """A visit prefers the trip's interval; a meeting or signing its own day."""
    if a is None or not a.value:
        return b
    if b is None or not b.value:
        return a
    if kind == "VISIT" and "/" in b.value and "/" not in a.value:
        return b
    if kind == "VISIT" and "/" not in b.value and "/" not in a.value and b.value.startswith(a.value):
        return b  # "2013" and "tháng 11-2013": the finer date of the same trip
    if kind != "VISIT" and "/" in a.value and "/" not in b.value:
        return b
    return a


def _own_date(m: EventMention) -> bool:
    return m.date is not None and m.start <= m.date.start < m.end


def _dated(m: EventMention) -> bool:
    if m.date is None or not (m.start <= m.date.start < m.end):
        return False
    return m.kind != "VISIT" or "/" in (m.date.value or "")


def _n_persons(ctx: _Context, m: EventMention) -> int:
    return sum(ctx.is_person(r) for r in m.participants)


def _merge(ctx: _Context, mentions: list[EventMention]) -> list[EventMention]:
    merged: list[EventMention] = []
    members: dict[int, list[EventMention]] = {}
    own_dates = {id(m): m.date for m in mentions}  # before merging overwrites the first mention's
    for m in mentions:
        m.spans = [(m.start, m.end)]
        for e in merged:
            if _same(ctx, e, m):
                e.spans.append((m.start, m.end))
                members[id(e)].append(m)
                if _n_persons(ctx, m) > _n_persons(ctx, e):
                    e.participants = m.participants  # the more specific mention (persons, not countries)
                    e.visitor = m.visitor or e.visitor
                e.date = _better_date(e.date, m.date, e.kind)
                e.host = e.host or m.host
                e.location = e.location or m.location
                break
        else:
            merged.append(m)
            members[id(m)] = [m]
    for e in merged:
        # planned when a mention announces it and none tells it took place ("Thủ tướng sẽ thăm Mỹ
        # ... Chuyến thăm của Thủ tướng ..."): a bare noun mention says neither
        group = members[id(e)]
        planned = any(m.status == "planned" for m in group)
        e.status = "planned" if planned and not any(
            m.status == "occurred" and (m.sent is None or _tensed(ctx, m.sent, m.cue)) for m in group) else "occurred"
    for e in merged:
        best = max(members[id(e)], key=lambda m: _evidence_score(ctx, e, m, own_dates[id(m)]))
        e.start, e.end, e.cue = best.start, best.end, best.cue
    return merged


def _evidence_score(ctx: _Context, event: EventMention, m: EventMention,
                    own_date: DateSpan | None = None) -> tuple[float, int]:
    """How well a mention's sentence documents the event: its own date (a visit: the trip's
    interval; a point more where ``own_date``, the mention's own, is the date the event kept), the
    participants named in full, not a photo caption or the headline; ties go to the earliest mention. Weights calibrated on the seeds' and dev articles' evidence choices."""
    text = ctx.roles.text[m.start:m.end]
    low = text.lower()
    kept = own_date is not None and event.date is not None and own_date.value == event.date.value \
        and m.start <= own_date.start < m.end
    score = EVIDENCE_DATE_WEIGHT * _dated(m) + kept
    for r in event.participants:
        ent = ctx.entities.get(r)
        if ent is not None and ent.name and ent.name.lower() in low:
            score += 1
    if _CAPTION.search(text):
        score -= EVIDENCE_CAPTION_PENALTY
    title = (ctx.article.title or "").strip()
    if title and text.strip() == title:
        score -= EVIDENCE_TITLE_PENALTY
    return score, -m.start


def _host_from_context(ctx: _Context, ev: EventMention, visits: list[EventMention]) -> str | None:
    if ev.host:
        return ev.host
    countries = {r: ctx.country(r) for r in ev.participants}
    for v in visits:
        if v.visitor in ev.participants or ctx.country(v.visitor or "") in countries.values():
            for r, c in countries.items():
                if c == v.participants[1] and r != v.visitor:
                    return r
    loc_country = (ev.location or {}).get("country")
    if loc_country:
        for r, c in countries.items():
            if c == loc_country:
                return r
    return None


def _finish(ctx: _Context, article: Article, sent: SentenceView, cue: Cue, em: EventMention) -> None:
    if em.date is None:
        em.date = _date_for(article, cue.start, em.kind, sent)
        if em.date is not None and em.kind == "VISIT" and not sent.span.start <= em.date.start < sent.span.end \
                and _spoken_of(ctx.roles.text, sent, cue):
            em.date = None  # a past trip praised, undated: not the day of the praise
    if em.location is None:
        em.location = _location(ctx, sent, cue)
    if em.kind != "VISIT" and _planned(ctx, sent, cue):
        em.status = "planned"
    em.sent = sent  # for _tensed, worked out only where a planned mention of the same event needs it
    if em.kind == "MEET":
        sides = [r for r in em.participants if ctx.is_person(r)] or em.participants
        known = frozenset(sides) in ctx.met
        # "X đã hội đàm với A, hội kiến B, C": the sentence goes on about the talks named before it
        if em.start != ctx.last_meet_at or not ctx.last_meet_known:
            ctx.last_meet, ctx.last_meet_at, ctx.last_meet_known = sides, em.start, known
        ctx.met_now.add(frozenset(sides))


def _published_day(article: Article) -> str | None:
    """The publication day as ``YYYY-MM-DD``, when the article has one."""
    try:
        from .dates import parse_published
    except ImportError:
        return None
    day = parse_published(article.published)
    # a day of margin: outlets date an article by its day in another time zone, or by the trend's day
    return (day + timedelta(days=PUBLISHED_MARGIN_DAYS)).isoformat() if day else None


def _spoken_of(text: str, sent: SentenceView, cue: Cue) -> bool:
    """Is a trip of the past named as a noun in what someone says ("cho rằng chuyến thăm ... của X
    vừa qua đã thành công tốt đẹp")? Its day is not the day of the saying."""
    return cue.text.lower().startswith("chuyến") and any(
        c.end <= cue.start and (c.has("REPORT") or c.kinds(STATEMENT_KINDS)) for c in sent.cues) \
        and _PAST_TRIP.search(text, cue.end, sent.span.end) is not None


def _tensed(ctx: _Context, sent: SentenceView, cue: Cue) -> bool:
    """Does a mention not marked planned tell that its event took place? A verb does ("X hội đàm
    với Y"), unless the sentence announces ("... và sẽ ..."); a noun ("chuyến thăm Mỹ của Thủ
    tướng", "cuộc gặp ... sắp tới") only with a word of the past or present in its sentence."""
    text = ctx.roles.text
    key = cue.text.lower()
    nominal = key.startswith(_NOMINAL_CUES) or _word_before(text, cue.start, sent.span.start) in _NOMINAL_BEFORE
    if "PLANNED" in sent.kinds:
        if nominal:
            return False  # "Trong chuyến thăm, Thủ tướng sẽ hội đàm ...": the trip is the coming one
        # a verb told in the past in its own clause took place ("X đã hội đàm với Y, khẳng định
        # sẽ ..."), unless a future marker is in that clause too; with no past word the sentence
        # announces ("Cũng trong thời gian thăm Mỹ, Thủ tướng sẽ thăm New York")
        opening = max((m.end() for m in _CLAUSE_BREAK.finditer(text, sent.span.start, cue.start)),
                      default=sent.span.start)
        if not _PAST_WORD.search(text, opening, cue.start):
            return False
        for c in sent.cues:
            if c.has("PLANNED"):
                lo, hi = (c.end, cue.start) if c.end <= cue.start else (cue.end, c.start)
                if not _CLAUSE_BREAK.search(text, lo, max(lo, hi)):
                    return False
    if not nominal:
        return True
    return bool(_TENSE_WORDS.search(text, sent.span.start, sent.span.end))


def _may_make_events(article: Article) -> bool:
    """Is there an event word that may make an event? Most news has none at all, or only a
    bare "đến"/"tới" of motion — which makes a visit only with a place right after it (see
    _visit), so without one the article needs no reading of its actors."""
    places: list[int] | None = None
    by_kind = article_cues_by_kind(article)
    for cue in (c for k in EVENT_KINDS for c in by_kind.get(k, ())):  # (a cue of two kinds twice: no matter)
        if cue.kinds(EVENT_KINDS) != [("VISIT", "arrive")]:
            return True
        if places is None:
            places = sorted(m.start for m in article.mentions if m.label in ("LOC", "GPE") and m.country)
        k = bisect.bisect_left(places, cue.end)
        if k < len(places) and places[k] <= cue.end + 2:
            return True
    return False


def _sports_match(ctx: _Context, sent: SentenceView, em: EventMention) -> bool:
    """"Việt Nam gặp Kuwait ở trận ra quân", "Bỉ tập dượt với trận gặp Montenegro": countries or
    teams (no person among them) that "meet" in a sentence about a match are teams playing; so
    are countries alone that "meet" anywhere in an article about sport ("Serbia thủng lưới trong
    4 lần gần nhất gặp Slovenia")."""
    if em.kind != "MEET" or any(ctx.is_person(r) for r in em.participants):
        return False
    if "SPORT" in sent.kinds:
        return True
    return all(len(r) == 3 and r.isupper() for r in em.participants) and ctx.sports


def _one_side(ctx: _Context, em: EventMention) -> bool:
    """Are all the people of a meeting of one country ("Tham dự ... có Phạm Bình Minh, Hoàng Trung
    Hải", "Tổng thống Trump ... có sự tham gia của Ngoại trưởng Tillerson")? Colleagues named
    together are no meeting between sides: the reading went wrong (a meeting with a body of one's
    own country, "thăm Viện X", "gặp Mạng lưới ... Việt Nam", stays)."""
    if em.kind != "MEET" or not all(ctx.is_person(r) for r in em.participants):
        return False
    countries = {ctx.country(r) for r in em.participants}
    return len(countries) == 1 and None not in countries


def _international_official(ctx: _Context, ref: str) -> bool:
    """Does the person hold an office of an international organisation ("Tổng Thư ký Liên hợp quốc")?"""
    ent = ctx.entities.get(ref)
    if ent is None or ent.type != "PER" or not ent.title:
        return False
    words = f" {match_key(ent.title)} "
    return any(f" {k} " in words for k in international_org_keys())


def _own_mission(ctx: _Context, em: EventMention) -> bool:
    """Is a meeting only with the staff of the visitor's own embassy or consulate ("Thủ tướng đã
    tới thăm Đại sứ quán Việt Nam tại Hà Lan", "thăm cán bộ Đại sứ quán")? A state's own mission
    is no other side (a body of its people abroad, "Mạng lưới Đổi mới sáng tạo Việt Nam", is)."""
    if em.kind != "MEET":
        return False
    persons = [r for r in em.participants if ctx.is_person(r)]
    others = [r for r in em.participants if r not in persons]
    if not persons or not others:
        return False
    own = {ctx.country(r) for r in persons}
    for r in others:
        ent = ctx.entities.get(r)
        bare = ent is not None and _MISSION.fullmatch(ent.name.strip()) is not None  # "cán bộ Đại sứ quán"
        if ent is None or ent.type != "ORG" or not _MISSION.match(ent.name) or \
                not (ent.country in own or (bare and ent.country is None)):
            return False
    return True


def _sentence_at(ctx: _Context, offset: int) -> SentenceView | None:
    spans = ctx.article.sentences
    k = bisect.bisect_right([s.start for s in spans], offset) - 1
    if k < 0 or not spans[k].start <= offset < spans[k].end:
        return None
    return ctx.roles.sentence(k)


def _announcement_day(ctx: _Context, m: EventMention) -> bool:
    """Is the event's single-day date the day its announcement was made ("Theo thông cáo ngày 6-11
    ..., X sẽ thăm ... từ ngày 9 đến 12-11"; "Ngày 25-5, tại buổi họp báo, người phát ngôn ... thông
    báo về chuyến thăm")? Only an announced event (planned, or a noun after the announcing word)
    is read so: an announcement word in the date's sentence, before the event's word when the two
    share the sentence."""
    d = m.date
    if d is None or not d.value or "/" in d.value or d.precision != "day":
        return False
    sent = _sentence_at(ctx, d.start)
    if sent is None or "ANNOUNCE" not in sent.kinds:
        return False
    same = sent.span.start <= m.cue.start < sent.span.end
    if same and d.start > m.cue.start:
        return False  # "Theo thông cáo, cuộc gặp ... vào chiều ngày 12/12": the event's own day
    announced = [c for c in sent.cues if c.has("ANNOUNCE") and (not same or c.end <= m.cue.start)
                 and (c.start - ANNOUNCE_DATE_CHARS <= d.start <= c.end + ANNOUNCE_DATE_CHARS)]
    if not announced:
        return False
    nominal = m.cue.text.lower().startswith(_NOMINAL_CUES)
    # "Ngày 6-11, Bộ Ngoại giao thông báo X sẽ thăm Chile ... và hội đàm với Y": what the
    # announcement says will happen
    foretold = same and any(c.has("PLANNED") and announced[0].end <= c.start and c.end <= m.cue.start
                            for c in sent.cues)
    return m.status == "planned" or (same and nominal) or foretold


def _day_outside(day: str, interval: str) -> bool:
    """Is a single day (``YYYY-MM-DD`` or year-less ``--MM-DD``) written like the interval's ends
    outside it? Days written otherwise are not compared."""
    lo, _, hi = interval.partition("/")
    if not (len(day) == len(lo) == len(hi) and day[:4] == lo[:4] == hi[:4]):
        return False
    return day < lo or day > hi


def _trip_days(ctx: _Context, merged: list[EventMention]) -> None:
    """A meeting or signing not dated in its own sentences, held with the country its visitor was
    visiting, took place during the trip: a single day borrowed from elsewhere that falls outside
    the trip, named by a report of the trip itself ("Sáng 12/7, Thủ tướng ... đã về đến Hà Nội,
    kết thúc chuyến thăm ... từ ngày 5-11/7. ... Thủ tướng đã hội kiến Chủ tịch Thượng viện ..."),
    gives way to the trip's days."""
    trips = [v for v in merged if v.kind == "VISIT" and v.status == "occurred" and v.visitor
             and v.date is not None and "/" in (v.date.value or "")]
    if not trips:
        return
    for m in merged:
        if m.kind == "VISIT" or m.date is None or not m.date.value or "/" in m.date.value \
                or any(s <= m.date.start < e for s, e in m.spans):
            continue
        for v in trips:
            others = {ctx.country(r) for r in m.participants if r != v.visitor}
            # (only the day a report of the trip itself names: another day may be another occasion's)
            if v.visitor in m.participants and v.participants[1] in others \
                    and any(s <= m.date.start < e for s, e in v.spans) \
                    and (_day_outside(m.date.value, v.date.value or "") or _trip_ends_on(ctx, m.date, v.date.value or "")):
                m.date = v.date
                break


def _trip_ends_on(ctx: _Context, day: DateSpan, interval: str) -> bool:
    """Is ``day`` the trip's last day, named by the sentence telling of the return home ("Tối 8/6, Thủ
    tướng ... đã về đến Hà Nội, kết thúc tốt đẹp chuyến thăm ... (từ 4-8/6)")? That day is the return's."""
    if (day.value or "") != interval.partition("/")[2]:
        return False
    sent = _sentence_at(ctx, day.start)
    return sent is not None and _TRIP_END.search(ctx.roles.text, sent.span.start, sent.span.end) is not None


def _announced_dates(ctx: _Context, merged: list[EventMention]) -> None:
    """An announced event keeps the announced trip's days, not the day of the announcement: a
    meeting or visit dated so takes the interval of its visitor's trip when the article gives
    one, else no date. A planned visit with a single day from another sentence that tells of no
    trip (the day of some other occasion the article reports) has no date either."""
    trips = [v for v in merged if v.kind == "VISIT" and v.date is not None and "/" in (v.date.value or "")]
    for m in merged:
        if m.date is None:
            continue
        if _announcement_day(ctx, m):
            trip = next((v for v in trips if v is not m and v.visitor and
                         (v.visitor in m.participants or v.visitor == m.visitor)), None)
            m.date = trip.date if trip is not None else None
            m.status = "planned"
        elif m.kind == "VISIT" and m.status == "planned" and "/" not in (m.date.value or "") \
                and m.date.precision == "day" and not any(s <= m.date.start < e for s, e in m.spans):
            # (a day whose sentence tells of a trip, "ngày 13-5, chuyên cơ ... bắt đầu chuyến
            # thăm", may well be this trip's)
            sent = _sentence_at(ctx, m.date.start)
            if sent is None or "VISIT" not in sent.kinds:
                m.date = None


def _may_find_parties(article: Article) -> bool:
    """Can an event word find its parties? The article's first meeting or visit takes them from
    actor tokens of its sentence (a later one may take its visitor from an earlier one), and so
    does a signing, unless it is a past one after a document's name (whose sides are the
    article's principals): so some event word must stand in a sentence that may hold an actor
    token (ActorReach: told from the mentions, before the tokens are built) or, for a signing,
    one with a document word."""
    by_kind = article_cues_by_kind(article)
    reach = ActorReach(article, by_kind.get("SIDES", ()))
    with_doc = {reach.sentence_of(c.start) for c in by_kind.get("DOC", ())}
    for c in (c for k in EVENT_KINDS for c in by_kind.get(k, ())):
        i = reach.sentence_of(c.start)
        if reach.actor_in(i) or ("SIGN" in c.kind_set and i >= 0 and i in with_doc):
            return True
    return False


def find_events(article: Article) -> Article:
    if not _may_make_events(article) or (not Roles.built(article) and not _may_find_parties(article)):
        article.events = []  # most news has no meeting, visit or signing word at all: done
        article.meta[EVENT_SPANS_KEY] = []
        return article
    ctx = _Context(article)
    mentions: list[EventMention] = []
    last_meet_date: DateSpan | None = None
    with_actor = ctx.roles.with_actor
    for sent in ctx.roles.sentences_with(EVENT_KINDS):  # most sentences name no meeting, visit or signing
        if ctx.met_now:
            ctx.met |= ctx.met_now
            ctx.met_now = set()
        if sent.index not in with_actor and not ctx.last_subject and "SIGN" not in sent.kinds:
            continue  # no token to take parties from, no visitor named before, no past signing: nothing
        if ctx.roles.text[sent.span.start:sent.span.start + CONDITIONAL_CHARS].lstrip().lower().startswith(_CONDITIONAL):
            continue  # "Nếu được ký kết, hiệp định ...": a hypothesis, not an event
        for cue in sent.cues:
            for kind, mode in cue.kinds(EVENT_KINDS):
                if kind == "MEET":
                    ems = _meet(ctx, sent, cue, mode)
                elif kind == "VISIT":
                    found = _visit(ctx, sent, cue)
                    ems = found if isinstance(found, list) else [found] if found else []
                else:
                    ems = [em] if (em := _sign(ctx, sent, cue, mode)) else []
                ems = [em for em in ems if not _sports_match(ctx, sent, em) and not _one_side(ctx, em)
                       and not _own_mission(ctx, em)]
                if not ems:
                    continue
                if kind == "VISIT" and len(ems) == 1 and ems[0].kind == "VISIT" and ems[0].date is None:
                    ems = _per_year(article, sent, cue, ems[0])
                for em in ems:
                    _finish(ctx, article, sent, cue, em)
                    if em.kind == "VISIT":
                        ctx.trips.append(em)
                    if em.kind == "SIGN" and not _dated(em) and last_meet_date is not None:
                        em.date = last_meet_date  # "Sau hội đàm, hai bên chứng kiến lễ ký": the talks' day
                    if em.kind == "MEET" and _dated(em) and em.date and "/" not in (em.date.value or ""):
                        last_meet_date = em.date
                    mentions.append(em)
                break
    ctx.main_visitor = next((v.visitor for v in ctx.trips if v.visitor and ctx.is_person(v.visitor)), None)
    merged = _merge(ctx, mentions)
    _announced_dates(ctx, merged)
    _trip_days(ctx, merged)
    visits = [m for m in merged if m.kind == "VISIT"]
    published = _published_day(article)
    for m in merged:
        if m.status == "occurred" and published and m.date is not None and (m.date.value or "")[:10] > published \
                and len(m.date.value or "") >= 10 and not _TENSE_WORDS.search(ctx.roles.text, m.start, m.end):
            m.status = "planned"  # it begins after the article was published (and is not told as held): announced
    events: list[Event] = []
    spans: list[tuple[int, int, str]] = []
    for i, m in enumerate(merged, 1):
        host = m.host if m.kind == "VISIT" else _host_from_context(ctx, m, visits)
        mode = m.mode
        loc_country = (m.location or {}).get("country")
        if m.kind == "MEET" and mode == "meet" and loc_country:
            # (an international body's official stands for no country: "gặp Tổng Thư ký LHQ X" in New York)
            countries = {None if _international_official(ctx, r) else ctx.country(r) for r in m.participants}
            if None not in countries and loc_country not in countries:
                mode = "third-party"
        d = m.date
        ev = Event(id=f"{article.id}:ev{i}", kind=m.kind, evidence=article.evidence(m.start, m.end),
                   mode=mode, participants=m.participants, host=host,
                   date=d.value if d else None, date_precision=d.precision if d else None,
                   part_of_day=d.part_of_day if d else None, location=m.location, status=m.status)
        annotate_event(ev)
        events.append(ev)
        spans.extend((s, e, ev.id) for s, e in m.spans)
    article.events = events
    article.meta[EVENT_SPANS_KEY] = sorted(spans)
    return article


__all__ = ["find_events", "principals", "shared_principals", "is_sport_article", "EVENT_SPANS_KEY"]
