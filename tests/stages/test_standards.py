"""PLOVER/CAMEO coding, actor codes and the two exports."""

from __future__ import annotations

from _eventfixtures import make_article, run_all

from sukien.model import Entity
from sukien.stages.standards import actor_code, cameo_dyads, coding, plover_records


def test_codings_per_kind_and_mode():
    assert coding("MEET", "phone").cameo == "041"
    assert coding("MEET", "third-party").cameo == "044"
    assert coding("VISIT").cameo == "042"
    assert coding("SIGN").cameo == "057" and coding("SIGN").plover_event == "SUPPORT"
    assert coding("SUPPORT").cameo == "051" and coding("SUPPORT").quad_class == 1
    assert coding("CRITICIZE").quad_class == 3 and coding("CRITICIZE").goldstein < 0
    assert coding("AID", "loan").cameo == "071" and coding("AID").quad_class == 2
    assert coding("PLEDGE", "invite").cameo == "036"


def test_actor_codes_from_sector_or_title():
    art = make_article("Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik.")
    assert actor_code(art, "KOR") == "KOR"
    assert actor_code(art, "woo") == "KORLEG"  # from the title words
    assert actor_code(art, "tl") == "VNMPTY"
    art.entities.append(Entity("x", "Phạm Minh Chính", "PER", "VNM", "Thủ tướng", attrs={"sector": "GOV"}))
    assert actor_code(art, "x") == "VNMGOV"


def test_exports_carry_actor_recipient_and_citation():
    art = run_all(make_article("Chiều 21/11, Tổng Bí thư Tô Lâm tiếp Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
                               "Tổng Bí thư đề nghị Hàn Quốc tăng cường đầu tư.",
                               dates=[("Chiều 21/11", "2025-11-21", "afternoon")]))
    recs = plover_records(art)
    meet = next(r for r in recs if r["event"] == "CONSULT")
    assert meet["actor"] == ["VNMPTY"] and meet["recipient"] == ["KORLEG"]
    assert set(meet) >= {"actor", "recipient", "event", "mode", "context", "event_text", "text_info", "cite_info"}
    req = next(r for r in recs if r["event"] == "REQUEST")
    assert req["recipient"] == ["KOR"] and "investment" in req["context"] and req["event_date"] == "2025-11-21"
    dyads = cameo_dyads(art)
    assert {d["cameo_code"] for d in dyads} == {"043", "020"}
    assert all(isinstance(d["goldstein"], float) and d["quad_class"] == 1 for d in dyads)
