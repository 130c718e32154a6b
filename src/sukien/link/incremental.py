"""Linking inside the store, incrementally: new articles meet only their candidates.

:func:`update_links` takes the stored articles not linked yet and

1. adds their terms to the corpus document frequencies (``link_df``, by hashed term);
2. finds their candidates through the blocks they belong to (``link_keys``: text keys,
   event signatures, near-duplicate LSH buckets) — a key's whole membership is read, so a
   key grown too common is split by week exactly as in a full run;
3. scores the new pairs (:func:`sukien.link.stories.score_pairs`) and stores the edges;
4. re-clusters only the connected component(s) the new edges touch (their stored edges are
   re-scored with the current frequencies first), replacing those stories;
5. carries dates across the changed stories (year-less event dates, written back to the
   ``events`` rows and the article record) and recomputes the corpus events of the
   articles concerned.

The result equals a full recompute (``full=True``) as long as the growing corpus
frequencies do not move a pair the update does not revisit across a threshold: pairs in
untouched components keep their scores, and an article's blocking keys are chosen once,
with the frequencies of the day it was linked.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Article, Entity, Event, Evidence
from . import dedup
from . import stories as st
from .carry import carry_dates, carry_tenure_year
from .corpus_events import merge_events
from .features import CorpusDF, TermCounts, TermVector

# A story whose articles have no title shows the start of its first line, this long.
TITLE_FALLBACK_CHARS = 90
# SQLite's limit on bound parameters is 32766 in recent versions; stay well under.
_CHUNK = 900


@dataclass(slots=True)
class LinkSummary:
    new_articles: int = 0
    candidate_pairs: int = 0
    edges: int = 0
    stories_changed: int = 0
    corpus_events_changed: int = 0
    duplicates: int = 0
    affected_articles: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in ("new_articles", "candidate_pairs", "edges", "stories_changed",
                                           "corpus_events_changed", "duplicates")}
        d["affected_articles"] = len(self.affected_articles)
        return d


def _chunks(items: Sequence[Any], n: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def load_articles(store: Any, ids: Sequence[str]) -> list[Article]:
    """Stored articles as Articles carrying what linking reads (text, dates, entities, events)."""
    out: dict[str, Article] = {}
    for part in _chunks(list(ids)):
        q = ",".join("?" * len(part))
        for r in store.conn.execute(f"SELECT id, title, published, outlet, url, text_clean, meta_json, record_json "
                                    f"FROM articles WHERE id IN ({q})", list(part)):
            rec = json.loads(r["record_json"])
            a = Article(id=r["id"], text_clean=r["text_clean"], title=r["title"], published=r["published"],
                        outlet=r["outlet"], url=r["url"], meta=json.loads(r["meta_json"] or "{}"))
            for e in rec.get("entities", []):
                a.entities.append(Entity(e["id"], e["name"], e["type"], e.get("country"), e.get("title"),
                                         e.get("title_en"), [tuple(m) for m in e.get("mentions", [])]))
            for ev in rec.get("events", []):
                evid = ev.get("evidence") or {}
                a.events.append(Event(ev["id"], ev["kind"], Evidence(evid.get("start", 0), evid.get("end", 0),
                                                                    evid.get("text", "")),
                                      mode=ev.get("mode"), participants=list(ev.get("participants") or []),
                                      host=ev.get("host"), date=ev.get("date"),
                                      date_precision=ev.get("date_precision"), part_of_day=ev.get("part_of_day"),
                                      location=ev.get("location"), status=ev.get("status", "occurred")))
            out[a.id] = a
    return [out[i] for i in ids if i in out]


def _corpus_df(store: Any) -> CorpusDF:
    n = store.conn.execute("SELECT COUNT(*) FROM link_articles").fetchone()[0]
    cursor = store.conn.cursor()
    cursor.row_factory = None  # plain tuples, read straight into the array (the whole table as
    # a list of rows was ~0.2 GB per million terms)
    arr = np.fromiter(cursor.execute("SELECT col, df FROM link_df ORDER BY col"),
                      dtype=[("col", np.int64), ("df", np.int64)])
    return CorpusDF(arr["col"].copy(), arr["df"].copy(), n)


def _features(articles: Sequence[Article], corpus: CorpusDF, *, with_minhash: bool = True) -> list[st.LinkFeatures]:
    return [st.link_features(a, corpus, with_minhash=with_minhash) for a in articles]


def clear_links(store: Any) -> None:
    with store.atomic() as conn:
        for t in ("corpus_event_sources", "corpus_events", "story_articles", "stories", "link_edges", "link_keys",
                  "link_df", "link_articles"):
            conn.execute(f"DELETE FROM {t}")


def update_links(store: Any, *, full: bool = False, batch: int | None = None) -> LinkSummary:
    """Link the stored articles not linked yet (all of them with ``full=True``)."""
    if full:
        clear_links(store)
    new_ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM link_articles) ORDER BY pk")]
    summary = LinkSummary()
    step = batch or max(1, len(new_ids))
    for part in _chunks(new_ids, step):
        _update(store, list(part), summary)
    return summary


def _update(store: Any, new_ids: list[str], summary: LinkSummary) -> None:
    conn = store.conn
    new_articles = load_articles(store, new_ids)
    if not new_articles:
        return
    counts: list[TermCounts | None] = [st.article_counts(a) for a in new_articles]
    # summed chunk by chunk: one np.unique over the whole corpus's columns peaked at ~1 GB
    batch_df = CorpusDF.of(counts)  # type: ignore[arg-type]
    cols, dfs = batch_df.columns, batch_df.df
    with store.atomic():
        conn.executemany("INSERT INTO link_df (col, df) VALUES (?, ?) ON CONFLICT(col) DO UPDATE SET df = df + "
                         "excluded.df", zip(cols.tolist(), dfs.tolist(), strict=True))
        conn.executemany("INSERT INTO link_articles (article_id, days_json, events_json, linked_at) "
                         "VALUES (?, '[]', '[]', datetime('now'))", [(a.id,) for a in new_articles])
    corpus = _corpus_df(store)
    new_feats = []
    for i, a in enumerate(new_articles):
        new_feats.append(st.link_features(a, corpus, counts[i]))
        counts[i] = None  # each article's raw counts go once its vector is made (~0.5 GB in all)
    del counts, batch_df

    # -- candidates: every member of every block a new article is in
    new_keys: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(new_feats):
        for k in f.keys:
            new_keys[f"t:{k}"].append(i)
        for s in f.events:
            new_keys[f"e:{s}"].append(i)
    old_members: dict[str, list[str]] = defaultdict(list)
    keys = list(new_keys)
    for part in _chunks(keys):
        q = ",".join("?" * len(part))
        for r in conn.execute(f"SELECT key, article_id FROM link_keys WHERE key IN ({q})", list(part)):
            old_members[r[0]].append(r[1])
    bands = [dedup.lsh_band_keys(f.minhash) if f.minhash is not None else [] for f in new_feats]
    band_members: dict[str, list[str]] = defaultdict(list)
    all_bands = sorted({b for bs in bands for b in bs})
    for part in _chunks(all_bands):
        q = ",".join("?" * len(part))
        for r in conn.execute(f"SELECT key, article_id FROM link_keys WHERE key IN ({q})",
                              [f"d:{b}" for b in part]):
            band_members[r[0][2:]].append(r[1])
    old_ids = sorted({a for ms in old_members.values() for a in ms} | {a for ms in band_members.values() for a in ms})
    days = {}
    for part in _chunks(old_ids):
        q = ",".join("?" * len(part))
        for r in conn.execute(f"SELECT article_id, days_json FROM link_articles WHERE article_id IN ({q})", list(part)):
            days[r[0]] = _stored_days(r[1])[0]
    n_old = len(old_ids)
    pos = {a: x for x, a in enumerate(old_ids)}
    # blocks exactly as a full run would form them (whole membership, weekly split when too common);
    # a pair is held as one int64 key (i * width + j): a first link of the whole corpus has ~5M
    # pairs, which as a set of tuples took ~0.75 GB
    width = n_old + len(new_feats)
    pair_keys = st.PairKeys(width)
    for key, members_new in new_keys.items():
        members = [pos[a] for a in old_members.get(key, ())] + [n_old + i for i in members_new]
        if len(members) < 2:
            continue
        member_days = {m: (days.get(old_ids[m], []) if m < n_old else new_feats[m - n_old].days) for m in members}
        for block in _split_block(members, member_days):
            pair_keys.add_block(block, n_old)
    # near-duplicates: shared LSH band and an estimated Jaccard over the threshold
    old_articles = load_articles(store, old_ids)
    # signatures of stored articles only when a band puts them next to a new one
    old_feats = _features(old_articles, corpus, with_minhash=False)
    band_old = {a for ms in band_members.values() for a in ms}
    for f, a in zip(old_feats, old_articles, strict=True):
        if f.id in band_old:
            f.minhash = dedup.minhash(a.text_clean)
    feats = old_feats + new_feats
    dups: set[tuple[int, int]] = set()
    dup_of: dict[str, str] = {}
    for i, (f, bs) in enumerate(zip(new_feats, bands, strict=True)):
        cands = {pos[a] for b in bs for a in band_members.get(b, ())}  # stored, and new ones before it
        for c in sorted(cands):
            other = feats[c].minhash
            if other is not None and f.minhash.jaccard(other) >= dedup.DUPLICATE_JACCARD:
                dups.add((c, n_old + i))
                dup_of.setdefault(f.id, feats[c].id)
        for b in bs:
            band_members[b].append(f.id)
            pos.setdefault(f.id, n_old + i)
    pair_keys.add_pairs(dups)
    pairs = pair_keys.array()
    del pair_keys
    # only the edges are kept (scores of all candidate pairs were another ~0.5 GB on the whole corpus)
    scored = st.score_pairs(feats, pairs, dups, minimum=st.EDGE_MIN)
    new_edges = [(feats[i].id, feats[j].id, s) for i, j, s in scored]
    del scored
    summary.candidate_pairs += len(pairs)
    del pairs
    summary.duplicates += len(dup_of)
    with store.atomic():
        conn.executemany("INSERT OR IGNORE INTO link_keys (key, article_id) VALUES (?, ?)",
                         [(k, new_feats[i].id) for k, idxs in new_keys.items() for i in idxs]
                         + [(f"d:{b}", f.id) for f, bs in zip(new_feats, bands, strict=True) for b in bs]
                         # every event (not only the lead's): which articles corpus events may join
                         + [(f"c:{sig}", a.id) for a in new_articles for sig in st.event_signatures(a)])
        conn.executemany("UPDATE link_articles SET days_json = ?, events_json = ? WHERE article_id = ?",
                         [(json.dumps({"days": f.days, "md": f.month_days}),
                           json.dumps(sorted(f.events), ensure_ascii=False), f.id) for f in new_feats])
        conn.executemany("INSERT OR REPLACE INTO link_edges (a, b, score) VALUES (?, ?, ?)",
                         [(min(a, b), max(a, b), s) for a, b, s in new_edges])
    summary.new_articles += len(new_articles)
    summary.edges += len(new_edges)
    _recluster(store, [a.id for a in new_articles], {f.id: f for f in feats}, dup_of, summary,
               {a.id: a for a in (*old_articles, *new_articles)})


def _stored_days(value: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    d = json.loads(value or "{}")
    if isinstance(d, list):  # (only days)
        return [tuple(x) for x in d], []
    return [tuple(x) for x in d.get("days", [])], [tuple(x) for x in d.get("md", [])]


def _date_only_features(store: Any, ids: Sequence[str]) -> dict[str, st.LinkFeatures]:
    """Features without a text vector (dates only), from what was stored at linking time."""
    out = {}
    empty = TermVector(np.zeros(0, np.int32), np.zeros(0, np.float32), [])
    for part in _chunks(list(ids)):
        q = ",".join("?" * len(part))
        for r in store.conn.execute(f"SELECT article_id, days_json FROM link_articles WHERE article_id IN ({q})",
                                    list(part)):
            days, md = _stored_days(r[1])
            out[r[0]] = st.LinkFeatures(r[0], empty, [], days, md)
    return out


def _split_block(members: list[int], member_days: dict[int, list[tuple[int, int]]]) -> list[list[int]]:
    if len(members) <= st.BLOCK_MAX:
        return [members] if len(members) > 1 else []
    weekly: dict[int, set[int]] = defaultdict(set)
    for m in members:
        for w in st._week(member_days.get(m, [])):
            weekly[w].add(m)
            weekly[w + 1].add(m)
    return [sorted(ms) for ms in weekly.values() if 1 < len(ms) <= st.BLOCK_MAX]


def _component(store: Any, seeds: Iterable[str]) -> list[str]:
    seen = set(seeds)
    frontier = list(seen)
    while frontier:
        nxt = []
        for part in _chunks(frontier):
            q = ",".join("?" * len(part))
            for r in store.conn.execute(f"SELECT a, b FROM link_edges WHERE a IN ({q}) OR b IN ({q})",
                                        list(part) + list(part)):
                for x in (r[0], r[1]):
                    if x not in seen:
                        seen.add(x)
                        nxt.append(x)
        frontier = nxt
    return sorted(seen)


def _recluster(store: Any, new_ids: list[str], known: dict[str, st.LinkFeatures], dup_of: dict[str, str],
               summary: LinkSummary, loaded: dict[str, Article]) -> None:
    """Re-cluster the components the new articles joined. Edges between articles whose
    text features are at hand (the new ones and their candidates) are re-scored with
    today's frequencies; the others keep their stored score. ``loaded``: articles already
    read from the store (not read again: on a first link they are the whole corpus)."""
    conn = store.conn
    members = _component(store, new_ids)
    articles = [loaded[m] for m in members if m in loaded]
    articles += load_articles(store, [m for m in members if m not in loaded])
    missing = [m for m in members if m not in known]
    light = _date_only_features(store, missing)
    feats = [known.get(m) or light.get(m) or st.LinkFeatures(m, TermVector(np.zeros(0, np.int32),
                                                                          np.zeros(0, np.float32), []), [], [])
             for m in members]
    index = {f.id: i for i, f in enumerate(feats)}
    edges = []
    updates = []
    # the stored edges are read as plain tuples, chunk by chunk, never all at once (on a first
    # link of the whole corpus, ~1M sqlite3.Row objects were ~0.3 GB)
    cursor = conn.cursor()
    cursor.row_factory = None
    for part in _chunks(members):
        q = ",".join("?" * len(part))
        for a, b, s in cursor.execute(f"SELECT a, b, score FROM link_edges WHERE a IN ({q})", list(part)):
            if a not in index or b not in index:
                continue
            i, j = index[a], index[b]
            score = s
            if s < 1.0 and a in known and b in known:
                score = st.pair_score(feats[i], feats[j])
                updates.append((score, a, b))
            if score >= st.EDGE_MIN:
                edges.append((min(i, j), max(i, j), score))
    groups = st.cluster(len(feats), edges, penalty=lambda i, j: st.date_penalty(feats[i], feats[j]))
    old_dups = {}
    for part in _chunks(members):
        q = ",".join("?" * len(part))
        for r in conn.execute(f"SELECT article_id, duplicate_of FROM story_articles WHERE article_id IN ({q})",
                              list(part)):
            if r[1]:
                old_dups[r[0]] = r[1]
    old_dups.update(dup_of)
    by_id = {a.id: a for a in articles}
    stories = [[feats[i].id for i in g] for g in groups]
    with store.atomic():
        conn.executemany("UPDATE link_edges SET score = ? WHERE a = ? AND b = ?", updates)
        for part in _chunks(members):
            q = ",".join("?" * len(part))
            conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({q})", list(part))
        conn.execute("DELETE FROM stories WHERE story_id NOT IN (SELECT story_id FROM story_articles)")
        for story in stories:
            arts = [by_id[i] for i in story]
            sid = story_id(story)
            conn.execute("INSERT OR REPLACE INTO stories (story_id, date, title, n_articles, outlets_json, updated_at) "
                         "VALUES (?, ?, ?, ?, ?, datetime('now'))",
                         (sid, story_date(arts), story_title(arts), len(arts),
                          json.dumps(sorted({a.outlet for a in arts if a.outlet}), ensure_ascii=False)))
            conn.executemany("INSERT INTO story_articles (article_id, story_id, duplicate_of) VALUES (?, ?, ?)",
                             [(a, sid, old_dups.get(a)) for a in story])
    summary.stories_changed += len(stories)
    summary.affected_articles.extend(members)
    _carry_and_merge(store, stories, by_id, summary)


def story_id(story: Sequence[str]) -> str:
    return "s-" + hashlib.sha1(min(story).encode("utf-8")).hexdigest()[:12]


def story_date(articles: Sequence[Article]) -> str | None:
    days = [a.published[:10] for a in articles if a.published]
    if not days:
        days = [e.date.split("/")[0] for a in articles for e in a.events
                if e.date and not e.date.startswith("--")]
    return min(days) if days else None


def story_title(articles: Sequence[Article]) -> str | None:
    dated = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    for a in dated:
        if a.title:
            return a.title
    for a in dated:
        first = a.text_clean.strip().split("\n", 1)[0]
        if len(first) > TITLE_FALLBACK_CHARS:
            first = first[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + " …"
        if first:
            return first
    return None


class _StoreActors:
    """actor_of/get over the actors tables (filled by the actors helper), if filled."""

    def __init__(self, store: Any, article_ids: Sequence[str]) -> None:
        self._members: dict[tuple[str, str], str] = {}
        self._names: dict[str, Any] = {}
        for part in _chunks(list(article_ids)):
            q = ",".join("?" * len(part))
            for r in store.conn.execute(
                    f"SELECT m.article_id, m.entity_id, a.actor_id, a.name FROM actor_mentions m "
                    f"JOIN actors a ON a.actor_id = m.actor_id WHERE m.article_id IN ({q})", list(part)):
                self._members[(r[0], r[1])] = r[2]
                self._names[r[2]] = r[3]

    def actor_of(self, article_id: str, entity_id: str) -> str | None:
        return self._members.get((article_id, entity_id))

    def get(self, actor_id: str) -> Any:
        name = self._names.get(actor_id)
        return None if name is None else type("A", (), {"name": name})()


def _carry_and_merge(store: Any, stories: list[list[str]], by_id: dict[str, Article], summary: LinkSummary) -> None:
    from . import actor_key_function

    conn = store.conn
    story_of = {}
    changed_events: list[tuple[str, str, str, Article]] = []
    for story in stories:
        arts = [by_id[i] for i in story]
        before = {(a.id, e.id): e.date for a in arts for e in a.events}
        if len(arts) > 1:
            carry_dates(arts)
        carry_tenure_year(arts)
        for a in arts:
            story_of[a.id] = story_id(story)
            for e in a.events:
                if before[(a.id, e.id)] != e.date:
                    changed_events.append((e.date, a.id, e.id, a))
    # corpus events: the stories' articles and every article sharing an event signature with them
    ids = set(by_id)
    sigs = sorted({f"c:{s}" for a in by_id.values() for s in st.event_signatures(a)})
    for part in _chunks(sigs):
        q = ",".join("?" * len(part))
        ids |= {r[0] for r in conn.execute(f"SELECT article_id FROM link_keys WHERE key IN ({q})", list(part))}
    ids_l = sorted(ids)
    old_events = set()
    for part in _chunks(ids_l):
        q = ",".join("?" * len(part))
        old_events |= {r[0] for r in conn.execute(f"SELECT event_id FROM corpus_event_sources WHERE article_id IN ({q})",
                                                  list(part))}
    oe = sorted(old_events)
    for part in _chunks(oe):
        q = ",".join("?" * len(part))
        ids |= {r[0] for r in conn.execute(f"SELECT article_id FROM corpus_event_sources WHERE event_id IN ({q})",
                                           list(part))}
    extra = sorted(ids - set(by_id))
    articles = list(by_id.values()) + load_articles(store, extra)
    if extra:
        for part in _chunks(extra):
            q = ",".join("?" * len(part))
            for r in conn.execute(f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({q})",
                                  list(part)):
                story_of[r[0]] = r[1]
    index = _StoreActors(store, [a.id for a in articles])
    events = merge_events(articles, actor_key_function(index), story_of)
    with store.atomic():
        for story in stories:
            conn.execute("UPDATE stories SET date = ? WHERE story_id = ?",
                         (story_date([by_id[i] for i in story]), story_id(story)))
        for date, aid, eid, _art in changed_events:
            conn.execute("UPDATE events SET date = ? WHERE article_id = ? AND event_id = ?", (date, aid, eid))
        for aid in sorted({c[1] for c in changed_events}):
            row = conn.execute("SELECT record_json FROM articles WHERE id = ?", (aid,)).fetchone()
            rec = json.loads(row[0])
            dates = {e.id: e.date for e in by_id[aid].events}
            for e in rec.get("events", []):
                e["date"] = dates.get(e["id"], e.get("date"))
            conn.execute("UPDATE articles SET record_json = ?, meta_json = ? WHERE id = ?",
                         (json.dumps(rec, ensure_ascii=False), json.dumps(by_id[aid].public_meta(),
                                                                        ensure_ascii=False, default=str), aid))
        for part in _chunks(oe):
            q = ",".join("?" * len(part))
            conn.execute(f"DELETE FROM corpus_events WHERE event_id IN ({q})", list(part))
        sid_of = {}
        for part in _chunks(ids_l):
            q = ",".join("?" * len(part))
            sid_of.update({r[0]: r[1] for r in conn.execute(
                f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({q})", list(part))})
        for ce in events:
            conn.execute("INSERT OR REPLACE INTO corpus_events (event_id, kind, date, participants_json, n_sources, "
                         "story_id) VALUES (?, ?, ?, ?, ?, ?)",
                         (ce.id, ce.kind, ce.date, json.dumps(ce.participants, ensure_ascii=False), len(ce.sources),
                          sid_of.get(ce.sources[0])))
            conn.executemany("INSERT OR REPLACE INTO corpus_event_sources (event_id, article_id, article_event_id, "
                             "evidence_start, evidence_end, evidence_text) VALUES (?, ?, ?, ?, ?, ?)",
                             [(ce.id, ev["article"], ev["event"], ev["start"], ev["end"], ev["text"])
                              for ev in ce.evidence])
    summary.corpus_events_changed += len(events)


# ---------------------------------------------------------------------------------------
# Reading


def list_stories(store: Any, *, limit: int = 50, min_articles: int = 1) -> list[dict[str, Any]]:
    """Stories, largest and latest first: date, title, outlets, articles, events."""
    rows = store.conn.execute(
        "SELECT story_id, date, title, n_articles, outlets_json FROM stories WHERE n_articles >= ? "
        "ORDER BY n_articles DESC, date DESC, story_id LIMIT ?", (min_articles, limit)).fetchall()
    out = []
    for r in rows:
        arts = [x[0] for x in store.conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id", (r["story_id"],))]
        evs = [{"id": e["event_id"], "kind": e["kind"], "date": e["date"],
                "participants": json.loads(e["participants_json"]), "n_sources": e["n_sources"]}
               for e in store.conn.execute(
                   "SELECT * FROM corpus_events WHERE story_id = ? ORDER BY date, kind", (r["story_id"],))]
        out.append({"id": r["story_id"], "date": r["date"], "title": r["title"], "n_articles": r["n_articles"],
                    "outlets": json.loads(r["outlets_json"]), "articles": arts, "events": evs})
    return out


def stored_stories(store: Any) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for r in store.conn.execute("SELECT story_id, article_id FROM story_articles ORDER BY article_id"):
        groups[r[0]].append(r[1])
    return sorted(groups.values())

