"""Shared helpers for the scorer tests: gold articles written as predicted §2 records."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from sukien.evaluation.gold import GoldArticle, is_iso3

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _ev(text: str | None) -> dict[str, Any]:
    return {"start": 0, "end": len(text or ""), "text": text or ""}


def as_record(gold: GoldArticle) -> dict[str, Any]:
    """What a perfect extractor would output for ``gold`` (entity ids for every name)."""
    entities: list[dict[str, Any]] = []
    ids: dict[str, str] = {}

    def ref(name: str) -> str:
        if is_iso3(name):
            return name
        if name not in ids:
            ids[name] = f"e{len(entities)}"
            entities.append({"id": ids[name], "name": name, "type": "ORG", "country": None})
        return ids[name]

    for e in gold.entities:
        ids[e["name"]] = f"e{len(entities)}"
        entities.append({"id": ids[e["name"]], "name": e["name"], "type": "PER", "country": e.get("country"),
                         "title": e.get("title")})
    events = [{"id": f"v{i}", "kind": e["kind"], "participants": [ref(p) for p in e["participants"]],
               "date": e["date"], "evidence": _ev(e["quote"])} for i, e in enumerate(gold.events)]
    statements = [{"id": f"s{i}", "kind": s["kind"], "source": [ref(p) for p in s["source"]],
                   "target": [ref(p) for p in s.get("target") or []], "topics": list(s.get("topics") or []),
                   "implicit": bool(s.get("implicit")), "evidence": _ev(s["quote"])}
                  for i, s in enumerate(gold.statements)]
    documents = [{"kind": d.get("kind"), "title": d.get("title") or "", "parties": list(d["parties"]),
                  "topics": list(d.get("topics") or []), "evidence": _ev(d.get("quote"))} for d in gold.documents]
    quantities = [{"value": q["value"], "unit": q["unit"], "year": q.get("year"), "kind": q.get("kind"),
                   "evidence": _ev(q.get("quote"))} for q in gold.quantities]
    relations = [{"pair": list(r["pair"]), "level": r["level"], "date": r.get("date"), "year": r.get("year"),
                  "evidence": _ev(r.get("quote"))} for r in gold.relations]
    return {"id": gold.id, "text_clean": "", "entities": entities, "events": events, "statements": statements,
            "documents": documents, "quantities": quantities, "relations": relations}


@pytest.fixture
def perfect_record():
    return lambda gold: copy.deepcopy(as_record(gold))


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip("../shared (gold and corpora) is not present")
    return SHARED
