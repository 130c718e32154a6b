"""Who meets whom in summary sentences (clauses after a semicolon, attendee lists, colleagues of
one side), the days of meetings told in a trip's summary, and the future shared by a list of
meetings (patterns from the 388 diplomatic dev articles)."""

from __future__ import annotations

from _eventfixtures import make_article, run_events


def _meets(art):
    return [e for e in art.events if e.kind == "MEET"]


def test_a_clause_after_a_semicolon_goes_on_with_the_sentences_subject():
    art = run_events(make_article(
        "Trong chuyến thăm, Chủ tịch Quốc hội Hàn Quốc Woo Won-shik đã hội đàm với Chủ tịch nước Lương Cường; "
        "chào xã giao Tổng Bí thư Tô Lâm; hội kiến Thủ tướng Phạm Minh Chính."))
    assert sorted(sorted(m.participants) for m in _meets(art)) == [["lc", "woo"], ["pmc", "woo"], ["tl", "woo"]]


def test_a_semicolon_clause_with_its_own_subject_keeps_it():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung; Thủ tướng Phạm Minh Chính gặp Thủ tướng Shinzo Abe."))
    assert sorted(sorted(m.participants) for m in _meets(art)) == [["abe", "pmc"], ["lee", "tl"]]


def test_who_attended_talks_is_no_meeting_of_theirs():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. "
        "Tham dự hội đàm có Chủ tịch nước Lương Cường và Thủ tướng Shinzo Abe."))
    assert [sorted(m.participants) for m in _meets(art)] == [["lee", "tl"]]


def test_people_of_one_country_named_together_are_no_meeting():
    art = run_events(make_article("Tổng Bí thư Tô Lâm gặp Thủ tướng Phạm Minh Chính tại Hà Nội."))
    assert not _meets(art)
    art = run_events(make_article("Tổng Bí thư Tô Lâm gặp Thủ tướng Shinzo Abe tại Hà Nội."))
    assert [sorted(m.participants) for m in _meets(art)] == [["abe", "tl"]]


def test_a_sentence_framed_by_the_trips_days_keeps_them_for_its_meetings():
    text = ("Chiều tối 11/7, Tổng Bí thư Tô Lâm rời Seoul, lên đường về nước. "
            "Trong thời gian ở thăm từ ngày 8-11/7, Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Lee Jae Myung.")
    dates = [("Chiều tối 11/7", "2025-07-11", "evening"), ("từ ngày 8-11/7", "2025-07-08/2025-07-11", None)]
    (meet,) = _meets(run_events(make_article(text, dates=dates)))
    assert meet.date == "2025-07-08/2025-07-11" and meet.part_of_day is None
    # a day of its own in the sentence still dates the meeting
    text = "Trong chuyến thăm từ ngày 8-11/7, chiều 9/7, Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Lee Jae Myung."
    dates = [("từ ngày 8-11/7", "2025-07-08/2025-07-11", None), ("chiều 9/7", "2025-07-09", "afternoon")]
    (meet,) = _meets(run_events(make_article(text, dates=dates)))
    assert meet.date == "2025-07-09"


def test_the_day_of_the_return_home_is_not_the_day_of_the_trips_talks():
    text = ("Tối 8/6, Tổng Bí thư Tô Lâm đã về đến Hà Nội, kết thúc chuyến thăm Hàn Quốc từ ngày 4-8/6. "
            "Tại cuộc hội đàm giữa Tổng Bí thư Tô Lâm và Tổng thống Lee Jae Myung, hai bên nhất trí tăng cường hợp tác.")
    dates = [("Tối 8/6", "2025-06-08", "evening"), ("từ ngày 4-8/6", "2025-06-04/2025-06-08", None)]
    (meet,) = _meets(run_events(make_article(text, dates=dates)))
    assert meet.date == "2025-06-04/2025-06-08"
    # leaving the country visited on its last day: the talks may well be that day's
    text = text.replace("đã về đến Hà Nội", "đã rời Seoul")
    (meet,) = _meets(run_events(make_article(text, dates=dates)))
    assert meet.date == "2025-06-08"


def test_a_list_of_meetings_after_sẽ_is_planned_throughout():
    art = run_events(make_article(
        "Hôm nay, Tổng Bí thư Tô Lâm sẽ hội đàm với Tổng thống Lee Jae Myung, hội kiến Chủ tịch Quốc hội "
        "Hàn Quốc Woo Won-shik, sau đó tiếp Thủ tướng Shinzo Abe."))
    assert len(_meets(art)) == 3 and {m.status for m in _meets(art)} == {"planned"}
    # a list told in the past after a semicolon is not
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm sẽ hội đàm với Tổng thống Lee Jae Myung; hôm qua đã tiếp Thủ tướng Shinzo Abe."))
    assert {tuple(sorted(m.participants)): m.status for m in _meets(art)} == {
        ("lee", "tl"): "planned", ("abe", "tl"): "occurred"}


def test_a_call_on_an_international_body_and_on_its_head_is_one_meeting():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm đã thăm Liên hợp quốc, hội kiến Tổng Thư ký Liên hợp quốc António Guterres.",
        orgs={"Liên hợp quốc": "un"}))
    assert [sorted(m.participants) for m in _meets(art)] == [["gut", "tl"]]


def test_an_award_ceremony_is_no_signing():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm tiếp Tổng thống Lee Jae Myung; tham dự Lễ trao Huân chương Hữu nghị."))
    assert not [e for e in art.events if e.kind == "SIGN"]


def test_a_sentence_opening_on_du_kien_and_its_semicolon_list_are_planned():
    art = run_events(make_article(
        "Dự kiến, trong thời gian ở Seoul, Tổng Bí thư Tô Lâm gặp Tổng thống Lee Jae Myung; "
        "gặp Chủ tịch Quốc hội Hàn Quốc Woo Won-shik."))
    assert len(_meets(art)) == 2 and {m.status for m in _meets(art)} == {"planned"}


def test_the_plane_carrying_a_visitor_names_him():
    art = run_events(make_article(
        "Chiều 4/6, chuyên cơ chở Tổng Bí thư Tô Lâm và Phu nhân đã tới Seoul, bắt đầu chuyến thăm chính thức Hàn Quốc.",
        dates=[("Chiều 4/6", "2025-06-04", "afternoon")]))
    (visit,) = [e for e in art.events if e.kind == "VISIT"]
    assert visit.participants == ["tl", "KOR"]


def test_a_country_known_only_from_its_visitor_is_named_as_the_article_writes_it():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm đánh giá cao quan hệ Việt Nam - Hàn Quốc. "
        "Chuyến thăm của Tổng thống Lee Jae Myung đã thành công tốt đẹp."))
    (visit,) = [e for e in art.events if e.kind == "VISIT"]
    assert visit.participants == ["lee", "VNM"] and visit.location == {"name": "Việt Nam", "country": "VNM"}


def test_an_international_officials_meeting_abroad_is_no_third_party_meeting():
    art = run_events(make_article("Chiều 29/5, tại Seoul, Tổng Bí thư Tô Lâm hội kiến António Guterres."))
    (meet,) = _meets(art)
    assert meet.location["country"] == "KOR" and meet.mode == "meet"
    art = run_events(make_article("Chiều 29/5, tại Seoul, Tổng Bí thư Tô Lâm hội kiến Thủ tướng Shinzo Abe."))
    assert _meets(art)[0].mode == "third-party"


def test_who_had_the_meeting_is_the_subject_before_co_cuoc_gap():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm đã có cuộc gặp với Tổng thống Lee Jae Myung, Thủ tướng Shinzo Abe."))
    assert ["lee", "tl"] in [sorted(m.participants) for m in _meets(art)]
    assert all("tl" in m.participants for m in _meets(art))


def test_hai_ben_at_a_meeting_with_a_named_person_is_its_first_side_only():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. "
        "Tại cuộc gặp với Thủ tướng Shinzo Abe, hai bên nhất trí tăng cường hợp tác."))
    assert sorted(sorted(m.participants) for m in _meets(art)) == [["abe", "tl"], ["lee", "tl"]]


def test_a_delegations_body_is_no_party_besides_the_people_of_two_countries():
    art = make_article(
        "Chiều 31/5, Tổng Bí thư Tô Lâm tiếp Đoàn Ủy ban Đối ngoại Quốc hội Hàn Quốc do Tổng thống Lee Jae Myung dẫn đầu.",
        orgs={"Ủy ban Đối ngoại Quốc hội Hàn Quốc": "cmte"})
    for ent in art.entities:  # (the fixture leaves bodies without a country)
        if ent.id == "cmte":
            ent.country = "KOR"
    assert [sorted(m.participants) for m in _meets(run_events(art))] == [["lee", "tl"]]
    # a person meeting a body alone keeps it
    art = run_events(make_article("Tổng Bí thư Tô Lâm tiếp Đoàn Ủy ban Đối ngoại Quốc hội Hàn Quốc.",
                                  orgs={"Ủy ban Đối ngoại Quốc hội Hàn Quốc": "cmte"}))
    assert [sorted(m.participants) for m in _meets(art)] == [["cmte", "tl"]]


def test_an_office_of_a_body_written_without_a_name_is_its_holder_named_elsewhere():
    art = make_article(
        "Tổng Bí thư Tô Lâm chúc mừng ông António Guterres. Tại cuộc gặp với Tổng Thư ký Liên hợp quốc, "
        "Tổng Bí thư Tô Lâm nhấn mạnh vai trò của Việt Nam.", orgs={"Liên hợp quốc": "un"})
    assert [sorted(m.participants) for m in _meets(run_events(art))] == [["gut", "tl"]]


def test_a_month_or_past_year_next_to_a_meeting_word_dates_it_not_the_narratives_day():
    text = ("Chiều 21/11, Tổng Bí thư Tô Lâm tiếp Tổng thống Lee Jae Myung. "
            "Tổng Bí thư Tô Lâm từng hội đàm với Thủ tướng Shinzo Abe tháng 10/2016 tại Hà Nội. "
            "Tại hội đàm, hai bên đánh giá kết quả hợp tác từ tháng 1/2013.")
    dates = [("Chiều 21/11", "2025-11-21", "afternoon"), ("tháng 10/2016", "2016-10", None),
             ("tháng 1/2013", "2013-01", None)]
    meets = {tuple(sorted(m.participants)): m.date for m in _meets(run_events(make_article(text, dates=dates)))}
    assert meets == {("lee", "tl"): "2025-11-21", ("abe", "tl"): "2016-10"}


def test_a_tours_next_country_may_follow_its_state_form():
    art = run_events(make_article("Chủ tịch nước Lương Cường sẽ thăm chính thức Chile và Cộng hòa Peru."))
    assert sorted(v.participants[1] for v in art.events if v.kind == "VISIT") == ["CHL", "PER"]


def test_a_place_of_another_act_after_the_meeting_word_is_not_the_meetings():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm tiếp đại diện Hội Hữu nghị Hàn - Việt và các cựu chiến binh đã tham gia kháng chiến "
        "tại Hà Nội.", orgs={"Hội Hữu nghị Hàn - Việt": "hh"}))
    assert all(m.location is None for m in _meets(art)) and _meets(art)
    art = run_events(make_article("Tổng Bí thư Tô Lâm tiếp Thủ tướng Shinzo Abe đang thăm làm việc tại Hà Nội."))
    assert _meets(art)[0].location == {"name": "Hà Nội", "country": "VNM"}


def test_a_visit_to_ones_own_embassy_is_no_meeting_but_a_body_of_ones_people_abroad_is():
    art = make_article("Tổng Bí thư Tô Lâm đã tới thăm Đại sứ quán Việt Nam tại Seoul.",
                       orgs={"Đại sứ quán Việt Nam": "emb"})
    for ent in art.entities:
        if ent.id == "emb":
            ent.country = "VNM"
    assert not _meets(run_events(art))
    # (the mission named bare, with no country, is the visitor's own)
    art = make_article("Tổng Bí thư Tô Lâm đã gặp gỡ cán bộ Đại sứ quán tại Seoul.", orgs={"Đại sứ quán": "emb"})
    assert not _meets(run_events(art))
    art = make_article("Tổng Bí thư Tô Lâm đã tới thăm Mạng lưới Đổi mới sáng tạo Việt Nam tại Seoul.",
                       orgs={"Mạng lưới Đổi mới sáng tạo Việt Nam": "net"})
    for ent in art.entities:
        if ent.id == "net":
            ent.country = "VNM"
    assert [sorted(m.participants) for m in _meets(run_events(art))] == [["net", "tl"]]


def test_a_papers_day_of_publication_is_not_the_meetings():
    text = ("Chiều 21/11, Tổng Bí thư Tô Lâm tiếp Tổng thống Lee Jae Myung. "
            "Theo bài viết đăng ngày 20/11, cuộc gặp giữa Tổng Bí thư Tô Lâm và Thủ tướng Shinzo Abe rất quan trọng.")
    dates = [("Chiều 21/11", "2025-11-21", "afternoon"), ("ngày 20/11", "2025-11-20", None)]
    meets = {tuple(sorted(m.participants)): m.date for m in _meets(run_events(make_article(text, dates=dates)))}
    assert meets[("abe", "tl")] != "2025-11-20"
