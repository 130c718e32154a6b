"""CLI commands: bench, run, load, export."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ._app import DbOption, JsonOption, app, console, err_console, fail, print_json, print_table


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
    cols = ["name", "ms_per_article", "articles_per_s", "mb_per_s", "share", "errors", "timeouts"]
    print_table(report["stages"], cols, title="stages (CPU time, one process)")
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
    console.print("slowest articles: " + ", ".join(f"{s['id']} {s['ms']} ms" for s in report["slowest"]))
    if "parallel" in report:
        p = report["parallel"]
        console.print(f"parallel: {p['workers']} workers, {p['articles_per_s']} articles/s wall")


@app.command()
def run(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or '-' for stdin."),
    out: Path = typer.Option(..., "--out", help="Folder for the partitioned Parquet datasets."),
    engine: str = typer.Option("local", "--engine", help="local (processes here) or dask (a cluster)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address "
                                  "(default: a LocalCluster of --workers processes)."),
    workers: int = typer.Option(2, "--workers", "-w", min=1, help="Processes (local, or LocalCluster)."),
    limit: int = typer.Option(None, "--limit", help="Only the first N inputs."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an earlier export in --out."),
    as_json: bool = JsonOption,
) -> None:
    """Extract PATHs into partitioned Parquet (one dataset per record type, by month), no store."""
    from itertools import islice

    from ...reading import read

    if engine not in ("local", "dask"):
        fail(f"--engine must be 'local' or 'dask', got {engine!r}")
    items = islice(read(paths), limit)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=as_json) as bar:
        task = bar.add_task(f"starting the {engine} engine")

        def progress(summary: dict) -> None:
            bar.update(task, description=f"articles {summary['articles']:,}  chunks {summary['chunks']:,}")

        if engine == "dask":
            from ...engines.dask import extract_to_parquet as run_dask

            summary = run_dask(items, out, scheduler=scheduler, workers=workers, overwrite=overwrite,
                               progress=progress)
        else:
            from ...engines.local import extract_to_parquet as run_local

            summary = run_local(items, out, workers=workers, overwrite=overwrite, progress=progress)
    if as_json:
        print_json(summary)
        return
    console.print(f"{summary['articles']:,} articles ({summary['skipped']:,} skipped inputs) → {out} "
                  f"with the {engine} engine, {summary['workers']} workers")
    print_table([{"dataset": t, "rows": n} for t, n in sorted(summary["rows"].items())], ["dataset", "rows"])


@app.command()
def load(
    parquet_dir: Path = typer.Argument(..., help="A folder written by `sukien run`."),
    db: str = DbOption,
    link: bool = typer.Option(True, "--link/--no-link", help="Link stories and corpus events "
                              "afterwards, as `sukien ingest` does."),
    as_json: bool = JsonOption,
) -> None:
    """Bring a Parquet export into the SQLite store (already extracted: no stage runs again)."""
    from ...engines.load import load_parquet
    from ...store import Store

    if not parquet_dir.is_dir():
        fail(f"no folder {parquet_dir}")
    with Store(db) as store:
        summary = load_parquet(store, parquet_dir)
        linked = None
        if link:
            from ...link.incremental import update_links

            linked = update_links(store).as_dict()
    result = {**(summary.as_dict() if hasattr(summary, "as_dict") else summary), "linked": linked}
    if as_json:
        print_json(result)
    else:
        console.print(", ".join(f"{k}: {v}" for k, v in result.items() if not isinstance(v, (dict, list))))


@app.command()
def export(
    db: str = DbOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv | parquet | plover | cameo"),
    table: str = typer.Option("events", "--table", "-t", help="articles, entities, events, statements, "
                              "documents, quantities, relations, skipped, ... (not for plover/cameo: "
                              "those cover every event and statement)"),
    out: Path = typer.Option(..., "--out", "-o", help="File to write."),
) -> None:
    """Export a table of the store (JSON Lines, CSV, Parquet), or every event and statement as
    PLOVER records or CAMEO dyads (JSON Lines)."""
    import sqlite3

    from ...export.formats import export as export_table

    if not Path(db).exists():
        fail(f"no store at {db}")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        n = export_table(conn, table, fmt, out)
    finally:
        conn.close()
    console.print(f"{n:,} records → {out}")
