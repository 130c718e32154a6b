import json
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")

from typer.testing import CliRunner  # noqa: E402

from sukien.interfaces.cli import app  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_run_then_load_into_the_store(tmp_path):
    runner = CliRunner()
    out = tmp_path / "pq"
    res = runner.invoke(app, ["run", "--engine", "local", "--workers", "1", "--out", str(out),
                              "--json", str(EXAMPLES)])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    n = len(list(EXAMPLES.glob("*.txt")))
    assert summary["articles"] == n and summary["rows"]["articles"] == n
    assert (out / "articles").is_dir()
    # a second run into the same folder must not silently mix with the first
    again = runner.invoke(app, ["run", "--out", str(out), str(EXAMPLES)])
    assert again.exit_code != 0
    db = tmp_path / "s.db"
    res = runner.invoke(app, ["load", str(out), "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["new"] == n


def test_run_refuses_an_unknown_engine(tmp_path):
    res = CliRunner().invoke(app, ["run", "--engine", "spark", "--out", str(tmp_path / "x"), str(EXAMPLES)])
    assert res.exit_code != 0
