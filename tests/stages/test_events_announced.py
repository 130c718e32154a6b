"""Announced events and sports: the day an announcement was made is not the announced trip's,
and national teams that "meet" in a match are no meeting of states."""

from __future__ import annotations

from _eventfixtures import make_article, run_events


def _kinds(art, kind):
    return [e for e in art.events if e.kind == kind]


def test_talks_announced_on_a_day_take_the_trip_days_not_the_announcement_day():
    art = run_events(make_article(
        "Ngày 6-11, Bộ Ngoại giao thông báo Chủ tịch nước Lương Cường sẽ thăm chính thức Chile từ ngày "
        "9 đến 12-11 và hội đàm với Tổng thống Lee Jae Myung.",
        dates=[("Ngày 6-11", "2025-11-06", None), ("từ ngày 9 đến 12-11", "2025-11-09/2025-11-12", None)]))
    (visit,) = _kinds(art, "VISIT")
    assert visit.date == "2025-11-09/2025-11-12" and visit.status == "planned"
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lc", "lee"}
    assert meet.date == "2025-11-09/2025-11-12" and meet.status == "planned"


def test_a_visit_announced_at_a_briefing_without_its_days_has_no_date():
    art = run_events(make_article(
        "Ngày 25-5, tại buổi họp báo thường kỳ, người phát ngôn Bộ Ngoại giao đã thông báo về chuyến thăm "
        "Hàn Quốc của Chủ tịch nước Lương Cường.",
        dates=[("Ngày 25-5", "2025-05-25", None)]))
    (visit,) = _kinds(art, "VISIT")
    assert visit.participants == ["lc", "KOR"]
    assert visit.date is None and visit.status == "planned"


def test_a_day_far_after_the_announcement_word_is_the_events_own():
    art = run_events(make_article(
        "Theo thông cáo trên, nguyên nhân của sự hiểu lầm là từ cuộc gặp giữa Chủ tịch nước Lương Cường "
        "và Tổng thống Lee Jae Myung vào chiều ngày 12/11 tại Hà Nội.",
        dates=[("chiều ngày 12/11", "2025-11-12", "afternoon")]))
    (meet,) = _kinds(art, "MEET")
    assert meet.date == "2025-11-12" and meet.status == "occurred"


def test_a_meeting_held_on_the_day_of_a_press_conference_keeps_its_day():
    art = run_events(make_article(
        "Chiều 20/11, tại cuộc họp báo chung, Tổng thống Lee Jae Myung cho biết ông đã hội đàm với "
        "Chủ tịch nước Lương Cường.",
        dates=[("Chiều 20/11", "2025-11-20", "afternoon")]))
    (meet,) = _kinds(art, "MEET")
    assert meet.date == "2025-11-20"


def test_a_planned_visit_takes_no_day_of_another_occasion():
    art = run_events(make_article(
        "Sáng 20/5, tại Hà Nội, Chủ tịch nước Lương Cường tiếp Tổng thống Lee Jae Myung. "
        "Dịp này, Chủ tịch nước Lương Cường cho biết ông sẽ thăm Hàn Quốc trong thời gian tới.",
        dates=[("Sáng 20/5", "2025-05-20", "morning")]))
    (meet,) = _kinds(art, "MEET")
    assert meet.date == "2025-05-20"
    visits = [v for v in _kinds(art, "VISIT") if v.participants == ["lc", "KOR"]]
    assert visits and visits[0].status == "planned" and visits[0].date is None


def test_national_teams_in_a_match_are_no_meeting():
    art = run_events(make_article(
        "Việt Nam gặp Hàn Quốc ở trận ra quân bảng D U23 châu Á.", dates=[]))
    assert _kinds(art, "MEET") == []


def test_countries_meeting_outside_sport_still_meet():
    art = run_events(make_article(
        "Việt Nam gặp Hàn Quốc tại cuộc tham vấn chính trị cấp thứ trưởng.", dates=[]))
    assert [set(m.participants) for m in _kinds(art, "MEET")] == [{"VNM", "KOR"}]


def test_leaders_meeting_in_a_sports_sentence_still_meet():
    art = run_events(make_article(
        "Bên lề trận chung kết, Chủ tịch nước Lương Cường gặp Tổng thống Lee Jae Myung.", dates=[]))
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lc", "lee"}


def test_countries_meeting_in_an_article_about_sport_are_teams():
    art = run_events(make_article(
        "HLV của đội tuyển cho biết các cầu thủ đã sẵn sàng cho vòng loại. Trận đấu diễn ra trên sân vận động "
        "quốc gia. Việt Nam từng ba lần gặp Hàn Quốc và chưa thắng lần nào.", dates=[]))
    assert _kinds(art, "MEET") == []


def test_countries_meeting_in_an_article_with_one_sports_word_still_meet():
    art = run_events(make_article(
        "Hai nước tổ chức giao hữu nhân dân tại Seoul. Việt Nam gặp Hàn Quốc tại cuộc tham vấn chính trị.",
        dates=[]))
    assert [set(m.participants) for m in _kinds(art, "MEET")] == [{"VNM", "KOR"}]


def test_a_fronted_reception_clause_names_the_host_last():
    art = run_events(make_article(
        "Ngày 7/2, tiếp Đại diện Tập đoàn Lotte tại Hà Nội, ông Woo Won-shik, Chủ tịch nước Lương Cường hoan "
        "nghênh Tập đoàn Lotte mở rộng đầu tư.",
        dates=[("Ngày 7/2", "2025-02-07", None)], orgs={"Tập đoàn Lotte": "lotte"}))
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lc", "woo"} and meet.host == "lc"


def test_a_fronted_list_of_the_hosts_own_side_is_no_meeting_of_them():
    art = run_events(make_article(
        "Tiếp đoàn, phía Việt Nam có Tổng Bí thư Tô Lâm, Chủ tịch nước Lương Cường cùng dự.", dates=[]))
    assert not any(set(m.participants) == {"tl", "lc"} for m in _kinds(art, "MEET"))


def test_the_return_day_of_a_trip_report_gives_undated_meetings_the_trip_days():
    art = run_events(make_article(
        "Sáng 12/7, Chủ tịch nước Lương Cường đã về đến Hà Nội, kết thúc chuyến thăm chính thức Hàn Quốc "
        "từ ngày 5-11/7. Chủ tịch nước Lương Cường đã hội đàm với Tổng thống Lee Jae Myung.",
        dates=[("Sáng 12/7", "2025-07-12", "morning"), ("từ ngày 5-11/7", "2025-07-05/2025-07-11", None)]))
    (visit,) = _kinds(art, "VISIT")
    assert visit.date == "2025-07-05/2025-07-11"
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lc", "lee"} and meet.date == "2025-07-05/2025-07-11"


def test_a_meeting_on_a_day_of_its_own_keeps_it_after_a_trip():
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường thăm chính thức Hàn Quốc từ ngày 5-11/7. "
        "Chiều 20/7, tại Hà Nội, Chủ tịch nước Lương Cường hội đàm với Tổng thống Lee Jae Myung.",
        dates=[("từ ngày 5-11/7", "2025-07-05/2025-07-11", None), ("Chiều 20/7", "2025-07-20", "afternoon")]))
    (meet,) = _kinds(art, "MEET")
    assert meet.date == "2025-07-20"


def test_the_body_in_a_persons_title_is_not_met_besides_him():
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường gặp Tổng Thư ký Liên hợp quốc (LHQ) Lee Jae Myung.",
        dates=[], orgs={"LHQ": "un"}))
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lc", "lee"}


def test_a_delegation_and_its_leader_named_apart_are_both_kept():
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường tiếp Đoàn Quốc hội Hàn Quốc do Chủ tịch Quốc hội Hàn Quốc Woo Won-shik "
        "dẫn đầu.", dates=[], orgs={"Quốc hội Hàn Quốc": "na"}))
    (meet,) = _kinds(art, "MEET")
    assert {"lc", "woo"} <= set(meet.participants)
