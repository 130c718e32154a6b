"""Readers: paths, directories, globs and stdin → :class:`Article` or :class:`Skipped`.

One function per input kind, all behind :func:`read`. A bad input never stops a run: it
becomes a :class:`Skipped` naming the file (and the line, for JSON Lines), the reason and
the error code of :mod:`sukien.errors`, and reading goes on with the next input.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import EmptyInput, MalformedRecord, ReadError, TooLarge
from ..model import Article
from .clean import clean_body, repeats_title, title_key
from .decode import MAX_INPUT_BYTES, decode_bytes, repair_text
from .header import _iso, parse_header, parse_timestamp

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# JSONL fields that become Article attributes; every other scalar field goes to meta.
_STANDARD_FIELDS = {"id", "title", "text", "published", "date", "url", "outlet", "source"}
_GLOB_CHARS = re.compile(r"[*?\[]")
_NON_SPACE = re.compile(r"\S")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class Skipped:
    """An input that was not read, and why (``code`` is the error code of sukien.errors)."""

    path: str
    reason: str
    line: int | None = None
    code: str = "E100"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{self.code} {where}: {self.reason}"


def _skip(exc: ReadError) -> Skipped:
    return Skipped(exc.path, exc.reason, exc.line, exc.code)


# -- one text → Article ------------------------------------------------------------------

def normalize_published(value: Any) -> str | None:
    """ISO strings are kept as given; ``25/06/2024 [22:00]`` becomes ISO; anything else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    if _ISO_DATE.match(v):
        return v
    ts = parse_timestamp(v)
    if ts:
        return ts
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", v)
    return _iso(m.group(3), m.group(2), m.group(1)) if m else None


def article_from_text(text: str, *, id: str, title: str | None = None, published: str | None = None,
                      outlet: str | None = None, url: str | None = None,
                      source_path: str | None = None, meta: dict[str, Any] | None = None) -> Article:
    """One plain text → Article: Unicode repair + NFC, crawl header, boilerplate cleaning.

    Explicit ``title``/``published`` win over what the text's header says. Raises
    :class:`~sukien.errors.EncodingError` only for text that is unrepairable mojibake.
    """
    raw = repair_text(text, source_path or id).text
    header = parse_header(raw, find_title=not title)
    title = title.strip() if title and title.strip() else header.title
    key = title_key(title)
    title_line = header.title or _first_line_if_title(header.body, key)
    given = normalize_published(published)
    cleaned = clean_body(header.body, title, key=key)
    art_meta = dict(meta or {})
    if published and not given:
        art_meta["published_raw"] = published
    art_meta.update(cleaned.meta)
    text_clean, captions = cleaned.text, cleaned.captions
    if title_line and text_clean:
        # The headline stays once, as the first paragraph: it is part of the article (the
        # gold quotes headlines) and its repeats were dropped by the cleaner.
        prefix = title_line + "\n\n"
        text_clean = prefix + text_clean
        for c in captions:
            c.start += len(prefix)
            c.end += len(prefix)
        art_meta["title_span"] = [0, len(title_line)]
    return Article(id=id, text_clean=text_clean, raw_text=raw, title=title,
                   published=given or header.published, outlet=outlet, url=url,
                   source_path=source_path, meta=art_meta, captions=captions)


def _first_line_if_title(body: str, key: str | None) -> str | None:
    """The body's first line when it repeats the title whose ``title_key`` is ``key``
    (JSONL texts start so)."""
    if not key:
        return None
    m = _NON_SPACE.search(body)  # the first non-blank line, without splitting the body
    if m is None:
        return None
    end = body.find("\n", m.start())
    first = body[m.start():end if end >= 0 else len(body)].strip()
    return first if first and repeats_title(first, key) else None


def _checked(article: Article, path: str, line: int | None = None) -> Article | Skipped:
    if not article.text_clean or article.text_clean.isspace():  # not .strip(): no copy
        return Skipped(path, "no article text left after removing page boilerplate", line, EmptyInput.code)
    return article


# -- file kinds --------------------------------------------------------------------------

def _stem(path: Path) -> str:
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[0] if "." in name else name


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "txt"
    return None


def _read_bytes(path: Path) -> bytes:
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    else:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise TooLarge(str(path), f"{path.stat().st_size:,} bytes is over the {MAX_INPUT_BYTES:,}-byte "
                                      "limit for one article file")
        data = path.read_bytes()
    return data


def read_txt(data: bytes, *, path: str, id: str) -> Article | Skipped:
    decoded = decode_bytes(data, path)
    meta = {"encoding": decoded.encoding} if decoded.encoding not in ("utf-8", "utf-8-sig") else None
    return _checked(article_from_text(decoded.text, id=id, source_path=path, meta=meta), path)


def read_html(data: bytes, *, path: str, id: str) -> Article | Skipped:
    from .html import extract_page

    decoded = decode_bytes(data, path)
    page = extract_page(decoded.text)
    if not page.text.strip():
        return Skipped(path, "no main text found in the HTML page", None, EmptyInput.code)
    return _checked(article_from_text(page.text, id=id, title=page.title, published=page.published,
                                      source_path=path), path)


def read_jsonl(stream: BinaryIO, *, path: str, stem: str) -> Iterator[Article | Skipped]:
    """One article per line; a bad line is a Skipped with its line number, then we go on."""
    lineno = 0
    try:
        for lineno, raw in enumerate(stream, 1):  # noqa: B007 - lineno used after the loop
            if not raw.strip():
                continue
            yield _jsonl_record(raw, path, lineno, stem)
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        yield Skipped(path, f"file is truncated or corrupt after line {lineno}: {exc}", lineno + 1)


def _jsonl_record(raw: bytes, path: str, lineno: int, stem: str) -> Article | Skipped:
    try:
        if len(raw) > MAX_INPUT_BYTES:
            raise TooLarge(path, f"record of {len(raw):,} bytes is over the {MAX_INPUT_BYTES:,}-byte limit", lineno)
        try:
            line = raw.decode("utf-8").lstrip("\ufeff")  # a BOM may start the first line
        except UnicodeDecodeError:
            line = decode_bytes(raw, path, lineno).text
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(path, f"malformed JSON: {exc.msg} (column {exc.colno})", lineno) from exc
        if not isinstance(rec, dict):
            raise MalformedRecord(path, f"a record must be a JSON object, not {type(rec).__name__}", lineno)
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            raise EmptyInput(path, "record has no 'text'", lineno)
        title = rec.get("title") if isinstance(rec.get("title"), str) else None
        outlet = rec.get("outlet") or rec.get("source")
        url = rec.get("url")
        meta = {k: v for k, v in rec.items()
                if k not in _STANDARD_FIELDS and (v is None or isinstance(v, (str, int, float, bool)))}
        rid = rec.get("id")
        art = article_from_text(
            text, id=str(rid) if rid not in (None, "") else f"{stem}:{lineno}", title=title,
            published=rec.get("published") or rec.get("date"),
            outlet=outlet if isinstance(outlet, str) else None, url=url if isinstance(url, str) else None,
            source_path=f"{path}:{lineno}", meta=meta)
        return _checked(art, path, lineno)
    except ReadError as exc:
        return Skipped(path, exc.reason, lineno, exc.code)


def read_file(path: Path) -> Iterator[Article | Skipped]:
    """Every article of one file (a text/HTML file holds one, a JSONL file many)."""
    p = str(path)
    try:
        kind = _kind(path) or "txt"
        if kind == "jsonl":
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from read_jsonl(fh, path=p, stem=_stem(path))
            return
        data = _read_bytes(path)
        reader = read_html if kind == "html" else read_txt
        yield reader(data, path=p, id=_stem(path))
    except ReadError as exc:
        yield _skip(exc)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(p, f"cannot read: {exc}")
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop a batch; it is reported
        yield Skipped(p, f"unexpected error while reading: {type(exc).__name__}: {exc}")


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Article | Skipped]:
    """Standard input: JSON Lines if it starts with '{', HTML if with '<', else one text."""
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
    try:
        data = stream.read()
        head = data.lstrip()[:1]
        if head == b"{":
            yield from read_jsonl(io.BytesIO(data), path="<stdin>", stem="stdin")
        elif head == b"<":
            yield read_html(data, path="<stdin>", id="stdin")
        else:
            yield read_txt(data, path="<stdin>", id="stdin")
    except ReadError as exc:
        yield _skip(exc)
    except Exception as exc:  # noqa: BLE001 - reported, never raised into a batch
        yield Skipped("<stdin>", f"unexpected error while reading: {type(exc).__name__}: {exc}")


# -- sources -----------------------------------------------------------------------------

def _dir_files(d: Path) -> list[Path]:
    return sorted(f for f in d.rglob("*")
                  if f.is_file() and _kind(f) and not any(part.startswith(".") for part in f.relative_to(d).parts))


def read(sources: Iterable[str | Path] | str | Path) -> Iterator[Article | Skipped]:
    """Read every article of ``sources``: files, directories (recursive, sorted), globs, '-'.

    Kinds by name: ``.txt``/``.text``, ``.html``/``.htm``, ``.jsonl``/``.ndjson``, each
    optionally ``.gz``; a file named explicitly with another suffix is read as text.
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    for src in sources:
        s = str(src)
        if s == "-":
            yield from read_stdin()
            continue
        p = Path(s)
        if p.is_dir():
            files = _dir_files(p)
        elif p.is_file():
            files = [p]
        elif _GLOB_CHARS.search(s):
            files = []
            for m in sorted(glob.glob(s, recursive=True)):
                mp = Path(m)
                files.extend(_dir_files(mp) if mp.is_dir() else [mp] if mp.is_file() else [])
            if not files:
                yield Skipped(s, "no file matches this pattern")
                continue
        else:
            yield Skipped(s, "no such file or directory")
            continue
        for f in files:
            yield from read_file(f)
