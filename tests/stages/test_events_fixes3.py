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


def test_a_meeting_told_in_the_past_stays_held_beside_a_later_clause_in_the_future():
    # announced first, then told with "đã"; the "sẽ" of the next clause is what the sides pledged
    text = ("Theo kế hoạch, Thủ tướng Nguyễn Xuân Phúc sẽ hội đàm với Thủ tướng Nhật Bản Shinzo Abe. "
            "Chiều 5/5, Thủ tướng Nguyễn Xuân Phúc đã hội đàm với Thủ tướng Nhật Bản Shinzo Abe, "
            "hai bên khẳng định sẽ tăng cường hợp tác.")
    assert ("MEET", "occurred") in _kinds(text)


def test_a_meeting_only_announced_stays_planned():
    text = ("Theo kế hoạch, Thủ tướng Nguyễn Xuân Phúc sẽ hội đàm với Thủ tướng Nhật Bản Shinzo Abe. "
            "Trong khuôn khổ chuyến thăm, Thủ tướng Nguyễn Xuân Phúc sẽ hội đàm với Thủ tướng Nhật Bản "
            "Shinzo Abe, gặp gỡ doanh nghiệp.")
    assert ("MEET", "occurred") not in _kinds(text)


def _met(text: str) -> list[set[str]]:
    art = sukien.extract(text, published="2017-05-20", id="t")
    names = {e.id: e.name for e in art.entities}
    return [{names.get(p, p) for p in ev.participants} for ev in art.events if ev.kind == "MEET"]


def test_meetings_with_a_listed_a_b_and_c_are_three_meetings():
    met = _met("Chiều 15/5, Chủ tịch nước Trần Đại Quang đã có các cuộc gặp với Tổng thống Nga Vladimir Putin, "
               "Tổng thống Chile Michelle Bachelet và Thủ tướng Italy Paolo Gentiloni.")
    assert len(met) == 3 and all("Trần Đại Quang" in m for m in met)


def test_a_person_after_a_comma_without_a_closing_va_item_is_no_party_met():
    met = _met("Chủ tịch nước Trần Đại Quang đã gặp Tổng thống Nga Vladimir Putin, Tổng thống Chile "
               "Michelle Bachelet cho biết sẽ thăm Việt Nam.")
    assert len(met) == 1
