"""Entry point for ``sukien bench --memory``: stream N articles, report peak RSS as JSON.

Run as ``python -m sukien.engines.memory_probe --limit N [--workers W] FILE...``. It reads,
extracts and serialises every article (as a store or an exporter would) and keeps nothing,
so its peak RSS shows whether memory stays flat as the stream grows.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from itertools import islice

from ..model import Article
from ..reading import read
from .local import map_articles


def probe(files: list[str], limit: int, workers: int = 1) -> dict:
    start = time.perf_counter()
    n = nbytes = 0
    articles = (a for a in read(files) if isinstance(a, Article))
    for article in map_articles(islice(articles, limit), workers=workers):
        nbytes += len(json.dumps(article.to_record(), ensure_ascii=False))
        n += 1
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "limit": limit,
        "articles": n,
        "workers": workers,
        "wall_s": round(time.perf_counter() - start, 2),
        "output_mb": round(nbytes / 1e6, 1),
        "peak_rss_mb": round(self_kib / 1024, 1),
        # largest single worker process (0 when workers == 1)
        "peak_worker_rss_mb": round(children_kib / 1024, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sukien.engines.memory_probe")
    parser.add_argument("--limit", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    sys.stdout.write(json.dumps(probe(args.files, args.limit, args.workers)) + "\n")


if __name__ == "__main__":
    main()
