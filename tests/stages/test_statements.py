"""Statements on hand-built articles: each kind with its Vietnamese cues, sources (titles, hai bên,
carried speaker), targets, multi-statement sentences, implicit continuation, occasion."""

from __future__ import annotations

import pytest
from _eventfixtures import make_article, run_all

MEETING = "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "


def _stmts(text: str, **kw):
    return run_all(make_article(MEETING + text, **kw)).statements


@pytest.mark.parametrize(("sentence", "kind", "source"), [
    ("Tổng Bí thư đề nghị Hàn Quốc tiếp tục hỗ trợ doanh nghiệp Việt Nam.", "PROPOSE", ["tl"]),
    ("Tổng Bí thư mong muốn Hàn Quốc tạo thuận lợi cho lao động Việt Nam.", "PROPOSE", ["tl"]),
    ("Woo Won-shik kêu gọi hai bên tăng cường hợp tác.", "PROPOSE", ["woo"]),
    ("Woo Won-shik nhất trí với các ý kiến của Tổng Bí thư.", "AGREE", ["woo"]),
    ("Woo Won-shik cam kết thúc đẩy đầu tư vào Việt Nam.", "PLEDGE", ["woo"]),
    ("Woo Won-shik khẳng định sẽ hỗ trợ Việt Nam tổ chức APEC.", "PLEDGE", ["woo"]),
    ("Tổng Bí thư cảm ơn Woo Won-shik.", "SUPPORT", ["tl"]),
    ("Woo Won-shik đánh giá cao vai trò của Việt Nam.", "SUPPORT", ["woo"]),
    ("Tổng Bí thư phản đối các hành động đơn phương.", "CRITICIZE", ["tl"]),
    ("Tổng Bí thư bác bỏ các cáo buộc sai sự thật.", "REJECT", ["tl"]),
    ("Hàn Quốc viện trợ Việt Nam 10 triệu USD.", "AID", ["KOR"]),
])
def test_each_kind_with_its_cue(sentence, kind, source):
    found = [s for s in _stmts(sentence) if s.kind == kind]
    assert found, sentence
    assert found[0].source == source


def test_target_after_the_cue_and_title_only_source():
    (st,) = _stmts("Tổng Bí thư đề nghị Hàn Quốc tiếp tục nâng cao năng lực cho doanh nghiệp Việt Nam.")
    assert st.source == ["tl"] and st.target == ["KOR"]
    assert st.cameo == "020" and st.plover["event_type"] == "REQUEST"


def test_hai_ben_as_source_is_the_occasions_two_sides_and_as_target_their_countries():
    (agree,) = _stmts("Hai bên nhất trí tăng cường hợp tác thương mại.")
    assert set(agree.source) == {"tl", "woo"} and agree.target == []
    (prop,) = _stmts("Tổng Bí thư đề nghị hai bên mở rộng hợp tác khoa học công nghệ.")
    assert set(prop.target) == {"VNM", "KOR"}


def test_two_statements_in_one_sentence_and_one_per_source_and_kind():
    sts = _stmts("Woo Won-shik đề nghị Việt Nam hỗ trợ doanh nghiệp Hàn Quốc, đề nghị hai bên hợp tác quốc "
                 "phòng, khẳng định sẽ hỗ trợ Việt Nam tổ chức APEC.")
    assert sorted(s.kind for s in sts) == ["PLEDGE", "PROPOSE"]
    assert all(s.source == ["woo"] for s in sts)


def test_a_cue_inside_the_content_of_a_proposal_is_not_a_statement():
    sts = _stmts("Chủ tịch nước mong muốn cơ quan lập pháp hai nước phối hợp chặt chẽ, ủng hộ các thỏa thuận "
                 "và cam kết của chính phủ hai nước.")
    assert [s.kind for s in sts] == ["PROPOSE"]


def test_speaker_not_the_reported_country():
    (st,) = _stmts("Woo Won-shik nhấn mạnh Hàn Quốc luôn coi trọng quan hệ với Việt Nam.")
    assert st.kind == "SUPPORT" and st.source == ["woo"] and st.target == ["VNM"]


def test_omitted_subject_carries_the_previous_speaker():
    sts = _stmts("Woo Won-shik đề nghị hai bên hợp tác chặt chẽ. Đồng thời cho biết sẽ phối hợp với Quốc hội "
                 "Việt Nam.")
    pledge = [s for s in sts if s.kind == "PLEDGE"]
    assert pledge and pledge[0].source == ["woo"]


def test_implicit_continuation_after_dong_thoi_and_bullets():
    sts = _stmts("Tổng Bí thư đề nghị hai bên mở rộng hợp tác. Đồng thời, kịp thời chia sẻ thông tin về tình "
                 "hình khu vực.")
    assert [s.implicit for s in sts] == [False, True]
    assert sts[1].kind == "PROPOSE" and sts[1].source == sts[0].source
    sts = _stmts("Hai bên nhất trí các nội dung sau:\n- Tăng cường hợp tác quốc phòng.\n- Mở rộng thương mại.")
    assert [s.implicit for s in sts] == [False, True, True]
    assert sts[2].topics == ["trade"]


def test_unrelated_sentence_does_not_continue():
    sts = _stmts("Tổng Bí thư đề nghị hai bên mở rộng hợp tác. Thời tiết Hà Nội hôm đó đẹp.")
    assert len(sts) == 1


def test_occasion_links_the_meeting_and_topics_come_from_the_statement():
    art = run_all(make_article(MEETING + "Tổng Bí thư đề nghị Hàn Quốc hợp tác phòng chống tội phạm xuyên "
                                         "quốc gia và thúc đẩy đầu tư."))
    (st,) = art.statements
    assert st.occasion == art.events[0].id
    assert st.topics == ["crime", "investment"]


def test_no_statement_from_a_noun_use():
    assert not _stmts("Chuyến thăm diễn ra với mong muốn tăng cường tin cậy.")


def test_the_two_sides_acting_after_an_agreement_continue_it():
    sts = _stmts("Hai bên nhất trí tăng cường hợp tác quốc phòng. Hai bên đẩy mạnh hợp tác thương mại và đầu tư.")
    assert [s.implicit for s in sts] == [False, True]
    assert sts[1].kind == "AGREE" and sts[1].topics == ["trade", "investment"]


def test_sentence_opener_does_not_govern_the_subject():
    (st,) = _stmts("Trong đó hai nhà lãnh đạo bày tỏ vui mừng trước thành tựu của quan hệ song phương.")
    assert st.kind == "SUPPORT" and set(st.source) == {"tl", "woo"}


def test_a_gift_is_aid_only_with_goods_or_money():
    assert [s.kind for s in _stmts("Việt Nam tặng Hàn Quốc 20 xe điện.")] == ["AID"]
    assert not [s for s in _stmts("Tổng Bí thư tặng Woo Won-shik quà lưu niệm.") if s.kind == "AID"]


def test_a_named_institution_opening_the_sentence_is_its_subject_not_the_previous_speaker():
    sts = _stmts("Tổng Bí thư đề nghị hai bên mở rộng hợp tác. Bộ Thương mại Hàn Quốc sẵn sàng phối hợp.")
    assert [s.kind for s in sts] == ["PROPOSE"]


def test_a_trigger_inside_a_praised_clause_is_not_a_statement_of_the_speaker():
    sts = _stmts("Tổng Bí thư đánh giá cao việc hai Bộ đã thống nhất các biện pháp phòng chống tội phạm.")
    assert [s.kind for s in sts] == ["SUPPORT"]


def test_leaders_of_two_countries_and_a_clause_after_trong_khi():
    (st,) = _stmts("Lãnh đạo cấp cao Việt Nam và Hàn Quốc nhất trí nâng cấp quan hệ.")
    assert st.kind == "AGREE" and set(st.source) == {"VNM", "KOR"}
    sts = _stmts("Hàn Quốc cam kết xóa bỏ thuế quan, trong khi ta cam kết mở cửa thị trường.")
    assert sorted(tuple(s.source) for s in sts) == [("KOR",), ("VNM",)]


def test_a_regard_as_model_is_support_and_a_semicolon_opens_a_new_statement():
    (st,) = _stmts("Hàn Quốc coi Việt Nam là hình mẫu phát triển.")
    assert st.kind == "SUPPORT" and st.source == ["KOR"]
    sts = _stmts("Woo Won-shik đề nghị Việt Nam cần cải cách; sẵn sàng hỗ trợ chia sẻ kinh nghiệm.")
    assert sorted(s.kind for s in sts) == ["PLEDGE", "PROPOSE"]


def test_a_proposal_named_without_its_content_is_not_a_statement_of_its_proposer():
    # "ủng hộ đề xuất của Việt Nam": the support is the statement; "đề xuất của X về việc ...": X proposed
    sts = _stmts("Woo Won-shik ủng hộ đề xuất của Việt Nam trong hợp tác.")
    assert [(s.kind, s.source) for s in sts] == [("SUPPORT", ["woo"])]
    sts = _stmts("Woo Won-shik ủng hộ đề xuất của Việt Nam về việc hai bên tăng cường hợp tác.")
    assert ("PROPOSE", ["VNM"]) in [(s.kind, s.source) for s in sts]


def test_the_subject_after_a_fronted_clause_that_lists_names_is_the_speaker():
    sts = _stmts("Chia buồn trước sự mất mát của Đảng, Nhà nước, nhân dân Việt Nam và gia đình Tổng Bí thư "
                 "Tô Lâm, Tổng thống Lee Jae Myung cho rằng quan hệ hai nước sẽ tiếp tục phát triển.")
    assert [s.source for s in sts if s.kind == "SUPPORT"] == [["lee"]]


def test_a_welcome_banquet_is_a_ceremony_not_praise():
    sts = _stmts("Tối 21/11, Tổng Bí thư mở tiệc chiêu đãi chào mừng Woo Won-shik.")
    assert not [s for s in sts if s.kind == "SUPPORT"]
    sts = _stmts("Tổng Bí thư nhiệt liệt chào mừng Woo Won-shik.")
    assert [s.kind for s in sts] == ["SUPPORT"]


def test_a_forecast_about_a_visit_is_no_pledge():
    sts = _stmts("Woo Won-shik nhấn mạnh chuyến thăm sẽ tạo xung lực mới cho quan hệ hai nước.")
    assert "PLEDGE" not in [s.kind for s in sts]
    sts = _stmts("Woo Won-shik khẳng định sau kết quả hội đàm, Hàn Quốc sẽ tăng cường đầu tư vào Việt Nam.")
    assert "PLEDGE" in [s.kind for s in sts]


def test_a_saying_or_a_meeting_recalled_is_not_said_now():
    sts = _stmts("Nhắc lại câu nói của Tổng Bí thư: “Việt Nam sẵn sàng hỗ trợ Hàn Quốc”, Woo Won-shik cảm ơn "
                 "Việt Nam.")
    assert [(s.kind, s.source) for s in sts] == [("SUPPORT", ["woo"])]
    sts = _stmts("Woo Won-shik hồi tưởng lại cuộc gặp năm ngoái, khi đó hai bên đã nhất trí tăng cường hợp tác.")
    assert "AGREE" not in [s.kind for s in sts]
    sts = _stmts("Trong khi đó, Woo Won-shik cam kết thúc đẩy đầu tư vào Việt Nam.")
    assert [s.kind for s in sts] == ["PLEDGE"]


def test_a_country_right_after_its_official_spoke_speaks_through_them():
    sts = _stmts("Tổng Bí thư cho biết hai nước đã đạt nhiều kết quả. Việt Nam sẽ tiếp tục tạo thuận lợi cho doanh "
                 "nghiệp Hàn Quốc.")
    assert [s.source for s in sts if s.kind == "PLEDGE"] == [["tl"]]
    # another country is not theirs to speak for
    sts = _stmts("Tổng Bí thư cho biết hai nước đã đạt nhiều kết quả. Hàn Quốc sẽ tiếp tục đầu tư vào Việt Nam.")
    assert [s.source for s in sts if s.kind == "PLEDGE"] == [["KOR"]]


def test_a_passive_cue_has_no_speaker():
    sts = _stmts("Việt Nam được đánh giá là một trong những điểm đến hấp dẫn của đầu tư nước ngoài.")
    assert not [s for s in sts if s.kind == "SUPPORT"]
    sts = _stmts("Với tư cách chủ nhà APEC, Việt Nam được mời tham dự Hội nghị thượng đỉnh G20.")
    assert not [s for s in sts if s.kind == "PLEDGE"]
    # the active cue still counts
    sts = _stmts("Woo Won-shik đánh giá cao những thành tựu của Việt Nam.")
    assert [s.kind for s in sts] == ["SUPPORT"]


def test_teams_in_a_match_are_not_states_speaking():
    art = make_article("Ở lượt trận cuối bảng D, U23 Việt Nam sẽ chạm trán U23 Uzbekistan. "
                       "U23 Uzbekistan vui mừng với chiến thắng trong trận đấu đầu tiên.")
    assert run_all(art).statements == []
    # a person congratulating a team is still a statement
    sts = _stmts("Tổng Bí thư chúc mừng đội tuyển Việt Nam sau trận đấu.")
    assert [(s.kind, s.source) for s in sts] == [("SUPPORT", ["tl"])]


def test_a_noun_cue_after_a_distant_speech_verb_is_no_statement_of_the_speaker():
    sts = _stmts("Tổng Bí thư cho biết thời gian qua, với sự ủng hộ của lãnh đạo hai nước, hợp tác kinh tế "
                 "ngày càng mở rộng.")
    assert not [s for s in sts if s.kind == "SUPPORT"]
    # right after the speech verb the noun is what is expressed
    sts = _stmts("Tổng Bí thư bày tỏ sự ủng hộ đối với Hàn Quốc.")
    assert [s.kind for s in sts] == ["SUPPORT"]
    # a word ending the previous clause is no nominaliser ("quân sự; nhất trí")
    sts = _stmts("Hai bên khẳng định tiếp tục hợp tác quân sự; nhất trí mở rộng hợp tác giáo dục.")
    assert "AGREE" in [s.kind for s in sts]


def test_a_courtesy_adverb_is_not_a_statement_of_its_own():
    sts = _stmts("Tổng Bí thư trân trọng chuyển lời mời Tổng thống Hàn Quốc thăm Việt Nam.")
    assert [s.kind for s in sts] == ["PLEDGE"]


def test_whose_message_is_conveyed_is_not_its_addressee():
    (st,) = _stmts("Woo Won-shik chuyển lời thăm hỏi của Tổng thống Hàn Quốc Yoon Suk Yeol tới Tổng Bí thư.")
    assert st.kind == "SUPPORT" and st.target == ["tl"]


def test_topics_of_courtesy_wishes_and_economic_cooperation():
    (st,) = _stmts("Tổng Bí thư chuyển lời thăm hỏi và chúc sức khỏe tới Woo Won-shik.")
    assert st.topics == ["diplomacy"]
    (st,) = _stmts("Woo Won-shik đề nghị hai bên tăng cường hợp tác kinh tế.")
    assert "trade" in st.topics


def test_steps_of_a_trial_are_not_statements():
    trial = ("Tại phiên tòa phúc thẩm, bị cáo Lương Cường mong được khoan hồng. Viện kiểm sát đề nghị giữ nguyên "
             "mức án 18 năm tù với bị cáo. Hội đồng xét xử không chấp nhận kháng cáo.")
    art = make_article(trial, orgs={"Viện kiểm sát": "vks", "Hội đồng xét xử": "hdxx"})
    assert run_all(art).statements == []
    # the same words in a diplomatic statement, in an article that is no trial report, still count
    sts = _stmts("Tổng Bí thư đề nghị Hàn Quốc hỗ trợ Việt Nam truy tố tội phạm xuyên quốc gia.")
    assert [s.kind for s in sts] == ["PROPOSE"]


def test_a_second_verb_of_another_kind_after_thanks_is_a_statement():
    sts = _stmts("Tổng Bí thư cảm ơn Hàn Quốc đã hỗ trợ cộng đồng người Việt và mong phía Hàn Quốc tiếp tục tạo "
                 "điều kiện thuận lợi.")
    assert sorted(s.kind for s in sts) == ["PROPOSE", "SUPPORT"]
    # a noun joined by "và" is no second verb ("sự hợp tác và ủng hộ của Việt Nam")
    sts = _stmts("Woo Won-shik đánh giá cao sự hợp tác và ủng hộ của Việt Nam.")
    assert [s.kind for s in sts] == ["SUPPORT"]


def test_a_cue_in_a_topic_phrase_or_a_purpose_clause_is_no_statement():
    sts = _stmts("Về đề nghị mở đại sứ quán, Tổng Bí thư cho rằng, Việt Nam đánh giá cao việc Hàn Quốc mở Đại sứ quán.")
    assert [s.kind for s in sts] == ["SUPPORT"]
    sts = _stmts("Woo Won-shik hoan nghênh chuyến thăm, coi đây là dịp để hai bên tăng cường hiểu biết và thống nhất "
                 "phương hướng hợp tác.")
    assert [s.kind for s in sts] == ["SUPPORT"]
    # after the purpose clause, a clause of its own counts again
    sts = _stmts("Hai bên bày tỏ lo ngại trước những hành động nhằm mở rộng cơ sở quân sự, nhất trí kêu gọi kiềm chế.")
    assert "AGREE" in [s.kind for s in sts]


def test_a_numbered_point_names_its_speakers_first():
    sts = _stmts("5. Hai bên lên án chủ nghĩa khủng bố dưới mọi hình thức.")
    assert [(s.kind, set(s.source)) for s in sts] == [("CRITICIZE", {"tl", "woo"})]
    sts = _stmts("Tổng Bí thư cảm ơn Hàn Quốc. 2. Woo Won-shik đánh giá cao những thành tựu của Việt Nam.")
    assert [s.source for s in sts if s.kind == "SUPPORT"][-1] == ["woo"]
    sts = _stmts("3. Việt Nam và Hàn Quốc kiên quyết bác bỏ mọi mưu toan xét lại lịch sử.")
    assert [(s.kind, s.source) for s in sts] == [("REJECT", ["VNM", "KOR"])]


def test_a_capitalised_cue_inside_running_text_is_a_name():
    sts = _stmts("Hai bên đã ký Hiệp định Khuyến khích và Bảo hộ đầu tư.")
    assert "PROPOSE" not in [s.kind for s in sts]
    sts = _stmts("Tổng Bí thư tiếp Đoàn Đánh giá và Tư vấn của Liên hợp quốc.")
    assert "SUPPORT" not in [s.kind for s in sts]
    # after a colon a capital opens what is said
    sts = _stmts("Woo Won-shik nhấn mạnh: Hàn Quốc ủng hộ Việt Nam. Tổng Bí thư khẳng định: Ủng hộ lập trường của Hàn Quốc.")
    assert [s.kind for s in sts] == ["SUPPORT", "SUPPORT"]


def test_negated_cues_supporters_and_a_bare_assessment_are_no_statements():
    sts = _stmts("Woo Won-shik không phủ nhận tầm quan trọng của hợp tác. Đám đông người ủng hộ chào đón Tổng Bí thư.")
    assert "REJECT" not in [s.kind for s in sts]
    assert not [s for s in sts if "người ủng hộ" in s.evidence.text]
    sts = _stmts("Woo Won-shik đánh giá, kinh tế khu vực còn nhiều khó khăn.")
    assert "SUPPORT" not in [s.kind for s in sts]
    sts = _stmts("Woo Won-shik đánh giá cao những thành tựu của Việt Nam.")
    assert [s.kind for s in sts] == ["SUPPORT"]


def test_a_condemnation_takes_no_counterpart_as_target():
    (st,) = _stmts("Woo Won-shik lên án vụ tấn công khủng bố.")
    assert st.kind == "CRITICIZE" and st.target == []


@pytest.mark.parametrize(("between", "carried"), [
    ("", True),
    ("Buổi tiếp diễn ra thân mật. ", True),  # the speaker named two sentences back
    ("Buổi tiếp diễn ra thân mật. Không khí cởi mở. ", False),  # three back: too far to carry
])
def test_a_subjectless_trigger_with_no_actor_near_takes_the_speaker_only_within_reach(between, carried):
    # (the stage skips sentences with no actor and no speaker in reach: what it skips makes nothing)
    sts = _stmts("Woo Won-shik phát biểu tại buổi tiếp. " + between + "Cam kết thúc đẩy đầu tư vào các dự án lớn.")
    assert [(s.kind, s.source) for s in sts] == ([("PLEDGE", ["woo"])] if carried else [])
