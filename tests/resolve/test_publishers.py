"""Publisher names to their home country."""

import pytest

from sitrep.resolve.publishers import publisher_country


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
