"""CLI commands: bench, run, load, export."""

from __future__ import annotations

from pathlib import Path

import typer

from ._app import DbOption, JsonOption, app, console, fail, print_json, print_table


@app.command()
def bench(
    corpus: list[Path] = typer.Option(None, "--corpus", help="Files or folders to measure on "
                                      "(default: ../shared/corpus/news/trends2024.jsonl.gz, "
                                      "else examples/)."),
    limit: int = typer.Option(None, "--limit", help="Measure on the first N articles only."),
    baseline_sample: int = typer.Option(200, "--baseline-sample",
                                        help="Articles for the underthesea baseline (0: skip)."),
    workers: int = typer.Option(1, "--workers", help="Also measure wall throughput with N processes."),
    memory: bool = typer.Option(False, "--memory", help="Instead: peak RSS streaming N articles "
                                "of the whole corpus, each N in a fresh process."),
    sizes: str = typer.Option("10000,40000", "--sizes", help="Article counts for --memory."),
    as_json: bool = JsonOption,
) -> None:
    """Throughput per stage and end to end, against the floor and the baseline (SPEC §8)."""
    from ...evaluation.bench import run_bench, stream_memory

    if memory:
        try:
            counts = [int(x) for x in sizes.split(",") if x.strip()]
        except ValueError:
            fail(f"--sizes must be comma-separated integers, got {sizes!r}")
        rows = stream_memory(corpus or None, counts, workers=workers)
        if as_json:
            print_json({"memory": rows})
        else:
            print_table(rows, ["limit", "articles", "workers", "wall_s", "peak_rss_mb",
                               "peak_worker_rss_mb", "error"], title="streaming memory")
            ok = [r for r in rows if "peak_rss_mb" in r]
            if len(ok) >= 2:
                growth = ok[-1]["peak_rss_mb"] / ok[0]["peak_rss_mb"] - 1
                console.print(f"peak RSS growth {ok[0]['articles']} → {ok[-1]['articles']} "
                              f"articles: {growth:+.1%}")
        return
    report = run_bench(corpus or None, limit=limit, baseline_sample=baseline_sample, workers=workers)
    if as_json:
        print_json(report)
        return
    console.print(f"corpus: {', '.join(report['corpus'])}  articles: {report['articles']}  "
                  f"MB: {report['mb']}")
    cols = ["name", "ms_per_article", "articles_per_s", "mb_per_s", "share", "errors"]
    print_table(report["stages"], cols, title="stages (wall time, one process)")
    refs = [report["ours"], report["floor"]]
    if "skipped" in report["baseline"]:
        console.print(f"baseline skipped: {report['baseline']['skipped']}")
    else:
        refs.append(report["baseline"])
    print_table(refs, ["name", "articles", "cpu_s", "articles_per_s", "mb_per_s", "ms_per_article"],
                title="end to end per core (CPU time)")
    r = report["ratios"]
    console.print(f"ours/floor: {r['ours_over_floor']}× the time per article (goal ≤ 5)")
    if r["ours_over_baseline"] is not None:
        console.print(f"ours/baseline: {r['ours_over_baseline']} of the time per article "
                      f"({r['baseline_over_ours']}× faster than underthesea)")
    console.print(f"peak RSS: {report['peak_rss_mb']} MB")
    if "parallel" in report:
        p = report["parallel"]
        console.print(f"parallel: {p['workers']} workers, {p['articles_per_s']} articles/s wall")


_ = DbOption  # shared option object, used by load/export below
