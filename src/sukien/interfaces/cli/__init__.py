"""The ``sukien`` command: thin commands over the library (sqlite-utils' cli.py idea).

Each command module registers its commands on :data:`app`; a command opens what it needs,
calls one library function and turns library errors into one clean message.
"""

from __future__ import annotations

from ._app import app, main

# Importing the modules registers their commands.
from . import articles, bench, evaluate, knowledge, records, serve, stories  # noqa: E402,F401  isort: skip

__all__ = ["app", "main"]
