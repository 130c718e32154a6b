"""The local engine: run the pipeline over a stream of articles, in this process or in N.

``map_articles`` is order-preserving and streaming: it keeps at most a fixed number of
chunks in flight, so memory stays flat however long the input is (the reader, the workers
and the consumer all move at the pace of the slowest). With ``workers > 1`` each worker
process builds its pipeline once (pool initializer) and then only receives and returns
pickled chunks of articles (slotted dataclasses, cheap to pickle).

Anything in the stream that is not an :class:`Article` (e.g. a reader's ``Skipped``
record) passes through untouched, in its place, so callers can count what was skipped.

A batch run must not stall on one pathological article (a regex that backtracks
exponentially on a row of 60 dots takes hours). Where signals can be used (the main
thread of a process) each article gets a budget of CPU time: when a stage exceeds it,
that stage is interrupted with :class:`StageTimeout`, which the batch pipeline records as
the stage's error, and each later stage of that article gets a fresh budget.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from ..model import Article, StageError
from ..pipeline import Pipeline

# 64 articles per chunk: at ~1,000 articles/s a chunk is ~60 ms of work, large enough that
# pickling and queueing (~1 ms per chunk) stay small, small enough to keep workers evenly fed.
DEFAULT_CHUNKSIZE = 64
# Chunks in flight per worker: 2 keeps every worker busy while the parent pickles the next
# chunk and unpickles the last; more only adds memory.
IN_FLIGHT_PER_WORKER = 2

# CPU seconds one article may spend before the running stage is interrupted. Articles take
# ~5 ms and the slowest seen in the shared corpus (without a runaway regex) ~120 ms, so
# 10 s only ever cuts a runaway. CPU time, not wall time: a loaded machine does not trip it.
ARTICLE_CPU_LIMIT = 10.0

PipelineFactory = Callable[[], Callable[[Article], Article]]


class StageTimeout(Exception):
    """A stage ran past the per-article CPU budget (recorded as that stage's error)."""


class CpuBudget:
    """Arms a CPU-time timer per article; the handler interrupts the running stage.

    Usable only from a process's main thread (signals); elsewhere it does nothing.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.active = bool(seconds) and hasattr(signal, "setitimer") \
            and threading.current_thread() is threading.main_thread()
        self._previous: Any = None

    def __enter__(self) -> CpuBudget:
        if self.active:
            self._previous = signal.signal(signal.SIGVTALRM, self._on_timer)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, self._previous)

    def _on_timer(self, signum: int, frame: Any) -> None:
        signal.setitimer(signal.ITIMER_VIRTUAL, self.seconds)  # the next stage's budget
        raise StageTimeout(f"over {self.seconds:g} s of CPU time on one article")

    def arm(self) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_VIRTUAL, self.seconds)

    def disarm(self) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)

    def run(self, pipeline: Callable[[Article], Article], article: Article) -> Article:
        self.arm()
        try:
            return pipeline(article)
        except StageTimeout as exc:  # fired between two stages, outside their error handling
            article.errors.append(StageError("pipeline", f"StageTimeout: {exc}"))
            return article
        finally:
            self.disarm()


def batch_pipeline() -> Pipeline:
    """The default pipeline for batch runs: a failing stage is recorded, the run goes on."""
    return Pipeline(raise_errors=False)


def map_articles(articles: Iterable[Any], *, workers: int = 1,
                 pipeline_factory: PipelineFactory = batch_pipeline,
                 chunksize: int = DEFAULT_CHUNKSIZE,
                 max_in_flight: int | None = None,
                 mp_context: Any = None,
                 cpu_limit: float | None = ARTICLE_CPU_LIMIT) -> Iterator[Any]:
    """Yield every article of ``articles`` after the pipeline, in input order.

    ``workers=1`` runs in this process. ``workers>1`` uses a process pool; then
    ``pipeline_factory`` must be picklable (a module-level function or a
    ``functools.partial`` of one). Items that are not :class:`Article` are yielded as
    they are. At most ``max_in_flight`` chunks (default ``2 * workers``) are submitted
    and not yet yielded. ``cpu_limit``: CPU seconds per article before the running stage
    is interrupted (None: no limit); see the module docstring.
    """
    if workers < 1:
        raise ValueError(f"workers must be >= 1, got {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, got {chunksize}")
    if workers == 1:
        yield from _map_in_process(articles, pipeline_factory(), cpu_limit)
        return
    yield from _map_in_pool(articles, workers, pipeline_factory, chunksize,
                            max_in_flight or IN_FLIGHT_PER_WORKER * workers, mp_context, cpu_limit)


def _map_in_process(articles: Iterable[Any], pipeline: Callable[[Article], Article],
                    cpu_limit: float | None) -> Iterator[Any]:
    budget = CpuBudget(cpu_limit)
    for item in articles:
        if isinstance(item, Article):
            # the handler is installed only while an article runs, never across the yield
            with budget:
                item = budget.run(pipeline, item)
        yield item


def _map_in_pool(articles: Iterable[Any], workers: int, pipeline_factory: PipelineFactory,
                 chunksize: int, max_in_flight: int, mp_context: Any,
                 cpu_limit: float | None) -> Iterator[Any]:
    ctx = mp_context or multiprocessing.get_context()
    source = iter(articles)
    in_flight: deque[Future[list[Any]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(pipeline_factory, cpu_limit)) as pool:
        try:
            while True:
                while len(in_flight) < max_in_flight:
                    chunk = list(islice(source, chunksize))
                    if not chunk:
                        break
                    in_flight.append(pool.submit(_run_chunk, chunk))
                if not in_flight:
                    break
                yield from in_flight.popleft().result()
        finally:
            # The consumer stopped early (or a chunk failed): drop what has not started.
            for fut in in_flight:
                fut.cancel()


# Per worker process: the pipeline and CPU budget built once by the pool initializer.
# This is the standard process-pool idiom; the parent process never touches it.
_worker_state: dict[str, Any] = {}


def _init_worker(pipeline_factory: PipelineFactory, cpu_limit: float | None) -> None:
    pipeline = pipeline_factory()
    budget = CpuBudget(cpu_limit)
    budget.__enter__()  # the handler stays for the worker's life; timers are armed per article
    # Load every stage and its knowledge before the first chunk; a stage that fails here
    # fails (and is recorded) on the real articles too.
    with contextlib.suppress(Exception):
        budget.run(pipeline, Article(id="warm-up", text_clean="Hà Nội, ngày 1/1/2024. Việt Nam."))
    _worker_state.update(pipeline=pipeline, budget=budget)


def _run_chunk(chunk: list[Any]) -> list[Any]:
    pipeline, budget = _worker_state["pipeline"], _worker_state["budget"]
    return [budget.run(pipeline, item) if isinstance(item, Article) else item for item in chunk]


# Articles per written Parquet chunk: ~1-3 MB of text per file, few enough files for
# DuckDB/Spark, small enough that reading an export back stays a chunk at a time.
PARQUET_CHUNK = 1000


def extract_to_parquet(items: Iterable[Any], out_dir: Any, *, workers: int = 1,
                       pipeline_factory: PipelineFactory = batch_pipeline,
                       chunk_articles: int = PARQUET_CHUNK, overwrite: bool = False,
                       progress: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Extract ``items`` (Articles and reader ``Skipped``) with ``workers`` local processes
    and write the partitioned Parquet datasets of :mod:`sukien.export.parquet`."""
    from ..export.parquet import prepare_output, write_chunk

    out = prepare_output(out_dir, overwrite=overwrite)
    summary: dict[str, Any] = {"engine": "local", "workers": workers, "articles": 0, "skipped": 0,
                               "chunks": 0, "rows": {}}
    chunk: list[Any] = []

    def flush() -> None:
        counts = write_chunk(out, summary["chunks"], chunk)
        summary["chunks"] += 1
        for table, n in counts.items():
            summary["rows"][table] = summary["rows"].get(table, 0) + n
        chunk.clear()
        if progress:
            progress(summary)

    for item in map_articles(items, workers=workers, pipeline_factory=pipeline_factory):
        chunk.append(item)
        if isinstance(item, Article):
            summary["articles"] += 1
        else:
            summary["skipped"] += 1
        if len(chunk) >= chunk_articles:
            flush()
    if chunk:
        flush()
    return summary
