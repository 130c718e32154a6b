"""The typer app and the helpers every command shares."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ...errors import SukienError

app = typer.Typer(
    name="sukien",
    help="Structured, sourced event data from Vietnamese news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DEFAULT_DB = "sukien.db"
DbOption = typer.Option(DEFAULT_DB, "--db", help="SQLite store file.", envvar="SUKIEN_DB")
JsonOption = typer.Option(False, "--json", help="Machine-readable JSON output.")


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def print_table(rows: Iterable[dict[str, Any]], columns: list[str], title: str | None = None) -> None:
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    n = 0
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
        n += 1
    console.print(table)
    if n == 0:
        console.print("(nothing)")


def main() -> None:
    try:
        app()
    except SukienError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)


@app.command()
def version() -> None:
    """Print sukien's version."""
    from ... import __version__

    console.print(__version__)
