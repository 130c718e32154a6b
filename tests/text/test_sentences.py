from hypothesis import given, settings
from hypothesis import strategies as st

from sukien.model import Article, Span
from sukien.text.sentences import split_sentences, split_sentences_stage


def sents(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_dotted_names_do_not_split():
    text = ("Tại TP.HCM và Tp. Hồ Chí Minh, TS. Nguyễn Văn An, ThS. Lê Bình và GS.TS Trần Cường "
            "cùng PGS.TS. Hoàng Dũng phát biểu. Tổng thống V. Putin cũng dự.")
    assert sents(text) == [
        "Tại TP.HCM và Tp. Hồ Chí Minh, TS. Nguyễn Văn An, ThS. Lê Bình và GS.TS Trần Cường "
        "cùng PGS.TS. Hoàng Dũng phát biểu.",
        "Tổng thống V. Putin cũng dự.",
    ]


def test_numbers_and_dates_do_not_split():
    text = "Kim ngạch đạt 1.000 tỷ USD, tăng 10.3% từ 25/6 đến 13-8. Chiều 10.3, hai bên ký kết."
    assert sents(text) == ["Kim ngạch đạt 1.000 tỷ USD, tăng 10.3% từ 25/6 đến 13-8.",
                           "Chiều 10.3, hai bên ký kết."]


def test_vv_ellipsis_and_quotes():
    text = ('Hợp tác kinh tế, văn hóa, v.v. đều tăng. Các nước ASEAN, v.v. Hai bên nhất trí... '
            'Ông nói: “Chúng tôi sẽ hợp tác.” Sau đó ông hỏi: "Tại sao?" rồi im lặng… Cuối cùng xong.')
    assert sents(text) == [
        "Hợp tác kinh tế, văn hóa, v.v. đều tăng.",
        "Các nước ASEAN, v.v.",
        "Hai bên nhất trí...",
        "Ông nói: “Chúng tôi sẽ hợp tác.”",  # the closing quote stays with its sentence
        'Sau đó ông hỏi: "Tại sao?" rồi im lặng…',
        "Cuối cùng xong.",
    ]


def test_newlines_and_bullets():
    text = "Nội dung hợp tác\n- Kinh tế\n- Văn hóa. Giáo dục.\n• Y tế\nGồm: - An ninh; - Quốc phòng."
    assert sents(text) == ["Nội dung hợp tác", "- Kinh tế", "- Văn hóa.", "Giáo dục.", "• Y tế",
                           "Gồm:", "- An ninh;", "- Quốc phòng."]


def test_glued_sentences_and_wire_end_mark():
    assert sents("Ông thăm Trung Quốc.Trong khuôn khổ chuyến thăm, hai bên ký kết./. Hết") == [
        "Ông thăm Trung Quốc.", "Trong khuôn khổ chuyến thăm, hai bên ký kết./.", "Hết"]


def test_offsets_are_trimmed():
    text = "  Câu một.   Câu hai.  \n\n  Câu ba  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Câu một.", "Câu hai.", "Câu ba"]


def test_stage_labels_and_skips_caption_spans():
    text = "Câu thân bài. Chú thích ảnh nằm trong văn bản.\nCâu cuối."
    cap_start = text.index("Chú thích")
    art = Article(id="x", text_clean=text,
                  captions=[Span(cap_start, text.index("\n"), "CAPTION", "clean")])
    split_sentences_stage(art)
    assert [s.text(art) for s in art.sentences] == ["Câu thân bài.", "Câu cuối."]
    assert {(s.label, s.stage) for s in art.sentences} == {("SENT", "sentences")}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAđĐ ộỆ.!?…\"“”'()[]•-–;:\n\t 0123456789/")), max_size=200))
def test_offsets_valid_ordered_and_disjoint(text):
    spans = split_sentences(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        prev = e


def test_long_punctuation_runs_stay_linear():
    # dot leaders and "!!!!" runs once made the boundary regex backtrack quadratically
    text = "Mục lục" + "." * 20000 + "5 và " + "!" * 20000 + " " * 5000 + "hết"
    assert split_sentences(text) == [(0, len(text))]


def test_list_markers_start_items():
    text = "Hai bên nhất trí. 1. Hợp tác kinh tế. 2. Hợp tác văn hóa. II. Kết luận. Năm 2024. Hai bên ký."
    assert sents(text) == ["Hai bên nhất trí.", "1. Hợp tác kinh tế.", "2. Hợp tác văn hóa.", "II. Kết luận.",
                           "Năm 2024.", "Hai bên ký."]
