"""REST API and web pages over a store built from the bundled examples."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

import sukien  # noqa: E402
from sukien.interfaces.api import create_app  # noqa: E402
from sukien.reading import article_from_text  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "api.db"
    with sukien.open(db) as store:
        store.ingest(sukien.reading.read([EXAMPLES]))
        evil = article_from_text("Tiêu đề\n\nÔng <script>alert(1)</script> Tô Lâm hội kiến đoàn khách.",
                                 id="evil")
        store.ingest([evil])
        from sukien.link.incremental import update_links

        update_links(store)
    return TestClient(create_app(db))


def test_articles_are_listed_with_pagination(client):
    r = client.get("/api/articles", params={"limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and len(body["items"]) == 2 and body["next_offset"] == 2
    assert client.get("/api/articles", params={"limit": 2, "offset": 2}).json()["items"][0]["id"] not in {
        i["id"] for i in body["items"]}


def test_search_is_diacritic_insensitive(client):
    hits = client.get("/api/search", params={"q": "to lam"}).json()["items"]
    assert hits and all("Tô Lâm" in (h["snippet"] + (h["title"] or "")) or h["id"] for h in hits)
    assert any("Tô Lâm" in h["snippet"] for h in hits)


def test_article_page_and_its_json_twin(client):
    item = client.get("/api/articles/002_58d80bc31d33530a").json()["item"]
    assert item["text_clean"]
    page = client.get("/articles/002_58d80bc31d33530a")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/api/articles/002_58d80bc31d33530a" in page.text


def test_article_text_is_escaped_in_pages(client):
    page = client.get("/articles/evil").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "<script>" not in client.get("/search", params={"q": "alert"}).text


def test_errors_have_one_shape(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "error": {"status": 404, "title": "Not Found", "detail": r.json()["error"]["detail"]}}
    assert "nope" in r.json()["error"]["detail"]
    bad = client.get("/api/events", params={"limit": 0})
    assert bad.status_code == 422 and bad.json()["error"]["status"] == 422
    html = client.get("/articles/nope")
    assert html.status_code == 404 and "text/html" in html.headers["content-type"]


def test_timeline_page_lists_events_and_links_its_json(client):
    page = client.get("/", params={"country": "KOR"})
    assert page.status_code == 200 and "/api/events?country=KOR" in page.text


def test_openapi_schema_is_served(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/events", "/api/statements", "/api/search", "/api/timeline",
            "/api/agreements", "/api/figures"} <= set(paths)


def test_missing_store_is_a_clear_error(tmp_path):
    from sukien.errors import StoreError

    with pytest.raises(StoreError, match="no store"):
        create_app(tmp_path / "absent.db")


def test_serve_binds_loopback_by_default():
    from typer.main import get_command

    from sukien.interfaces.cli import app

    serve = get_command(app).commands["serve"]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_agreements_figures_and_timeline_are_paginated(client):
    mous = client.get("/api/agreements", params={"kind": "MOU", "limit": 3}).json()
    assert len(mous["items"]) == 3 and mous["next_offset"] == 3
    figures = client.get("/api/figures", params={"unit": "USD"}).json()["items"]
    assert figures and all(f["unit"] == "USD" for f in figures)
    assert client.get("/api/timeline", params={"country": "KOR"}).json()["items"]


def test_stories_merge_the_two_outlets_reports(client):
    stories = client.get("/api/stories", params={"min_articles": 2}).json()["items"]
    assert sorted(len(s["articles"]) for s in stories) == [2, 2]
    assert all(e["n_sources"] >= 1 for s in stories for e in s["events"])
