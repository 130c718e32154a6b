"""CLI command: serve (REST API + web page)."""

from __future__ import annotations

import typer

from ._app import DEFAULT_DB, app, console


@app.command()
def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store file.", envvar="SUKIEN_DB"),
    host: str = typer.Option("127.0.0.1", help="Address to bind; local only unless told otherwise."),
    port: int = typer.Option(8765, help="Port."),
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the web page (timeline, actors, articles)."""
    from ...errors import MissingExtra
    from ..api import create_app

    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtra("sukien serve", "server") from exc
    application = create_app(db)
    console.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(application, host=host, port=port, log_level="warning")
