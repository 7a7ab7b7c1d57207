"""Recognisers for page furniture in scraped text: one line in, a verdict out.

Each function looks at a single normalised line and says whether it is a
time stamp, a byline, a photo caption or credit, a widget, a footer heading
or a breadcrumb, and what it carries (a date, a credit, a section). They know
nothing of the page around the line: `page.py` decides in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .metadata import DATE_PATTERN, Timestamp, find_agency, parse_timestamp

# Longest widget or footer line: a widget is a short line, a paragraph that
# happens to start with "Share" or "Related" is story text.
WIDGET_MAX_WORDS = 20
# Longest byline: "By Asad Hashim and Saleem Shahid | Dawn | Islamabad".
BYLINE_MAX_WORDS = 12
# Longest line that is only a date ("Wednesday 26 October 2016 18:50 IST").
DATE_LINE_MAX_WORDS = 8
# Shortest headline prefix a navigation line must repeat before its "...":
# a shorter overlap is a coincidence.
NAV_MIN_PREFIX_CHARS = 10

SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")
ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)$")

# Labels of publication stamps; the rank orders them as evidence of the
# publication time (an "Updated" stamp is a fallback).
STAMP_LABEL = re.compile(
    r"\b(?P<label>first published|last updated|last modified|published|updated|posted|modified)"
    r"(?:\s+(?:on|at))?\s*:?\s*",
    re.IGNORECASE,
)
STAMP_RANK = {
    "first published": 0, "published": 0, "posted": 0,
    "date": 1,
    "last updated": 2, "updated": 2, "last modified": 2, "modified": 2,
}  # fmt: skip
# "Updated 2 hours ago": a stamp, though it gives no date to read.
RELATIVE_STAMP = re.compile(r"^\d+\s+\w+\s+ago$", re.IGNORECASE)
STAMP_SEPARATORS = " |·•,;-–—"
DIGIT = re.compile(r"\d")

BYLINE = re.compile(r"^(?i:by|written by|reported by|posted by)\s+[A-Z]")

# Captions carry a credit at their end: "(Photo: AP)", "(AP Photo/B.K. Bangash)",
# "(Getty Images)", "- Photo: Reuters", "Photograph: Name/AFP".
CREDIT_LABEL = r"(?i:photo(?:graph)?|image|picture|pic|file photo|file image|video|courtesy)(?:\s+(?i:credit|courtesy))?"
CREDIT_AT_END = (
    re.compile(rf"\s*\(\s*(?P<credit>{CREDIT_LABEL}\s*:\s*[^()]+?)\s*\)$"),
    re.compile(r"\s*\(\s*(?P<credit>[^()]{1,40}?\s(?i:photos?|images?|pictures?)(?:\s*/\s*[^()]+?)?)\s*\)$"),
    # Unbracketed, after a sentence or a dash, and short: "... Pakistan. Photo: Reuters".
    re.compile(
        r"(?:^|(?<=[.!?])\s+|\s*[-–—|]\s*)"
        rf"(?P<credit>{CREDIT_LABEL}\s*:\s*[A-Z][\w&/'’.-]*(?:\s+[\w&/'’.-]+){{0,4}})$"
    ),
)
# Caption markers without a credit: "Image caption ...", "File photo: ...", "... (File photo)".
CAPTION_LABEL_AT_START = re.compile(r"^(?i:image caption|photo caption|caption|file photo|file image)\s*[:,\-–—]?\s*")
CAPTION_MARKER_AT_END = re.compile(
    r"\s*(?:[-–—|]\s*|\(\s*)(?i:file photo|file image|representational image|representative image)\s*\)?$"
)
# Lines that are a credit and nothing else: "Image copyright Reuters", "Image source, Getty Images".
CREDIT_LINE = re.compile(r"^(?i:image (?:copyright|source)|photo credit|picture credit|credit)\s*[:,]?\s+\S.{0,60}$")

# Footer headings: the story is over, what follows is other stories.
FOOTER_HEADING = re.compile(
    r"^(?:more (?:from|in|on) (?P<section>.{1,40}?)"
    r"|related(?: articles| stories| news| coverage| content| posts| topics| reading)?"
    r"|recommended(?: for you| stories| articles)?|you (?:may|might) also like"
    r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|latest news|editor'?s picks"
    r")\s*:?$",
    re.IGNORECASE,
)
# Widgets and credits dropped where they stand.
WIDGET = re.compile(
    r"^(?:advertisements?|ad|sponsored(?: content)?|promoted"
    r"|story continues below(?: advertisement)?|continue reading(?: below)?|scroll (?:down )?to continue\b.*"
    r"|share(?: this| the)?(?: article| story| page| post)?(?: on .+| via .+)?|follow us\b.*|like us on .+"
    r"|subscribe\b.*|sign up\b.*|(?:our |the )?newsletters?|click here\b.*|download (?:the|our) app\b.*"
    r"|also read\b.*|read more\b.*|read also\b.*|see also\b.*|(?:watch|listen)(?: video)?\s*:.*|video\s*:.*"
    r"|(?:additional )?(?:reporting|writing|editing)(?: and editing)? by\b.*|.*\ball rights reserved\b.*"
    r"|print|email|e-mail|facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|comments?|\d+ comments?"
    r"|tags?\s*:.*|topics?\s*:.*|filed under\b.*|categories\s*:.*|keywords\s*:.*"
    r")$",
    re.IGNORECASE,
)
# Copyright lines are dropped whatever their length ("Copyright 2016 The Associated Press. All rights ...").
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})", re.IGNORECASE)
# "Home > World > Asia": crumbs between spaced separators.
CRUMB_SEPARATOR = re.compile(r"\s+[›»>|/·•]\s+")
CRUMB = re.compile(r"[^\W\d][\w&'’.-]*(?:\s+[\w&'’.-]+){0,2}")
NAV_DATE = re.compile(rf"{DATE_PATTERN}(?:,?\s+\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Footer:
    """A heading that ends the story ("More From Neighbours"), with the section it names."""

    section: str | None


@dataclass(frozen=True, slots=True)
class Breadcrumbs:
    """A "Home > World > Asia" navigation line."""

    crumbs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Stamp:
    """A publication stamp: its label ("published", "updated", "date") and time."""

    label: str
    time: Timestamp | None


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline ("By Zarar Khan, AP"), with the news agency it names."""

    agency: str | None


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption with its credit taken out; either may be empty."""

    text: str
    credit: str | None


def word_count(line: str) -> int:
    return len(line.split())


def ends_sentence(line: str) -> bool:
    return line.endswith(SENTENCE_END)


def is_truncated(line: str) -> bool:
    """True for a line cut short with "..." or "…", as teasers and navigation lines are."""
    return bool(ELLIPSIS.search(line))


def read_stamps(line: str) -> list[Stamp] | None:
    """The stamps a line consists of ("Published ... | Updated ..."), or None if it is not a stamp line."""
    if STAMP_LABEL.match(line):
        parts = STAMP_LABEL.split(line)[1:]  # label, value, label, value ...
        stamps = [_stamp(label.lower(), value) for label, value in zip(parts[::2], parts[1::2])]
        return stamps if all(stamps) else None
    if word_count(line) <= DATE_LINE_MAX_WORDS and DIGIT.search(line):
        time = parse_timestamp(line)
        return [Stamp("date", time)] if time else None
    return None


def _stamp(label: str, value: str) -> Stamp | None:
    value = value.strip(STAMP_SEPARATORS)
    if RELATIVE_STAMP.match(value):
        return Stamp(label, None)
    time = parse_timestamp(value)
    return Stamp(label, time) if time else None


def read_byline(line: str) -> Byline | None:
    if not BYLINE.match(line) or word_count(line) > BYLINE_MAX_WORDS or line.endswith((".", "!", "?")):
        return None
    return Byline(find_agency(line))


def read_caption(line: str) -> Caption | None:
    """The caption and credit a line holds, or None when it is not a caption or a credit line."""
    if CREDIT_LINE.match(line):
        return Caption("", line)
    # "(File photo)" is a marker, not a credit: look for markers first.
    marker = CAPTION_LABEL_AT_START.match(line) or CAPTION_MARKER_AT_END.search(line)
    if marker:
        return Caption(_caption_text(line[: marker.start()] + line[marker.end() :]), None)
    for pattern in CREDIT_AT_END:
        match = pattern.search(line)
        if match:
            return Caption(_caption_text(line[: match.start()]), match["credit"])
    return None


def _caption_text(text: str) -> str:
    return text.strip(" -–—|:,")


def is_widget(line: str) -> bool:
    return bool(COPYRIGHT.match(line) or (word_count(line) <= WIDGET_MAX_WORDS and WIDGET.match(line)))


def read_footer(line: str) -> Footer | None:
    match = FOOTER_HEADING.match(line)
    return Footer(match["section"]) if match else None


def read_breadcrumbs(line: str) -> Breadcrumbs | None:
    crumbs = CRUMB_SEPARATOR.split(line)
    if len(crumbs) < 3 or not all(CRUMB.fullmatch(crumb) for crumb in crumbs):
        return None
    return Breadcrumbs(tuple(crumbs))


def nav_prefix(line: str, title: str) -> str | None:
    """For a navigation line that ends in a truncated headline ("World 26 Oct 2016 Pak militant w ..."),
    the text before the headline; None when the line is not one."""
    ellipsis = ELLIPSIS.search(line)
    if ellipsis is None:
        return None
    words = line[: ellipsis.start()].split()
    title_key = title.lower()
    for start in range(len(words)):
        tail = " ".join(words[start:]).lower()
        if len(tail) < NAV_MIN_PREFIX_CHARS:
            break
        if title_key.startswith(tail):
            return " ".join(words[:start])
    return None


def split_nav_prefix(prefix: str) -> tuple[list[str], Timestamp | None]:
    """Section words and the date of a navigation prefix ("World Neighbours 26 Oct 2016")."""
    date = NAV_DATE.search(prefix)
    time = parse_timestamp(date.group()) if date else None
    words = NAV_DATE.sub(" ", prefix)
    crumbs = CRUMB_SEPARATOR.split(words.strip()) if CRUMB_SEPARATOR.search(words) else words.split()
    return [crumb for crumb in crumbs if crumb], time
