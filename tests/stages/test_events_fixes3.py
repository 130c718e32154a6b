"""Event fixes of quality phase 3, each on a sentence or two run through sukien.extract."""

from __future__ import annotations

import sukien


def _kinds(text: str) -> list[tuple[str, str]]:
    art = sukien.extract(text, published="2017-05-10", id="t")
    return [(ev.kind, ev.status) for ev in art.events]


def test_an_invitation_to_a_name_with_an_initial_is_no_visit():
    # the dot of "V.Putin" used to end the clause, so the invitation guard did not see "mời"
    text = ("Chủ tịch nước Trần Đại Quang trân trọng mời Tổng thống V.Putin thăm chính thức Việt Nam "
            "và dự Hội nghị cấp cao APEC tại Việt Nam.")
    assert ("VISIT", "occurred") not in _kinds(text)


def test_a_full_stop_still_ends_the_invitation():
    text = ("Thủ tướng Nguyễn Xuân Phúc đã mời Tổng thống Joko Widodo. Tổng thống Joko Widodo đã thăm "
            "chính thức Việt Nam từ ngày 5 đến 7/5.")
    assert "VISIT" in {k for k, _ in _kinds(text)}
