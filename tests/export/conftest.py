import pytest

from sukien.model import (
    Article,
    Document,
    Entity,
    Event,
    Evidence,
    Quantity,
    Relation,
    StageError,
    Statement,
)


def _full_article(id_: str, published: str | None) -> Article:
    text = "Sáng 3/6, Chủ tịch nước Tô Lâm hội đàm với Tổng thống Yoon Suk Yeol tại Hà Nội."
    a = Article(id=id_, text_clean=text, title="Hội đàm", published=published, outlet="vov",
                url="https://example.org/x", meta={"category": "thoi-su"},
                errors=[StageError("quantities", "ValueError: boom")])
    ev = Evidence(0, 20, text[:20])
    a.entities = [Entity("e1", "Tô Lâm", "PER", "VNM", "Chủ tịch nước", "President", [(21, 27)],
                         {"aliases": ["Tô Lâm"], "sector": "state"}),
                  Entity("e2", "Hàn Quốc", "GPE", "KOR")]
    a.events = [Event("ev1", "MEET", ev, "meet", ["e1", "KOR"], "VNM", "2024-06-03", "day", "morning",
                      {"name": "Hà Nội", "country": "VNM"}, "occurred",
                      {"event_type": "CONSULT", "mode": "meet"}, "042")]
    a.statements = [Statement("s1", "AGREE", ev, ["e1"], ["KOR"], ["trade"], "ev1", True,
                              {"event_type": "AGREE"}, "030")]
    a.documents = [Document("MOU", "Bản ghi nhớ", ev, ["VNM", "KOR"], ["trade"], "2024-06-03")]
    a.quantities = [Quantity(150, "tỷ USD", "target", ev, 2030, "about", "kim ngạch")]
    a.relations = [Relation(["VNM", "KOR"], "comprehensive strategic partnership", ev, year=2022)]
    return a


@pytest.fixture()
def full_article():
    """Builds an article with one record of every type (a factory: call it with id, published)."""
    return _full_article
