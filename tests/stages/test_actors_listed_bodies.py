"""Actor fix of quality phase 3: a list of institutions is no organisation."""

from __future__ import annotations

import sukien


def test_a_head_noun_before_a_comma_names_no_body():
    # "Đảng, Nhà nước và nhân dân Cuba" lists institutions; "Đảng, Nhà nước" is no organisation
    text = ("Nhân dịp này, thay mặt lãnh đạo Đảng, Nhà nước và nhân dân Cuba, Chủ tịch Quốc hội Cuba "
            "gửi lời chào tới lãnh đạo Việt Nam.")
    art = sukien.extract(text, published="2017-06-10", id="t")
    assert not [e.name for e in art.entities if e.type == "ORG" and e.name.startswith("Đảng,")]
    assert "CUB" in {e.country for e in art.entities}
