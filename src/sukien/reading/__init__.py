"""Reading and cleaning: files, HTML, JSON Lines, directories, globs and stdin → Article.

Public interface (other packages use only these):

- ``read(sources) -> Iterator[Article | Skipped]``: every input, in order; a bad input or
  bad JSONL line becomes a :class:`Skipped` naming the file (and line) and the reason.
- ``article_from_text(text, id=..., title=..., published=..., ...) -> Article``: one plain
  text through header parsing, normalisation and cleaning.
"""

from __future__ import annotations

from .core import Skipped, article_from_text, read

__all__ = ["Skipped", "article_from_text", "read"]
