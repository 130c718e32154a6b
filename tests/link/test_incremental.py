from __future__ import annotations

import copy

import pytest

from sukien.link.incremental import list_stories, stored_stories, update_links


def _corpus(seed_articles, mds_articles, clusters=6):
    arts, gold = mds_articles
    picked = sorted({gold[a.id] for a in arts})[:clusters]
    mds = [copy.deepcopy(a) for a in arts if gold[a.id] in picked]
    return [copy.deepcopy(a) for a in seed_articles] + mds


def _events(store):
    rows = store.conn.execute("SELECT e.kind, e.date, group_concat(s.article_id) FROM corpus_events e "
                              "JOIN corpus_event_sources s USING (event_id) GROUP BY e.event_id").fetchall()
    return sorted((k, d, tuple(sorted(set(src.split(","))))) for k, d, src in rows)


@pytest.fixture()
def store_of():
    import sukien

    opened = []

    def make(articles):
        s = sukien.open(":memory:")
        s.ingest([copy.deepcopy(a) for a in articles], pipeline=_Identity())
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.close()


class _Identity:
    """The articles are already extracted (session fixture); storing must not redo it."""

    def __call__(self, article):
        return article

    def pipe(self, articles):
        return (a for a in articles)


def test_incremental_equals_full_recompute(seed_articles, mds_articles, store_of):
    corpus = _corpus(seed_articles, mds_articles)
    full = store_of(corpus)
    update_links(full)
    # the same corpus arriving in three batches, stories of the seeds split across them
    inc = store_of([])
    for part in (corpus[0::3], corpus[1::3], corpus[2::3]):
        inc.ingest([copy.deepcopy(a) for a in part], pipeline=_Identity())
        update_links(inc)
    assert stored_stories(inc) == stored_stories(full)
    assert _events(inc) == _events(full)
    assert ["000_4299fdeffb5ad11e", "001_ad6d92a42e8a3ae0"] in stored_stories(inc)
    # 000's meetings got 001's year in the store too
    dates = {r[0] for r in inc.conn.execute("SELECT date FROM events WHERE article_id LIKE '000%' AND kind='MEET'")}
    assert dates == {"2025-11-21"}


def test_second_update_with_nothing_new_changes_nothing(seed_articles, store_of):
    s = store_of(seed_articles)
    update_links(s)
    before = stored_stories(s)
    summary = update_links(s)
    assert summary.new_articles == 0 and stored_stories(s) == before
    rows = list_stories(s, limit=10)
    top = rows[0]
    assert top["n_articles"] == 2 and top["events"] and all(e["n_sources"] >= 1 for e in top["events"])


def test_pair_keys_are_the_distinct_pairs_with_a_new_member_through_compaction():
    import itertools
    import random

    from sukien.link.stories import PairKeys

    rng = random.Random(7)
    n_old, width = 30, 80
    blocks = [rng.sample(range(width), rng.randint(2, 12)) for _ in range(200)]
    keys = PairKeys(width)
    keys._compact_at = 50  # compact (deduplicate) many times along the way
    for b in blocks:
        keys.add_block(b, n_old)
    keys.add_pairs([(5, 70), (70, 5), (1, 2)])  # given pairs count whatever their order or age
    want = {(min(i, j), max(i, j)) for b in blocks for i, j in itertools.combinations(b, 2) if max(i, j) >= n_old}
    want |= {(5, 70), (1, 2)}
    got = keys.array()
    assert [tuple(p) for p in got.tolist()] == sorted(want)
    assert PairKeys(width).array().shape == (0, 2)
