"""Linking a corpus: corpus-wide actors, stories, corpus events, facts carried across outlets.

Public interface:

- :func:`link_corpus` — the ``{"type": "corpus", ...}`` record for a list of extracted
  articles (``sukien extract --json --link``); it fills gaps in the articles from their
  stories (years, title-only persons), so print the articles after calling it.
- :mod:`sukien.link.stories` — ``link_stories`` and ``pairwise_scores``.
- :mod:`sukien.link.dedup` — near-duplicate copies.
- :mod:`sukien.link.corpus_events` — ``merge_events``.
- :mod:`sukien.link.incremental` — ``update_links(store)`` for the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import PER, Article
from ..text.normalize import fold_name
from .carry import carry_dates, carry_tenure_year, carry_title_holders
from .corpus_events import is_country, merge_events, merge_statements
from .stories import features_for, link_stories

__all__ = ["link_corpus", "resolve_corpus_actors", "actor_key_function"]


@dataclass(slots=True)
class _SimpleActor:
    id: str
    name: str
    type: str
    country: str | None
    article_ids: list[str] = field(default_factory=list)


class _FallbackIndex:
    """Actors by folded name (used only when sukien.link.actors is not available):
    one actor per (type, folded name), a folded name that ends a longer one of the same
    type and country (≥ 6 letters, the gold's rule) joining it."""

    SUFFIX_MIN_LETTERS = 6

    def __init__(self, articles: Sequence[Article]) -> None:
        self.actors: list[_SimpleActor] = []
        self._members: dict[tuple[str, str], str] = {}
        by_key: dict[tuple[str, str], _SimpleActor] = {}
        ents = sorted(((a, e) for a in articles for e in a.entities), key=lambda x: -len(fold_name(x[1].name)))
        for a, e in ents:
            k = fold_name(e.name)
            actor = by_key.get((e.type, k))
            if actor is None and len(k) >= self.SUFFIX_MIN_LETTERS:
                actor = next((x for (t, kk), x in by_key.items() if t == e.type and kk.endswith(k)
                              and (x.country is None or e.country is None or x.country == e.country)), None)
            if actor is None:
                actor = _SimpleActor(f"{e.type.lower()}:{(e.country or 'xxx').lower()}:{k}", e.name, e.type,
                                     e.country)
                by_key[(e.type, k)] = actor
                self.actors.append(actor)
            if a.id not in actor.article_ids:
                actor.article_ids.append(a.id)
            self._members[(a.id, e.id)] = actor.id
        self._by_id = {x.id: x for x in self.actors}

    def actor_of(self, article_id: str, entity_id: str) -> str | None:
        return self._members.get((article_id, entity_id))

    def get(self, actor_id: str) -> Any:
        return self._by_id.get(actor_id)


def resolve_corpus_actors(articles: Sequence[Article]) -> Any:
    """The actors helper's ActorIndex when available, else the folded-name fallback."""
    try:
        from .actors import resolve_actors
    except ImportError:
        return _FallbackIndex(articles)
    return resolve_actors(articles)


def actor_key_function(index: Any):
    """(article, participant) → (actor key, display name): ISO3 codes stay themselves."""

    def key(article: Article, participant: str) -> tuple[str, str]:
        if is_country(participant):
            return participant, participant
        ent = article.entity(participant)
        if ent is None:
            return "name:" + fold_name(participant), participant
        actor_id = index.actor_of(article.id, ent.id)
        actor = index.get(actor_id) if actor_id else None
        if actor is None:
            return "name:" + fold_name(ent.name), ent.name
        return actor_id, actor.name

    return key


def link_corpus(articles: list[Article], *, extended: bool = False) -> dict[str, Any]:
    """Actors, corpus events and stories of ``articles`` as the ``{"type": "corpus"}`` record.

    Mutates the articles: year-less dates take their story's year, and title-only persons
    are resolved through the story's other articles (see :mod:`sukien.link.carry`); a
    near-duplicate copy gets ``meta["duplicate_of"]``. ``extended=True`` adds
    ``"statements"`` (corpus statements with all their sources) and ``"duplicates"``.
    """
    feats = features_for(articles)
    links = link_stories(articles, feats)
    by_id = {a.id: a for a in articles}
    story_of: dict[str, int] = {}
    for n, story in enumerate(links.stories):
        members = [by_id[i] for i in story]
        for aid in story:
            story_of[aid] = n
        if len(members) > 1:
            carry_dates(members)
            carry_title_holders(members)
        carry_tenure_year(members)
    for copy_id, original in links.duplicate_of.items():
        by_id[copy_id].meta["duplicate_of"] = original
    index = resolve_corpus_actors(articles)
    key = actor_key_function(index)
    events = merge_events(articles, key, story_of)
    out: dict[str, Any] = {
        "type": "corpus",
        "actors": [_actor_record(x) for x in index.actors],
        "events": [e.as_dict() for e in events],
        "stories": links.stories,
    }
    if extended:
        out["statements"] = [s.as_dict() for s in merge_statements(articles, key, events)]
        out["duplicates"] = [{"copy": c, "original": o} for c, o in sorted(links.duplicate_of.items())]
    return out


def _actor_record(actor: Any) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
            "articles": list(actor.article_ids)}


PERSON = PER  # re-exported for callers filtering actors by type
