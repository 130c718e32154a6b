"""Run extraction over a gold corpus and score it: what ``sukien eval`` does.

``evaluate(gold_path, corpus_path, link=False)`` reads the corpus (a folder of ``<id>.txt``,
a JSONL file whose ``published`` the reader passes on, or anything :func:`sukien.reading.read`
takes), extracts the articles the gold annotates, optionally links them into a corpus
(:func:`sukien.link.link_corpus`) and scores the §2 records with :func:`.scorer.score`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SukienError
from ..model import Article
from .gold import Gold, load_gold
from .scorer import EvalResult, score


class LinkUnavailable(SukienError):
    """``--link`` was asked for but the corpus linker is not importable."""

    code = "E601"


@dataclass(slots=True)
class EvalRun:
    """The scores plus what happened on the way (unread inputs, failing stages)."""

    result: EvalResult
    articles: list[Article] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    stage_errors: list[dict[str, str]] = field(default_factory=list)
    corpus_record: dict[str, Any] | None = None


def read_gold_articles(gold: Gold, corpus: str | Path | Iterable[str | Path], *,
                       gold_published: bool = False) -> tuple[list[Article], list[str]]:
    """The corpus's articles that the gold annotates, in gold order, and the unread inputs.

    With ``gold_published``, an article for which the reader found no publication date takes
    the gold's (useful for a JSONL copy that lacks the field; off by default so that reading
    the date from the text itself stays part of what is scored).
    """
    from ..reading import read

    found: dict[str, Article] = {}
    skipped: list[str] = []
    for item in read(corpus if not isinstance(corpus, (str, Path)) else [corpus]):
        if not isinstance(item, Article):
            where = f"{item.path}:{item.line}" if getattr(item, "line", None) else item.path
            skipped.append(f"{where}: {item.reason}")
            continue
        if item.id not in gold.articles:
            continue
        # The same article in two forms (a folder with both ``dev.jsonl`` and ``articles/``):
        # the one that carries its publication date is the fuller input; otherwise the first.
        if item.id in found and (found[item.id].published or not item.published):
            continue
        if gold_published and not item.published and gold.articles[item.id].published:
            item.published = gold.articles[item.id].published
        found[item.id] = item
    return [found[i] for i in gold.articles if i in found], skipped


def _link(articles: list[Article]) -> dict[str, Any]:
    try:
        from ..link import link_corpus  # type: ignore[attr-defined]
    except ImportError as exc:
        raise LinkUnavailable(f"--link needs sukien.link.link_corpus, which is not available ({exc})") from exc
    out = link_corpus(articles)
    for attr in ("to_record", "to_dict"):
        if hasattr(out, attr):
            out = getattr(out, attr)()
            break
    if not isinstance(out, dict):
        raise LinkUnavailable(f"sukien.link.link_corpus returned {type(out).__name__}, not a corpus record")
    return out


def _record(article: Article) -> dict[str, Any]:
    """The §2 record plus the sentence spans (the scorer's "(sentence, source, kind)" check)."""
    rec = article.to_record()
    rec["sentences"] = [[s.start, s.end] for s in article.sentences]
    return rec


def evaluate(gold_path: str | Path, corpus: str | Path | Iterable[str | Path], *, link: bool = False,
             gold_published: bool = False, pipeline: Any = None) -> EvalRun:
    """Extract the gold's articles from ``corpus`` and score them (see the module docstring)."""
    from ..pipeline import Pipeline

    gold = load_gold(gold_path)
    articles, skipped = read_gold_articles(gold, corpus, gold_published=gold_published)
    pipe = pipeline if pipeline is not None else Pipeline(raise_errors=False)
    articles = [pipe(a) for a in articles]
    # Linking may carry facts across a story (a date from a sister article), so the
    # per-article records are taken after it.
    corpus_record = _link(articles) if link else None
    stage_errors = [{"article": a.id, "stage": e.stage, "error": e.error} for a in articles for e in a.errors]
    result = score(gold, [_record(a) for a in articles], corpus_record)
    return EvalRun(result=result, articles=articles, skipped=skipped, stage_errors=stage_errors,
                   corpus_record=corpus_record)
