"""Build ``data/term_df.tsv.gz``: document frequencies of syllables and syllable pairs.

Run from the repository root (it reads the shared corpus beside it)::

    python -m sukien.link.build_reference_df ../shared/corpus/news/baomoi2017.jsonl.gz

Only counts are kept (no text): terms seen in at least ``REFERENCE_MIN_DF`` documents.
The corpus is baomoi2017 (all topics, 2017) so that the stories evaluation set
(mds2013, 2012–2013) plays no part in it.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from .features import REFERENCE_DF_FILE, REFERENCE_MIN_DF, terms_of_text

SOURCE = ("# source: document frequencies computed by sukien.link.build_reference_df over "
          "baomoi2017.jsonl.gz (35,418 baomoi.com articles, Feb-Jul 2017; public repo magizbox/scraper); "
          "title + body, lower case NFC syllables and adjacent syllable pairs; terms with df >= "
          f"{REFERENCE_MIN_DF} only")


def build(corpus: Path, out: Path) -> int:
    df: Counter[str] = Counter()
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("text") or ""
            if not text.strip():
                continue
            n += 1
            df.update(set(terms_of_text((rec.get("title") or "") + " . " + text)))
    rows = sorted(((t, c) for t, c in df.items() if c >= REFERENCE_MIN_DF), key=lambda x: (-x[1], x[0]))
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(SOURCE + "\n")
        fh.write(f"# documents: {n}\n")
        fh.write("term\tdf\n")
        for t, c in rows:
            fh.write(f"{t}\t{c}\n")
    return len(rows)


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else Path("../shared/corpus/news/baomoi2017.jsonl.gz")
    out = Path(__file__).parent / "data" / REFERENCE_DF_FILE
    build(corpus, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
