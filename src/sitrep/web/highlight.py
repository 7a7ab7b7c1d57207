"""Cut an article's text into pieces at every evidence boundary, so a template can mark each fact's sentences.

The pieces are plain text: the template escapes them (autoescape), so nothing in an article ever becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Piece:
    text: str
    facts: tuple[str, ...] = ()  # kinds of fact this text supports (incident, fatalities, perpetrator, ...)
    labels: tuple[str, ...] = ()  # what each supported fact says, for a tooltip


def highlight(text: str, spans: Iterable[dict]) -> list[Piece]:
    """`text` in pieces; each span (`start`, `end`, `fact`, `label`) marks the pieces it covers."""
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    bounds = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    pieces: list[Piece] = []
    for start, end in pairwise(bounds):
        covering = [s for s in spans if s["start"] <= start and end <= s["end"]]
        facts = tuple(sorted({s["fact"] for s in covering}))
        labels = tuple(dict.fromkeys(s.get("label") or s["fact"] for s in covering))
        if pieces and (pieces[-1].facts, pieces[-1].labels) == (facts, labels):
            pieces[-1] = Piece(pieces[-1].text + text[start:end], facts, labels)
        else:
            pieces.append(Piece(text[start:end], facts, labels))
    return pieces
