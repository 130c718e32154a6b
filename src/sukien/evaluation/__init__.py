"""Scoring against the shared gold (``sukien-gold/1``) and benchmarks.

- :mod:`.gold` — ``load_gold``, the README's name folding (``fold_name``, ``names_match``);
- :mod:`.matching` — participants, dates, quote containment, one-to-one assignment;
- :mod:`.scorer` — ``score(gold, records, corpus=None) -> EvalResult``;
- :mod:`.run` — ``evaluate(gold_path, corpus_path, link=False)``: extract, link, score;
- :mod:`.baseline` — underthesea's NER scored by the same rules;
- :mod:`.bench` — throughput and memory benchmarks.

Imports stay lazy (numpy/scipy load only when scoring).
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {"load_gold": "gold", "fold_name": "gold", "names_match": "gold", "score": "scorer",
            "EvalResult": "scorer", "evaluate": "run"}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
