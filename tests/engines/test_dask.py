import json
from itertools import islice
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from sukien.engines import dask as dask_engine  # noqa: E402
from sukien.engines.local import extract_to_parquet, map_articles  # noqa: E402
from sukien.export.parquet import read_articles  # noqa: E402
from sukien.model import Article  # noqa: E402
from sukien.reading import read  # noqa: E402

TRENDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "news" / "trends2024.jsonl.gz"
N = 500


def _first_articles(n: int) -> list[Article]:
    return list(islice((a for a in read(TRENDS) if isinstance(a, Article)), n))


def _records(articles) -> list[str]:
    return sorted(json.dumps(a.to_record(), ensure_ascii=False, sort_keys=True) for a in articles)


@pytest.mark.skipif(not TRENDS.exists(), reason="shared corpus not present")
def test_dask_engine_output_equals_the_local_engine_record_for_record(tmp_path):
    local = [a.to_record() for a in map_articles(_first_articles(N), workers=1)]
    summary = dask_engine.extract_to_parquet(_first_articles(N), tmp_path / "dask", workers=2,
                                             chunk_articles=100)
    assert summary["articles"] == N and summary["workers"] == 2 and summary["chunks"] == 5
    from_dask = [a.to_record() for a in read_articles(tmp_path / "dask")]
    assert len(from_dask) == N
    # record for record, per article id (dict equality: 5 == 5.0 for JSON numbers)
    by_id = {r["id"]: r for r in from_dask}
    assert len(by_id) == len({r["id"] for r in local})
    for rec in local:
        assert by_id[rec["id"]] == rec


def test_local_engine_parquet_equals_in_memory_extraction(tmp_path):
    examples = Path(__file__).resolve().parents[2] / "examples"
    arts = [a for a in read(examples) if isinstance(a, Article)]
    want = _records(map_articles(arts, workers=1))
    arts = [a for a in read(examples) if isinstance(a, Article)]
    summary = extract_to_parquet(arts, tmp_path / "pq", chunk_articles=2)
    assert summary["articles"] == len(arts) and summary["chunks"] == 3
    assert _records(read_articles(tmp_path / "pq")) == want


def test_missing_dask_is_a_clear_error(monkeypatch):
    import builtins

    from sukien.errors import MissingExtra

    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):
        if name == "distributed":
            raise ImportError("No module named 'distributed'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(MissingExtra, match="dask"):
        dask_engine.extract_to_parquet([], "unused")
