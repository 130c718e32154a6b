"""Readers, cleaner and splitter never crash, whatever the bytes; offsets stay valid."""

import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sukien.model import Article
from sukien.reading import Skipped, article_from_text
from sukien.reading.core import read_jsonl, read_stdin
from sukien.reading.decode import decode_bytes
from sukien.text.sentences import split_sentences_stage

PIECES = ["Ảnh: ", "(Ảnh: TTXVN)", "(Nguồn: TTXVN)", "Có thể bạn quan tâm", "Xem thêm", ">>", "./.", " date 2025-11-21 ",
          "22:00 25/06/2024", "\n", "\n\n", "Co loi xay ra", "TP.HCM", "v.v.", "“", "”", "Tô Lâm", "hội kiến ",
          "Nhan Sáng/TTXVN ", "[Tin liên quan: Hai nước hợp tác]", "Theo VOV", "Minh Anh", ". ", "…", "hoà", "\u0301",
          "Đ", "\t", "\u00a0", "\ufeff", "-", "•"]
texty = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)


def _check(art: Article) -> None:
    split_sentences_stage(art)
    n = len(art.text_clean)
    prev = 0
    for s in art.sentences:
        assert prev <= s.start < s.end <= n
        prev = s.end
    for c in art.captions:
        assert 0 <= c.start <= c.end <= n


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty, st.one_of(st.none(), texty))
def test_article_from_text_never_crashes(text, title):
    try:
        art = article_from_text(text, id="fuzz", title=title)
    except Exception as exc:  # only the named mojibake error is allowed
        assert type(exc).__name__ == "EncodingError", exc
        return
    _check(art)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_readers_never_crash_on_bytes(data):
    for out in read_stdin(io.BytesIO(data)):  # sniffs txt / html / jsonl, reports errors as Skipped
        assert isinstance(out, (Article, Skipped))
        if isinstance(out, Article):
            _check(out)
    try:
        decode_bytes(data, "fuzz.bin")
    except Exception as exc:
        assert type(exc).__name__ in {"EmptyInput", "BinaryInput", "EncodingError", "TooLarge"}, exc
    for rec in read_jsonl(io.BytesIO(data), path="fuzz.jsonl", stem="fuzz"):
        assert isinstance(rec, (Article, Skipped))
    for rec in read_jsonl(io.BytesIO(gzip.compress(data)[: max(1, len(data) // 2)]), path="f.gz", stem="f"):
        assert isinstance(rec, (Article, Skipped))
