"""Clean a raw article into an `Article`: story text without page furniture, plus metadata.

`Article.text` is final after this stage: every later offset points into it.

Example:

    from sitrep.clean import clean_article
    article = clean_article(raw)   # raises EmptyArticle (E104) when no story remains
"""

from __future__ import annotations

import hashlib
import logging
import re

from ..errors import EmptyArticle
from ..ingest import RawArticle
from ..model import Article, Segment, SegmentKind
from .html import HtmlText, extract_html
from .metadata import Dateline, Timestamp, find_agency, find_dateline, parse_timestamp
from .page import Page, clean_page
from .text import comparison_key

LOGGER = logging.getLogger(__name__)

__all__ = ["article_id", "clean_article"]

BLOCK_SEPARATOR = "\n\n"
YEAR = re.compile(r"\b\d{4}\b")
NUMERIC_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}")
ID_HEX_CHARS = 16


def clean_article(raw: RawArticle) -> Article:
    """Turn a raw article into an Article; raise EmptyArticle when no story text remains.

    Fields the input gave (title, url, published, source) win over those read
    from the page.
    """
    html = extract_html(raw.content, url=raw.url) if raw.format == "html" else HtmlText(text=raw.content)
    page = clean_page(html.text, title=raw.title or html.title)
    if not page.body:
        raise EmptyArticle("no story text after cleaning", origin=raw.origin)
    dateline = find_dateline(page.body[0])
    published = _published(raw, page, html) or _dateline_day(dateline)
    text, segments = _assemble(page)
    return Article(
        id=article_id(text),
        title=page.title,
        published=published.value if published else None,
        timezone=published.zone if published else None,
        dateline=dateline.city if dateline else None,
        section=page.section or html.section,
        source=raw.source or _agency(dateline, page, html) or html.sitename,
        url=raw.url or html.url,
        credits=list(page.credits),
        text=text,
        segments=segments,
        origin=raw.origin,
    )


def article_id(text: str) -> str:
    """Deterministic id: the start of the SHA-256 of the text, lower-cased and whitespace-collapsed."""
    return hashlib.sha256(comparison_key(text).encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def _agency(dateline: Dateline | None, page: Page, html: HtmlText) -> str | None:
    """The agency that filed the story, from its dateline or byline; a photo agency is not one."""
    if dateline and dateline.agency:
        return dateline.agency
    return page.agency or (find_agency(html.author) if html.author else None)


def _published(raw: RawArticle, page: Page, html: HtmlText) -> Timestamp | None:
    if raw.published:
        given = parse_timestamp(raw.published)
        if given:
            return given
        LOGGER.warning("%s: cannot read the published date %r; using the page's", raw.origin, raw.published)
    return page.published or (parse_timestamp(html.date) if html.date else None)


def _dateline_day(dateline: Dateline | None) -> Timestamp | None:
    """The day a wire dateline gives ("KABUL, May 3, 2021 (Reuters) -"), when nothing else dates the story.
    Only with its year and its month by name or in ISO order: "May 3" alone, or "3/5/2021", could be another day."""
    if dateline is None or dateline.date is None or not YEAR.search(dateline.date) or NUMERIC_DATE.fullmatch(
            dateline.date):
        return None
    return parse_timestamp(dateline.date)


def _assemble(page: Page) -> tuple[str, list[Segment]]:
    """Join title, captions and body into the text, with each block's offsets."""
    blocks: list[tuple[SegmentKind, str]] = [("title", page.title)] if page.title else []
    blocks += [("caption", caption) for caption in page.captions]
    blocks += [("body", paragraph) for paragraph in page.body]
    segments, start = [], 0
    for kind, block in blocks:
        segments.append(Segment(kind=kind, start=start, end=start + len(block)))
        start += len(block) + len(BLOCK_SEPARATOR)
    return BLOCK_SEPARATOR.join(block for _, block in blocks), segments
