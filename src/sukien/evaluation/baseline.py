"""The baseline to beat (SPEC §7): underthesea's bundled NER, scored by the same rules.

Each sentence of the cleaned text goes through ``underthesea.ner``; runs of ``B-PER``/``I-PER``
tokens become person entities (``LOC``/``ORG`` runs become places/organisations, which only
matter for the boilerplate-leak check). No events or statements: the baseline has none, so
only the person and leak figures compare. Needs the ``baseline`` extra (underthesea).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import MissingExtra
from ..model import Article
from .gold import load_gold
from .run import EvalRun, read_gold_articles
from .scorer import score

# underthesea's CoNLL-style labels → the §2 entity types.
_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def _ner():
    try:
        from underthesea import ner
    except ImportError as exc:
        raise MissingExtra("the underthesea baseline", "baseline") from exc
    return ner


def _names(tokens: Iterable[tuple[Any, ...]]) -> list[tuple[str, str]]:
    """(name, type) for each B-/I- run of the NER column (the last of each token tuple)."""
    out: list[tuple[str, str]] = []
    words: list[str] = []
    kind = ""
    for tok in [*tokens, ("", "O")]:
        word, tag = str(tok[0]), str(tok[-1])
        if tag.startswith("I-") and words and tag[2:] == kind:
            words.append(word)
            continue
        if words and kind in _TYPES:
            out.append((" ".join(words), _TYPES[kind]))
        words, kind = ([word], tag[2:]) if tag.startswith(("B-", "I-")) else ([], "")
    return out


def underthesea_record(article: Article) -> dict[str, Any]:
    """A §2-shaped record holding only the entities underthesea finds in ``article``."""
    from ..text.sentences import split_sentences

    ner = _ner()
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    text = article.text_clean
    for start, end in split_sentences(text):
        sentence = text[start:end].strip()
        if not sentence:
            continue
        for name, etype in _names(ner(sentence)):
            ent = seen.setdefault((name, etype), {"id": f"u{len(seen)}", "name": name, "type": etype,
                                                  "country": None, "mentions": []})
            pos = text.find(name, start, end)
            if pos >= 0:
                ent["mentions"].append([pos, pos + len(name)])
    return {"id": article.id, "text_clean": text, "entities": list(seen.values()), "events": [],
            "statements": [], "documents": [], "quantities": [], "relations": []}


def evaluate_baseline(gold_path: str | Path, corpus: str | Path | Iterable[str | Path], *,
                      gold_published: bool = False) -> EvalRun:
    """Score underthesea's NER on the gold's articles in ``corpus`` (persons and leaks)."""
    _ner()  # fail early, before reading anything, when the extra is missing
    gold = load_gold(gold_path)
    articles, skipped = read_gold_articles(gold, corpus, gold_published=gold_published)
    result = score(gold, [underthesea_record(a) for a in articles])
    return EvalRun(result=result, articles=articles, skipped=skipped)
