"""``sukien eval`` end to end on the shared seeds: it runs and its figures are well-formed.

Score floors belong to the extraction issues' tests; here only the plumbing is checked.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sukien.evaluation.run import evaluate
from sukien.interfaces.cli import app

TYPES = ("persons", "events", "statements", "documents", "quantities", "relations")


def test_evaluate_the_real_pipeline_on_the_seeds(shared_dir):
    run = evaluate(shared_dir / "gold" / "seeds.json", shared_dir / "corpus" / "seeds")
    r = run.result
    assert len(r.articles) == 5 and r.missing == []
    for name in TYPES:
        sc = r.total(name)
        assert 0.0 <= sc.precision <= 1.0 and 0.0 <= sc.recall <= 1.0 and 0.0 <= sc.f1 <= 1.0
        assert sc.tp + sc.fn == {"persons": 14, "events": 11, "statements": 50, "documents": 10,
                                 "quantities": 9, "relations": 6}[name]


def test_cli_table_ends_with_the_headline_figures(shared_dir):
    res = CliRunner().invoke(app, ["eval", "--gold", str(shared_dir / "gold" / "seeds.json"),
                                   "--corpus", str(shared_dir / "corpus" / "seeds")])
    assert res.exit_code == 0, res.output
    tail = res.output.strip().splitlines()[-8:]
    assert tail[-1].startswith("boilerplate leaks:")
    assert [line.split()[0] for line in tail[1:-1]] == list(TYPES)


def test_cli_json_on_the_dev_jsonl(shared_dir):
    res = CliRunner().invoke(app, ["eval", "--gold", str(shared_dir / "gold" / "dev.json"),
                                   "--corpus", str(shared_dir / "corpus" / "dev" / "dev.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["summary"]["articles"] >= 20 and d["summary"]["missing"] == []
    assert all(0.0 <= d["summary"][t]["f1"] <= 1.0 for t in TYPES)


def test_cli_reports_a_bad_gold_file_cleanly(tmp_path, shared_dir):
    bad = tmp_path / "g.json"
    bad.write_text('{"schema": "nope"}', encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "--gold", str(bad), "--corpus", str(shared_dir / "corpus" / "seeds")])
    assert res.exit_code == 1 and "E600" in res.output and "schema" in res.output


def test_link_without_a_linker_is_a_clean_error(shared_dir, monkeypatch):
    import sukien.link

    monkeypatch.delattr(sukien.link, "link_corpus", raising=False)
    res = CliRunner().invoke(app, ["eval", "--gold", str(shared_dir / "gold" / "seeds.json"),
                                   "--corpus", str(shared_dir / "corpus" / "seeds"), "--link"])
    assert res.exit_code == 1 and "link_corpus" in res.output


def test_link_scores_the_corpus_record(shared_dir, monkeypatch):
    import sukien.link

    def fake_link(articles):  # one story per article, no actors or events
        return {"type": "corpus", "actors": [], "events": [], "stories": [[a.id] for a in articles]}

    monkeypatch.setattr(sukien.link, "link_corpus", fake_link, raising=False)
    res = CliRunner().invoke(app, ["eval", "--gold", str(shared_dir / "gold" / "seeds.json"),
                                   "--corpus", str(shared_dir / "corpus" / "seeds"), "--link"])
    assert res.exit_code == 0, res.output
    stories = next(line for line in res.output.splitlines() if line.startswith("stories (pairs)"))
    assert stories.split()[2:8] == ["0.000", "0.000", "0.000", "0", "0", "2"]


def test_baseline_without_underthesea_is_a_clean_error(shared_dir, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "underthesea", None)  # import fails as if not installed
    res = CliRunner().invoke(app, ["eval", "--gold", str(shared_dir / "gold" / "seeds.json"),
                                   "--corpus", str(shared_dir / "corpus" / "seeds"), "--baseline"])
    assert res.exit_code == 1 and "baseline" in res.output


def test_underthesea_baseline_scores_persons(shared_dir):
    import pytest

    pytest.importorskip("underthesea")
    from sukien.evaluation.baseline import evaluate_baseline

    r = evaluate_baseline(shared_dir / "gold" / "seeds.json", shared_dir / "corpus" / "seeds").result
    persons = r.total("persons")
    assert persons.tp + persons.fn == 14 and persons.tp + persons.fp > 0
    assert 0.0 <= persons.f1 <= 1.0
    assert r.total("events").tp == 0  # the baseline has no events


def test_jsonl_published_is_passed_on_and_gold_published_fills_gaps(tmp_path):
    from sukien.evaluation.gold import parse_gold
    from sukien.evaluation.run import read_gold_articles

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in (
        {"id": "a", "text": "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến ông Woo Won-shik.", "published": "2025-11-21"},
        {"id": "b", "text": "Hai bên nhất trí tăng cường hợp tác.", "published": None},
        {"id": "c", "text": "Không có trong gold."})) + "\n", encoding="utf-8")
    gold = parse_gold({"schema": "sukien-gold/1", "articles": [
        {"id": "b", "published": "2024-06-25"}, {"id": "a", "published": "2025-11-21"}]})
    articles, skipped = read_gold_articles(gold, corpus)
    assert [a.id for a in articles] == ["b", "a"] and skipped == []
    assert articles[1].published == "2025-11-21" and articles[0].published is None
    articles, _ = read_gold_articles(gold, corpus, gold_published=True)
    assert articles[0].published == "2024-06-25"


def test_evaluate_with_the_real_linker_scores_the_corpus_level(shared_dir):
    import pytest

    import sukien.link

    if not hasattr(sukien.link, "link_corpus"):
        pytest.skip("sukien.link.link_corpus is not there yet")
    run = evaluate(shared_dir / "gold" / "seeds.json", shared_dir / "corpus" / "seeds", link=True)
    c = run.result.corpus
    assert c is not None and run.corpus_record["type"] == "corpus"
    for sc in (c.actors, c.events, c.events_any_sources, c.stories):
        assert 0.0 <= sc.f1 <= 1.0
    assert c.actors.tp + c.actors.fn == 8 and c.stories.tp + c.stories.fn == 2


def test_an_article_in_two_forms_is_scored_from_the_one_with_its_date(tmp_path):
    from sukien.evaluation.gold import load_gold
    from sukien.evaluation.run import read_gold_articles

    text = "Chiều 21/11, Tổng Bí thư Tô Lâm hội kiến Chủ tịch Quốc hội Hàn Quốc Woo Won-shik."
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"schema": "sukien-gold/1", "articles": [
        {"id": "a1", "published": "2025-11-21", "entities": [], "events": [], "statements": []}]}),
        encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "articles" / "a1.txt").write_text(text, encoding="utf-8")  # read first, no date
    (corpus / "dev.jsonl").write_text(json.dumps({"id": "a1", "published": "2025-11-21", "text": text},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    articles, _ = read_gold_articles(load_gold(gold), corpus)
    assert [(a.id, a.published) for a in articles] == [("a1", "2025-11-21")]
    articles, _ = read_gold_articles(load_gold(gold), corpus / "articles")
    assert [(a.id, a.published) for a in articles] == [("a1", None)]
