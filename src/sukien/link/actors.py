"""Corpus-wide actors: one actor per real person (or body, country, place) across articles.

Article entities are resolved by name after folding (:func:`~sukien.text.normalize.fold_name`:
case, diacritics, tone placement, hyphens and spaces do not matter, so ``Woo Won-shik`` =
``Woo Won Shik``), by the office-holders dictionary (``Tập Cận Bình`` = ``Xi Jinping``), by
partial names (``Medvedev`` = ``Dmitry Medvedev``: a folded name ending a longer one of the
same country, the gold's six-letter rule) and by near-identical spellings (rapidfuzz).
A person keeps every title seen with the dates of the articles that gave it, so ``Tô Lâm``
is one actor who was Minister of Public Security, then President, then General Secretary.

Blocking keeps this sub-quadratic: fuzzy comparison only runs inside one (type, country,
first letter) block.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..model import PER, Article
from ..stages import actors_knowledge as kb
from ..stages.names import VN, name_shape, name_tokens
from ..text.normalize import fold, fold_name

# A folded name that ends a longer one of the same country is the same person when it has
# at least this many letters ("medvedev" in "dmitrymedvedev"; gold/README.md's rule).
SUFFIX_MIN_LETTERS = 6
# Two folded spellings of one person in one country block: rapidfuzz ratio at least this
# ("mahnwinkhaingthan"/"mahnwinnkhaingthann" 94, "vmatvienko"/"vmatvienco" 90; different
# people such as "lycuong"/"lykhaccuong" score 78).
FUZZY_SAME_PERSON = 90


@dataclass(slots=True)
class Role:
    """A title an actor was seen holding, with the dates of the articles that said so."""

    title: str
    title_en: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    articles: int = 0


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        return [r.title for r in self.roles]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country,
                "aliases": self.aliases,
                "titles": [{"title": r.title, "title_en": r.title_en, "first_seen": r.first_seen,
                            "last_seen": r.last_seen, "articles": r.articles} for r in self.roles],
                "articles": len(self.article_ids), "article_ids": self.article_ids}


@dataclass(slots=True)
class EntityRef:
    """One article entity as the resolver sees it (from an Article or a store row)."""

    article_id: str
    entity_id: str
    name: str
    type: str
    country: str | None
    title: str | None = None
    title_en: str | None = None
    published: str | None = None
    titles: tuple[str, ...] = ()
    country_guessed: bool = False  # the extractor guessed the country from the article


class ActorIndex:
    """The actors of a corpus and which article entity is which actor."""

    def __init__(self, actors: list[Actor], members: dict[tuple[str, str], str]) -> None:
        self.actors = actors
        self._members = members
        self._by_id = {a.id: a for a in actors}

    def actor_of(self, article_id: str, entity_id: str) -> str | None:
        return self._members.get((article_id, entity_id))

    def get(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def people(self) -> list[Actor]:
        return [a for a in self.actors if a.type == PER]

    def members(self) -> dict[tuple[str, str], str]:
        """``(article_id, entity_id) -> actor_id`` for every resolved entity."""
        return dict(self._members)

    def __len__(self) -> int:
        return len(self.actors)


def entity_refs(articles: Iterable[Article]) -> list[EntityRef]:
    refs = []
    for a in articles:
        for e in a.entities:
            refs.append(EntityRef(a.id, e.id, e.name, e.type, e.country, e.title, e.title_en,
                                  a.published, tuple(e.attrs.get("titles") or ()),
                                  bool(e.attrs.get("country_guessed"))))
    return refs


def resolve_actors(articles: Iterable[Article]) -> ActorIndex:
    """One actor per real person/body across ``articles`` (see the module docstring)."""
    return resolve_entities(entity_refs(articles))


def apply_actor_countries(articles: Iterable[Article], index: ActorIndex) -> int:
    """Give each person whose country the extractor only guessed its actor's country (read
    in another article); returns how many entities changed. Mentions follow."""
    changed = 0
    for a in articles:
        for e in a.entities:
            if e.type != PER or not e.attrs.get("country_guessed"):
                continue
            actor = index.get(index.actor_of(a.id, e.id) or "")
            if actor is not None and actor.country and actor.country != e.country:
                e.country = actor.country
                for m in a.mentions:
                    if m.entity_id == e.id:
                        m.country = actor.country
                changed += 1
    return changed


def resolve_entities(refs: list[EntityRef]) -> ActorIndex:
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:  # path compression
            parent[i], i = root, parent[i]
        return root

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    # 1. exact folded name (dictionary aliases map to the holder's name) within type; a
    #    person's country must agree unless one side only guessed it
    keys = [_key(r) for r in refs]
    first_of: dict[tuple[str, str], list[int]] = {}
    for i, (r, k) in enumerate(zip(refs, keys, strict=True)):
        slot = (r.type, k)
        for j in first_of.get(slot, ()):
            if r.type != PER or _countries_agree(refs[j], r):
                union(i, j)
                break
        else:
            first_of.setdefault(slot, []).append(i)
    # 2. partial names and spelling variants, inside (type, country) blocks of distinct keys
    blocks: dict[tuple[str, str | None], dict[str, int]] = defaultdict(dict)
    vietnamese: dict[str, bool] = {}
    for i, (r, k) in enumerate(zip(refs, keys, strict=True)):
        if r.type == PER:
            blocks[(r.type, r.country)].setdefault(k, i)
            vietnamese.setdefault(k, name_shape(name_tokens(r.name)) == VN)
    for block in blocks.values():
        names = sorted(block, key=len)
        by_initial: dict[str, list[str]] = defaultdict(list)
        for n in names:
            by_initial[n[:1]].append(n)
        for n in names:
            # a partial name ending a longer one: join it to the only such longer name
            longer = [m for m in names if len(m) > len(n) and m.endswith(n)]
            if len(n) >= SUFFIX_MIN_LETTERS and len({find(block[m]) for m in longer}) == 1:
                union(block[n], block[longer[0]])
                continue
            if vietnamese[n]:
                continue  # "Phạm Văn Hùng" / "Phạm Văn Dũng": one letter apart, two people
            for m in by_initial[n[:1]]:
                if m != n and not vietnamese[m] and abs(len(m) - len(n)) <= 3 \
                        and fuzz.ratio(m, n) >= FUZZY_SAME_PERSON:
                    union(block[n], block[m])
    # 3. build the actors
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(refs)):
        groups[find(i)].append(i)
    actors: list[Actor] = []
    members: dict[tuple[str, str], str] = {}
    used_ids: set[str] = set()
    for idxs in sorted(groups.values(), key=lambda g: g[0]):
        actor = _actor([refs[i] for i in idxs], used_ids)
        actors.append(actor)
        for i in idxs:
            members[(refs[i].article_id, refs[i].entity_id)] = actor.id
    return ActorIndex(actors, members)


def _key(r: EntityRef) -> str:
    k = fold_name(r.name)
    if r.type == PER:
        tenures = kb.people_by_name().get(k)
        if tenures:
            return fold_name(tenures[0].name)
    return k


def _countries_agree(a: EntityRef, b: EntityRef) -> bool:
    return a.country is None or b.country is None or a.country == b.country \
        or a.country_guessed or b.country_guessed


def _actor(refs: list[EntityRef], used_ids: set[str]) -> Actor:
    typ = refs[0].type
    # read countries outvote guessed ones
    countries = [r.country for r in refs if r.country and not r.country_guessed] \
        or [r.country for r in refs if r.country]
    country = max(set(countries), key=countries.count) if countries else None
    names = [r.name for r in refs]
    canonical = None
    if typ == PER:
        for r in refs:
            tenures = kb.people_by_name().get(fold_name(r.name))
            if tenures:
                canonical = tenures[0].name
                break
    # the dictionary's name, else the most frequent spelling (the first seen on ties)
    name = canonical or max(set(names), key=lambda n: (names.count(n), -names.index(n)))
    aliases = sorted({n for n in names if n != name})
    roles: dict[str, Role] = {}
    for r in sorted(refs, key=lambda r: r.published or ""):
        for t in (r.titles or ((r.title,) if r.title else ())):
            role = roles.get(t)
            if role is None:
                role = roles[t] = Role(t, r.title_en if t == r.title else _title_en(t))
            role.articles += 1
            if r.published:
                d = r.published[:10]
                role.first_seen = min(role.first_seen or d, d)
                role.last_seen = max(role.last_seen or d, d)
    base = f"{typ.lower()}:{(country or 'xxx').lower()}:{fold_name(name)}"
    aid, n = base, 2
    while aid in used_ids:
        aid, n = f"{base}:{n}", n + 1
    used_ids.add(aid)
    article_ids = list(dict.fromkeys(r.article_id for r in refs))
    ordered_roles = sorted(roles.values(), key=lambda r: (r.first_seen or "9999", -r.articles))
    return Actor(aid, name, typ, country, aliases, ordered_roles, article_ids)


def _title_en(title: str) -> str | None:
    from ..text.normalize import match_key

    t = kb.titles().get(match_key(title))
    return t.title_en if t else None


# ---------------------------------------------------------------------------------------
# The store: resolve from stored entities, write the actors tables, list them


def entity_refs_from_store(store: Any) -> list[EntityRef]:
    """Every stored article entity, with its article's publication date."""
    rows = store.conn.execute(
        "SELECT e.article_id, e.entity_id, e.name, e.type, e.country, e.title, e.title_en, a.published "
        "FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY a.published, e.article_id, e.entity_id")
    return [EntityRef(r["article_id"], r["entity_id"], r["name"], r["type"] or "", r["country"], r["title"],
                      r["title_en"], r["published"]) for r in rows]


def store_actors(store: Any, index: ActorIndex) -> int:
    """Replace the store's actors tables with ``index``, in one transaction; returns the count."""
    with store.atomic() as conn:
        conn.execute("DELETE FROM actor_mentions")
        conn.execute("DELETE FROM actors")
        conn.executemany(
            "INSERT INTO actors (actor_id, name, name_fold, type, country, aliases_json, titles_json, "
            "n_articles, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(a.id, a.name, fold(a.name), a.type, a.country, json.dumps(a.aliases, ensure_ascii=False),
              json.dumps(a.as_dict()["titles"], ensure_ascii=False), len(a.article_ids),
              min((r.first_seen for r in a.roles if r.first_seen), default=None),
              max((r.last_seen for r in a.roles if r.last_seen), default=None)) for a in index.actors])
        conn.executemany("INSERT OR REPLACE INTO actor_mentions (actor_id, article_id, entity_id) VALUES (?,?,?)",
                         [(aid, art, ent) for (art, ent), aid in index.members().items()])
    return len(index.actors)


def list_actors(store: Any, *, country: str | None = None, type: str | None = PER,  # noqa: A002
                name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Actors as rows (name, country, titles, articles), most-reported first.

    Reads the ``actors`` table when it has been filled (``store_actors``), else resolves
    the store's entities on the fly.
    """
    filled = store.conn.execute("SELECT 1 FROM actors LIMIT 1").fetchone() is not None
    if not filled:
        index = resolve_entities(entity_refs_from_store(store))
        rows = [a.as_dict() for a in index.actors]
        for r in rows:
            r["titles"] = [t["title"] for t in r["titles"]]
            r.pop("article_ids")
    else:
        rows = []
        for r in store.conn.execute("SELECT * FROM actors"):
            rows.append({"id": r["actor_id"], "name": r["name"], "type": r["type"], "country": r["country"],
                         "aliases": json.loads(r["aliases_json"]),
                         "titles": [t["title"] for t in json.loads(r["titles_json"])],
                         "articles": r["n_articles"]})
    out = [r for r in rows
           if (not type or r["type"] == type.upper())
           and (not country or (r["country"] or "") == country.upper())
           and (not name or fold(name) in fold(r["name"]) or any(fold(name) in fold(a) for a in r["aliases"]))]
    out.sort(key=lambda r: (-r["articles"], r["name"]))
    return out[:limit]
