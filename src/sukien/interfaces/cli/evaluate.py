"""CLI command ``sukien eval``: extract a gold corpus and score it by the gold README's rules.

The readable output ends with the headline table (P/R/F1 per record type and the statement,
document and corpus extras, then boilerplate leaks) so that the last lines of the output are
the figures; ``--show-errors`` lists false positives and negatives above it.
"""

from __future__ import annotations

from typing import Any

import typer

from ._app import JsonOption, app, console, err_console, fail, print_json

# Errors listed per record type with --show-errors (the JSON output has them all).
MAX_ERRORS_SHOWN = 40
# Stage errors printed one by one before the rest are only counted.
MAX_STAGE_ERRORS_SHOWN = 5


def _fmt(v: float | None) -> str:
    return "  -  " if v is None else f"{v:.3f}"


def _row(label: str, s: Any, notes: str = "") -> str:
    return (f"{label:<15}{_fmt(s.precision):>7}{_fmt(s.recall):>7}{_fmt(s.f1):>7}"
            f"{s.tp:>6}{s.fp:>5}{s.fn:>5}  {notes}").rstrip()


def _error_lines(name: str, s: Any) -> list[str]:
    lines = []
    for tag, items in (("FN", s.false_negatives), ("FP", s.false_positives)):
        for item in items[:MAX_ERRORS_SHOWN]:
            info = ", ".join(f"{k}={v}" for k, v in item.items() if k != "article" and v not in (None, "", []))
            lines.append(f"  {tag} {name} [{item.get('article')}] {info}")
        if len(items) > MAX_ERRORS_SHOWN:
            lines.append(f"  ... {len(items) - MAX_ERRORS_SHOWN} more {tag} {name}")
    return lines


def render(run: Any, *, show_errors: bool = False) -> list[str]:
    """The readable report, headline figures last."""
    r = run.result
    lines: list[str] = []
    if show_errors:
        for name in ("persons", "events", "statements", "documents", "quantities", "relations"):
            lines.extend(_error_lines(name, r.total(name)))
        for name in ("person_country", "statement_target", "document_kind", "clean_text_end"):
            for w in r.accuracy(name).wrong[:MAX_ERRORS_SHOWN]:
                lines.append(f"  WRONG {name} [{w.get('article')}] "
                             + ", ".join(f"{k}={v}" for k, v in w.items() if k != "article"))
        if r.corpus is not None:
            for name in ("actors", "events", "stories"):
                lines.extend(_error_lines(f"corpus {name}", getattr(r.corpus, name)))
            for sp in r.corpus.actors_split:
                lines.append(f"  SPLIT {sp['person']}: {sp['actors']}")
            for mg in r.corpus.actors_merged:
                lines.append(f"  MERGED {mg['actor']}: {mg['persons']}")
        for leak in r.leaks:
            lines.append(f"  LEAK [{leak['article']}] {leak['kind']}: {leak['name']} ({leak.get('type')})")
        lines.append("per article (tp/fp/fn):")
        for a in r.articles:
            counts = "  ".join(f"{name} {getattr(a, name).tp}/{getattr(a, name).fp}/{getattr(a, name).fn}"
                               for name in ("persons", "events", "statements", "documents", "quantities",
                                            "relations"))
            lines.append(f"  {a.id}  {counts}" + ("" if a.predicted else "  (not in the corpus)"))
        lines.append("")

    acc = r.accuracy
    stm_topics = r.total("statement_topics")
    doc_topics = r.total("document_topics")
    dup = sum(a.duplicate_statements for a in r.articles)
    scored = len(r.articles) - len(r.missing)
    lines.append(f"sukien eval  {r.gold}  articles scored {scored}/{len(r.articles)}"
                 + (f"  missing: {', '.join(r.missing)}" if r.missing else "")
                 + (f"  stage errors: {len(run.stage_errors)}" if run.stage_errors else ""))
    lines.append(f"{'type':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}  notes")
    lines.append(_row("persons", r.total("persons"), f"country acc {_fmt(acc('person_country').value)}"))
    lines.append(_row("events", r.total("events")))
    lines.append(_row("statements", r.total("statements"),
                      f"explicit R {_fmt(acc('statement_explicit_recall').value)}"
                      f" · implicit R {_fmt(acc('statement_implicit_recall').value)}"
                      f" · target acc {_fmt(acc('statement_target').value)}"
                      f" · topic F1 {_fmt(stm_topics.f1 if stm_topics.tp + stm_topics.fp + stm_topics.fn else None)}"
                      + (f" · dup {dup}" if dup else "")))
    lines.append(_row("documents", r.total("documents"),
                      f"kind acc {_fmt(acc('document_kind').value)}"
                      f" · topic F1 {_fmt(doc_topics.f1 if doc_topics.tp + doc_topics.fp + doc_topics.fn else None)}"))
    lines.append(_row("quantities", r.total("quantities")))
    lines.append(_row("relations", r.total("relations")))
    if r.corpus is not None:
        c = r.corpus
        lines.append(_row("corpus actors", c.actors, f"split {len(c.actors_split)} · merged {len(c.actors_merged)}"))
        lines.append(_row("corpus events", c.events, f"ignoring sources F1 {_fmt(c.events_any_sources.f1)}"))
        lines.append(_row("stories (pairs)", c.stories))
    leaks = r.leaks
    ends = acc("clean_text_end")
    lines.append(f"boilerplate leaks: {len(leaks)}"
                 + (f" ({'; '.join(sorted({x['name'][:40] for x in leaks})[:6])})" if leaks else "")
                 + (f"  · clean text ends right {ends.correct}/{ends.total}" if ends.total else ""))
    return lines


@app.command("eval")
def eval_command(
    gold: str = typer.Option(..., "--gold", help="Gold file (schema sukien-gold/1)."),
    corpus: list[str] = typer.Option(..., "--corpus", help="Folder of <id>.txt, JSONL file, or files/globs."),
    as_json: bool = JsonOption,
    link: bool = typer.Option(False, "--link", help="Also link the articles and score the corpus level."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List false positives and negatives."),
    gold_published: bool = typer.Option(False, "--gold-published",
                                        help="Give an article without a publication date the gold's."),
    baseline: bool = typer.Option(False, "--baseline",
                                  help="Score underthesea's NER instead of sukien (persons and leaks only)."),
) -> None:
    """Extract a gold corpus and score it: P/R/F1 per record type (rules: gold/README.md)."""
    from ...errors import SukienError
    from ...evaluation.run import evaluate

    try:
        if baseline:
            from ...evaluation.baseline import evaluate_baseline

            if link:
                fail("--baseline has no corpus level: drop --link")
            run = evaluate_baseline(gold, corpus, gold_published=gold_published)
        else:
            run = evaluate(gold, corpus, link=link, gold_published=gold_published)
    except SukienError as exc:
        fail(str(exc))
    for s in run.skipped:
        err_console.print(f"skipped {s}", highlight=False, markup=False)
    for e in run.stage_errors[:MAX_STAGE_ERRORS_SHOWN]:
        err_console.print(f"stage {e['stage']} failed on {e['article']}: {e['error']}", highlight=False,
                          markup=False)
    if len(run.stage_errors) > MAX_STAGE_ERRORS_SHOWN:
        err_console.print(f"... {len(run.stage_errors) - MAX_STAGE_ERRORS_SHOWN} more stage errors",
                          highlight=False)
    if not run.result.articles:
        fail(f"{gold} annotates no article")
    if as_json:
        d = run.result.to_dict()
        d["skipped"], d["stage_errors"] = run.skipped, run.stage_errors
        print_json(d)
        return
    for line in render(run, show_errors=show_errors):
        console.print(line, highlight=False, markup=False, soft_wrap=True)
