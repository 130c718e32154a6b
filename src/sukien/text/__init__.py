"""Vietnamese text utilities: normalisation keys and sentence splitting.

- :func:`nfc`, :func:`canonical_tones`, :func:`match_key`, :func:`fold`, :func:`fold_name`
  (:mod:`sukien.text.normalize`): keys that keep offsets 1:1 with ``text_clean``.
- :func:`split_sentences` (:mod:`sukien.text.sentences`): sentence spans.
"""

from __future__ import annotations

from .normalize import canonical_tones, fold, fold_name, match_key, nfc
from .sentences import split_sentences

__all__ = ["canonical_tones", "fold", "fold_name", "match_key", "nfc", "split_sentences"]
