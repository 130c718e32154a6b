"""Topic cue words (SPEC §4 vocabulary)."""

from __future__ import annotations

from sukien.model import TOPICS
from sukien.stages.topics import topic_cues, topics_for


def test_each_sentence_gets_its_topics_in_vocabulary_order():
    assert topics_for("hợp tác phòng chống tội phạm xuyên quốc gia và an ninh") == ["defense_security", "crime"]
    assert topics_for("nâng kim ngạch thương mại song phương") == ["trade"]
    assert topics_for("đào tạo nhân lực, trí tuệ nhân tạo (AI)") == ["science_technology", "education_training"]
    assert topics_for("Bản ghi nhớ về hợp tác nghề cá") == ["agriculture_fisheries"]
    assert topics_for("miễn thị thực cho công dân") == ["people_diaspora"]
    assert topics_for("Hội nghị cấp cao APEC 2027") == ["multilateral_regional"]
    assert topics_for("vì lợi ích của nhân dân hai nước") == []  # a formula, not people-to-people exchange


def test_whole_words_only_and_either_tone_placement():
    assert topics_for("yêu cầu") == []  # 'cầu' (bridge) is not a cue inside another word
    assert topics_for("hợp tác thủy sản") == topics_for("hợp tác thuỷ sản") == ["agriculture_fisheries"]


def test_every_topic_has_cues_and_no_unknown_topic():
    assert {t for _, _, t in topic_cues("y tế giáo dục")} <= set(TOPICS)
    assert topics_for("") == []


def test_a_cue_word_inside_a_longer_phrase_takes_the_phrases_topic_or_none():
    # "môi trường" is the environment only on its own: the investment climate, a favourable
    # setting and the internet are other topics (or none); "vấn đề trên biển" are maritime disputes
    assert topics_for("cải thiện môi trường đầu tư") == ["investment"]
    assert topics_for("tạo môi trường thuận lợi cho hợp tác") == []
    assert topics_for("quản lý môi trường internet") == ["science_technology"]
    assert topics_for("trao đổi về vấn đề trên biển") == ["defense_security"]
    assert topics_for("bảo vệ môi trường") == ["environment_climate"]
