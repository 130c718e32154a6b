"""CLI commands: stories, link."""

from __future__ import annotations

from pathlib import Path

import typer

from ._app import DbOption, JsonOption, app, console, fail, print_json, print_table


def _open(db: str):
    from ...store import Store

    if db != ":memory:" and not Path(db).exists():
        fail(f"no store at {db}: run `sukien ingest PATH... --db {db}` first")
    return Store(db)


@app.command()
def link(
    db: str = DbOption,
    full: bool = typer.Option(False, "--full", help="Forget the stored links and relink every article."),
    batch: int = typer.Option(0, "--batch", min=0, help="Articles per linking step (0: all new at once)."),
    as_json: bool = JsonOption,
) -> None:
    """Link the stored articles not linked yet: stories, near-duplicates, corpus events."""
    from ...link.incremental import update_links

    with _open(db) as store:
        summary = update_links(store, full=full, batch=batch or None)
    if as_json:
        print_json(summary.as_dict())
    else:
        d = summary.as_dict()
        console.print(f"linked {d['new_articles']} new articles: {d['candidate_pairs']} pairs compared, "
                      f"{d['edges']} edges, {d['stories_changed']} stories and {d['corpus_events_changed']} "
                      f"corpus events updated, {d['duplicates']} near-duplicates", highlight=False)


@app.command()
def stories(
    db: str = DbOption,
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many stories."),
    min_articles: int = typer.Option(1, "--min-articles", min=1, help="Only stories with this many articles."),
    as_json: bool = JsonOption,
) -> None:
    """Stories (articles about one occasion): date, title, outlets, articles, events."""
    from ...link.incremental import list_stories

    with _open(db) as store:
        if store.conn.execute("SELECT 1 FROM link_articles LIMIT 1").fetchone() is None:
            fail(f"no links in {db} yet: run `sukien link --db {db}` first")
        rows = list_stories(store, limit=limit, min_articles=min_articles)
    if as_json:
        for r in rows:
            print_json(r)
        return
    print_table([{**r, "outlets": ", ".join(r["outlets"]),
                  "events": "; ".join(f"{e['kind']} {e['date'] or '?'} {' – '.join(e['participants'])}"
                                      f" ({e['n_sources']})" for e in r["events"])} for r in rows],
                ["date", "title", "n_articles", "outlets", "events"], title=f"stories in {db}")
