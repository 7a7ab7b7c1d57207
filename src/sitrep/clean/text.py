"""Pure text normalisers shared by the cleaners: Unicode form, spaces, line breaks."""

from __future__ import annotations

import re
import unicodedata

# Line and paragraph separators other than "\n" that scraped text carries.
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Characters with no width that break matching: zero-width space, word
# joiner, BOM, soft hyphen. ZWJ/ZWNJ stay: they are meaningful in Arabic
# and Indic scripts.
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
# Any run of whitespace but the newline, non-breaking spaces included.
SPACE_RUN = re.compile(r"[^\S\n]+")


def normalise_text(text: str) -> str:
    """NFC, "\\n" line breaks, single spaces, no blanks at line ends; blank lines kept."""
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", LINE_BREAKS.sub("\n", text))
    return "\n".join(SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))


def normalise_line(line: str) -> str:
    """A single line normalised like `normalise_text`, newlines turned to spaces."""
    return " ".join(normalise_text(line).split())


def comparison_key(text: str) -> str:
    """Lower-cased, whitespace-collapsed form: equal for copies of the same text."""
    return " ".join(text.lower().split())
