"""The shortcuts of the cue matcher and of Roles give what the plain definitions give."""

from __future__ import annotations

import re

import pytest
from _eventfixtures import make_article

from sukien.stages.cues import (
    _LISTED_BELOW,
    _UNUSUAL,
    ActorReach,
    Roles,
    article_cues,
    normalise_for_match,
    padded_for_match,
)
from sukien.stages.events import find_events
from sukien.stages.statements import find_statements

_PLAIN = re.compile(r"[^\w ]")  # the definition: every non-word character but the space blanked


def test_unusual_class_passes_exactly_the_word_characters_and_the_space_below_its_limit():
    for cp in range(_LISTED_BELOW):
        c = chr(cp)
        is_word_or_space = c == " " or re.fullmatch(r"\w", c) is not None
        assert (_UNUSUAL.fullmatch(c) is None) == is_word_or_space, hex(cp)


def test_normalised_text_is_the_plain_blanking_of_the_lower_case():
    texts = [
        "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Lee Jae-myung (Hàn Quốc), ngày 11/8: “hợp tác”…",
        "Giá 1.000 USD/tấn; tăng 5% – giảm 2‰ • mục [a] {b} ~c ^d",
        "北京 và Москва, Ἀθῆναι: e\u0301 (dấu tổ hợp), khoảng\u00a0trắng\tvà\u2009hẹp ⭐️ #tag @x",
        "snake_case và số ١٢٣ và ½ và Ⅻ",
    ]
    for text in texts:
        assert normalise_for_match(text) == _PLAIN.sub(" ", text.lower()), text
        assert padded_for_match(text) == f" {_PLAIN.sub(' ', text.lower())} "


def test_a_lower_case_longer_than_its_letter_keeps_the_offsets():
    text = "İstanbul, Thổ Nhĩ Kỳ"
    assert len(normalise_for_match(text)) == len(text)
    assert normalise_for_match(text).endswith("thổ nhĩ kỳ")


def test_roles_groups_cues_and_tokens_by_the_sentence_they_start_in():
    a = make_article("Tổng Bí thư Tô Lâm hội đàm với Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
                     "Trời hôm nay đẹp. Hai bên nhất trí tăng cường hợp tác.")
    roles = Roles.of(a)
    assert roles.sentence(0) is roles.sentence(0)  # one view per sentence: its memos last
    first, second, third = roles.sentences
    assert [c.text for c in first.cues] == ["hội đàm với"]
    assert {t.kind for t in first.tokens} == {"PER"}
    assert not second.cues and not second.tokens and not second.kinds
    assert "AGREE" in third.kinds and "SIDES" in third.kinds
    assert [s.index for s in roles.sentences_with(("MEET",))] == [0]
    assert 0 in roles.with_person and 1 not in roles.with_person


def test_a_bare_arrival_without_a_place_makes_no_event_and_skips_the_actor_reading():
    a = make_article("Mùa đông đã đến rất sớm năm nay.")
    find_events(a)
    assert a.events == [] and "_roles" not in a.meta
    b = make_article("Tổng Bí thư Tô Lâm đã đến Seoul.")
    find_events(b)
    assert [e.kind for e in b.events] == ["VISIT"]


def test_statements_keep_the_cues_for_later_stages_and_drop_the_roles():
    a = make_article("Tổng Bí thư Tô Lâm đề nghị Hàn Quốc tăng cường hợp tác.")
    find_events(a)
    find_statements(a)
    assert [s.kind for s in a.statements] == ["PROPOSE"]
    assert "_roles" not in a.meta and "_cues" in a.meta


@pytest.mark.parametrize("text", [
    "Chủ tịch Quốc hội Hàn Quốc Woo Won-shik nói. Hai bên nhất trí. Trời đẹp.",
    # a name's token starts at its title, at the end of the line before ("Tổng Bí thư\nTô Lâm")
    "Phát biểu tại buổi tiếp, Tổng Bí thư\nTô Lâm cảm ơn Hàn Quốc. Việt Nam Tô Lâm.",
    # ... or at the country dropped in front of it ("Hàn Quốc\nWoo Won-shik": a person's token)
    "Đoàn Hàn Quốc\nWoo Won-shik đến Hà Nội. Mùa đông đến sớm.",
])
def test_actor_reach_flags_every_sentence_a_token_starts_in(text):
    a = make_article(text)
    roles = Roles.of(a)
    reach = ActorReach(a, article_cues(a))
    assert roles.with_actor, "the example has tokens"
    for view in roles.sentences:
        if view.tokens:
            assert reach.actor_in(view.index)
        if any(t.kind in ("PER", "TITLE") for t in view.tokens):
            assert reach.person_in(view.index)
    # and it is no blanket yes: a last sentence with no actor in or after it is not flagged
    assert not reach.actor_in(len(roles.spans) - 1) or text.endswith("Tô Lâm.")


def test_no_roles_are_built_when_no_trigger_stands_near_an_actor():
    a = make_article("Tổng Bí thư Tô Lâm thăm Hàn Quốc. Thời tiết đẹp. Trời nắng. Người dân sẽ đi chơi.")
    # (the "sẽ" is three sentences after the person: no source in its sentence, no speaker within reach)
    find_statements(a)
    assert a.statements == [] and "_roles" not in a.meta
