"""The text summary people read: a statement's stance ("denied", "admitted") is shown with what was said."""

from __future__ import annotations

import io

from rich.console import Console

from sitrep.model import Document
from sitrep.render import render_document

EXAMPLE = {
    "article": {"id": "a1", "title": "Bomb kills 9", "published": None, "text": "The Taliban denied involvement. "
                "Police said a bomb went off.", "segments": [], "origin": "test"},
    "statements": [
        {"speaker": "The Taliban", "anonymous": False, "direct": False, "text": "involvement",
         "content": {"start": 19, "end": 30, "text": "involvement"}, "cue": "denied", "evidence": [],
         "confidence": 0.8},
        {"speaker": "Police", "anonymous": False, "direct": False, "text": "a bomb went off",
         "content": {"start": 44, "end": 59, "text": "a bomb went off"}, "cue": "said", "evidence": [],
         "confidence": 0.8},
    ],
}


def test_a_stance_cue_is_shown_and_a_plain_one_is_not():
    out = io.StringIO()
    render_document(Console(file=out, width=200), Document.model_validate(EXAMPLE))
    lines = out.getvalue().splitlines()
    assert "  The Taliban, reported, denied: \u201cinvolvement\u201d" in lines
    assert "  Police, reported: \u201ca bomb went off\u201d" in lines
