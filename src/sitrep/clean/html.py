"""HTML pages and fragments: main text and metadata, extracted by trafilatura.

trafilatura drops navigation, footers and comments and reads the metadata
(title, date, site name, section); the text it keeps then goes through the
same furniture rules as scraped text pages (`page.py`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

LOGGER = logging.getLogger(__name__)

# The content was decoded on ingest: parse it as UTF-8 whatever a <meta
# charset> or XML declaration in it says.
HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8")
# Ask htmldate for the time and offset too, not only the day.
DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlText:
    """The main text of a page (paragraphs one a line) and its metadata."""

    text: str
    title: str | None = None
    author: str | None = None  # the byline trafilatura took out
    date: str | None = None  # ISO 8601, as htmldate gives it
    url: str | None = None
    sitename: str | None = None
    section: str | None = None


def extract_html(html: str, *, url: str | None = None) -> HtmlText:
    """Extract a page's main text and metadata; empty text when it has none."""
    tree = _parse(html)
    if tree is None:
        return HtmlText(text="")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=DATE_PARAMS,
    )
    if document is None:
        return HtmlText(text="")
    return HtmlText(
        text=document.text or "",
        title=document.title or None,
        author=document.author or None,
        date=document.date or None,
        url=document.url or None,
        sitename=document.sitename or None,
        section=document.categories[0] if document.categories else None,
    )


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """A document tree, fragments included: trafilatura refuses a bare "<p>...</p>" given as a string."""
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=HTML_PARSER)
    except lxml.etree.ParserError as err:
        LOGGER.debug("no HTML document: %s", err)
        return None
