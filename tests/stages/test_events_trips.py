"""Trips and background events: listed years, two-country tours, talks announced for a trip,
anniversaries of a signing, one trip written with its visitor and with the visitor's country."""

from __future__ import annotations

from _eventfixtures import make_article, run_events


def _kinds(art, kind):
    return [e for e in art.events if e.kind == kind]


def test_visits_in_listed_years_are_one_trip_each():
    art = run_events(make_article(
        "Tổng thống Lee Jae Myung từng thăm chính thức Việt Nam vào các năm 2001, 2006 và 2013.",
        dates=[("2001", "2001", None), ("2006", "2006", None), ("2013", "2013", None)]))
    visits = _kinds(art, "VISIT")
    assert sorted(v.date for v in visits) == ["2001", "2006", "2013"]
    assert all(v.participants == ["lee", "VNM"] for v in visits)


def test_a_year_outside_the_list_does_not_split_the_trip():
    art = run_events(make_article(
        "Tổng thống Lee Jae Myung thăm chính thức Việt Nam năm 2006, một năm sau khi hai nước ký kết "
        "hiệp định năm 2005.", dates=[("2006", "2006", None), ("2005", "2005", None)]))
    assert len(_kinds(art, "VISIT")) == 1


def test_anniversary_of_a_signing_dates_the_signing():
    art = run_events(make_article(
        "Việt Nam và Hàn Quốc kỷ niệm 30 năm ngày ký Hiệp định về hợp tác văn hóa.",
        published="2024-06-17", dates=[]))
    (sign,) = _kinds(art, "SIGN")
    assert sign.date == "1994" and sign.date_precision == "year"


def test_planned_talks_on_a_two_country_tour_are_one_meeting_per_country_on_its_days():
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường sẽ thăm chính thức Chile từ ngày 9 đến 12-11. "
        "Người đứng đầu Nhà nước Việt Nam sau đó thăm chính thức Peru từ ngày 12 đến 16-11. "
        "Trong thời gian tại Chile và Peru, Chủ tịch nước Lương Cường sẽ có các cuộc hội đàm, hội kiến "
        "quan trọng với lãnh đạo cấp cao sở tại.",
        dates=[("từ ngày 9 đến 12-11", "2025-11-09/2025-11-12", None),
               ("từ ngày 12 đến 16-11", "2025-11-12/2025-11-16", None)]))
    visits = {v.participants[1]: v.date for v in _kinds(art, "VISIT")}
    assert visits == {"CHL": "2025-11-09/2025-11-12", "PER": "2025-11-12/2025-11-16"}
    meets = {tuple(m.participants): m.date for m in _kinds(art, "MEET")}
    assert meets == {("lc", "CHL"): "2025-11-09/2025-11-12", ("lc", "PER"): "2025-11-12/2025-11-16"}
    assert all(m.status == "planned" for m in _kinds(art, "MEET"))


def test_talks_announced_by_the_visitors_country_are_the_visitors_on_the_trip_days():
    art = run_events(make_article(
        "Tổng thống Lee Jae Myung sẽ thăm cấp nhà nước Việt Nam từ ngày 19 đến 20-11. "
        "Nhà lãnh đạo Hàn Quốc cũng sẽ có các cuộc hội đàm, hội kiến quan trọng với lãnh đạo cấp cao Việt Nam.",
        dates=[("từ ngày 19 đến 20-11", "2025-11-19/2025-11-20", None)]))
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lee", "VNM"}
    assert meet.date == "2025-11-19/2025-11-20"


def test_talks_held_keep_their_own_day_not_the_trip():
    art = run_events(make_article(
        "Tổng thống Lee Jae Myung thăm cấp nhà nước Việt Nam từ ngày 19 đến 21-11 theo lời mời của "
        "Chủ tịch nước Lương Cường. Chiều 20/11, Tổng thống Lee Jae Myung đã có các cuộc hội đàm quan trọng.",
        dates=[("từ ngày 19 đến 21-11", "2025-11-19/2025-11-21", None), ("Chiều 20/11", "2025-11-20", "afternoon")]))
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lee", "lc"} and meet.date == "2025-11-20"


def test_the_trip_written_with_the_visitors_country_is_the_same_trip():
    art = run_events(make_article(
        "Tổng thống Lee Jae Myung sẽ thăm cấp nhà nước Việt Nam từ ngày 19 đến 20-11. "
        "Chuyến thăm Việt Nam của đoàn Hàn Quốc diễn ra trong bối cảnh hai nước kỷ niệm 30 năm quan hệ.",
        dates=[("từ ngày 19 đến 20-11", "2025-11-19/2025-11-20", None)]))
    visits = _kinds(art, "VISIT")
    assert len(visits) == 1 and visits[0].participants == ["lee", "VNM"]


def test_the_inviter_of_a_trip_is_not_a_visitor():
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường sẽ thăm chính thức Hàn Quốc từ ngày 9 đến 12-11. "
        "Chuyến thăm diễn ra theo lời mời của Tổng thống Lee Jae Myung.",
        dates=[("từ ngày 9 đến 12-11", "2025-11-09/2025-11-12", None)]))
    assert [v.participants for v in _kinds(art, "VISIT")] == [["lc", "KOR"]]


def test_thanks_for_a_welcome_is_not_a_meeting():
    art = run_events(make_article("Tổng thống Lee Jae Myung cảm ơn sự đón tiếp trọng thị của Chủ tịch nước Lương Cường."))
    assert not _kinds(art, "MEET")


def test_documents_signed_over_the_years_are_not_a_signing_but_dated_ones_are():
    art = run_events(make_article("Việt Nam và Hàn Quốc đã ký nhiều văn kiện hợp tác về kinh tế, thương mại."))
    assert not _kinds(art, "SIGN")
    art = run_events(make_article("Sau hội đàm, Việt Nam và Hàn Quốc đã ký nhiều văn kiện hợp tác về kinh tế."))
    assert len(_kinds(art, "SIGN")) == 1  # signed at the talks
    art = run_events(make_article("Chiều 21/11, Việt Nam và Hàn Quốc đã ký 3 văn kiện hợp tác về kinh tế.",
                                  dates=[("Chiều 21/11", "2025-11-21", "afternoon")]))
    assert [s.date for s in _kinds(art, "SIGN")] == ["2025-11-21"]


def test_an_ambassadors_posting_is_not_a_visit():
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường chào mừng ông Woo Won-shik đến Việt Nam bắt đầu nhiệm kỳ công tác."))
    assert not _kinds(art, "VISIT")


def test_a_past_meeting_recalled_has_its_month_and_the_pronoun_is_the_speaker():
    art = run_events(make_article(
        "Tổng thống Lee Jae Myung hồi tưởng lại cuộc gặp của ông với Chủ tịch nước Lương Cường vào tháng 11 "
        "năm ngoái, tại thủ đô Seoul, Hàn Quốc.",
        dates=[("tháng 11 năm ngoái", "2024-11", None)]))
    (meet,) = _kinds(art, "MEET")
    assert set(meet.participants) == {"lee", "lc"} and meet.date == "2024-11"


def test_a_visitor_named_with_office_and_its_country_in_a_relative_clause():
    art = run_events(make_article(
        "Ngày 16/11, Chủ tịch nước Lương Cường đã tiếp Ngài Woo Won-shik, Tổng thống Hàn Quốc, đang có "
        "chuyến thăm chính thức Việt Nam.", dates=[("Ngày 16/11", "2025-11-16", None)]))
    assert [v.participants for v in _kinds(art, "VISIT")] == [["woo", "VNM"]]


def test_a_headline_delegation_and_the_person_heading_it_are_one_meeting():
    def article(org_country):
        art = make_article("Chủ tịch nước tiếp Đoàn Ủy ban Đối ngoại Quốc hội Hàn Quốc. Chủ tịch nước Lương Cường "
                           "đã tiếp Đoàn do Woo Won-shik dẫn đầu.", orgs={"Ủy ban Đối ngoại Quốc hội Hàn Quốc": "uy"})
        for e in art.entities:
            if e.id == "woo":
                e.title = "Chủ nhiệm Ủy ban Đối ngoại Quốc hội"
            if e.id == "uy":
                e.country = org_country
        return run_events(art)

    assert [set(m.participants) for m in _kinds(article("KOR"), "MEET")] == [{"lc", "woo"}]
    # an organisation of another country is another party, however its name reads
    assert len(_kinds(article("JPN"), "MEET")) == 2


def test_a_meeting_named_as_the_occasion_is_the_one_reported_whatever_day_the_narrative_lends_it():
    art = run_events(make_article(
        "Chiều 20/11, Tổng Bí thư Tô Lâm hội kiến Tổng thống Lee Jae Myung và Phu nhân Kim Hea Kyung. "
        "Ngày 21/11, hai bên ký kết Hiệp định thương mại. "
        "Tại buổi hội kiến, Tổng Bí thư Tô Lâm chúc mừng Tổng thống Lee Jae Myung.",
        dates=[("Chiều 20/11", "2025-11-20", "afternoon"), ("Ngày 21/11", "2025-11-21", None)]))
    meets = _kinds(art, "MEET")
    assert len(meets) == 1 and meets[0].date == "2025-11-20"


def test_a_meeting_named_as_occasion_with_someone_new_is_another_meeting():
    art = run_events(make_article(
        "Chiều 20/11, Tổng Bí thư Tô Lâm hội kiến Tổng thống Lee Jae Myung. "
        "Tại buổi hội kiến với Chủ tịch Quốc hội Hàn Quốc Woo Won-shik, hai bên nhất trí tăng cường hợp tác.",
        dates=[("Chiều 20/11", "2025-11-20", "afternoon")]))
    assert len(_kinds(art, "MEET")) == 2


def test_a_hope_to_welcome_someone_is_an_invitation_not_a_trip():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm mong muốn được đón Tổng thống Lee Jae Myung thăm Việt Nam trong thời gian tới."))
    assert not _kinds(art, "VISIT")


def test_a_tour_of_two_countries_in_one_sentence_is_one_visit_per_country_with_its_own_days():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm sẽ thăm Nhật Bản từ ngày 9 đến 12-11 và Hàn Quốc từ ngày 12 đến 16-11.",
        dates=[("từ ngày 9 đến 12-11", "2025-11-09/2025-11-12", None),
               ("từ ngày 12 đến 16-11", "2025-11-12/2025-11-16", None)]))
    assert {v.participants[1]: v.date for v in _kinds(art, "VISIT")} == {
        "JPN": "2025-11-09/2025-11-12", "KOR": "2025-11-12/2025-11-16"}
    art = run_events(make_article("Chủ tịch nước Lương Cường sẽ thăm chính thức Chile và Peru."))
    assert sorted(v.participants[1] for v in _kinds(art, "VISIT")) == ["CHL", "PER"]
    # a country after the tour's sentence ends or after other words is not a stop
    art = run_events(make_article("Chủ tịch nước Lương Cường sẽ thăm chính thức Chile, nước có quan hệ tốt với Peru."))
    assert [v.participants[1] for v in _kinds(art, "VISIT")] == ["CHL"]


def test_a_signing_dated_by_a_year_next_to_it_is_between_the_countries_of_then():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. Năm 2013, hai nước đã ký Hiệp định thương mại. "
        "Từ năm 1992, hai nước đã ký kết hơn 100 văn kiện hợp tác. "
        "Chiều 21/11, hai bên ký Bản ghi nhớ hợp tác đến năm 2030.",
        dates=[("Năm 2013", "2013", None), ("năm 1992", "1992", None), ("Chiều 21/11", "2025-11-21", "afternoon"),
               ("năm 2030", "2030", None)]))
    signs = {s.date: s.participants for s in _kinds(art, "SIGN")}
    assert signs == {"2013": ["VNM", "KOR"], "2025-11-21": ["tl", "lee"]}
