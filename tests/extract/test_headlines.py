"""Headlines: one short line in headline grammar yields its incident, type and toll; a line with no event yields none."""

import pytest

import sitrep
from sitrep.nlp import parse_text


def first(text: str):
    doc = sitrep.extract(text)
    return doc.incidents[0] if doc.incidents else None


@pytest.mark.parametrize("text, toll", [
    ("Gunmen kill shopkeeper in northern town", 1),
    ("Firing kills four near border post", 4),
    ("Blast toll rises to 31", 31),
])
def test_present_tense_headlines_report_their_event_and_toll(text, toll):
    incident = first(text)
    assert incident is not None and incident.fatalities is not None and incident.fatalities.min == toll


def test_militants_who_die_in_a_headline_are_attackers_killed():
    incident = first("Twelve militants die in fresh infighting")
    assert incident is not None and incident.perpetrator_fatalities.min == 12


@pytest.mark.parametrize("text", ["Weekly summary of regional news 1200 gmt 3 May", "Drone Wars: A Primer"])
def test_lines_without_an_event_yield_nothing(text):
    assert first(text) is None


def test_one_line_prose_keeps_prose_rules():
    incident = first("Lawyers protested in the town over the killing of a colleague.")
    assert incident.type == "protest" and incident.fatalities is None


def test_all_caps_is_parsed_in_sentence_case_but_evidence_keeps_the_text():
    text = "ROCKET FIRE KILLS TWO IN BORDER VILLAGE"
    assert parse_text(text) == "Rocket fire kills two in border village"
    incident = first(text)
    assert incident.fatalities.min == 2
    assert incident.evidence[0].text == text
