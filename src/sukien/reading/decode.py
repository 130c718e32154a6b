"""Bytes → NFC text, or a named reason why not. Never returns mojibake.

Order of decisions for one input (a file or one JSONL line):

1. Size and emptiness: over :data:`MAX_INPUT_BYTES` → :class:`TooLarge`; nothing but
   whitespace → :class:`EmptyInput`.
2. Byte-order marks: UTF-8, UTF-16 and UTF-32 BOMs decide the codec.
3. NUL bytes: UTF-16 without a BOM (NULs on every other byte) is decoded; other NULs mean a
   binary file → :class:`BinaryInput`. So does a high share of control characters.
4. Strict UTF-8 (what almost every input is).
5. Otherwise legacy Vietnamese: the bytes are decoded as Windows-1258 (tone marks are
   combining characters there, so the result is NFC-composed), as VNI Windows and as TCVN3
   (ABC) (tables in ``data/legacy_encodings.tsv``), and as UTF-8 with replacement; the
   candidate that reads most like Vietnamese wins (share of frequent Vietnamese words,
   ``data/common_words.tsv``). Nearly-ASCII text with a stray Windows-1252 byte is kept as
   Windows-1252. Anything else → :class:`EncodingError` naming the file.
6. Text that *decoded* fine can still be legacy text pasted as Unicode ("Vieät Nam" is VNI
   read as Windows-1252, "ViÖt Nam" is TCVN3, "Viá»‡t" is UTF-8 read twice).
   :func:`repair_text` spots their signatures and converts, keeping the conversion only
   when it reads as Vietnamese.

Finally NFC, and zero-width / BOM characters removed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..errors import BinaryInput, EmptyInput, EncodingError, TooLarge
from ..text._data import load_tsv

# One article file (txt/html) larger than this is not an article; calibrated on corpus/news:
# the longest article text is ~0.3 MB, real news HTML pages are under 3 MB.
MAX_INPUT_BYTES = 20 * 1024 * 1024
# Share of control characters (other than tab/newline/CR/FF) above which text is binary.
MAX_CONTROL_RATIO = 0.02
# A candidate decoding counts as Vietnamese when this share of its words are frequent
# Vietnamese words with diacritics (real articles: 0.15–0.30; English or mojibake: < 0.01).
MIN_VIETNAMESE_WORD_RATIO = 0.04
# Bytes >= 0x80 below this share: a Western text with a stray accent, kept as Windows-1252.
MAX_STRAY_HIGH_BYTE_RATIO = 0.005
# Legacy signatures must occur at least this often (and in this share of words) to trigger
# a repair of text that decoded as Unicode.
MIN_SIGNATURE_HITS = 3
MIN_SIGNATURE_WORD_RATIO = 0.03

_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # codec the text was decoded from, e.g. 'utf-8', 'cp1258', 'vni', 'tcvn3'


# -- tables ------------------------------------------------------------------------------

@cache
def _legacy_tables() -> dict[str, dict[str, str]]:
    """encoding -> {legacy sequence as Windows-1252/Latin-1 text: Unicode letter}."""
    tables: dict[str, dict[str, str]] = {"vni": {}, "tcvn3": {}}
    for row in load_tsv("sukien.reading.data", "legacy_encodings.tsv", required=("encoding", "bytes", "char")):
        raw = bytes(int(h, 16) for h in row["bytes"].split())
        tables[row["encoding"]][_latin(raw)] = row["char"]
    return tables


@cache
def _legacy_res() -> dict[str, re.Pattern[str]]:
    res = {}
    for enc, table in _legacy_tables().items():
        alts = sorted(table, key=len, reverse=True)  # two-byte VNI letters before one-byte marks
        res[enc] = re.compile("|".join(re.escape(a) for a in alts))
    return res


@cache
def _common_words() -> frozenset[str]:
    return frozenset(r["word"] for r in load_tsv("sukien.reading.data", "common_words.tsv", required=("word",)))


@cache
def _c1_to_cp1252() -> dict[int, str]:
    table = {}
    for b in range(0x80, 0xA0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            pass  # 0x81, 0x8D, 0x8F, 0x90, 0x9D stay as Latin-1 control characters
    return table


def _latin(raw: bytes) -> str:
    """Bytes as Windows-1252 text, Latin-1 for the five bytes Windows-1252 leaves undefined."""
    return raw.decode("latin-1").translate(_c1_to_cp1252())


def convert_legacy(text: str, encoding: str) -> str:
    """Text of VNI/TCVN3 bytes read as Windows-1252 → Unicode (NFC)."""
    table = _legacy_tables()[encoding]
    return unicodedata.normalize("NFC", _legacy_res()[encoding].sub(lambda m: table[m.group(0)], text))


# -- scoring -----------------------------------------------------------------------------

def vietnamese_word_ratio(text: str) -> float:
    """Share of words that are frequent Vietnamese words with diacritics."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0
    common = _common_words()
    return sum(w in common for w in words) / len(words)


# Signatures of legacy text inside Unicode text. VNI: a vowel followed by a mark byte that
# no Vietnamese letter uses (ø û ï å ä ë ü). TCVN3: punctuation-range bytes (¸ µ ¶ · ¹ ...)
# glued to letters. Double UTF-8: 'á»', 'áº', 'Æ°', 'Ä‘', 'Ã' + continuation byte.
_SIG = {
    "vni": re.compile(r"[aeiouyAEIOUYôöÔÖ][øûïåäëüØÛÏÅÄËÜ]|[a-zA-Z]ñ|ñ[a-zA-Z]"),
    "tcvn3": re.compile(r"[A-Za-z][¸µ¶·¹¨©ª«¬®¼½¾×÷]|[¸µ¶·¹¨©ª«¬®§¼½¾×÷][A-Za-z]"),
    "utf8": re.compile(r"á[»º]|Æ[°¡]|Ä[‘\u0090ƒ]|Ã[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"),
}


# The rarer side of each _SIG pattern's pairs: every match holds one of these characters.
# A text that only has a stray "©" or "ü" would otherwise run all three findall(), two of
# which are tried at every letter; a text without an encoding's characters has 0 hits of it.
_SIG_KEYS = {
    "vni": re.compile(r"[øûïåäëüØÛÏÅÄËÜñ]"),
    "tcvn3": re.compile(r"[¸µ¶·¹¨©ª«¬®§¼½¾×÷]"),
    "utf8": re.compile(r"[‘\u0080-\u00bfƒ€‚„…†‡ˆ‰Š‹ŒŽ’“”•–—˜™š›œžŸ]"),
}


# Any legacy signature needs one of these; real Vietnamese text almost never has them.
# Searched as separate patterns: each one starts with a literal or one character class,
# which the regex engine scans for in C, while their alternation is tried at every position
# (2x slower on every article).
_SIG_ANY = (re.compile(r"[øûïåäëüØÛÏÅÄËÜñ¸µ¶·¹¨©ª«¬®§¼½¾×÷\u0080-\u009fÃ]"),
            re.compile(r"á[»º]"), re.compile(r"Æ[°¡]"), re.compile(r"Ä[‘ƒ]"))


# One character every _SIG_ANY pattern needs (the class of the first, "»"/"º", "Æ", "Ä"
# of the others), all Latin-1; and the bytes of every other Latin-1 character.
_SIG_CHARS = "øûïåäëüØÛÏÅÄËÜñ¸µ¶·¹¨©ª«¬®§¼½¾×÷ÃÆ»º" + "".join(map(chr, range(0x80, 0xA0)))
_NOT_SIG_BYTES = bytes(b for b in range(256) if chr(b) not in _SIG_CHARS)


def _has_signature_char(sample: str) -> bool:
    """Whether ``sample`` holds a character of _SIG_CHARS: its Latin-1 characters as bytes
    (encoding drops the others), less the bytes of other characters, leave something.
    Two C passes, ~2x cheaper than a regex character-class scan; clears ~97 % of texts."""
    return bool(sample.encode("latin-1", "ignore").translate(None, _NOT_SIG_BYTES))


def _signatures(text: str) -> list[str]:
    sample = text[:20000]
    if not _has_signature_char(sample) or not any(rx.search(sample) for rx in _SIG_ANY):
        return []
    hits = {enc: len(rx.findall(sample)) if _SIG_KEYS[enc].search(sample) else 0 for enc, rx in _SIG.items()}
    if max(hits.values()) < MIN_SIGNATURE_HITS:  # the common case: no word count needed
        return []
    nwords = max(1, len(_WORD.findall(sample)))
    return [enc for enc, n in hits.items()
            if n >= MIN_SIGNATURE_HITS and n / nwords >= MIN_SIGNATURE_WORD_RATIO]


def _undo_double_utf8(text: str) -> str | None:
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in text)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def repair_text(text: str, path: str = "<text>", line: int | None = None) -> Decoded:
    """Unicode text that may hold VNI/TCVN3/double-UTF-8 mojibake → clean NFC text.

    Raises EncodingError when the text carries a legacy signature that no conversion turns
    into Vietnamese (we would otherwise store mojibake).
    """
    found = _signatures(text)
    if not found:
        return Decoded(_finish(text), "utf-8")
    before = vietnamese_word_ratio(text)
    best, best_enc, best_score = text, "utf-8", before
    for enc in found:
        fixed = _undo_double_utf8(text) if enc == "utf8" else convert_legacy(text, enc)
        if fixed is None:
            continue
        score = vietnamese_word_ratio(fixed)
        if score > best_score:
            best, best_enc, best_score = fixed, enc, score
    if best_enc == "utf-8" and before < MIN_VIETNAMESE_WORD_RATIO and "utf8" in found:
        raise EncodingError(path, "text looks like UTF-8 decoded twice (mojibake) and cannot be repaired", line)
    return Decoded(_finish(best), best_enc)


def _finish(text: str) -> str:
    # substring tests first: ~10x cheaper than a regex scan over a non-Latin-1 class
    if any(c in text for c in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # normalize() returns the text itself when its quick check says NFC; asking
    # is_normalized() first normalised the texts the quick check can't clear twice
    return unicodedata.normalize("NFC", text)


# -- bytes -------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    even, odd = data[0::2], data[1::2]
    n = max(1, len(data) // 2)
    if odd.count(0) / n > 0.4 and even.count(0) / n < 0.05:
        codec = "utf-16-le"
    elif even.count(0) / n > 0.4 and odd.count(0) / n < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _legacy_candidates(data: bytes) -> list[tuple[str, str]]:
    cands: list[tuple[str, str]] = []
    try:
        # Windows-1258 writes tones as combining marks: compose them before scoring.
        cands.append(("cp1258", unicodedata.normalize("NFC", data.decode("cp1258"))))
    except UnicodeDecodeError:
        pass
    latin = _latin(data)
    cands.append(("vni", convert_legacy(latin, "vni")))
    cands.append(("tcvn3", convert_legacy(latin, "tcvn3")))
    cands.append(("utf-8", data.decode("utf-8", errors="replace")))
    return cands


def decode_bytes(data: bytes, path: str = "<bytes>", line: int | None = None, *,
                 max_bytes: int = MAX_INPUT_BYTES) -> Decoded:
    """Decode one input; raises TooLarge / EmptyInput / BinaryInput / EncodingError."""
    if len(data) > max_bytes:
        raise TooLarge(path, f"{len(data):,} bytes is over the {max_bytes:,}-byte limit for one input", line)
    if not data.strip():
        raise EmptyInput(path, "empty input", line)
    text: str | None = None
    encoding = "utf-8"
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise EncodingError(path, f"byte-order mark says {codec} but the bytes are not: {exc}", line) from exc
            break
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise BinaryInput(path, "binary data (NUL bytes), not text", line)
        encoding = "utf-16"
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data, path, line)
    if not text.strip():
        raise EmptyInput(path, "empty input", line)
    controls = len(_CONTROL.findall(text[:100000]))
    if controls / max(1, min(len(text), 100000)) > MAX_CONTROL_RATIO:
        raise BinaryInput(path, f"binary data ({controls} control characters), not text", line)
    repaired = repair_text(text, path, line)
    return Decoded(repaired.text, encoding if repaired.encoding == "utf-8" else repaired.encoding)


def _decode_legacy(data: bytes, path: str, line: int | None) -> tuple[str, str]:
    scored = [(vietnamese_word_ratio(t), enc, t) for enc, t in _legacy_candidates(data)]
    # U+FFFD in the UTF-8 candidate means lost characters: count each as a miss.
    scored = [(s - (t.count("\ufffd") / max(1, len(_WORD.findall(t))) if enc == "utf-8" else 0), enc, t)
              for s, enc, t in scored]
    score, enc, text = max(scored, key=lambda x: x[0])
    if score >= MIN_VIETNAMESE_WORD_RATIO:
        return text, enc
    high = sum(b >= 0x80 for b in data)
    if high / len(data) <= MAX_STRAY_HIGH_BYTE_RATIO:
        return _latin(data), "cp1252"
    raise EncodingError(
        path, "not UTF-8, and not readable as Vietnamese in Windows-1258, VNI or TCVN3 "
              "(convert the file to UTF-8)", line)
