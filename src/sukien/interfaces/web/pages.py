"""HTML pages for ``sukien serve``: a timeline of events, article pages with the sentence
behind every record highlighted, actor pages and search.

Pages are built from small functions over the store's dicts. Every piece of article text
goes through :func:`esc` (no raw text ever reaches the page), links are built with
``urllib.parse.quote``, and there is no JavaScript: the page works in any browser and in
tests without one.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote, urlencode

STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
a{color:#0645ad}h1{font-size:1.5rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
mark{background:#fff3a3}mark.event{background:#cde8ff}.kind{font-weight:600}
.muted{color:#666;font-size:.9em}form input{margin-right:.5rem}.text{white-space:pre-wrap;line-height:1.5}
"""


def esc(value: Any) -> str:
    return "" if value is None else escape(str(value), quote=True)


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)} · sukien</title><style>{STYLE}</style></head><body>"
            f"<nav><a href=\"/\">Timeline</a> · <form style=\"display:inline\" action=\"/search\">"
            f"<input name=\"q\" placeholder=\"search (to lam)\"></form></nav>{body}</body></html>")


def _names(row: dict[str, Any], key: str) -> list[str]:
    names = row.get(f"{key}_names") or row.get(key) or []
    return [str(n) for n in names]


def _actor_links(names: list[str]) -> str:
    return ", ".join(f"<a href=\"/actors/{quote(n, safe='')}\">{esc(n)}</a>" for n in names)


def timeline_page(events: list[dict[str, Any]], filters: dict[str, Any]) -> str:
    active = {k: v for k, v in filters.items() if v}
    form = "".join(f"<input name=\"{k}\" placeholder=\"{k}\" value=\"{esc(filters.get(k) or '')}\">"
                   for k in ("country", "actor", "kind", "since", "until"))
    rows = "".join(
        f"<tr><td>{esc(e.get('date') or e.get('published'))}</td><td class=\"kind\">{esc(e['kind'])}</td>"
        f"<td>{_actor_links(_names(e, 'participants'))}</td><td>{esc(e.get('location_name'))}</td>"
        f"<td><a href=\"/articles/{quote(e['article_id'], safe='')}#{esc(e['event_id'])}\">"
        f"{esc(e.get('evidence_text'))}</a><div class=\"muted\">{esc(e.get('outlet'))}</div></td></tr>"
        for e in events)
    json_twin = "/api/events" + (f"?{urlencode(active)}" if active else "")
    body = (f"<h1>Timeline of events</h1><form>{form}<button>Filter</button></form>"
            f"<p class=\"muted\">{len(events)} events · <a href=\"{esc(json_twin)}\">JSON</a></p>"
            f"<table><tr><th>Date</th><th>Kind</th><th>Participants</th><th>Place</th><th>Source</th></tr>"
            f"{rows}</table>")
    return _page("Timeline", body)


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with each ``(start, end, css_class, anchor_id)`` wrapped in <mark>.

    Overlapping spans are cut at each other's boundaries so the markup stays well nested.
    """
    cuts = sorted({0, len(text), *(p for s, e, _, _ in spans for p in (s, e) if 0 <= p <= len(text))})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        piece = esc(text[a:b])
        if covering:
            starts_here = [sp for sp in covering if sp[0] == a and sp[3]]
            anchors = "".join(f"<span id=\"{esc(sp[3])}\"></span>" for sp in starts_here)
            piece = f"{anchors}<mark class=\"{esc(covering[0][2])}\">{piece}</mark>"
        out.append(piece)
    return "".join(out)


def article_page(record: dict[str, Any]) -> str:
    text = record.get("text_clean") or ""
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    spans = [(e["evidence"]["start"], e["evidence"]["end"], "event", e["id"]) for e in record.get("events", [])]
    spans += [(s["evidence"]["start"], s["evidence"]["end"], "statement", s["id"])
              for s in record.get("statements", [])]

    def who(ids: list[str]) -> str:
        return _actor_links([names.get(i, i) for i in ids])

    events = "".join(f"<tr><td><a href=\"#{esc(e['id'])}\">{esc(e['kind'])}</a></td><td>{esc(e.get('date'))}</td>"
                     f"<td>{who(e.get('participants', []))}</td></tr>" for e in record.get("events", []))
    statements = "".join(
        f"<tr><td><a href=\"#{esc(s['id'])}\">{esc(s['kind'])}</a></td><td>{who(s.get('source', []))}</td>"
        f"<td>{who(s.get('target', []))}</td><td>{esc(', '.join(s.get('topics', [])))}</td></tr>"
        for s in record.get("statements", []))
    source = f"<a href=\"{esc(record['url'])}\">source</a> · " if record.get("url") else ""
    body = (f"<h1>{esc(record.get('title') or record['id'])}</h1>"
            f"<p class=\"muted\">{esc(record.get('published'))} · {esc(record.get('outlet'))} · "
            f"{source}"
            f"<a href=\"/api/articles/{quote(record['id'], safe='')}\">JSON</a></p>"
            f"<h2>Events</h2><table>{events}</table><h2>Statements</h2><table>{statements}</table>"
            f"<h2>Text</h2><div class=\"text\">{highlight(text, spans)}</div>")
    return _page(record.get("title") or record["id"], body)


def actor_page(actor: dict[str, Any]) -> str:
    events = "".join(
        f"<tr><td>{esc(e.get('date'))}</td><td class=\"kind\">{esc(e['kind'])}</td>"
        f"<td>{_actor_links(_names(e, 'participants'))}</td>"
        f"<td><a href=\"/articles/{quote(e['article_id'], safe='')}#{esc(e['event_id'])}\">"
        f"{esc(e.get('evidence_text'))}</a></td></tr>" for e in actor["events"])
    statements = "".join(
        f"<tr><td class=\"kind\">{esc(s['kind'])}</td><td>{_actor_links(_names(s, 'source'))}</td>"
        f"<td><a href=\"/articles/{quote(s['article_id'], safe='')}#{esc(s['statement_id'])}\">"
        f"{esc(s.get('evidence_text'))}</a></td></tr>" for s in actor["statements"])
    body = (f"<h1>{esc(actor['name'])}</h1><p>{esc(actor.get('type'))} · {esc(actor.get('country'))} · "
            f"{esc(', '.join(actor.get('titles', [])))} · {len(actor['articles'])} articles · "
            f"<a href=\"/api/actors/{quote(actor['name'], safe='')}\">JSON</a></p>"
            f"<h2>Events</h2><table>{events}</table><h2>Statements</h2><table>{statements}</table>")
    return _page(actor["name"], body)


def search_page(query: str, hits: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<li><a href=\"/articles/{quote(h['id'], safe='')}\">{esc(h.get('title') or h['id'])}</a> "
        f"<span class=\"muted\">{esc(h.get('published'))}</span><br>"
        f"{highlight(h.get('snippet') or '', [(a, b, 'hit', '') for a, b in h.get('highlights', [])])}</li>"
        for h in hits)
    body = (f"<h1>Search: {esc(query)}</h1><p class=\"muted\">{len(hits)} articles · "
            f"<a href=\"/api/search?{urlencode({'q': query})}\">JSON</a></p><ol>{rows}</ol>")
    return _page(f"Search {query}", body)


def error_page(status: int, title: str, detail: str) -> str:
    return _page(f"{status} {title}", f"<h1>{status} {esc(title)}</h1><p>{esc(detail)}</p>")
