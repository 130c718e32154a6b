"""Cleaning on real articles: seed 004, the gold end-of-body sentences, gold quotes kept."""

import json
import unicodedata
from pathlib import Path

import pytest

import sukien
from sukien.model import Article
from sukien.reading import article_from_text, read
from sukien.reading.clean import clean_body
from sukien.text.normalize import match_key

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
needs_shared = pytest.mark.skipif(not SEEDS.exists(), reason="../shared corpus not available")


def _gold_articles():
    out = []
    for name in ("seeds.json", "dev.json"):
        path = SHARED / "gold" / name
        if path.exists():
            out.extend(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return out


def _read_gold_texts() -> dict[str, Article]:
    sources = [SEEDS, SHARED / "corpus" / "dev" / "dev.jsonl"]
    return {a.id: a for a in read([s for s in sources if s.exists()]) if isinstance(a, Article)}


@needs_shared
def test_seed_004_clean_body():
    art = next(a for a in read(sorted(SEEDS.glob("004_*.txt"))))
    text = art.text_clean
    assert art.published == "2024-06-25T22:00"
    assert art.title == "Phát triển hơn nữa quan hệ hợp tác Quốc hội Việt Nam và Hàn Quốc"
    assert text.endswith("Phó Chủ tịch Quốc hội Nguyễn Thị Thanh đã tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young Sam.")
    for must in ("Chiều 25/6, tại Hà Nội, Phó Chủ tịch Quốc hội Nguyễn Thị Thanh",
                 "Nhóm Nghị sĩ hữu nghị Việt Nam-Hàn Quốc tiếp tục phối hợp"):
        assert must in text
    for junk in ("Thích Minh Tuệ", "Ago Mom", "Co loi xay ra", "Có thể bạn quan tâm", "Nguồn: TTXVN",
                 "Quang cảnh cuộc gặp mặt", "22:00 25/06/2024", "Ukraine", "Cà Mau", "Biển Đen"):
        assert junk not in text, junk
    assert text.count(art.title) == 1
    assert len(art.captions) == 3 and all(c.start == c.end for c in art.captions)


@needs_shared
def test_gold_clean_text_ends_with():
    arts = _read_gold_texts()
    checked = 0
    for g in _gold_articles():
        if g.get("clean_text_ends_with"):
            assert arts[g["id"]].text_clean.endswith(g["clean_text_ends_with"]), g["id"]
            checked += 1
    assert checked >= 2


@needs_shared
def test_gold_quotes_survive_and_boilerplate_names_do_not():
    arts = _read_gold_texts()
    quotes = lost = 0
    for g in _gold_articles():
        text = arts[g["id"]].text_clean
        for section in ("events", "statements", "quantities", "relations"):
            for item in g.get(section, []):
                if item.get("quote"):
                    quotes += 1
                    lost += item["quote"] not in text
        # photo credits and teaser-box places of the gold must be gone (bylines in dev text
        # glued into prose are not always removable, so a floor, not all of them)
        for name in g.get("not_places", []):
            assert name not in text, (g["id"], name)
    assert quotes > 100 and lost == 0
    credits = [(g["id"], n) for g in _gold_articles() for n in g.get("not_actors", [])]
    kept = [(i, n) for i, n in credits if n in arts[i].text_clean]
    assert len(kept) <= 0.1 * len(credits), kept


@needs_shared
def test_gold_publication_dates_from_headers():
    arts = _read_gold_texts()
    for g in _gold_articles():
        if g.get("published"):
            assert arts[g["id"]].published == g["published"], g["id"]


def test_inline_credits_bylines_and_related_links():
    body = ("Chủ tịch nước tiếp Chủ tịch Quốc hội Myanmar. Ảnh: Nhan Sáng/TTXVN Nhiệt liệt chào mừng chuyến thăm, "
            "Chủ tịch nước nhấn mạnh quan hệ hữu nghị. [Ngoại trưởng Kishida: Nhật Bản ủng hộ Việt Nam toàn diện] "
            "Hai bên nhất trí tăng cường hợp tác.\nẢnh: Giang Huy Ngay sau khi xuống sân bay, Chủ tịch nước hội kiến "
            "lãnh đạo Nga. Hai bên ký kết nhiều văn kiện./. Việt Cường/VOV")
    c = clean_body(body)
    for junk in ("Nhan Sáng", "TTXVN", "Kishida", "Giang Huy", "Việt Cường", "VOV"):
        assert junk not in c.text, junk
    for kept in ("Chủ tịch nước tiếp Chủ tịch Quốc hội Myanmar.", "Nhiệt liệt chào mừng chuyến thăm",
                 "Ngay sau khi xuống sân bay", "Hai bên ký kết nhiều văn kiện./."):
        assert kept in c.text, kept
    assert c.meta["byline"] == ["Việt Cường/VOV"]
    assert c.meta["related"] == ["Ngoại trưởng Kishida: Nhật Bản ủng hộ Việt Nam toàn diện"]
    assert sorted(sp.attrs["credit"] for sp in c.captions) == ["Ảnh: Giang Huy", "Ảnh: Nhan Sáng/TTXVN"]


def test_trailing_byline_lines_and_teaser_after_end_mark():
    body = ("Hai bên ký kết thỏa thuận hợp tác trong nhiều lĩnh vực quan trọng, trong đó có thương mại, "
            "đầu tư, giáo dục và văn hóa, góp phần đưa quan hệ hai nước lên tầm cao mới./.\n\n"
            "Việt Nam-Bồ Đào Nha phấn đấu đạt kim ngạch 1 tỷ USD Hai nước cải thiện kim ngạch thương mại...\n\n"
            "Hiền Hạnh\nTTXVN")
    c = clean_body(body)
    assert c.text.endswith("lên tầm cao mới./.")


def test_cue_at_the_top_cannot_empty_an_article():
    body = "Xem thêm\nHai bên hội đàm tại Hà Nội và nhất trí tăng cường hợp tác.\n\nCó thể bạn quan tâm\nTin khác"
    c = clean_body(body)
    assert "Hai bên hội đàm" not in c.text or c.text.startswith("Hai bên")
    flattened = ">> Tin một >> Tin hai " + "Nội dung bài báo rất dài về hợp tác giữa hai nước. " * 10
    assert clean_body(flattened).text == flattened.strip()


SAMPLE = ("Chiều 21/11, tại Hà Nội, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik. "
          "Tổng Bí thư đề nghị hai bên thúc đẩy hòa bình, ổn định và hợp tác về thủy sản, "
          "nâng kim ngạch thương mại song phương lên 150 tỷ USD vào năm 2030. "
          "Hai bên nhất trí tăng cường hợp tác y tế, chăm sóc sức khỏe và quản lý thủy lợi.")


def _new_style(text):
    d = unicodedata.normalize("NFD", text)
    for pair in ("oa", "oe", "uy"):
        for tone in "\u0300\u0301\u0309\u0303\u0323":
            d = d.replace(pair[0] + tone + pair[1] + " ", pair + tone + " ").replace(
                pair[0] + tone + pair[1] + ",", pair + tone + ",")
    return unicodedata.normalize("NFC", d)


def _record_without_text(art):
    rec = art.to_record()
    rec.pop("text_clean")
    rec.pop("id")

    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k != "text"}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return match_key(x) if isinstance(x, str) else x

    return strip(rec)


def test_nfd_and_new_tone_input_extract_the_same_as_nfc():
    nfd = unicodedata.normalize("NFD", SAMPLE)
    new = _new_style(SAMPLE)
    assert new != SAMPLE and nfd != SAMPLE  # the variants really differ
    assert article_from_text(nfd, id="x").text_clean == SAMPLE
    def extract(text):
        return _record_without_text(sukien.extract(text, published="2025-11-21", id="x"))

    base = extract(SAMPLE)
    assert extract(nfd) == base
    assert extract(new) == base


def test_photo_story_keeps_its_captions_as_text():
    # When captions are most of the article they are its content: only the credits go.
    body = "\n".join(f"Chú mèo số {i} diện bộ trang phục độc đáo tại lễ hội - Ảnh: TÔ CƯỜNG" for i in range(1, 6))
    c = clean_body(body + "\nBan tổ chức trao giải cho các thí sinh.")
    assert c.meta.get("photo_story") is True
    assert "Chú mèo số 3 diện bộ trang phục độc đáo tại lễ hội" in c.text and "TÔ CƯỜNG" not in c.text
    # In ordinary news the same caption lines leave the text.
    news = ("Hai bên hội đàm tại Hà Nội và nhất trí tăng cường hợp tác kinh tế, thương mại, đầu tư, "
            "giáo dục và văn hóa trong thời gian tới, vì lợi ích của nhân dân hai nước.\n") * 3
    c = clean_body(news + "Quang cảnh hội đàm - Ảnh: TÔ CƯỜNG\n" + news)
    assert "Quang cảnh" not in c.text and "photo_story" not in c.meta


def test_lead_printed_twice_is_kept_once():
    lead = "Con trai tôi 2 tuổi nhưng cháu rất lười ăn và hay bị rối loạn tiêu hóa."
    c = clean_body(f"{lead}\n{lead} Bác sĩ khuyên nên cho cháu ăn đủ chất.")
    assert c.text == f"{lead} Bác sĩ khuyên nên cho cháu ăn đủ chất."


def test_flattened_caption_credits_and_photo_sentences():
    body = ("Chủ tịch nước duyệt đội danh dự. (Nguồn: TTXVN) Lễ đón chính thức diễn ra trọng thể, "
            "tăng 5% (nguồn: Tổng cục Thống kê) so với năm trước. Trong ảnh: Thủ tướng chào hỏi đại diện "
            "các doanh nghiệp. Hai bên ký kết thỏa thuận. Tin, ảnh: VĂN YÊN (từ Bắc Kinh, Trung Quốc)")
    c = clean_body(body)
    assert "(Nguồn: TTXVN)" not in c.text and "Trong ảnh" not in c.text and "VĂN YÊN" not in c.text
    assert "(nguồn: Tổng cục Thống kê)" in c.text  # a citation inside a sentence stays
    assert c.text.endswith("Hai bên ký kết thỏa thuận.")
    assert c.meta["byline"] == ["Tin, ảnh: VĂN YÊN (từ Bắc Kinh, Trung Quốc)"]


def test_inline_illustration_notes_are_captions():
    body = ("Người dân xếp hàng tại Hà Nội trong ngày khai mạc lễ hội. Ảnh minh họa. Nguồn: internet Theo đó, "
            "Bộ Tài chính bổ sung một số trường hợp được miễn thuế theo quy định mới ban hành gần đây.")
    c = clean_body(body)
    assert c.text == ("Người dân xếp hàng tại Hà Nội trong ngày khai mạc lễ hội. Theo đó, Bộ Tài chính bổ sung "
                      "một số trường hợp được miễn thuế theo quy định mới ban hành gần đây.")
