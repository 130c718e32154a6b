import pytest

from sukien.errors import StageFailed
from sukien.model import Article
from sukien.pipeline import Pipeline, Stage

BROKEN = Stage("broken", "sukien.no_such_module:nothing")
SENTENCES = Stage("sentences", "sukien.text.sentences:split_sentences_stage")


def test_a_stage_that_cannot_be_imported_is_recorded_and_the_others_run():
    art = Pipeline([BROKEN, SENTENCES], raise_errors=False)(Article(id="a", text_clean="Một câu. Câu hai."))
    assert [e.stage for e in art.errors] == ["broken"]
    assert len(art.sentences) == 2


def test_a_failing_stage_raises_with_its_name_in_tests():
    with pytest.raises(StageFailed, match="broken"):
        Pipeline([BROKEN, SENTENCES])(Article(id="a", text_clean="Một câu."))


def test_stages_can_be_disabled():
    p = Pipeline(disable=["statements", "events"])
    assert "events" not in p.stage_names and "actors" in p.stage_names
