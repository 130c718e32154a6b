"""Killing an ingest with SIGKILL mid-batch, then rerunning, gives the same store as one
uninterrupted run (no duplicates, no half-written batch)."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from itertools import islice
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus" / "news" / "mds2013_dev.jsonl.gz"
N_ARTICLES = 300
BATCH = 64
KILL_AT = 150  # inside the 3rd batch: two batches (128 articles) are committed

# The child ingests with a small deterministic stage so every record table gets rows, and
# announces when it has written KILL_AT articles of the open transaction, then waits to
# be killed by the parent.
CHILD = textwrap.dedent("""
    import re, sys, time
    from sukien.model import Entity, Event
    from sukien.pipeline import Pipeline, Stage
    from sukien.store import Store
    from sukien.store import ingest as ingest_module

    def annotate(article):
        names = sorted(set(re.findall(r"[A-ZĐ][\\w]+(?: [A-ZĐ][\\w]+)+", article.text_clean)))[:3]
        for i, name in enumerate(names):
            start = article.text_clean.index(name)
            article.entities.append(Entity(f"e{i}", name, "PER", mentions=[(start, start + len(name))]))
        if names:
            article.events.append(Event("ev1", "MEET", article.evidence(0, min(40, len(article.text_clean))),
                                        participants=[f"e{i}" for i in range(len(names))]))
        return article

    db, src, kill_at, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    written = 0
    original = ingest_module._write_article

    def write_and_maybe_stop(*args):
        global written
        outcome = original(*args)
        written += 1
        if written == kill_at:
            print("KILL ME", flush=True)
            time.sleep(60)
        return outcome

    if kill_at:
        ingest_module._write_article = write_and_maybe_stop
    pipeline = Pipeline(stages=(Stage("annotate", "__main__:annotate"),), raise_errors=False)
    summary = Store(db).ingest([src], pipeline=pipeline, batch_size=batch)
    print(summary.new, summary.duplicate, len(summary.skipped), flush=True)
""")


def _corpus(tmp_path: Path) -> Path:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        lines = [line.rstrip("\n") for line in islice(fh, N_ARTICLES)]
    # a bad line and a duplicate under another id, so skips and aliases are compared too
    dup = json.loads(lines[5])
    dup["id"] = "copy-of-" + dup["id"]
    lines.insert(10, '{"id": "broken"')
    lines.insert(200, json.dumps(dup, ensure_ascii=False))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(script: Path, db: Path, src: Path, kill_at: int = 0) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(src), str(kill_at), str(BATCH)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    if kill_at:
        line = proc.stdout.readline()
        assert line.strip() == "KILL ME", proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        return ""
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out.strip()


def _dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows without write timestamps, plus what the search index returns."""
    con = sqlite3.connect(db)
    out: dict[str, list[tuple]] = {}
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'migrations'")]
    for t in tables:
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')
                if r[1] not in ("ingested_at", "at", "pk")]
        out[t] = sorted(con.execute(f'SELECT {", ".join(cols)} FROM "{t}"').fetchall(), key=repr)
    for word in ("campuchia", "ha noi", "dang"):
        out[f"fts:{word}"] = sorted(con.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ?", (f'"{word}"',)).fetchall())
    con.close()
    return out


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared corpus not available")
def test_sigkill_mid_batch_then_rerun_equals_an_uninterrupted_run(tmp_path):
    src = _corpus(tmp_path)
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")

    whole = tmp_path / "whole.db"
    new, dup, skipped = map(int, _run(script, whole, src).split())
    assert (dup, skipped) == (1, 1) and new >= N_ARTICLES - 5  # a few corpus articles may be empty

    killed = tmp_path / "killed.db"
    _run(script, killed, src, kill_at=KILL_AT)
    con = sqlite3.connect(killed)
    # exactly the committed batches survive: nothing of the batch that was being written
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2 * BATCH
    con.close()

    new2, dup2, skipped2 = map(int, _run(script, killed, src).split())
    assert new2 == new - 2 * BATCH
    assert dup2 == 2 * BATCH + 1
    reference, resumed = _dump(whole), _dump(killed)
    assert reference["articles"] and reference["entities"] and reference["events"]
    assert reference["aliases"] and reference["skipped"] and reference["fts:campuchia"]
    assert resumed == reference
