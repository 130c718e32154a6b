"""Personal-name shape: is a run of capitalised words a Vietnamese (or Sino-Vietnamese),
Korean or other foreign name?

Used after a title or an honorific has said "a person's name comes here"; shape alone
never makes a person (a bare capitalised run is as likely a byline or a place).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..text.chars import LOWER, UPPER
from ..text.normalize import fold
from .actors_knowledge import surnames

VN, FOREIGN = "VN", "FOREIGN"
# Vietnamese names have 2-4 words ("Nguyễn Thị Kim Ngân"); a longer Vietnamese-looking run
# carries something else first ("Công Thương Trần Tuấn Anh").
MAX_VN_NAME_WORDS = 4

# One word of a name: a capital, then letters; inner dots/hyphens/apostrophes keep
# "V.Putin", "Won-shik", "Ramos-Horta", "O'Brien" whole.
NAME_TOKEN = (rf"(?:(?:al|el|ad|as|ash|ibn|bin|ben|de|da|di|van|von|d|o)['’\-](?=[{UPPER}]))?"
              rf"[{UPPER}][{UPPER}{LOWER}]*(?:['’.\-][{UPPER}{LOWER}]+)*")
# Lower-case particles inside foreign names ("Mohammed bin Rashid Al Maktoum").
PARTICLES = ("bin", "binti", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "del",
             "van", "von", "der", "den", "du", "la", "le", "di", "y")
# A run of name words; a middle initial may sit inside ("George W. Bush", "Terry F. Biss").
NAME_RUN = re.compile(
    rf"{NAME_TOKEN}(?:[ \u00a0]+(?:(?:{'|'.join(PARTICLES)})[ \u00a0]+)*(?:[{UPPER}]\.[ \u00a0]+)?{NAME_TOKEN})*")
TOKEN_RE = re.compile(NAME_TOKEN + rf"|[{LOWER}]+")

# A Vietnamese syllable written without diacritics: onset, vowel cluster, coda. Foreign
# words fail it on letters (f, j, w, z), clusters ("ee", "oo", "yu") or codas ("rk", "l").
_VN_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:uye|uya|oai|oay|oeo|uoi|uou|ieu|yeu|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uu"
    r"|uo|uy|ye|a|e|i|o|u|y)"
    r"(?:ng|nh|ch|[cmnpt])?")

# Capitalised words that end a name run: sentence openers glued after a name in crawled
# text ("... Quang Hiếu Với mục tiêu"), source credits, and heads of titles/bodies.
STOP_WORDS = frozenset({
    "Ảnh", "Theo", "Tại", "Với", "Và", "Trong", "Sau", "Ngày", "Sáng", "Chiều", "Tối", "Trưa",
    "Đêm", "Đây", "Các", "Những", "Cùng", "Về", "Từ", "Khi", "Phát", "Tổng", "Chủ", "Bộ", "Ban",
    "Đảng", "Nhà", "Đoàn", "Lãnh", "Ủy", "Uỷ", "Phó", "Bí", "Trước", "Tiếp", "Hôm", "Nguồn",
    "Video", "Clip", "Thượng", "Tân", "Cựu", "Nguyên", "Người", "Ngoài", "Nhằm", "Qua", "Đồng chí",
    "Ông", "Bà", "Ngài", "Thủ", "Trên", "Dưới", "Hiện", "Năm", "Tháng", "Lúc", "Không", "Đó",
    "Này", "Bên", "Nhờ", "Do", "Vì", "Nếu", "Để", "Tuy", "Sự", "Việc", "Mặc", "Ngay", "Riêng",
    "Cuộc", "Buổi", "Chuyến", "Lễ", "Phía",
})


# The sexagenary cycle names years: stem + branch ("Đinh Dậu" = 2017); "Đinh" and "Giáp"
# are also surnames, so such a pair is checked before the name shape.
HEAVENLY_STEMS = frozenset({"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"})
EARTHLY_BRANCHES = frozenset({"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu",
                              "Tuất", "Hợi"})


@cache
def vn_surnames() -> frozenset[str]:
    return frozenset(s for s, o in surnames().items() if o == "VN")


@cache
def ko_surnames() -> frozenset[str]:
    return frozenset(s for s, o in surnames().items() if o == "KO")


# Words asked about recur across articles (names, place words); a bounded memo of this
# pure function keeps memory flat while sparing a fold and a regex per repeat. Every memo of
# the actors stage holds 4,096 entries: the frequent names and titles fit, and the stream's
# peak RSS is the same at 40,000 articles as at 10,000 (110 vs 107 MB; with 16-65k entries
# the memos were still filling at 40,000: 110 -> 143 MB). The stage's time did not move.
VN_SYLLABLE_MEMO = 1 << 12


@lru_cache(maxsize=VN_SYLLABLE_MEMO)
def is_vn_syllable(word: str) -> bool:
    return _VN_SYLLABLE.fullmatch(fold(word)) is not None


def is_all_caps(word: str) -> bool:
    """At least two letters, every one upper-case ("VINK", "T.Ư", "XUÂN")."""
    letters = word if word.isalpha() else "".join(filter(str.isalpha, word))
    return len(letters) >= 2 and all(map(str.isupper, letters))


# Names, name runs and their shapes recur across articles (the same people, places and
# bodies); the pure functions below are memoised on tuples, bounded to keep memory flat.
NAME_MEMO = 1 << 12


def name_shape(tokens: list[str]) -> str | None:
    """``VN`` (Vietnamese or Sino-Vietnamese), ``FOREIGN``, or None if not a name."""
    return _name_shape(tuple(tokens))


@lru_cache(maxsize=NAME_MEMO)
def _name_shape(tokens: tuple[str, ...]) -> str | None:
    if not tokens:
        return None
    words = [t for t in tokens if t not in PARTICLES]
    if any(is_all_caps(w) and "." not in w for w in words):
        return None  # bylines ("XUÂN MAI"), acronyms ("VINK")
    if len(words) == 2 and words[0] in HEAVENLY_STEMS and words[1] in EARTHLY_BRANCHES:
        return None  # a lunar year ("Xuân Đinh Dậu", "Tết Giáp Thìn"), not a person
    if all(is_vn_syllable(w) and "-" not in w and "." not in w for w in words):
        if 2 <= len(words) <= MAX_VN_NAME_WORDS + 1 and words[0] in vn_surnames():
            return VN
        # Vietnamese-looking words without a surname first: a body or place ("Phòng Thương"),
        # not a name; foreign names that look like this ("Hun Sen") come from the dictionary.
        return None
    if len(words) == 1 and len(words[0].replace(".", "")) < 3:
        return None
    return FOREIGN


def leading_place_words(tokens: list[str]) -> int:
    """How many leading words of a Vietnamese-looking run are a place, not the name:
    "Phúc Kiến Lý Đức Kim" -> 2 (the name starts at the surname and has 2-4 words)."""
    return _leading_place_words(tuple(tokens))


@lru_cache(maxsize=NAME_MEMO)
def _leading_place_words(tokens: tuple[str, ...]) -> int:
    if not tokens or not all(map(is_vn_syllable, tokens)):
        return 0
    if tokens[0] in vn_surnames() and len(tokens) <= MAX_VN_NAME_WORDS:
        return 0
    # a place's own words may be surnames too ("Hà Giang Nguyễn Văn Sơn": "Giang"): the
    # commonest name length wins, then the others
    starts = [k for k in range(1, len(tokens) - 1) if tokens[k] in vn_surnames()]
    for n_words in NAME_WORDS_BY_FREQUENCY:
        if len(tokens) - n_words in starts:
            return len(tokens) - n_words
    return 0


# Lengths of Vietnamese full names, commonest first ("Phan Văn Mãi", "Nguyễn Thị Kim Ngân", "Lê Hoài").
NAME_WORDS_BY_FREQUENCY = (3, 4, 2)


def korean_like(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[0] in ko_surnames() and len(tokens) >= 2


def name_tokens(run: str) -> list[str]:
    return list(_name_tokens(run))


@lru_cache(maxsize=NAME_MEMO)
def _name_tokens(run: str) -> tuple[str, ...]:
    return tuple(TOKEN_RE.findall(run))  # TOKEN_RE has no capturing group: whole matches


# Academic degrees and honours written before a name as abbreviations, alone or joined by
# dots ("PGS.TS Mai Thanh Quế", "TGƯT.GS.TS Nguyễn Văn Chi", "ThS Lê Văn A"): Vietnamese
# press usage (Giáo sư, Phó Giáo sư, Tiến sĩ, Thạc sĩ, Bác sĩ (chuyên khoa), Nhà giáo/Thầy
# thuốc/Nghệ sĩ Nhân dân/Ưu tú, Luật sư, Kiến trúc sư, Kỹ sư).
DEGREE_ABBREVIATIONS = frozenset({
    "GS", "PGS", "TS", "TSKH", "ThS", "Ths", "BS", "BSCKI", "BSCKII", "CKI", "CKII", "NGND", "NGƯT",
    "TTND", "TTƯT", "TGƯT", "NSND", "NSƯT", "LS", "KTS", "KS"})


def leading_degree_words(tokens: list[str]) -> int:
    """How many leading tokens are degree abbreviations ("PGS.TS Nguyễn Thanh Phương" -> 1)."""
    n = 0
    for t in tokens:
        parts = [p for p in t.split(".") if p]
        if not parts or any(p not in DEGREE_ABBREVIATIONS for p in parts):
            break
        n += 1
    return n
