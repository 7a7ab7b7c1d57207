"""Evidence highlighting cuts the text at every span boundary and keeps it as plain text."""

from sitrep.web.highlight import Piece, highlight


def test_pieces_rebuild_the_text_and_mark_what_each_span_covers():
    text = "A bomb killed 7. Police said. IS claimed it."
    spans = [{"start": 0, "end": 16, "fact": "incident"}, {"start": 0, "end": 16, "fact": "fatalities"},
             {"start": 30, "end": 44, "fact": "perpetrator", "label": "Islamic State (claimed)"}]
    pieces = highlight(text, spans)
    assert "".join(p.text for p in pieces) == text
    assert pieces == [Piece("A bomb killed 7.", ("fatalities", "incident"), ("incident", "fatalities")),
                      Piece(" Police said. ", (), ()),
                      Piece("IS claimed it.", ("perpetrator",), ("Islamic State (claimed)",))]


def test_overlapping_spans_split_into_pieces_with_both_facts():
    pieces = highlight("abcdef", [{"start": 0, "end": 4, "fact": "a"}, {"start": 2, "end": 6, "fact": "b"}])
    assert [(p.text, p.facts) for p in pieces] == [("ab", ("a",)), ("cd", ("a", "b")), ("ef", ("b",))]


def test_spans_outside_the_text_are_ignored():
    assert highlight("abc", [{"start": 2, "end": 9, "fact": "x"}]) == [Piece("abc")]
