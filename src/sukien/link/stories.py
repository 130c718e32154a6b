"""Stories: articles that report the same occasion, grouped.

Pipeline (each step near-linear in the number of articles):

1. **Features** per article (:func:`link_features`): a tf-idf vector over syllables and
   syllable pairs, idf the smaller of a reference idf and the corpus's own
   (:mod:`sukien.link.features`); its highest-weighted
   syllable pairs as blocking keys (names and rare phrases: ``woo won``, ``won shik``);
   the days it is about (publication date and the events' resolved dates, year-less ones
   by month and day); the signatures of the events in its lead (kind + participants); a
   MinHash for near-duplicates.
2. **Blocking** (:func:`candidate_pairs`): two articles are compared only if they share a
   blocking key, an event signature, or an LSH bucket of near-duplicates. A key held by more
   than ``BLOCK_MAX`` articles is too common to be a block; it is split into
   (key, week) blocks for dated articles and dropped for undated ones. So the number of
   compared pairs is bounded by n × keys × BLOCK_MAX, not n²/2.
3. **Pair score** (:func:`pair_score`): cosine of the two vectors, minus a penalty per day
   between the closest dates the two are about (beyond a day's grace: outlets report an
   evening event the next morning), plus a bonus per event they share; 1.0 for copies.
4. **Clustering** (:func:`cluster`): pairs scoring at least ``EDGE_MIN`` form a graph;
   inside each connected component, average-link agglomeration stops when the mean score
   between two groups falls under ``STORY_THRESHOLD`` (pairs never compared count as 0,
   or as minus their date penalty).
   Average link, unlike union-find on the edges, does not chain two stories through one
   ambiguous article (mds2013_dev: single link F1 0.91, average link 0.97).

Calibration (mds2013_dev, 323 articles in 100 stories, pairwise F1 against ``story``): F1
is 0.970 / 0.975 / 0.969 / 0.958 / 0.941 at thresholds 0.10 / 0.11 / 0.12 / 0.13 / 0.14;
``STORY_THRESHOLD`` sits in the middle of that plateau, not on its best point. (With idf
from the reference table alone the plateau is the same; with the corpus's own idf too, see
:func:`sukien.link.features.term_vector`, different Vietnam–Korea occasions in a small
diplomatic corpus stop looking alike: seeds 000–002 cosine 0.23 → 0.06.)
The date penalty changes nothing on mds2013_dev from 0.01 to 0.05 per day (F1 0.969; 0.964
at 0.1): its stories span 0–2 days (one spans 122). The steepest value that costs nothing
there is used, because on a general corpus the same template published on different days
(lottery results, daily prices) is not one occasion; 0.05 means a 19-day gap cancels even
an identical text. The event bonus is not calibrated there (its events
are sparse; with the full pipeline F1 stays 0.969); it is sized so that two reports of the
same visit or meeting, told in both leads, link even when their wording differs (text
cosine ≥ 0.02 + bonus ≥ threshold). On the dev gold (24 diplomatic articles, other hands)
stories score 6 of 6 pairs, none extra.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from ..model import Article
from ..text.normalize import fold_name
from . import dedup
from .features import (
    HASH_BITS,
    CorpusDF,
    TermCounts,
    TermVector,
    article_text_for_linking,
    term_vector,
    text_term_counts,
)

# Mean pair score at which two groups are one story (see the module docstring).
STORY_THRESHOLD = 0.115
# Pairs under this are not edges: half the story threshold, so an article joins a group
# through its average, but a pair this weak never pulls two groups into one component.
EDGE_MIN = 0.06
# Score lost per day between the dates two articles are about, after DATE_GRACE_DAYS.
DATE_PENALTY_PER_DAY = 0.05
DATE_GRACE_DAYS = 1
# Beyond this gap no text match can reach the threshold (cosine ≤ 1), so such pairs are
# not scored at all.
MAX_GAP_DAYS = DATE_GRACE_DAYS + int((1.0 - STORY_THRESHOLD) / DATE_PENALTY_PER_DAY) + 1
# Added per event (same kind, same participants, compatible dates) two articles share,
# counted at most EVENT_BONUS_MAX.
EVENT_BONUS = 0.1
EVENT_BONUS_MAX = 0.2
# Events whose evidence starts in this many first characters are the article's occasion
# (title, lead and first paragraphs; seeds 002/003 name their shared visit within 450).
LEAD_CHARS = 800
# Blocking keys per article: its highest-weighted syllable pairs. 32 keys find 99% of the
# same-story pairs of mds2013_dev (their names and rare phrases overlap).
BLOCK_KEYS = 32
# A key shared by more articles than this is not discriminative enough to be a block.
BLOCK_MAX = 60
# Components larger than this are split by raising their edge minimum (average link is
# quadratic in the component's size).
COMPONENT_MAX = 3000
COMPONENT_STEP = 0.02

# Pairs scored at once: each chunk gathers both articles' rows of the tf-idf matrix (~1,500
# terms an article), so 5,000 pairs held ~0.2 GB of temporaries; 1,000 scores as fast.
PAIR_CHUNK = 1000

_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class LinkFeatures:
    id: str
    vector: TermVector
    keys: list[int]  # hashed syllable-pair columns
    days: list[tuple[int, int]]  # ordinal day intervals the article is about
    month_days: list[tuple[int, int]] = field(default_factory=list)  # year-less dates, day of year
    events: set[str] = field(default_factory=set)  # event signatures
    minhash: object | None = None


def _day(value: str | None) -> int | None:
    if not value:
        return None
    m = _FULL_DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None


def date_interval(value: str | None) -> tuple[int, int] | None:
    """``YYYY-MM-DD`` or ``A/B`` of those → ordinal (lo, hi); anything less precise → None."""
    if not value:
        return None
    lo_s, _, hi_s = value.partition("/")
    lo, hi = _day(lo_s), _day(hi_s or lo_s)
    if lo is None or hi is None:
        return None
    return (min(lo, hi), max(lo, hi))


def _occasion_dates(article: Article) -> list[str]:
    """Dates that say when the article's occasion was: its events' dates, and for an
    article without a publication date the first day-precise date of its lead (the
    dateline of news prose: "Chiều 21/11, ...", "Giá vàng hôm nay 12/6")."""
    values = [ev.date for ev in article.events if ev.date]
    if not article.published:
        for ds in sorted(article.dates, key=lambda d: d.start):
            if ds.start >= LEAD_CHARS:
                break
            if ds.value and ds.precision == "day":
                values.append(ds.value)
                break
    return values


def article_days(article: Article) -> list[tuple[int, int]]:
    days: list[tuple[int, int]] = []
    p = _day(article.published)
    if p is not None:
        days.append((p, p))
    for value in _occasion_dates(article):
        iv = date_interval(value)
        if iv is not None and iv not in days:
            days.append(iv)
    return days


def day_gap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int | None:
    """Days between the closest intervals of ``a`` and ``b`` (0 when they overlap)."""
    if not a or not b:
        return None
    return min(max(0, max(lo1, lo2) - min(hi1, hi2)) for lo1, hi1 in a for lo2, hi2 in b)


_LEAP_BASE = dt.date(2000, 1, 1).toordinal()
_YEARLESS = re.compile(r"^--(\d{2})-(\d{2})$")


def _day_of_year(month: int, day: int) -> int | None:
    try:
        return dt.date(2000, month, day).toordinal() - _LEAP_BASE
    except ValueError:
        return None


def article_month_days(article: Article) -> list[tuple[int, int]]:
    """Year-less occasion dates (``--MM-DD``, ``--MM-DD/--MM-DD``) as day-of-year intervals."""
    out = []
    for value in _occasion_dates(article):
        parts = value.split("/")
        ms = [_YEARLESS.match(p) for p in parts]
        if not all(ms):
            continue
        days = [_day_of_year(int(m[1]), int(m[2])) for m in ms]
        if None in days:
            continue
        iv = (days[0], days[-1]) if days[0] <= days[-1] else (days[0], days[0])
        if iv not in out:
            out.append(iv)
    return out


def _as_month_days(days: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for lo, hi in days:
        a, b = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
        x, y = _day_of_year(a.month, a.day), _day_of_year(b.month, b.day)
        if x is not None and y is not None:
            out.append((x, y) if x <= y else (x, x))
    return out


def features_gap(a: LinkFeatures, b: LinkFeatures) -> int | None:
    """Days between what two articles are about: full dates when both have them, else the
    month and day of year-less dates against the other's (around the year, so 28/12 and 2/1
    are 5 days apart); None when either says nothing."""
    gap = day_gap(a.days, b.days)
    if gap is not None:
        return gap
    if not a.month_days and not b.month_days:
        return None
    ma = a.month_days + _as_month_days(a.days)
    mb = b.month_days + _as_month_days(b.days)
    if not ma or not mb:
        return None
    best = None
    for lo1, hi1 in ma:
        for lo2, hi2 in mb:
            g = max(0, max(lo1, lo2) - min(hi1, hi2))
            g = min(g, 366 - g) if g else 0
            best = g if best is None else min(best, g)
    return best


def participant_key(article: Article, participant: str) -> str:
    """A participant as a comparable key: ISO3 codes stay, entity ids become folded names."""
    ent = article.entity(participant)
    if ent is None:
        return participant if participant.isupper() else fold_name(participant)
    return fold_name(ent.name)


def event_signatures(article: Article, lead_only: bool = False) -> set[str]:
    """``KIND:participant|participant`` of the article's events (only those told in its
    lead with ``lead_only``: an article's occasion is in its lead, while an event further
    down is often background, such as an upcoming visit mentioned in passing)."""
    sigs = set()
    for ev in article.events:
        if lead_only and ev.evidence.start >= LEAD_CHARS:
            continue
        parts = sorted({participant_key(article, p) for p in ev.participants})
        if len(parts) >= 2:
            sigs.add(ev.kind + ":" + "|".join(parts))
    return sigs


def article_counts(article: Article) -> TermCounts:
    return text_term_counts(article_text_for_linking(article))


def link_features(article: Article, corpus: CorpusDF | None = None, counts: TermCounts | None = None, *,
                  with_minhash: bool = True) -> LinkFeatures:
    vec = term_vector(counts if counts is not None else article_counts(article), corpus, top=BLOCK_KEYS)
    return LinkFeatures(article.id, vec, vec.top_terms, article_days(article), article_month_days(article),
                        event_signatures(article, lead_only=True),
                        dedup.minhash(article.text_clean) if with_minhash else None)


def features_for(articles: Sequence[Article], *, with_minhash: bool = True) -> list[LinkFeatures]:
    """Features of every article, with the corpus idf of ``articles`` themselves."""
    counts: list[TermCounts | None] = [article_counts(a) for a in articles]
    corpus = CorpusDF.of(counts)  # type: ignore[arg-type]
    out = []
    for i, a in enumerate(articles):
        out.append(link_features(a, corpus, counts[i], with_minhash=with_minhash))
        counts[i] = None  # the counts are no longer needed once the vector is made
    return out


# ---------------------------------------------------------------------------------------
# Blocking


def _week(days: list[tuple[int, int]]) -> set[int]:
    return {d // 7 for lo, hi in days for d in range(lo, min(hi, lo + 14) + 1)}


def block_members(feats: Sequence[LinkFeatures]) -> dict[str, list[int]]:
    """Block key → article indices: text keys (split by week when too common) and events."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for k in f.keys:
            by_key[f"t:{k}"].append(i)
        for s in f.events:
            by_key["e:" + s].append(i)
    blocks: dict[str, list[int]] = {}
    for key, members in by_key.items():
        if len(members) <= BLOCK_MAX:
            if len(members) > 1:
                blocks[key] = members
            continue
        # too common: only articles dated within the same or adjacent week share a block
        weekly: dict[int, list[int]] = defaultdict(list)
        for i in members:
            for w in _week(feats[i].days):
                weekly[w].append(i)
                weekly[w + 1].append(i)
        for w, ms in weekly.items():
            ms = sorted(set(ms))
            if 1 < len(ms) <= BLOCK_MAX:
                blocks[f"{key}@{w}"] = ms
    return blocks


class PairKeys:
    """Distinct index pairs ``(i, j)``, ``i < j``, as int64 keys ``i * width + j``: arrays
    gathered per block and deduplicated whenever they grow past ``COMPACT_AT`` keys, so memory
    follows the distinct pairs, not the blocks' overlap."""

    COMPACT_AT = 4_000_000

    def __init__(self, width: int) -> None:
        self.width = max(1, width)
        self._parts: list[np.ndarray] = []
        self._pending = 0
        self._compact_at = self.COMPACT_AT

    def add_block(self, block: Sequence[int], n_old: int = 0) -> None:
        """Every pair of the block with at least one new article (index ``>= n_old``; all
        pairs with the default 0)."""
        m = np.asarray(block, dtype=np.int64)
        x, y = _upper_pairs(len(m))
        a, b = m[x], m[y]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        keep = hi >= n_old
        self._add(lo[keep] * self.width + hi[keep])

    def add_pairs(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Given pairs, in either order (a pair of one index with itself is no pair)."""
        keys = [min(i, j) * self.width + max(i, j) for i, j in pairs if i != j]
        if keys:
            self._add(np.asarray(keys, dtype=np.int64))

    def _add(self, keys: np.ndarray) -> None:
        if not len(keys):
            return
        self._parts.append(keys)
        self._pending += len(keys)
        if self._pending > self._compact_at:
            self._parts = [np.unique(np.concatenate(self._parts))]
            self._pending = len(self._parts[0])
            # many distinct pairs: compact again only when the gathered keys have doubled
            self._compact_at = max(self.COMPACT_AT, 2 * self._pending)

    def array(self) -> np.ndarray:
        """The pairs as an (m, 2) int64 array sorted by (i, j)."""
        if not self._parts:
            return np.zeros((0, 2), dtype=np.int64)
        flat = np.unique(np.concatenate(self._parts))
        return np.stack([flat // self.width, flat % self.width], axis=1)


@lru_cache(maxsize=256)
def _upper_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.triu_indices(n, 1)``, kept per size (blocks have at most BLOCK_MAX members)."""
    return np.triu_indices(n, 1)


def candidate_array(feats: Sequence[LinkFeatures], extra: Iterable[tuple[int, int]] = ()) -> np.ndarray:
    """Distinct candidate pairs ``(i, j)``, ``i < j``, as an (m, 2) int64 array."""
    keys = PairKeys(len(feats))
    for members in block_members(feats).values():
        keys.add_block(members)
    keys.add_pairs(extra)
    return keys.array()


def candidate_pairs(feats: Sequence[LinkFeatures], extra: Iterable[tuple[int, int]] = ()) -> set[tuple[int, int]]:
    return {(int(i), int(j)) for i, j in candidate_array(feats, extra)}


# ---------------------------------------------------------------------------------------
# Scoring


def date_penalty(a: LinkFeatures, b: LinkFeatures) -> float:
    gap = features_gap(a, b)
    return 0.0 if gap is None else DATE_PENALTY_PER_DAY * max(0, gap - DATE_GRACE_DAYS)


def pair_score(a: LinkFeatures, b: LinkFeatures, cosine: float | None = None) -> float:
    if cosine is None:
        cosine = a.vector.cosine(b.vector)
    score = cosine - date_penalty(a, b)
    shared = len(a.events & b.events)
    if shared:
        score += min(EVENT_BONUS_MAX, EVENT_BONUS * shared)
    return score


def _matrix(feats: Sequence[LinkFeatures]) -> sparse.csr_matrix:
    indptr = np.zeros(len(feats) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(f.vector.columns) for f in feats])
    cols = np.concatenate([f.vector.columns for f in feats]) if feats else np.zeros(0, np.int32)
    data = np.concatenate([f.vector.weights for f in feats]) if feats else np.zeros(0, np.float32)
    return sparse.csr_matrix((data, cols, indptr), shape=(len(feats), 1 << HASH_BITS))


def _simple_days(feats: Sequence[LinkFeatures]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per article: one full-date interval (lo, hi), whether it has one, and whether that is
    all its dates say (then a pair's gap is computed in bulk)."""
    lo = np.zeros(len(feats), np.int64)
    hi = np.zeros(len(feats), np.int64)
    has = np.zeros(len(feats), bool)
    simple = np.zeros(len(feats), bool)
    for k, f in enumerate(feats):
        if len(f.days) <= 1 and not f.month_days:
            simple[k] = True
            if f.days:
                lo[k], hi[k] = f.days[0]
                has[k] = True
    return lo, hi, has, simple


def score_pairs(feats: Sequence[LinkFeatures], pairs: Iterable[tuple[int, int]] | np.ndarray,
                duplicates: set[tuple[int, int]] = frozenset(), chunk: int = PAIR_CHUNK,
                minimum: float | None = None) -> list[tuple[int, int, float]]:
    """Scores of ``pairs`` (index pairs into ``feats``, ``i < j``) as :func:`pair_score`
    gives them, computed in bulk; pairs too far apart in time are skipped, and with
    ``minimum`` only pairs scoring at least that are returned."""
    arr = pairs if isinstance(pairs, np.ndarray) else np.asarray(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    out: list[tuple[int, int, float]] = []
    if len(arr) == 0:
        return out
    n = max(1, len(feats))
    dup_keys = np.asarray(sorted(i * n + j for i, j in duplicates), dtype=np.int64)
    lo, hi, has, simple = _simple_days(feats)
    with_events = np.array([bool(f.events) for f in feats])
    X = _matrix(feats)
    for s in range(0, len(arr), chunk):
        part = arr[s : s + chunk]
        a, b = part[:, 0], part[:, 1]
        gap = np.where(has[a] & has[b], np.maximum(0, np.maximum(lo[a], lo[b]) - np.minimum(hi[a], hi[b])), -1)
        for k in np.flatnonzero(~(simple[a] & simple[b])):  # several dates: the exact rule
            g = features_gap(feats[a[k]], feats[b[k]])
            gap[k] = -1 if g is None else g
        dup = np.isin(a * n + b, dup_keys) if len(dup_keys) else np.zeros(len(part), bool)
        keep = (gap <= MAX_GAP_DAYS) | dup
        a, b, gap, dup = a[keep], b[keep], gap[keep], dup[keep]
        if len(a) == 0:
            continue
        cos = np.asarray(X[a].multiply(X[b]).sum(axis=1)).ravel()
        score = cos - np.where(gap >= 0, DATE_PENALTY_PER_DAY * np.maximum(0, gap - DATE_GRACE_DAYS), 0.0)
        for k in np.flatnonzero(with_events[a] & with_events[b]):
            shared = len(feats[a[k]].events & feats[b[k]].events)
            if shared:
                score[k] += min(EVENT_BONUS_MAX, EVENT_BONUS * shared)
        score[dup] = 1.0
        sel = np.arange(len(a)) if minimum is None else np.flatnonzero(score >= minimum)
        out.extend(zip(a[sel].tolist(), b[sel].tolist(), score[sel].tolist(), strict=True))
    return out


# ---------------------------------------------------------------------------------------
# Clustering


def _components(n: int, edges: Sequence[tuple[int, int, float]], minimum: float) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, s in edges:
        if s >= minimum:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return list(groups.values())


Penalty = Callable[[int, int], float]
# Distance cap for a pair the dates rule out (scipy needs finite distances); large enough
# that one such pair keeps two groups apart on average.
MAX_DISTANCE = 10.0
# Dates of unscored pairs are looked at in components up to this size (k² Python calls);
# larger components hold mostly pairs no block put together, which stay at similarity 0.
PENALTY_COMPONENT_MAX = 400


def _average_link(members: list[int], edges: Sequence[tuple[int, int, float]],
                  penalty: Penalty | None = None) -> list[list[int]]:
    k = len(members)
    if k == 1:
        return [members]
    pos = {m: x for x, m in enumerate(members)}
    dist = np.ones((k, k))
    if penalty is not None and k <= PENALTY_COMPONENT_MAX:
        # pairs never scored still carry their dates: an article about June is not in a
        # November story however close both are to a third article with no date
        for x in range(k):
            for y in range(x + 1, k):
                p = penalty(members[x], members[y])
                if p:
                    dist[x, y] = dist[y, x] = min(MAX_DISTANCE, 1.0 + p)
    for i, j, s in edges:
        x, y = pos[i], pos[j]
        dist[x, y] = dist[y, x] = min(MAX_DISTANCE, max(0.0, 1.0 - s))
    np.fill_diagonal(dist, 0.0)
    if k == 2:
        return [members] if dist[0, 1] <= 1.0 - STORY_THRESHOLD else [[members[0]], [members[1]]]
    z = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(z, t=1.0 - STORY_THRESHOLD, criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for m, lab in zip(members, labels, strict=True):
        groups[int(lab)].append(m)
    return list(groups.values())


def cluster(n: int, edges: Sequence[tuple[int, int, float]], minimum: float = EDGE_MIN,
            penalty: Penalty | None = None) -> list[list[int]]:
    """Groups of indices 0..n-1: average link inside each component of edges ≥ ``minimum``;
    ``penalty(i, j)`` (≥ 0) is what an unscored pair loses for its dates."""
    out: list[list[int]] = []
    comp_edges: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    comps = _components(n, edges, minimum)
    where = {}
    for c, members in enumerate(comps):
        for m in members:
            where[m] = c
    for e in edges:
        if e[2] >= minimum and where[e[0]] == where[e[1]]:
            comp_edges[where[e[0]]].append(e)
    for c, members in enumerate(comps):
        if len(members) > COMPONENT_MAX:
            sub = cluster_component(members, comp_edges[c], minimum + COMPONENT_STEP, penalty)
            out.extend(sub)
        else:
            out.extend(_average_link(members, comp_edges[c], penalty))
    return sorted((sorted(g) for g in out), key=lambda g: g[0])


def cluster_component(members: list[int], edges: Sequence[tuple[int, int, float]], minimum: float,
                      penalty: Penalty | None = None) -> list[list[int]]:
    """Cluster one oversized component with a stricter edge minimum."""
    pos = {m: x for x, m in enumerate(members)}
    local = [(pos[i], pos[j], s) for i, j, s in edges]
    local_penalty = None if penalty is None else (lambda x, y: penalty(members[x], members[y]))
    return [[members[x] for x in g] for g in cluster(len(members), local, minimum, local_penalty)]


# ---------------------------------------------------------------------------------------
# The whole thing


@dataclass(slots=True)
class StoryLinks:
    stories: list[list[str]]  # article ids, each story in input order; stories by first article
    duplicate_of: dict[str, str]  # copy id → original id
    candidate_pairs: int
    edges: list[tuple[str, str, float]]


def link_stories(articles: Sequence[Article], feats: Sequence[LinkFeatures] | None = None) -> StoryLinks:
    """Group ``articles`` into stories (see the module docstring)."""
    if feats is None:
        feats = features_for(articles)
    index = {f.id: i for i, f in enumerate(feats)}
    dup_pairs = dedup.duplicates_of_signatures((f.id, f.minhash) for f in feats)
    dups = {(min(index[p.original], index[p.copy]), max(index[p.original], index[p.copy])) for p in dup_pairs}
    pairs = candidate_array(feats, dups)
    edges = score_pairs(feats, pairs, dups, minimum=EDGE_MIN)
    groups = cluster(len(feats), edges, penalty=lambda i, j: date_penalty(feats[i], feats[j]))
    ids = [f.id for f in feats]
    return StoryLinks([[ids[i] for i in g] for g in groups], dedup.duplicate_of(dup_pairs), len(pairs),
                      [(ids[i], ids[j], s) for i, j, s in edges])


def pairwise_scores(predicted: Iterable[Iterable[str]], gold: dict[str, object]) -> dict[str, float]:
    """Pairwise precision / recall / F1 of ``predicted`` stories against gold story labels."""
    label = {}
    for n, story in enumerate(predicted):
        for aid in story:
            label[aid] = n
    ids = [a for a in gold if a in label]
    by_pred: dict[int, list[str]] = defaultdict(list)
    by_gold: dict[object, list[str]] = defaultdict(list)
    for a in ids:
        by_pred[label[a]].append(a)
        by_gold[gold[a]].append(a)
    pred_pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_pred.values())
    gold_pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_gold.values())
    tp = 0
    for v in by_pred.values():
        counts: dict[object, int] = defaultdict(int)
        for a in v:
            counts[gold[a]] += 1
        tp += sum(c * (c - 1) // 2 for c in counts.values())
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "pairs_predicted": pred_pairs, "pairs_gold": gold_pairs}
