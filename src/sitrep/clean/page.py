"""Scraped text pages: take out the page furniture, keep the story.

A page as a scraper saves it has a navigation line, the headline, time
stamps, a byline, photo captions (often twice), the story and footers. This
module sorts its lines into headline, captions and body paragraphs, and keeps
what the furniture says about the article (section, publication time, photo
credits, a byline's agency). Text extracted from HTML goes through the same
rules.

Example:

    page = clean_page(Path("page.txt").read_text())
    page.title, page.section, page.body[0]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .furniture import (
    STAMP_RANK,
    Breadcrumbs,
    Byline,
    Caption,
    Footer,
    Stamp,
    ends_sentence,
    is_truncated,
    is_widget,
    nav_prefix,
    read_breadcrumbs,
    read_byline,
    read_caption,
    read_footer,
    read_stamps,
    split_nav_prefix,
    word_count,
)
from .metadata import Timestamp, find_dateline
from .text import comparison_key, normalise_line, normalise_text

# A headline has this many words; a shorter line above it is a label
# ("World", "Exclusive"), a longer one a paragraph.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 25
# A headline ending with a full stop passes in title case ("Stealth Over
# Health: Clinton Was Headed to ER."; short words such as "to" do not count),
# or when it is short and shorter than the paragraph below it: news ledes
# run to twenty words and more.
TITLE_CASE_MIN_SHARE = 0.8
TITLE_CASE_MIN_WORD = 4
SHORT_HEADLINE_MAX_WORDS = 14
# The story has begun once a line this long that ends a sentence was seen;
# a footer heading can only come after that.
STORY_LINE_MIN_WORDS = 8
SECTION_SEPARATOR = " / "
# First crumb of most breadcrumb trails; it names no section.
HOME_CRUMB = "home"


@dataclass(frozen=True, slots=True)
class Page:
    """A page's story blocks, and what its furniture said about the article."""

    title: str | None
    captions: tuple[str, ...]
    body: tuple[str, ...]
    credits: tuple[str, ...] = ()
    section: str | None = None
    published: Timestamp | None = None
    agency: str | None = None  # named in a byline ("By AFP")


@dataclass(slots=True)
class _Furniture:
    """What the furniture lines of one page said, gathered line by line."""

    stamps: list[Stamp] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    agency: str | None = None
    crumbs: tuple[str, ...] = ()


def clean_page(text: str, *, title: str | None = None) -> Page:
    """Sort a page's lines into title, captions and body; `title` is the input's own, when it gave one."""
    lines, footer = _cut_footer(_unique(_unwrap(normalise_text(text))))
    furniture = _Furniture()
    content = [line for line in lines if not _take_furniture(line, furniture)]
    title = (normalise_line(title) if title else "") or _find_headline(content)
    content, nav_words, nav_time = _split_nav_lines(content, title) if title else (content, [], None)
    captions = _unique([caption.text for caption in furniture.captions if caption.text])
    return Page(
        title=title,
        captions=tuple(captions),
        body=tuple(_body(content, title, captions)),
        credits=tuple(_unique([caption.credit for caption in furniture.captions if caption.credit])),
        section=_section(list(furniture.crumbs) or nav_words, footer.section if footer else None),
        published=_publication_time(furniture.stamps) or nav_time,
        agency=furniture.agency,
    )


def _unwrap(text: str) -> list[str]:
    """Non-blank lines, hard-wrapped continuations joined to the line they continue.

    A line continues the one above when no blank line parts them, the one
    above does not end a sentence, and it starts in lower case.
    """
    lines: list[str] = []
    after_blank = True
    for line in text.split("\n"):
        if line and not after_blank and line[0].islower() and not ends_sentence(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
        elif line:
            lines.append(line)
        after_blank = not line
    return lines


def _unique(items: list[str]) -> list[str]:
    """Items in order, each once, compared case- and space-insensitively: scrapers save captions twice."""
    seen: set[str] = set()
    unique = []
    for item in items:
        key = comparison_key(item)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _cut_footer(lines: list[str]) -> tuple[list[str], Footer | None]:
    """The lines before the first footer heading that follows story text, and that heading."""
    story_began = False
    for index, line in enumerate(lines):
        footer = read_footer(line) if story_began else None
        if footer:
            return lines[:index], footer
        story_began = story_began or (word_count(line) >= STORY_LINE_MIN_WORDS and ends_sentence(line))
    return lines, None


def _take_furniture(line: str, furniture: _Furniture) -> bool:
    """Record what a furniture line says; False when the line is content."""
    stamps = read_stamps(line)
    if stamps:
        furniture.stamps.extend(stamps)
        return True
    if is_widget(line):
        return True
    found = read_byline(line) or read_caption(line) or read_breadcrumbs(line)
    if isinstance(found, Byline):
        furniture.agency = furniture.agency or found.agency
    elif isinstance(found, Caption):
        furniture.captions.append(found)
    elif isinstance(found, Breadcrumbs) and not furniture.crumbs:
        furniture.crumbs = found.crumbs
    return found is not None


def _find_headline(content: list[str]) -> str | None:
    """The first line that reads as a headline, with only labels or truncated lines above it and a body below."""
    for index, line in enumerate(content[:-1]):
        if not (is_truncated(line) or _is_label(line)):
            return line if _looks_like_headline(line, content[index + 1]) else None
    return None


def _is_label(line: str) -> bool:
    return word_count(line) < HEADLINE_MIN_WORDS and not ends_sentence(line)


def _looks_like_headline(line: str, next_line: str) -> bool:
    if word_count(line) > HEADLINE_MAX_WORDS or line.endswith((",", ";", ":")):
        return False
    if not line.endswith("."):
        return True
    # Some sources end headlines with a full stop; a lede is longer than that,
    # or opens with a dateline.
    if _is_title_case(line):
        return True
    short = word_count(line) <= min(SHORT_HEADLINE_MAX_WORDS, word_count(next_line) - 1)
    return short and find_dateline(line) is None


def _is_title_case(line: str) -> bool:
    words = [word for word in line.split() if len(word) >= TITLE_CASE_MIN_WORD]
    capitalised = sum(word[0].isupper() for word in words)
    return bool(words) and capitalised >= TITLE_CASE_MIN_SHARE * len(words)


def _split_nav_lines(content: list[str], title: str) -> tuple[list[str], list[str], Timestamp | None]:
    """Content without the lines that repeat the headline truncated, and the section words and date of the first."""
    kept, prefixes = [], []
    for line in content:
        prefix = nav_prefix(line, title)
        if prefix is None:
            kept.append(line)
        else:
            prefixes.append(prefix)
    words, time = split_nav_prefix(prefixes[0]) if prefixes else ([], None)
    return kept, words, time


def _body(content: list[str], title: str | None, captions: list[str]) -> list[str]:
    """Story paragraphs: content without the headline, the labels above it and copies of captions."""
    keys = [comparison_key(line) for line in content]
    dropped = {comparison_key(caption) for caption in captions}
    title_at = _title_index(keys, comparison_key(title)) if title else None
    body = []
    for index, (line, key) in enumerate(zip(content, keys)):
        above_title = title_at is not None and index < title_at
        if key not in dropped and index != title_at and not (above_title and _is_label(line)):
            body.append(line)
    return body


def _title_index(keys: list[str], title_key: str) -> int | None:
    """Where the headline stands in the content: its copy, or the first line when the
    title only adds to it (a given "Blast in Quetta | Dawn" over a page's "Blast in Quetta")."""
    if title_key in keys:
        return keys.index(title_key)
    first = next((index for index, key in enumerate(keys) if len(key.split()) >= HEADLINE_MIN_WORDS), None)
    return first if first is not None and keys[first] in title_key else None


def _section(crumbs: list[str], footer_section: str | None) -> str | None:
    """Section path from navigation crumbs; a "More From X" footer names the last crumb."""
    crumbs = [crumb for crumb in crumbs if crumb.lower() != HOME_CRUMB]
    if footer_section:
        tail = footer_section.split()
        if [crumb.lower() for crumb in crumbs[-len(tail) :]] == [word.lower() for word in tail]:
            crumbs = crumbs[: -len(tail)] + [footer_section]
        elif not crumbs:
            crumbs = [footer_section]
    return SECTION_SEPARATOR.join(crumbs) or None


def _publication_time(stamps: list[Stamp]) -> Timestamp | None:
    """The time of the stamp that best tells publication ("Published" before "Updated")."""
    dated = [stamp for stamp in stamps if stamp.time]
    if not dated:
        return None
    return min(dated, key=lambda stamp: STAMP_RANK[stamp.label]).time
