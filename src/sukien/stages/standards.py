"""PLOVER / CAMEO coding of events and statements, actor codes, and the two exports.

- :func:`annotate_event` / :func:`annotate_statement` fill ``plover`` ({event_type, mode}) and
  ``cameo`` from ``knowledge/data/plover_cameo.tsv`` (first row whose kind and mode fit).
- :func:`actor_code` gives CAMEO-style actor codes: country ISO3 + sector (``VNMGOV``,
  ``KORLEG``); the sector comes from the entity's ``attrs["sector"]`` (set by the actors stage
  from its title table) or, failing that, from title words in ``SECTOR_WORDS``.
- :func:`plover_records` exports an article's events and statements as PLOVER JSONL dicts
  (``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_text``, ``text_info``,
  ``cite_info``); :func:`cameo_dyads` as CAMEO dyads with ``quad_class`` and ``goldstein``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..knowledge import load_table
from ..model import Article, Event, Statement

# Title words → CAMEO sector, used only when the actors stage gave no sector. Order matters:
# the first word found in the title wins ("Chủ tịch Quốc hội" is LEG before "Chủ tịch" is GOV).
SECTOR_WORDS: tuple[tuple[str, str], ...] = (
    ("quốc hội", "LEG"), ("nghị viện", "LEG"), ("thượng viện", "LEG"), ("hạ viện", "LEG"),
    ("duma", "LEG"), ("nghị sĩ", "LEG"), ("bí thư", "PTY"), ("đảng", "PTY"),
    ("quốc phòng", "MIL"), ("tướng", "MIL"), ("quân", "MIL"), ("đại sứ", "GOV"),
    ("ngoại giao", "GOV"), ("tòa án", "JUD"), ("toà án", "JUD"), ("viện kiểm sát", "JUD"),
    ("tập đoàn", "BUS"), ("doanh nghiệp", "BUS"), ("công ty", "BUS"), ("báo", "MED"),
    ("thủ tướng", "GOV"), ("tổng thống", "GOV"), ("chủ tịch nước", "GOV"), ("bộ trưởng", "GOV"),
    ("nhà vua", "GOV"), ("quốc vương", "GOV"), ("chủ tịch", "GOV"),
)
# CAMEO sector codes the actors stage may use under other names.
_SECTOR_ALIASES = {"LOC-GOV": "GOV", "DIP": "GOV", "MEDIA": "MED", "PARTY": "PTY"}


@dataclass(frozen=True, slots=True)
class Coding:
    plover_event: str
    plover_mode: str
    cameo: str
    quad_class: int
    goldstein: float
    label: str


@cache
def _codings() -> tuple[tuple[str, str, Coding], ...]:
    rows = load_table("plover_cameo", required=("kind", "plover_event", "cameo", "quad_class", "goldstein"))
    return tuple((r["kind"], r.get("mode", ""), Coding(r["plover_event"], r.get("plover_mode", ""), r["cameo"],
                                                        int(r["quad_class"]), float(r["goldstein"]),
                                                        r.get("cameo_label", "")))
                 for r in rows)


def coding(kind: str, mode: str | None = None) -> Coding:
    """The PLOVER/CAMEO coding of a record kind in a mode (falls back to the kind's default row)."""
    fallback = None
    for k, m, c in _codings():
        if k != kind:
            continue
        if m and m == mode:
            return c
        if not m and fallback is None:
            fallback = c
    if fallback is None:
        raise KeyError(f"no PLOVER/CAMEO coding for kind {kind!r}")
    return fallback


def _event_mode(ev: Event) -> str | None:
    if ev.kind == "MEET" and ev.mode == "meet" and ev.host:
        return "hosted"
    return ev.mode


def annotate_event(ev: Event) -> Event:
    c = coding(ev.kind, _event_mode(ev))
    ev.plover = {"event_type": c.plover_event, "mode": c.plover_mode or None}
    ev.cameo = c.cameo
    return ev


# Statement sub-modes by their cue (which CAMEO row applies).
_INVITE_WORDS = ("mời",)
_LOAN_WORDS = ("cho vay", "tín dụng", "khoản vay", "vay ưu đãi")
_PROTEST_WORDS = ("phản đối",)


def statement_mode(st: Statement, cue_text: str = "") -> str | None:
    low = (cue_text or st.evidence.text).lower()
    if st.kind == "PLEDGE" and any(w in low for w in _INVITE_WORDS):
        return "invite"
    if st.kind == "AID" and any(w in low for w in _LOAN_WORDS):
        return "loan"
    if st.kind == "CRITICIZE" and any(w in low for w in _PROTEST_WORDS):
        return "protest"
    return None


def annotate_statement(st: Statement, cue_text: str = "") -> Statement:
    c = coding(st.kind, statement_mode(st, cue_text))
    st.plover = {"event_type": c.plover_event, "mode": c.plover_mode or None}
    st.cameo = c.cameo
    return st


# -- actor codes ------------------------------------------------------------------------------
def actor_code(article: Article, ref: str) -> str:
    """CAMEO-style code of a participant: ``VNM`` for a country, ``VNMGOV``/``KORLEG`` for people."""
    if len(ref) == 3 and ref.isupper():
        return ref
    ent = article.entity(ref)
    if ent is None:
        return "---"
    country = ent.country or "---"
    sector = (ent.attrs or {}).get("sector")
    if isinstance(sector, (list, tuple)):
        sector = sector[0] if sector else None
    if sector:
        sector = _SECTOR_ALIASES.get(str(sector).upper(), str(sector).upper())
    elif ent.title:
        title = ent.title.lower()
        sector = next((code for word, code in SECTOR_WORDS if word in title), None)
    elif ent.type == "ORG":
        name = ent.name.lower()
        sector = next((code for word, code in SECTOR_WORDS if word in name), None)
    return f"{country}{sector or ''}"


def _codes(article: Article, refs: list[str]) -> list[str]:
    return [actor_code(article, r) for r in refs]


def _names(article: Article, refs: list[str]) -> list[str]:
    out = []
    for r in refs:
        ent = article.entity(r)
        out.append(ent.name if ent else r)
    return out


def _event_actor_recipient(ev: Event) -> tuple[list[str], list[str]]:
    parts = list(ev.participants)
    if ev.kind == "VISIT":
        return parts[:1], parts[1:]
    if ev.host and ev.host in parts:
        # CAMEO 043 "host a visit": the host is the actor
        return [ev.host], [p for p in parts if p != ev.host]
    return parts[:1], parts[1:]


def _records(article: Article) -> list[tuple[Any, list[str], list[str], str, str]]:
    out = []
    for ev in article.events:
        actor, recipient = _event_actor_recipient(ev)
        out.append((ev, actor, recipient, ev.date or "", ev.kind))
    for st in article.statements:
        occasion = next((e for e in article.events if e.id == st.occasion), None)
        date = occasion.date if occasion and occasion.date else (article.published or "")[:10]
        out.append((st, list(st.source), list(st.target), date or "", st.kind))
    return out


def plover_records(article: Article) -> list[dict[str, Any]]:
    """PLOVER-style JSON dicts, one per event and statement of the article."""
    recs = []
    for rec, actor, recipient, date, kind in _records(article):
        topics = list(getattr(rec, "topics", []) or [])
        recs.append({
            "id": rec.id,
            "event_date": date or None,
            "actor": _codes(article, actor),
            "actor_name": _names(article, actor),
            "recipient": _codes(article, recipient),
            "recipient_name": _names(article, recipient),
            "event": rec.plover.get("event_type"),
            "mode": rec.plover.get("mode"),
            "context": topics,
            "event_text": rec.evidence.text,
            "text_info": {"sukien_kind": kind, "start": rec.evidence.start, "end": rec.evidence.end,
                          "language": "vi"},
            "cite_info": {"article_id": article.id, "url": article.url, "outlet": article.outlet,
                          "published": article.published},
        })
    return recs


def cameo_dyads(article: Article) -> list[dict[str, Any]]:
    """CAMEO-coded dyads (every actor × recipient pair) with quad class and Goldstein score."""
    rows = []
    for rec, actor, recipient, date, kind in _records(article):
        mode = _event_mode(rec) if isinstance(rec, Event) else statement_mode(rec)
        c = coding(kind, mode)
        for a in actor or ["---"]:
            for r in recipient or ["---"]:
                rows.append({
                    "id": rec.id, "date": date or None,
                    "actor_code": actor_code(article, a) if a != "---" else a,
                    "recipient_code": actor_code(article, r) if r != "---" else r,
                    "cameo_code": rec.cameo or c.cameo, "quad_class": c.quad_class,
                    "goldstein": c.goldstein, "article_id": article.id,
                })
    return rows
