"""HTML pages → title, publication date and main text (trafilatura + htmldate, offline).

trafilatura drops menus, scripts, styles and most page furniture; what leaks through
(a related-articles box inside the body, "Xem thêm: …", captions) is removed afterwards by
:mod:`sukien.reading.clean` like for any other text. The date: an explicit
``article:published_time``-style meta tag first (it carries the time of day), else htmldate
with ``original_date=False`` — with ``True`` it prefers old dates from related-article lists
or the "© 2025" line (LIBRARIES.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .header import _iso

_META_TIME = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|og:published_time|"
    r"datePublished|pubdate|publishdate|date|dc\.date|dc\.date\.issued)[\"'][^>]*>", re.IGNORECASE)
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


@dataclass(slots=True)
class Page:
    text: str
    title: str | None
    published: str | None


def _meta_published(html: str) -> str | None:
    for tag in _META_TIME.finditer(html[:200000]):
        c = _CONTENT.search(tag.group(0))
        m = _ISO.search(c.group(1)) if c else None
        if m:
            return _iso(*m.groups())
    return None


def extract_page(html: str, url: str | None = None) -> Page:
    """Main text, title and date of one HTML page; text is '' when no main text is found."""
    import trafilatura  # heavy import, only when an HTML file is read
    from htmldate import find_date

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, favor_precision=False,
        date_extraction_params={"original_date": False, "extensive_search": False},
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = getattr(doc, "title", None) if doc is not None else None
    published = _meta_published(html)
    if published is None:
        try:
            published = find_date(html, original_date=False, extensive_search=False, url=url)
        except Exception:  # noqa: BLE001 - htmldate raises assorted parse errors on broken pages
            published = None
    return Page(text=text, title=title.strip() if title else None, published=published)
