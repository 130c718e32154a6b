"""Small TSV data files that belong to the text and reading packages.

Same format as the knowledge tables (``# source:`` line required, then a header row, then
rows), but stored next to the code that uses them: they describe the language and the
legacy encodings, not world knowledge.
"""

from __future__ import annotations

from ..knowledge import read_tsv as load_tsv

__all__ = ["load_tsv"]
