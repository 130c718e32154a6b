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
