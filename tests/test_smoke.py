from pathlib import Path

import sukien

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_extract_returns_the_spec_record_shape():
    text = (EXAMPLES / "000_4299fdeffb5ad11e.txt").read_text(encoding="utf-8")
    rec = sukien.extract(text, id="000").to_record()
    for key in ("id", "title", "published", "outlet", "url", "text_clean", "entities", "events",
                "statements", "documents", "quantities", "relations"):
        assert key in rec
    assert rec["text_clean"]


def test_extract_stays_the_function_after_stage_modules_are_imported():
    import sukien.stages.actors  # noqa: F401  # would rebind sukien.extract to the package

    assert callable(sukien.extract)
    assert sukien.extract("Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Thủ tướng Nhật Bản.").text_clean
