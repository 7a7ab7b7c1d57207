"""The WikiEvents role scorer: the matching rule, gold reading, counts and a run on a tiny file.

Every example here is written for the purpose; no benchmark row is copied.
"""

from __future__ import annotations

import json

import pytest

from sitrep.evaluate.wikievents import (
    article_text,
    evaluate,
    gold_roles,
    place_name,
    score_article,
    strings_match,
    summarise,
)
from sitrep.model import Location

ROLES = ("attacker", "target", "place", "weapon")


def roles(**given) -> dict[str, list[str]]:
    return {role: given.get(role, []) for role in ROLES}


def scores(predicted: dict, gold: dict) -> dict:
    return summarise(score_article(predicted, gold), articles=1)


# --- The matching rule ---------------------------------------------------------------------------


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ("Taliban gunmen", "gunmen", True),            # the gold string inside the prediction
    ("general", "Russian major general", True),    # the prediction inside the gold string
    ("The bakery", "bakery", True),                # "the" dropped
    ("Deir ez-Zor, Syria", "Deir ez Zor", True),   # punctuation dropped
    ("the IRA's brigade", "IRAs brigade", True),
    ("bombs", "bomb", False),                      # whole words only
    ("gunman", "gunmen", False),
    ("police station", "station police", False),   # words in order
    ("the", "the", False),                         # nothing left to compare
])
def test_containment_as_whole_words(predicted, gold, expected):
    assert strings_match(predicted, gold) is expected


# --- Reading the gold -----------------------------------------------------------------------------


def event(event_type: str, *arguments: tuple[str, str]) -> dict:
    return {"event_type": event_type, "arguments": [{"role": role, "text": text} for role, text in arguments]}


def test_gold_groups_roles_and_leaves_out_pronouns_and_unscored_events():
    row = {"event_mentions": [
        event("Conflict.Attack.DetonateExplode", ("Attacker", "militants"), ("Target", "checkpoint"),
              ("ExplosiveDevice", "car bomb"), ("Place", "Mosul"), ("Attacker", "they")),
        event("Life.Die.Unspecified", ("Victim", "soldiers"), ("Killer", "Who"), ("Victim", "them")),
        event("Life.Injure.Unspecified", ("Injurer", "gunman"), ("Victim", "soldiers")),
        event("Justice.ArrestJailDetain.Unspecified", ("Detainee", "suspect"), ("Place", "Baghdad")),
    ]}
    assert gold_roles(row) == {"attacker": ["militants", "gunman"], "target": ["checkpoint", "soldiers"],
                               "place": ["Mosul"], "weapon": ["car bomb"]}


def test_the_article_is_the_sentences_one_a_line():
    row = {"sentences": [[[["Blast", 0, 5], ["hits", 6, 10], ["town", 11, 15]], "Blast hits town"],
                         [[["Two", 15, 18], ["died", 19, 23], [".", 23, 24]], "Two died."]]}
    assert article_text(row) == "Blast hits town\nTwo died."


def test_place_name_is_written_out_with_province_and_country():
    location = Location(name="Kandahar", admin1="Kandahar", country="Afghanistan", country_code="AF")
    assert place_name(location) == "Kandahar, Afghanistan"


# --- Scores ---------------------------------------------------------------------------------------


def test_perfect_predictions_score_one():
    gold = roles(attacker=["gunmen"], target=["soldiers"], place=["Kandahar"], weapon=["rifle"])
    result = scores(gold, gold)
    assert [result[f"{r}_f1"] for r in (*ROLES, "micro")] == [1.0] * 5


def test_no_predictions_score_zero():
    result = scores(roles(), roles(attacker=["gunmen"], target=["soldiers"]))
    assert (result["micro_precision"], result["micro_recall"], result["micro_f1"]) == (0.0, 0.0, 0.0)


def test_a_partial_case_scores_what_was_computed_by_hand():
    gold = roles(attacker=["gunmen"], target=["soldiers", "checkpoint"], place=["Kandahar"])
    predicted = roles(attacker=["Taliban gunmen", "Islamic State"], target=["four soldiers", "Four soldiers"],
                      place=["Kandahar, Afghanistan"], weapon=["rifle"])
    result = scores(predicted, gold)
    # attacker: 1 of 2 predictions right, the 1 gold found; target: "four soldiers" once, 1 of 2 gold found
    assert (result["attacker_precision"], result["attacker_recall"], result["attacker_f1"]) == (0.5, 1.0, 0.6667)
    assert (result["target_precision"], result["target_recall"], result["target_f1"]) == (1.0, 0.5, 0.6667)
    assert result["place_f1"] == 1.0
    assert (result["weapon_precision"], result["weapon_f1"]) == (0.0, 0.0)
    # micro: 3 of 5 distinct predictions right, 3 of 4 gold found
    assert (result["micro_precision"], result["micro_recall"], result["micro_f1"]) == (0.6, 0.75, 0.6667)


def test_evaluate_end_to_end(tmp_path):
    sentences = ["Gunmen attacked a police checkpoint in Peshawar on Saturday, killing four policemen.",
                 "The Pakistani Taliban claimed responsibility."]
    text = "".join(sentences)
    row = {
        "id": "hand-1", "text": text,
        "sentences": [[[], s] for s in sentences],
        "event_mentions": [event("Conflict.Attack.Unspecified", ("Attacker", "Gunmen"), ("Target", "checkpoint"),
                                 ("Place", "Peshawar")),
                           event("Life.Die.Unspecified", ("Victim", "policemen"))],
    }
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    predictions = tmp_path / "predicted.jsonl"
    result = evaluate(path, predictions=predictions)
    [line] = predictions.read_text(encoding="utf-8").splitlines()
    predicted = json.loads(line)
    assert predicted["id"] == "hand-1" and set(predicted["roles"]) == set(ROLES)
    assert result["articles"] == 1 and result["errors"] == 0
    assert result["target_recall"] == 1.0 and result["place_recall"] == 1.0 and result["attacker_recall"] == 1.0
