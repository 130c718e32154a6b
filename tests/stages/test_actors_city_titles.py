"""Actors: a title whose institution names a place ("Chủ tịch UBND thành phố Hồ Chí Minh
Phan Văn Mãi"): the place ends where the holder's name starts, and a place or a thing named
after a historical figure ("thành phố Hồ Chí Minh", "tư tưởng Hồ Chí Minh") is never that
person."""

from __future__ import annotations

import pytest

from sukien.model import LOC, PER
from sukien.pipeline import Pipeline
from sukien.reading import article_from_text
from sukien.stages.names import leading_place_words

ONLY_ACTORS = ("dates", "events", "statements", "documents", "quantities", "relations")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(disable=ONLY_ACTORS)


def people(pipe: Pipeline, text: str) -> dict[str, tuple[str | None, str | None]]:
    art = pipe(article_from_text(text, id="t"))
    return {e.name: (e.country, e.title) for e in art.entities if e.type == PER}


# -- the holder's name after a place inside the title ---------------------------------

@pytest.mark.parametrize(("text", "name", "title_start"), [
    # a listed city written with a lower-case "thành phố"
    ("Chiều 5/6, Chủ tịch UBND thành phố Hồ Chí Minh Nguyễn Thành Phong tiếp Đại sứ Nhật Bản.",
     "Nguyễn Thành Phong", "Chủ tịch UBND"),
    ("Chủ tịch UBND thành phố Hồ Chí Minh Phan Văn Mãi tiếp Đại sứ Nhật Bản.", "Phan Văn Mãi", "Chủ tịch UBND"),
    ("Bí thư Thành ủy thành phố Hồ Chí Minh Nguyễn Văn Nên tiếp Đại sứ Nhật Bản.", "Nguyễn Văn Nên",
     "Bí thư Thành ủy"),
    # places no table lists: the name starts at its surname, not two words from the end
    ("Chủ tịch UBND huyện Cần Giờ Lê Minh Dũng tiếp Đại sứ Nhật Bản.", "Lê Minh Dũng", "Chủ tịch UBND"),
    ("Chủ tịch UBND quận Hoàn Kiếm Phạm Tuấn Long tiếp đoàn Hàn Quốc.", "Phạm Tuấn Long", "Chủ tịch UBND"),
    # a body whose name ends with a listed place written with a dot
    ("Giám đốc Sở Ngoại vụ TP.HCM Lê Thị Hiếu Hiền tiếp Đại sứ Nhật Bản.", "Lê Thị Hiếu Hiền", "Giám đốc"),
])
def test_name_after_a_place_in_the_title(pipe: Pipeline, text: str, name: str, title_start: str) -> None:
    found = people(pipe, text)
    assert name in found, found
    country, title = found[name]
    assert country == "VNM"
    assert title is not None and title.startswith(title_start), title
    # no fragment of the place in the name, no piece of the name in the title
    assert name.split()[0] not in (title or "").split()
    assert "Hồ Chí Minh" not in found


def test_city_forms_of_titles_all_read_the_holder(pipe: Pipeline) -> None:
    # "Thành phố", "TP", "TP.HCM", "tỉnh": every spelling of the place leaves the whole name
    texts = {
        "Chủ tịch UBND Thành phố Hồ Chí Minh Phan Văn Mãi tiếp đoàn.": "Phan Văn Mãi",
        "Chủ tịch UBND thành phố Hồ Chí Minh Phan Văn Mãi tiếp đoàn.": "Phan Văn Mãi",
        "Chủ tịch UBND TP Hồ Chí Minh Phan Văn Mãi tiếp đoàn.": "Phan Văn Mãi",
        "Chủ tịch UBND TP.HCM Phan Văn Mãi tiếp đoàn.": "Phan Văn Mãi",
        "Bí thư Thành ủy Thành phố Hồ Chí Minh Nguyễn Văn Nên tiếp đoàn.": "Nguyễn Văn Nên",
        "Phó Chủ tịch UBND TP Hà Nội Nguyễn Mạnh Quyền tiếp đoàn.": "Nguyễn Mạnh Quyền",
        "Phó Chủ tịch UBND thành phố Hà Nội Nguyễn Mạnh Quyền tiếp đoàn.": "Nguyễn Mạnh Quyền",
        "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Thắng tiếp đoàn.": "Nguyễn Văn Thắng",
        "Chủ tịch tỉnh Phúc Kiến Vu Vĩ Quốc tiếp đoàn.": "Vu Vĩ Quốc",
    }
    got = {text: sorted(people(pipe, text)) for text in texts}
    assert got == {text: [name] for text, name in texts.items()}


def test_lower_case_city_is_the_place(pipe: Pipeline) -> None:
    art = pipe(article_from_text("Bộ trưởng Bùi Thanh Sơn thăm và làm việc tại thành phố Hồ Chí Minh, "
                                 "học tập tư tưởng Hồ Chí Minh.", id="t"))
    assert [e.name for e in art.entities if e.type == LOC] == ["Thành phố Hồ Chí Minh"]
    assert [e.name for e in art.entities if e.type == PER] == ["Bùi Thanh Sơn"]


# -- things named after a historical figure --------------------------------------------

def test_namesakes_are_not_the_person(pipe: Pipeline) -> None:
    text = ("Chủ tịch Hồ Chí Minh tiếp Đại sứ Liên Xô năm 1955. Đoàn Thanh niên Cộng sản Hồ Chí Minh "
            "dâng hoa tại Quảng trường Hồ Chí Minh và trước tượng đài Hồ Chí Minh. Hội thảo bàn về "
            "tư tưởng Hồ Chí Minh. Đoàn thăm và làm việc tại thành phố Hồ Chí Minh. Đại sứ thăm "
            "Học viện Chính trị Quốc gia Hồ Chí Minh và Lăng Chủ tịch Hồ Chí Minh.")
    art = pipe(article_from_text(text, id="t"))
    persons = [e for e in art.entities if e.type == PER]
    assert [(e.name, e.country, e.title) for e in persons] == [("Hồ Chí Minh", "VNM", "Chủ tịch")]
    # only the president himself: every other "Hồ Chí Minh" names a body, a place or an idea
    assert persons[0].mentions == [(9, 20)]


# -- the split itself -------------------------------------------------------------------

def test_leading_place_words_prefers_three_word_names() -> None:
    # "Giang" is a surname too: the place is "Hà Giang", the name "Nguyễn Văn Sơn"
    assert leading_place_words(["Hà", "Giang", "Nguyễn", "Văn", "Sơn"]) == 2
    assert leading_place_words(["Hồ", "Chí", "Minh", "Phan", "Văn", "Mãi"]) == 3
    assert leading_place_words(["Phúc", "Kiến", "Lý", "Đức", "Kim"]) == 2
