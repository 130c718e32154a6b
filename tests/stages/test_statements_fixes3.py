"""Statement fixes of quality phase 3, each on a sentence run through sukien.extract."""

from __future__ import annotations

import sukien


def _statements(text: str) -> list[tuple[str, list[str], list[str]]]:
    art = sukien.extract(text, published="2017-05-10", id="t")
    names = {e.id: e.name for e in art.entities}
    return [(st.kind, [names.get(s, s) for s in st.source], [names.get(t, t) for t in st.target])
            for st in art.statements]


def test_an_invitation_thanked_for_is_no_pledge_of_the_thanker():
    got = _statements("Tổng thống V.Putin cảm ơn Chủ tịch nước Trần Đại Quang đã mời ông thăm Việt Nam.")
    assert [k for k, _, _ in got] == ["SUPPORT"]


def test_a_pledge_after_thanks_in_a_new_clause_still_counts():
    got = _statements("Tổng thống V.Putin cảm ơn Chủ tịch nước Trần Đại Quang, khẳng định Nga sẽ hỗ trợ Việt Nam.")
    assert "PLEDGE" in [k for k, _, _ in got]


def test_tran_trong_before_a_conveyed_invitation_is_manner_not_praise():
    got = _statements("Thủ tướng Nguyễn Xuân Phúc trân trọng chuyển lời của Tổng Bí thư Nguyễn Phú Trọng "
                      "mời Tổng thống Donald Trump thăm Việt Nam.")
    assert "SUPPORT" not in [k for k, _, _ in got]
    assert "PLEDGE" in [k for k, _, _ in got]


def test_tran_trong_with_an_object_is_still_praise():
    got = _statements("Thủ tướng Nguyễn Xuân Phúc trân trọng những đóng góp của Tổng thống Donald Trump.")
    assert [k for k, _, _ in got] == ["SUPPORT"]
