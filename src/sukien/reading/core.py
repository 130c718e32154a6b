"""Readers (stub until the foundation issue lands)."""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Article


@dataclass(slots=True)
class Skipped:
    """An input that was not read, and why."""

    path: str
    reason: str
    line: int | None = None
    code: str = "E100"


def article_from_text(text: str, *, id: str, title: str | None = None, published: str | None = None,
                      outlet: str | None = None, url: str | None = None,
                      source_path: str | None = None) -> Article:
    text = unicodedata.normalize("NFC", text)
    return Article(id=id, text_clean=text.strip(), raw_text=text, title=title, published=published,
                   outlet=outlet, url=url, source_path=source_path)


def read(sources: Iterable[str | Path] | str | Path) -> Iterator[Article | Skipped]:
    if isinstance(sources, (str, Path)):
        sources = [sources]
    for src in sources:
        p = Path(src)
        files = sorted(p.iterdir()) if p.is_dir() else [p]
        for f in files:
            if f.name.endswith((".jsonl", ".jsonl.gz")):
                opener = gzip.open if f.name.endswith(".gz") else open
                with opener(f, "rt", encoding="utf-8") as fh:
                    for i, line in enumerate(fh, 1):
                        try:
                            d = json.loads(line)
                        except json.JSONDecodeError as e:
                            yield Skipped(str(f), f"malformed JSON: {e}", i)
                            continue
                        yield article_from_text(d.get("text") or "", id=str(d.get("id", f"{f.stem}:{i}")),
                                                title=d.get("title"), published=d.get("published"),
                                                source_path=f"{f}:{i}")
            elif str(f) == "-":
                yield article_from_text(sys.stdin.read(), id="stdin")
            else:
                yield article_from_text(f.read_text(encoding="utf-8"), id=f.stem, source_path=str(f))
