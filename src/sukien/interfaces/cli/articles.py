"""CLI commands over articles: ingest, articles, show, search, events, statements, extract.

Thin over the library (sqlite-utils' cli.py idea): each command opens the store, calls one
:class:`sukien.store.Store` method and renders the result as a table or, with ``--json``,
as JSON. Bad inputs are reported on stderr as ``file:line: reason`` and skipped.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ._app import DbOption, JsonOption, app, console, err_console, fail, print_json, print_table

# Bad inputs printed one by one on stderr before the rest are only counted (the full list
# is in the store's ``skipped`` table); enough to see a pattern, not a flood on 48k inputs.
MAX_SKIPS_SHOWN = 20
# Characters of evidence shown per row in tables (``--json`` always has the full text).
EVIDENCE_CHARS = 120

PathsArg = typer.Argument(..., help="Files, folders, globs, or '-' for stdin.")
LimitOption = typer.Option(50, "--limit", "-n", help="At most this many rows.")
OffsetOption = typer.Option(0, "--offset", help="Skip this many rows first.")
SinceOption = typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
UntilOption = typer.Option(None, "--until", help="Up to this date, inclusive.")


def _open(db: str, *, create: bool = False):
    from ...store import Store

    if not create and db != ":memory:" and not Path(db).exists():
        fail(f"no store at {db}: run `sukien ingest PATH... --db {db}` first")
    return Store(db)


def _skip_line(s: Any) -> str:
    where = f"{s.path}:{s.line}" if s.line else s.path
    return f"skipped {where}: {s.code} {s.reason}"


# Column styles for tables: keys and dates never wrap, text columns share the rest.
_KEY: dict[str, Any] = {"no_wrap": True}
_DATE: dict[str, Any] = {"min_width": 10}
_TIME = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")
_COUNT: dict[str, Any] = {"justify": "right", "no_wrap": True}
_NARROW: dict[str, Any] = {"overflow": "fold", "max_width": 16}
_TEXT: dict[str, Any] = {"overflow": "fold", "ratio": 1}
_WIDE: dict[str, Any] = {"overflow": "fold", "ratio": 2}


def _day(value: str) -> str:
    """Dates show the day only (the time, where known, is in --json); intervals wrap at '/'."""
    return _TIME.sub("", value).replace("/", "/ ")


def _render(rows: list[dict[str, Any]], columns: list[tuple[str, str, dict[str, Any]]], title: str) -> None:
    table = Table(title=title)
    for _key, header, style in columns:
        table.add_column(header, **style)
    for r in rows:
        cells = ["" if r.get(key) is None else str(r[key]) for key, _h, _s in columns]
        table.add_row(*(_day(c) if style is _DATE else c for c, (_k, _h, style) in zip(cells, columns, strict=True)))
    console.print(table)
    if not rows:
        console.print("(nothing)")


def _short(text: str | None, n: int = EVIDENCE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command()
def ingest(
    paths: list[str] = PathsArg,
    db: str = DbOption,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
    batch_size: int = typer.Option(0, "--batch-size", min=0,
                                   help="Articles per transaction (0: the library default)."),
    link: bool = typer.Option(True, "--link/--no-link",
                              help="Then link the new articles into stories and corpus events "
                              "(incremental; `sukien link` does it later)."),
    as_json: bool = JsonOption,
) -> None:
    """Read, extract and store articles; idempotent (a rerun adds nothing) and safe to interrupt."""
    store = _open(db, create=True)
    shown = 0
    started = time.monotonic()

    def report_new_skips(summary: Any) -> None:
        nonlocal shown
        while shown < len(summary.skipped):
            if shown < MAX_SKIPS_SHOWN:
                err_console.print(_skip_line(summary.skipped[shown]), highlight=False, markup=False, soft_wrap=True)
            shown += 1

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=as_json) as bar:
        task = bar.add_task("reading")

        def progress(summary: Any) -> None:
            report_new_skips(summary)
            bar.update(task, description=(
                f"read {summary.read:,}  new {summary.new:,}  duplicate {summary.duplicate:,}  "
                f"skipped {len(summary.skipped):,}"))

        with store:
            try:
                summary = store.ingest(paths, workers=workers, batch_size=batch_size or None,
                                       progress=progress)
            except KeyboardInterrupt:
                bar.stop()
                fail("interrupted: every finished batch is stored; run the same command again "
                     "to finish (nothing will be stored twice)", code=130)
            linked = None
            if link:
                from ...link.incremental import update_links

                bar.update(task, description="linking stories")
                linked = update_links(store).as_dict()
    report_new_skips(summary)
    if shown > MAX_SKIPS_SHOWN:
        err_console.print(f"... and {shown - MAX_SKIPS_SHOWN:,} more skipped (list them with `sukien skipped`)",
                          highlight=False)
    if as_json:
        print_json({**summary.as_dict(), "linked": linked, "seconds": round(time.monotonic() - started, 2)})
        return
    table = Table(title=f"ingest into {db}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, n in (("read", summary.read), ("new", summary.new), ("updated", summary.updated),
                     ("duplicate", summary.duplicate), ("skipped", len(summary.skipped))):
        table.add_row(label, f"{n:,}")
    for reason, n in summary.skipped_by_reason().most_common():
        table.add_row(f"  skipped: {reason}", f"{n:,}")
    for stage, n in summary.errors_by_stage().most_common():
        table.add_row(f"  stage failed: {stage}", f"{n:,}")
    if linked is not None:
        table.add_row("linked into stories", f"{linked['new_articles']:,}")
    elapsed = time.monotonic() - started
    table.add_row("seconds", f"{elapsed:,.1f}")
    console.print(table)


@app.command("articles")
def list_articles(
    db: str = DbOption,
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet."),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    q: str | None = typer.Option(None, "--q", help="Only articles matching this search phrase."),
    limit: int = LimitOption,
    offset: int = OffsetOption,
    as_json: bool = JsonOption,
) -> None:
    """List stored articles, newest first, with how much was extracted from each."""
    with _open(db) as store:
        rows = store.articles(outlet=outlet, since=since, until=until, q=q, limit=limit, offset=offset)
    if as_json:
        print_json(rows)
        return
    _render(rows, [("id", "id", _KEY), ("published", "date", _DATE), ("outlet", "outlet", _NARROW),
                   ("title", "title", _TEXT), ("entities", "ents", _COUNT), ("events", "evts", _COUNT),
                   ("statements", "stmts", _COUNT)], title=f"articles in {db}")


@app.command()
def show(article_id: str = typer.Argument(..., help="Article id (or an alias id)."),
         db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Show one stored article: its fields and everything extracted from it."""
    from ...store import NotFound

    with _open(db) as store:
        try:
            rec = store.get(article_id)
        except NotFound as exc:
            fail(str(exc))
    if as_json:
        print_json(rec)
        return
    head = Table(show_header=False, title=rec["id"])
    head.add_column("field")
    head.add_column("value", overflow="fold")
    for key in ("title", "published", "outlet", "url", "source_path"):
        head.add_row(key, "" if rec.get(key) is None else str(rec[key]))
    head.add_row("text", _short(rec["text_clean"], 400))
    for err in rec["stage_errors"]:
        head.add_row("stage failed", f"{err['stage']}: {err['error']}")
    console.print(head)
    names = {e["id"]: e["name"] for e in rec["entities"]}
    if rec["entities"]:
        print_table([{**e, "mentions": len(e["mentions"])} for e in rec["entities"]],
                    ["id", "name", "type", "country", "title", "mentions"], title="entities")
    if rec["events"]:
        print_table([{**e, "participants": ", ".join(names.get(p, p) for p in e["participants"]),
                      "location": (e.get("location") or {}).get("name"),
                      "evidence": _short(e["evidence"]["text"])} for e in rec["events"]],
                    ["id", "kind", "date", "participants", "location", "status", "evidence"], title="events")
    if rec["statements"]:
        print_table([{**s, "source": ", ".join(names.get(p, p) for p in s["source"]),
                      "target": ", ".join(names.get(p, p) for p in s["target"]),
                      "topics": ", ".join(s["topics"]), "evidence": _short(s["evidence"]["text"])}
                     for s in rec["statements"]],
                    ["id", "kind", "source", "target", "topics", "evidence"], title="statements")
    for key in ("documents", "quantities", "relations"):
        if rec[key]:
            console.print(f"{key}: {len(rec[key])} (use --json to see them)")


@app.command()
def search(query: str = typer.Argument(..., help="Words to find; accents optional ('to lam')."),
           db: str = DbOption, limit: int = typer.Option(20, "--limit", "-n"),
           as_json: bool = JsonOption) -> None:
    """Diacritic-insensitive phrase search over titles and text: `to lam` finds Tô Lâm."""
    with _open(db) as store:
        hits = store.search(query, limit=limit)
    if as_json:
        print_json(hits)
        return
    table = Table(title=f"search {query!r} in {db}")
    for header, style in (("id", _NARROW), ("date", _DATE), ("title", _TEXT), ("snippet", _WIDE)):
        table.add_column(header, **style)
    for h in hits:
        snippet = Text(h["snippet"].replace("\n", " "))  # same length: highlights stay aligned
        for start, end in h["highlights"]:
            snippet.stylize("bold yellow", start, end)
        table.add_row(h["id"], _day(h["published"] or ""), _short(h["title"], 60), snippet)
    console.print(table)
    if not hits:
        console.print("(nothing)")


@app.command()
def skipped(db: str = DbOption, limit: int = LimitOption, offset: int = OffsetOption,
            as_json: bool = JsonOption) -> None:
    """Inputs that ingest did not store: file, line, code and reason."""
    with _open(db) as store:
        rows = store.skipped(limit=limit, offset=offset)
    if as_json:
        print_json(rows)
        return
    _render(rows, [("path", "file", _TEXT), ("line", "line", _COUNT), ("code", "code", _KEY),
                   ("reason", "reason", _WIDE)], title=f"skipped inputs in {db}")


def _filters(actor: str | None, country: str | None, kind: str | None, topic: str | None,
             since: str | None, until: str | None, limit: int, offset: int) -> dict[str, Any]:
    return {"actor": actor, "country": country, "kind": kind, "topic": topic, "since": since,
            "until": until, "limit": limit, "offset": offset}


ActorOption = typer.Option(None, "--actor", help="A participant's name (accents optional).")
CountryOption = typer.Option(None, "--country", help="ISO3 country code of a participant.")
KindOption = typer.Option(None, "--kind", help="Record kind, e.g. MEET or PROPOSE.")
TopicOption = typer.Option(None, "--topic", help="Topic, e.g. trade.")


@app.command()
def events(db: str = DbOption, actor: str | None = ActorOption, country: str | None = CountryOption,
           kind: str | None = KindOption, topic: str | None = TopicOption, since: str | None = SinceOption,
           until: str | None = UntilOption, limit: int = LimitOption, offset: int = OffsetOption,
           as_json: bool = JsonOption) -> None:
    """Meetings, visits and signings found in the stored articles."""
    with _open(db) as store:
        rows = store.events(**_filters(actor, country, kind, topic, since, until, limit, offset))
    if as_json:
        print_json(rows)
        return
    _render([{**r, "date": r["date"] or r["published"], "participants": ", ".join(r["participants_names"]),
              "evidence": _short(r["evidence_text"])} for r in rows],
            [("date", "date", _DATE), ("kind", "kind", _KEY), ("participants", "participants", _TEXT),
             ("location_name", "where", _NARROW), ("evidence", "evidence", _WIDE),
             ("article_id", "article", _NARROW)], title=f"events in {db}")


@app.command()
def statements(db: str = DbOption, actor: str | None = ActorOption, country: str | None = CountryOption,
               kind: str | None = KindOption, topic: str | None = TopicOption,
               since: str | None = SinceOption, until: str | None = UntilOption, limit: int = LimitOption,
               offset: int = OffsetOption, as_json: bool = JsonOption) -> None:
    """Proposals, agreements, pledges, support, criticism... found in the stored articles."""
    with _open(db) as store:
        rows = store.statements(**_filters(actor, country, kind, topic, since, until, limit, offset))
    if as_json:
        print_json(rows)
        return
    _render([{**r, "source": ", ".join(r["source_names"]), "target": ", ".join(r["target_names"]),
              "topics": ", ".join(r["topics"] or []), "evidence": _short(r["evidence_text"])} for r in rows],
            [("published", "date", _DATE), ("kind", "kind", _KEY), ("source", "source", _TEXT),
             ("target", "target", _TEXT), ("topics", "topics", _NARROW), ("evidence", "evidence", _WIDE),
             ("article_id", "article", _NARROW)], title=f"statements in {db}")


@app.command()
def extract(
    paths: list[str] = PathsArg,
    as_json: bool = typer.Option(True, "--json/--no-json",
                                 help="One JSON line per article (the SPEC §2 record); the default."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date to resolve relative dates against "
        "(overrides the one read from the input)."),
    link: bool = typer.Option(False, "--link", help="After the articles, print one line linking them "
                              "across the corpus (actors, events, stories)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
) -> None:
    """Extract the SPEC §2 record of each article; prints JSON lines, stores nothing."""
    from ...model import Article
    from ...reading import Skipped, read

    link_corpus = None
    if link:
        try:
            from ...link import link_corpus
        except ImportError:
            fail("--link needs sukien.link.link_corpus, which this installation does not have")

    def inputs():
        for item in read(paths):
            if isinstance(item, Article) and published:
                item.published = published
            yield item

    def emit(item: Article) -> None:
        if as_json:
            print_json(item.to_record())
        else:
            console.print(f"{item.id}: {len(item.entities)} entities, {len(item.events)} events, "
                          f"{len(item.statements)} statements", highlight=False)

    kept: list[Article] = []
    for item in _extracted(inputs(), workers):
        if isinstance(item, Skipped):
            err_console.print(_skip_line(item), highlight=False, markup=False, soft_wrap=True)
            continue
        for err in item.errors:
            err_console.print(f"article {item.id}: stage {err.stage} failed: {err.error}",
                              highlight=False, markup=False, soft_wrap=True)
        if link_corpus is None:
            emit(item)  # streams: no need to hold the corpus
        else:
            kept.append(item)
    if link_corpus is not None:
        # Link first: it carries facts across each story (an undated article takes its
        # story's year), so the article lines printed after it show the linked dates.
        corpus = link_corpus(kept)
        for item in kept:
            emit(item)
        print_json(corpus)


def _extracted(items: Any, workers: int):
    """The batch pipeline over ``items`` (Skipped pass through), in input order."""
    from ...pipeline import Pipeline

    try:
        from ...engines.local import map_articles
    except ImportError:
        map_articles = None
    if map_articles is not None:
        yield from map_articles(items, workers=workers)
        return
    pipeline = Pipeline(raise_errors=False)
    from ...model import Article

    for item in items:
        yield pipeline(item) if isinstance(item, Article) else item
