"""Small TSV data files that belong to the text and reading packages.

Same format as the knowledge tables (``# source:`` line required, then a header row, then
rows), but stored next to the code that uses them: they describe the language and the
legacy encodings, not world knowledge.
"""

from __future__ import annotations

from importlib import resources

from ..errors import KnowledgeError


def load_tsv(package: str, filename: str, required: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of ``package/filename`` as dicts; raises KnowledgeError on a malformed file."""
    try:
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"data file {package}/{filename} is missing") from exc
    has_source = False
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            has_source = has_source or line[1:].strip().lower().startswith("source:")
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise KnowledgeError(f"{filename}: header lacks columns {missing}")
            continue
        if len(cells) > len(header):
            raise KnowledgeError(f"{filename}:{lineno}: {len(cells)} cells for {len(header)} columns")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        for col in required:
            if not row[col]:
                raise KnowledgeError(f"{filename}:{lineno}: empty '{col}'")
        rows.append(row)
    if not has_source:
        raise KnowledgeError(f"{filename}: no '# source:' line saying where the data comes from")
    if not rows:
        raise KnowledgeError(f"{filename}: no rows")
    return tuple(rows)
