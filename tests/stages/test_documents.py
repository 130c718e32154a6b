"""Documents signed or exchanged: lists, sign verbs, parties, kinds, not-signed mentions; gold floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sukien.model import Article
from sukien.stages.dates import resolve_dates
from sukien.stages.documents import find_documents

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED_002 = SHARED / "corpus" / "seeds" / "002_58d80bc31d33530a.txt"


def documents(text: str, published: str | None = None):
    art = resolve_dates(Article(id="t", text_clean=text, published=published))
    return find_documents(art).documents


LIST = """Trưa 11/8, hai nhà lãnh đạo đã chứng kiến Lễ trao các văn kiện hợp tác song phương Việt Nam – Hàn Quốc.

Các văn kiện hợp tác gồm:

- Bản ghi nhớ giữa Bộ Khoa học và Công nghệ Việt Nam và Bộ Khoa học, Công nghệ Thông tin và Truyền thông Hàn Quốc về hợp tác khoa học công nghệ.

- Thỏa thuận sửa đổi bổ sung Bản ghi nhớ giữa Bộ Giáo dục và Đào tạo Việt Nam và Bộ Giáo dục Hàn Quốc về hợp tác giáo dục.

- Biên bản thỏa thuận tăng cường hợp tác giữa Ủy ban Nhân dân thành phố Đà Nẵng (Việt Nam) và Chính quyền thành phố Pyeongtaek (Hàn Quốc).
"""


def test_list_under_an_exchange_header():
    docs = documents(LIST, "2025-08-11")
    assert [d.kind for d in docs] == ["MOU", "AGREEMENT", "AGREEMENT"]
    assert docs[0].parties == ["Bộ Khoa học và Công nghệ Việt Nam",
                               "Bộ Khoa học, Công nghệ Thông tin và Truyền thông Hàn Quốc"]
    assert docs[1].parties == ["Bộ Giáo dục và Đào tạo Việt Nam", "Bộ Giáo dục Hàn Quốc"]
    assert docs[2].parties == ["Ủy ban Nhân dân thành phố Đà Nẵng", "Chính quyền thành phố Pyeongtaek"]
    assert all(d.signed == "2025-08-11" for d in docs)
    assert "science_technology" in docs[0].topics


def test_list_without_a_signing_header_is_not_signed():
    text = "Hai bên sẽ tiếp tục đàm phán các văn bản sau:\n- Bản ghi nhớ về hợp tác lao động.\n"
    assert documents(text) == []


@pytest.mark.parametrize(("text", "kind", "parties"), [
    ("Sau hội đàm, hai Bộ trưởng cùng nhau chứng kiến ký kết Bản ghi nhớ về hợp tác quân sự giữa Bộ Quốc phòng "
     "nước Cộng hòa xã hội chủ nghĩa Việt Nam và Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa.", "MOU",
     ["Bộ Quốc phòng nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa"]),
    ("VN và các nước Liên minh Kinh tế Á - Âu (gồm Nga, Armenia, Belarus, Kazakhstan và Kyrgyzstan) đã ký chính "
     "thức Hiệp định Thương mại tự do vào ngày 29.5.2015.", "AGREEMENT", ["VN", "Liên minh Kinh tế Á - Âu"]),
    ("Sau hội đàm, hai nhà lãnh đạo Việt Nam và Timor-Leste đã chứng kiến lễ ký Hiệp định Miễn thị thực song "
     "phương cho người mang hộ chiếu ngoại giao.", "AGREEMENT", ["Việt Nam", "Timor-Leste"]),
    ("Sau hội đàm, hai bên đã ra Tuyên bố chung về quan hệ Việt Nam - Hoa Kỳ.", "JOINT_STATEMENT",
     ["Việt Nam", "Hoa Kỳ"]),
])
def test_sign_verbs_and_parties(text, kind, parties):
    (doc,) = documents(text)
    assert doc.kind == kind and doc.parties == parties


def test_signed_background_document_and_its_year():
    text = ("Chủ tịch nước Việt Nam đề nghị Timor-Leste sớm phê chuẩn Hiệp định Thương mại song phương đã ký năm "
            "2013; tạo điều kiện cho doanh nghiệp.")
    (doc,) = documents(text, "2024-08-01")
    assert doc.kind == "AGREEMENT" and doc.signed == "2013"


@pytest.mark.parametrize("text", [
    "Chủ tịch nước đề nghị hai bên gia hạn hoặc ký mới Bản Ghi nhớ về thương mại gạo với Timor-Leste.",
    "Hai bên nhất trí triển khai hiệu quả Hiệp định khung về hợp tác kinh tế giữa Việt Nam và Lào.",
    "Việt Nam và Hàn Quốc sẽ ký Hiệp định về dẫn độ trong năm tới.",
    "Hai bên đang đàm phán để tiến tới ký Hiệp định thương mại tự do Việt Nam - Israel.",
    "Hai bên cần triển khai các thỏa thuận đã ký giữa hai nước.",
    "sau khi Hiệp định Geneva về Lào được kí kết, Việt Nam và Lào nhất trí thiết lập quan hệ ngoại giao.",
])
def test_mentions_that_are_not_signings(text):
    assert documents(text) == []


def test_the_same_document_mentioned_twice_is_one():
    text = ("Việt Nam và Nga kỷ niệm 30 năm ngày ký Hiệp ước về những nguyên tắc cơ bản của quan hệ hữu nghị giữa "
            "Cộng hòa xã hội chủ nghĩa Việt Nam và Liên bang Nga. Lãnh đạo hai bên tin tưởng dịp kỷ niệm 30 năm "
            "ngày ký hiệp ước sẽ mở ra giai đoạn mới.")
    (doc,) = documents(text, "2024-06-17")
    assert doc.parties == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Liên bang Nga"]
    assert doc.signed == "1994"  # 30 years before the publication year


@pytest.mark.skipif(not SEED_002.exists(), reason="shared corpus not present")
def test_seed_002_mou_list_floor():
    docs = documents(SEED_002.read_text(encoding="utf-8"))
    kinds = Counter(d.kind for d in docs)
    assert len(docs) >= 10 and kinds["MOU"] >= 8 and kinds["AGREEMENT"] >= 2
    assert all(len(d.parties) == 2 for d in docs)


def _scores(gold_name: str, corpus: Path, key: str = "documents"):
    from sukien.evaluation.run import evaluate
    from sukien.pipeline import Pipeline

    pipe = Pipeline(raise_errors=False, disable=("actors", "events", "statements", "quantities", "relations"))
    return evaluate(SHARED / "gold" / gold_name, corpus, pipeline=pipe).result.to_dict()["totals"][key]


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="shared gold not present")
def test_gold_floors():
    assert _scores("seeds.json", SHARED / "corpus" / "seeds")["f1"] >= 0.95
    assert _scores("dev.json", SHARED / "corpus" / "dev" / "dev.jsonl")["f1"] >= 0.93


@pytest.mark.skipif(not (SHARED / "gold" / "dev.json").exists(), reason="shared gold not present")
def test_gold_topic_floor_dev():
    assert _scores("dev.json", SHARED / "corpus" / "dev" / "dev.jsonl", "document_topics")["f1"] >= 0.79  # 0.81 here (no statements stage); 0.864 with the full pipeline


def test_planned_programme_is_not_signed_but_past_is():
    planned = ("Theo chương trình, Chủ tịch nước sẽ dự tọa đàm, hội kiến lãnh đạo tỉnh, chứng kiến lễ ký thỏa thuận "
               "về thiết lập quan hệ hữu nghị giữa tỉnh Quảng Ninh và tỉnh Phúc Kiến.")
    assert documents(planned) == []
    past = "Chủ tịch nước sẽ tiếp tục chuyến thăm; trước đó, hai bên đã ký Hiệp định về dẫn độ giữa Việt Nam và Hàn Quốc."
    assert [d.kind for d in documents(past)] == ["AGREEMENT"]


def test_studying_the_possibility_of_signing_and_any_agreement_are_not_signings():
    assert documents("Hai bên tích cực nghiên cứu khả năng ký kết Hiệp định tương trợ tư pháp trong lĩnh vực hình sự.") == []
    assert documents("Dù ký bất kỳ thỏa thuận nào trong chuyến đi thì ông Trump cũng hài lòng.") == []


def test_signed_in_a_relative_clause_after_the_title():
    docs = documents("Hai bên triển khai hiệu quả Tuyên bố tầm nhìn chung về hợp tác quốc phòng đến năm 2025 "
                     "mà hai bên đã ký kết vào tháng 1/2017.")
    assert [(d.kind, d.title) for d in docs] == [
        ("JOINT_STATEMENT", "Tuyên bố tầm nhìn chung về hợp tác quốc phòng đến năm 2025")]


def test_title_ends_before_an_office_holder_or_a_new_sentence_run_on():
    docs = documents("Sau khi ký Bản ghi nhớ của phiên họp thứ nhất, Bộ trưởng Trần Tuấn Anh đánh giá kết quả tốt đẹp.")
    assert [d.title for d in docs] == ["Bản ghi nhớ của phiên họp thứ nhất"]
    docs = documents("Phó Thủ tướng chứng kiến lễ ký Thỏa thuận thành lập Ủy ban hỗn hợp Việt Nam – Tây Ban Nha "
                     "Tại Diễn đàn, Thứ trưởng giới thiệu chính sách.")
    assert [d.title for d in docs] == ["Thỏa thuận thành lập Ủy ban hỗn hợp Việt Nam – Tây Ban Nha"]


def test_subject_parties_start_where_the_name_starts():
    docs = documents("Kể từ khi Việt Nam và Mỹ ký kết Hiệp định thương mại song phương năm 2001, thương mại tăng mạnh.")
    assert [d.parties for d in docs] == [["Việt Nam", "Mỹ"]]
    docs = documents("chứng kiến lễ trao thỏa thuận hợp tác kinh tế giữa doanh nghiệp Việt Nam và Hoa Kỳ ký kết.")
    assert [d.parties for d in docs] == [["doanh nghiệp Việt Nam", "Hoa Kỳ"]]


def test_the_two_cities_of_a_memorandum_between_two_cities():
    text = ("Phó Chủ tịch UBND Thành phố Hồ Chí Minh tiếp Phó thị trưởng thành phố Porto (Bồ Đào Nha).\n\n"
            "Ông hoan nghênh chuyến thăm, góp phần triển khai Bản ghi nhớ hợp tác giữa hai thành phố đã ký kết "
            "vào năm 2023.\n\nPorto và Thành phố Hồ Chí Minh có thể hợp tác; thành phố Porto có nhiều di sản.")
    assert [d.parties for d in documents(text)] == [["Thành phố Hồ Chí Minh", "Porto"]]
    # a third city as frequent as the second: the two sides are not known
    text3 = text + " Thành phố Lisbon và thành phố Lisbon."
    assert [d.parties for d in documents(text3)] == [[]]


def test_topics_named_by_the_kind_of_agreement_and_local_parties():
    treaty = documents("Năm 1977, hai nước đã ký Hiệp ước Hữu nghị và Hợp tác Việt Nam - Lào.")
    assert "diplomacy" in treaty[0].topics
    cepa = documents("Hai nhà lãnh đạo chứng kiến lễ ký kết Hiệp định Đối tác kinh tế toàn diện (CEPA).")
    assert {"trade", "investment"} <= set(cepa[0].topics)
    local = documents("Chủ tịch nước chứng kiến lễ ký Thỏa thuận thiết lập quan hệ hợp tác giữa tỉnh Quảng Ninh "
                      "và tỉnh Phúc Kiến.")
    assert local[0].parties == ["tỉnh Quảng Ninh", "tỉnh Phúc Kiến"] and "people_diaspora" in local[0].topics


def test_an_occasion_with_one_foreign_country_is_with_viet_nam():
    text = ("Bộ trưởng Quốc phòng Campuchia thăm Việt Nam.\n\n"
            "Hai bên cùng nhất trí cho rằng việc ký Bản ghi nhớ hợp tác có ý nghĩa quan trọng với Campuchia.")
    parties = [d.parties for d in documents(text)]
    assert len(parties) == 1 and set(parties[0]) == {"Việt Nam", "Campuchia"}


def test_the_same_body_of_each_side_between_two_ministries():
    text = ("Bộ trưởng Ngoại giao Việt Nam hội đàm với Bộ trưởng Ngoại giao Tây Ban Nha.\n\n"
            "Hai Bộ trưởng đã ký thỏa thuận hợp tác giữa hai Bộ Ngoại giao. Việt Nam và Tây Ban Nha nhất trí.")
    assert [d.parties for d in documents(text)] == [["Bộ Ngoại giao Việt Nam", "Bộ Ngoại giao Tây Ban Nha"]]


def test_inline_list_after_a_count_of_documents():
    text = ("Sau cuộc họp, hai bên đã ký kết bốn văn kiện: Thỏa thuận về kế hoạch hợp tác giữa chính phủ Việt Nam "
            "và chính phủ Lào năm 2017; Biên bản thỏa thuận thành lập công ty liên doanh; kế hoạch hợp tác năm 2017 "
            "giữa Bộ GD&ĐT Việt Nam và Bộ Giáo dục và Thể thao Lào.")
    docs = documents(text)
    assert [d.kind for d in docs] == ["AGREEMENT", "AGREEMENT", "PLAN"]
    assert docs[0].parties == ["chính phủ Việt Nam", "chính phủ Lào"]


def test_re_signed_document_and_a_long_count_header():
    docs = documents("Hai nhà lãnh đạo hoan nghênh việc ký kết lại Bản ghi nhớ hợp tác về cơ chế tín chỉ chung.")
    assert [d.kind for d in docs] == ["MOU"]
    docs = documents("Hai nhà lãnh đạo đã chứng kiến lễ ký kết 9 văn kiện hợp tác giữa hai nước: Nghị định thư sửa đổi "
                     "Nghị định thư về vận tải; Thỏa thuận hợp tác giữa tỉnh Lào Cai và tỉnh Brest.")
    assert [(d.kind, d.parties) for d in docs][1] == ("AGREEMENT", ["tỉnh Lào Cai", "tỉnh Brest"])


def test_parties_with_their_province_after_a_comma():
    docs = documents("Hai nhà lãnh đạo chứng kiến lễ trao bản ghi nhớ hợp tác giữa UBND huyện Nam Đàn, tỉnh Nghệ An "
                     "và quận Cerro Navia, vùng thủ đô Santiago của Chile.")
    assert [d.parties for d in docs] == [["UBND huyện Nam Đàn", "quận Cerro Navia"]]


def test_generic_list_of_kinds_is_no_document_and_titles_end_before_trong_do():
    assert documents("Tại các Diễn đàn kinh tế, nhiều văn bản, thỏa thuận hợp tác đã được ký kết giữa doanh nghiệp "
                     "hai nước.") == []
    docs = documents("Ngày 19/10/2006, Việt Nam và Nhật Bản đã ký Tuyên bố chung về đối tác chiến lược, trong đó nhấn "
                     "mạnh hợp tác. Hai bên kỷ niệm 40 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam - Lào trong "
                     "năm 2017.")
    assert [d.title for d in docs] == ["Tuyên bố chung về đối tác chiến lược", "Hiệp ước Hữu nghị và Hợp tác Việt Nam - Lào"]


def test_extended_memorandum_and_its_later_anaphoric_mentions_are_one_document():
    text = ("Chính phủ Bangladesh đã chính thức ký gia hạn Bản ghi nhớ (MOU) về Thương mại gạo giữa hai nước. "
            "MOU mới được ký gia hạn lần này sẽ có hiệu lực 05 năm. Ngay sau khi ký kết Bản ghi nhớ này, phía "
            "Bangladesh mong muốn mua gạo của Việt Nam.")
    assert [d.title for d in documents(text)] == ["Bản ghi nhớ (MOU) về Thương mại gạo giữa hai nước"]


def test_the_same_body_of_the_two_named_countries():
    docs = documents("Hai Bộ trưởng chứng kiến ký thỏa thuận hợp tác giữa hai Học viện Ngoại giao của Việt Nam và Bồ Đào "
                     "Nha. Cuộc hội đàm diễn ra tốt đẹp.")
    assert [d.parties for d in docs] == [["Học viện Ngoại giao Việt Nam", "Học viện Ngoại giao Bồ Đào Nha"]]


def test_a_bare_joint_statement_takes_what_both_sides_said():
    from sukien.model import Entity, Statement
    from sukien.stages.documents import find_documents as stage

    text = "Hai nhà lãnh đạo đã ra Tuyên bố chung Việt Nam - Hàn Quốc. Hai bên nhất trí tăng cường hợp tác quốc phòng."
    art = resolve_dates(Article(id="t", text_clean=text, published="2025-08-11"))
    art.entities = [Entity("tl", "Tô Lâm", "PER", "VNM", None), Entity("lee", "Lee Jae Myung", "PER", "KOR", None)]
    ev = art.evidence(60, len(text))
    art.statements = [Statement(id="t:st1", kind="AGREE", evidence=ev, source=["tl", "lee"], target=[],
                                topics=["defense_security"]),
                      Statement(id="t:st2", kind="PROPOSE", evidence=ev, source=["tl"], target=["KOR"],
                                topics=["labor"])]
    (doc,) = [d for d in stage(art).documents if d.kind == "JOINT_STATEMENT"]
    assert doc.topics == ["diplomacy", "defense_security"]  # one side's proposal is not the joint text's


@pytest.mark.parametrize("text", [
    LIST,
    "Hai bên đã ký hiệp định, (Bản ghi nhớ)-hợp tác; hai dự án và ba văn kiện.Biên bản ghi nhớ\nkế hoạch hành động",
    "Không có văn kiện nào. Thỏa thuậnX, xhiệp định, hiệp địnhx, một Hiệp định.",
])
def test_document_phrases_from_the_shared_pass_are_those_of_an_own_pass(text):
    from sukien.stages.cues import article_padded
    from sukien.stages.dates import find_phrases
    from sukien.stages.documents import _phrase_hits, _phrases

    art = resolve_dates(Article(id="t", text_clean=text, published=None))
    padded = article_padded(art)
    own = [(j - 1, p) for j, p in find_phrases(padded, _phrases().all) if text[j - 1:j - 1 + len(p)].lower() == p]
    assert _phrase_hits(art) == own
    assert own  # (each example holds some)
