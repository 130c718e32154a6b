"""Near-duplicate wire copies: the same text republished by another outlet or page.

MinHash over word 3-shingles, bucketed by datasketch's LSH. Two outlets writing up the same
meeting in their own words share few shingles (seeds 000/001: Jaccard 0.27–0.34, different
events ≤ 0.11, shared/LIBRARIES.md), while a republished wire copy keeps most of them, so
the threshold sits well above the former: a near duplicate is a *copy*, not a second report.
Duplicates are still members of their story; the copy is flagged ``duplicate_of`` the
earliest-seen article of its group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Article
from .features import syllable_hashes, syllables

# Permutations per signature: 128 gives a Jaccard estimate within ±0.05 (1 s.d. ≈ 0.035 at
# J = 0.8), enough to separate copies (≥ 0.8) from rewrites (≤ 0.35) with margin; it costs
# ~2 ms per article (LIBRARIES.md: 1.9 ms with 128 permutations).
NUM_PERM = 128
# Estimated shingle Jaccard at or above which two texts are the same copy. Copies with a
# different headline, lead or boilerplate tail stay above 0.8; rewrites by another outlet
# stay below 0.35.
DUPLICATE_JACCARD = 0.8
SHINGLE_WORDS = 3
# Shingle hash: syllable hashes combined with this odd multiplier, kept to 32 bits (the
# range datasketch's permutations expect).
_SHINGLE_MIX = 1_000_003
_MASK32 = (1 << 32) - 1
# datasketch ≥ 2.0's default permutation scheme, named so cached permutations match it.
_SCHEME = "affine32"
# Texts shorter than this many words are not flagged: short leads and captions coincide.
MIN_WORDS = 30


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    toks = syllables(text)
    return {" ".join(toks[i : i + k]) for i in range(max(0, len(toks) - k + 1))}


def shingle_hashes(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Hashes of the distinct word k-shingles, from the syllable hashes (no strings built)."""
    h = syllable_hashes(syllables(text))
    if len(h) < k:
        return np.zeros(0, np.int64)
    acc = h[: len(h) - k + 1].copy()
    for i in range(1, k):
        acc = (acc * _SHINGLE_MIX + h[i : len(h) - k + 1 + i]) & _MASK32
    return np.unique(acc)


def _identity(x: int) -> int:
    return x


def minhash(text: str) -> MinHash | None:
    sh = shingle_hashes(text)
    if len(sh) < MIN_WORDS:
        return None
    m = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_permutations(), scheme=_SCHEME)
    m.update_batch(sh.tolist())
    return m


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # datasketch draws them from seed 1 per MinHash; drawing once is the same and cheaper
    a, b = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def lsh_band_keys(m: MinHash) -> list[str]:
    """The LSH bucket keys of a signature, with the same banding datasketch uses for
    DUPLICATE_JACCARD (so a store can keep them and find copies incrementally)."""
    b, r = _bands()
    hv = m.hashvalues
    return [f"{i}:{hv[i * r:(i + 1) * r].tobytes().hex()}" for i in range(b)]


@cache
def _bands() -> tuple[int, int]:
    # datasketch optimises (bands, rows) by numerical integration: once is enough
    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@dataclass(slots=True)
class DuplicatePair:
    original: str
    copy: str
    jaccard: float


def find_duplicates(articles: Sequence[Article]) -> list[DuplicatePair]:
    """Pairs (earlier article, later copy) whose estimated shingle Jaccard ≥ DUPLICATE_JACCARD."""
    sigs = [(a.id, minhash(a.text_clean)) for a in articles]
    return duplicates_of_signatures(sigs)


def duplicates_of_signatures(sigs: Iterable[tuple[str, MinHash | None]]) -> list[DuplicatePair]:
    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    by_id: dict[str, MinHash] = {}
    order: dict[str, int] = {}
    pairs: list[DuplicatePair] = []
    for aid, m in sigs:
        if m is None or aid in by_id:
            continue
        for other in lsh.query(m):
            j = m.jaccard(by_id[other])
            if j >= DUPLICATE_JACCARD:
                pairs.append(DuplicatePair(other, aid, j))
        lsh.insert(aid, m)
        by_id[aid] = m
        order[aid] = len(order)
    pairs.sort(key=lambda p: (order[p.copy], order[p.original]))
    return pairs


def duplicate_of(pairs: Iterable[DuplicatePair]) -> dict[str, str]:
    """Each copy → the first article of its copy group (copies of copies included)."""
    root: dict[str, str] = {}
    for p in pairs:
        orig = root.get(p.original, p.original)
        if p.copy not in root and p.copy != orig:
            root[p.copy] = orig
    return root
