"""Rows of topics.tsv added from the blind hand checks: the topic a statement gets from its words."""

from __future__ import annotations

import pytest

import sukien

MEETING = "Chiều 31/5, Thủ tướng Nguyễn Xuân Phúc hội đàm với Tổng thống Hoa Kỳ Donald Trump tại Nhà Trắng. "


def _topics(sentence: str) -> set[str]:
    """Topics of the statements made from ``sentence`` (after a meeting sentence)."""
    article = sukien.extract(MEETING + sentence, published="2017-06-01")
    found = [s for s in article.statements if sentence[:25] in article.text_clean[s.evidence.start:s.evidence.end]]
    assert found, sentence
    return {t for s in found for t in s.topics}


@pytest.mark.parametrize(("sentence", "present", "absent"), [
    ("Hai nhà lãnh đạo bày tỏ quan ngại đối với các vụ thử hạt nhân và tên lửa đạn đạo của Triều Tiên.",
     "defense_security", "energy"),
    ("Hai bên ủng hộ phi hạt nhân hóa Bán đảo Triều Tiên.", "defense_security", "energy"),
    ("Thủ tướng đề nghị Hoa Kỳ bãi bỏ chương trình thanh tra cá da trơn.", "agriculture_fisheries", None),
    ("Thủ tướng đề nghị Hoa Kỳ mở cửa thị trường cho hoa quả và sữa của Việt Nam.", "agriculture_fisheries", None),
    ("Hai nhà lãnh đạo kêu gọi khu vực tư nhân hai nước mở rộng hợp tác.", "investment", "multilateral_regional"),
    ("Thủ tướng đề nghị hai bên tăng cường phối hợp quản lý khu vực biên giới.", "defense_security",
     "multilateral_regional"),
    ("Hai nhà lãnh đạo hoan nghênh sự tham gia tích cực của thực tập sinh Việt Nam tại Hoa Kỳ.", "labor", None),
    ("Hai bên nhất trí giải quyết tranh chấp phù hợp với Công ước Liên hợp quốc về Luật Biển năm 1982.",
     "defense_security", "agriculture_fisheries"),
    ("Thủ tướng đề nghị hai bên thúc đẩy hợp tác về công nghiệp quốc phòng.", "defense_security", "infrastructure"),
    ("Thủ tướng đề xuất hai bên cùng nghiên cứu phát triển năng lượng thay thế.", "science_technology",
     "education_training"),
    ("Hà Lan sẵn sàng chia sẻ kinh nghiệm ứng phó với biến đổi khí hậu với Việt Nam.", "environment_climate",
     "education_training"),
    ("Chủ tịch nước đề nghị hai bên nghiên cứu các biện pháp nâng cao kim ngạch thương mại.", "trade",
     "education_training"),
])
def test_statement_topic_from_the_new_cues(sentence, present, absent):
    topics = _topics(sentence)
    assert present in topics
    assert absent is None or absent not in topics
