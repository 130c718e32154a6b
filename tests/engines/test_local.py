import json
import re
from pathlib import Path

import pytest

from sukien.engines.local import map_articles
from sukien.model import Article
from sukien.pipeline import Pipeline, Stage
from sukien.reading import Skipped, read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _examples() -> list[Article]:
    return [a for a in read(EXAMPLES) if isinstance(a, Article)]


def _records(articles) -> list[str]:
    return [json.dumps(a.to_record(), ensure_ascii=False, sort_keys=True) for a in articles]


def test_two_workers_give_the_same_records_in_the_same_order_as_one():
    # Many small chunks so that results really come back from different workers.
    articles = _examples() * 6
    for i, a in enumerate(articles):
        a.id = f"{a.id}-{i}"
    one = _records(map_articles([_copy(a) for a in articles], workers=1))
    two = _records(map_articles([_copy(a) for a in articles], workers=2, chunksize=2))
    assert len(one) == len(articles)
    assert one == two


def test_non_articles_pass_through_in_place():
    arts = _examples()[:2]
    skipped = Skipped("bad.jsonl", "malformed JSON", 3)
    out = list(map_articles([arts[0], skipped, arts[1]], workers=2, chunksize=1))
    assert [type(x).__name__ for x in out] == ["Article", "Skipped", "Article"]
    assert out[1] == skipped


def test_streaming_reads_only_a_bounded_number_of_articles_ahead():
    template = _examples()[0]
    pulled = 0

    def endless():
        nonlocal pulled
        i = 0
        while True:
            pulled += 1
            i += 1
            yield Article(id=f"a{i}", text_clean=template.text_clean)

    stream = map_articles(endless(), workers=2, chunksize=4, max_in_flight=3)
    first = [next(stream) for _ in range(10)]
    assert [a.id for a in first] == [f"a{i}" for i in range(1, 11)]
    # 10 yielded + at most 3 chunks of 4 in flight; an eager pool would have pulled forever.
    assert pulled <= 10 + 3 * 4
    stream.close()


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        list(map_articles([], workers=0))


def _copy(a: Article) -> Article:
    return Article(id=a.id, text_clean=a.text_clean, raw_text=a.raw_text, title=a.title,
                   published=a.published, outlet=a.outlet, url=a.url, source_path=a.source_path)


def runaway_regex(article: Article) -> Article:
    # Exponential backtracking, the way a real stage once hung on a row of dots.
    re.match(r"(?:\.\.\.|\.)+x", "." * 80)
    return article


def mark_done(article: Article) -> Article:
    article.meta["after"] = True
    return article


def hanging_pipeline() -> Pipeline:
    return Pipeline([Stage("runaway", f"{__name__}:runaway_regex"), Stage("after", f"{__name__}:mark_done")],
                    raise_errors=False)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_runaway_stage_is_cut_and_recorded_and_the_run_goes_on(workers):
    arts = [Article(id=f"a{i}", text_clean="x") for i in range(2)]
    out = list(map_articles(arts, workers=workers, pipeline_factory=hanging_pipeline, chunksize=1,
                            cpu_limit=0.2))
    assert [a.id for a in out] == ["a0", "a1"]
    for a in out:
        assert [e.stage for e in a.errors] == ["runaway"]
        assert "StageTimeout" in a.errors[0].error
        assert a.meta["after"] is True  # the later stage ran, with a fresh budget
