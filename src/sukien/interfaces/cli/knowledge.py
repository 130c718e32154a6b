"""CLI commands over knowledge and actors: ``sukien actors``, ``sukien holders``."""

from __future__ import annotations

from pathlib import Path

import typer

from ._app import DbOption, JsonOption, app, fail, print_json, print_table


@app.command()
def actors(
    db: str = DbOption,
    country: str = typer.Option(None, "--country", "-c", help="ISO3 code, e.g. KOR."),
    name: str = typer.Option(None, "--name", help="Name contains (diacritics optional: 'to lam')."),
    type_: str = typer.Option("PER", "--type", help="PER, ORG, GPE, LOC, or 'all'."),
    resolve: bool = typer.Option(False, "--resolve", help="Resolve the store's entities again and save the actors."),
    limit: int = typer.Option(100, "--limit", "-n", help="At most this many rows."),
    as_json: bool = JsonOption,
) -> None:
    """Actors across the store: one row per real person (name, country, titles, articles)."""
    from ...link.actors import entity_refs_from_store, list_actors, resolve_entities, store_actors
    from ...store import Store

    if db != ":memory:" and not Path(db).exists():
        fail(f"no store at {db}: run `sukien ingest PATH... --db {db}` first")
    with Store(db) as store:
        if resolve:
            store_actors(store, resolve_entities(entity_refs_from_store(store)))
        rows = list_actors(store, country=country, name=name,
                           type=None if type_.lower() == "all" else type_, limit=limit)
    if as_json:
        print_json(rows)
        return
    for r in rows:
        r["titles"] = "; ".join(r["titles"][:4]) + (" …" if len(r["titles"]) > 4 else "")
    print_table(rows, ["name", "country", "titles", "articles"], title="actors")


@app.command()
def holders(
    title: str = typer.Argument(..., help="An office as in titles.tsv, e.g. 'Tổng Bí thư'."),
    country: str = typer.Option("VNM", "--country", "-c", help="ISO3 code."),
    date: str = typer.Option(..., "--date", "-d", help="YYYY-MM-DD"),
    as_json: bool = JsonOption,
) -> None:
    """Who held an office on a date, from the office-holders dictionary."""
    from ...stages.actors_knowledge import holders_on

    rows = [{"name": t.name, "country": t.country, "title": t.title, "start": t.start, "end": t.end or None}
            for t in holders_on(title, country.upper(), date)]
    if as_json:
        print_json(rows)
        return
    print_table(rows, ["name", "country", "title", "start", "end"], title=f"{title} ({country}) on {date}")
