"""Tolls: bounds and qualifiers as the text gives them."""

import pytest

import sitrep
from sitrep.extract.counts import (
    combine,
    parse_number,
    read_attackers_killed,
    read_fatalities,
    read_injuries,
    read_victims_killed,
)
from sitrep.model import Evidence


@pytest.mark.parametrize("text, value", [
    ("60", 60), ("1,200", 1200), ("sixty-two", 62), ("a dozen", 12), ("two dozen", 24), ("dozens", 24),
    ("hundreds", 200), ("three", 3), ("one hundred and five", 105),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("sentence, expected", [
    ("a raid that left more than 60 dead", (61, None, "more_than")),
    ("at least 12 people were killed", (12, None, "at_least")),
    ("the death toll rose to 19", (19, 19, "exact")),
    ("three policemen and two civilians were killed", (5, 5, "exact")),
    ("up to 30 people died", (None, 30, "at_most")),
    ("killing nearly 40 worshippers", (40, 40, "about")),
    ("dozens were killed", (24, None, "at_least")),
])
def test_fatalities_keep_their_bounds(sentence, expected):
    assert read_fatalities(sentence)[0][:3] == expected


def test_injuries_without_a_number_are_unknown_not_zero():
    assert read_injuries("An ambulance carries injured officers to a hospital")[0][:3] == (None, None, "unknown")


def test_injury_count_does_not_swallow_the_death_toll():
    sentence = "killing at least 12 people and wounding 30 others"
    assert read_fatalities(sentence)[0][:3] == (12, None, "at_least")
    assert read_injuries(sentence)[0][:3] == (30, 30, "exact")


def test_attackers_killed_are_not_victims():
    sentence = "troops repelled the attackers and killed 12 of them"
    assert read_attackers_killed(sentence)[0][:3] == (12, 12, "exact")
    assert read_fatalities(sentence) == []


def test_a_year_is_not_a_toll():
    assert read_fatalities("In 2015 killed people were remembered") == []


def test_conflicting_figures_become_a_range():
    one = Evidence(text="a", start=0, end=1)
    two = Evidence(text="b", start=2, end=3)
    count = combine([(15, 15, "exact", "15 killed", one), (22, 22, "exact", "22 killed", two)])
    assert (count.min, count.max, count.qualifier) == (15, 22, "range")
    assert count.evidence == [one, two]


@pytest.mark.parametrize("sentence, expected", [
    ("A man was killed and 20 others injured in the clash", []),  # no figure: read from the parse
    ("the blast left at least 8 people injured", []),
    ("Eleven people, including six children, were killed in the blast", [(11, 11, "exact")]),
    ("Two Central Reserve Police Force (CRPF) personnel were killed", [(2, 2, "exact")]),
])
def test_death_figures_and_what_is_no_death_figure(sentence, expected):
    assert [r[:3] for r in read_fatalities(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Security forces killed 2 militants in Ziarat", (2, 2, "exact")),
    ("killing 11 suspected militants and destroying hideouts", (11, 11, "exact")),
    ("5 TTP/LEI militants were killed in the clash", (5, 5, "exact")),
    ("Police kill three Hill Front militants in raid", (3, 3, "exact")),
    ("Police claim killing six ‘militants’ in raid", (6, 6, "exact")),
])
def test_armed_men_killed_are_attackers_not_victims(sentence, expected):
    assert read_attackers_killed(sentence)[0][:3] == expected
    assert read_fatalities(sentence) == []


def test_a_figure_among_the_dead_is_no_armed_man():
    assert read_attackers_killed("Gunmen kill 10 people including militants") == []


def test_a_day_of_the_month_is_no_toll():
    assert [r[:3] for r in read_fatalities("Dera, Aug 14 (PTI) At least one guard was killed")] == [
        (1, None, "at_least")]


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp import load_nlp

    return load_nlp()


@pytest.mark.parametrize("sentence, total", [
    ("A police constable on duty at the polio camp was shot dead by unknown assailants.", 1),
    ("Unidentified assailants slew a ward-level party leader in Demra yesterday.", 1),
    ("Gunmen killed an official and two others near the market.", 3),
    ("Gunmen shot the guard, killing him on the spot.", 1),
])
def test_victims_named_without_a_figure_are_counted(nlp, sentence, total):
    assert read_victims_killed(nlp(sentence)[:])[0][0] == total


def test_unnumbered_plural_victims_give_no_figure(nlp):
    assert read_victims_killed(nlp("Policemen were killed in the attack.")[:]) == []


@pytest.mark.parametrize("text", [
    "Unidentified assailants shot a party activist to death in Jessore on Sunday night.",
    "Unidentified assailants slew a ward-level party leader in Dhaka's Demra area yesterday.",
])
def test_one_victim_shot_to_death_or_slain(text):
    (incident, *_) = sitrep.extract(text).incidents
    assert incident.fatalities is not None and incident.fatalities.min == 1


def test_deaths_told_in_the_next_sentence_count():
    text = ("Fighting erupted between the army and rebels near Laukkai in Shan State, Myanmar. "
            "Four government soldiers died and four rebels were injured.")
    (incident, *_) = sitrep.extract(text).incidents
    assert incident.fatalities is not None and incident.fatalities.min == 4


def test_a_misparsed_object_beside_armed_men_killed_is_no_victim(nlp):
    # the tagger takes the attribution after the dash, or a place after a comma, for an object of "kill"
    assert read_victims_killed(nlp("Helicopters in Tirah valley kill 12 suspected fighters - radio")[:]) == []
    assert read_victims_killed(nlp("Troops kill 8 rebels in Kurram, Tirah border area")[:]) == []


def test_a_victim_listed_before_armed_men_still_counts(nlp):
    assert read_victims_killed(nlp("Gunmen killed a policeman and two militants in the clash.")[:])[0][0] == 1
