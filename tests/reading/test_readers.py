import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from sukien.errors import BinaryInput, EmptyInput, EncodingError, MalformedRecord, TooLarge
from sukien.model import Article
from sukien.reading import Skipped, article_from_text, read
from sukien.reading import core as reading_core

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "reading"


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_txt_with_glued_date_prefix():
    art = only(read(FIX / "date_prefix.txt"))
    assert isinstance(art, Article)
    assert art.id == "date_prefix"
    assert art.published == "2025-11-21"
    assert art.title is None  # the first line is body text
    assert art.text_clean.startswith("Chiều 21/11, tại Hà Nội")
    assert "date 2025" not in art.text_clean
    assert "Ảnh: TTXVN" not in art.text_clean
    assert art.meta["captions"] == ["Tổng Bí thư Tô Lâm và Chủ tịch Quốc hội Hàn Quốc Woo Won Shik (Ảnh: TTXVN)."]
    cap = only(art.captions)
    assert (cap.label, cap.stage, cap.start == cap.end) == ("CAPTION", "clean", True)


def test_txt_with_title_and_timestamp_line():
    art = only(read(FIX / "timestamp.txt"))
    assert art.title == "Phát triển quan hệ hợp tác Quốc hội Việt Nam và Hàn Quốc"
    assert art.published == "2024-06-25T22:00"
    assert "22:00" not in art.text_clean
    # the headline stays once, at the top; its repeat (image alt text) is gone
    assert art.text_clean.count(art.title) == 1 and art.text_clean.startswith(art.title)
    assert art.text_clean.endswith("đã tiếp Đại sứ Hàn Quốc tại Việt Nam.")
    for junk in ("Có thể bạn quan tâm", "Mưa lớn", "Co loi xay ra", "Sản phẩm X", "Nguồn: TTXVN"):
        assert junk not in art.text_clean


def test_html_page_main_text_title_and_date():
    art = only(read(FIX / "page.html"))
    assert art.id == "page"
    assert art.title == "Việt Nam và Hàn Quốc thúc đẩy hợp tác thương mại"
    assert art.published == "2024-06-25T22:00"
    assert "Choi Young Sam" in art.text_clean and "150 tỷ USD" in art.text_clean
    for junk in ("SCRIPT_SHOULD_NOT_LEAK", "font-family", "Trang chủ", "Đăng nhập", "Tin đọc nhiều",
                 "Giá vàng", "Có thể bạn quan tâm", "Xử phạt", "© 2025", "Ảnh: TTXVN"):
        assert junk not in art.text_clean, junk


def _jsonl_lines():
    good = {"id": "a1", "title": "Hai nước ký kết thỏa thuận hợp tác",
            "text": "Hai nước ký kết thỏa thuận hợp tác\n\nNgày 5/6, hai bên đã ký kết thỏa thuận về hợp tác "
                    "kinh tế và thương mại.",
            "published": "2024-06-05T08:00:00+07:00", "url": "https://example.vn/a1", "outlet": "example.vn",
            "story": "s1", "category": "the-gioi"}
    second = {"id": "a2", "text": "Thủ tướng tiếp Đại sứ Nhật Bản. Hai bên trao đổi về hợp tác.", "source": "vov.vn",
              "date": "2024-06-06"}
    return [json.dumps(good, ensure_ascii=False), '{"id": "broken", "text": ', json.dumps({"id": "a3", "title": "x"}),
            "", json.dumps([1, 2]), json.dumps(second, ensure_ascii=False)]


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_reading_goes_on(tmp_path):
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(_jsonl_lines()) + "\n", encoding="utf-8")
    out = list(read(src))
    arts = [o for o in out if isinstance(o, Article)]
    skips = [o for o in out if isinstance(o, Skipped)]
    assert [a.id for a in arts] == ["a1", "a2"]
    assert [(s.line, s.code) for s in skips] == [(2, MalformedRecord.code), (3, EmptyInput.code),
                                                  (5, MalformedRecord.code)]
    assert all(s.path == str(src) for s in skips) and "malformed JSON" in skips[0].reason
    a1, a2 = arts
    assert a1.title == "Hai nước ký kết thỏa thuận hợp tác" and a1.published == "2024-06-05T08:00:00+07:00"
    assert (a1.url, a1.outlet, a1.meta["story"], a1.meta["category"]) == (
        "https://example.vn/a1", "example.vn", "s1", "the-gioi")
    assert a1.text_clean.count("Hai nước ký kết thỏa thuận hợp tác") == 1
    assert a1.source_path == f"{src}:1"
    assert (a2.outlet, a2.published) == ("vov.vn", "2024-06-06")


def test_jsonl_gz_directory_and_glob(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    with gzip.open(d / "sub" / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(_jsonl_lines()) + "\n")
    (d / "a.txt").write_bytes((FIX / "date_prefix.txt").read_bytes())
    (d / "c.txt.gz").write_bytes(gzip.compress((FIX / "timestamp.txt").read_bytes()))
    (d / "notes.md").write_text("ignored in directories", encoding="utf-8")
    (d / ".hidden.txt").write_text("hidden files are ignored", encoding="utf-8")
    ids = [o.id for o in read(d) if isinstance(o, Article)]
    assert ids == ["a", "c", "a1", "a2"]  # sorted paths: a.txt, c.txt.gz, sub/b.jsonl.gz
    assert [o.id for o in read(str(d / "*.txt*")) if isinstance(o, Article)] == ["a", "c"]
    missing = only(read(str(tmp_path / "nothing*.txt")))
    assert isinstance(missing, Skipped) and "no file matches" in missing.reason
    # the same file twice is read twice: deduplication is the store's job
    assert [o.id for o in read([d / "a.txt", d / "a.txt"])] == ["a", "a"]


def test_stdin(monkeypatch):
    data = (FIX / "date_prefix.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    art = only(read("-"))
    assert art.id == "stdin" and art.published == "2025-11-21"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(_jsonl_lines()).encode()),
                                                       encoding="utf-8"))
    out = list(read("-"))
    assert [o.id for o in out if isinstance(o, Article)] == ["a1", "a2"]
    assert [o.line for o in out if isinstance(o, Skipped)] == [2, 3, 5]


@pytest.mark.parametrize("name", ["cp1258.txt", "vni.txt", "tcvn3.txt"])
def test_legacy_encodings_are_converted(name):
    expected = (FIX / "legacy_expected.txt").read_text(encoding="utf-8").strip()
    art = only(read(FIX / name))
    assert isinstance(art, Article), art
    assert art.text_clean == expected
    assert art.meta["encoding"] == name.removesuffix(".txt")


def test_legacy_text_pasted_as_unicode_is_repaired():
    # VNI and TCVN3 bytes shown in a Windows-1252 font, then saved as UTF-8 (known samples).
    vni = "Xin chaøo caùc baïn. Hoâm nay Vieät Nam vaø Haøn Quoác kyù keát hieäp ñònh hôïp taùc."
    assert article_from_text(vni, id="v").text_clean == (
        "Xin chào các bạn. Hôm nay Việt Nam và Hàn Quốc ký kết hiệp định hợp tác.")
    tcvn3 = "B¸t X¸t vµ B¶o Th¾ng lµ c¸c huyÖn cña tØnh Lµo Cai, ViÖt Nam."
    assert article_from_text(tcvn3, id="t").text_clean == (
        "Bát Xát và Bảo Thắng là các huyện của tỉnh Lào Cai, Việt Nam.")
    double = "Việt Nam và Hàn Quốc ký kết các thỏa thuận hợp tác.".encode().decode("cp1252", errors="replace")
    fixed = article_from_text(double.replace("\ufffd", "\u0090"), id="d").text_clean
    assert "Việt Nam và Hàn Quốc" in fixed


def test_bad_files_become_skipped_with_reasons(tmp_path, monkeypatch):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 9)) * 100 + b"abc")
    (tmp_path / "latin.txt").write_bytes("Ça va très bien, merci à vous, señor. Über ängstlich.".encode("cp1252") * 5)
    (tmp_path / "only_junk.txt").write_text("Có thể bạn quan tâm\nCo loi xay ra\n", encoding="utf-8")
    (tmp_path / "bad.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "Hai b\xc3\xaan h\xe1\xbb\x99i \n')[:-12])
    out = {Path(s.path).name: s for s in read(sorted(tmp_path.iterdir())) if isinstance(s, Skipped)}
    assert out["empty.txt"].code == EmptyInput.code
    assert out["blank.txt"].code == EmptyInput.code
    assert out["binary.txt"].code == BinaryInput.code
    assert out["noise.txt"].code == BinaryInput.code
    assert out["latin.txt"].code == EncodingError.code and "latin.txt" in out["latin.txt"].path
    assert out["only_junk.txt"].code == EmptyInput.code
    assert "bad.jsonl.gz" in out
    assert only(read(tmp_path / "missing.txt")).reason == "no such file or directory"
    monkeypatch.setattr(reading_core, "MAX_INPUT_BYTES", 100)
    (tmp_path / "big.txt").write_text("Hai bên nhất trí. " * 20, encoding="utf-8")
    assert only(read(tmp_path / "big.txt")).code == TooLarge.code


def test_explicit_title_and_published_win_over_the_header():
    art = article_from_text(" date 2025-11-21 Chiều 21/11, hai bên hội đàm.", id="x",
                            published="2025-11-22", title="Tiêu đề")
    assert (art.published, art.title) == ("2025-11-22", "Tiêu đề")
    assert art.text_clean == "Chiều 21/11, hai bên hội đàm."
