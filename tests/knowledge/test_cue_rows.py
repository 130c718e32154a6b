"""Rows of triggers.tsv added from the blind hand checks of the 388 diplomatic articles: each new cue
makes its statement, each new blocker hides the shorter cue it holds. Short hand-written sentences in
the style of the news they were found in, run through the whole pipeline."""

from __future__ import annotations

import pytest

import sukien

MEETING = ("Chiều 29/6, Chủ tịch nước Trần Đại Quang hội đàm với Tổng thống Nga Vladimir Putin tại Điện Kremlin. ")


def _statements(text: str) -> list[tuple[str, list[str], str]]:
    """(kind, source names, evidence) of every statement of the article ``text``."""
    article = sukien.extract(text, published="2017-06-30")
    names = {e.id: e.name for e in article.entities}
    return [(s.kind, [names.get(x, x) for x in s.source], article.text_clean[s.evidence.start:s.evidence.end])
            for s in article.statements]


def _kinds_of(text: str, words: str) -> set[str]:
    """Kinds of the statements whose evidence holds ``words``."""
    return {kind for kind, _, evidence in _statements(text) if words in evidence}


@pytest.mark.parametrize(("sentence", "kind"), [
    # "khẳng định" alone is a speech verb; with "tiếp tục" it commits to going on
    ("Nga khẳng định tiếp tục hợp tác chặt chẽ với Việt Nam trong lĩnh vực năng lượng.", "PLEDGE"),
    # the verb "thỏa thuận" (a bare "thỏa thuận" is mostly the noun, a document)
    ("Hai bên thỏa thuận tiếp tục phối hợp lập trường tại các diễn đàn đa phương.", "AGREE"),
    ("Chủ tịch nước bày tỏ xúc động trước những tình cảm Tổng thống Putin dành cho nhân dân Việt Nam.", "SUPPORT"),
    ("Hai nhà lãnh đạo nhấn mạnh sự cần thiết tìm những động lực tăng trưởng mới cho thương mại.", "PROPOSE"),
    ("Hai bên khẳng định sự cần thiết phải xây dựng các quy tắc ứng xử trong không gian mạng.", "PROPOSE"),
    ("Hai nhà lãnh đạo thúc giục các bên liên quan kiềm chế, không có hành động đơn phương.", "PROPOSE"),
    ("Tổng thống Putin ca ngợi tình hữu nghị gắn bó giữa nhân dân hai nước.", "SUPPORT"),
])
def test_new_cue_makes_its_statement(sentence, kind):
    assert kind in _kinds_of(MEETING + sentence, sentence[:30])


def test_pledge_source_is_the_side_that_commits():
    found = [(k, src) for k, src, ev in _statements(MEETING + "Nga khẳng định tiếp tục hợp tác chặt chẽ với Việt "
                                                    "Nam để Năm APEC thành công.") if "Nga khẳng định" in ev]
    assert ("PLEDGE", ["RUS"]) in found


@pytest.mark.parametrize(("sentence", "words"), [
    ("TTXVN trân trọng giới thiệu toàn văn Tuyên bố chung giữa hai nước.", "trân trọng giới thiệu"),
    ("Ông Trump nói: đừng đánh giá thấp quyết tâm của Mỹ.", "đánh giá thấp"),
    ("Mời bạn đọc xem video về chuyến thăm.", "Mời bạn đọc"),
    ("Mời quý độc giả cùng điểm lại các hoạt động của Chủ tịch nước.", "Mời quý độc giả"),
    ("Ban Quản lý dự án Cảng (bên mời thầu) vừa thông báo kết quả lựa chọn nhà thầu.", "mời thầu"),
    ("Hai bên cũng nhấn mạnh nhiệm vụ ưu tiên hiện nay của các bộ, ngành hai nước là thực thi Hiệp định.",
     "nhiệm vụ ưu tiên"),
    ("Bà con kiều bào vui mừng chào đón Chủ tịch nước tại sân bay.", "Bà con"),
    ("Ông đánh giá thế nào về kết quả chuyến thăm Nga của Chủ tịch nước?", "đánh giá thế nào"),
    ("Hai bên đã đánh giá tổng thể quan hệ song phương thời gian qua.", "đánh giá tổng thể"),
    ("Ngân hàng Nhà nước Việt Nam giảm 0,5%/năm lãi suất cho vay ngắn hạn.", "lãi suất cho vay"),
    ("Hai nhà lãnh đạo sẽ thảo luận những vấn đề hợp tác song phương và khu vực.", "sẽ thảo luận"),
    ("Các nhà tài trợ khác cũng bắt đầu cắt giảm khoản vay ưu đãi cho Việt Nam.", "nhà tài trợ"),
    ("Bộ Quốc phòng Đức từ chối bình luận về thông tin nói trên.", "từ chối bình luận"),
    ("Ông Putin từ chối tiết lộ thêm chi tiết.", "từ chối tiết lộ"),
    ("Ông Mueller đang điều tra cáo buộc Nga can thiệp vào cuộc bầu cử Tổng thống Mỹ.", "điều tra cáo buộc"),
])
def test_blocker_row_hides_the_shorter_cue(sentence, words):
    assert _kinds_of(MEETING + sentence, words) == set()


def test_heads_of_both_states_speak_for_the_occasion():
    found = [(k, sorted(src)) for k, src, ev in _statements(MEETING + "Nguyên thủ hai nước bày tỏ hài lòng về mức độ "
                                                            "phối hợp trong khuôn khổ Liên hợp quốc.") if "Nguyên thủ" in ev]
    assert ("SUPPORT", ["Trần Đại Quang", "Vladimir Putin"]) in found


def test_sending_an_invitation_is_a_pledge_not_praise():
    kinds = _kinds_of(MEETING + "Chủ tịch nước trân trọng gửi lời mời tới Tổng thống Putin sớm sang thăm Việt Nam.",
                      "gửi lời mời")
    assert kinds == {"PLEDGE"}


def test_planned_attendance_marks_the_meeting_after_it_as_planned():
    article = sukien.extract("Ngày 24/5, Tổng thống Mỹ Donald Trump tới Brussels. Sáng 25/5, ông Trump sẽ tham dự hội nghị "
                             "thượng đỉnh EU, gặp Chủ tịch Ủy ban châu Âu Jean-Claude Juncker.", published="2017-05-24")
    names = {e.id: e.name for e in article.entities}
    meets = [e for e in article.events if e.kind == "MEET" and "Jean-Claude Juncker" in [names.get(p) for p in e.participants]]
    assert meets and all(e.status == "planned" for e in meets)
    assert not [s for s in article.statements if s.kind == "PLEDGE"]


def test_cho_hay_is_a_speech_verb_whose_speaker_is_the_source():
    found = [(k, src) for k, src, ev in _statements(MEETING + "Tổng thống Putin cho hay, Nga sẽ tăng cường mở cửa thị "
                                                    "trường cho nông sản Việt Nam.") if "cho hay" in ev]
    assert ("PLEDGE", ["Vladimir Putin"]) in found
