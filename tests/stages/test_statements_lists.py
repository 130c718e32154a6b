"""Lists of what was agreed: items after "hai bên thống nhất cho rằng:" that only say "hai bên cần ..."
are implicit parts of the agreement, not requests; the list closes at a statement of its own."""

from __future__ import annotations

from _eventfixtures import make_article, run_all

MEETING = "Chiều 21/11, Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. "
AGREED = "Hai bên thống nhất cho rằng: quan hệ hai nước phát triển tốt đẹp. "


def _stmts(text: str):
    return run_all(make_article(MEETING + text, dates=[("Chiều 21/11", "2025-11-21", "afternoon")])).statements


def _of(stmts, fragment):
    return [s for s in stmts if fragment in s.evidence.text]


def test_hai_ben_can_after_an_agreement_list_is_an_implicit_item_of_it():
    stmts = _stmts(AGREED + "Thời gian tới, hai bên cần tiếp tục triển khai hiệu quả các thỏa thuận.")
    (item,) = _of(stmts, "Thời gian tới")
    assert item.kind == "AGREE" and item.implicit
    assert set(item.source) == {"tl", "lee"}


def test_without_the_colon_hai_ben_can_stays_a_proposal():
    stmts = _stmts("Hai bên thống nhất quan hệ hai nước phát triển tốt đẹp. "
                   "Thời gian tới, hai bên cần tiếp tục triển khai hiệu quả các thỏa thuận.")
    (item,) = _of(stmts, "Thời gian tới")
    assert item.kind == "PROPOSE" and not item.implicit


def test_a_statement_of_its_own_closes_the_list():
    stmts = _stmts(AGREED + "Tổng Bí thư Tô Lâm đề nghị Hàn Quốc hỗ trợ doanh nghiệp Việt Nam. "
                   "Thời gian tới, hai bên cần tiếp tục triển khai hiệu quả các thỏa thuận.")
    (item,) = _of(stmts, "Thời gian tới")
    assert item.kind == "PROPOSE"


def test_sending_condolences_or_congratulations_is_support_though_lời_makes_a_noun():
    stmts = _stmts("Tổng thống Lee Jae Myung một lần nữa gửi lời chia buồn sâu sắc tới Tổng Bí thư Tô Lâm. "
                   "Tổng Bí thư Tô Lâm gửi lời chúc mừng Tổng thống Lee Jae Myung.")
    assert [(s.kind, s.source) for s in stmts] == [("SUPPORT", ["lee"]), ("SUPPORT", ["tl"])]


def test_an_agreement_on_a_day_decades_ago_is_history_not_a_statement():
    art = run_all(make_article(
        "Ngày 5/9/1962, Việt Nam và Hàn Quốc đã nhất trí thiết lập quan hệ ngoại giao. "
        "Kể từ năm 1992, hai bên nhất trí tăng cường hợp tác.",
        dates=[("Ngày 5/9/1962", "1962-09-05", None), ("năm 1992", "1992", None)], published="2025-11-21"))
    assert [s.evidence.text[:8] for s in art.statements] == ["Kể từ nă"]  # a year alone is background


def test_nhieu_before_a_trigger_makes_it_a_noun():
    stmts = _stmts("Hai nước là thành viên Hiệp định với nhiều cam kết ưu đãi. "
                   "Tổng Bí thư Tô Lâm cam kết tạo điều kiện cho doanh nghiệp Hàn Quốc.")
    assert [(s.kind, s.source) for s in stmts] == [("PLEDGE", ["tl"])]


def test_an_agreement_reported_by_one_leader_is_both_sides():
    stmts = _stmts("Tổng Bí thư Tô Lâm cho biết, hai bên đã nhất trí tăng cường hợp tác kinh tế.")
    (agree,) = [s for s in stmts if s.kind == "AGREE"]
    assert set(agree.source) == {"tl", "lee"}


def test_trao_doi_song_phuong_is_trade_not_a_verb_of_saying():
    stmts = _stmts("Trao đổi song phương đã phát triển mạnh mẽ khi hai nước có nhiều cam kết ưu đãi.")
    assert not stmts


def test_the_two_sides_continue_a_proposal_though_a_noun_of_saying_stands_far_in_the_item():
    stmts = _stmts("Tổng Bí thư Tô Lâm đề nghị Hàn Quốc tăng cường đầu tư vào Việt Nam. "
                   "Hai bên đẩy mạnh hợp tác trong các lĩnh vực nông nghiệp, môi trường, khoa học công nghệ, "
                   "trong đó có vấn đề thông tin về hệ thống quan trắc.")
    (item,) = _of(stmts, "Hai bên đẩy mạnh")
    assert item.implicit and item.kind == "PROPOSE" and item.source == ["tl"]
    stmts = _stmts("Tổng Bí thư Tô Lâm đề nghị Hàn Quốc tăng cường đầu tư vào Việt Nam. "
                   "Hai bên thông báo cho nhau tình hình mỗi nước.")
    assert not _of(stmts, "Hai bên thông báo")


def test_an_item_of_cooperation_after_a_joint_statement_continues_it():
    art = run_all(make_article(
        "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
        "Hai nhà lãnh đạo bày tỏ hài lòng về những bước tiến của quan hệ song phương. "
        "Trao đổi và tiếp xúc cấp cao được duy trì thực chất. "
        "Năm 2024, kim ngạch đạt 80 tỷ USD."))
    implicit = [s for s in art.statements if s.implicit]
    assert [s.evidence.text[:8] for s in implicit] == ["Trao đổi"]
    assert set(implicit[0].source) == {"tl", "woo"}
