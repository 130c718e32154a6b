"""The extraction pipeline: named stages run in a fixed order over one :class:`Article`.

A stage is a plain function ``stage(article) -> article`` registered under a name with
what it requires and assigns (spaCy's ``Language.factory`` idea, trafilatura's plain
functions in order). The runner can disable stages and says which stage failed: in tests
errors are raised, in batch runs they are recorded on the article and the run goes on.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .errors import StageFailed
from .model import Article, StageError

StageFunc = Callable[[Article], Article]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    target: str  # "module:function", imported on first use
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def load(self) -> StageFunc:
        module, _, func = self.target.partition(":")
        return getattr(importlib.import_module(module), func)


# The default order. Reading and cleaning happen before (they make the Article).
DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("sentences", "sukien.text.sentences:split_sentences_stage", (), ("sentences",)),
    Stage("dates", "sukien.stages.dates:resolve_dates", ("sentences",), ("dates",)),
    Stage("actors", "sukien.stages.actors:find_actors", ("sentences",), ("mentions", "entities")),
    Stage("years", "sukien.stages.years:resolve_year", ("dates", "entities"), ("dates",)),
    Stage("events", "sukien.stages.events:find_events",
          ("sentences", "dates", "entities"), ("events",)),
    Stage("statements", "sukien.stages.statements:find_statements",
          ("sentences", "entities", "events"), ("statements",)),
    Stage("documents", "sukien.stages.documents:find_documents",
          ("sentences", "entities", "events"), ("documents",)),
    Stage("quantities", "sukien.stages.quantities:find_quantities", ("sentences",), ("quantities",)),
    Stage("relations", "sukien.stages.relations:find_relations", ("sentences", "dates"), ("relations",)),
)


class Pipeline:
    """Runs stages in order. ``raise_errors=False`` records a failing stage and goes on."""

    def __init__(self, stages: Iterable[Stage] = DEFAULT_STAGES, *, disable: Iterable[str] = (),
                 raise_errors: bool = True) -> None:
        off = set(disable)
        self.stages = [s for s in stages if s.name not in off]
        self.raise_errors = raise_errors
        self._funcs: list[tuple[str, StageFunc]] | None = None

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def _loaded(self) -> list[tuple[str, StageFunc]]:
        if self._funcs is None:
            self._funcs = [(s.name, _load_or_fail(s)) for s in self.stages]
        return self._funcs

    def __call__(self, article: Article) -> Article:
        for name, func in self._loaded():
            try:
                article = func(article)
            except Exception as exc:  # noqa: BLE001 - reported with the stage's name
                if self.raise_errors:
                    raise StageFailed(name, article.id, exc) from exc
                article.errors.append(StageError(name, f"{type(exc).__name__}: {exc}"))
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterable[Article]:
        for a in articles:
            yield self(a)


def _load_or_fail(stage: Stage) -> StageFunc:
    """The stage's function; a stage that cannot be imported fails like a stage that raises,
    so batch runs record it on each article and go on with the other stages."""
    try:
        return stage.load()
    except Exception as exc:  # noqa: BLE001 - reported under the stage's name when it runs
        error = exc

        def failing(article: Article) -> Article:
            raise error

        return failing
