"""Country clues that are not place names: the outlet and local administrative words."""

import importlib.resources
import json

import pytest

from sitrep.resolve.country_cues import admin1_cue, admin_term_countries, publisher_city, publisher_country


@pytest.mark.parametrize("name, country", [
    ("The Hindu", "IN"),
    ("The Times of India (TOI)", "IN"),
    ("EKantipur.com", "NP"),
    ("Dawn", "PK"),
    ("United News of\xa0Bangladesh", "BD"),
    ("Assam Tribune (India)", "IN"),
    ("Reuters", None),  # a wire reports from everywhere
    ("The Nation", None),  # several countries have one
    ("", None),
    (None, None),
])
def test_publisher_country(name, country):
    assert publisher_country(name) == country


def test_admin_terms():
    assert admin_term_countries("A bomb went off in Santhia upazila.") == {"BD"}
    assert admin_term_countries("Residents of Barangay San Roque fled.") == {"PH"}
    # Acronyms count only in capitals: "vdc" in running text is not Nepal's VDC.
    assert admin_term_countries("the VDC office") == {"NP"}
    assert admin_term_countries("the vdc office") == set()
    assert admin_term_countries("Police fired tear gas in the district.") == set()


@pytest.mark.parametrize(("source", "code"), [
    ("Dawn", "PK"),
    ("The Times of India (TOI)", "IN"),
    ("Daily The Pak Banker", "PK"),
    ("EKantipur.com", "NP"),
    ("Bangkok Post", "TH"),
])
def test_national_outlets_name_their_country(source, code):
    assert publisher_country(source) == code


@pytest.mark.parametrize("source", ["Reuters", "Xinhua General News Service", "The Telegraph", "Daily News", None, ""])
def test_agencies_and_shared_names_name_no_country(source):
    assert publisher_country(source) is None


def test_a_one_word_name_must_be_the_whole_name():
    # "Dawn" is a Pakistani paper, "Dawn Chorus Weekly" is not
    assert publisher_country("Dawn Chorus Weekly") is None


@pytest.mark.parametrize(("source", "home"), [
    ("Dawn", ("Karachi", "PK")),
    ("The Hindu", ("Chennai", "IN")),
    ("Assam Tribune (India)", ("Guwahati", "IN")),
    ("Daily The Pak Banker", ("Lahore", "PK")),
    ("Daily Regional Times", ("Hyderabad", "PK")),
    ("The Telegraph (India)", ("Kolkata", "IN")),
])
def test_outlets_name_their_home_city(source, home):
    assert publisher_city(source) == home


@pytest.mark.parametrize("source", ["Reuters", "Dawn Chorus Weekly", "Tamil Guardian", None, ""])
def test_unknown_and_homeless_outlets_name_no_city(source):
    assert publisher_city(source) is None


def test_every_home_city_outlet_is_a_known_outlet():
    data = json.loads((importlib.resources.files("sitrep") / "data" / "publishers.json").read_text(encoding="utf-8"))
    for code, cities in data["home_cities"].items():
        for names in cities.values():
            assert {publisher_country(name) for name in names} == {code}


@pytest.mark.parametrize(("text", "countries", "cue"), [
    ("Farmers of the Karnataka Rajya Raitha Sangha blocked the highway.", ["IN"], ("IN", "Karnataka")),
    ("KRRS activists staged a dharna.", ["IN"], ("IN", "Karnataka")),
    ("Trinamool supporters clashed with CPI(M) workers.", ["IN"], ("IN", "West Bengal")),
    ("ANP workers rallied against load-shedding.", ["PK"], ("PK", "Khyber Pakhtunkhwa")),
    ("MQM workers rallied against load-shedding.", [], ("PK", "Sindh")),
    ("Teachers demanded that Siddaramaiah keep his promise.", ["IN"], ("IN", "Karnataka")),
    ("Traders blamed Qaim Ali Shah for the power cuts.", ["PK"], ("PK", "Sindh")),
    ("Sindhi nationalists marched to demand jobs.", ["PK"], ("PK", "Sindh")),
])
def test_admin1_cue_reads_regional_parties_and_bodies(text, countries, cue):
    assert admin1_cue(text, countries) == cue


def test_admin1_cue_needs_one_clear_division():
    assert admin1_cue("Workers protested against the price rise.", ["IN"]) is None
    assert admin1_cue("DMK and Trinamool leaders spoke.", ["IN"]) is None  # two divisions, one cue each
    assert admin1_cue("ANP workers rallied.", []) is None  # a Pakistani and a Myanmar party share the acronym
    assert admin1_cue("krrs activists staged a dharna.", ["IN"]) is None  # acronyms count in capitals only


def test_admin1_cues_name_divisions_the_gazetteer_knows():
    from sitrep.resolve.places import Gazetteer

    gazetteer = Gazetteer.default()
    cues = json.loads((importlib.resources.files("sitrep") / "data" / "admin1_cues.json").read_text())["cues"]
    for code, divisions in cues.items():
        for division in divisions:
            entry = gazetteer.resolve(division, country_codes=[code])
            assert entry is not None and entry.country_code == code and entry.admin1 == division, division
