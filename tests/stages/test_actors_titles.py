"""Actors: titles as used — qualifiers before an office (deputy, former), royal titles,
state forms after an office, a party's name after "Chủ tịch đảng", degrees before a name."""

from __future__ import annotations

import pytest

from sukien.model import ORG, PER
from sukien.pipeline import Pipeline
from sukien.reading import article_from_text
from sukien.stages.names import leading_degree_words

ONLY_ACTORS = ("dates", "events", "statements", "documents", "quantities", "relations")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(disable=ONLY_ACTORS)


def people(pipe: Pipeline, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    art = pipe(article_from_text(text, id="t"))
    return {e.name: (e.country, e.title, e.title_en) for e in art.entities if e.type == PER}


@pytest.mark.parametrize(("text", "name", "title", "title_en"), [
    ("Cựu Thủ tướng Malaysia Mahathir cho biết ông sẽ tranh cử.", "Mahathir Mohamad",
     "Cựu Thủ tướng", "Former Prime Minister"),
    ("Ông gặp nguyên Đại sứ Nguyễn Thành Châu tại Hà Nội.", "Nguyễn Thành Châu",
     "nguyên Đại sứ", "Former Ambassador"),
    ("Hôm qua, Phó Tổng Thư ký Thường trực Đảng Dân tiến Nhật Bản Edano Yukio bày tỏ vui mừng.",
     "Edano Yukio", "Phó Tổng Thư ký Thường trực Đảng Dân tiến Nhật Bản", "Deputy Secretary-General"),
    # an office that has its own deputy row keeps its own English title
    ("Phó Thủ tướng Phạm Bình Minh tiếp cựu Phó Thủ tướng Vũ Khoan.", "Phạm Bình Minh",
     "Phó Thủ tướng", "Deputy Prime Minister"),
    ("Phó Thủ tướng Phạm Bình Minh tiếp cựu Phó Thủ tướng Vũ Khoan.", "Vũ Khoan",
     "cựu Phó Thủ tướng", "Former Deputy Prime Minister"),
])
def test_qualifier_before_office_is_part_of_title(pipe: Pipeline, text: str, name: str, title: str,
                                                  title_en: str) -> None:
    got = people(pipe, text)
    assert got[name][1:] == (title, title_en)


def test_former_title_alone_is_not_present_holder(pipe: Pipeline) -> None:
    # "cựu Thủ tướng" alone names no one (certainly not the present Prime Minister)
    art = pipe(article_from_text("Cựu Thủ tướng cho biết ông ủng hộ thỏa thuận.", id="t",
                                 published="2017-05-01"))
    assert not [e for e in art.entities if e.type == PER]


def test_capitalised_qualifier_after_a_name_is_a_given_name(pipe: Pipeline) -> None:
    # "... Trần Nguyên Thủ tướng ...": "Nguyên" ends a name, it does not qualify the title
    got = people(pipe, "Ông Trần Bình Nguyên Thủ tướng Chính phủ Nguyễn Xuân Phúc tiếp đoàn.")
    assert got["Nguyễn Xuân Phúc"][1] == "Thủ tướng Chính phủ"


def test_royal_title_keeps_its_first_syllable(pipe: Pipeline) -> None:
    got = people(pipe, "Hoàng Thái hậu Moninieth Sihanouk cùng dự lễ.")
    assert got["Moninieth Sihanouk"][1] == "Hoàng Thái hậu"


def test_state_form_with_its_kind_is_not_part_of_the_office(pipe: Pipeline) -> None:
    got = people(pipe, "Phó Chủ tịch nước Cộng hòa DCND Lào Bun-thoong Chít-ma-ny dự lễ.")
    assert got["Bun-thoong Chít-ma-ny"][:2] == ("LAO", "Phó Chủ tịch nước")
    got = people(pipe, "Đại sứ Cộng hòa Hồi giáo Iran Saleh Abidi phát biểu.")
    assert got["Saleh Abidi"][:2] == ("IRN", "Đại sứ")


def test_party_name_after_party_chairman_is_not_the_name(pipe: Pipeline) -> None:
    art = pipe(article_from_text("Chủ tịch Đảng Công Minh Natsuo Yamaguchi thăm Việt Nam.", id="t"))
    pers = {e.name: (e.country, e.title) for e in art.entities if e.type == PER}
    assert pers == {"Natsuo Yamaguchi": ("JPN", "Chủ tịch Đảng Công Minh")}
    assert "Đảng Công Minh" in {e.name for e in art.entities if e.type == ORG}


def test_a_country_after_a_listed_body_stays_in_the_title(pipe: Pipeline) -> None:
    # "Cuba" after "Bộ Nội vụ" is no personal name: the body is not dropped for it
    got = people(pipe, "Bộ trưởng tiếp ông Virgilio Lora Quesada, đại diện Bộ Nội vụ Cuba tại Việt Nam.")
    assert got["Virgilio Lora Quesada"][:2] == ("CUB", "đại diện Bộ Nội vụ Cuba")


def test_degrees_before_a_listed_name_are_not_the_name(pipe: Pipeline) -> None:
    assert leading_degree_words(["PGS.TS", "Mai", "Thanh", "Quế"]) == 1
    assert leading_degree_words(["TGƯT.GS.TS", "Nguyễn", "Văn", "Chi"]) == 1
    assert leading_degree_words(["Nguyễn", "Văn", "Chi"]) == 0
    got = people(pipe, "Dự có Giám đốc Học viện Nguyễn Văn An; PGS.TS Nguyễn Thanh Phương - Phó Giám đốc "
                       "Học viện cùng lãnh đạo.")
    assert got["Nguyễn Thanh Phương"][:2] == ("VNM", "Phó Giám đốc Học viện")


def test_lower_case_name_after_a_body_head_runs_to_the_comma(pipe: Pipeline) -> None:
    got = people(pipe, "Tại hội đàm, Đại tướng Mom Sophat, Cục trưởng Cục pháp chế, Bộ Quốc phòng "
                       "Vương quốc Campuchia đánh giá cao.")
    assert got["Mom Sophat"][1] == "Cục trưởng Cục pháp chế"


def test_a_verb_after_a_place_is_not_part_of_the_body(pipe: Pipeline) -> None:
    # "giới thiệu" (introduce) after "tỉnh Nghệ An"; "Thế giới" stays a word of a body
    got = people(pipe, "Tại buổi làm việc, đại tá Trần Nguyên Dương, Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh "
                       "Nghệ An giới thiệu với đoàn.")
    assert got["Trần Nguyên Dương"][1] == "Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh Nghệ An"


@pytest.mark.parametrize(("text", "country"), [
    # his body's country, not the country named before him in the sentence
    ("Quan hệ giữa Nhật Bản và Việt Nam là chiến lược\", Giáo sư Carl Thayer của Học viện Quốc phòng "
     "Australia, chuyên gia hàng đầu về khu vực, nhận định.", "AUS"),
    ("Trung Quốc phớt lờ phán quyết. Ông Carl Thayer, Học viện Quốc phòng Úc cho biết: “Việc này”.", "AUS"),
    ("Trung Quốc và Mỹ tranh chấp, ông John Smith, chuyên gia người Australia nói.", "AUS"),
])
def test_country_stated_after_an_untitled_name(pipe: Pipeline, text: str, country: str) -> None:
    assert next(iter(people(pipe, text).values()))[0] == country


def test_a_country_starting_the_next_clause_is_not_stated_after_the_name(pipe: Pipeline) -> None:
    got = people(pipe, "Ông Charles Morrison ở Hoa Kỳ nói vậy. Cũng theo ông Morrison, Việt Nam ngày càng "
                       "có vai trò quan trọng.")
    assert got["Charles Morrison"][0] == "USA"


def test_lao_name_after_a_rank_with_its_service_in_brackets(pipe: Pipeline) -> None:
    # Vietnamese-spelt syllables after a rank are one name (a rank is not followed by a
    # place); the bracket after the name says which country he serves
    got = people(pipe, "Đoàn cán bộ do trung tá Khăm Sinh Phan Tha Vông (Ban Chiến lược, Cục Lịch sử Quân sự, "
                       "Bộ Quốc phòng Lào) làm trưởng đoàn đã đến thăm.")
    assert got["Khăm Sinh Phan Tha Vông"][:2] == ("LAO", "trung tá")


def test_vietnamese_names_after_ranks_are_unchanged(pipe: Pipeline) -> None:
    got = people(pipe, "Đại tướng Võ Nguyên Giáp và Thượng tướng Nguyễn Chí Vịnh dự lễ.")
    assert got["Võ Nguyên Giáp"][0] == got["Nguyễn Chí Vịnh"][0] == "VNM"


def test_international_official_borrows_no_country_from_the_list_before(pipe: Pipeline) -> None:
    got = people(pipe, "Thủ tướng gặp Thủ tướng Ấn Độ Narendra Modi và Tổng Giám đốc Tổ chức Y tế thế giới "
                       "(WHO) Tedros Adhanom Ghebreyesus.")
    assert got["Narendra Modi"][0] == "IND"
    assert got["Tedros Adhanom Ghebreyesus"][0] is None


def test_a_year_word_ends_a_title(pipe: Pipeline) -> None:
    got = people(pipe, "Ông Ivan Petrov, Đại sứ Liên Xô năm 1980 tại Hà Nội, cho biết.")
    assert got["Ivan Petrov"][1] == "Đại sứ Liên Xô"


def test_dean_titles_and_former_prefix_only_on_the_qualified_office(pipe: Pipeline) -> None:
    got = people(pipe, "Theo bà Anna Kireeva, Phó Trưởng khoa Chính trị, Trường Đại học MGIMO, quan hệ tốt.")
    assert got["Anna Kireeva"][1:] == ("Phó Trưởng khoa Chính trị", "Vice Dean")
    # the main office ("nghị sĩ") is not the one "nguyên" qualifies: no "Former" on it
    got = people(pipe, "Bà Lisa Williams, nguyên Trưởng nhóm Trợ lý nghị sĩ Mỹ của Tiểu ban châu Á nói.")
    assert got["Lisa Williams"][1] == "nguyên Trưởng nhóm Trợ lý nghị sĩ"
    assert not (got["Lisa Williams"][2] or "").startswith("Former")
