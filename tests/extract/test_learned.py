"""The learned role model's parts: candidate phrases, their features, templates built from a reading.

The sentences are written for the purpose, in the lower-cased style of the wire reports.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract.learned import (
    Filler,
    Reading,
    RoleModel,
    Thresholds,
    assign,
    decide,
    read,
    reading_features,
    reads_lower_cased,
    restack,
    told_types,
)
from sitrep.extract.roles import candidate_features, candidates, document_features, phrase_key, phrases, view
from sitrep.linear import LinearModel
from sitrep.nlp import load_nlp

SENTENCE = ("urban guerrillas of the red star front attacked the electric power substation with dynamite. "
            "governor jose perez was killed.")


@pytest.fixture(scope="module")
def doc():
    return load_nlp()(SENTENCE)


def texts(doc):
    return {c.span(doc).text for c in candidates(doc)}


def test_candidates_cover_the_extents_the_gold_uses(doc):
    found = texts(doc)
    assert {"urban guerrillas", "electric power substation", "dynamite"} <= found
    assert "urban guerrillas of the red star front" in found  # with its of-phrase


def test_a_name_after_a_title_is_a_candidate_without_the_title(doc):
    found = texts(doc)
    assert "jose perez" in found
    assert any(t.endswith("jose perez") and t != "jose perez" for t in found)


def test_candidates_never_end_on_punctuation_or_a_stop_word(doc):
    for text in texts(doc):
        assert text[-1].isalnum() and text.split()[-1] not in {"the", "of", "with"}


def test_candidate_features_name_the_governing_word_and_the_lexicons(doc):
    seen = view(doc)
    by_text = {c.span(doc).text: c for c in candidates(doc)}
    target = candidate_features(by_text["electric power substation"], seen)
    assert target["relation+governor=dobj|attack"] == 1.0
    assert target["head=substation"] == 1.0
    weapon = candidate_features(by_text["dynamite"], seen)
    assert weapon["relation=prep_with"] == 1.0
    assert weapon["head_weapon"] == 1.0
    assert "sentence_trigger=attack" in weapon


def test_mentions_of_one_phrase_are_grouped_whatever_their_article(doc):
    twice = load_nlp()("the guerrillas attacked a bus. later guerrillas burned it.")
    grouped = phrases(twice)
    assert len(grouped["guerrillas"]) == 2
    assert phrase_key(twice[0:2]) == "guerrillas"


def test_document_features_hold_lemmas_and_lemma_pairs(doc):
    found = document_features(doc)
    assert found["lemma=attack"] == 1.0
    assert "pair=power_substation" in found


def test_lower_cased_text_is_recognised():
    assert reads_lower_cased("the army denied today that guerrillas attacked the farm.")
    assert not reads_lower_cased("The army denied on Monday that FARC guerrillas attacked the farm.")
    assert not reads_lower_cased("")


# --- From a reading to incidents -----------------------------------------------------------------


def filler(role, text, start, cues=(), probability=0.9):
    return Filler(role, text, text, start, start + len(text), cues, probability)


def test_an_irrelevant_report_tells_no_type():
    assert told_types(Reading(relevant=0.1, types={"attack": 0.9}), Thresholds()) == []


def test_a_relevant_report_tells_at_least_its_likeliest_type():
    assert told_types(Reading(relevant=0.9, types={"attack": 0.3, "bombing": 0.4}), Thresholds()) == ["bombing"]
    both = Reading(relevant=0.9, types={"attack": 0.6, "bombing": 0.8})
    assert told_types(both, Thresholds()) == ["bombing", "attack"]
    assert told_types(both, Thresholds(told=0.7)) == ["bombing"]


def test_fillers_go_to_the_type_their_sentence_speaks_of_and_perpetrators_to_all():
    # "rebels burned a bus. later a bomb destroyed the bank."
    fillers = [filler("PerpInd", "rebels", 0, cues=("arson",)), filler("Target", "bus", 16, cues=("arson",)),
               filler("Weapon", "bomb", 29, cues=("bombing",)), filler("Target", "bank", 48, cues=("bombing",))]
    by_type = assign(fillers, ["arson", "bombing"])
    assert [f.text for f in by_type["arson"]] == ["rebels", "bus"]
    assert [f.text for f in by_type["bombing"]] == ["rebels", "bomb", "bank"]


def test_decide_applies_each_roles_threshold_and_keeps_the_likelier_of_nested_phrases():
    reading = Reading(relevant=0.9, types={"attack": 0.9}, fillers=[
        filler("PerpInd", "members of the red front", 0, probability=0.6),
        filler("PerpOrg", "red front", 15, probability=0.8),
        filler("Victim", "judge", 34, probability=0.4),
    ])
    decided = decide(reading, Thresholds(roles={"PerpInd": 0.5, "PerpOrg": 0.5, "Target": 0.5, "Victim": 0.3,
                                                "Weapon": 0.5}))
    assert [(f.role, f.text) for f in decided["attack"]] == [("PerpOrg", "red front"), ("Victim", "judge")]
    assert decide(reading, Thresholds(relevant=0.95)) == {}


def test_read_keeps_one_extent_per_phrase_and_no_overlaps(doc):
    # A hand-made model: every phrase headed by "guerrillas" is PerpInd, the longer extent more so.
    model = RoleModel(
        roles=LinearModel(classes=("PerpInd", "PerpOrg", "Target", "Victim", "Weapon", "none"),
                          weights={"head=guerrillas": [5, 0, 0, 0, 0, 0], "extent=full": [1, 0, 0, 0, 0, 0]},
                          intercepts=[0, 0, 0, 0, 0, 2]),
        relevant=LinearModel(classes=("False", "True"), weights={}, intercepts=[3.0]),
        types={"attack": LinearModel(classes=("False", "True"), weights={}, intercepts=[1.0])},
    )
    decided = decide(read(doc, model), model.thresholds)
    assert [f.text for f in decided["attack"]] == ["urban guerrillas"]


def test_a_lower_cased_report_gets_learned_incidents_and_cased_news_keeps_the_rules():
    lower = extract("guerrillas of the farabundo marti national liberation front today bombed a power station "
                    "in san salvador with dynamite, destroying the building.")
    for incident in lower.incidents:
        assert incident.evidence and incident.type in {"attack", "bombing", "kidnapping", "arson"}
        assert all(t.category in {"people", "property"} for t in incident.targets)
    cased = extract("Militants attacked a police checkpoint in Quetta on Monday, killing three officers.")
    assert all(t.category is None for i in cased.incidents for t in i.targets)


def test_the_second_stage_reads_what_the_first_found_for_each_role():
    reading = Reading(relevant=0.4, types={"attack": 0.3, "bombing": 0.6}, fillers=[
        filler("Victim", "judge", 0, probability=0.7), filler("Victim", "judge", 40, probability=0.7),
        filler("Victim", "mayor", 60, probability=0.55), filler("Weapon", "bomb", 80, probability=0.3),
    ])
    summary = reading_features(reading)
    assert summary["max=Victim"] == 0.7 and summary["likely=Victim"] == 2 / 3  # two phrases, judge counted once
    assert summary["max=Weapon"] == 0.3 and summary["likely=Weapon"] == 0.0
    assert summary["top_type=bombing"] == 1.0
    assert summary["cued=bombing"] == 0.0
    # A second stage that trusts a likely victim makes the report relevant.
    stacked = {"relevant": LinearModel(classes=("False", "True"), weights={"max=Victim": [10.0]}, intercepts=[-5.0])}
    assert restack(reading, stacked).relevant > 0.85
    assert restack(reading, {}).relevant == 0.4
