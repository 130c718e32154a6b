"""Reading and cleaning: files, HTML, JSON Lines, directories, globs and stdin → Article.

Public interface (other packages use only these):

- ``read(sources) -> Iterator[Article | Skipped]``: every input, in order; a bad input or
  bad JSONL line becomes a :class:`Skipped` naming the file (and line), the reason and the
  error code (sukien.errors), and reading goes on.
- ``article_from_text(text, id=..., title=..., published=..., outlet=..., url=...,
  source_path=..., meta=...) -> Article``: one plain text through Unicode repair (NFC,
  legacy VNI/TCVN3/double-UTF-8), the crawl header (``date`` prefix, title line, timestamp
  line) and boilerplate cleaning (captions out of the text into zero-length ``CAPTION``
  spans and ``meta["captions"]``; related/teaser/widget blocks and bylines removed; the
  headline kept once at the top, ``meta["title_span"]``).
- ``decode_bytes(data, path)``: bytes → text or a named ReadError (see ``decode``).
"""

from __future__ import annotations

from .core import Skipped, article_from_text, read
from .decode import decode_bytes

__all__ = ["Skipped", "article_from_text", "decode_bytes", "read"]
