"""Stage `find_statements`: what each side proposed, agreed, pledged, supported, criticised,
rejected or gave (SPEC §3), with source, target, topics and the occasion it was said at.

Per sentence, every statement trigger of ``triggers.tsv`` is checked where it stands:

- the first trigger of a sentence always counts; a later one only when it opens a clause of
  its own (after a comma, a speech verb or a subject: ``A đề nghị ..., khẳng định sẽ ...``) —
  a trigger word inside the content of another (``mong muốn ... ủng hộ các thỏa thuận``) does not;
- ``strict`` triggers (``sẽ``, ``muốn``) need an actor or a speech verb right before them,
  ``after_report`` ones (``có ý nghĩa quan trọng``) count only as the content of a speech verb,
  ``by`` ones name their source after them (``đề xuất của X``), ``object_target`` ones name
  their target before them (``hai bên cần ...``).

The source is the subject in front of the trigger (:meth:`Roles.subject_before`): a person, a
title alone resolved to its holder by the actors stage, a country; ``hai bên``/``hai nước`` and
``hai nhà lãnh đạo`` are the two sides of the occasion (its persons); a sentence without a
subject carries the previous speaker on. The target is the actor right after the trigger
(``đề nghị Hàn Quốc``), else the other side of the occasion. One statement per
(sentence, source, kind). A sentence with no trigger that continues the previous one
(``Đồng thời, ...``, ``Một là, ...``, a bullet, or after a sentence ending in ``:``/``;``)
carries its statement on with ``implicit=True``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..knowledge import load_table, split_list
from ..model import TOPICS, Article, DateSpan, Statement
from .cues import (
    EVENT_KINDS,
    LEADERS,
    PRONOUN,
    SIDES,
    STATEMENT_KINDS,
    ActorReach,
    ActorToken,
    Cue,
    Roles,
    SentenceView,
    article_cues_by_kind,
    article_padded,
    last_word,
    text_end,
)
from .events import EVENT_SPANS_KEY, is_sport_article, shared_principals
from .standards import annotate_statement
from .topics import topic_cues, topics_in_spans

# Words that may stand between a subject / clause start and its verb without changing who speaks.
_FILLERS = {"cũng", "luôn", "đã", "đều", "vẫn", "còn", "rất", "hết", "sức", "nhiệt", "liệt", "chân", "thành",
            "trân", "trọng", "một", "lần", "nữa", "hoàn", "toàn", "đồng", "thời", "và", "bày", "tỏ", "tiếp",
            "tục", "sẽ", "đặc", "biệt", "cao", "nhấn", "mạnh", "khẳng", "định", "lại", "cùng", "nhau",
            "thực", "sự", "vô", "thêm", "rằng", "là", "ngài", "ông", "bà", "phía"}
# A trigger right after one of these is a noun ("với mong muốn", "sự ủng hộ của"), not a verb.
_NOMINALISERS = {"với", "của", "theo", "những", "các", "sự", "niềm", "là", "lời", "mọi", "trong", "xin", "nhiều", "về",
                 "người"}
# ... of these, the ones that only ever make a noun: a speech verb some words before does not make
# the trigger its verb ("cho biết thời gian qua, với sự ủng hộ của X, ..."); "là", "với" may
# (a speech verb's content: "khẳng định chính sách của Việt Nam là coi trọng ...").
# "Về đề nghị mở đại sứ quán, ...", "đám đông người ủng hộ"
_NOUN_MARKERS = {"sự", "niềm", "lời", "những", "các", "mọi", "nhiều", "về", "người"}
# A cue right after a negation is not that act ("không phủ nhận", "chưa đồng ý").
_NEGATIONS = {"không", "chưa", "chẳng"}
# "Ông Minh đánh giá, ...", "..., ông Minh đánh giá.": a bare "đánh giá" before punctuation says
# "assessed" (a speech verb), it praises nothing.
_BARE_ASSESS = "đánh giá"
# A trigger right after one of these is passive ("Anh được đánh giá cao", "bị đánh giá thấp",
# "được mời dự"): its subject is the one praised or invited, and who acts is not said.
_PASSIVES = {"được", "bị"}
# "lời thăm hỏi của X tới Y": the message's owner and its addressee; the owner's name follows "của"
# within a title's length (calibrated on the 388 diplomatic articles: titles run up to ~40 characters).
_OWNER = re.compile(r"\s*(?:\w+\s+){0,3}?của\b", re.IGNORECASE)
_ADDRESSEE = re.compile(r"\b(?:tới|đến|gửi)\b", re.IGNORECASE)
OWNER_CHARS = 60
_QUOTES = " \"'“”‘’"
_CLAUSE_CHARS = set(",;:(\"“”–—-")
_SPEECH_WORDS = {"rằng"}
# "việc" turns the clause after it into a noun: a trigger inside it belongs to that noun.
_EMBEDDED = re.compile(r"\bviệc\b", re.IGNORECASE)
# ... and so is what someone praised or thanked has done ("cảm ơn Nga đã mời", "hoan nghênh X đã ...").
_DONE = re.compile(r"\bđã\b", re.IGNORECASE)
# Conveying someone's message: "(trân trọng) chuyển lời (của X) mời ...", "gửi lời mời".
_CONVEYED = re.compile(r"\s*(?:chuyển|gửi)\s+lời\b", re.IGNORECASE)
# An item number opening a sentence ("7. ", "II. ", "a) ") of a joint statement's numbered points.
_ENUMERATOR = re.compile(r"\s*(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]\s+")
# ... and so does a purpose clause: "coi đây là dịp để hai bên ... thống nhất phương hướng".
_PURPOSE = re.compile(r"\b(?:để|nhằm)\b", re.IGNORECASE)
# What may join two statement verbs of one subject.
_COORDINATED = {"và", "cũng như", "đồng thời", "và đồng thời"}
# Modes of weak triggers: in a sentence that continues a list they belong to the list's statement.
_WEAK_MODES = {"strict", "object_target"}
# "hai bên thống nhất cho rằng: ..." opens a list of what was agreed: the next few sentences
# whose only trigger is a weak one ("hai bên cần ...") are items of the agreement, not requests.
# Calibrated on the dev articles (the items run two or three sentences after the colon).
AGREED_LIST_SENTENCES = 3
AGREED_COLON_CHARS = 25
# How far after "Hai bên" its verb of saying stands ("Hai bên cũng đã thông báo"); calibrated on the dev articles.
SIDES_VERB_CHARS = 30
# "đề xuất của X về việc ...": the proposal is told (what X proposed follows its proposer).
_PROPOSAL_CONTENT = re.compile(r"\s*(?:về|là|nhằm|rằng|:)(?=\s)", re.IGNORECASE)
# What opens an item of cooperation continuing a joint statement ("Trao đổi và tiếp xúc cấp cao
# được duy trì ...", "Hợp tác kinh tế thương mại đạt ...", "Trong hợp tác quốc phòng là ...").
_COOPERATION_ITEM = re.compile(r"\s*(?:trong\s+)?(?:hợp tác|trao đổi|tiếp xúc|giao lưu|trọng tâm|ưu tiên)\b",
                               re.IGNORECASE)
# A sentence continuing the previous statement may open with a bullet.
_BULLET = re.compile(r"^\s*[-–+•●▪]\s*")
# After these kinds a comma-separated verb is usually part of what is asked or agreed.
_LISTING_KINDS = {"PROPOSE", "AGREE", "PLEDGE"}
# A subject-less sentence takes the speaker of a statement at most this many sentences back
# (calibrated on the seeds/dev: the speaker is restated at least every two sentences).
CARRY_SENTENCES = 2
# An organisation is a target only within this many words after the verb (further on it is
# usually a possessor or a venue: "kênh Đảng, Nhà nước ...", "Hội nghị cấp cao APEC").
ORG_TARGET_WORDS = 3
# "sẽ" followed within this many characters by an event word announces an event
# ("sẽ có các cuộc hội đàm"), not a pledge.
PLANNED_EVENT_GAP = 20
# "chuyến thăm ... sẽ": an occasion as the subject of "sẽ", written at most this far before it.
_EVENT_SUBJECT = re.compile(r"(?:chuyến thăm|chuyến công tác|cuộc gặp|cuộc hội đàm|cuộc hội kiến|kết quả|sự kiện)"
                            r"[^,;:.]*$", re.IGNORECASE)
EVENT_SUBJECT_CHARS = 80
# ... searched for only in sentences with a meeting or visit word ("kết quả"/"sự kiện" alone are
# rare subjects: not worth a search in every sentence with a "sẽ")
_EVENT_SUBJECT_GATE = frozenset(("MEET", "VISIT"))
_OCCASION_PREPOSITIONS = {"trong", "nhân", "tại", "sau", "trước", "qua", "với", "về", "cho", "vào"}
# A fronted clause's subject must come right after its comma ("..., ông Ricardo Valente cho rằng").
FRONTED_SUBJECT_GAP = 24
# How many commas of a fronted clause are passed looking for the main clause's subject (the
# fronted clause may list a few names: calibrated on the 388 diplomatic articles).
FRONTED_COMMAS = 6
# An article with this many words of criminal procedure (statement_contexts.tsv, TRIAL) reports a
# trial: calibrated on the 3,407 snapshot articles (the 388 diplomatic ones have none; court reports
# 3 to dozens; 35 others 1-2, a passing "bị bắt tạm giam").
TRIAL_ARTICLE_CUES = 3
# One condemns or rejects an act or a claim, not the partner of the occasion: with no target
# named these kinds take no counterpart by default ("Chủ tịch Hạ viện lên án vụ nổ súng").
_OBJECT_KINDS = {"CRITICIZE", "REJECT"}
# A statement naming no field of cooperation is about the relationship itself (thanks,
# congratulations, welcome): calibrated on the gold, where such statements are "diplomacy".
DEFAULT_TOPICS = ("diplomacy",)
# The first actor after a trigger is its target when at most this many words stand between
# ("đề nghị Hàn Quốc", "mong muốn thời gian tới hai nước ..."), or when a dative marks it.
TARGET_GAP_WORDS = 5
SIDES_TARGET_GAP_WORDS = 10  # "mong muốn công ty du lịch, lữ hành hai bên ...": the sides are asked
_DATIVES = {"với", "cho", "tới", "đến", "của"}
DATIVE_REACH = 5  # "hợp tác với Chính quyền mới Hàn Quốc": the dative may stand a few words before
# Words that do not distance a target from its verb ("mong muốn, thời gian tới, các thành viên Nhóm ...").
_GAP_FILLERS = {"thời", "gian", "tới", "sắp", "các", "những", "thành", "viên", "phía", "cơ", "quan", "nhà",
                "cũng", "tiếp", "tục", "luôn", "đã", "sẽ"}
_WORDS = re.compile(r"\w+")
# A sentence whose trigger (or speech verb) comes within this many words of its start has
# omitted its subject ("Trân trọng cảm ơn ...", "Đồng thời cho biết ...").
SUBJECTLESS_WORDS = 3
_LEADER_WORDS = {"lãnh", "đạo", "thành", "phố"}
_HONORIFICS = {"ông", "bà", "ngài", "đồng"}
# A weak trigger ("sẽ") counts this close after a speech verb ("cho biết Quảng Tây sẽ ...").
REPORTED_SUBJECT_CHARS = 25
# How far after a trigger its object (target) may be written ("coi trọng quan hệ ... với Việt Nam").
TARGET_WINDOW = 90


@dataclass(slots=True)
class _Found:
    kind: str
    cue: Cue
    source: list[str]
    target: list[str]
    seg_start: int
    seg_end: int = 0
    source_is_sides: bool = False
    mode: str = ""
    topics: list[str] = field(default_factory=list)


class _State:
    def __init__(self, article: Article, roles: Roles) -> None:
        self.article = article
        self.roles = roles
        self.principals = shared_principals(roles)
        spans = article.meta.get(EVENT_SPANS_KEY) or []
        self.events = {e.id: e for e in article.events}
        self.event_spans = [s for s in spans if s[2] in self.events]
        self.event_starts = [s[0] for s in self.event_spans]
        self.first_named: dict[str, int] = {}  # where each event is first named
        for start, _, ev_id in self.event_spans:
            self.first_named.setdefault(ev_id, start)
        self.speaker: list[str] = []
        self.speaker_at = -10
        self.current = 0
        self.last_person: str | None = None
        self.prev: list[Statement] = []
        self.prev_sentence_text = ""
        self.agreed: tuple[Statement, int] | None = None  # an open "nhất trí:" list and its sentence
        self.pair: tuple[list[str], int] | None = None  # two persons last named together as a subject
        self.occasion_start = -1  # where the last occasion looked up was named
        self._topic_cues: list[tuple[int, int, str]] | None = None
        self._ref_year: int | None = None  # the article's year (0: unknown), on first need
        self._dates_in: dict[int, list[DateSpan]] | None = None
        self._sports: bool | None = None
        self._trial: bool | None = None

    @property
    def sports(self) -> bool:
        """Is the article about sport (as the events stage counts it)? Counted on first need."""
        if self._sports is None:
            self._sports = is_sport_article(self.article)
        return self._sports

    @property
    def trial(self) -> bool:
        """Does the article report a trial or a prosecution? Counted on first need."""
        if self._trial is None:
            low = self.article.text_clean.lower()  # (str.count per word: a tenth of one regex scan's cost)
            self._trial = sum(low.count(w) for w in _trial_words()) >= TRIAL_ARTICLE_CUES
        return self._trial

    def step_of_a_case(self, source: list[str], target: list[str]) -> bool:
        """"Viện KSND đề nghị tuyên phạt bị cáo ...", "Bị cáo mong được khoan hồng": in a trial report,
        a statement between parties of one country (or none) is a step of the case. One country
        asking another ("Brasilia yêu cầu Buenos Aires cung cấp ...") still counts."""
        countries = {self.country(r) for r in source + target} - {None}
        return len(countries) < 2 and self.trial  # (the article is scanned only when this could matter)

    def team_sources(self, sent: SentenceView, source: list[str]) -> bool:
        """"U23 Uzbekistan sẽ đối đầu ...", "Anh được đánh giá cao hơn", "Real Madrid muốn ...": in
        a sentence or an article about sport, countries and organisations with no person among
        them are teams and clubs, not states speaking."""
        if any(self.is_person(r) for r in source):
            return False
        return "SPORT" in sent.kinds or self.sports

    # -- helpers ----------------------------------------------------------------------------
    def past_day_before(self, sent: SentenceView) -> int | None:
        """Where a sentence names a day or month years back ("ngày 18/7/1977"), when it names no
        recent date: what it tells happened then. A year alone ("năm 1992") is background to a
        statement of today and does not count."""
        dates = self.dates_in(sent.index)
        if not dates:
            return None
        ref = self.ref_year()
        if ref is None:
            return None
        from .dates import HISTORICAL_YEARS  # what dates.py calls history (ref_year found it importable)
        past = None
        for d in dates:
            if not d.value or d.value.startswith("--"):
                continue
            year = int(d.value[:4]) if d.value[:4].isdigit() else None
            if year is None:
                continue
            if year >= ref - HISTORICAL_YEARS:
                return None
            if d.precision in ("day", "month") and past is None:
                past = d.start
        return past

    def dates_in(self, index: int) -> list[DateSpan]:
        """The dates starting in sentence ``index``, in the article's order (grouped on first need)."""
        if self._dates_in is None:
            spans = self.roles.spans
            starts = [s.start for s in spans]
            self._dates_in = {}
            for d in self.article.dates:
                i = bisect.bisect_right(starts, d.start) - 1
                if i >= 0 and d.start < spans[i].end:
                    self._dates_in.setdefault(i, []).append(d)
        return self._dates_in.get(index, [])

    def ref_year(self) -> int | None:
        if self._ref_year is None:
            try:
                from .dates import infer_year, parse_published
            except ImportError:
                return None
            pub = parse_published(self.article.published)
            self._ref_year = pub.year if pub else (infer_year(self.article) or 0)
        return self._ref_year or None

    def topic_index(self) -> tuple[list[tuple[int, int, str]], list[int]]:
        """Topic cues of the whole article (one pass, made on first need) and their starts."""
        if self._topic_cues is None:
            self._topic_cues = topic_cues(self.article.text_clean, article_padded(self.article))
            self._topic_starts = [c[0] for c in self._topic_cues]
        return self._topic_cues, self._topic_starts
    def country(self, ref: str) -> str | None:
        if len(ref) == 3 and ref.isupper():
            return ref
        ent = self.roles.entities.get(ref)
        return ent.country if ent else None

    def is_person(self, ref: str) -> bool:
        ent = self.roles.entities.get(ref)
        return ent is not None and ent.type == "PER"

    def occasion(self, offset: int) -> str | None:
        self.occasion_start = -1
        i = bisect.bisect_right(self.event_starts, offset)
        before = self.event_spans[:i]
        for kind in ("MEET", "VISIT", "SIGN"):
            for s in reversed(before):
                if self.events[s[2]].kind == kind:
                    # a sentence naming several meetings ("hội đàm với A, hội kiến B, C") goes on
                    # about the one the article named before it (the main talks): the others are
                    # listed after it
                    self.occasion_start = s[0]
                    lo = bisect.bisect_left(self.event_starts, s[0], 0, i)
                    if i - lo == 1:
                        return s[2]  # the sentence names one event: the usual case
                    named_before = [t[2] for t in before[lo:] if self.events[t[2]].kind == kind
                                    and self.first_named[t[2]] < s[0]]
                    return named_before[0] if named_before else s[2]
        for kind in ("MEET", "VISIT"):
            for e in self.article.events:
                if e.kind == kind:
                    return e.id
        return None

    def sides(self, occasion: str | None) -> list[str]:
        if self.pair and self.pair[1] > self.occasion_start:
            # "Chủ tịch nước X và Tổng thống Y đã đánh giá ... Hai bên nhất trí ...": the two last
            # named together, after the occasion's last mention, are the two sides
            return list(self.pair[0])
        return _two_sides(self, self._sides(occasion))

    def note_pair(self, refs: list[str], at: int) -> None:
        """Remember a subject of two persons of two countries ("X và Y nhất trí")."""
        if len(refs) != 2:
            return
        persons = [r for r in refs if self.is_person(r)]
        if len(persons) == 2 and self.country(persons[0]) and \
                self.country(persons[1]) and self.country(persons[0]) != self.country(persons[1]):
            self.pair = (persons, at)

    def _sides(self, occasion: str | None) -> list[str]:
        ev = self.events.get(occasion) if occasion else None
        if ev is not None:
            persons = [r for r in ev.participants if self.is_person(r)]
            if len(persons) >= 2:
                return persons
            if ev.kind == "VISIT" and len(ev.participants) == 2:
                visitor, host = ev.participants
                host_person = next((p for p in self.principals if self.country(p) == host), None)
                return [visitor, host_person or host]
            if len(ev.participants) >= 2:
                return list(ev.participants)
        return list(self.principals)

    def side_countries(self, refs: list[str]) -> list[str]:
        out: list[str] = []
        for r in refs:
            c = self.country(r)
            if c and c not in out:
                out.append(c)
        return out if len(out) >= 2 else refs

    def resolve(self, tokens: list[ActorToken], occasion: str | None, *, as_target: bool = False,
                as_source: bool = False) -> list[str]:
        refs: list[str] = []
        for t in tokens:
            if t.kind in (SIDES, LEADERS):
                sides = self.sides(occasion)
                refs.extend(self.side_countries(sides) if as_target and t.kind == SIDES else sides)
            elif t.kind == PRONOUN:
                if self.last_person:
                    refs.append(self.last_person)
            elif as_source and t.kind == "ORG":
                # "Duma Quốc gia Nga sẽ ...", "Các doanh nghiệp Porto mong muốn ...": an institution
                # speaks for its country
                for r in t.refs:
                    ent = self.roles.entities.get(r)
                    refs.append(ent.country if ent is not None and ent.country else r)
            else:
                refs.extend(t.refs)
        out: list[str] = []
        for r in refs:
            if r not in out:
                out.append(r)
        return out

    def remember(self, refs: list[str]) -> None:
        if refs:
            self.speaker = refs
            self.speaker_at = self.current
            persons = [r for r in refs if self.is_person(r)]
            if persons:
                self.last_person = persons[-1] if len(persons) == 1 else self.last_person


def _two_sides(state: _State, refs: list[str]) -> list[str]:
    """At most one party per country, two countries: "hai bên" are two sides."""
    out: list[str] = []
    seen: set[str | None] = set()
    for r in refs:
        c = state.country(r)
        if c in seen and c is not None:
            continue
        seen.add(c)
        out.append(r)
    return out[:2] if len(out) > 2 else out


def _word_before(text: str, start: int, lo: int) -> str:
    lw = last_word(text, lo, start)
    return lw[0] if lw else ""


def _token_ends(sent: SentenceView) -> set[int]:
    memo = sent.remembered()
    ends = memo.get("token_ends")
    if ends is None:
        ends = memo["token_ends"] = {t.end for t in sent.tokens}
    return ends


def _report_ends(sent: SentenceView) -> list[int]:
    """Ends of the sentence's speech verbs, in text order."""
    if "REPORT" not in sent.kinds:
        return []
    memo = sent.remembered()
    ends = memo.get("report_ends")
    if ends is None:
        ends = memo["report_ends"] = [c.end for c in sent.cues if c.has("REPORT")]
    return ends


def _opens_clause(roles: Roles, sent: SentenceView, cue: Cue) -> bool:
    """Is ``cue`` at the start of a clause (after fillers): sentence start, punctuation, an
    actor (its subject) or a speech verb?"""
    text = roles.text
    pos = cue.start
    lo = sent.span.start
    token_ends = _token_ends(sent)
    report_ends = _report_ends(sent)
    return _reached_over_fillers(
        text, lo, pos, 12,
        lambda end: end <= lo or text[end - 1] in _CLAUSE_CHARS or end in token_ends or end in report_ends)


def _reached_over_fillers(text: str, lo: int, pos: int, steps: int, reached: Callable[[int], bool]) -> bool:
    """Walk left from ``pos`` over filler words (at most ``steps``) until ``reached(end)``
    says the text before is what we look for; False at the first word that is no filler."""
    for _ in range(steps):
        end = text_end(text, lo, pos)
        if reached(end):
            return True
        lw = last_word(text, lo, end)
        if lw is None or lw[0] not in _FILLERS:
            return False
        pos = lw[1]
    return False


def _speaker_end(roles: Roles, sent: SentenceView, end: int) -> bool:
    """Does an actor that may speak end at ``end``: a clause subject, or the reported speaker
    after "rằng" or a speech verb? (Worked out per token on first need, then kept.)"""
    memo = sent.remembered()
    verdicts = memo.get("speaker_ends")
    if verdicts is None:
        verdicts = memo["speaker_ends"] = {}
    verdict = verdicts.get(end)
    if verdict is None:
        text, lo = roles.text, sent.span.start
        reports = _report_ends(sent)
        verdict = verdicts[end] = any(
            t.end == end and (roles.position(sent, t) != "governed" or _word_before(text, t.start, lo) in _SPEECH_WORDS
                              or text_end(text, lo, t.start) in reports)
            for t in sent.tokens)
    return verdict


def _after_actor_or_speech(roles: Roles, sent: SentenceView, cue: Cue, *, opener_ok: bool = False) -> bool:
    """Does ``cue`` follow (over fillers) a speech verb, or an actor that is a clause subject
    or reported speaker ("khẳng định Việt Nam sẽ")? With ``opener_ok`` also "đồng thời"."""
    text = roles.text
    pos = cue.start
    lo = sent.span.start
    reports = _report_ends(sent)
    recent_report = max((e for e in reports if e <= pos), default=-1)
    if recent_report >= 0 and pos - recent_report <= REPORTED_SUBJECT_CHARS and \
            not any(ch in text[recent_report:pos] for ch in ",;:"):
        return True  # "cho biết Quảng Tây sẽ ...": the reported clause's own subject
    report_ends = set(reports)
    if opener_ok and "CONT" in sent.kinds:
        report_ends.update(c.end for c in sent.cues if c.has("CONT"))
    # The walk below only tries ends at or before the cue: with no actor and no speech verb
    # (or opener) before it — the common case of a "sẽ" — it cannot succeed.
    if not (sent.tokens and sent.tokens[0].end <= pos) and not any(e <= pos for e in report_ends):
        return False
    return _reached_over_fillers(text, lo, pos, 6,
                                 lambda end: end in report_ends or _speaker_end(roles, sent, end))


def _select(roles: Roles, sent: SentenceView) -> list[tuple[Cue, str, str]]:
    """The statement triggers of a sentence that count, with their kind and mode."""
    text = roles.text
    out: list[tuple[Cue, str, str]] = []
    last_was_report = False
    report_end = -1  # where the last speech verb ends
    reported = False  # a speech verb earlier in the sentence: ", sẽ ..." continues what was said
    for cue in sent.cues:
        senses = cue.kinds(STATEMENT_KINDS)
        if not senses:
            if cue.has("REPORT"):
                last_was_report = True
                reported = True
                report_end = cue.end
            continue
        kind, mode = senses[0]
        ok = True
        if _in_a_name(text, sent.span.start, cue):
            continue  # "Hiệp định Khuyến khích và Bảo hộ đầu tư", "giải Khuyến khích": a name, no act
        if out and _EMBEDDED.search(text, out[-1][0].end, cue.start) and \
                not any(ch in text[out[-1][0].end:cue.start] for ch in ";,"):
            continue  # "đánh giá cao việc hai Bộ đã thống nhất ...": a clause inside what is praised
        if out and out[-1][1] == "SUPPORT" and (done := _DONE.search(text, out[-1][0].end, cue.start)) and \
                not any(ch in text[out[-1][0].end:cue.start] for ch in ";,") and \
                " và " not in text[done.end():cue.start]:
            # "cảm ơn X đã mời", "hoan nghênh X đã cam kết": X's act that is praised, not the speaker's
            # (but "cảm ơn X đã hỗ trợ và mong X ...": the speaker's next verb)
            continue
        if out and _in_purpose(roles, sent, out[-1][0].end, cue):
            continue  # "hoan nghênh chuyến thăm, coi đây là dịp để hai bên ... thống nhất": what the act is for
        if out and text[out[-1][0].end:cue.start].strip(" ,") in _COORDINATED:
            # "bày tỏ cảm ơn và vui vẻ nhận lời mời": two verbs of one subject
            out.append((cue, kind, mode))
            last_was_report = False
            continue
        if mode == "strict" and out and out[-1][1] == "PROPOSE" and not last_was_report and \
                ";" not in text[out[-1][0].end:cue.start]:
            ok = False  # "mong muốn hai nước sẽ ...": the wish's content, not a pledge
        elif mode == "strict":
            ok = _after_actor_or_speech(roles, sent, cue) or (
                reported and text_end(text, sent.span.start, cue.start) > sent.span.start
                and text[text_end(text, sent.span.start, cue.start) - 1] == ",")
            if ok and cue.has("PLANNED") and any(
                    c.start >= cue.end and c.start - cue.end <= PLANNED_EVENT_GAP and c.kinds(EVENT_KINDS)
                    for c in sent.cues):
                ok = False  # "sẽ thăm", "sẽ có các cuộc hội đàm": a planned event, not a pledge
            elif ok and _EVENT_SUBJECT_GATE.intersection(sent.kinds) and _event_subject(text, sent.span.start, cue.start):
                ok = False  # "nhấn mạnh chuyến thăm sẽ tạo định hướng ...": a forecast about the visit
        elif mode == "after_report":
            ok = last_was_report
        elif mode == "material":
            # "tặng Lào 20 xe điện": a gift of goods or money; flowers, souvenirs and medals are courtesy
            ok = any(c.has("MATERIAL") and c.start >= cue.start for c in sent.cues)
        elif mode == "object_target":
            ok = _opens_clause(roles, sent, cue)
        elif mode != "by":
            lw = last_word(text, sent.span.start, cue.start)
            # the word right before, with nothing but a space or a quotation mark between ('được "cảm
            # ơn"'); "quân sự; nhất trí" opens a new clause
            before = lw[0] if lw and not text[lw[1] + len(lw[0]):cue.start].strip(_QUOTES) else ""
            if before in _NOMINALISERS and not (last_was_report and (
                    before not in _NOUN_MARKERS or not text[report_end:lw[1]].strip(" ,:"))):
                # a noun ("với sự ủng hộ của X"), unless a speech verb takes it as its object right
                # before ("bày tỏ sự ủng hộ", "khẳng định sự ủng hộ"): "cho biết thời gian qua, với
                # sự ủng hộ ... của lãnh đạo hai nước, ..." tells whose support it was, not the speaker's
                ok = False
            elif before in _PASSIVES or (before in _NEGATIONS and not any(
                    t.start <= lw[1] < t.end for t in sent.tokens)):  # (not "Cục Hàng không yêu cầu")
                ok = False  # passive: its subject is the one acted upon; negated: not this act
            elif cue.text.lower() == _BARE_ASSESS and text[cue.end:cue.end + 1] in (",", ":", ".", "”", "\"", ""):
                ok = False
            elif _manner_adverb(text, sent, cue):
                ok = False  # "trân trọng chuyển lời mời", "trân trọng cảm ơn": the manner of the next verb
            elif text[cue.end:cue.end + 5].lower() == " của " and not _conveys(cue):
                ok = False  # "nhu cầu và mong muốn của cả hai bên": a noun, not someone's act
            elif out and not _opens_clause(roles, sent, cue) and not _second_verb(text, out, cue, kind):
                ok = False
            elif any(k in _LISTING_KINDS for _, k, _ in out) and not last_was_report and \
                    ";" not in text[out[-1][0].end:cue.start] and \
                    not _after_actor_or_speech(roles, sent, cue, opener_ok=True):
                ok = False  # "đề nghị ... phối hợp, ủng hộ các thỏa thuận": content of the proposal
        if ok:
            out.append((cue, kind, mode))
            last_was_report = False
    return out


def _in_a_name(text: str, lo: int, cue: Cue) -> bool:
    """Is ``cue`` written with a capital inside running text (after a word or a comma, not after
    a colon, a quotation mark or a bullet)? Then it is a word of a name: a document's title or a
    prize, not a verb."""
    if not cue.text[:1].isupper():
        return False
    k = cue.start - 1
    while k >= lo and text[k] == " ":
        k -= 1
    return k >= lo and (text[k].isalnum() or text[k] == ",")


def _enumerated_subject(roles: Roles, sent: SentenceView, cue: Cue) -> list[ActorToken]:
    """The subject right after an item number ("7. Hai nhà lãnh đạo bày tỏ ...", "2. Thủ tướng Abe
    đánh giá cao ...", "II. Việt Nam và Nga ..."), with what "và" joins to it: numbered points of a
    joint statement name their speakers first."""
    text = roles.text
    m = _ENUMERATOR.match(text, sent.span.start, cue.start)
    if m is None:
        return []
    toks = [t for t in sent.tokens if m.end() <= t.start and t.end <= cue.start]
    if not toks or toks[0].start != m.end():
        return []
    group = [toks[0]]
    for t in toks[1:]:
        if text[group[-1].end:t.start].strip(" ,") in ("và", "cùng", ""):
            group.append(t)
        else:
            break
    return group


def _in_purpose(roles: Roles, sent: SentenceView, lo: int, cue: Cue) -> bool:
    """Does ``cue`` stand inside a purpose clause ("để"/"nhằm") opened after ``lo``, with no speech
    verb, semicolon or clause of its own between ("nhằm ..., Thủ tướng cho rằng ..." is a new one)?"""
    text = roles.text
    m = _PURPOSE.search(text, lo, cue.start)
    if m is None or ";" in text[m.end():cue.start] or _opens_clause(roles, sent, cue):
        return False
    return not any(c.has("REPORT") and m.end() <= c.start < cue.start for c in sent.cues)


def _second_verb(text: str, out: list[tuple[Cue, str, str]], cue: Cue, kind: str) -> bool:
    """"cảm ơn Nga đã hỗ trợ cộng đồng người Việt và mong phía Nga tiếp tục ...": after a statement of
    thanks or praise (whose content is no list of acts), "và"/"đồng thời" before a verb of another
    kind opens the same subject's second statement. (After a proposal or an agreement the verb
    belongs to its content; one of the same kind would make no new statement.)"""
    if any(k in _LISTING_KINDS or k == kind for _, k, _ in out):
        return False
    lw = last_word(text, out[-1][0].end, cue.start)
    return lw is not None and lw[0] in ("và", "thời") and not text[lw[1] + len(lw[0]):cue.start].strip()


def _conveys(cue: Cue) -> bool:
    """Is ``cue`` a verb conveying a message ("chuyển lời thăm hỏi", "gửi lời chúc mừng")? Its
    message may name its owner ("chuyển lời mời của X"), and the act is still the subject's."""
    words = cue.text.lower().split()
    return "lời" in words[1:]


@cache
def _trial_words() -> tuple[str, ...]:
    """The TRIAL words of ``statement_contexts.tsv``, lower case (none holds another)."""
    return tuple(dict.fromkeys(c.lower() for row in load_table("statement_contexts", required=("context", "cues"))
                               if row["context"] == "TRIAL" for c in split_list(row["cues"])))


def _manner_adverb(text: str, sent: SentenceView, cue: Cue) -> bool:
    """Is ``cue`` made only of filler words ("trân trọng") and right before another statement
    verb ("trân trọng chuyển lời mời"), or before a message conveyed ("trân trọng chuyển lời của
    Tổng Bí thư X mời ...")? Then it says how that verb is done."""
    if not all(w in _FILLERS for w in cue.text.lower().split()):
        return False
    return any(c.start > cue.start and c.kinds(STATEMENT_KINDS) and (
        not text[cue.end:c.start].strip() or (_CONVEYED.match(text, cue.end, c.start) is not None
                                               and not any(ch in text[cue.end:c.start] for ch in ",;")))
               for c in sent.cues)


def _recalled_span(text: str, sent: SentenceView) -> tuple[int, int] | None:
    """Where a sentence tells what was said or done before (its RECALL cue): after "hồi tưởng"/"khi
    đó" its rest, a saying recalled ("nhắc lại câu nói của X: “...”") up to its closing quotation mark."""
    if "RECALL" not in sent.kinds:
        return None
    hi = sent.span.end
    cue = next(c for c in sent.cues if c.has("RECALL"))
    if cue.mode("RECALL") == "saying":
        opening = min((i for i in (text.find(q, cue.end, hi) for q in "“\"'") if i >= 0), default=-1)
        if opening >= 0:
            closing = min((i for i in (text.find(q, opening + 1, hi) for q in "”\"'") if i >= 0), default=hi)
            return cue.end, closing
    return cue.end, hi


def _event_subject(text: str, lo: int, pos: int) -> bool:
    """Is the subject of the "sẽ" at ``pos`` an occasion ("chuyến thăm ... sẽ", "kết quả hội đàm sẽ")
    rather than someone who pledges? (Not when the occasion is only where it happens: "trong chuyến
    thăm này Việt Nam sẽ ...".)"""
    m = _EVENT_SUBJECT.search(text, max(lo, pos - EVENT_SUBJECT_CHARS), pos)
    if m is None:
        return False
    before = text[max(lo, m.start() - 8):m.start()].lower().split()
    return not (before and before[-1] in _OCCASION_PREPOSITIONS)


def _blank_tokens(roles: Roles, sent: SentenceView, lo: int, end: int) -> str:
    """``text[lo:end]`` with actor names blanked out."""
    text = roles.text
    pieces: list[str] = []
    at = lo  # tokens come in text order and do not overlap
    for t in sent.tokens:
        start, stop = max(t.start, at), min(t.end, end)
        if start < stop:
            pieces.append(text[at:start])
            pieces.append(" " * (stop - start))
            at = stop
    pieces.append(text[at:end])
    return "".join(pieces)


def _subjectless(roles: Roles, sent: SentenceView, cue: Cue) -> bool:
    """Does the sentence open with its verb ("Tán thành ...", "Đồng thời, cho biết sẽ ...")? A
    sentence opening with a noun phrase of its own ("Chuyến công tác còn được kỳ vọng ... cam kết")
    has a subject that is not an actor, and does not carry the previous speaker on."""
    lo = sent.span.start
    if "CONT" in sent.kinds:
        for c in sent.cues:
            if c.has("CONT") and not roles.text[lo:c.start].strip(" -–+•"):
                lo = c.end
    comma = roles.text.rfind(",", lo, cue.start)  # "Do đó, lãnh đạo ... mong muốn": after the adverbial
    if comma >= 0:
        lo = comma + 1

    def words_in(blanked: str) -> int:
        # the actor named inside ("lãnh đạo Ủy ban ...") is not a word of its own
        return len([w for w in _WORDS.findall(blanked.lower()) if w not in _LEADER_WORDS])

    blanked = _blank_tokens(roles, sent, lo, cue.start)
    opening = _WORDS.findall(blanked)
    if len(opening) >= 2 and opening[0][:1].isupper() and opening[1][:1].isupper() and \
            opening[0].lower() not in _HONORIFICS:  # "Ông Bình cho biết ...": the speaker named short
        return False  # "Bộ Thương mại Trung Quốc sẵn sàng ...": a proper noun phrase is the subject
    if words_in(blanked) <= SUBJECTLESS_WORDS:
        return True
    return "REPORT" in sent.kinds and any(
        c.has("REPORT") and lo <= c.start and c.end <= cue.start
        and words_in(_blank_tokens(roles, sent, lo, c.start)) <= SUBJECTLESS_WORDS for c in sent.cues)


def _fronted_subject(roles: Roles, sent: SentenceView, cue: Cue) -> list[ActorToken]:
    """The subject of the main clause after a fronted one ("Trân trọng cảm ơn X ..., đồng chí Y nhấn
    mạnh ..."): a person or country right after its first comma; or, further on (the fronted
    clause may list names: "Chia buồn ... Đảng, Nhà nước ... và gia đình X, Đại tướng Y, Phó Thủ
    tướng ... cho rằng"), a person or title right after a comma that a speech verb follows."""
    text = roles.text
    stop = text.find(";", cue.end, sent.span.end)
    stop = sent.span.end if stop < 0 else stop
    reports = [c.start for c in sent.cues if c.has("REPORT") and c.start > cue.end]
    comma = text.find(",", cue.end, stop)
    for k in range(FRONTED_COMMAS):
        if comma < 0:
            break
        after = roles.subject_after(sent, comma + 1)
        if after and after[0].start - comma <= FRONTED_SUBJECT_GAP and after[0].start < stop:
            if k == 0 and after[0].kind in ("PER", "GPE"):
                return after
            if after[0].kind in ("PER", "TITLE") and any(r >= after[-1].end for r in reports):
                return after
        comma = text.find(",", comma + 1, stop)
    return []


def _target_tokens(roles: Roles, sent: SentenceView, cue: Cue, mode: str) -> list[ActorToken]:
    if mode == "object_target":
        before = [t for t in sent.tokens if t.end <= cue.start]
        if before and not roles.text[before[-1].end:cue.start].strip(" ,"):
            return [before[-1]]
        return []
    objs = roles.objects_after(sent, cue.end, stop_at_comma=True, max_chars=TARGET_WINDOW)
    if objs and _conveys(cue):
        # "chuyển lời thăm hỏi của đồng chí Raul Castro tới Tổng Bí thư", "chuyển lời mời của Chủ tịch
        # Quốc hội ... mời X": whose message it is ("của X") is not whom it goes to ("tới/đến Y")
        text = roles.text
        owner = _OWNER.match(text, cue.end, min(sent.span.end, cue.end + TARGET_WINDOW))
        if owner is not None:
            to = _ADDRESSEE.search(text, owner.end(), min(sent.span.end, cue.end + TARGET_WINDOW))
            objs = [t for t in objs if t.start >= to.end()] if to is not None else \
                [t for t in objs if not (owner.start() < t.start <= owner.end() + OWNER_CHARS)]
    if not objs:
        return []
    # only the first object (with what "và" joins to it): "đề nghị Hàn Quốc ... cho doanh nghiệp
    # Việt Nam" asks Hàn Quốc; an organisation only right after the verb ("mong muốn các thành viên Nhóm ...")
    first = objs[0]
    between = [w for w in _WORDS.findall(roles.text[cue.end:first.start].lower()) if w not in _GAP_FILLERS]
    if first.kind == "ORG" and len(between) > ORG_TARGET_WORDS:
        return []
    if len(between) > (SIDES_TARGET_GAP_WORDS if first.kind in (SIDES, LEADERS) else TARGET_GAP_WORDS) and \
            not _DATIVES.intersection(between[-DATIVE_REACH:]):
        return []  # far from the verb and not "với/cho X": a possessor inside the content
    group = [first]
    for t in objs[1:]:
        if roles.text[group[-1].end:t.start].strip() in ("và", ",", "cùng"):
            group.append(t)
        else:
            break
    return group


def _topics(state: _State, sent: SentenceView, start: int, end: int) -> list[str]:
    """Topics named in ``[start, end)`` outside actor names (titles hold topic words: ``Bộ Quốc phòng``)."""
    names = [(t.start, t.end) for t in sent.tokens if t.kind in ("PER", "ORG", "TITLE")]
    cues, starts = state.topic_index()
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return topics_in_spans(cues[lo:hi], start, end, names) or list(DEFAULT_TOPICS)


def _statements_in(state: _State, sent: SentenceView) -> list[_Found]:
    roles = state.roles
    found: list[_Found] = []
    # Most sentences hold no statement trigger: the occasion and the past-day test (each a scan
    # of the article's events or dates) are worked out only for those that do.
    selected = _select(roles, sent) if sent.cues else []
    if not selected:
        _remember_subject(state, sent)
        return found
    occasion = state.occasion(sent.span.start)
    past = state.past_day_before(sent)
    recalled = _recalled_span(roles.text, sent)
    for cue, kind, mode in selected:
        if past is not None and past < cue.start:
            continue  # "vào ngày 5/9/1962, Việt Nam và Lào đã nhất trí ...": history, not what was said now
        if recalled is not None and recalled[0] < cue.start < recalled[1]:
            continue  # "hồi tưởng lại cuộc gặp ... khi đó hai bên đã nhất trí", "nhắc lại câu nói của X: ...": then, not now
        if mode == "by":
            src_tokens = roles.objects_after(sent, cue.end, stop_at_comma=False, max_chars=80)[:1]
            if src_tokens and not _PROPOSAL_CONTENT.match(roles.text, src_tokens[0].end):
                # "ủng hộ đề xuất của Việt Nam", "đáp ứng đề nghị của Việt Nam": a proposal named,
                # not told — the statement is the support for it
                continue
            tgt_tokens: list[ActorToken] = []
        else:
            tgt_tokens = _target_tokens(roles, sent, cue, mode)
            anchor = tgt_tokens[0].start if mode == "object_target" and tgt_tokens else cue.start
            src_tokens = roles.subject_before(sent, anchor)
            if kind == "AGREE" and src_tokens:
                # "X cho biết ..., hai nhà lãnh đạo đã thống nhất ...": the two agreed, X reports it
                inner = [t for t in sent.tokens if src_tokens[-1].end <= t.start and t.end <= cue.start
                         and t.kind in (SIDES, LEADERS)]
                if inner and any(src_tokens[-1].end <= c.start and c.end <= inner[-1].start and c.has("REPORT")
                                 for c in sent.cues):
                    src_tokens = inner[-1:]
        if recalled is not None and any(recalled[0] <= t.start < recalled[1] for t in src_tokens):
            # "Nhắc lại câu nói của X: “Cuba sẵn sàng ...”, Thủ tướng bày tỏ ...": the speaker after the saying
            src_tokens = [t for t in roles.subject_after(sent, recalled[1]) if t.end <= cue.start]
        if not src_tokens and mode != "by":
            src_tokens = _enumerated_subject(roles, sent, cue)
        if not src_tokens and mode != "by" and _subjectless(roles, sent, cue):
            src_tokens = _fronted_subject(roles, sent, cue)
        source = state.resolve(src_tokens, occasion, as_source=True)
        sides = any(t.kind in (SIDES, LEADERS) for t in src_tokens)
        if len(source) == 1 and len(source[0]) == 3 and source[0].isupper() and "REPORT" not in sent.kinds \
                and sent.index - state.speaker_at == 1 and len(state.speaker) == 1 \
                and state.is_person(state.speaker[0]) and state.country(state.speaker[0]) == source[0]:
            # "Ông Bình cho biết ... Việt Nam sẽ tiếp tục chú trọng ...": right after its official
            # spoke, a country with no verb of saying of its own speaks through them
            source = list(state.speaker)
        carried = False
        if not source and sent.index - state.speaker_at <= CARRY_SENTENCES and (
                sent.index == state.speaker_at or _subjectless(roles, sent, cue)):
            source = list(state.speaker)
            carried = True
        if carried and kind == "AGREE" and len(source) == 1:
            source = state.sides(occasion)  # "Nhất trí tiếp tục ...": an agreement has two sides
            sides = True
        if not source or state.team_sources(sent, source):
            continue
        if mode == "after_report":
            # "cho biết chuyến thăm của Tổng Bí thư Tô Lâm ... góp phần": praise of what was named
            report = max((c.end for c in sent.cues if c.has("REPORT") and c.end <= cue.start), default=cue.start)
            tgt_tokens = [t for t in sent.tokens if report <= t.start and t.end <= cue.start
                          and t.kind in ("PER", "TITLE", "GPE")][:1]
        target = [r for r in state.resolve(tgt_tokens, occasion, as_target=True) if r not in source or sides]
        if sides and kind in ("AGREE", "SUPPORT", "PLEDGE"):
            # the two sides agreeing / welcoming together address nobody in particular, unless a
            # third party is named ("hai bên đánh giá cao vai trò của ASEAN")
            own = set(state.side_countries(source)) | set(source)
            target = [r for r in target if r not in own and state.country(r) not in own]
        elif not target and (mode == "object_target" or kind == "PROPOSE"):
            # "Cần nâng tầm quan hệ ...", "Ông đề nghị thúc đẩy hợp tác ...": a proposal naming no
            # one asks both sides
            target = state.side_countries(state.sides(occasion))
        elif not target and not sides and kind not in _OBJECT_KINDS:
            target = _counterpart(state, source, occasion)
        if state.step_of_a_case(source, target):
            continue
        if mode != "by":
            state.remember(source)
            if not sides and not carried:
                state.note_pair(source, sent.span.start)
        found.append(_Found(kind, cue, source, target, cue.start, source_is_sides=sides, mode=mode))
    for i, f in enumerate(found):
        f.seg_end = found[i + 1].seg_start if i + 1 < len(found) else sent.span.end
        f.topics = _topics(state, sent, f.seg_start, f.seg_end)
    if not found:
        _remember_subject(state, sent)
    return found


def _remember_subject(state: _State, sent: SentenceView) -> None:
    """A sentence without a statement: remember the person who is its subject (a later
    sentence's speaker)."""
    if not any(t.kind in ("PER", "TITLE") for t in sent.tokens):
        return  # the subject found below could not be a person: skip the search
    roles = state.roles
    subject = roles.subject_after(sent, sent.span.start)
    if subject and roles.position(sent, subject[0]) == "subject" and subject[0].kind in ("PER", "TITLE"):
        refs = state.resolve(subject, state.occasion(sent.span.start))
        state.remember(refs)
        if not any(t.kind in (SIDES, LEADERS) for t in subject):
            state.note_pair(refs, sent.span.start)


def _counterpart(state: _State, source: list[str], occasion: str | None) -> list[str]:
    """The other side of the occasion: its participants of another country than the source's."""
    src_countries = {state.country(r) for r in source}
    ev = state.events.get(occasion) if occasion else None
    refs = list(ev.participants) if ev is not None else list(state.principals)
    if ev is not None and ev.kind == "VISIT":
        refs = state.sides(occasion)
    others = [r for r in refs if state.country(r) not in src_countries]
    persons = [r for r in others if state.is_person(r)]
    return persons[:1] or others[:1]


def _continues(state: _State, roles: Roles, sent: SentenceView, strong: bool = False) -> bool:
    """Does this sentence continue the previous statement? ``strong``: only after a colon or
    semicolon or as a bullet (a list the previous statement introduced)."""
    if not state.prev:
        return False
    text = roles.text[sent.span.start:sent.span.end]
    if _BULLET.match(text):
        return True
    prev = state.prev_sentence_text.rstrip()
    if prev.endswith((":", ";")):
        return True
    if strong:
        return False
    for cue in sent.cues:
        if cue.has("CONT") and not roles.text[sent.span.start:cue.start].strip(" -–+•"):
            return True
    # "Hai bên đẩy mạnh hợp tác ...": the two sides acting, with no verb of saying or agreeing of
    # its own, right after a statement — the list of what was proposed or agreed goes on
    # (unless they meet, sign or visit anywhere in it, or their verb is one of saying: "Hai bên thông
    # báo ..." — a noun far in the item, "thông tin về hệ thống quan trắc", is not their verb)
    first = sent.tokens[0] if sent.tokens else None
    if first is None or first.kind not in (SIDES, LEADERS) or roles.position(sent, first) != "subject":
        # "Hai nhà lãnh đạo bày tỏ hài lòng về ... Trao đổi và tiếp xúc cấp cao được duy trì thực
        # chất.": after what the two sides said together, a sentence naming no one, telling no
        # event and opening on the cooperation itself is the next item of it
        return _COOPERATION_ITEM.match(text) is not None and _joint(state, state.prev[-1]) \
            and not any(t.kind in ("PER", "TITLE") for t in sent.tokens) \
            and not (first is not None and first.kind == "ORG" and roles.position(sent, first) == "subject") \
            and sent.kinds.isdisjoint(EVENT_KINDS)
    return (not any(c.kinds(EVENT_KINDS) or (c.has("REPORT") and c.start - first.end <= SIDES_VERB_CHARS)
                        for c in sent.cues))


def _joint(state: _State, st: Statement) -> bool:
    """Is ``st`` said by two sides together (two countries)?"""
    return len({state.country(r) for r in st.source} - {None}) >= 2


def _agreed_item(state: _State, sent: SentenceView, found: list[_Found]) -> Statement | None:
    """The open agreement this sentence is an item of: only weak triggers, by the same sides."""
    if state.agreed is None or not found or not all(f.mode in _WEAK_MODES for f in found):
        return None
    agreement, at = state.agreed
    if sent.index - at > AGREED_LIST_SENTENCES:
        return None
    sides = set(agreement.source)
    return agreement if all(f.source and set(f.source) <= sides for f in found) else None


def _track_agreement(state: _State, roles: Roles, sent: SentenceView, found: list[_Found],
                     made: list[Statement]) -> None:
    """Open a list at "hai bên nhất trí (cho rằng):", close it at the next statement of its own."""
    for f in found:
        if f.kind == "AGREE" and ":" in roles.text[f.cue.end:f.cue.end + AGREED_COLON_CHARS]:
            st = next((m for m in made if m.kind == "AGREE" and len(m.source) >= 2), None)
            if st is not None:
                state.agreed = (st, sent.index)
                return
    if any(f.mode not in _WEAK_MODES for f in found):
        state.agreed = None


def find_statements(article: Article) -> Article:
    # A statement's source is an actor token of its sentence, or the speaker carried on from at
    # most CARRY_SENTENCES before: a person an earlier sentence named as its subject, or the
    # source of a statement made since (which the article's first statement has none of). So the
    # first statement stands in a triggered sentence with an actor token in it or a person in the
    # CARRY_SENTENCES before it; with none such nothing is said (an implicit statement continues
    # one made before). Tested on the mentions first (ActorReach), then on the tokens.
    by_kind = article_cues_by_kind(article)
    if not any(k in by_kind for k in STATEMENT_KINDS) or (
            not Roles.built(article) and not _may_have_source(ActorReach(article, by_kind.get("SIDES", ())), by_kind)):
        article.statements = []  # no trigger word: no statement (a continuation needs one before it)
        article.meta.pop("_roles", None)  # (the cues stay: the documents stage reads their padded text)
        return article
    roles = Roles.of(article)
    triggered = {i for i, kinds in roles.kinds_in.items() if not kinds.isdisjoint(STATEMENT_KINDS)}
    with_actor, with_person = roles.with_actor, roles.with_person
    if not any(i in with_actor or i - k in with_person for i in triggered for k in range(1, CARRY_SENTENCES + 1)):
        article.statements = []
        article.meta.pop("_roles", None)
        return article
    state = _State(article, roles)
    statements: list[Statement] = []
    n = 0
    # Most sentences have no trigger, no person and no statement before them to continue: nothing
    # happens there. The walk visits only the others: a trigger, a person (whose subject a later
    # sentence may take as its speaker), or the sentence right after a statement. A person after
    # the last trigger is never anyone's speaker (only a trigger or a statement before it uses the
    # speaker), so the walk ends there.
    last = max(triggered)
    todo = sorted(i for i in triggered | roles.with_person if i <= last)
    k = 0
    i = -1
    while True:
        if state.prev:
            i += 1
        else:
            while k < len(todo) and todo[k] <= i:
                k += 1
            if k == len(todo):
                break
            i = todo[k]
        if i >= len(roles.spans):
            break
        state.current = i
        if not state.prev and i not in triggered:
            _remember_subject(state, roles.sentence(i))
            continue
        sent = roles.sentence(i)
        if i not in with_actor and i - state.speaker_at > CARRY_SENTENCES:
            # no actor token and no speaker to carry on: no source for any trigger, and no person
            # to remember (what _statements_in would find, without its search)
            if not state.prev:
                continue
            found = []
        else:
            found = _statements_in(state, sent)
        agreed_item = _agreed_item(state, sent, found)
        if agreed_item is not None or (found and all(f.mode in _WEAK_MODES for f in found)
                                       and _continues(state, roles, sent, strong=True)):
            found = []  # "hai bên thống nhất: ... Thời gian tới, hai bên cần ..." continues the agreement
        made: list[Statement] = []
        if found:
            evidence = article.evidence(sent.span.start, sent.span.end)
            occasion = state.occasion(sent.span.start)
        groups: dict[tuple[tuple[str, ...], str], Statement] = {}
        for f in found:
            key = (tuple(sorted(f.source)), f.kind)
            if key in groups:
                st = groups[key]
                st.topics = list(set(st.topics) | set(f.topics))
                if not st.target and f.target:
                    st.target = f.target
                continue
            n += 1
            st = Statement(id=f"{article.id}:st{n}", kind=f.kind, evidence=evidence, source=f.source,
                           target=f.target, topics=f.topics, occasion=occasion)
            annotate_statement(st, f.cue.text)
            groups[key] = st
            made.append(st)
        if not made and (agreed_item is not None or _continues(state, roles, sent)):
            base = agreed_item or state.prev[-1]
            n += 1
            text = roles.text[sent.span.start:sent.span.end]
            st = Statement(id=f"{article.id}:st{n}", kind=base.kind,
                           evidence=article.evidence(sent.span.start, sent.span.end), source=list(base.source),
                           target=list(base.target), topics=_topics(state, sent, sent.span.start, sent.span.end),
                           occasion=base.occasion, implicit=True)
            annotate_statement(st, text)
            made.append(st)
        _track_agreement(state, roles, sent, found, made)
        state.prev = made
        state.prev_sentence_text = roles.text[sent.span.start:sent.span.end]
        statements.extend(made)
    for st in statements:
        st.topics = _ordered(st.topics)
    article.statements = statements
    # per-run working data, not part of the article ("_cues" stays: the documents stage reads
    # the padded text kept with them; private keys are never stored or exported)
    article.meta.pop("_roles", None)
    return article


def _may_have_source(reach: ActorReach, by_kind: dict[str, list[Cue]]) -> bool:
    """Has a triggered sentence an actor token in it or a person in the CARRY_SENTENCES before it
    (by the mentions: see find_statements)?"""
    triggered = {reach.sentence_of(c.start) for k in STATEMENT_KINDS for c in by_kind.get(k, ())}
    return any(reach.actor_in(i) or any(reach.person_in(i - k) for k in range(1, CARRY_SENTENCES + 1))
               for i in triggered if i >= 0)


def _ordered(topics: list[str]) -> list[str]:
    present = set(topics)
    return [t for t in TOPICS if t in present]
