"""Read inputs (files, folders, JSONL corpora, RSS/Atom feeds, stdin) into raw articles.

Reading never raises for bad input: each problem is yielded as an `InputError`
with a stable code, and reading goes on with the next input. Nothing is cleaned
here; `sitrep.clean` turns a `RawArticle` into an `Article`.

Example:

    for item in read_inputs(["data/articles/", "feed.rss", "-"]):
        ...  # a RawArticle, or an InputError to report
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import charset_normalizer
import feedparser

from .errors import (
    InputNotFound,
    MalformedFeed,
    MalformedRecord,
    NoArticlesFound,
    SitrepError,
    UnreadableInput,
)
from .model import InputError

LOGGER = logging.getLogger(__name__)

Format = Literal["text", "html"]
Kind = Literal["text", "html", "feed", "jsonl"]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
# Inside a folder only these are read (extension-less scraper output included):
# images, PDFs and notes often sit beside saved pages. A file named on the
# command line is always read, whatever its name.
ARTICLE_SUFFIXES = JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | TEXT_SUFFIXES | {""}

HTML_MARKERS = ("<!doctype html", "<html")
FEED_MARKERS = ("<rss", "<feed")
XML_MARKER = "<?xml"
SNIFF_CHARS = 1024
LEADING_JUNK = "\ufeff \t\r\n"

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer ranks single-byte Latin code pages unreliably on short
# news text (cp1252 curly quotes come out as cp1250, latin-1 as mac_latin2);
# when a Western decoding is among its plausible ones, it is the right one for
# English news.
WESTERN_ENCODINGS = frozenset({"cp1252", "latin_1", "iso8859_15"})
# Control characters (other than tab, newlines, form feed) betray binary data
# that happened to decode.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_RATIO = 0.01


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read: decoded content plus the metadata the input gave."""

    origin: str  # "path", "path:LINE" (JSONL, 1-based), "path#N" (feed entry, 1-based), "<stdin>"
    content: str  # decoded text or HTML
    format: Format
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as given by the input; parsed by clean
    source: str | None = None


Item = RawArticle | InputError


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Yield a RawArticle per article found in `paths`, or an InputError per problem.

    A path is a file, a folder (walked recursively in sorted order, hidden
    entries skipped), or "-" for stdin.
    """
    if isinstance(paths, (str, Path)):
        # One path, not the characters of one.
        paths = [paths]
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin()
        else:
            yield from _read_path(Path(path))


def decode_bytes(data: bytes) -> str | None:
    """Decode article bytes to text; None when they are binary or in no plausible encoding."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect_and_decode(data)
    return text if text is not None and _is_plausible_text(text) else None


def _detect_and_decode(data: bytes) -> str | None:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    western = (m for m in matches if WESTERN_ENCODINGS.intersection(m.could_be_from_charset))
    chosen = next(western, matches[0])
    LOGGER.debug("decoded as %s", chosen.encoding)
    return str(chosen)


def _is_plausible_text(text: str) -> bool:
    return len(CONTROL_CHARS.findall(text)) <= MAX_CONTROL_RATIO * len(text)


def _error(kind: type[SitrepError], origin: str, message: str) -> InputError:
    return InputError(origin=origin, code=kind.code, message=message)


def _read_stdin() -> Iterator[Item]:
    # A patched or text-only stdin has no byte buffer: fall back to its text.
    stream = getattr(sys.stdin, "buffer", None)
    try:
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    except OSError as err:
        yield _error(UnreadableInput, STDIN_ORIGIN, f"cannot read stdin: {err}")
        return
    yield from _read_bytes(data, origin=STDIN_ORIGIN, suffix="")


def _read_path(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as err:
        yield _error(UnreadableInput, origin, f"cannot access: {err.strerror or err}")
        return
    if not exists:
        yield _error(InputNotFound, origin, "no such file or directory")
    elif is_dir:
        yield from _read_directory(path)
    else:
        yield from _read_file(path)


def _read_directory(root: Path) -> Iterator[Item]:
    found = False
    for item in _walk(root):
        if isinstance(item, InputError):
            yield item
            continue
        found = True
        yield from _read_file(item)
    if not found:
        yield _error(NoArticlesFound, str(root), "directory holds no article files")


def _walk(directory: Path) -> Iterator[Path | InputError]:
    """Article files under `directory`, depth first in sorted order, hidden entries skipped."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield _error(UnreadableInput, str(directory), f"cannot list directory: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        # Symlinked folders are not followed: they can loop.
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def _read_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield _error(UnreadableInput, origin, f"cannot open: {err.strerror or err}")
        return
    yield from _read_bytes(data, origin=origin, suffix=suffix)


def _read_bytes(data: bytes, *, origin: str, suffix: str) -> Iterator[Item]:
    text = decode_bytes(data)
    if text is None:
        yield _error(UnreadableInput, origin, "binary file or unknown text encoding")
        return
    kind = _detect_kind(text, suffix)
    if kind == "jsonl":
        # split("\n"), not splitlines(): JSON strings may hold U+2028 raw.
        yield from _read_jsonl_lines(enumerate(text.split("\n"), start=1), origin=origin)
    elif kind == "feed":
        # feedparser gets the bytes so that it honours the XML encoding declaration.
        yield from _read_feed(data, origin=origin)
    else:
        yield RawArticle(origin=origin, content=text, format=kind)


def _detect_kind(text: str, suffix: str) -> Kind:
    """The input kind from the extension, else from how the content starts."""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = text[:SNIFF_CHARS].lstrip(LEADING_JUNK).lower()
    if head.startswith(FEED_MARKERS):
        return "feed"
    if head.startswith(XML_MARKER):
        # XHTML pages open with an XML declaration too.
        return "html" if HTML_MARKERS[1] in head else "feed"
    if head.startswith(HTML_MARKERS):
        return "html"
    if _starts_with_json_object(text):
        return "jsonl"
    return "text"


def _starts_with_json_object(text: str) -> bool:
    first_line = text.lstrip(LEADING_JUNK).partition("\n")[0]
    if not first_line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    """Stream a JSONL corpus line by line: memory stays constant whatever its size."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield _error(UnreadableInput, origin, f"cannot open: {err.strerror or err}")
        return
    with handle:
        try:
            yield from _read_jsonl_lines(enumerate(handle, start=1), origin=origin)
        except OSError as err:
            yield _error(UnreadableInput, origin, f"read failed: {err.strerror or err}")


def _read_jsonl_lines(lines: Iterable[tuple[int, bytes | str]], *, origin: str) -> Iterator[Item]:
    for number, line in lines:
        item = parse_jsonl_line(line, origin=f"{origin}:{number}")
        if item is not None:
            yield item


def parse_jsonl_line(line: bytes | str, *, origin: str) -> Item | None:
    """A RawArticle for a record line, an InputError for a bad one, None for a blank one."""
    try:
        # utf-8-sig: the first line may carry a BOM.
        text = line.decode("utf-8-sig") if isinstance(line, bytes) else line
    except UnicodeDecodeError:
        return _error(MalformedRecord, origin, "line is not UTF-8")
    text = text.strip(LEADING_JUNK)
    if not text:
        return None
    try:
        record = json.loads(text)
    except ValueError as err:
        return _error(MalformedRecord, origin, f"not valid JSON: {err}")
    if not isinstance(record, dict):
        return _error(MalformedRecord, origin, "not a JSON object")
    return article_from_record(record, origin=origin)


def article_from_record(record: dict, *, origin: str) -> Item:
    """A RawArticle from one corpus record (a JSONL line, a Parquet row), or an InputError."""
    # "text" before "html": a record that has both usually carries the text as
    # already extracted; an empty field gives way to a filled one.
    bodies = [(key, record[key]) for key in ("text", "html") if isinstance(record.get(key), str)]
    if not bodies:
        return _error(MalformedRecord, origin, 'record has neither "text" nor "html"')
    key, content = next(((k, v) for k, v in bodies if v.strip()), bodies[0])
    return RawArticle(
        origin=origin,
        content=content,
        format=key,
        title=_string_field(record, "title"),
        url=_string_field(record, "url"),
        published=_string_field(record, "published"),
        source=_string_field(record, "source"),
    )


def _string_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    return (value.strip() or None) if isinstance(value, str) else None


def _read_feed(data: bytes, *, origin: str) -> Iterator[Item]:
    # A file object: given a string, feedparser would treat it as a URL or a path.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.version:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        yield _error(MalformedFeed, origin, f"not an RSS or Atom feed: {reason}")
        return
    if not parsed.entries:
        yield _error(MalformedFeed, origin, "feed has no entries")
        return
    if parsed.bozo:
        LOGGER.warning("%s: feed is not well-formed, read leniently: %s", origin, parsed.get("bozo_exception"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _article_from_entry(entry, origin=f"{origin}#{number}")


def _article_from_entry(entry: feedparser.FeedParserDict, *, origin: str) -> RawArticle:
    content, format_ = _entry_content(entry)
    return RawArticle(
        origin=origin,
        content=content,
        format=format_,
        title=_string_field(entry, "title"),
        url=_string_field(entry, "link"),
        published=_string_field(entry, "published") or _string_field(entry, "updated"),
        source=_string_field(entry.get("source", {}), "title"),
    )


def _entry_content(entry: feedparser.FeedParserDict) -> tuple[str, Format]:
    """The entry's full content when it has one, else its summary."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and detail.get("value", "").strip():
            return detail["value"], "text" if detail.get("type") == "text/plain" else "html"
    return "", "html"
