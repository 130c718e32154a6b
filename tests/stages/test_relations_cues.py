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


def test_lowered_text_is_shared_with_dates_and_dropped_after_relations():
    from sukien.model import Article
    from sukien.stages.article_words import LOWER_KEY, lowered
    from sukien.stages.dates import resolve_dates

    text = "Ngày 6/12/2022, Việt Nam và Hàn Quốc nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện."
    article = Article(id="x", text_clean=text, published="2022-12-06")
    resolve_dates(article)
    low = lowered(article)
    assert low == text.lower() and article.meta[LOWER_KEY][1] is low
    article.text_clean = text + " "  # a changed text is lowered again
    assert lowered(article) == article.text_clean.lower()
    R.find_relations(article)
    assert LOWER_KEY not in article.meta
    assert [r.level for r in article.relations] == ["Comprehensive Strategic Partnership"]
