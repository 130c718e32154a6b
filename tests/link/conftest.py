from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
MDS = SHARED / "corpus" / "news" / "mds2013_dev.jsonl.gz"
GOLD = SHARED / "gold" / "seeds.json"


@pytest.fixture(scope="session")
def seed_articles():
    """The five seeds through the full pipeline (fresh copies per call: linking mutates)."""
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not available")
    from sukien.pipeline import Pipeline
    from sukien.reading import read

    pipeline = Pipeline(raise_errors=False)
    records = [pipeline(a) for a in read(SEEDS)]
    return records


@pytest.fixture(scope="session")
def gold():
    if not GOLD.is_file():
        pytest.skip("shared gold not available")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def mds_articles():
    if not MDS.is_file():
        pytest.skip("mds2013_dev not available")
    from sukien.reading import article_from_text

    rows = [json.loads(line) for line in gzip.open(MDS, "rt", encoding="utf-8")]
    arts = [article_from_text(r["text"], id=r["id"], title=r.get("title"), published=r.get("published"),
                              outlet=r.get("outlet")) for r in rows]
    return arts, {r["id"]: r["story"] for r in rows}
