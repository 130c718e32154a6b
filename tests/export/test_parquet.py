import pytest

pytest.importorskip("pyarrow")

from sukien.errors import SukienError  # noqa: E402
from sukien.export.parquet import (  # noqa: E402
    month_of,
    prepare_output,
    read_articles,
    read_skipped,
    schema,
    write_chunk,
)
from sukien.model import (  # noqa: E402
    Article,
)
from sukien.reading import Skipped  # noqa: E402


def test_round_trip_gives_equal_records(tmp_path, full_article):
    out = prepare_output(tmp_path / "pq")
    articles = [full_article("a1", "2024-06-03T08:00"), full_article("a2", None),
                Article(id="a3", text_clean="Ngắn.", published="2024-07-01")]
    articles[0].meta["_cache"] = object()  # a stage's private cache is not exported
    counts = write_chunk(out, 0, [*articles, Skipped("bad.jsonl", "malformed JSON", 7)])
    del articles[0].meta["_cache"]
    assert counts["articles"] == 3 and counts["events"] == 2 and counts["skipped"] == 1
    back = {a.id: a for a in read_articles(out)}
    assert set(back) == {"a1", "a2", "a3"}
    for a in articles:
        assert back[a.id].to_record() == a.to_record()
        assert back[a.id].errors == a.errors
        assert back[a.id].meta == a.meta
    assert [s.line for s in read_skipped(out)] == [7]
    # partitioned by publication month, Hive style
    months = sorted(p.name for p in (out / "articles").iterdir())
    assert months == ["month=2024-06", "month=2024-07", "month=unknown"]


def test_output_folder_is_not_mixed_with_an_earlier_run(tmp_path):
    out = prepare_output(tmp_path / "pq")
    write_chunk(out, 0, [Article(id="a", text_clean="x")])
    with pytest.raises(SukienError):
        prepare_output(out)
    prepare_output(out, overwrite=True)
    assert not (out / "articles").exists()


def test_columns_are_flat_with_json_for_lists():
    names = schema("events").names
    assert {"article_id", "ord", "kind", "evidence_start", "evidence_text", "participants_json",
            "location_json", "month"} <= set(names)
    assert "evidence" not in names


def test_month_of():
    assert month_of("2024-05-17T10:00") == "2024-05"
    assert month_of("--05-17") == "unknown"
    assert month_of(None) == "unknown"


def test_a_hive_aware_reader_sees_the_month_column(tmp_path, full_article):
    # What DuckDB (hive_partitioning=true) and Spark do: the folder names become a column.
    import pyarrow.dataset as ds

    out = prepare_output(tmp_path / "pq")
    write_chunk(out, 0, [full_article("a1", "2024-06-03"), full_article("a2", None)])
    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    assert sorted(zip(table["article_id"].to_pylist(), table["month"].to_pylist(), strict=True)) == [
        ("a1", "2024-06"), ("a2", "unknown")]
