"""The cue test that lets most articles skip the relation-phrase automaton loses no phrase."""

from __future__ import annotations

from sukien.stages import relations as R


def test_every_relation_phrase_contains_a_cue():
    cues = R._cues()
    assert 0 < len(cues) < len(R._phrases())
    for p in R._phrases():
        assert any(c in p.phrase for c in cues), p.phrase


def test_cues_are_word_sequences_not_single_common_words():
    assert all(" " in c for c in R._cues())


def test_text_without_a_cue_has_no_phrase_hits_and_one_with_a_phrase_has():
    assert R._phrase_hits("Hai bên nhất trí tăng cường hợp tác kinh tế.") == []
    hits = R._phrase_hits("nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện tháng 12/2022")
    assert [h[2].level for h in hits] == ["Comprehensive Strategic Partnership"]
