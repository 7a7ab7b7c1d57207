"""The quotes evaluator: the overlap rule, one-to-one matching, source accuracy, and a run on a tiny file.

Every example here is written for the purpose; no benchmark row is copied.
"""

from __future__ import annotations

import json

import pytest

from sitrep.evaluate.quotes import Aligner, content_match, evaluate, match, score_article, summarise


def item(content, source=None):
    return {"content": content, "source": source}


# --- The overlap rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ((0, 10), (0, 10), True),     # the same span
    ((0, 10), (5, 40), True),     # 5 in common, half of the shorter (10) is 5
    ((0, 10), (6, 40), False),    # 4 in common: less than half of the shorter
    ((10, 20), (0, 100), True),   # inside a much longer gold span
    ((0, 100), (40, 50), True),   # a much longer prediction around the gold span
    ((0, 10), (10, 20), False),   # touching is not overlapping
    ((0, 10), (30, 40), False),
])
def test_overlap_of_at_least_half_the_shorter_span(predicted, gold, expected):
    assert content_match(predicted, gold) is expected


# --- One-to-one matching -------------------------------------------------------------------------


def test_a_prediction_matches_one_gold_span_only():
    # One long prediction covers two gold statements: it counts once.
    assert match([(0, 100)], [(0, 40), (50, 100)]) == [(0, 1)]


def test_a_gold_span_is_matched_by_one_prediction_only():
    # Two predictions inside one gold span: one match, the other is a false positive.
    assert len(match([(0, 20), (25, 45)], [(0, 50)])) == 1


def test_matching_is_maximal_not_greedy():
    # P0 overlaps G0 most, but P1 can only match G0: taking the closest pair first would leave one match.
    predicted = [(0, 30), (0, 8)]
    gold = [(0, 20), (20, 30)]
    assert match(predicted, gold) == [(0, 1), (1, 0)]


def test_counts_precision_recall_f1():
    predicted = [item((0, 10)), item((20, 30)), item((50, 60))]
    gold = [item((0, 10)), item((21, 29)), item((80, 90)), item((95, 99))]
    counts = score_article(predicted, gold)
    assert (counts["predicted"], counts["gold"], counts["matched"]) == (3, 4, 2)
    scores = summarise(counts, articles=1)
    assert scores["content_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["content_recall"] == 0.5
    assert scores["content_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), abs=1e-4)


# --- Source accuracy -----------------------------------------------------------------------------


def test_source_accuracy_over_matched_pairs():
    predicted = [
        item((10, 50), source=(0, 5)),    # overlaps the gold source: right
        item((60, 90), source=(55, 58)),  # a different span: wrong
        item((100, 120), source=None),    # the gold names a source, the prediction none: wrong
        item((200, 220), source=(190, 195)),  # unmatched: not counted
    ]
    gold = [
        item((10, 50), source=(0, 9)),
        item((60, 90), source=(92, 95)),
        item((100, 120), source=(95, 99)),
    ]
    counts = score_article(predicted, gold)
    assert counts["matched"] == 3
    assert counts["source_right"] == 1
    assert summarise(counts, articles=1)["source_accuracy"] == pytest.approx(1 / 3, abs=1e-4)


def test_an_unstated_gold_source_is_right_only_when_none_is_predicted():
    gold = [item((0, 10), source=None), item((20, 30), source=None)]
    predicted = [item((0, 10), source=None), item((20, 30), source=(12, 15))]
    counts = score_article(predicted, gold)
    assert counts["source_right"] == 1
    scores = summarise(counts, articles=1)
    assert scores["source_accuracy"] == 0.5
    assert counts["stated"] == 0  # source_accuracy_stated leaves these pairs out


# --- Offsets back to the input text --------------------------------------------------------------


def test_aligner_maps_cleaned_offsets_back_to_the_input():
    original = "Title here\n\n\nHe  said\u00a0the vote was rigged.\n"
    cleaned = "Title here\n\nHe said the vote was rigged."
    aligner = Aligner(cleaned, original)
    start = cleaned.index("the vote")
    span = aligner.span(start, start + len("the vote was rigged"))
    assert original[span[0] : span[1]] == "the vote was rigged"
    he = cleaned.index("He said")
    span = aligner.span(he, he + len("He said"))
    assert original[span[0] : span[1]] == "He  said"


def test_aligner_is_the_identity_on_unchanged_text():
    assert Aligner("same text", "same text").span(2, 6) == (2, 6)


# --- End to end on a written file ----------------------------------------------------------------


def _attribution(text: str, content: str, cue: str, source: str | None) -> dict:
    def span(part: str) -> dict:
        start = text.index(part)
        return {"start": start, "end": start + len(part), "text": part}

    record = {"content": span(content), "cue": span(cue)}
    if source is not None:
        record["source"] = span(source)
    return record


def test_evaluate_end_to_end(tmp_path):
    first = ("Voters in Ohio head to the polls on Tuesday\n\n"
             "The senator said the new law would create thousands of jobs in the state.\n\n"
             "\u201cThis is the most important election of our lifetime,\u201d Maria Lopez told supporters in "
             "Columbus.\u00a0\n\n"
             "The weather was cold and the lines were long.")
    second = ("A quiet day in the capital city\n\n"
              "Nothing much happened in the capital on Monday, and the markets were closed.")
    rows = [
        {"id": "first", "text": first, "attributions": [
            _attribution(first, "the new law would create thousands of jobs in the state", "said", "The senator"),
            _attribution(first, "\u201cThis is the most important election of our lifetime,\u201d", "told",
                         "Maria Lopez"),
            _attribution(first, "The weather was cold", "was", None),
        ]},
        {"id": "second", "text": second, "attributions": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    predictions = tmp_path / "predictions.jsonl"

    scores = evaluate(path, predictions=predictions)

    assert scores["articles"] == 2 and scores["gold"] == 3
    assert scores["matched"] == 2
    assert scores["content_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["content_precision"] == 1.0
    assert scores["source_accuracy"] == 1.0
    for key in ("predicted", "content_f1", "source_accuracy_stated"):
        assert key in scores

    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["first", "second"]
    assert lines[1]["statements"] == []
    for statement in lines[0]["statements"]:
        content = statement["content"]
        assert first[content["start"] : content["end"]] == content["text"]
        if statement["source"] is not None:
            source = statement["source"]
            assert first[source["start"] : source["end"]] == source["text"]
    assert {s["source"]["text"] for s in lines[0]["statements"]} == {"The senator", "Maria Lopez"}

    limited = evaluate(path, limit=1)
    assert limited["articles"] == 1
