"""REST API and web pages over a store (FastAPI; the ``server`` extra).

Every web page has a JSON twin under ``/api`` (datasette's idea), and every error has one
shape, ``{"ok": false, "error": {"status", "title", "detail"}}``, as JSON for ``/api``
routes and as a page for the others. The API only ever opens the database it was created
with: no route takes a path. Queries are parameterised in the store; article text is
always escaped in pages (see :mod:`sukien.interfaces.web.pages`).
"""

from __future__ import annotations

from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from typing import Any

from ..errors import MissingExtra, StoreError

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50


def error_body(status: int, detail: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"ok": False, "error": {"status": status, "title": HTTPStatus(status).phrase, "detail": detail}}


def create_app(db_path: str | Path):
    """A FastAPI app serving the store at ``db_path`` (which must exist)."""
    try:
        from fastapi import Depends, FastAPI, Query, Request
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import HTMLResponse, JSONResponse
        from starlette.exceptions import HTTPException as StarletteHTTPException
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtra("sukien serve", "server") from exc

    from ..store import Store, records
    from ..store.core import NotFound
    from .web import pages

    db_path = Path(db_path)
    if not db_path.exists():
        raise StoreError(f"no store at {db_path}: run 'sukien ingest --db {db_path} PATH...' first")

    app = FastAPI(title="sukien", version=_version(),
                  description="Structured, sourced event data from Vietnamese news.")

    def store() -> Iterator[Store]:
        # One connection per request: sqlite3 connections belong to the thread that made them.
        s = Store(db_path)
        try:
            yield s
        finally:
            s.close()

    def page_args(limit: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
                  offset: int = Query(0, ge=0)) -> dict[str, int]:
        return {"limit": limit, "offset": offset}

    def _error(request: Request, status: int, detail: str):
        if request.url.path.startswith("/api"):
            return JSONResponse(error_body(status, detail), status_code=status)
        return HTMLResponse(pages.error_page(status, HTTPStatus(status).phrase, detail), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, detail)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return _error(request, 404, str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        return _error(request, 400, str(exc))

    def _listing(items: list[dict[str, Any]], page: dict[str, int]) -> dict[str, Any]:
        return {"ok": True, "items": items, "limit": page["limit"], "offset": page["offset"],
                "next_offset": page["offset"] + len(items) if len(items) == page["limit"] else None}

    # -- JSON API -------------------------------------------------------------------
    @app.get("/api/articles")
    def api_articles(outlet: str | None = None, since: str | None = None, until: str | None = None,
                     q: str | None = None, page=Depends(page_args), s=Depends(store)):
        return _listing(s.articles(outlet=outlet, since=since, until=until, q=q, **page), page)

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str, s=Depends(store)):
        return {"ok": True, "item": s.get(article_id)}

    @app.get("/api/search")
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=MAX_PAGE_SIZE),
                   s=Depends(store)):
        return {"ok": True, "items": s.search(q, limit=limit)}

    @app.get("/api/events")
    def api_events(actor: str | None = None, country: str | None = None, kind: str | None = None,
                   topic: str | None = None, since: str | None = None, until: str | None = None,
                   page=Depends(page_args), s=Depends(store)):
        return _listing(s.events(actor=actor, country=country, kind=kind, topic=topic, since=since,
                                 until=until, **page), page)

    @app.get("/api/statements")
    def api_statements(actor: str | None = None, country: str | None = None, kind: str | None = None,
                       topic: str | None = None, since: str | None = None, until: str | None = None,
                       page=Depends(page_args), s=Depends(store)):
        return _listing(s.statements(actor=actor, country=country, kind=kind, topic=topic, since=since,
                                     until=until, **page), page)

    @app.get("/api/entities")
    def api_entities(name: str | None = None, type: str | None = None,  # noqa: A002 - §2 field name
                     country: str | None = None, page=Depends(page_args), s=Depends(store)):
        return _listing(s.entities(name=name, type=type, country=country, **page), page)

    @app.get("/api/timeline")
    def api_timeline(actor: str | None = None, country: str | None = None, kind: str | None = None,
                     topic: str | None = None, since: str | None = None, until: str | None = None,
                     page=Depends(page_args), s=Depends(store)):
        return _listing(records.timeline(s, actor=actor, country=country, kind=kind, topic=topic,
                                         since=since, until=until, **page), page)

    @app.get("/api/agreements")
    def api_agreements(party: str | None = None, kind: str | None = None, topic: str | None = None,
                       since: str | None = None, until: str | None = None, page=Depends(page_args),
                       s=Depends(store)):
        return _listing(records.documents(s, party=party, kind=kind, topic=topic, since=since, until=until,
                                          **page), page)

    @app.get("/api/figures")
    def api_figures(unit: str | None = None, kind: str | None = None, year: int | None = None,
                    about: str | None = None, page=Depends(page_args), s=Depends(store)):
        return _listing(records.quantities(s, unit=unit, kind=kind, year=year, about=about, **page), page)

    @app.get("/api/stories")
    def api_stories(min_articles: int = Query(1, ge=1), limit: int = Query(DEFAULT_PAGE_SIZE, ge=1,
                    le=MAX_PAGE_SIZE), s=Depends(store)):
        """Stories: the articles reporting one occasion, with their merged events and source counts."""
        from ..link.incremental import list_stories

        return {"ok": True, "items": list_stories(s, limit=limit, min_articles=min_articles)}

    @app.get("/api/actors/{name}")
    def api_actor(name: str, s=Depends(store)):
        return {"ok": True, "item": _actor(s, name)}

    # -- pages (each the twin of an /api route) -----------------------------------------
    @app.get("/", response_class=HTMLResponse)
    def timeline(country: str | None = None, actor: str | None = None, kind: str | None = None,
                 since: str | None = None, until: str | None = None, page=Depends(page_args),
                 s=Depends(store)):
        events = s.events(actor=actor, country=country, kind=kind, since=since, until=until, **page)
        return pages.timeline_page(events, {"country": country, "actor": actor, "kind": kind,
                                            "since": since, "until": until})

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str, s=Depends(store)):
        return pages.article_page(s.get(article_id))

    @app.get("/actors/{name}", response_class=HTMLResponse)
    def actor_page(name: str, s=Depends(store)):
        return pages.actor_page(_actor(s, name))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = Query(..., min_length=1), s=Depends(store)):
        return pages.search_page(q, s.search(q, limit=50))

    return app


def _actor(s: Any, name: str) -> dict[str, Any]:
    from ..store.core import NotFound

    mentions = s.entities(name=name, limit=MAX_PAGE_SIZE)
    if not mentions:
        raise NotFound(f"no actor named {name!r}")
    return {"name": mentions[0]["name"], "type": mentions[0]["type"], "country": mentions[0]["country"],
            "titles": sorted({m["title"] for m in mentions if m.get("title")}),
            "articles": sorted({m["article_id"] for m in mentions}),
            "events": s.events(actor=name, limit=MAX_PAGE_SIZE),
            "statements": s.statements(actor=name, limit=MAX_PAGE_SIZE)}


def _version() -> str:
    from .. import __version__

    return __version__
