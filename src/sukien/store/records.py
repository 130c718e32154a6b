"""Queries over the store's agreements, figures and the combined timeline.

Plain functions over an open :class:`~sukien.store.Store` (the CLI's ``agreements``,
``figures`` and ``timeline`` commands and the API call these). Parameterised SQL only.
"""

from __future__ import annotations

import json
from typing import Any

from .core import DEFAULT_LIMIT, Store, _date_filter, _where
from .fold import fold

# The timeline reads this many of each record kind before sorting them together.
TIMELINE_FETCH = 2000


def documents(store: Store, *, party: str | None = None, kind: str | None = None, topic: str | None = None,
              since: str | None = None, until: str | None = None, limit: int = DEFAULT_LIMIT,
              offset: int = 0) -> list[dict[str, Any]]:
    """Agreements signed or exchanged; ``party`` is a diacritic-insensitive substring of a
    party's name; dates filter on the signing date, else the article's publication."""
    date_expr = "COALESCE(d.signed, a.published)"
    where, params = _date_filter(date_expr, since, until)
    if kind:
        where.append("d.kind = ?")
        params.append(kind.upper())
    if topic:
        where.append("EXISTS (SELECT 1 FROM json_each(d.topics_json) t WHERE t.value = ?)")
        params.append(topic)
    rows = store._rows(
        "SELECT d.article_id, d.idx, d.kind, d.title, d.parties_json, d.topics_json, d.signed, "
        "d.evidence_text, a.published, a.outlet "
        f"FROM documents d JOIN articles a ON a.id = d.article_id {_where(where)} "
        f"ORDER BY {date_expr} DESC NULLS LAST, d.article_id, d.idx", params)
    out = []
    want = fold(party) if party else None
    for r in rows:
        r["parties"] = json.loads(r.pop("parties_json"))
        r["topics"] = json.loads(r.pop("topics_json"))
        if want and not any(want in fold(p) for p in r["parties"]):
            continue
        out.append(r)
    return out[offset: offset + limit]


def quantities(store: Store, *, unit: str | None = None, kind: str | None = None, year: int | None = None,
               about: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Figures and targets (``150 tỷ USD vào năm 2030``); dates filter on publication."""
    where, params = _date_filter("a.published", since, until)
    for col, value in (("q.unit", unit), ("q.kind", kind), ("q.year", year)):
        if value is not None:
            where.append(f"{col} = ?")
            params.append(value)
    if about:
        where.append("(q.about LIKE ? OR q.evidence_text LIKE ?)")
        params += [f"%{about}%"] * 2
    return store._rows(
        "SELECT q.article_id, q.idx, q.value, q.unit, q.year, q.kind, q.approx, q.about, q.evidence_text, "
        "a.published, a.outlet "
        f"FROM quantities q JOIN articles a ON a.id = q.article_id {_where(where)} "
        "ORDER BY a.published DESC NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?", [*params, limit, offset])


def timeline(store: Store, *, actor: str | None = None, country: str | None = None, kind: str | None = None,
             topic: str | None = None, since: str | None = None, until: str | None = None,
             limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Events and statements together, oldest first: one row per record with its date,
    kind, actors and evidence. ``kind`` may name an event or a statement kind."""
    from ..model import EVENT_KINDS, STATEMENT_KINDS

    kind = kind.upper() if kind else None
    filters = {"actor": actor, "country": country, "topic": topic, "since": since, "until": until}
    rows: list[dict[str, Any]] = []
    if kind is None or kind in EVENT_KINDS:
        for e in store.events(kind=kind, limit=TIMELINE_FETCH, **filters):
            rows.append({"date": _full_date(e.get("date"), e.get("published")), "record": "event",
                         "kind": e["kind"], "actors": e.get("participants_names") or e.get("participants"),
                         "target": [], "evidence": e["evidence_text"], "article_id": e["article_id"],
                         "outlet": e.get("outlet"), "_order": (e["article_id"], e.get("evidence_start") or 0)})
    if kind is None or kind in STATEMENT_KINDS:
        for s in store.statements(kind=kind, limit=TIMELINE_FETCH, **filters):
            rows.append({"date": _full_date(None, s.get("published")), "record": "statement",
                         "kind": s["kind"], "actors": s.get("source_names") or s.get("source"),
                         "target": s.get("target_names") or s.get("target"), "evidence": s["evidence_text"],
                         "article_id": s["article_id"], "outlet": s.get("outlet"),
                         "_order": (s["article_id"], s.get("evidence_start") or 0)})
    rows.sort(key=lambda r: (r["date"] or "9999", r["_order"]))
    for r in rows:
        del r["_order"]
    return rows[offset: offset + limit]


def _full_date(date: str | None, published: str | None) -> str | None:
    """An event's own date when it has a year, else the article's publication day."""
    if date and date[:4].isdigit():
        return date
    return published[:10] if published else date
