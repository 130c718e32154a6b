"""Score predicted per-article records (SPEC §2 JSON) against the shared gold.

``score(gold, records, corpus=None) -> EvalResult``. Only articles present in the gold are
scored; a gold article with no prediction counts all its gold records as missed. The rules
are those of ``/work/shared/gold/README.md``; where it leaves a choice open, the choice is
written here and in :mod:`.matching` (participants, dates, one-to-one pairing).

Per record type (every pairing is one-to-one, :func:`.matching.assign`):

persons
    Gold ``entities`` (all PER) against predicted entities of type PER; names compared by
    :func:`.gold.names_match` with the gold aliases. A predicted name matching an ``ignore``
    name is neither rewarded nor penalised. The country of matched persons is reported
    apart (``person_country`` accuracy).
events
    Equal kind, participants matching, dates matching, and the predicted evidence containing
    the gold ``quote``. Background and planned events are in the gold and scored alike.
statements
    Equal kind, sources matching, evidence containing the quote. Among the matched:
    target accuracy (targets compared like participants; an empty gold target wants an
    empty prediction) and topic P/R/F1 (micro over matched pairs). Recall is also given over
    explicit gold statements only (``implicit`` not true) and over implicit ones. "At most
    one statement per (sentence, source, kind)": the gold holds at most one, so with
    one-to-one pairing a second prediction for the same (sentence, source, kind) can only
    be a false positive; ``duplicate_statements`` counts such predictions as a diagnostic.
documents
    Both parties matching as in the text: party names compared by the name rules, and a
    party written with its country (``Bộ Giáo dục Hàn Quốc``) also matches it written
    without (``Bộ Giáo dục``); a party naming a country matches that country's ISO3 code.
    A gold document that lists no parties is matched through its ``quote`` (in the
    predicted evidence) or ``title``. Kind accuracy and topic F1 are reported among the
    matched.
quantities
    Equal value (relative tolerance ``VALUE_RTOL``), unit (case-insensitive) and year
    (a null gold year wants a null year).
relations
    The same pair of countries (either order) and level (folded), and when the gold gives a
    year or date, a predicted year/date inside it.
leaks (boilerplate)
    Any predicted entity whose name matches a gold ``not_actors`` name; any predicted place
    (GPE/LOC entity, or an event's location) matching a gold ``not_places`` name; and any
    event, statement, document, figure or relation whose evidence names one of them (as
    whole words) or starts after the body's last sentence (gold ``clean_text_ends_with``,
    which also gives the ``clean_text_end`` check: does ``text_clean`` end there?).
corpus (when the ``{"type": "corpus"}`` record of ``extract --link`` is given)
    actors: predicted PER actors against ``corpus.persons`` one-to-one by name; gold names
    that are aliases of each other count as one real person; a gold person matched by the
    names of several actors is *split* (the extra actors are false positives), an actor
    whose name matches several gold persons is *merged*. A name an article asks to ignore
    is not penalised unless it is one of the gold persons.
    events: kind + participants + full date (no year-less form) + the same set of source
    articles (``events``); ``events_any_sources`` drops the source condition.
    stories: pairwise precision/recall over article pairs placed in the same story.
    Predicted corpus records are restricted to the gold's articles.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .gold import Gold, GoldArticle, fold_name, is_iso3, names_match
from .matching import (
    Party,
    assign,
    contains_quote,
    dates_match,
    evidence_text,
    max_matching,
    participants_match,
    quote_norm,
    resolve_party,
)

# Figures are compared as numbers; 1e-6 relative absorbs float rounding of 1.5e11-style values.
VALUE_RTOL = 1e-6
PLACE_TYPES = ("GPE", "LOC")
# Trailing words that may sit between a party's name and its country (``nước`` Việt Nam).
_COUNTRY_LEADERS = ("nuoc", "cua")
MAX_COUNTRY_WORDS = 8
# Without a country table, at most this many capitalised words are taken for a country
# (``Hàn Quốc``, ``Liên bang Nga``, ``Bồ Đào Nha``).
MAX_GUESSED_COUNTRY_WORDS = 3


# -- result types ----------------------------------------------------------------------------
def _ratio(num: int, den: int, empty: float = 1.0) -> float:
    return num / den if den else empty


@dataclass(slots=True)
class Score:
    """Counts and the records behind them (false positives / negatives, for debugging)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    false_negatives: list[dict[str, Any]] = field(default_factory=list)

    # Nothing expected and nothing predicted scores 1.0; otherwise an empty denominator gives
    # 0.0 (no predictions at all is not "perfect precision").
    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, 0.0 if self.fn else 1.0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, 0.0 if self.fp else 1.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.false_positives.extend(other.false_positives)
        self.false_negatives.extend(other.false_negatives)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                             "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
        if errors:
            d["false_positives"] = self.false_positives
            d["false_negatives"] = self.false_negatives
        return d


@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0
    wrong: list[dict[str, Any]] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total
        self.wrong.extend(other.wrong)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        v = self.value
        d: dict[str, Any] = {"correct": self.correct, "total": self.total,
                             "value": None if v is None else round(v, 4)}
        if errors:
            d["wrong"] = self.wrong
        return d


ARTICLE_SCORES = ("persons", "events", "statements", "statement_topics", "documents", "document_topics",
                  "quantities", "relations")
ARTICLE_ACCURACIES = ("person_country", "statement_target", "statement_explicit_recall",
                      "statement_implicit_recall", "document_kind", "clean_text_end")


@dataclass(slots=True)
class ArticleScores:
    id: str
    predicted: bool = True  # False: no prediction for this gold article
    persons: Score = field(default_factory=Score)
    person_country: Accuracy = field(default_factory=Accuracy)
    events: Score = field(default_factory=Score)
    statements: Score = field(default_factory=Score)
    statement_target: Accuracy = field(default_factory=Accuracy)
    statement_topics: Score = field(default_factory=Score)
    statement_explicit_recall: Accuracy = field(default_factory=Accuracy)
    statement_implicit_recall: Accuracy = field(default_factory=Accuracy)
    duplicate_statements: int = 0
    documents: Score = field(default_factory=Score)
    document_kind: Accuracy = field(default_factory=Accuracy)
    document_topics: Score = field(default_factory=Score)
    quantities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    leaks: list[dict[str, Any]] = field(default_factory=list)
    # Does the predicted text_clean end where the gold says the body ends (boilerplate cut)?
    clean_text_end: Accuracy = field(default_factory=Accuracy)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "predicted": self.predicted}
        for name in ARTICLE_SCORES:
            d[name] = getattr(self, name).to_dict(errors)
        for name in ARTICLE_ACCURACIES:
            d[name] = getattr(self, name).to_dict(errors)
        d["duplicate_statements"] = self.duplicate_statements
        d["leaks"] = self.leaks
        return d


@dataclass(slots=True)
class CorpusScores:
    actors: Score = field(default_factory=Score)
    actors_split: list[dict[str, Any]] = field(default_factory=list)
    actors_merged: list[dict[str, Any]] = field(default_factory=list)
    events: Score = field(default_factory=Score)
    events_any_sources: Score = field(default_factory=Score)
    stories: Score = field(default_factory=Score)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        return {"actors": self.actors.to_dict(errors), "actors_split": self.actors_split,
                "actors_merged": self.actors_merged, "events": self.events.to_dict(errors),
                "events_any_sources": self.events_any_sources.to_dict(errors),
                "stories": self.stories.to_dict(errors)}


@dataclass(slots=True)
class EvalResult:
    gold: str
    articles: list[ArticleScores] = field(default_factory=list)
    corpus: CorpusScores | None = None

    @property
    def missing(self) -> list[str]:
        return [a.id for a in self.articles if not a.predicted]

    def total(self, name: str) -> Score:
        out = Score()
        for a in self.articles:
            out.add(getattr(a, name))
        return out

    def accuracy(self, name: str) -> Accuracy:
        out = Accuracy()
        for a in self.articles:
            out.add(getattr(a, name))
        return out

    @property
    def leaks(self) -> list[dict[str, Any]]:
        return [leak for a in self.articles for leak in a.leaks]

    def summary(self) -> dict[str, Any]:
        """The headline figures (F1 per type, the statement extras, leaks, corpus)."""
        s: dict[str, Any] = {"articles": len(self.articles), "missing": self.missing}
        for name in ("persons", "events", "statements", "documents", "quantities", "relations"):
            sc = self.total(name)
            s[name] = {"p": round(sc.precision, 4), "r": round(sc.recall, 4), "f1": round(sc.f1, 4),
                       "tp": sc.tp, "fp": sc.fp, "fn": sc.fn}
        for name in ARTICLE_ACCURACIES:
            v = self.accuracy(name).value
            s[name] = None if v is None else round(v, 4)
        s["statement_topics_f1"] = round(self.total("statement_topics").f1, 4)
        s["document_topics_f1"] = round(self.total("document_topics").f1, 4)
        s["duplicate_statements"] = sum(a.duplicate_statements for a in self.articles)
        s["leaks"] = len(self.leaks)
        if self.corpus is not None:
            for name in ("actors", "events", "events_any_sources", "stories"):
                sc = getattr(self.corpus, name)
                s[f"corpus_{name}"] = {"p": round(sc.precision, 4), "r": round(sc.recall, 4),
                                       "f1": round(sc.f1, 4), "tp": sc.tp, "fp": sc.fp, "fn": sc.fn}
            s["corpus_actors_split"] = len(self.corpus.actors_split)
            s["corpus_actors_merged"] = len(self.corpus.actors_merged)
        return s

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        totals: dict[str, Any] = {name: self.total(name).to_dict(errors) for name in ARTICLE_SCORES}
        totals.update({name: self.accuracy(name).to_dict(errors) for name in ARTICLE_ACCURACIES})
        return {"gold": self.gold, "summary": self.summary(), "totals": totals, "leaks": self.leaks,
                "articles": [a.to_dict(errors) for a in self.articles],
                "corpus": None if self.corpus is None else self.corpus.to_dict(errors)}


# -- per-article scoring ---------------------------------------------------------------------
@dataclass(slots=True)
class _Context:
    """What every per-type scorer needs about one article."""

    gold: GoldArticle
    rec: dict[str, Any]
    entities: dict[str, dict[str, Any]]
    alias_table: dict[str, list[str]] = field(default_factory=dict)  # folded name → aliases, gold-wide

    @property
    def text(self) -> str | None:
        return self.rec.get("text_clean")

    def aliases(self, name: str) -> list[str]:
        return self.gold.aliases_of(name) or self.alias_table.get(fold_name(name), [])

    def parties(self, values: Iterable[str] | str | None) -> list[Party]:
        if isinstance(values, str):  # a single id where a list was due
            values = [values]
        return [resolve_party(v, self.entities) for v in values or () if isinstance(v, str)]

    def labels(self, values: Iterable[str] | None) -> list[str]:
        return [p.label() for p in self.parties(values)]

    def evidence(self, rec: dict[str, Any]) -> str:
        return evidence_text(rec, self.text)


def _fp(ctx: _Context, **info: Any) -> dict[str, Any]:
    return {"article": ctx.gold.id, **info}


def _score_pairs(ctx: _Context, golds: list[dict], preds: list[dict], weight, describe_gold,
                 describe_pred) -> tuple[Score, list[tuple[int, int]]]:
    pairs = assign(len(golds), len(preds), weight)
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    sc = Score(tp=len(pairs), fp=len(preds) - len(matched_p), fn=len(golds) - len(matched_g))
    sc.false_negatives = [_fp(ctx, **describe_gold(g)) for i, g in enumerate(golds) if i not in matched_g]
    sc.false_positives = [_fp(ctx, **describe_pred(p)) for i, p in enumerate(preds) if i not in matched_p]
    return sc, pairs


def _score_persons(ctx: _Context, out: ArticleScores) -> None:
    golds = [e for e in ctx.gold.entities if e.get("type", "PER") == "PER"]
    preds = [e for e in ctx.rec.get("entities") or [] if isinstance(e, dict) and e.get("type") == "PER"
             and isinstance(e.get("name"), str) and e["name"]
             and not any(names_match(e["name"], ig) for ig in ctx.gold.ignore)]

    def weight(g: int, p: int) -> float | None:
        gold, pred = golds[g], preds[p]
        if not names_match(pred["name"], gold["name"], gold.get("aliases") or ()):
            return None
        return 1.0 if pred.get("country") == gold.get("country") else 0.0

    out.persons, pairs = _score_pairs(
        ctx, golds, preds, weight,
        lambda g: {"name": g["name"], "country": g.get("country")},
        lambda p: {"name": p["name"], "country": p.get("country"), "title": p.get("title")})
    for g, p in pairs:
        out.person_country.total += 1
        if preds[p].get("country") == golds[g].get("country"):
            out.person_country.correct += 1
        else:
            out.person_country.wrong.append(_fp(ctx, name=golds[g]["name"], gold=golds[g].get("country"),
                                                predicted=preds[p].get("country")))


def _describe_event(ctx: _Context, e: dict) -> dict[str, Any]:
    return {"kind": e.get("kind"), "participants": ctx.labels(e.get("participants")), "date": e.get("date"),
            "evidence": ctx.evidence(e)}


def _score_events(ctx: _Context, out: ArticleScores) -> None:
    golds = ctx.gold.events
    preds = [e for e in ctx.rec.get("events") or [] if isinstance(e, dict)]
    parties = [ctx.parties(e.get("participants")) for e in preds]
    evidence = [ctx.evidence(e) for e in preds]
    yearless_ok = ctx.gold.published is None

    def weight(g: int, p: int) -> float | None:
        gold, pred = golds[g], preds[p]
        if (pred.get("kind") != gold["kind"] or not contains_quote(evidence[p], gold.get("quote"))
                or not dates_match(gold.get("date"), pred.get("date"), allow_yearless=yearless_ok)
                or not participants_match(gold["participants"], parties[p], ctx.aliases)):
            return None
        return 0.0

    out.events, _ = _score_pairs(
        ctx, golds, preds, weight,
        lambda g: {"kind": g["kind"], "participants": g["participants"], "date": g.get("date"),
                   "quote": g.get("quote")},
        lambda p: _describe_event(ctx, p))


def _sentence_index(ctx: _Context) -> list[tuple[int, int]]:
    sents = ctx.rec.get("sentences")
    if isinstance(sents, list) and all(isinstance(s, (list, tuple)) and len(s) >= 2 for s in sents):
        return [(int(s[0]), int(s[1])) for s in sents]
    text = ctx.text or ""
    try:
        from ..text.sentences import split_sentences
    except ImportError:  # the text package always has it; tolerate a broken tree mid-edit
        return [(0, len(text))]
    spans = []
    for s in split_sentences(text):
        start, end = (s.start, s.end) if hasattr(s, "start") else (s[0], s[1])
        spans.append((int(start), int(end)))
    return spans


def _count_duplicates(ctx: _Context, preds: list[dict]) -> int:
    sentences = _sentence_index(ctx)
    keys = []
    for s in preds:
        ev = s.get("evidence")
        start = ev.get("start") if isinstance(ev, dict) else None
        sent = next((i for i, (a, b) in enumerate(sentences) if isinstance(start, int) and a <= start < b),
                    quote_norm(ctx.evidence(s)))
        source = tuple(sorted(fold_name(x) for x in ctx.labels(s.get("source"))))
        keys.append((sent, source, s.get("kind")))
    return len(keys) - len(set(keys))


def _score_statements(ctx: _Context, out: ArticleScores) -> None:
    golds = ctx.gold.statements
    preds = [s for s in ctx.rec.get("statements") or [] if isinstance(s, dict)]
    sources = [ctx.parties(s.get("source")) for s in preds]
    targets = [ctx.parties(s.get("target")) for s in preds]
    evidence = [ctx.evidence(s) for s in preds]

    def target_ok(g: int, p: int) -> bool:
        return participants_match(golds[g].get("target") or [], targets[p], ctx.aliases)

    def topic_overlap(g: int, p: int) -> float:
        a, b = set(golds[g].get("topics") or []), set(preds[p].get("topics") or [])
        return len(a & b) / len(a | b) if a | b else 1.0

    def weight(g: int, p: int) -> float | None:
        gold, pred = golds[g], preds[p]
        if (pred.get("kind") != gold["kind"] or not contains_quote(evidence[p], gold.get("quote"))
                or not participants_match(gold["source"], sources[p], ctx.aliases)):
            return None
        return float(target_ok(g, p)) + 0.5 * topic_overlap(g, p)

    out.statements, pairs = _score_pairs(
        ctx, golds, preds, weight,
        lambda g: {"kind": g["kind"], "source": g["source"], "quote": g.get("quote"),
                   "implicit": bool(g.get("implicit"))},
        lambda p: {"kind": p.get("kind"), "source": ctx.labels(p.get("source")),
                   "target": ctx.labels(p.get("target")), "evidence": ctx.evidence(p)})
    matched = {g: p for g, p in pairs}
    for g, gold in enumerate(golds):
        acc = out.statement_implicit_recall if gold.get("implicit") else out.statement_explicit_recall
        acc.total += 1
        if g in matched:
            acc.correct += 1
    for g, p in pairs:
        gold = golds[g]
        out.statement_target.total += 1
        if target_ok(g, p):
            out.statement_target.correct += 1
        else:
            out.statement_target.wrong.append(_fp(ctx, quote=gold.get("quote"), gold=gold.get("target"),
                                                  predicted=[t.label() for t in targets[p]]))
        _add_topics(out.statement_topics, ctx, gold.get("topics"), preds[p].get("topics"), gold.get("quote"))
    out.duplicate_statements = _count_duplicates(ctx, preds)


def _add_topics(score: Score, ctx: _Context, gold: Iterable[str] | None, pred: Iterable[str] | None,
                where: str | None) -> None:
    g, p = set(gold or ()), set(pred or ())
    score.tp += len(g & p)
    score.fp += len(p - g)
    score.fn += len(g - p)
    score.false_positives.extend(_fp(ctx, topic=t, quote=where) for t in sorted(p - g))
    score.false_negatives.extend(_fp(ctx, topic=t, quote=where) for t in sorted(g - p))


# -- documents -------------------------------------------------------------------------------
@cache
def _country_names() -> dict[str, str]:
    """Folded Vietnamese/English country name → ISO3, from the knowledge tables if present."""
    try:
        from ..knowledge import load_table, split_list
    except ImportError:
        return {}
    try:
        rows = load_table("countries")
    except Exception:  # noqa: BLE001 - no countries table yet: party/country equivalence is off
        return {}
    out: dict[str, str] = {}
    for row in rows:
        iso = row.get("iso3") or row.get("code") or row.get("iso")
        if not iso:
            continue
        for col, value in row.items():
            if col in ("iso3", "code", "iso") or not isinstance(value, str) or not value:
                continue
            if any(k in col for k in ("name", "alias", "vi", "en", "form", "adjective")):
                for name in split_list(value):
                    f = fold_name(name)
                    if len(f) >= 2:
                        out.setdefault(f, iso)
    return out


def _party_country(name: str) -> str | None:
    if is_iso3(name):
        return name
    return _country_names().get(fold_name(name))


def _is_country_tail(words: list[str]) -> bool:
    """Words that name a country after a party's own name (``nước CHXHCN Việt Nam``)."""
    folded = [fold_name(w) for w in words]
    while folded and folded[0] in _COUNTRY_LEADERS:
        words, folded = words[1:], folded[1:]
    if not words:
        return False
    names = _country_names()
    if names:
        return "".join(folded) in names
    # No country table: a short trailing run of capitalised words is taken as the country.
    return len(words) <= MAX_GUESSED_COUNTRY_WORDS and all(w[:1].isupper() for w in words)


def _without_country(name: str) -> set[str]:
    words = name.split()
    out = set()
    # The party's own name keeps at least two words (``Bộ X``); a country takes at most
    # MAX_COUNTRY_WORDS words after its leaders (``nước Cộng hòa xã hội chủ nghĩa Việt Nam``).
    for k in range(1, min(len(words) - 2, MAX_COUNTRY_WORDS) + 1):
        if _is_country_tail(words[-k:]):
            out.add(" ".join(words[:-k]))
    return out


def party_name_matches(pred: str, gold: str) -> bool:
    """Document parties as written; the country after a party's name is optional."""
    if names_match(pred, gold):
        return True
    gc, pc = _party_country(gold), _party_country(pred)
    if gc is not None and gc == pc:
        return True
    pforms = {pred, *_without_country(pred)}
    gforms = {gold, *_without_country(gold)}
    return any(fold_name(a) == fold_name(b) for a in pforms for b in gforms)


def _parties_match(gold: list[str], pred: list[str]) -> bool:
    golds, preds = list(dict.fromkeys(gold)), list(dict.fromkeys(pred))
    adj = [[j for j, p in enumerate(preds) if party_name_matches(p, g)] for g in golds]
    if max_matching(adj, len(preds)) < len(golds):
        return False
    return all(any(party_name_matches(p, g) for g in golds) for p in preds)


def _score_documents(ctx: _Context, out: ArticleScores) -> None:
    golds = ctx.gold.documents
    preds = [d for d in ctx.rec.get("documents") or [] if isinstance(d, dict)]
    parties = [ctx.labels(d.get("parties")) for d in preds]
    evidence = [ctx.evidence(d) for d in preds]

    def quote_or_title(g: int, p: int) -> bool:
        gold, pred = golds[g], preds[p]
        if gold.get("quote") and contains_quote(evidence[p], gold["quote"]):
            return True
        return bool(gold.get("title") and pred.get("title")
                    and fold_name(gold["title"]) in fold_name(pred["title"]))

    def weight(g: int, p: int) -> float | None:
        gold = golds[g]
        if gold["parties"]:
            if not _parties_match(gold["parties"], parties[p]):
                return None
        elif not quote_or_title(g, p):
            return None
        return float(preds[p].get("kind") == gold.get("kind")) + 0.5 * float(quote_or_title(g, p))

    out.documents, pairs = _score_pairs(
        ctx, golds, preds, weight,
        lambda g: {"kind": g.get("kind"), "parties": g["parties"], "title": g.get("title")},
        lambda p: {"kind": p.get("kind"), "parties": ctx.labels(p.get("parties")), "title": p.get("title")})
    for g, p in pairs:
        out.document_kind.total += 1
        if preds[p].get("kind") == golds[g].get("kind"):
            out.document_kind.correct += 1
        else:
            out.document_kind.wrong.append(_fp(ctx, parties=golds[g]["parties"], gold=golds[g].get("kind"),
                                               predicted=preds[p].get("kind")))
        _add_topics(out.document_topics, ctx, golds[g].get("topics"), preds[p].get("topics"),
                    " / ".join(golds[g]["parties"]))


def _same_value(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=VALUE_RTOL)
    except (TypeError, ValueError):
        return False


def _score_quantities(ctx: _Context, out: ArticleScores) -> None:
    golds = ctx.gold.quantities
    preds = [q for q in ctx.rec.get("quantities") or [] if isinstance(q, dict)]

    def weight(g: int, p: int) -> float | None:
        gold, pred = golds[g], preds[p]
        if not (_same_value(pred.get("value"), gold["value"])
                and str(pred.get("unit") or "").casefold() == str(gold["unit"]).casefold()
                and pred.get("year") == gold.get("year")):
            return None
        return float(contains_quote(ctx.evidence(pred), gold.get("quote")))

    out.quantities, _ = _score_pairs(
        ctx, golds, preds, weight,
        lambda g: {"value": g["value"], "unit": g["unit"], "year": g.get("year"), "quote": g.get("quote")},
        lambda p: {"value": p.get("value"), "unit": p.get("unit"), "year": p.get("year"),
                   "evidence": ctx.evidence(p)})


def _relation_date_ok(gold: dict, pred: dict) -> bool:
    want = gold.get("date") or (str(gold["year"]) if gold.get("year") is not None else None)
    if not want:
        return True
    got = pred.get("date") or (str(pred["year"]) if pred.get("year") is not None else None)
    return bool(got) and dates_match(want, str(got), allow_yearless=False)


def _score_relations(ctx: _Context, out: ArticleScores) -> None:
    golds = ctx.gold.relations
    preds = [r for r in ctx.rec.get("relations") or [] if isinstance(r, dict)]

    def weight(g: int, p: int) -> float | None:
        gold, pred = golds[g], preds[p]
        if (sorted(pred.get("pair") or []) != sorted(gold["pair"])
                or fold_name(str(pred.get("level") or "")) != fold_name(gold["level"])
                or not _relation_date_ok(gold, pred)):
            return None
        return float(contains_quote(ctx.evidence(pred), gold.get("quote")))

    out.relations, _ = _score_pairs(
        ctx, golds, preds, weight,
        lambda g: {"pair": g["pair"], "level": g["level"], "date": g.get("date") or g.get("year"),
                   "quote": g.get("quote")},
        lambda p: {"pair": p.get("pair"), "level": p.get("level"), "date": p.get("date") or p.get("year"),
                   "evidence": ctx.evidence(p)})


def _find_leaks(ctx: _Context, out: ArticleScores) -> None:
    for e in ctx.rec.get("entities") or []:
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            continue
        name = e["name"]
        for bad in ctx.gold.not_actors:
            if names_match(name, bad):
                out.leaks.append(_fp(ctx, kind="not_actor", name=name, type=e.get("type"), gold=bad))
        if e.get("type") in PLACE_TYPES:
            for bad in ctx.gold.not_places:
                if names_match(name, bad):
                    out.leaks.append(_fp(ctx, kind="not_place", name=name, type=e.get("type"), gold=bad))
    for ev in ctx.rec.get("events") or []:
        loc = ev.get("location") if isinstance(ev, dict) else None
        name = loc.get("name") if isinstance(loc, dict) else loc if isinstance(loc, str) else None
        for bad in ctx.gold.not_places if name else ():
            if names_match(name, bad):
                out.leaks.append(_fp(ctx, kind="not_place", name=name, type="event location", gold=bad))
    # Records drawn from boilerplate: evidence naming a boilerplate-only actor or place, or
    # lying after the real body's last sentence (gold ``clean_text_ends_with``).
    bad_words = [(b, _word_pattern(b)) for b in (*ctx.gold.not_actors, *ctx.gold.not_places)]
    body_end = _body_end(ctx)
    if ctx.gold.clean_text_ends_with:
        out.clean_text_end.total = 1
        if quote_norm(ctx.text or "").endswith(quote_norm(ctx.gold.clean_text_ends_with)):
            out.clean_text_end.correct = 1
        else:
            tail = (ctx.text or "")[-120:]
            out.clean_text_end.wrong.append(_fp(ctx, expected_end=ctx.gold.clean_text_ends_with, text_ends=tail))
    for kind in RECORD_LISTS:
        for rec in ctx.rec.get(kind) or []:
            if not isinstance(rec, dict):
                continue
            text = ctx.evidence(rec)
            folded = quote_norm(text)
            hit = next((b for b, pattern in bad_words if pattern.search(folded)), None)
            ev = rec.get("evidence")
            start = ev.get("start") if isinstance(ev, dict) else None
            if hit is None and body_end is not None and isinstance(start, int) and start >= body_end:
                hit = "after the article body"
            if hit is not None:
                out.leaks.append(_fp(ctx, kind=f"boilerplate {kind[:-1]}", name=text[:80], type=rec.get("kind"),
                                     gold=hit))


RECORD_LISTS = ("events", "statements", "documents", "quantities", "relations")


@cache
def _word_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(quote_norm(name)) + r"(?!\w)")


def _body_end(ctx: _Context) -> int | None:
    """Offset in the predicted ``text_clean`` where the gold's last body sentence ends."""
    last, text = ctx.gold.clean_text_ends_with, ctx.text
    if not last or not text:
        return None
    pos = text.find(last)
    return pos + len(last) if pos >= 0 else None


def score_article(gold: GoldArticle, record: dict[str, Any] | None,
                  alias_table: dict[str, list[str]] | None = None) -> ArticleScores:
    """Score one predicted §2 record (None: nothing predicted) against its gold article.

    ``alias_table`` (``Gold.aliases()``) lends aliases a gold name has in other articles.
    """
    rec = record if record is not None else {}
    entities = {e["id"]: e for e in rec.get("entities") or [] if isinstance(e, dict) and e.get("id")}
    ctx = _Context(gold, rec, entities, alias_table or {})
    out = ArticleScores(id=gold.id, predicted=record is not None)
    _score_persons(ctx, out)
    _score_events(ctx, out)
    _score_statements(ctx, out)
    _score_documents(ctx, out)
    _score_quantities(ctx, out)
    _score_relations(ctx, out)
    _find_leaks(ctx, out)
    return out


# -- corpus level ----------------------------------------------------------------------------
def _pairs(groups: Iterable[Iterable[str]], keep: set[str]) -> set[frozenset[str]]:
    out: set[frozenset[str]] = set()
    for group in groups:
        ids = sorted({i for i in group if i in keep})
        out.update(frozenset(p) for p in itertools.combinations(ids, 2))
    return out


def _actor_articles(actor: dict[str, Any]) -> set[str] | None:
    arts = actor.get("articles")
    if isinstance(arts, list):
        return {a for a in arts if isinstance(a, str)}
    return None  # a count, or absent: not restricted


def _real_persons(names: list[str], aliases) -> list[list[str]]:
    """Gold person names grouped by identity: two names that are aliases of each other (the
    key lists ``Maksim Oreshkin`` and ``Maxim Oreshkin`` apart, each the other's alias) are
    one real person, and one actor is expected for them."""
    groups: list[list[str]] = []
    for name in names:
        for grp in groups:
            if any(names_match(name, n, aliases(n)) or names_match(n, name, aliases(name)) for n in grp):
                grp.append(name)
                break
        else:
            groups.append([name])
    return groups


def score_corpus(gold: Gold, corpus: dict[str, Any]) -> CorpusScores:
    """Score the ``{"type": "corpus", ...}`` record of ``extract --link`` against ``gold.corpus``."""
    gc = gold.corpus
    keep = set(gold.articles)
    out = CorpusScores()
    alias_table = gold.aliases()

    def aliases(name: str) -> list[str]:
        return alias_table.get(fold_name(name), [])

    actors = [a for a in corpus.get("actors") or [] if isinstance(a, dict)]
    in_scope = [a for a in actors if (arts := _actor_articles(a)) is None or arts & keep]
    people = _real_persons(list(gc.persons) if gc else [], aliases)

    def is_person(name: str, group: list[str]) -> bool:
        return any(names_match(name, n, aliases(n)) for n in group)

    # A name some article asks to ignore is not penalised, unless it is one of the gold persons.
    ignore = [n for a in gold.articles.values() for n in a.ignore]
    persons = [a for a in in_scope if a.get("type") == "PER" and a.get("name")
               and (any(is_person(a["name"], grp) for grp in people)
                    or not any(names_match(a["name"], ig) for ig in ignore))]

    def actor_weight(g: int, p: int) -> float | None:
        return 0.0 if is_person(persons[p]["name"], people[g]) else None

    ctx_desc = {"article": "corpus"}
    pairs = assign(len(people), len(persons), actor_weight)
    mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
    out.actors = Score(tp=len(pairs), fp=len(persons) - len(mp), fn=len(people) - len(mg),
                       false_positives=[{**ctx_desc, "name": a["name"], "country": a.get("country")}
                                        for i, a in enumerate(persons) if i not in mp],
                       false_negatives=[{**ctx_desc, "name": grp[0]} for i, grp in enumerate(people) if i not in mg])
    for grp in people:
        hits = [a["name"] for a in persons if is_person(a["name"], grp)]
        if len(hits) > 1:
            out.actors_split.append({"person": grp[0], "actors": hits})
    for a in persons:
        hits = [grp[0] for grp in people if is_person(a["name"], grp)]
        if len(hits) > 1:
            out.actors_merged.append({"actor": a["name"], "persons": hits})

    # events
    by_key: dict[str, dict[str, Any]] = {}
    for a in actors:
        for key in (a.get("id"), a.get("name")):
            if isinstance(key, str):
                by_key.setdefault(key, a)
    entities = {k: {"name": a.get("name"), "type": a.get("type"), "country": a.get("country")}
                for k, a in by_key.items()}
    preds = []
    for e in corpus.get("events") or []:
        if not isinstance(e, dict):
            continue
        sources = {s for s in e.get("sources") or [] if s in keep}
        if sources:
            preds.append((e, sources, [resolve_party(v, entities) for v in e.get("participants") or []]))
    golds = list(gc.merged_events) if gc else []

    def event_ok(g: int, p: int) -> bool:
        gold, (pred, _src, parties) = golds[g], preds[p]
        return (pred.get("kind") == gold["kind"]
                and dates_match(gold.get("date"), pred.get("date"), allow_yearless=False)
                and participants_match(gold["participants"], parties, aliases))

    def strict(g: int, p: int) -> float | None:
        return 0.0 if event_ok(g, p) and preds[p][1] == set(golds[g].get("sources") or []) else None

    def lenient(g: int, p: int) -> float | None:
        if not event_ok(g, p):
            return None
        gs, ps = set(golds[g].get("sources") or []), preds[p][1]
        return len(gs & ps) / len(gs | ps) if gs | ps else 1.0

    for name, weight in (("events", strict), ("events_any_sources", lenient)):
        pairs = assign(len(golds), len(preds), weight)
        mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
        setattr(out, name, Score(
            tp=len(pairs), fp=len(preds) - len(mp), fn=len(golds) - len(mg),
            false_positives=[{**ctx_desc, "kind": e.get("kind"), "participants": [x.label() for x in ps],
                              "date": e.get("date"), "sources": sorted(src)}
                             for i, (e, src, ps) in enumerate(preds) if i not in mp],
            false_negatives=[{**ctx_desc, **g} for i, g in enumerate(golds) if i not in mg]))

    # stories, pairwise
    if gc and gc.stories:
        gold_groups: list[list[str]] = gc.stories
    else:
        by_story: dict[str, list[str]] = {}
        for a in gold.articles.values():
            by_story.setdefault(a.story or a.id, []).append(a.id)
        gold_groups = list(by_story.values())
    gp = _pairs(gold_groups, keep)
    pp = _pairs((s for s in corpus.get("stories") or [] if isinstance(s, list)), keep)
    out.stories = Score(tp=len(gp & pp), fp=len(pp - gp), fn=len(gp - pp),
                        false_positives=[{**ctx_desc, "pair": sorted(x)} for x in sorted(pp - gp, key=sorted)],
                        false_negatives=[{**ctx_desc, "pair": sorted(x)} for x in sorted(gp - pp, key=sorted)])
    return out


def score(gold: Gold, records: Iterable[dict[str, Any]], corpus: dict[str, Any] | None = None) -> EvalResult:
    """Score predicted §2 records (any order; ids not in the gold are ignored)."""
    by_id: dict[str, dict[str, Any]] = {}
    for rec in records:
        if isinstance(rec, dict) and rec.get("type") == "corpus" and corpus is None:
            corpus = rec
        elif isinstance(rec, dict) and rec.get("id") in gold.articles:
            by_id[rec["id"]] = rec
    result = EvalResult(gold=gold.path)
    alias_table = gold.aliases()
    for gid, garticle in gold.articles.items():
        result.articles.append(score_article(garticle, by_id.get(gid), alias_table))
    if corpus is not None:
        result.corpus = score_corpus(gold, corpus)
    return result


__all__ = ["Accuracy", "ArticleScores", "CorpusScores", "EvalResult", "Score", "score", "score_article",
           "score_corpus"]
