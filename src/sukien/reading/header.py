"""Header conventions of crawled plain-text articles (SPEC §1).

- ``date YYYY-MM-DD`` at the very start, possibly glued to the body on the same line
  (seed 001: `` date 2025-11-21 Chiều 21/11, ...``) → ``published``.
- A first line that looks like a title (short, no final sentence punctuation, not the whole
  text) → ``title``.
- A timestamp line near the top: ``22:00 25/06/2024`` (seed 004), ``25/06/2024 22:00``,
  ``Thứ sáu, ngày 14/06/2024 07:24 GMT+7`` → ``published`` ``2024-06-25T22:00``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# A title is at most this long (titles in corpus/news: 99th percentile 150 characters).
MAX_TITLE_CHARS = 220
# The timestamp line is looked for among this many first non-blank lines.
HEADER_LINES = 6

_DATE_PREFIX = re.compile(r"\A\s*date\s*[:=]?\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?\b[ \t]*\n?")
_TIME = r"(\d{1,2})[:hg](\d{2})"
_DMY = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_WEEKDAY = r"(?:(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật|T[2-7]|CN)\s*,?\s*)?(?:ngày\s+)?"
_TIMESTAMP = re.compile(
    rf"^\s*(?:[\w.]{{1,12}}\s*[-–]\s*)?{_WEEKDAY}(?:{_TIME}\s*[,|-]?\s*{_WEEKDAY}{_DMY}|{_DMY}\s*[,|-]?\s*(?:lúc\s+)?{_TIME})"
    r"\s*(?:\(?\s*GMT\s*\+\s*7\s*\)?)?\s*$", re.IGNORECASE)
_TITLE_END = re.compile(r"[.!?…:;,]$")


@dataclass(slots=True)
class Header:
    body: str
    title: str | None = None
    published: str | None = None


def _iso(y: str, mo: str, d: str, hh: str | None = None, mm: str | None = None) -> str | None:
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if hh is None or mm is None or not (0 <= int(hh) < 24 and 0 <= int(mm) < 60):
        return day.isoformat()
    return f"{day.isoformat()}T{int(hh):02d}:{int(mm):02d}"


def parse_timestamp(line: str) -> str | None:
    """``'22:00 25/06/2024'`` → ``'2024-06-25T22:00'``; None when the line is not only that."""
    if "/" not in line:  # both forms have D/M/YYYY; most lines are cleared by this test
        return None
    m = _TIMESTAMP.match(line)
    if not m:
        return None
    g = m.groups()
    if g[0] is not None:  # time first
        return _iso(g[4], g[3], g[2], g[0], g[1])
    return _iso(g[7], g[6], g[5], g[8], g[9])


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return (0 < len(s) <= MAX_TITLE_CHARS and not _TITLE_END.search(s) and not s[0].islower()
            and parse_timestamp(s) is None)


def parse_header(text: str, *, find_title: bool = True) -> Header:
    """Split the crawl header off ``text``; the body keeps everything else verbatim."""
    published = None
    m = _DATE_PREFIX.match(text)
    if m:
        published = _iso(*m.groups())
        text = text[m.end():]
    # Only the first HEADER_LINES non-blank lines matter: the body is not split here.
    head = _first_nonblank_lines(text, HEADER_LINES)
    title = None
    drop: set[int] = set()
    if find_title and len(head) >= 2 and _looks_like_title(head[0][1]):
        title = head[0][1].strip()
        drop.add(head[0][0])
    for i, line in head:
        if i in drop:
            continue
        ts = parse_timestamp(line)
        if ts:
            published = published or ts
            drop.add(i)
            break
    if drop:
        text = "\n".join(ln for i, ln in enumerate(text.split("\n")) if i not in drop)
    return Header(text, title, published)


def _first_nonblank_lines(text: str, n: int) -> list[tuple[int, str]]:
    """(line number, line) of the first ``n`` lines of ``text`` that are not blank."""
    found: list[tuple[int, str]] = []
    # The first 2n lines (split in C) hold them in almost every text; the rest stays unsplit.
    head = text.split("\n", 2 * n)
    rest = head.pop() if len(head) > 2 * n else None
    for number, line in enumerate(head):
        if line and not line.isspace():
            found.append((number, line))
            if len(found) == n:
                return found
    if rest is None:
        return found
    start, number = len(text) - len(rest), 2 * n
    while len(found) < n:  # blank lines all the way: go on line by line
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line and not line.isspace():
            found.append((number, line))
        if end < 0:
            break
        start, number = end + 1, number + 1
    return found
