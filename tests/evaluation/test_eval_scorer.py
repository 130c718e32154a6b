"""Each scoring rule on hand-built predicted records (never extraction output)."""

from __future__ import annotations

import copy

import pytest

from sukien.evaluation.gold import load_gold, parse_gold
from sukien.evaluation.matching import Party, dates_match, participants_match
from sukien.evaluation.scorer import score, score_article

TO_LAM = {"name": "Tô Lâm", "type": "PER", "country": "VNM", "title": "Tổng Bí thư"}
WOO = {"name": "Woo Won-shik", "type": "PER", "country": "KOR", "title": "Chủ tịch Quốc hội"}
LEE = {"name": "Lee Jae Myung", "type": "PER", "country": "KOR", "title": "Tổng thống"}
MEET_QUOTE = "Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Woo Won-shik"
VISIT_QUOTE = "thăm cấp Nhà nước Hàn Quốc từ ngày 10 đến ngày 13-8"


def _gold(published: str | None = "2025-11-21", **extra):
    article = {"id": "a1", "published": published, "entities": [TO_LAM, WOO, LEE],
               "events": [{"kind": "MEET", "participants": ["Tô Lâm", "Woo Won-shik"], "date": "2025-11-21",
                           "quote": MEET_QUOTE},
                          {"kind": "VISIT", "participants": ["Tô Lâm", "KOR"], "date": "2025-08-10/2025-08-13",
                           "quote": VISIT_QUOTE}],
               "statements": [
                   {"kind": "PROPOSE", "source": ["Tô Lâm"], "target": ["VNM", "KOR"], "topics": ["trade"],
                    "quote": "Tổng Bí thư đề nghị hai bên mở rộng thương mại"},
                   {"kind": "AGREE", "source": ["VNM", "KOR"], "target": [], "topics": ["diplomacy"],
                    "quote": "Hai bên nhất trí tăng cường trao đổi đoàn"},
                   {"kind": "AGREE", "source": ["VNM", "KOR"], "target": [], "topics": ["labor"],
                    "quote": "Đồng thời, mở rộng hợp tác lao động", "implicit": True}],
               "documents": [{"kind": "MOU", "parties": ["Bộ Giáo dục và Đào tạo Việt Nam", "Bộ Giáo dục Hàn Quốc"],
                              "topics": ["education_training"]}],
               "quantities": [{"quote": "150 tỷ USD vào năm 2030", "value": 1.5e11, "unit": "USD", "year": 2030}],
               "relations": [{"pair": ["VNM", "KOR"], "level": "Comprehensive Strategic Partnership",
                              "date": "2022-12", "quote": "đối tác chiến lược toàn diện tháng 12/2022"}],
               "not_actors": ["Giang Huy"], "not_places": ["Ukraine"], "ignore": ["Lý Hoa Sơn"]}
    article.update(extra)
    return parse_gold({"schema": "sukien-gold/1", "articles": [article]})


def _ev(text):
    return {"start": 0, "end": len(text), "text": text}


def _perfect():
    return {
        "id": "a1", "text_clean": "",
        "entities": [{"id": "p1", **TO_LAM}, {"id": "p2", **WOO}, {"id": "p3", **LEE},
                     {"id": "o1", "name": "Bộ Giáo dục", "type": "ORG", "country": "VNM"}],
        "events": [{"kind": "MEET", "participants": ["p1", "p2"], "date": "2025-11-21",
                    "evidence": _ev("Chiều 21/11, " + MEET_QUOTE + " tại Hà Nội.")},
                   {"kind": "VISIT", "participants": ["p1", "KOR"], "date": "2025-08-10/2025-08-13",
                    "evidence": _ev(VISIT_QUOTE)}],
        "statements": [
            {"kind": "PROPOSE", "source": ["p1"], "target": ["VNM", "KOR"], "topics": ["trade"],
             "evidence": {"start": 0, "end": 46, "text": "Tổng Bí thư đề nghị hai bên mở rộng thương mại."}},
            {"kind": "AGREE", "source": ["VNM", "KOR"], "target": [], "topics": ["diplomacy"],
             "evidence": {"start": 50, "end": 90, "text": "Hai bên nhất trí tăng cường trao đổi đoàn."}},
            {"kind": "AGREE", "source": ["VNM", "KOR"], "target": [], "topics": ["labor"], "implicit": True,
             "evidence": {"start": 95, "end": 130, "text": "Đồng thời, mở rộng hợp tác lao động."}}],
        "documents": [{"kind": "MOU", "title": "", "parties": ["Bộ Giáo dục và Đào tạo", "Bộ Giáo dục Hàn Quốc"],
                       "topics": ["education_training"], "evidence": _ev("")}],
        "quantities": [{"value": 150e9, "unit": "USD", "year": 2030, "kind": "target",
                        "evidence": _ev("150 tỷ USD vào năm 2030")}],
        "relations": [{"pair": ["KOR", "VNM"], "level": "Comprehensive Strategic Partnership", "date": "2022-12",
                       "evidence": _ev("đối tác chiến lược toàn diện tháng 12/2022")}],
    }


def _f1(result, name):
    return result.total(name).f1


def test_a_perfect_prediction_scores_one_everywhere():
    r = score(_gold(), [_perfect()])
    for name in ("persons", "events", "statements", "documents", "quantities", "relations"):
        assert _f1(r, name) == 1.0, name
    s = r.summary()
    assert s["person_country"] == s["statement_target"] == s["statement_explicit_recall"] == 1.0
    assert s["statement_topics_f1"] == 1.0 and s["leaks"] == 0 and s["duplicate_statements"] == 0


def test_perfect_records_of_the_shared_gold_score_one(shared_dir, perfect_record):
    for name in ("seeds", "dev"):
        gold = load_gold(shared_dir / "gold" / f"{name}.json")
        r = score(gold, [perfect_record(a) for a in gold.articles.values()])
        for kind in ("persons", "events", "statements", "documents", "quantities", "relations"):
            assert _f1(r, kind) == 1.0, (name, kind, r.total(kind).false_negatives[:3])


def test_nothing_predicted_is_zero_not_perfect():
    r = score(_gold(), [])
    assert r.missing == ["a1"]
    assert r.total("events").precision == 0.0 and r.total("events").recall == 0.0


def test_a_missing_event_lowers_recall_only():
    rec = _perfect()
    rec["events"].pop()
    ev = score_article(_gold().articles["a1"], rec).events
    assert (ev.tp, ev.fp, ev.fn) == (1, 0, 1)
    assert ev.precision == 1.0 and ev.recall == 0.5


def _event_with(**changes):
    rec = _perfect()
    rec["events"][0].update(changes)
    return score_article(_gold(published=None).articles["a1"], rec).events


def test_wrong_year_never_matches_and_year_less_matches_on_month_day():
    assert _event_with(date="2024-11-21").tp == 1  # the VISIT only
    assert _event_with(date="--11-21").tp == 2
    assert _event_with(date="--11-22").tp == 1
    assert _event_with(date=None).tp == 1
    assert _event_with(date="2025-11").tp == 1  # less precise than the gold day


def test_year_less_date_only_counts_where_the_article_has_no_publication_date():
    rec = _perfect()
    rec["events"][0]["date"] = "--11-21"
    assert score_article(_gold(published="2025-11-21").articles["a1"], rec).events.tp == 1
    assert score_article(_gold(published=None).articles["a1"], rec).events.tp == 2


def test_interval_gold_date_contains_a_predicted_date_or_interval():
    gold = "2025-08-10/2025-08-13"
    assert dates_match(gold, "2025-08-11", allow_yearless=False)
    assert dates_match(gold, "2025-08-10/2025-08-13", allow_yearless=False)
    assert dates_match(gold, "2025-08-11/2025-08-12", allow_yearless=False)
    assert not dates_match(gold, "2025-08-09", allow_yearless=False)
    assert not dates_match(gold, "2025-08-09/2025-08-13", allow_yearless=False)
    assert dates_match(gold, "--08-12", allow_yearless=True)
    assert not dates_match(gold, "--08-12", allow_yearless=False)
    assert dates_match("2017-05", "2017-05-20", allow_yearless=False)
    assert dates_match("2017", "2017-05", allow_yearless=False)
    assert not dates_match("2017-05", "2017", allow_yearless=False)


def test_country_in_gold_is_matched_by_a_person_of_that_country_but_not_the_reverse():
    rec = _perfect()
    rec["events"][1]["participants"] = ["p1", "p3"]  # Lee Jae Myung (KOR) for the gold KOR
    assert score_article(_gold().articles["a1"], rec).events.tp == 2
    rec["events"][0]["participants"] = ["p1", "KOR"]  # KOR for the gold person Woo Won-shik
    assert score_article(_gold().articles["a1"], rec).events.tp == 1
    # a person of another country does not stand for KOR
    assert not participants_match(["Tô Lâm", "KOR"], [Party("Tô Lâm", None, "VNM", "PER"),
                                                      Party("Tô Lâm", None, "VNM", "PER")])


def test_participants_missing_side_or_unrelated_extra_fail():
    to_lam, woo = Party("Tô Lâm", None, "VNM", "PER"), Party("Woo Won-shik", None, "KOR", "PER")
    lee = Party("Lee Jae Myung", None, "KOR", "PER")
    assert participants_match(["Tô Lâm", "Woo Won-shik"], [woo, to_lam])
    assert not participants_match(["Tô Lâm", "Woo Won-shik"], [to_lam])
    assert not participants_match(["Tô Lâm", "Woo Won-shik"], [to_lam, woo, lee])
    # two leaders of one side for the gold "hai bên" countries
    assert participants_match(["VNM", "KOR"], [to_lam, woo, lee])
    assert participants_match(["VNM", "KOR"], [Party(iso3="VNM", country="VNM", type="GPE"), woo])
    assert not participants_match(["VNM", "KOR"], [Party(name="Bộ Ngoại giao", country="VNM", type="ORG"), woo])
    assert participants_match([], []) and not participants_match([], [to_lam])


def test_evidence_must_contain_the_quote():
    rec = _perfect()
    rec["events"][0]["evidence"] = _ev("Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội")  # cut short
    assert score_article(_gold().articles["a1"], rec).events.tp == 1
    rec = _perfect()
    rec["statements"][0]["evidence"] = _ev("Hai bên nhất trí tăng cường trao đổi đoàn.")
    assert score_article(_gold().articles["a1"], rec).statements.tp == 2


def test_quote_containment_ignores_tone_placement_case_and_dashes():
    rec = _perfect()
    rec["events"][1]["evidence"] = _ev("Thăm cấp Nhà nước Hàn Quốc từ ngày 10 đến ngày 13–8")
    assert score_article(_gold().articles["a1"], rec).events.tp == 2


def test_wrong_kind_does_not_match():
    rec = _perfect()
    rec["statements"][0]["kind"] = "AGREE"
    assert score_article(_gold().articles["a1"], rec).statements.tp == 2


def test_implicit_statements_are_reported_apart():
    rec = _perfect()
    rec["statements"].pop()  # the implicit continuation is missed
    out = score_article(_gold().articles["a1"], rec)
    assert out.statement_explicit_recall.value == 1.0
    assert out.statement_implicit_recall.value == 0.0
    assert out.statements.recall == pytest.approx(2 / 3)


def test_duplicate_sentence_source_kind_predictions_are_false_positives():
    rec = _perfect()
    dup = copy.deepcopy(rec["statements"][0])
    dup["topics"] = ["investment"]
    rec["statements"].append(dup)
    out = score_article(_gold().articles["a1"], rec)
    assert (out.statements.tp, out.statements.fp) == (3, 1)
    assert out.duplicate_statements == 1
    assert out.statement_topics.f1 == 1.0  # the better of the two is the one paired


def test_target_accuracy_and_topic_f1_among_matched():
    rec = _perfect()
    rec["statements"][0]["target"] = ["KOR"]
    rec["statements"][1]["topics"] = ["diplomacy", "trade"]
    out = score_article(_gold().articles["a1"], rec)
    assert out.statements.tp == 3
    assert out.statement_target.value == pytest.approx(2 / 3)
    assert (out.statement_topics.tp, out.statement_topics.fp, out.statement_topics.fn) == (3, 1, 0)


def test_person_entities_ignore_list_and_country():
    rec = _perfect()
    rec["entities"].append({"id": "p9", "name": "Lý Hoa Sơn", "type": "PER", "country": "VNM"})
    rec["entities"][1] = {**rec["entities"][1], "name": "Woo Won Shik", "country": "VNM"}
    out = score_article(_gold().articles["a1"], rec)
    assert (out.persons.tp, out.persons.fp, out.persons.fn) == (3, 0, 0)
    assert out.person_country.value == pytest.approx(2 / 3)
    rec["entities"].append({"id": "p8", "name": "Nguyễn Văn A", "type": "PER", "country": "VNM"})
    assert score_article(_gold().articles["a1"], rec).persons.fp == 1


def test_documents_need_both_parties_with_or_without_their_country():
    rec = _perfect()
    rec["documents"][0]["parties"] = ["Bộ Giáo dục và Đào tạo Việt Nam", "Bộ Giáo dục"]
    assert score_article(_gold().articles["a1"], rec).documents.tp == 1
    rec["documents"][0]["parties"] = ["Bộ Giáo dục và Đào tạo Việt Nam"]
    assert score_article(_gold().articles["a1"], rec).documents.tp == 0
    rec["documents"][0]["parties"] = ["Bộ Giáo dục và Đào tạo Việt Nam", "Bộ Y tế Hàn Quốc"]
    assert score_article(_gold().articles["a1"], rec).documents.tp == 0


def test_quantities_need_value_unit_and_year():
    for change, tp in (({}, 1), ({"year": 2025}, 0), ({"unit": "EUR"}, 0), ({"value": 1.5e10}, 0),
                       ({"value": 150000000000.00001}, 1)):
        rec = _perfect()
        rec["quantities"][0].update(change)
        assert score_article(_gold().articles["a1"], rec).quantities.tp == tp, change


def test_relations_need_pair_level_and_date():
    rec = _perfect()
    rec["relations"][0]["date"] = "2023-12"
    assert score_article(_gold().articles["a1"], rec).relations.tp == 0


def test_boilerplate_leaks():
    rec = _perfect()
    rec["entities"] += [{"id": "x1", "name": "Giang Huy", "type": "PER", "country": "VNM"},
                        {"id": "x2", "name": "Ukraine", "type": "GPE", "country": "UKR"}]
    out = score_article(_gold().articles["a1"], rec)
    assert sorted(x["name"] for x in out.leaks) == ["Giang Huy", "Ukraine"]
    assert out.persons.fp == 1  # a leaked person is also a false positive


def _corpus_gold():
    return parse_gold({
        "schema": "sukien-gold/1",
        "articles": [{"id": i, "published": None, "entities": [TO_LAM, WOO]} for i in ("a", "b", "c", "d")],
        "corpus": {"persons": ["Tô Lâm", "Woo Won-shik"], "stories": [["a", "b", "c"], ["d"]],
                   "merged_events": [{"kind": "MEET", "participants": ["Tô Lâm", "Woo Won-shik"],
                                      "date": "2025-11-21", "sources": ["a", "b"]}]}})


def test_corpus_stories_pairwise():
    gold = _corpus_gold()
    corpus = {"type": "corpus", "actors": [], "events": [], "stories": [["a", "b"], ["c", "d"], ["zz"]]}
    st = score(gold, [], corpus).corpus.stories
    # gold pairs ab ac bc; predicted ab cd
    assert (st.tp, st.fp, st.fn) == (1, 1, 2)
    assert st.precision == 0.5 and st.recall == pytest.approx(1 / 3)


def test_corpus_actors_split_and_events_with_sources():
    gold = _corpus_gold()
    actors = [{"id": "A1", "name": "Tô Lâm", "type": "PER", "country": "VNM", "articles": ["a", "b"]},
              {"id": "A2", "name": "Woo Won-shik", "type": "PER", "country": "KOR", "articles": ["a"]},
              {"id": "A3", "name": "Woo Won Shik", "type": "PER", "country": "KOR", "articles": ["b"]}]
    events = [{"id": "E1", "kind": "MEET", "participants": ["A1", "Woo Won-shik"], "date": "2025-11-21",
               "sources": ["a", "b"]}]
    c = score(gold, [], {"type": "corpus", "actors": actors, "events": events, "stories": []}).corpus
    assert (c.actors.tp, c.actors.fp, c.actors.fn) == (2, 1, 0)
    assert c.actors_split and c.actors_split[0]["person"] == "Woo Won-shik"
    assert c.events.tp == 1
    events[0]["sources"] = ["a"]
    c = score(gold, [], {"type": "corpus", "actors": actors, "events": events, "stories": []}).corpus
    assert c.events.tp == 0 and c.events_any_sources.tp == 1
    events[0]["sources"], events[0]["date"] = ["a", "b"], "--11-21"
    c = score(gold, [], {"type": "corpus", "actors": actors, "events": events, "stories": []}).corpus
    assert c.events.tp == 0  # corpus events need the full date


def test_result_serialises_to_json():
    import json

    r = score(_gold(), [_perfect()])
    d = json.loads(json.dumps(r.to_dict()))
    assert d["summary"]["events"]["f1"] == 1.0 and d["articles"][0]["id"] == "a1"


def test_malformed_predictions_are_scored_not_crashed_on():
    rec = {"id": "a1", "entities": [{"id": "x"}, {"name": None, "type": "PER"}, "junk"],
           "events": [{"kind": "MEET"}, {"kind": "MEET", "participants": None, "date": "21/11", "evidence": None},
                      {"kind": "VISIT", "participants": ["x", 5], "date": "--13-45", "evidence": {"start": 3}}],
           "statements": [{"kind": "AGREE", "source": None, "evidence": "text"}, None],
           "documents": [{"parties": None}], "quantities": [{"value": "many"}], "relations": [{"pair": None}]}
    out = score_article(_gold(published=None).articles["a1"], rec)
    assert out.events.tp == 0 and out.events.fp == 3 and out.statements.fp == 1


def test_records_from_boilerplate_are_leaks():
    gold = _gold(clean_text_ends_with="Hai bên nhất trí tăng cường trao đổi đoàn.",
                 not_places=["Cà Mau"])
    rec = _perfect()
    rec["text_clean"] = "Tổng Bí thư Tô Lâm hội kiến. Hai bên nhất trí tăng cường trao đổi đoàn. Tin liên quan"
    for s in rec["statements"]:
        s["evidence"]["start"] = 0  # inside the body
    rec["quantities"].append({"value": 31, "unit": "tấn", "year": None,
                              "evidence": _ev("Vụ xe tải 31 tấn làm biến dạng cầu treo ở Cà Mau")})
    rec["statements"].append({"kind": "PROPOSE", "source": ["p1"], "target": [], "topics": [],
                              "evidence": {"start": 72, "end": 84, "text": "Tin liên quan"}})
    out = score_article(gold.articles["a1"], rec)
    assert sorted(x["gold"] for x in out.leaks) == ["Cà Mau", "after the article body"]
    assert out.clean_text_end.value == 0.0
    rec["text_clean"] = rec["text_clean"].removesuffix(" Tin liên quan")
    assert score_article(gold.articles["a1"], rec).clean_text_end.value == 1.0


def test_a_place_name_inside_a_word_is_not_a_leak():
    gold = _gold(not_places=["Nga"])
    rec = _perfect()
    rec["statements"][0]["evidence"] = _ev("Tổng Bí thư đề nghị hai bên mở rộng thương mại ngay.")
    assert score_article(gold.articles["a1"], rec).leaks == []


def test_year_less_forms():
    assert dates_match("2017-06", "--06", allow_yearless=True)
    assert not dates_match("2017-06-05", "--06", allow_yearless=True)  # less precise
    assert dates_match("2024-12-30/2025-01-02", "--12-31/--01-01", allow_yearless=True)
    assert dates_match("2025-08-10/2025-08-13", "--08-10/--08-13", allow_yearless=True)
    assert not dates_match("2025-08-10/2025-08-13", "--08-10/--08-14", allow_yearless=True)
    assert not dates_match("2025-02-28", "--02-30", allow_yearless=True)
