"""Actor knowledge loaded once: titles, countries, organisations, places, office-holders,
surnames, and one Aho-Corasick automaton over all of them.

Everything here is read from ``knowledge/data/*.tsv`` (each with its ``# source:`` note) and
cached per process with :func:`functools.cache`; the objects returned are not mutated
after construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

import ahocorasick

from ..knowledge import load_table, split_list
from ..text.normalize import _new_to_old, fold_name, match_key, nfc

# Kinds of dictionary entry in the automaton.
TITLE, COUNTRY, ORG, PLACE, PERSON, HONORIFIC = "TITLE", "COUNTRY", "ORG", "PLACE", "PERSON", "HONORIFIC"
ORG_HEAD = "ORG_HEAD"  # a noun that starts an organisation's name: checked by pattern there

# Longest match wins; on equal spans the lower number wins (a title over an organisation
# of the same words, "Quốc vụ viện" as part of a title rather than the body).
KIND_PRIORITY = {TITLE: 0, PERSON: 1, COUNTRY: 2, PLACE: 3, ORG: 4, HONORIFIC: 5, ORG_HEAD: 7}

# Nouns that head an organisation's name ("Bộ Khoa học và Công nghệ", "Tập đoàn Điện lực
# Hàn Quốc", "Mạng lưới Đổi mới sáng tạo Việt Nam (VINK)"); the rest is read by pattern.
ORG_HEADS = ("Bộ", "Ban", "Tập đoàn", "Tổng công ty", "Công ty", "Hiệp hội", "Hội", "Nhóm", "Mạng lưới",
             "Ủy ban", "Uỷ ban", "Trường Đại học", "Đại học", "Học viện", "Ngân hàng", "Viện", "Tổng cục",
             "Cục", "Quỹ", "Liên hiệp", "Tổ chức", "Cơ quan", "Trung tâm", "Văn phòng", "Đại sứ quán",
             "Tổng Lãnh sự quán", "Liên minh", "Hội đồng", "Quân khu", "Bộ Tư lệnh", "Đảng", "Tòa án",
             "Viện Kiểm sát", "Thông tấn xã", "Đài", "Báo", "Sở", "Chính quyền", "Văn phòng Chính phủ")

# Vietnamese historical figures whose names also name institutions ("Học viện Chính trị Quốc gia Hồ Chí
# Minh", "Trường Đại học Tôn Đức Thắng"): such a name ending a body's name is the body's.
NAMESAKES = frozenset({"Hồ Chí Minh", "Tôn Đức Thắng", "Lê Quý Đôn", "Chu Văn An", "Nguyễn Ái Quốc",
                       "Trần Phú", "Võ Nguyên Giáp", "Nguyễn Trãi", "Trần Hưng Đạo", "Lê Hồng Phong",
                       "Phan Bội Châu", "Nguyễn Du", "Lý Thường Kiệt", "Nguyễn Tất Thành"})

# Words right before a namesake's name that make it the name of a thing, not the person:
# a doctrine or era ("tư tưởng Hồ Chí Minh", "thời đại Hồ Chí Minh"), a campaign, a
# building, a square or street, an honour ("Huân chương Hồ Chí Minh"), a city ("TP Hồ Chí
# Minh"). Read off the words before "Hồ Chí Minh" on the 3,407 snapshot articles; compared
# lower-cased, one or two words back.
NAMESAKE_THING_WORDS = frozenset({
    "tư tưởng", "phong cách", "thời đại", "văn hóa", "văn hoá", "di sản", "chiến dịch", "bảo tàng",
    "quảng trường", "lăng", "đền", "tượng", "tượng đài", "khu di tích", "di tích", "nhà lưu niệm",
    "huân chương", "giải thưởng", "đường", "phố", "thành phố", "tp", "tncs", "cộng sản", "trường",
    "học viện", "viện", "đại học", "quốc gia",
})

# Words after a head noun that make a document or a set, not a body ("Bộ Quy tắc ứng xử"
# = Code of Conduct, "Bộ luật" = a code of law, "Bộ tiêu chí" = a set of criteria).
NOT_ORG_AFTER_HEAD = {"Bộ": ("Quy tắc", "quy tắc", "Luật", "luật", "Tiêu chí", "tiêu chí", "Nguyên tắc",
                             "nguyên tắc", "Chỉ số", "chỉ số", "Công cụ", "công cụ", "Sưu tập", "sưu tập")}
# First words of documents' names: "X và Nghị định ..." joins no second body to X.
DOCUMENT_HEADS = ("Nghị định", "Nghị quyết", "Hiệp định", "Hiệp ước", "Thỏa thuận", "Thoả thuận",
                  "Bản ghi nhớ", "Tuyên bố", "Công ước", "Luật", "Thông tư", "Quyết định")

# Words that introduce a person's name ("ông Trump", "Ngài Putin", "đồng chí Trần Dịch Quân").
# Military ranks are titles (titles.tsv), not honorifics.
HONORIFICS = ("ông", "bà", "ngài", "đồng chí", "tiến sĩ", "giáo sư", "tiến sỹ", "thạc sĩ",
              "nhà báo", "Samdech", "Samdech Techo", "Sheikh")


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    title_en: str
    institution: str
    sector: str
    country: str | None  # the country an unqualified mention means; None: any
    rank: int
    key: str = ""  # match_key(title), for comparing titles as written
    military_rank: bool = False  # a grade ("Thượng tướng"), not an office


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    name_en: str
    short: str


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    country: str | None
    sector: str
    name_en: str
    international: bool = False  # an international organisation: its officials have no country by office


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Tenure:
    name: str
    aliases: tuple[str, ...]
    country: str
    title: str
    start: str
    end: str  # "" = still in office

    def held_on(self, date: str) -> bool:
        d = date[:10]
        return self.start <= d and (not self.end or d <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary string in the automaton, and what it stands for."""

    kind: str
    text: str  # the surface form as listed
    ref: object  # Title | Country | Org | Place | tuple[Tenure, ...] | None
    exact_case: bool  # acronyms must match case exactly ("VOV", "EU")
    short: bool = False  # a one-syllable country form ("Nga", "Đức"): may be part of a name
    # Derived once here, not per hit in the text (see actors._tags):
    priority: int = 0  # KIND_PRIORITY[kind]
    capitalised: bool = False  # only counts written with a capital (a name, not "nga" = 'to fall')
    as_listed: bool = False  # only counts written exactly as listed (acronyms, "Samdech")
    # Where that capital is: the name after a lower-case kind word listed with it ("thành
    # phố Hồ Chí Minh", "thủ đô Hà Nội": the "H"), else the first letter.
    capital_at: int = 0


def _first_capital(text: str) -> int:
    """Offset of the first capital letter in a listed form (0 if it has none)."""
    return next((i for i, c in enumerate(text) if c.isupper()), 0)


def _entry(kind: str, text: str, ref: object, short: bool = False) -> Entry:
    exact_case = _is_acronym(text)
    return Entry(kind, text, ref, exact_case, short, KIND_PRIORITY[kind],
                 kind in (COUNTRY, ORG, PLACE, PERSON),
                 exact_case or (kind == HONORIFIC and text[:1].isupper()), _first_capital(text))


@cache
def titles() -> dict[str, Title]:
    """Title rows keyed by :func:`match_key` of the title."""
    out: dict[str, Title] = {}
    for r in load_table("titles", ("title", "title_en", "sector", "rank")):
        key = match_key(r["title"])
        out[key] = Title(r["title"], r["title_en"], r.get("institution", ""), r["sector"],
                         r.get("country") or None, int(r["rank"]), key, r.get("kind") == "rank")
    return out


@cache
def countries() -> dict[str, Country]:
    return {r["iso3"]: Country(r["iso3"], r["name"], r.get("name_en", ""), r.get("short", ""))
            for r in load_table("countries", ("iso3", "name"))}


@cache
def country_names() -> dict[str, str]:
    """match_key of every country name, alias and short form -> ISO3."""
    out: dict[str, str] = {}
    for r in load_table("countries", ("iso3", "name")):
        for n in [r["name"], *split_list(r.get("aliases", "")), *split_list(r.get("short", ""))]:
            out.setdefault(match_key(n), r["iso3"])
    return out


@cache
def country_full_names() -> frozenset[str]:
    """match_key of country names and aliases, without the compound short forms."""
    return frozenset(match_key(n) for r in load_table("countries", ("iso3", "name"))
                     for n in [r["name"], *split_list(r.get("aliases", ""))])


@cache
def country_shorts() -> dict[str, str]:
    """Compound-forming short forms ("Việt", "Hàn", "Trung") -> ISO3, keyed by match_key."""
    out: dict[str, str] = {}
    for r in load_table("countries", ("iso3", "name")):
        for s in split_list(r.get("short", "")):
            out[match_key(s)] = r["iso3"]
        out.setdefault(match_key(r["name"]), r["iso3"])
    return out


@cache
def tenures() -> tuple[Tenure, ...]:
    known = titles()
    rows = []
    for r in load_table("office_holders", ("name", "country", "title", "start")):
        if match_key(r["title"]) not in known:
            from ..errors import KnowledgeError

            raise KnowledgeError(f"office_holders.tsv: title {r['title']!r} is not in titles.tsv")
        rows.append(Tenure(r["name"], tuple(split_list(r.get("aliases", ""))), r["country"],
                           r["title"], r["start"], r.get("end", "")))
    return tuple(rows)


@cache
def people_by_name() -> dict[str, tuple[Tenure, ...]]:
    """fold_name of each holder's name and alias -> their tenures."""
    out: dict[str, list[Tenure]] = {}
    for t in tenures():
        for n in (t.name, *t.aliases):
            out.setdefault(fold_name(n), []).append(t)
    return {k: tuple(v) for k, v in out.items()}


# Countries whose leaders the press names by the first written token: a surname written
# first (China, Korea, Japan, Cambodia, Singapore...) or a given name used alone (Laos,
# Thailand, Myanmar, Malaysia, Indonesia, the Gulf: "ông Thongloun", "Thái tử Mohammed").
# Elsewhere the first token is a given name shared by many ("ông Alexander" is not Lukashenko).
NAMED_BY_FIRST_TOKEN = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "JPN", "MNG", "VNM", "KHM",
                                  "SGP", "LAO", "THA", "MMR", "MYS", "IDN", "BRN", "SAU", "ARE", "QAT",
                                  "KWT", "BHR", "OMN"})


@cache
def people_by_last_token() -> dict[str, tuple[Tenure, ...]]:
    """Folded last (and, for East Asian order, first) name token -> tenures ("Putin", "Abe")."""
    out: dict[str, list[Tenure]] = {}
    for t in tenures():
        for n in (t.name, *t.aliases):
            parts = n.replace(".", " ").split()
            if len(parts) < 2:
                continue
            toks = {parts[-1], parts[0]} if t.country in NAMED_BY_FIRST_TOKEN else {parts[-1]}
            for tok in toks:
                out.setdefault(fold_name(tok), []).append(t)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def holders_on(title: str, country: str, date: str) -> list[Tenure]:
    """Who held ``title`` (a titles.tsv title) for ``country`` on ``date`` (YYYY-MM-DD...)."""
    return [t for t in _tenures_by_office().get((country, match_key(title)), ()) if t.held_on(date)]


@cache
def _tenures_by_office() -> dict[tuple[str, str], tuple[Tenure, ...]]:
    """(country, match_key of the title) -> tenures, in file order (one lookup per call,
    not a key computed for every tenure)."""
    out: dict[tuple[str, str], list[Tenure]] = {}
    for t in tenures():
        out.setdefault((t.country, match_key(t.title)), []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@cache
def surnames() -> dict[str, str]:
    """Surname (as written) -> origin VN|KO."""
    return {r["surname"]: r["origin"] for r in load_table("surnames", ("surname", "origin"))}


@cache
def orgs() -> tuple[Org, ...]:
    return tuple(Org(r["name"], (r.get("country") or "").strip() or None, r.get("sector", ""),
                     r.get("name_en", ""), r.get("international") == "yes")
                 for r in load_table("organisations", ("name",)))


@cache
def international_org_keys() -> tuple[str, ...]:
    """match_key of every name and alias of an international organisation."""
    return tuple(match_key(n) for r in load_table("organisations", ("name",)) if r.get("international") == "yes"
                 for n in (r["name"], *split_list(r.get("aliases", ""))))


@cache
def places() -> tuple[Place, ...]:
    return tuple(Place(r["name"], r.get("country") or None, r.get("kind", ""))
                 for r in load_table("places", ("name", "country")))


# Characters made spaces in a word key: whitespace, ASCII and common typographic
# punctuation. Each one present is replaced by str.replace (a C scan per character kind,
# ~10 kinds in an article): 1.5x faster than one regex substitution over ~100 separators,
# whose per-match overhead dominates, and ~10x faster than str.translate on non-ASCII text.
_SEPARATOR_CHARS = ("\t\n\r\f\v\u00a0\u2009\u200b"
                    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
                    "\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00ab\u00bb\u2022\u00b7")


def word_key(text: str, lowered: str | None = None) -> str:
    """:func:`match_key` with every character that is not a letter or digit made a space
    (same length). Keys in the automaton start with a space, so scanning ``" " + word_key``
    finds dictionary strings only where a word starts (no "ông" inside "không"), and
    "TP.HCM" / "TP HCM", "Ô-xtrây-li-a" / "Ô xtrây li a" compare equal.

    ``lowered`` is ``text.lower()`` when the caller already has it (the article's, shared
    by the stages): of NFC text of the same length it is what match_key lower-cases to, so
    the article is not lower-cased a second time."""
    if lowered is not None and len(lowered) == len(text) and nfc(text) is text:
        # = match_key(text): NFC already, same length; the tone rewrite made by one
        # literal-first substitution per first vowel (see _new_style_in_lower)
        key = lowered
        for rx in _new_style_in_lower():
            key = rx.sub(_old_style_tone, key)
    else:
        key = match_key(text)
    for c in _SEPARATOR_CHARS:
        if c in key:
            key = key.replace(c, " ")
    return key


@cache
def _new_style_in_lower() -> tuple[re.Pattern[str], ...]:
    """Patterns that find, in lower-cased text, every match of the tone rewrite's own
    pattern (text.normalize: a first vowel ``o``/``u``/``O``/``U``, not after ``q``, then a
    toned second vowel ending the syllable): lower-cased text has no ``O``/``U``, so one
    pattern per lower-case first vowel. Each opens with a literal, which the regex engine
    scans for in a tight loop; the rewrite's own pattern opens with a character class,
    tried at every position (~3x the cost). Their matches never overlap or touch one
    another's context (a rewrite keeps letters letters and adds no "q"), so substituting
    with one, then the other, rewrites what the single pass of ``match_key`` rewrites."""
    table = _new_to_old()
    seconds = re.escape("".join(sorted({k[1] for k in table})))
    return tuple(re.compile(rf"{first}[{seconds}](?<![qQ]..)(?![^\W\d_])")
                 for first in sorted({k[0].lower() for k in table}))


def _old_style_tone(m: re.Match[str]) -> str:
    """The old-style spelling of a matched vowel pair (``oà`` -> ``òa``), as match_key writes it."""
    pair = m.group(0)
    return _new_to_old().get(pair, pair)


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(s) <= 8


# Characters of word-keyed Vietnamese news text, most frequent first (counted on 500
# trends2024 articles). pyahocorasick looks up a node's next character by a linear scan of
# its children in the order they were added, so adding the keys in this order puts the
# common continuations first: the automaton's matches are unchanged and the scan of an
# article ~1.5x faster (measured 0.06-0.08 -> 0.04-0.05 ms per article).
TEXT_LETTER_ORDER = (" nhticgauđmorvlàspybkưeádếôạ2ộảệóêốấớ0âủậq1ềxịờơợểầ34ựìứởúăíắãổòữồọùụ5ừfỉặ679ũ8ẽ"
                     "zéýèwjỏõẹỳẩẫẻằẳỗẵỡĩõỹỷỵ")


def _letter_ranks(key: str) -> list[int]:
    ranks = _letter_rank()
    unknown = len(ranks)
    return [ranks.get(c, unknown) for c in key]


@cache
def _letter_rank() -> dict[str, int]:
    ranks: dict[str, int] = {}
    for c in TEXT_LETTER_ORDER:
        ranks.setdefault(c, len(ranks))
    return ranks


@cache
def automaton() -> ahocorasick.Automaton:
    """One automaton over every dictionary string, keyed by " " + :func:`word_key`.

    Values are tuples of :class:`Entry` (one string may be, say, both a country alias and
    an organisation acronym).
    """
    entries: dict[str, list[Entry]] = {}

    def add(kind: str, text: str, ref: object, short: bool = False) -> None:
        text = text.strip()
        if not text:
            return
        entries.setdefault(word_key(text), []).append(_entry(kind, text, ref, short))

    for t in titles().values():
        add(TITLE, t.title, t)
    for r in load_table("countries", ("iso3", "name")):
        c = countries()[r["iso3"]]
        for n in (r["name"], *split_list(r.get("aliases", ""))):
            add(COUNTRY, n, c, short=" " not in n and len(n) <= 5)
    for o in orgs():
        add(ORG, o.name, o)
    for r in load_table("organisations", ("name",)):
        o = next(x for x in orgs() if x.name == r["name"])
        for a in split_list(r.get("aliases", "")):
            add(ORG, a, o)
    for p in places():
        add(PLACE, p.name, p)
    for r in load_table("places", ("name", "country")):
        p = next(x for x in places() if x.name == r["name"])
        for a in split_list(r.get("aliases", "")):
            add(PLACE, a, p)
    by_name = people_by_name()
    for t in tenures():
        for n in (t.name, *t.aliases):
            if len(n.replace(".", " ").split()) >= 2:  # full names only; partials via context
                add(PERSON, n, by_name[fold_name(n)])
    for h in HONORIFICS:
        add(HONORIFIC, h, None)
    for h in ORG_HEADS:
        add(ORG_HEAD, h, None)

    auto = ahocorasick.Automaton()
    # Keys are added in text-frequency order of their letters (see TEXT_LETTER_ORDER): the
    # matches are the same, the scan is faster.
    for key, es in sorted(entries.items(), key=lambda kv: _letter_ranks(kv[0])):
        # de-duplicate identical (kind, ref) pairs coming from repeated rows
        # (forms that differ only in case share a key: "Thành phố Hồ Chí Minh" and "thành
        # phố Hồ Chí Minh" both stand, so the capital is asked for at the name, the later one)
        seen: dict[tuple[str, int], Entry] = {}
        for e in es:
            kept = seen.setdefault((e.kind, id(e.ref)), e)
            if e.capital_at > kept.capital_at:
                seen[(e.kind, id(e.ref))] = replace(kept, capital_at=e.capital_at)
        # a leading space: a key can only match at the start of a word (see word_key)
        auto.add_word(" " + key, (len(key), tuple(seen.values())))
    auto.make_automaton()
    return auto
