"""Docs that can't drift (sqlite-utils' test_docs idea): every CLI command is in the README."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from sukien.interfaces.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_in_the_readme():
    commands = sorted(get_command(app).commands)
    missing = [c for c in commands if not re.search(rf"sukien {re.escape(c)}\b", README)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_the_readme_names_the_two_setup_commands():
    assert "make demo" in README and "make test" in README
