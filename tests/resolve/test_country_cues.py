"""Country clues that are not place names: the outlet and local administrative words."""

import pytest

from sitrep.resolve.country_cues import admin_term_countries, publisher_country


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
