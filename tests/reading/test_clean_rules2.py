"""Rules from the clean-text check of 60 random corpus articles (notes/clean_check.md)."""

from sukien.reading.clean import clean_body

BODY = "Thủ tướng chủ trì cuộc họp với các bộ, ngành về tình hình kinh tế - xã hội trong tháng và nhiệm vụ thời gian tới."


def test_bracketed_photo_note_without_colon_is_a_caption():
    for note in ("(Ảnh chụp màn hình)", "(ảnh minh họa).", "(Ảnh do nhà phát hành cung cấp)"):
        c = clean_body(f"{BODY}\n\nToàn bộ các chỉ số trên thị trường đều giảm sâu {note}\n\n{BODY}")
        assert "giảm sâu" not in c.text, note
        assert c.text.count(BODY) == 2
        assert c.meta["captions"]


def test_all_caps_photographer_name_is_cut_whole_and_body_after_it_stays():
    c = clean_body(f"{BODY} {BODY} Các cầu thủ đoạt chức vô địch. Ảnh: ANH HÒA Bị dẫn trước ở phút 43, đội nhà vẫn thắng.")
    assert "HÒA" not in c.text and "Bị dẫn trước ở phút 43" in c.text
    c = clean_body(f"{BODY} {BODY} Chị Hương viết tường trình. Ảnh: THANH TIÊN Chị Hương mang theo giấy khai sinh.")
    assert "TIÊN" not in c.text and "Chị Hương mang theo giấy khai sinh." in c.text


def test_author_and_source_glued_to_the_last_paragraph_leave():
    c = clean_body(f"{BODY} Đà tăng cổ phiếu vượt xa chỉ số S&P 500 của Mỹ. Anh Sa Theo Trí thức trẻ/Bloomberg")
    assert c.text.endswith("của Mỹ.")
    assert c.meta["byline"] == ["Anh Sa Theo Trí thức trẻ/Bloomberg"]
    c = clean_body(f"{BODY} Lợi nhuận giảm. Đình Đình, Theo Thời Đại")
    assert c.text.endswith("Lợi nhuận giảm.")
    c = clean_body(f"{BODY} Không phận nước này. Kiệt Linh - (tổng hợp)")
    assert c.text.endswith("nước này.")


def test_a_closing_sentence_starting_with_theo_stays():
    tail = "Theo Bộ Y tế, số ca mắc mới giảm mạnh trong tuần qua"
    assert clean_body(f"{BODY} {tail}").text.endswith(tail)


def test_weekday_byline_promo_and_spam_lines_leave():
    text = (f"Hương Chi-Thứ bảy, ngày 07/12/2024 07:07 GMT+7\n\n{BODY}\n\n"
            "Vân Trang - Thứ bảy, 01/06/2024 19:53 (GMT+7)\n\n"
            "Đón xem Mình yêu nhau tập 59 phát sóng lúc 20h00 ngày 23/5 trên kênh VTV3!\n\n"
            "Related products · trang web cá cược · Company · Social media.")
    assert clean_body(text).text == BODY
