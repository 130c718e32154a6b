"""CLI commands: timeline, agreements, figures."""

from __future__ import annotations

import typer

from ._app import DbOption, JsonOption, app, print_json, print_table


def _open(db: str):
    from ... import open as open_store

    return open_store(db)


def _names(values) -> str:
    return ", ".join(str(v) for v in values or [])


@app.command()
def timeline(
    db: str = DbOption,
    actor: str = typer.Option(None, help="Actor name (accents optional)."),
    country: str = typer.Option(None, help="ISO3 country code, e.g. KOR."),
    kind: str = typer.Option(None, help="Event or statement kind (MEET, PROPOSE, ...)."),
    topic: str = typer.Option(None, help="Topic, e.g. trade."),
    since: str = typer.Option(None, help="From this date (YYYY[-MM[-DD]])."),
    until: str = typer.Option(None, help="Up to this date."),
    limit: int = typer.Option(100, min=1),
    as_json: bool = JsonOption,
) -> None:
    """Events and statements together, oldest first, with the sentence behind each."""
    from ...store.records import timeline as query

    with _open(db) as store:
        rows = query(store, actor=actor, country=country, kind=kind, topic=topic, since=since, until=until,
                     limit=limit)
    if as_json:
        print_json(rows)
        return
    print_table(({**r, "actors": _names(r["actors"]), "target": _names(r["target"])} for r in rows),
                ["date", "kind", "actors", "target", "evidence", "article_id"], title="Timeline")


@app.command()
def agreements(
    db: str = DbOption,
    party: str = typer.Option(None, help="A party's name (accents optional)."),
    kind: str = typer.Option(None, help="MOU, AGREEMENT, JOINT_STATEMENT, CONTRACT, ..."),
    topic: str = typer.Option(None),
    since: str = typer.Option(None),
    until: str = typer.Option(None),
    limit: int = typer.Option(100, min=1),
    as_json: bool = JsonOption,
) -> None:
    """Agreements signed or exchanged: kind, title, parties, date."""
    from ...store.records import documents

    with _open(db) as store:
        rows = documents(store, party=party, kind=kind, topic=topic, since=since, until=until, limit=limit)
    if as_json:
        print_json(rows)
        return
    print_table(({**r, "parties": _names(r["parties"]), "topics": _names(r["topics"])} for r in rows),
                ["signed", "kind", "title", "parties", "topics", "article_id"], title="Agreements")


@app.command()
def figures(
    db: str = DbOption,
    unit: str = typer.Option(None, help="USD, VND, EUR, %, người, ..."),
    kind: str = typer.Option(None, help="target, statistic, change or amount."),
    year: int = typer.Option(None, help="The year a figure refers to (e.g. a 2030 target)."),
    about: str = typer.Option(None, help="Words in what the figure measures."),
    limit: int = typer.Option(100, min=1),
    as_json: bool = JsonOption,
) -> None:
    """Figures and targets: value, unit, year, kind, and the words behind them."""
    from ...store.records import quantities

    with _open(db) as store:
        rows = quantities(store, unit=unit, kind=kind, year=year, about=about, limit=limit)
    if as_json:
        print_json(rows)
        return
    print_table(rows, ["value", "unit", "year", "kind", "approx", "about", "evidence_text", "article_id"],
                title="Figures")
