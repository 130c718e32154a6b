"""Status of announced trips and the occasion "hai bên" refers to after a sentence listing
several meetings (rules from the blind hand check of the 388 diplomatic articles)."""

from __future__ import annotations

from _eventfixtures import make_article, run_all, run_events


def _visits(art):
    return [e for e in art.events if e.kind == "VISIT"]


def test_an_announced_trip_stays_planned_when_later_named_by_a_bare_noun():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm sẽ thăm chính thức Hàn Quốc. "
        "Chuyến thăm Hàn Quốc của Tổng Bí thư Tô Lâm là dấu mốc quan trọng."))
    (visit,) = _visits(art)
    assert visit.status == "planned"


def test_a_trip_told_as_taken_place_is_occurred_even_if_announced_before():
    art = run_events(make_article(
        "Tổng Bí thư Tô Lâm sẽ thăm chính thức Hàn Quốc. "
        "Tổng Bí thư Tô Lâm đã kết thúc chuyến thăm Hàn Quốc."))
    assert {v.status for v in _visits(art)} == {"occurred"}


def test_the_eve_of_a_trip_is_planned():
    art = run_events(make_article(
        "Trước thềm chuyến thăm chính thức Hàn Quốc của Tổng Bí thư Tô Lâm, báo chí đã đăng bài."))
    (visit,) = _visits(art)
    assert visit.status == "planned"


def test_hai_ben_after_a_list_of_meetings_are_the_sides_of_the_talks_named_before():
    art = run_all(make_article(
        "Chiều 21/11, Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. "
        "Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Lee Jae Myung, hội kiến Chủ tịch Quốc hội "
        "Hàn Quốc Woo Won-shik. "
        "Hai bên nhất trí tăng cường hợp tác thương mại."))
    (agree,) = [s for s in art.statements if s.kind == "AGREE"]
    assert set(agree.source) == {"tl", "lee"}


def test_a_forum_attended_or_a_sideline_venue_is_not_a_party_met():
    art = run_events(make_article(
        "Tổng thống Lee Jae Myung khẳng định sẽ thăm và tham dự Hội nghị cấp cao APEC. "
        "Tổng Bí thư Tô Lâm có thể gặp Tổng thống Lee Jae Myung bên lề Hội nghị cấp cao APEC.",
        orgs={"Hội nghị cấp cao APEC": "apec"}))
    assert not any("apec" in e.participants for e in art.events)


def test_a_past_trip_praised_in_a_statement_does_not_take_the_day_of_the_praise():
    text = ("Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
            "Tổng Bí thư đánh giá cao chuyến thăm Việt Nam của Tổng thống Lee Jae Myung vừa qua.")
    art = run_events(make_article(text, dates=[("21/11", "2025-11-21", "afternoon")]))
    (visit,) = _visits(art)
    assert visit.participants == ["lee", "VNM"] and visit.date is None
    # the trip the article reports, praised without a word of the past, keeps the narrative's day
    art = run_events(make_article(text.replace(" vừa qua", ""), dates=[("21/11", "2025-11-21", "afternoon")]))
    (visit,) = _visits(art)
    assert visit.date == "2025-11-21"


def test_hai_ben_after_two_leaders_named_together_are_those_two():
    art = run_all(make_article(
        "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
        "Tổng Bí thư Tô Lâm và Tổng thống Lee Jae Myung đã đánh giá tình hình quan hệ hai nước. "
        "Hai bên nhất trí tăng cường hợp tác thương mại."))
    (agree,) = [s for s in art.statements if s.kind == "AGREE"]
    assert set(agree.source) == {"tl", "lee"}


def test_events_hai_ben_after_a_list_of_meetings_are_the_talks_named_before():
    art = run_events(make_article(
        "Chiều 21/11, Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung. "
        "Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Lee Jae Myung, hội kiến Chủ tịch Quốc hội "
        "Hàn Quốc Woo Won-shik. "
        "Sau hội đàm, hai bên đã ký các văn kiện hợp tác.", dates=[("21/11", "2025-11-21", "afternoon")]))
    (sign,) = [e for e in art.events if e.kind == "SIGN"]
    assert set(sign.participants) == {"tl", "lee"}


def test_a_hypothetical_signing_is_no_event():
    art = run_events(make_article("Nếu được ký kết, hiệp định giữa Việt Nam và Hàn Quốc sẽ là bước tiến lớn."))
    assert not art.events


def test_a_past_signing_dated_after_the_documents_name_is_between_the_countries_then():
    art = run_events(make_article(
        "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
        "Hai nước đã ký Tuyên bố chung về quan hệ đối tác chiến lược tháng 10-2011.",
        dates=[("21/11", "2025-11-21", "afternoon"), ("tháng 10-2011", "2011-10", None)]))
    (sign,) = [e for e in art.events if e.kind == "SIGN"]
    assert sign.date == "2011-10" and set(sign.participants) == {"VNM", "KOR"}


def test_a_programme_or_a_day_after_publication_announces_the_event():
    art = run_events(make_article(
        "Theo chương trình, Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae Myung."))
    assert [e.status for e in art.events] == ["planned"]
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường thăm chính thức Hàn Quốc từ ngày 25 đến 27-11.",
        published="2025-11-21", dates=[("25 đến 27-11", "2025-11-25/2025-11-27", None)]))
    (visit,) = _visits(art)
    assert visit.status == "planned"
    # "theo chương trình" inside the sentence is the trip's programme, not an announcement
    art = run_events(make_article(
        "Chủ tịch nước Lương Cường đã tới Hàn Quốc, tiếp tục các hoạt động theo chương trình thăm chính thức Hàn Quốc."))
    assert {v.status for v in _visits(art)} == {"occurred"}
