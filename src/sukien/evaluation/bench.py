"""Speed and memory benchmark (SPEC §8): our pipeline against the floor and the baseline.

Everything is measured in one run on the same articles, because the machines are shared
and noisy: the figures that count are the *ratios*.

- **ours**: ``sukien.reading.read`` (decompression, JSON, normalisation, cleaning) and then
  every pipeline stage, timed stage by stage, one process.
- **floor**: the least any pipeline must do on the same input: read the records
  (decompression + JSON), NFC-normalise, split sentences with one precompiled regex.
- **baseline**: underthesea ``word_tokenize`` + ``ner`` on a sample of the same articles
  (the optional ``baseline`` extra; reported as skipped when it is not installed).

Throughput per core is articles / CPU seconds of this process (``time.process_time``),
which other people's load on the machine does not inflate; stages are timed the same way.
Ratios are times per article: ``ours_over_floor`` = our time / the floor's (goal ≤ 5),
``ours_over_baseline`` = our time / underthesea's (lower is better).

``stream_memory`` runs the pipeline over the first N articles in a fresh subprocess and
reports its peak RSS, so peak memory at 10k and 40k articles can be compared.
"""

from __future__ import annotations

import glob
import gzip
import json
import re
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..engines.local import StageTimeout
from ..errors import SukienError
from ..model import Article
from ..pipeline import Pipeline

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_BENCH_FILE = "trends2024.jsonl.gz"
# underthesea's NER costs ~0.3 s per article here: 200 articles is ~1 minute, enough for a
# stable per-article figure.
DEFAULT_BASELINE_SAMPLE = 200
DEFAULT_MEMORY_SIZES = (10_000, 40_000)
# CPU seconds per article before the bench cuts a runaway stage (counted under "timeouts"):
# ~10x the slowest ordinary article, so one runaway does not swamp the average.
BENCH_CPU_LIMIT = 1.0

# The floor's sentence split: end punctuation (optionally closed by a quote/bracket),
# then space, or a line break. Deliberately the cheapest reasonable split.
_FLOOR_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n+")


def _roots() -> list[Path]:
    # The source checkout (editable install), then the working directory (an installed
    # package run from inside the repo).
    return [REPO_ROOT, Path.cwd()]


def default_corpus() -> list[Path]:
    """trends2024 from the shared corpus beside the repo when present, else the bundled sample."""
    for root in _roots():
        shared = root / ".." / "shared" / "corpus" / "news" / DEFAULT_BENCH_FILE
        if shared.exists():
            return [shared.resolve()]
    for root in _roots():
        if (root / "examples").is_dir():
            return [root / "examples"]
    raise SukienError("no corpus to measure: give --corpus PATH")


def whole_shared_corpus() -> list[Path]:
    """Every ``*.jsonl.gz`` of the shared news corpus, in name order (empty when absent)."""
    for root in _roots():
        news = root / ".." / "shared" / "corpus" / "news"
        if news.is_dir():
            return sorted(news.resolve().glob("*.jsonl.gz"))
    return []


@dataclass(slots=True)
class Timing:
    """One measured step over ``articles`` articles of ``nbytes`` bytes of UTF-8 text."""

    name: str
    articles: int = 0
    nbytes: int = 0
    wall_s: float = 0.0
    cpu_s: float = 0.0
    errors: int = 0
    timeouts: int = 0

    def as_dict(self) -> dict[str, Any]:
        secs = self.cpu_s if self.cpu_s > 0 else self.wall_s
        return {
            "name": self.name,
            "articles": self.articles,
            "mb": round(self.nbytes / 1e6, 3),
            "wall_s": round(self.wall_s, 4),
            "cpu_s": round(self.cpu_s, 4),
            "articles_per_s": _rate(self.articles, secs),
            "mb_per_s": _rate(self.nbytes / 1e6, secs),
            "ms_per_article": round(1000 * secs / self.articles, 4) if self.articles else None,
            "errors": self.errors,
            "timeouts": self.timeouts,
        }

    @property
    def seconds_per_article(self) -> float | None:
        secs = self.cpu_s if self.cpu_s > 0 else self.wall_s
        return secs / self.articles if self.articles else None


def _rate(amount: float, secs: float) -> float | None:
    return round(amount / secs, 2) if secs > 0 else None


# -- inputs ---------------------------------------------------------------------------------

def expand_corpus(paths: Iterable[str | Path]) -> list[Path]:
    """Files under the given paths (directories are listed, sorted; globs expanded)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(f for f in sorted(p.iterdir()) if f.is_file())
        elif p.exists():
            out.append(p)
        else:
            out.extend(Path(f) for f in sorted(glob.glob(str(raw))))
    return out


def raw_texts(paths: Iterable[Path]) -> Iterator[str]:
    """The floor's reader: the ``text`` of each JSONL record, or each file's whole text."""
    for f in paths:
        name = f.name
        if name.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(f, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    try:
                        text = json.loads(line).get("text")
                    except (json.JSONDecodeError, AttributeError):
                        continue
                    if text:
                        yield text
        else:
            opener = gzip.open if name.endswith(".gz") else open
            with opener(f, "rt", encoding="utf-8", errors="replace") as fh:
                yield fh.read()


def articles_from(paths: Sequence[Path]) -> Iterator[Article]:
    """Our reader's articles (skipped inputs dropped)."""
    from ..reading import read

    for item in read([str(p) for p in paths]):
        if isinstance(item, Article):
            yield item


# -- measurements ---------------------------------------------------------------------------

def measure_floor(paths: Sequence[Path], limit: int | None) -> Timing:
    t = Timing("floor")
    wall0, cpu0 = time.perf_counter(), time.process_time()
    sentences = 0
    for text in islice(raw_texts(paths), limit):
        text = unicodedata.normalize("NFC", text)
        sentences += len(_FLOOR_SENTENCE_END.split(text))
        t.articles += 1
        t.nbytes += len(text.encode("utf-8"))
    t.wall_s, t.cpu_s = time.perf_counter() - wall0, time.process_time() - cpu0
    return t


WARM_UP_TEXT = "Sáng 3/6/2024, Chủ tịch nước Tô Lâm hội đàm với Tổng thống Hàn Quốc tại Hà Nội."


def warm_up(pipeline: Pipeline) -> float:
    """Run the pipeline once so stages load their knowledge (a one-off cost a long run
    amortises, kept out of the per-article figures); returns the seconds it took."""
    from ..reading import article_from_text

    t0 = time.perf_counter()
    pipeline(article_from_text(WARM_UP_TEXT, id="warm-up"))
    return time.perf_counter() - t0


def measure_ours(paths: Sequence[Path], limit: int | None, pipeline: Pipeline | None = None,
                 keep: int = 0) -> tuple[Timing, list[Timing], list[str], list[dict[str, Any]]]:
    """End to end (read + every stage), per stage, the first ``keep`` cleaned texts, and the
    slowest articles (a pathological input shows up there before it shows in the average)."""
    from ..engines.local import CpuBudget

    pipeline = pipeline or Pipeline(raise_errors=False)
    stages = [(s.name, s.load()) for s in pipeline.stages]
    warm_up(pipeline)
    with CpuBudget(BENCH_CPU_LIMIT) as budget:  # a runaway stage is cut and counted as a timeout
        return _measure_ours(paths, limit, stages, keep, budget)


def _measure_ours(paths: Sequence[Path], limit: int | None, stages: list[tuple[str, Any]], keep: int,
                  budget: Any) -> tuple[Timing, list[Timing], list[str], list[dict[str, Any]]]:
    read_t = Timing("read")
    stage_t = [Timing(name) for name, _ in stages]
    kept: list[str] = []
    slowest: list[tuple[float, str, int]] = []
    total = Timing("ours")
    wall, cpu = time.perf_counter, time.process_time
    wall0, cpu0 = wall(), cpu()
    source = articles_from(paths)
    n = 0
    while limit is None or n < limit:
        w0, c0 = wall(), cpu()
        article = next(source, None)
        w1, c1 = wall(), cpu()
        read_t.wall_s += w1 - w0
        read_t.cpu_s += c1 - c0
        if article is None:
            break
        n += 1
        size = len(article.text_clean.encode("utf-8"))
        read_t.nbytes += size
        if len(kept) < keep:
            kept.append(article.text_clean)
        start = w0
        budget.arm()
        for (_, func), st in zip(stages, stage_t, strict=True):
            w0, c0 = w1, c1
            try:
                article = func(article)
            except StageTimeout:
                st.timeouts += 1
            except Exception:  # noqa: BLE001 - counted; the benchmark measures, it does not judge
                st.errors += 1
            w1, c1 = wall(), cpu()
            st.wall_s += w1 - w0
            st.cpu_s += c1 - c0
        budget.disarm()
        _keep_slowest(slowest, (w1 - start, article.id, size))
    total.wall_s, total.cpu_s = wall() - wall0, cpu() - cpu0
    total.articles = read_t.articles = n
    total.nbytes = read_t.nbytes
    for st in stage_t:
        st.articles, st.nbytes = n, read_t.nbytes
        total.errors += st.errors
        total.timeouts += st.timeouts
    slow = [{"id": i, "ms": round(1000 * t, 1), "bytes": b} for t, i, b in sorted(slowest, reverse=True)]
    return total, [read_t, *stage_t], kept, slow


SLOWEST_SHOWN = 5


def _keep_slowest(slowest: list[tuple[float, str, int]], item: tuple[float, str, int]) -> None:
    if len(slowest) < SLOWEST_SHOWN:
        slowest.append(item)
    else:
        i = min(range(len(slowest)), key=lambda k: slowest[k][0])
        if item[0] > slowest[i][0]:
            slowest[i] = item


def measure_baseline(texts: Sequence[str]) -> Timing | str:
    """underthesea word_tokenize + ner over ``texts``; a reason string when unavailable."""
    if not texts:
        return "no articles sampled"
    try:
        from underthesea import ner, word_tokenize
    except ImportError:
        return "underthesea is not installed (pip install 'sukien[baseline]')"
    word_tokenize("Khởi động.")  # load the models outside the timing
    ner("Khởi động.")
    t = Timing("baseline")
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for text in texts:
        word_tokenize(text)
        ner(text)
        t.articles += 1
        t.nbytes += len(text.encode("utf-8"))
    t.wall_s, t.cpu_s = time.perf_counter() - wall0, time.process_time() - cpu0
    return t


def measure_parallel(paths: Sequence[Path], limit: int | None, workers: int) -> dict[str, Any]:
    """Wall-clock throughput of read + ``map_articles`` with ``workers`` processes."""
    from ..engines.local import map_articles

    wall0 = time.perf_counter()
    n = 0
    for _ in map_articles(islice(articles_from(paths), limit), workers=workers):
        n += 1
    wall = time.perf_counter() - wall0
    return {"workers": workers, "articles": n, "wall_s": round(wall, 3),
            "articles_per_s": _rate(n, wall)}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def run_bench(corpus: Sequence[str | Path] | None = None, *, limit: int | None = None,
              baseline_sample: int = DEFAULT_BASELINE_SAMPLE, workers: int = 1,
              pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Measure ours, the floor and the baseline on the same articles; returns a JSON-able dict."""
    paths = expand_corpus(corpus or default_corpus())
    if not paths:
        raise SukienError(f"no input files under {', '.join(map(str, corpus or []))}")
    floor = measure_floor(paths, limit)
    ours, stages, sample, slowest = measure_ours(paths, limit, pipeline, keep=max(0, baseline_sample))
    baseline = measure_baseline(sample) if baseline_sample > 0 else "disabled (--baseline-sample 0)"
    ours_spa, floor_spa = ours.seconds_per_article, floor.seconds_per_article
    ratios: dict[str, Any] = {
        "ours_over_floor": round(ours_spa / floor_spa, 2) if ours_spa and floor_spa else None,
        "ours_over_baseline": None,
        "baseline_over_ours": None,
    }
    if isinstance(baseline, Timing) and ours_spa and baseline.seconds_per_article:
        ratios["ours_over_baseline"] = round(ours_spa / baseline.seconds_per_article, 5)
        ratios["baseline_over_ours"] = round(baseline.seconds_per_article / ours_spa, 1)
    report: dict[str, Any] = {
        "corpus": [str(p) for p in paths],
        "articles": ours.articles,
        "mb": round(ours.nbytes / 1e6, 3),
        "ours": ours.as_dict(),
        "stages": [s.as_dict() for s in stages],
        "floor": floor.as_dict(),
        "baseline": baseline.as_dict() if isinstance(baseline, Timing) else {"skipped": baseline},
        "ratios": ratios,
        "slowest": slowest,
        "peak_rss_mb": peak_rss_mb(),
    }
    total_cpu = sum(s.cpu_s for s in stages) or 1.0
    for s, d in zip(stages, report["stages"], strict=True):
        d["share"] = round(s.cpu_s / total_cpu, 4)
    if workers > 1:
        report["parallel"] = measure_parallel(paths, limit, workers)
    return report


def stream_memory(paths: Sequence[str | Path] | None = None,
                  sizes: Sequence[int] = DEFAULT_MEMORY_SIZES, workers: int = 1) -> list[dict[str, Any]]:
    """Peak RSS of a fresh process streaming the first N articles through the pipeline.

    Each size runs in its own subprocess (``python -m sukien.engines.memory_probe``) so
    the figures do not share a heap. Default input: the whole shared news corpus.
    """
    files = expand_corpus(paths) if paths else whole_shared_corpus() or default_corpus()
    out = []
    for n in sizes:
        cmd = [sys.executable, "-m", "sukien.engines.memory_probe", "--limit", str(n),
               "--workers", str(workers), *map(str, files)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            out.append({"limit": n, "error": done.stderr.strip()[-2000:]})
            continue
        out.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return out
