from __future__ import annotations

from sukien.link import dedup
from sukien.model import Article


def test_republished_copy_is_flagged_and_rewrite_is_not(seed_articles):
    by_id = {a.id[:3]: a for a in seed_articles}
    original = by_id["000"]
    # a republished wire copy: another outlet's headline line and credit tail around the same body
    copy = Article(id="copy", text_clean="Tin mới nhất hôm nay\n" + original.text_clean + "\nTheo TTXVN")
    arts = [original, by_id["001"], copy, by_id["004"]]
    pairs = dedup.find_duplicates(arts)
    assert [(p.original, p.copy) for p in pairs] == [(original.id, "copy")]
    assert pairs[0].jaccard >= dedup.DUPLICATE_JACCARD
    assert dedup.duplicate_of(pairs) == {"copy": original.id}


def test_short_texts_are_not_signed():
    assert dedup.minhash("Hà Nội mưa to") is None


def test_band_keys_follow_datasketch_banding(seed_articles):
    m = dedup.minhash(seed_articles[0].text_clean)
    keys = dedup.lsh_band_keys(m)
    b, r = dedup._bands()
    assert len(keys) == b and b * r <= dedup.NUM_PERM
