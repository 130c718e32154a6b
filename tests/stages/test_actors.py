"""Actors stage: name shapes, titles, countries, resolution, boilerplate, gold floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sukien.model import GPE, LOC, ORG, PER
from sukien.pipeline import Pipeline
from sukien.reading import article_from_text
from sukien.stages.actors import country_of, entities_in_span, find_actors

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ONLY_ACTORS = ("dates", "events", "statements", "documents", "quantities", "relations")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(disable=ONLY_ACTORS)


def run(pipe: Pipeline, text: str, published: str | None = None):
    return pipe(article_from_text(text, id="t", published=published))


def people(pipe: Pipeline, text: str, published: str | None = None) -> dict[str, tuple[str | None, str | None]]:
    art = run(pipe, text, published)
    return {e.name: (e.country, e.title) for e in art.entities if e.type == PER}


# -- name shapes ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "country"), [
    ("Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến đoàn.", "Tô Lâm", "VNM"),
    ("Chủ tịch Quốc hội Hàn Quốc Woo Won-shik cho biết.", "Woo Won-shik", "KOR"),
    ("Tổng thống Hàn Quốc Lee Jae Myung mong muốn hợp tác.", "Lee Jae Myung", "KOR"),
    ("Thủ tướng Trung Quốc Lý Khắc Cường cho biết như vậy.", "Lý Khắc Cường", "CHN"),
    ("Bộ trưởng Thương mại Hoa Kỳ Wilbur Ross đã đến.", "Wilbur Ross", "USA"),
    ("Ngoại trưởng Nga Xéc-gây La-vrốp phát biểu.", "Sergei Lavrov", "RUS"),
    ("Tổng thống Peru Dina Ercilia Boluarte Zegarra đã mời.", "Dina Ercilia Boluarte Zegarra", "PER"),
    ("Phó tổng thống kiêm Thủ tướng UAE Sheikh Mohammed bin Rashid Al Maktoum đón đoàn.",
     "Mohammed bin Rashid Al Maktoum", "ARE"),
])
def test_name_shapes(pipe, text, name, country):
    found = people(pipe, text)
    assert name in found, found
    assert found[name][0] == country


def test_name_written_before_its_title(pipe):
    found = people(pipe, "Bộ Chính trị: Vương Đình Huệ - Phó Thủ tướng Chính phủ; Trương Thị Mai - Trưởng ban "
                         "Dân vận Trung ương.")
    assert found == {"Vương Đình Huệ": ("VNM", "Phó Thủ tướng Chính phủ"),
                     "Trương Thị Mai": ("VNM", "Trưởng ban Dân vận Trung ương")}


def test_place_words_and_particles_are_not_the_name(pipe):
    found = people(pipe, "Đón đoàn có Phó tỉnh trưởng Phúc Kiến Lý Đức Kim. Trong khi đó, Tổng thống Syria "
                         "Bashar al-Assad và Thị trưởng Hamburg; Bộ trưởng Kinh tế bang Hessen Tarek Al-Wazir dự.")
    assert set(found) == {"Lý Đức Kim", "Bashar al-Assad", "Tarek Al-Wazir"}


def test_a_lone_word_after_a_title_is_checked(pipe):
    # a misspelt country and a body are not people; a foreign surname is
    found = people(pipe, "Chủ tịch Quốc hội Camphuchia tiếp đoàn. Tổng Giám đốc Sputnik, ông Kiselev, nói. "
                         "Tổng thống Putin phát biểu.", "2017-06-01")
    assert set(found) == {"Kiselev", "Vladimir Putin"}


def test_honorific_and_partial_names(pipe):
    text = ("Ông Dương Ngọc Hải, Phó Chủ tịch UBND Thành phố Hồ Chí Minh tiếp ông Ricardo Valente, "
            "Phó thị trưởng thành phố Porto (Bồ Đào Nha). Ông Valente cảm ơn ông Hải.")
    art = run(pipe, text)
    per = {e.name: e for e in art.entities if e.type == PER}
    assert set(per) == {"Dương Ngọc Hải", "Ricardo Valente"}
    assert per["Ricardo Valente"].country == "PRT"
    assert per["Dương Ngọc Hải"].country == "VNM"
    assert len(per["Ricardo Valente"].mentions) == 2  # "ông Valente" is the same person
    assert len(per["Dương Ngọc Hải"].mentions) == 2  # and "ông Hải" is Dương Ngọc Hải
    assert not people(pipe, "Bà Lan cho biết.")  # a lone given name with nobody to join


def test_ong_surname_resolves_through_the_dictionary(pipe):
    found = people(pipe, "Thủ tướng gặp ông Trump tại Nhà Trắng.", "2017-05-31")
    assert found == {"Donald Trump": ("USA", None)}


def test_combined_title(pipe):
    art = run(pipe, "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn trả lời phỏng vấn.")
    (e,) = [e for e in art.entities if e.type == PER]
    assert e.name == "Bùi Thanh Sơn" and e.country == "VNM"
    assert e.attrs["titles"] == ["Phó Thủ tướng", "Bộ trưởng Bộ Ngoại giao"]
    assert e.title == "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao"


def test_title_with_country_and_posting(pipe):
    found = people(pipe, "Phó Chủ tịch Quốc hội Nguyễn Thị Thanh đã tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young Sam.")
    assert found["Choi Young Sam"][0] == "KOR"
    assert found["Nguyễn Thị Thanh"] == ("VNM", "Phó Chủ tịch Quốc hội")


def test_title_alone_resolves_to_the_holder_in_the_article(pipe):
    art = run(pipe, "Tổng Bí thư Tô Lâm tiếp Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. Tổng Bí thư đề nghị "
                    "hai bên hợp tác. Chủ tịch Quốc hội Hàn Quốc cho biết sẽ ủng hộ.")
    ids = {e.name: e.id for e in art.entities if e.type == PER}
    alone = [m for m in art.mentions if m.label == "TITLE" and m.title in ("Tổng Bí thư", "Chủ tịch Quốc hội Hàn Quốc",
                                                                          "Chủ tịch Quốc hội")]
    resolved = {art.text_clean[m.start:m.end]: m.entity_id for m in alone}
    assert resolved["Tổng Bí thư"] == ids["Tô Lâm"]
    assert resolved["Chủ tịch Quốc hội"] == ids["Woo Won-shik"]


def test_title_alone_falls_back_to_the_dictionary_without_inventing_a_person(pipe):
    art = run(pipe, "Thủ tướng Nhật Bản cho biết Nhật Bản ủng hộ Việt Nam.", "2019-03-01")
    assert not [e for e in art.entities if e.type == PER]
    (m,) = [m for m in art.mentions if m.label == "TITLE"]
    assert (m.name, m.country, m.entity_id) == ("Shinzo Abe", "JPN", None)


def test_a_vietnamese_office_without_country_is_vietnams(pipe):
    assert people(pipe, "Bộ trưởng Bộ Công an Lương Tam Quang tiếp đoàn.") == {
        "Lương Tam Quang": ("VNM", "Bộ trưởng Bộ Công an")}


def test_place_and_country_words_inside_names(pipe):
    found = people(pipe, "Phó Thủ tướng Vũ Đức Đam và ông Lê Anh Tú dự lễ.")
    assert set(found) == {"Vũ Đức Đam", "Lê Anh Tú"}
    art = run(pipe, "Phó Thủ tướng Vũ Đức Đam và ông Lê Anh Tú dự lễ.")
    assert not [m for m in art.mentions if m.label == GPE]


def test_boilerplate_is_never_an_actor(pipe):
    text = ("Tổng Bí thư Tô Lâm tiếp Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. Ảnh: Giang Huy\n"
            "Hai bên nhất trí. (Ảnh: Hứa Chung/TTXVN) [Ngoại trưởng Kishida: Nhật Bản ủng hộ Việt Nam]\n"
            "Đức Dũng (TTXVN)")
    found = people(pipe, text)
    assert set(found) == {"Tô Lâm", "Woo Won-shik"}


def test_caption_spans_are_skipped(pipe):
    art = article_from_text("Ông Nguyễn Văn An phát biểu.\nTổng Bí thư Tô Lâm dự lễ.", id="c")
    art = pipe(art)
    from sukien.model import Span

    art.captions = [Span(0, art.text_clean.index("\n"), "CAPTION", "reading")]
    art = find_actors(art)
    assert [e.name for e in art.entities if e.type == PER] == ["Tô Lâm"]


# -- countries, organisations, places ----------------------------------------------------

@pytest.mark.parametrize(("text", "codes"), [
    ("quan hệ Đối tác Chiến lược Toàn diện Việt - Hàn", ["VNM", "KOR"]),
    ("hợp tác Việt-Trung phát triển", ["VNM", "CHN"]),
    ("đề nghị phía Hàn Quốc hỗ trợ", ["KOR"]),
    ("Tổng thống LB Nga và Hoa Kỳ, Mỹ", ["RUS", "USA", "USA"]),
    ("đoàn Cu-ba và Pa-ki-xtan", ["CUB", "PAK"]),
    ("CHND Trung Hoa", ["CHN"]),
])
def test_country_forms(pipe, text, codes):
    art = run(pipe, text)
    assert [m.country for m in art.mentions if m.label == GPE] == codes
    gpe = {e.country: e.name for e in art.entities if e.type == GPE}
    assert set(gpe) == set(codes)


def test_organisations_and_places(pipe):
    text = ("Tổng Bí thư gặp thành viên Mạng lưới Đổi mới sáng tạo Việt Nam (VINK) tại Trụ sở Trung ương Đảng; "
            "Tập đoàn Điện lực Hàn Quốc và Nhóm Nghị sĩ hữu nghị Việt Nam-Hàn Quốc dự lễ ở Phủ Chủ tịch.")
    art = run(pipe, text)
    orgs = {e.name: e.country for e in art.entities if e.type == ORG}
    assert orgs["Mạng lưới Đổi mới sáng tạo Việt Nam (VINK)"] == "VNM"
    assert orgs["Tập đoàn Điện lực Hàn Quốc"] == "KOR"
    assert "Nhóm Nghị sĩ hữu nghị Việt Nam-Hàn Quốc" in orgs
    places = {e.name for e in art.entities if e.type == LOC}
    assert {"Trụ sở Trung ương Đảng", "Phủ Chủ tịch"} <= places


def test_helpers_for_other_stages(pipe):
    art = run(pipe, "Tổng thống Hàn Quốc Lee Jae Myung hội đàm với Tổng Bí thư Tô Lâm.")
    ms = entities_in_span(art, 0, len(art.text_clean))
    assert [m.label for m in ms if m.label in (PER, GPE)] == [GPE, PER, PER]
    lee = next(m for m in ms if m.label == PER)
    assert country_of(art, lee.entity_id) == "KOR"
    assert country_of(art, None) is None
    assert all(m.stage == "actors" for m in ms)


def test_mentions_point_at_their_text(pipe):
    art = run(pipe, (SHARED / "corpus" / "seeds" / "000_4299fdeffb5ad11e.txt").read_text()
              if SHARED.exists() else "Tổng Bí thư Tô Lâm hội kiến.")
    for e in art.entities:
        for s, t in e.mentions:
            assert art.text_clean[s:t].strip() == art.text_clean[s:t]
    for m in art.mentions:
        if m.label == PER:
            assert m.entity_id and art.entity(m.entity_id).name == m.name


def test_empty_text(pipe):
    art = run(pipe, "   ")
    assert art.entities == [] and art.mentions == []


# -- gold floors -------------------------------------------------------------------------

def _score(gold: str, corpus: str):
    from sukien.evaluation import evaluate

    return evaluate(SHARED / "gold" / gold, SHARED / "corpus" / corpus, pipeline=Pipeline(disable=ONLY_ACTORS)).result


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")
def test_seed_persons_floor():
    res = _score("seeds.json", "seeds")
    p = res.total("persons")
    assert p.precision >= 0.95 and p.recall >= 0.95 and p.f1 >= 0.95, p
    assert res.accuracy("person_country").value >= 0.95


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")
def test_dev_persons_floor():
    res = _score("dev.json", "dev/dev.jsonl")
    p = res.total("persons")
    assert p.precision >= 0.95 and p.recall >= 0.95 and p.f1 >= 0.95, p
    assert res.accuracy("person_country").value >= 0.95


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")
def test_no_gold_not_actor_comes_out():
    import json

    from sukien.text.normalize import fold_name

    gold = json.loads((SHARED / "gold" / "seeds.json").read_text())
    for g in gold["articles"]:
        text = (SHARED / "corpus" / "seeds" / f"{g['id']}.txt").read_text()
        names = {fold_name(e.name) for e in run(Pipeline(disable=ONLY_ACTORS), text).entities if e.type == PER}
        for bad in g.get("not_actors") or []:
            assert fold_name(bad) not in names


def test_organisation_names_end_at_their_country_or_a_title(pipe):
    art = run(pipe, "Tham dự có Bộ trưởng Bộ Văn hóa Trung Quốc Lạc Thụ Cương, Đại sứ Trung Quốc tại Việt Nam "
                    "Hồng Tiểu Dũng. Nhóm Nghị sĩ hữu nghị Việt Nam-Hàn Quốc họp. Bộ Khoa học, Công nghệ "
                    "Thông tin và Truyền thông Hàn Quốc ký kết.")
    orgs = {e.name: e.country for e in art.entities if e.type == ORG}
    assert orgs == {"Bộ Văn hóa Trung Quốc": "CHN", "Nhóm Nghị sĩ hữu nghị Việt Nam-Hàn Quốc": "VNM",
                    "Bộ Khoa học, Công nghệ Thông tin và Truyền thông Hàn Quốc": "KOR"}
    per = {e.name: e.country for e in art.entities if e.type == PER}
    assert per == {"Lạc Thụ Cương": "CHN", "Hồng Tiểu Dũng": "CHN"}


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ Cộng hòa Slovakia Robert Kalinak hội kiến đoàn Việt Nam.",
     "Robert Kalinak", "Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ"),
    ("Chủ tịch nước Lương Cường hội đàm với Tổng thống nước Cộng hòa Guinea-Bissau Umaro Sissoco Embaló.",
     "Umaro Sissoco Embaló", "Tổng thống"),
    ("Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào Thongloun Sisoulith hội đàm với Tổng Bí thư Tô Lâm.",
     "Thongloun Sisoulith", "Chủ tịch nước"),
])
def test_a_countrys_long_name_is_not_read_into_the_title(text, name, title):
    art = find_actors(article_from_text(text, id="t"))
    person = next(e for e in art.entities if e.type == PER and e.name == name)
    assert person.title == title


def test_an_institution_named_federal_keeps_its_name_in_the_title():
    text = "Chủ tịch Hội đồng Liên bang Nga Valentina Matviyenko hội kiến Chủ tịch nước Trần Đại Quang."
    art = find_actors(article_from_text(text, id="t"))
    person = next(e for e in art.entities if e.type == PER and e.name == "Valentina Matviyenko")
    assert person.title == "Chủ tịch Hội đồng Liên bang"


def test_a_cambodian_honorific_is_not_part_of_the_name():
    text = "Chủ tịch Thượng viện Campuchia Samdech Techo Hun Sen hội kiến Tổng Bí thư Tô Lâm."
    art = find_actors(article_from_text(text, id="t"))
    assert "Hun Sen" in {e.name for e in art.entities if e.type == PER}
    assert not any("Samdech" in e.name for e in art.entities)
