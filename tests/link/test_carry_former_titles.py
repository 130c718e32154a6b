"""A former title ("nguyên Ngoại trưởng") says nothing about when a story happened.

The articles are extracted without the ``years`` stage (which dates one article from the
same tenures) so that what is tested is the story-level carry alone.
"""

from __future__ import annotations

import sukien
from sukien.link.carry import carry_tenure_year
from sukien.pipeline import Pipeline

WITHOUT_YEARS = Pipeline(disable=["years"])

SERVING = ("Ngày 20/6, Trưởng ban Kinh tế Trung ương Nguyễn Văn Bình đã tiếp Ngoại trưởng Mỹ "
           "John Kerry tại Hà Nội.")
FORMER = ("Ngày 20/6, Trưởng ban Kinh tế Trung ương Nguyễn Văn Bình đã tiếp nguyên Ngoại trưởng Mỹ "
          "John Kerry tại Hà Nội.")


def _meeting_dates(article):
    return [e.date for e in article.events if e.kind == "MEET"]


def test_serving_titles_fix_the_one_year_they_overlap():
    art = sukien.extract(SERVING, id="serving", pipeline=WITHOUT_YEARS)
    assert _meeting_dates(art) == ["--06-20"]
    assert carry_tenure_year([art]) == 2016
    assert _meeting_dates(art) == ["2016-06-20"]


def test_a_former_title_is_no_evidence_of_the_year():
    art = sukien.extract(FORMER, id="former", pipeline=WITHOUT_YEARS)
    assert _meeting_dates(art) == ["--06-20"]
    # Only Nguyễn Văn Bình's tenure (2016-2021) counts: several years fit, so none is guessed.
    assert carry_tenure_year([art]) is None
    assert _meeting_dates(art) == ["--06-20"]
