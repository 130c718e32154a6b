"""Actor fixes of quality phase 3, each on a sentence or two run through sukien.extract."""

from __future__ import annotations

import sukien


def _countries(text: str) -> list[str]:
    art = sukien.extract(text, published="2017-05-10", id="t")
    return [m.country for m in art.mentions if m.label == "GPE"]


def test_phia_at_a_sentence_start_is_no_surname():
    # "Phía Nga" was read as a personal name like "Lê Nga", losing the country
    text = "Hai bên đã hội đàm. Phía Nga khẳng định tiếp tục hợp tác chặt chẽ với Việt Nam."
    assert "RUS" in _countries(text)
    art = sukien.extract(text, published="2017-05-10", id="t")
    assert any(st.source == ["RUS"] for st in art.statements)


def test_a_given_name_after_a_surname_is_still_no_country():
    assert "RUS" not in _countries("Bà Lê Nga khẳng định tiếp tục hợp tác với Việt Nam.")


def test_anh_opening_a_sentence_after_a_person_is_the_pronoun_when_the_uk_is_named_nowhere():
    text = "Ông Nguyễn Văn Nam là kỹ sư. Anh hứa sẽ hỗ trợ đồng nghiệp tại Nhật Bản."
    assert "GBR" not in _countries(text)


def test_anh_opening_a_sentence_stays_the_uk_when_the_article_names_the_uk():
    text = "Thủ tướng Anh Boris Johnson đến Kiev. Anh cam kết hỗ trợ Ukraine 2 tỷ bảng."
    assert _countries(text).count("GBR") == 2


def test_a_repeated_full_name_is_one_mention_not_a_name_and_its_part():
    # Two people found: "Lê Hoàng Diệp Thảo" and (say) a "Diệp Thảo" alias; a later bare
    # "Lê Hoàng Diệp Thảo" is one repeat mention, never also its part "Diệp Thảo" inside it.
    text = ("Bà Lê Hoàng Diệp Thảo phát biểu tại hội nghị. Bà Diệp Thảo cho biết công ty phát triển. "
            "Sau đó Lê Hoàng Diệp Thảo rời Hà Nội.")
    art = sukien.extract(text, published="2024-05-27", id="t")
    spans = sorted((m.start, m.end) for m in art.mentions if m.label == "PER")
    assert all(not (a[0] <= b[0] and b[1] <= a[1]) for a, b in zip(spans, spans[1:], strict=False) if a != b)
    assert any(text[s:e] == "Lê Hoàng Diệp Thảo" and s > 80 for s, e in spans)
