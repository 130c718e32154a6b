"""Topic classification by cue words (SPEC §4 vocabulary, ``knowledge/data/topics.tsv``).

``topics_for(text)`` returns the topics whose cue words occur in ``text`` as whole words
(case-insensitive, either tone placement), in the SPEC's order. One Aho-Corasick pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..errors import KnowledgeError
from ..knowledge import load_table, split_list
from ..model import TOPICS
from .cues import BLOCKER, CueMatcher

_ORDER = {t: i for i, t in enumerate(TOPICS)}


@cache
def topic_matcher() -> CueMatcher:
    rows = load_table("topics", required=("topic", "cues"))
    entries = []
    for r in rows:
        if r["topic"] not in _ORDER and r["topic"] != BLOCKER:  # "-": a phrase naming no topic
            raise KnowledgeError(f"topics.tsv: unknown topic {r['topic']!r} (SPEC §4 vocabulary)")
        entries.extend((r["topic"], cue, "") for cue in split_list(r["cues"]))
    return CueMatcher(entries)


def topics_for(text: str) -> list[str]:
    """Topics of SPEC §4 named by cue words in ``text``, in vocabulary order."""
    found = {kind for cue in topic_matcher().find(text) for kind, _ in cue.senses}
    return sorted(found, key=_ORDER.__getitem__)


def topics_in_spans(cues: list[tuple[int, int, str]], start: int, end: int,
                    exclude: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Topics of the precomputed ``cues`` (``topic_cues`` of the whole text) lying inside
    ``[start, end)`` and outside every ``exclude`` span (actor names: ``Bộ Quốc phòng``)."""
    found = set()
    for s, e, topic in cues:
        if s < start or e > end or topic in found:
            continue
        if any(xs < e and s < xe for xs, xe in exclude):
            continue
        found.add(topic)
    return sorted(found, key=_ORDER.__getitem__)


def topic_cues(text: str, padded: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, topic)`` for every topic cue in ``text`` (for highlighting and debugging);
    ``padded`` is ``cues.padded_for_match(text)`` when the caller has it already."""
    return [(c.start, c.end, k) for c in topic_matcher().find(text, padded) for k, _ in c.senses]
