import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from sukien.evaluation.bench import measure_baseline, measure_floor, stream_memory
from sukien.interfaces.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_bench_json_on_the_bundled_sample_reports_every_figure():
    result = CliRunner().invoke(app, ["bench", "--json", "--corpus", str(EXAMPLES), "--baseline-sample", "0"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == len(list(EXAMPLES.glob("*.txt")))
    for key in ("ours", "floor", "baseline", "stages", "ratios", "peak_rss_mb"):
        assert key in report
    names = [s["name"] for s in report["stages"]]
    assert names[0] == "read" and "sentences" in names and "events" in names
    assert report["ours"]["articles_per_s"] > 0 and report["floor"]["articles_per_s"] > 0
    assert report["ratios"]["ours_over_floor"] > 0
    assert "skipped" in report["baseline"] and report["ratios"]["ours_over_baseline"] is None


def test_baseline_is_measured_or_skipped_with_a_reason():
    # underthesea is an optional extra (``baseline``): measured when installed, else a reason
    result = measure_baseline(["Tổng Bí thư Tô Lâm hội kiến Tổng thống Hàn Quốc."])
    if isinstance(result, str):
        assert "underthesea" in result
    else:
        assert result.articles == 1 and result.cpu_s > 0


def test_floor_reads_jsonl_records_and_skips_bad_lines(tmp_path):
    f = tmp_path / "x.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "1", "text": "Câu một. Câu hai!"}) + "\n")
        fh.write("{not json\n\n")
        fh.write(json.dumps({"id": "2", "text": "Ba."}) + "\n")
    t = measure_floor([f], None)
    assert t.articles == 2
    assert t.nbytes == len("Câu một. Câu hai!".encode()) + len(b"Ba.")
    assert measure_floor([f], 1).articles == 1


def test_memory_probe_streams_in_a_fresh_process():
    (row,) = stream_memory([EXAMPLES], sizes=[3])
    assert row.get("articles") == 3, row
    assert row["peak_rss_mb"] > 0


def test_bench_on_nothing_is_a_clear_error(tmp_path):
    import pytest

    from sukien.errors import SukienError
    from sukien.evaluation.bench import run_bench

    with pytest.raises(SukienError, match="no input files"):
        run_bench([tmp_path / "missing"], baseline_sample=0)
