"""Extraction stages: each a plain function ``stage(article) -> article`` over the model.

dates, actors (mentions and entities), events, statements, documents, quantities and
relations, run in the order of :data:`sukien.pipeline.DEFAULT_STAGES`. The package is
``sukien.stages`` so that ``sukien.extract`` stays the one-call function of the spec.
"""
