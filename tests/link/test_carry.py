from __future__ import annotations

from sukien.link.carry import carry_dates, carry_title_holders, year_for
from sukien.model import Article, DateSpan, Entity, Event, Evidence, Mention


def _ev(date):
    return Event("v1", "MEET", Evidence(0, 4, "Chiều"), participants=["e1"], date=date)


def test_title_only_person_resolved_through_the_story():
    named = Article(id="a", text_clean="Thủ tướng Nhật Bản Ishiba Shigeru hội kiến ...",
                    entities=[Entity("e1", "Ishiba Shigeru", "PER", "JPN", "Thủ tướng", "Prime Minister")])
    text = "Thủ tướng Nhật Bản cho biết ..."
    alone = Article(id="b", text_clean=text,
                    mentions=[Mention(0, 18, "TITLE", "actors", {}, "Thủ tướng", "JPN", "Thủ tướng", None)])
    assert carry_title_holders([named, alone]) == 1
    ent = alone.entities[0]
    assert (ent.name, ent.country, ent.attrs["resolved_from"]) == ("Ishiba Shigeru", "JPN", "a")
    assert alone.mentions[0].entity_id == ent.id and ent.mentions == [(0, 18)]


def test_title_held_by_two_people_in_the_story_is_left_alone():
    a = Article(id="a", text_clean="x", entities=[Entity("e1", "Kim A", "PER", "KOR", "Bộ trưởng")])
    b = Article(id="b", text_clean="y", entities=[Entity("e1", "Park B", "PER", "KOR", "Bộ trưởng")])
    c = Article(id="c", text_clean="Bộ trưởng nói",
                mentions=[Mention(0, 9, "TITLE", "actors", {}, "Bộ trưởng", "KOR", "Bộ trưởng", None)])
    assert carry_title_holders([a, b, c]) == 0 and not c.entities


def test_year_less_dates_take_the_story_year():
    dated = Article(id="a", text_clean="x", published="2025-11-21", events=[_ev("2025-11-21")])
    undated = Article(id="b", text_clean="y", events=[_ev("--11-21")],
                      dates=[DateSpan(0, 4, "DATE", "dates", {}, "--11-21", "day")])
    assert carry_dates([dated, undated]) == 2
    assert undated.events[0].date == "2025-11-21" and undated.dates[0].value == "2025-11-21"
    assert undated.published is None and undated.meta["published_year_inferred"] == "2025"


def test_year_is_not_carried_across_months():
    day = 739576  # 2025-11-21
    assert year_for("--11-25", [day]) == 2025
    assert year_for("--01-03", [day]) == 2026  # the new year after a late-November story
    assert year_for("--06-01", [day]) is None  # months away: not this story's date
