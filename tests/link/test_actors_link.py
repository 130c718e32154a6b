"""Corpus-wide actors: one per real person across spellings, aliases, partial names and time."""

from __future__ import annotations

from pathlib import Path

import pytest

from sukien.link.actors import (
    EntityRef,
    apply_actor_countries,
    entity_refs_from_store,
    list_actors,
    resolve_actors,
    resolve_entities,
    store_actors,
)
from sukien.model import Article, Entity
from sukien.pipeline import Pipeline
from sukien.reading import article_from_text

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ONLY_ACTORS = ("dates", "events", "statements", "documents", "quantities", "relations")


def ref(aid: str, name: str, country: str | None, title: str | None = None, published: str | None = None,
        eid: str = "e1") -> EntityRef:
    return EntityRef(aid, eid, name, "PER", country, title, None, published)


def test_spellings_tones_and_hyphens_merge():
    idx = resolve_entities([ref("a", "Woo Won-shik", "KOR"), ref("b", "Woo Won Shik", "KOR"),
                            ref("c", "Nguyễn Thị Kim Ngân", "VNM"), ref("d", "Nguyễn Thị Kim Ngân", "VNM")])
    assert len(idx.people()) == 2
    assert idx.actor_of("a", "e1") == idx.actor_of("b", "e1")


def test_dictionary_aliases_and_partial_names_merge():
    idx = resolve_entities([ref("a", "Tập Cận Bình", "CHN"), ref("b", "Xi Jinping", "CHN"),
                            ref("c", "Dmitry Medvedev", "RUS"), ref("d", "Medvedev", "RUS"),
                            ref("e", "Mahn Win Khaing Than", "MMR"), ref("f", "Mahn Winn Khaing Thann", "MMR")])
    names = sorted(a.name for a in idx.people())
    assert names == ["Dmitry Medvedev", "Mahn Win Khaing Than", "Tập Cận Bình"]


def test_different_people_stay_apart():
    idx = resolve_entities([ref("a", "Lý Cường", "CHN"), ref("b", "Lý Khắc Cường", "CHN"),
                            ref("c", "Nguyễn Văn Bình", "VNM"), ref("d", "Nguyễn Văn Bình", "KOR")])
    assert len(idx.people()) == 4


def test_titles_change_over_time():
    idx = resolve_entities([ref("a", "Tô Lâm", "VNM", "Bộ trưởng Bộ Công an", "2019-03-01"),
                            ref("b", "Tô Lâm", "VNM", "Chủ tịch nước", "2024-06-17"),
                            ref("c", "Tô Lâm", "VNM", "Tổng Bí thư", "2025-11-21"),
                            ref("d", "Tô Lâm", "VNM", "Tổng Bí thư", "2025-08-11")])
    (actor,) = idx.people()
    assert actor.titles == ["Bộ trưởng Bộ Công an", "Chủ tịch nước", "Tổng Bí thư"]
    gs = actor.roles[-1]
    assert (gs.first_seen, gs.last_seen, gs.articles) == ("2025-08-11", "2025-11-21", 2)
    assert len(actor.article_ids) == 4


def test_non_person_actors_are_kept_by_type():
    arts = [Article("a", "x", entities=[Entity("e1", "Hàn Quốc", "GPE", "KOR"), Entity("e2", "Bộ Ngoại giao", "ORG", "VNM")]),
            Article("b", "y", entities=[Entity("e1", "Hàn Quốc", "GPE", "KOR")])]
    idx = resolve_actors(arts)
    assert len(idx) == 2 and idx.actor_of("a", "e1") == idx.actor_of("b", "e1")


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")
def test_seeds_give_exactly_the_eight_people():
    pipe = Pipeline(disable=ONLY_ACTORS)
    arts = [pipe(article_from_text(p.read_text(), id=p.stem))
            for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]
    people = resolve_actors(arts).people()
    assert sorted(a.name for a in people) == sorted([
        "Tô Lâm", "Woo Won-shik", "Lương Cường", "Lee Jae Myung", "Ngô Phương Ly", "Bùi Thanh Sơn",
        "Nguyễn Thị Thanh", "Choi Young Sam"])
    to_lam = next(a for a in people if a.name == "Tô Lâm")
    assert len(to_lam.article_ids) == 4


def test_store_roundtrip(tmp_path):
    import sukien

    store = sukien.open(str(tmp_path / "s.db"))
    pipe = Pipeline(disable=ONLY_ACTORS)
    store.ingest([article_from_text("Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik.",
                                    id="a1", published="2025-11-21"),
                  article_from_text("Chủ tịch Quốc hội Hàn Quốc Woo Won Shik gặp Tổng Bí thư Tô Lâm tại Hà Nội.",
                                    id="a2", published="2025-11-21")], pipeline=pipe)
    on_the_fly = list_actors(store)
    n = store_actors(store, resolve_entities(entity_refs_from_store(store)))
    stored = list_actors(store)
    assert n >= 2
    assert [(r["name"], r["country"], r["articles"]) for r in stored] == \
        [(r["name"], r["country"], r["articles"]) for r in on_the_fly] == \
        [("Tô Lâm", "VNM", 2), ("Woo Won-shik", "KOR", 2)]
    assert [r["name"] for r in list_actors(store, country="kor")] == ["Woo Won-shik"]
    assert [r["name"] for r in list_actors(store, name="to lam")] == ["Tô Lâm"]
    store.close()


def test_actors_and_holders_commands(tmp_path):
    import json

    from typer.testing import CliRunner

    import sukien
    from sukien.interfaces.cli import app

    db = str(tmp_path / "c.db")
    store = sukien.open(db)
    store.ingest([article_from_text("Tổng thống Hàn Quốc Lee Jae Myung đón Tổng Bí thư Tô Lâm.", id="a1",
                                    published="2025-08-11")], pipeline=Pipeline(disable=ONLY_ACTORS))
    store.close()
    runner = CliRunner()
    out = runner.invoke(app, ["actors", "--db", db, "--country", "KOR", "--json"])
    assert out.exit_code == 0, out.output
    assert [r["name"] for r in json.loads(out.output)] == ["Lee Jae Myung"]
    out = runner.invoke(app, ["actors", "--db", db, "--resolve"])
    assert out.exit_code == 0 and "Tô Lâm" in out.output
    out = runner.invoke(app, ["holders", "Tổng Bí thư", "--date", "2019-01-01", "--json"])
    assert json.loads(out.output)[0]["name"] == "Nguyễn Phú Trọng"
    out = runner.invoke(app, ["actors", "--db", str(tmp_path / "missing.db")])
    assert out.exit_code != 0


def test_vietnamese_names_one_letter_apart_stay_apart():
    idx = resolve_entities([ref("a", "Phạm Văn Hùng", "VNM"), ref("b", "Phạm Văn Dũng", "VNM")])
    assert len(idx.people()) == 2


def test_a_guessed_country_yields_to_a_read_one():
    guessed = ref("b", "Ankie Broekers-Knol", "DEU")
    guessed.country_guessed = True
    idx = resolve_entities([ref("a", "Ankie Broekers-Knol", "NLD"), guessed, ref("c", "Ankie Broekers-Knol", "NLD")])
    (actor,) = idx.people()
    assert actor.country == "NLD" and len(actor.article_ids) == 3


def test_guessed_countries_are_corrected_across_articles():
    pipe = Pipeline(disable=ONLY_ACTORS)
    a = pipe(article_from_text("Thủ tướng Nguyễn Xuân Phúc hội đàm tại Đức; gặp Chủ tịch Thượng viện "
                               "Ankie Broekers-Knol.", id="a"))
    b = pipe(article_from_text("Chủ tịch Thượng viện Hà Lan Ankie Broekers-Knol tiếp Thủ tướng.", id="b"))
    assert next(e for e in a.entities if e.name == "Ankie Broekers-Knol").country == "DEU"  # guessed
    idx = resolve_actors([a, b])
    assert apply_actor_countries([a, b], idx) == 1
    assert next(e for e in a.entities if e.name == "Ankie Broekers-Knol").country == "NLD"
