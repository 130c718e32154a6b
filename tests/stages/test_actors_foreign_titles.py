"""Actor fixes of quality phase 3 (actor data): titles and names that belong to someone else,
each on a sentence or two run through sukien.extract."""

from __future__ import annotations

import sukien


def _people(text: str, published: str = "2017-06-28") -> dict[str, str | None]:
    art = sukien.extract(text, published=published, id="t")
    return {e.name: e.country for e in art.entities if e.type == "PER"}


def test_a_foreign_office_after_a_known_leader_is_not_his():
    # "Thủ tướng Belarus" is Belarus's Prime Minister, not a title of Trần Đại Quang
    text = ("Tại cuộc hội kiến với Chủ tịch nước Trần Đại Quang, Thủ tướng Belarus khẳng định "
            "Belarus sẵn sàng nhập khẩu hàng nông thủy sản Việt Nam.")
    assert _people(text)["Trần Đại Quang"] == "VNM"


def test_a_known_foreign_leaders_own_party_title_stays_his():
    text = ("Chủ tịch Quốc hội Nguyễn Thị Kim Ngân đã hội đàm với ông Esteban Lazo Hernández, "
            "Ủy viên Bộ Chính trị Đảng Cộng sản Cuba, Chủ tịch Quốc hội Cuba.")
    art = sukien.extract(text, published="2017-06-10", id="t")
    lazo = next(e for e in art.entities if e.name.startswith("Esteban"))
    assert lazo.country == "CUB" and lazo.title


def test_a_bare_western_given_name_is_no_office_holder():
    # "Emmanuel" alone is not Emmanuel Macron, nor "Vladimir" Putin: a given name is shared by many
    people = _people("Trong buổi họp báo, ông Emmanuel cho rằng các cơ quan tình báo cần làm việc "
                     "với nhau. Ông Vladimir nói thêm.")
    assert "Emmanuel Macron" not in people and people.get("Emmanuel") is None


def test_a_bare_surname_still_resolves_to_the_office_holder():
    people = _people("Ông Macron cho rằng hai nước cần tăng cường hợp tác.")
    assert people.get("Emmanuel Macron") == "FRA"



def test_an_unnamed_foreign_office_speaks_for_its_country():
    # the statement is Belarus's (its Prime Minister), not the Vietnamese President's
    text = ("Tại cuộc hội kiến với Chủ tịch nước Trần Đại Quang, Thủ tướng Belarus khẳng định "
            "Belarus sẵn sàng nhập khẩu hàng nông thủy sản Việt Nam.")
    art = sukien.extract(text, published="2017-06-28", id="t")
    assert [st.source for st in art.statements] == [["BLR"]]


def test_a_listed_body_keeps_its_country_before_its_acronym():
    text = ("Ông Gregory Poling, chuyên gia của Trung tâm Nghiên cứu Chiến lược và Quốc tế (CSIS), "
            "nhận định tình hình còn căng thẳng.")
    art = sukien.extract(text, published="2017-06-10", id="t")
    orgs = {e.name: e.country for e in art.entities if e.type == "ORG"}
    assert orgs == {"Trung tâm Nghiên cứu Chiến lược và Quốc tế (CSIS)": "USA"}
