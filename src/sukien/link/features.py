"""Text features for linking articles: words, word pairs, and their reference rarity.

An article is represented by the syllables of its title and body (lower case, NFC) and the
pairs of adjacent syllables (Vietnamese words are mostly one or two syllables, so pairs
approximate words and names: ``tô lâm``, ``hàn quốc``). Each term is weighted by
sublinear tf × idf, where idf comes from a fixed *reference* document frequency table
(``data/term_df.tsv.gz``, built by :mod:`sukien.link.build_reference_df` from the
baomoi2017 corpus) rather than from the corpus being linked. That keeps a pair's score a
function of the two articles only, so:

- thresholds calibrated on one corpus size transfer to another (45,000 articles or 300);
- incremental linking scores a new pair exactly as a full recompute would.

On mds2013_dev the reference idf gives the same story F1 as an idf computed on that corpus
itself (0.967 vs 0.966, see :mod:`sukien.link.stories`).
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from ..model import Article

_WORD = re.compile(r"\w+")
# The title is repeated this many times: titles name the occasion in few words
# (mds2013_dev story F1 0.966 with weight 1, 0.973 with 2, 0.973 with 3).
TITLE_WEIGHT = 2
REFERENCE_DF_FILE = "term_df.tsv.gz"
# Terms rarer than this in the reference corpus are not listed in the table; they all
# count as if seen this often (and the table stays small: ~119,000 terms).
REFERENCE_MIN_DF = 20
# Sparse vectors live in a hashed column space of this many columns (crc32 of the term,
# folded to 31 bits so scipy's int32 indices hold them; ~2 million distinct terms give a
# few hundred collisions, which do not move a cosine measurably).
HASH_BITS = 31
# The corpus idf is used from this many articles on. Fewer say nothing about which terms
# are common (two reports of one meeting would share only zero-weight terms), so a corpus
# of two or three articles is scored with the reference idf alone. Five diplomatic
# articles already discount their common words (seeds 000–002: ``tổng bí thư``, ``hàn
# quốc``; cosine 0.23 with the reference idf alone, 0.06 with both). Tried instead: a
# term-level minimum df (mds2013_dev F1 0.87) and smoothing the corpus rate towards the
# reference rate (0.95, and seeds 000–002 merged).
CORPUS_MIN_DOCUMENTS = 5


def syllables(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def article_text_for_linking(article: Article) -> str:
    title = article.title or ""
    return (title + " . ") * TITLE_WEIGHT + (article.text_clean or "")


def terms_of_text(text: str) -> list[str]:
    """Syllables and adjacent syllable pairs, with repetition (tf counts them)."""
    toks = syllables(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def article_terms(article: Article) -> list[str]:
    return terms_of_text(article_text_for_linking(article))


@dataclass(frozen=True, slots=True)
class ReferenceDF:
    documents: int
    df: dict[str, int]

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (max(self.df.get(term, 0), REFERENCE_MIN_DF) + 1))


@cache
def reference_df() -> ReferenceDF:
    """The bundled reference document frequencies (immutable, loaded once)."""
    path = resources.files("sukien.link") / "data" / REFERENCE_DF_FILE
    documents = 0
    df: dict[str, int] = {}
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                if line.startswith("# documents:"):
                    documents = int(line.split(":", 1)[1])
                continue
            term, _, count = line.rstrip("\n").partition("\t")
            if term == "term" and count == "df":
                continue
            df[term] = int(count)
    return ReferenceDF(documents, df)


_HASH_MASK = (1 << HASH_BITS) - 1
# Multiplier combining two syllable hashes into the hash of the pair (an odd number above
# 2^20, so that (a, b) and (b, a) differ; products stay under 2^52, exact in int64).
_PAIR_MIX = 1_000_003


@lru_cache(maxsize=1 << 18)
def syllable_hash(syllable: str) -> int:
    # cached: a pure function of a string, and the syllable vocabulary is small
    return zlib.crc32(syllable.encode("utf-8")) & _HASH_MASK


def term_hash(term: str) -> int:
    """The column of a syllable or a syllable pair (``"tô lâm"``)."""
    a, _, b = term.partition(" ")
    if not b:
        return syllable_hash(a)
    return (syllable_hash(a) * _PAIR_MIX + syllable_hash(b)) & _HASH_MASK


def syllable_hashes(tokens: list[str]) -> np.ndarray:
    # map() over the cached function, not a generator: ~12 million syllables on a first link
    return np.fromiter(map(syllable_hash, tokens), dtype=np.int64, count=len(tokens))


def pair_hashes(h: np.ndarray) -> np.ndarray:
    return (h[:-1] * _PAIR_MIX + h[1:]) & _HASH_MASK


@cache
def _reference_columns() -> tuple[np.ndarray, np.ndarray, int]:
    """The reference table by hashed column: sorted columns, their df, documents."""
    ref = reference_df()
    agg: dict[int, int] = {}
    for t, c in ref.df.items():
        h = term_hash(t)
        agg[h] = max(agg.get(h, 0), c)
    cols = np.fromiter(agg.keys(), dtype=np.int64, count=len(agg))
    dfs = np.fromiter(agg.values(), dtype=np.int64, count=len(agg))
    order = np.argsort(cols)
    return cols[order], dfs[order], ref.documents


def _lookup(keys: np.ndarray, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
    """values[columns == key] for each key, 0 where absent (columns sorted)."""
    if len(keys) == 0 or len(columns) == 0:
        return np.zeros(len(keys), dtype=np.int64)
    pos = np.searchsorted(columns, keys)
    pos[pos >= len(columns)] = len(columns) - 1
    return np.where(columns[pos] == keys, values[pos], 0)


def reference_idf(columns: np.ndarray) -> np.ndarray:
    ref_cols, ref_df, n = _reference_columns()
    df = np.maximum(_lookup(columns.astype(np.int64), ref_cols, ref_df), REFERENCE_MIN_DF)
    return np.log((n + 1) / (df + 1))


@dataclass(slots=True)
class TermCounts:
    """An article's hashed terms: sorted unique columns, their counts, which are pairs."""

    columns: np.ndarray  # int64 sorted unique
    counts: np.ndarray  # float32
    is_pair: np.ndarray  # bool


def term_counts(terms: list[str]) -> TermCounts:
    counts = Counter(terms)
    cols = np.fromiter((term_hash(t) for t in counts), dtype=np.int64, count=len(counts))
    cnt = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
    pair = np.fromiter((" " in t for t in counts), dtype=bool, count=len(counts))
    cols, idx = np.unique(cols, return_index=True)  # (hash collisions keep one)
    return TermCounts(cols, cnt[idx], pair[idx])


def text_term_counts(text: str) -> TermCounts:
    """:func:`term_counts` of :func:`terms_of_text`, computed on hashes (no term strings)."""
    h = syllable_hashes(syllables(text))
    both = np.concatenate([h, pair_hashes(h)]) if len(h) else h
    is_pair = np.concatenate([np.zeros(len(h), bool), np.ones(max(0, len(h) - 1), bool)]) if len(h) else \
        np.zeros(0, bool)
    cols, idx, cnt = np.unique(both, return_index=True, return_counts=True)
    return TermCounts(cols, cnt.astype(np.float32), is_pair[idx])


@dataclass(slots=True)
class CorpusDF:
    """Document frequencies of hashed terms in the corpus being linked."""

    columns: np.ndarray
    df: np.ndarray
    documents: int

    @classmethod
    def of(cls, counts: list[TermCounts], chunk: int = 4000) -> CorpusDF:
        """Document frequencies over ``counts``, summed chunk by chunk (so the peak memory is
        one chunk's columns, not the whole corpus's)."""
        if not counts:
            return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), 0)
        cols = np.zeros(0, np.int64)
        dfs = np.zeros(0, np.int64)
        for i in range(0, len(counts), chunk):
            c, d = np.unique(np.concatenate([x.columns for x in counts[i : i + chunk]]), return_counts=True)
            merged, inverse = np.unique(np.concatenate([cols, c]), return_inverse=True)
            total = np.zeros(len(merged), np.int64)
            np.add.at(total, inverse, np.concatenate([dfs, d.astype(np.int64)]))
            cols, dfs = merged, total
        return cls(cols, dfs, len(counts))

    def idf(self, columns: np.ndarray) -> np.ndarray:
        df = _lookup(columns, self.columns, self.df)
        return np.log((self.documents + 1) / (df + 1))


@dataclass(slots=True)
class TermVector:
    """An L2-normalised tf-idf vector: sorted hashed term columns and their weights."""

    columns: np.ndarray  # int32, sorted, unique
    weights: np.ndarray  # float32, same length, unit norm
    top_terms: list[int]  # columns of the highest-weighted syllable pairs (blocking keys)

    def cosine(self, other: TermVector) -> float:
        _, ia, ib = np.intersect1d(self.columns, other.columns, assume_unique=True, return_indices=True)
        return float(np.dot(self.weights[ia], other.weights[ib]))


def term_vector(tc: TermCounts, corpus: CorpusDF | None = None, top: int = 0) -> TermVector:
    """tf-idf of ``tc``. idf is the smaller of the reference idf and, for a corpus of at
    least ``CORPUS_MIN_DOCUMENTS`` articles, the corpus idf: a term must be rare both in
    news at large and in this corpus to weigh much (in a corpus of diplomatic articles,
    ``tổng bí thư`` says little)."""
    idf = reference_idf(tc.columns)
    if corpus is not None and corpus.documents >= CORPUS_MIN_DOCUMENTS:
        idf = np.minimum(idf, corpus.idf(tc.columns))
    w = (1.0 + np.log(tc.counts.astype(np.float64))) * idf
    keep = w > 0
    cols, w, pair = tc.columns[keep], w[keep], tc.is_pair[keep]
    norm = float(np.linalg.norm(w))
    if norm == 0:
        return TermVector(np.zeros(0, np.int32), np.zeros(0, np.float32), [])
    top_terms: list[int] = []
    if top:
        pw = np.where(pair, w, -1.0)
        order = np.lexsort((cols, -pw))[:top]
        top_terms = [int(cols[i]) for i in order if pw[i] > 0]
    return TermVector(cols.astype(np.int32), (w / norm).astype(np.float32), top_terms)
