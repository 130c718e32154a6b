"""Events on hand-built articles: each MEET mode, the host, merging, VISIT interval and status, SIGN."""

from __future__ import annotations

from _eventfixtures import make_article, run_events


def test_meet_hoi_kien_with_date_place_and_host_at_home():
    art = run_events(make_article(
        "Chiều 21/11, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã hội kiến Chủ tịch Quốc hội Hàn Quốc "
        "Woo Won-shik.", dates=[("Chiều 21/11", "2025-11-21", "afternoon")]))
    (ev,) = art.events
    assert ev.kind == "MEET" and ev.mode == "meet"
    assert set(ev.participants) == {"lc", "woo"}
    assert ev.date == "2025-11-21" and ev.part_of_day == "afternoon"
    assert ev.location == {"name": "Phủ Chủ tịch", "country": "VNM"}
    assert ev.host == "lc"  # the meeting is at home
    assert "hội kiến" in ev.evidence.text


def test_tiep_makes_the_subject_the_host_and_tiep_tuc_is_not_a_meeting():
    art = run_events(make_article("Tổng Bí thư Tô Lâm tiếp Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
                                  "Hai bên tiếp tục trao đổi."))
    (ev,) = art.events
    assert ev.host == "tl" and ev.participants[0] == "tl"
    assert ev.cameo == "043" and ev.plover["event_type"] == "CONSULT"


def test_phone_call_mode():
    art = run_events(make_article("Tổng Bí thư Tô Lâm điện đàm với Tổng thống Lee Jae Myung."))
    (ev,) = art.events
    assert ev.mode == "phone" and ev.cameo == "041"


def test_meeting_in_a_third_country_is_third_party():
    art = run_events(make_article("Tại Seoul, Tổng Bí thư Tô Lâm gặp Chủ tịch nước Lương Cường và Tổng thống "
                                  "Lee Jae Myung."))
    assert art.events and art.events[0].kind == "MEET"


def test_caption_and_body_merge_into_one_meeting():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm tiếp Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. Ảnh: TTXVN\n"
        "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik.",
        dates=[("Chiều 21/11", "2025-11-21", "afternoon")]))
    assert len([e for e in art.events if e.kind == "MEET"]) == 1
    ev = art.events[0]
    assert ev.date == "2025-11-21" and ev.evidence.text.startswith("Chiều 21/11")


def test_two_meetings_with_different_people_stay_apart():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
        "Chủ tịch nước Lương Cường cũng hội kiến Woo Won-shik."))
    assert len(art.events) == 2


def test_visit_interval_and_visited_country():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm thăm cấp Nhà nước Hàn Quốc từ ngày 10 đến ngày 13-8, theo lời mời của Tổng thống "
        "Lee Jae Myung.", dates=[("từ ngày 10 đến ngày 13-8", "2025-08-10/2025-08-13", None)]))
    (ev,) = [e for e in art.events if e.kind == "VISIT"]
    assert ev.participants == ["tl", "KOR"] and ev.host == "KOR"
    assert ev.date == "2025-08-10/2025-08-13" and ev.status == "occurred"
    assert ev.cameo == "042" and ev.plover["mode"] == "visit"


def test_announced_visit_is_planned():
    art = run_events(make_article("Chủ tịch nước Lương Cường sẽ thăm chính thức Nhật Bản."))
    (ev,) = [e for e in art.events if e.kind == "VISIT"]
    assert ev.status == "planned" and ev.participants == ["lc", "JPN"]


def test_visitor_after_cua_and_visit_to_an_organisation_is_a_meeting():
    art = run_events(make_article("Tổng thống Lee Jae Myung hoan nghênh chuyến thăm Hàn Quốc của Tổng Bí thư Tô Lâm."))
    (ev,) = [e for e in art.events if e.kind == "VISIT"]
    assert ev.participants == ["tl", "KOR"]
    art = run_events(make_article("Tổng Bí thư Tô Lâm đến thăm Viện Di sản.", orgs={"Viện Di sản": "vds"}))
    assert [(e.kind, e.participants) for e in art.events] == [("MEET", ["tl", "vds"])]


def test_signing_witnessed_by_two_leaders():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm và Tổng thống Lee Jae Myung đã chứng kiến Lễ trao các văn kiện hợp tác."))
    (ev,) = [e for e in art.events if e.kind == "SIGN"]
    assert set(ev.participants) == {"tl", "lee"} and ev.cameo == "057"


def test_bare_ky_needs_a_document_and_dang_ky_is_not_signing():
    art = run_events(make_article("Tổng Bí thư Tô Lâm và Tổng thống Lee Jae Myung ký tên vào sổ. "
                                  "Chủ tịch nước Lương Cường đăng ký tham dự."))
    assert not [e for e in art.events if e.kind == "SIGN"]


def test_press_meeting_is_not_a_meeting_and_event_spans_are_left_for_statements():
    art = run_events(make_article("Tổng Bí thư Tô Lâm và Tổng thống Lee Jae Myung chủ trì buổi gặp gỡ báo chí."))
    assert not art.events
    art = run_events(make_article("Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik."))
    assert art.meta["event_spans"][0][2] == art.events[0].id


def test_one_meeting_per_separately_titled_counterpart_but_spouses_join():
    # (two counterparts of other countries: people of one country alone are no meeting, see test_events_clauses)
    art = run_events(make_article("Tổng Bí thư Tô Lâm hội kiến Thủ tướng Shinzo Abe và Tổng thống Lee Jae Myung."))
    meets = [e for e in art.events if e.kind == "MEET"]
    assert sorted(sorted(e.participants) for e in meets) == [["abe", "tl"], ["lee", "tl"]]


def test_hoi_dam_giua_names_exactly_its_two_sides():
    art = run_events(make_article("Chủ tịch nước Lương Cường nhắc lại cuộc hội đàm giữa Tổng Bí thư Tô Lâm với "
                                  "Tổng thống Lee Jae Myung."))
    (ev,) = art.events
    assert set(ev.participants) == {"tl", "lee"}


def test_nominal_meeting_takes_the_clause_after_it():
    art = run_events(make_article("Tại buổi tiếp, Tổng Bí thư Tô Lâm chào mừng Chủ tịch Quốc hội Hàn Quốc "
                                  "Woo Won-shik."))
    (ev,) = art.events
    assert ev.participants == ["tl", "woo"]


def test_arrival_in_a_foreign_place_is_a_visit_and_a_visit_in_a_delegation_led_by_x():
    art = run_events(make_article("Chiều 10/8, Tổng Bí thư Tô Lâm đã tới Seoul, bắt đầu chuyến thăm Hàn Quốc.",
                                  dates=[("Chiều 10/8", "2025-08-10", "afternoon")]))
    visits = [e for e in art.events if e.kind == "VISIT"]
    assert len(visits) == 1 and visits[0].participants == ["tl", "KOR"]
    art = run_events(make_article("Đoàn đại biểu cấp cao Hàn Quốc do Chủ tịch Quốc hội Hàn Quốc Woo Won-shik "
                                  "dẫn đầu sang thăm chính thức Việt Nam."))
    (ev,) = [e for e in art.events if e.kind == "VISIT"]
    assert ev.participants == ["woo", "VNM"]


def test_invitation_is_not_a_trip_and_proposed_signing_is_not_a_signing():
    art = run_events(make_article("Tổng Bí thư Tô Lâm mời Tổng thống Lee Jae Myung sang thăm Việt Nam."))
    assert not [e for e in art.events if e.kind == "VISIT"]
    art = run_events(make_article("Tổng Bí thư Tô Lâm đề nghị hai bên sớm ký Hiệp định thương mại."))
    assert not [e for e in art.events if e.kind == "SIGN"]


def test_signing_after_talks_takes_the_talks_day():
    art = run_events(make_article(
        "Chiều 11/8, Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. Sau hội đàm, hai nhà lãnh đạo "
        "chứng kiến lễ ký các văn kiện hợp tác.", dates=[("Chiều 11/8", "2025-08-11", "afternoon")]))
    (sign,) = [e for e in art.events if e.kind == "SIGN"]
    assert set(sign.participants) == {"tl", "lee"} and sign.date == "2025-08-11"


def test_evidence_prefers_the_dated_sentence_with_names_over_a_caption():
    art = run_events(make_article(
        "Tổng Bí thư tiếp Chủ tịch Quốc hội Hàn Quốc. Ảnh: TTXVN\n"
        "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik.",
        dates=[("Chiều 21/11", "2025-11-21", "afternoon")]))
    (ev,) = art.events
    assert ev.evidence.text.startswith("Chiều 21/11")


def test_envoy_sent_is_not_the_senders_visit_and_visit_of_x_takes_the_other_country():
    art = run_events(make_article("Tổng thống Lee Jae Myung đã cử Đặc phái viên sang thăm Việt Nam."))
    assert not [e for e in art.events if e.kind == "VISIT"]
    art = run_events(make_article("Tổng Bí thư Tô Lâm hoan nghênh chuyến thăm của Tổng thống Lee Jae Myung và "
                                  "Đoàn, góp phần thắt chặt quan hệ Việt - Hàn."))
    visits = [e for e in art.events if e.kind == "VISIT"]
    assert not visits or visits[0].participants == ["lee", "VNM"]


def test_a_monument_is_not_a_party_met():
    art = run_events(make_article("Tổng Bí thư Tô Lâm đến thăm và đặt vòng hoa tại tượng đài Chủ tịch nước "
                                  "Lương Cường."))
    assert not [e for e in art.events if e.kind == "MEET"]


def test_dated_past_signing_is_a_background_event_of_the_two_sides():
    text = ("Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. Tổng Bí thư đề nghị Hàn Quốc sớm phê chuẩn "
            "Hiệp định Thương mại song phương đã ký năm 2013. Hai bên cần triển khai các thỏa thuận đã ký.")
    art = run_events(make_article(text, dates=[("năm 2013", "2013", None)]))
    signs = [e for e in art.events if e.kind == "SIGN"]
    assert [(sorted(e.participants), e.date) for e in signs] == [(["KOR", "VNM"], "2013")]
