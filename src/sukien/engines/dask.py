"""The Dask engine: the same extraction over chunks of articles on a Dask cluster.

The client reads the input (reading is ~20× faster than extraction, so one reader feeds
many workers) and submits chunks of articles, a bounded number at a time so memory stays
flat; each task runs the pipeline on its chunk and writes that chunk's rows straight into
the partitioned Parquet datasets of :mod:`sukien.export.parquet`. On a real cluster
``out_dir`` must therefore be a path every worker can write (a shared file system).

With no scheduler address a :class:`distributed.LocalCluster` is started: ``workers``
processes with one thread each (the pipeline is pure Python, threads would only contend
for the GIL).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from ..errors import MissingExtra
from ..model import Article
from .local import PipelineFactory, batch_pipeline

# Articles per task (and per written Parquet chunk): a few hundred ms of work per task, so
# the scheduler's ~1 ms per task is negligible and the load still balances.
DEFAULT_CHUNK_ARTICLES = 500
# Tasks in flight per worker: one running, one queued behind it.
IN_FLIGHT_PER_WORKER = 2


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise MissingExtra("The Dask engine", "dask") from exc
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise MissingExtra("The Dask engine's Parquet output", "dask") from exc
    return distributed


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Any]:
    """A client on ``scheduler``, or on a fresh LocalCluster of ``workers`` processes."""
    distributed = _distributed()
    if scheduler:
        with distributed.Client(scheduler) as client:
            yield client
        return
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.WARNING) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def extract_chunk(chunk_no: int, items: list[Any], out_dir: str,
                  pipeline_factory: PipelineFactory = batch_pipeline) -> dict[str, Any]:
    """One task: run the pipeline over a chunk and write its rows; returns rows per dataset."""
    from ..export.parquet import write_chunk

    pipeline = pipeline_factory()
    done = [pipeline(item) if isinstance(item, Article) else item for item in items]
    return write_chunk(out_dir, chunk_no, done)


def extract_to_parquet(items: Iterable[Any], out_dir: Any, *, scheduler: str | None = None,
                       workers: int = 2, pipeline_factory: PipelineFactory = batch_pipeline,
                       chunk_articles: int = DEFAULT_CHUNK_ARTICLES, overwrite: bool = False,
                       progress: Any = None) -> dict[str, Any]:
    """Extract ``items`` (Articles and reader ``Skipped``) on a Dask cluster into Parquet."""
    from ..export.parquet import prepare_output

    distributed = _distributed()
    out = str(prepare_output(out_dir, overwrite=overwrite).resolve())
    summary: dict[str, Any] = {"engine": "dask", "scheduler": scheduler or "LocalCluster",
                               "workers": 0, "articles": 0, "skipped": 0, "chunks": 0, "rows": {}}
    start = time.perf_counter()
    source = iter(items)
    with dask_client(scheduler, workers) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        summary["workers"] = n_workers

        def submit_next() -> Any | None:
            chunk = list(islice(source, chunk_articles))
            if not chunk:
                return None
            n_art = sum(isinstance(x, Article) for x in chunk)
            summary["articles"] += n_art
            summary["skipped"] += len(chunk) - n_art
            fut = client.submit(extract_chunk, summary["chunks"], chunk, out, pipeline_factory,
                                pure=False)
            summary["chunks"] += 1
            return fut

        first = [f for f in (submit_next() for _ in range(IN_FLIGHT_PER_WORKER * n_workers)) if f]
        pending = distributed.as_completed(first)
        for fut in pending:
            for table, n in fut.result().items():
                summary["rows"][table] = summary["rows"].get(table, 0) + n
            nxt = submit_next()
            if nxt is not None:
                pending.add(nxt)
            if progress:
                progress(summary)
    summary["wall_s"] = round(time.perf_counter() - start, 2)
    return summary
