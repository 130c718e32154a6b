"""The trigger, topic and PLOVER/CAMEO tables: every row is of a known kind and mode, and the
matcher treats blockers and tone placement as documented."""

from __future__ import annotations

from sukien.knowledge import load_table
from sukien.model import EVENT_KINDS, STATEMENT_KINDS
from sukien.stages.cues import find_cues
from sukien.stages.standards import coding

KINDS = set(EVENT_KINDS) | set(STATEMENT_KINDS) | {"REPORT", "SIDES", "CONT", "PLANNED", "RECALL", "DOC", "MATERIAL", "ANNOUNCE", "SPORT", "-"}
MODES = {"", "meet", "phone", "virtual", "multilateral", "third-party", "visit", "arrive", "sign", "witness",
         "strict", "after_report", "by", "object_target", "material", "sides", "leaders", "pronoun", "we", "saying"}


def test_trigger_rows_are_known_kinds_and_modes():
    rows = load_table("triggers", required=("kind", "cue"))
    assert len(rows) > 300
    for r in rows:
        assert r["kind"] in KINDS, r
        assert r.get("mode", "") in MODES, r


def test_every_record_kind_has_a_plover_cameo_coding():
    for kind in EVENT_KINDS + STATEMENT_KINDS:
        c = coding(kind)
        assert c.cameo.isdigit() and len(c.cameo) == 3 and c.quad_class in (1, 2, 3, 4)


def test_blockers_hide_the_cue_they_contain_and_both_tone_placements_match():
    assert [c.text for c in find_cues("Hai bên tiếp tục hợp tác")] == ["Hai bên"]
    assert [c.text for c in find_cues("đăng ký tham dự")] == []
    assert find_cues("Việt Nam sẽ làm hết sức mình")[0].has("PLEDGE")  # "sẽ là" blocks only itself
    assert find_cues("thỏa thuận")[0].has("DOC") and find_cues("thoả thuận")[0].has("DOC")


def test_recall_cues_and_meanwhile():
    assert find_cues("khi đó hai bên")[0].has("RECALL")
    assert find_cues("nhắc lại câu nói của X")[1].mode("RECALL") == "saying"
    assert not any(c.has("RECALL") for c in find_cues("Trong khi đó, Hàn Quốc"))


def test_announcement_and_sports_cues_and_their_blockers():
    assert any(c.has("ANNOUNCE") for c in find_cues("Theo thông cáo ngày 6-11 của Bộ Ngoại giao"))
    assert not any(c.has("ANNOUNCE") for c in find_cues("tại cuộc họp báo chung sau hội đàm"))
    assert any(c.has("SPORT") for c in find_cues("trận ra quân bảng D U23 châu Á"))
    assert not any(c.has("SPORT") for c in find_cues("Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc"))
    # the currency keeps its one sense
    assert [c.kind_set for c in find_cues("100 triệu euro")][-1] == frozenset({"MATERIAL"})
