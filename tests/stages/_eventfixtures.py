"""Hand-built articles for the events/statements/standards tests (no actors or dates stage:
mentions and dates are placed by hand, so these tests only exercise our own logic)."""

from __future__ import annotations

from sukien.model import Article, DateSpan, Entity, Mention, Span
from sukien.text.sentences import split_sentences

PEOPLE = {
    # name: (id, country, title)
    "Tô Lâm": ("tl", "VNM", "Tổng Bí thư"),
    "Woo Won-shik": ("woo", "KOR", "Chủ tịch Quốc hội"),
    "Lương Cường": ("lc", "VNM", "Chủ tịch nước"),
    "Lee Jae Myung": ("lee", "KOR", "Tổng thống"),
    "Phạm Minh Chính": ("pmc", "VNM", "Thủ tướng"),
    "Shinzo Abe": ("abe", "JPN", "Thủ tướng"),
    "António Guterres": ("gut", "PRT", "Tổng Thư ký Liên hợp quốc"),
}
TITLES = {"Tổng Bí thư": "tl", "Chủ tịch Quốc hội Hàn Quốc": "woo", "Chủ tịch nước": "lc", "Tổng thống": "lee"}
COUNTRIES = {"Việt Nam": "VNM", "Hàn Quốc": "KOR", "Nhật Bản": "JPN", "Chile": "CHL", "Peru": "PER"}
PLACES = {"Phủ Chủ tịch": "VNM", "Seoul": "KOR", "Hà Nội": "VNM"}


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + len(needle))
    return out


def make_article(text: str, dates: list[tuple[str, str, str | None]] = (), published: str | None = "2025-11-21",
                 orgs: dict[str, str] | None = None) -> Article:
    """An article with sentences, mentions of PEOPLE/TITLES/COUNTRIES/PLACES (and ``orgs``:
    name → id) and the given ``(text, value, part_of_day)`` dates."""
    art = Article(id="t", text_clean=text, published=published)
    art.sentences = [Span(s, e, "SENT") for s, e in split_sentences(text)]
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    entities = {pid: Entity(pid, name, "PER", c, t) for name, (pid, c, t) in PEOPLE.items()}
    for oid_name, oid in (orgs or {}).items():
        entities[oid] = Entity(oid, oid_name, "ORG", None)

    def add(start: int, end: int, label: str, **kw) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        mentions.append(Mention(start, end, label, "test", **kw))
        if kw.get("entity_id"):
            entities[kw["entity_id"]].mentions.append((start, end))

    for name, (pid, c, t) in PEOPLE.items():
        for i in _find_all(text, name):
            # title + name as one PER mention when the title is written just before
            start = i
            for title, tid in TITLES.items():
                if tid == pid and text[:i].endswith(title + " "):
                    start = i - len(title) - 1
            add(start, i + len(name), "PER", name=name, country=c, title=t, entity_id=pid)
    for name, oid in (orgs or {}).items():
        for i in _find_all(text, name):
            add(i, i + len(name), "ORG", name=name, entity_id=oid)
    for title, pid in sorted(TITLES.items(), key=lambda kv: -len(kv[0])):
        for i in _find_all(text, title):
            add(i, i + len(title), "TITLE", name=title, country=entities[pid].country, title=title, entity_id=pid)
    for name, iso in PLACES.items():
        for i in _find_all(text, name):
            add(i, i + len(name), "LOC", name=name, country=iso)
    for name, iso in COUNTRIES.items():
        for i in _find_all(text, name):
            add(i, i + len(name), "GPE", name=name, country=iso)
    for i in _find_all(text, "Việt - Hàn"):
        add(i, i + 10, "GPE", name="Việt - Hàn", country="VNM", attrs={"countries": ["VNM", "KOR"]})
    art.mentions = sorted(mentions, key=lambda m: m.start)
    art.entities = [e for e in entities.values() if e.mentions]
    for written, value, part in dates:
        i = text.find(written)
        assert i >= 0, written
        first = value.split("/")[0]
        precision = "day" if len(first) == 10 else "year" if len(first) == 4 else "month"
        art.dates.append(DateSpan(i, i + len(written), "DATE", "test", value=value, precision=precision,
                                  part_of_day=part))
    art.dates.sort(key=lambda d: d.start)
    return art


def run_events(art: Article) -> Article:
    from sukien.stages.events import find_events
    return find_events(art)


def run_all(art: Article) -> Article:
    from sukien.stages.statements import find_statements
    return find_statements(run_events(art))
