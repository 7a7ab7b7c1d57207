"""Actor resolution hard cases: spellings, factions, state bodies, unknown groups, generic actors."""

import pytest

import sitrep
from sitrep.ingest import RawArticle
from sitrep.pipeline import process

PUBLISHED = "Published Mar 12, 2017, 2:00 pm PKT\n\n"


def actors(body: str) -> dict[str, dict]:
    doc = sitrep.extract("Test story\n\n" + PUBLISHED + body)
    return {a.id: a.model_dump() for a in doc.actors}


@pytest.mark.parametrize("spelling", ["ISIS", "ISIL", "Daesh", "the Islamic State group", "IS"])
def test_islamic_state_spellings(spelling):
    found = actors(f"Officials said {spelling} fighters attacked a checkpoint in Mosul.")
    assert "islamic-state" in found, found.keys()


@pytest.mark.parametrize("spelling", ["Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban", "TTP", "the Pakistani Taliban"])
def test_ttp_spellings(spelling):
    assert "tehrik-i-taliban-pakistan" in actors(f"{spelling} claimed the attack in Peshawar.")


def test_model_mislabels_are_corrected():
    # the stock model reads "LeJ Al-Alami" as a person and "Daesh" as a place
    found = actors("LeJ Al-Alami and Daesh carried out the attack in Quetta.")
    assert {"lashkar-e-jhangvi-al-alami", "islamic-state"} <= set(found)
    assert found["lashkar-e-jhangvi-al-alami"]["parent_id"] == "lashkar-e-jhangvi"


def test_faction_phrase_is_the_faction_and_names_its_parent():
    found = actors("Police blamed the Al-Alami faction of the Lashkar-e-Jhangvi group for the bombing in Quetta.")
    assert "lashkar-e-jhangvi-al-alami" in found and "lashkar-e-jhangvi" in found


def test_unknown_faction_of_a_known_group_is_kept_with_its_parent():
    found = actors("The Khorasan Wolves faction of the Tehrik-i-Taliban Pakistan claimed the attack in Bannu.")
    new = [a for a in found.values() if not a["registered"]]
    assert new and new[0]["parent_id"] == "tehrik-i-taliban-pakistan" and new[0]["kind"] == "faction"


def test_definite_description_refers_back():
    found = actors("Boko Haram attacked Dalori village near Maiduguri. The group has killed thousands since 2009.")
    assert "the group" in found["boko-haram"]["mentions"] or "The group" in found["boko-haram"]["mentions"]


def test_state_bodies_by_country():
    found = actors("Pakistani troops and Indian soldiers exchanged fire across the Line of Control, Pakistan's military said.")
    assert {"state:PK:military", "state:IN:military"} <= set(found)


def test_generic_actors_are_scoped_to_the_country():
    found = actors("Hundreds of protesters blocked a highway in Lahore, Pakistan on Monday. Police fired tear gas.")
    assert "protesters:PK" in found and found["protesters:PK"]["name"] == "Protesters (Pakistan)"
    assert "state:PK:police" in found


def test_unidentified_gunmen():
    found = actors("Unidentified gunmen shot dead a shopkeeper in Karachi, Pakistan on Sunday.")
    assert "unidentified-armed-group:PK" in found
    assert "civilians:PK" in found


def test_photo_agency_is_not_an_actor():
    found = actors("Gunmen attacked a bus in Quetta. (Photo: AP)")
    assert not [a for a in found.values() if a["name"] in {"AP", "Associated Press"}]


def test_named_state_body_is_a_state_force_of_its_country():
    found = actors("The Frontier Corps arrested two militants in a search operation near Turbat, Balochistan.")
    assert found["frontier-corps"]["parent_id"].startswith("state:PK")



def _actor_ids(text: str, *, source: str = "") -> set[str]:
    """Actors of a text published by `source` (article metadata, as a JSONL corpus gives it)."""
    raw = RawArticle(origin="test", content=text, format="text", published="2015-10-06", source=source or None)
    (document,) = process([raw])
    return {a.id for a in document.actors}

@pytest.mark.parametrize("text, source, expected", [
    # No country named: the outlet's home country scopes the generic actors.
    ("Police lathicharged students protesting fee hikes outside the college.", "The Hindu", "protesters:IN"),
    # "upazila" is Bangladesh's word, whatever else is called Santhia.
    ("Three workers were injured as a bomb exploded in Santhia upazila on Tuesday.", "", "civilians:BD"),
])
def test_country_from_non_place_clues(text, source, expected):
    assert expected in _actor_ids(text, source=source)


@pytest.mark.parametrize("text", [
    "Pickets set ablaze a truck on the highway during the hartal.",
    "Activists of the two parties exchanged blows at the meeting.",
])
def test_violence_makes_rioters(text):
    assert "rioters:BD" in _actor_ids(text, source="Dhaka Tribune")


def test_gunfire_does_not_make_protesters():
    assert not any(i.startswith("protesters") for i in _actor_ids("Gunmen opened fire on a police post in Quetta."))


@pytest.mark.parametrize("text, expected, absent", [
    # A state body's one-word alias ("Rangers") names it only in its own country's news.
    ("Two militants were killed in a gun battle with Rangers in Narathiwat, Thailand.", "state:TH:military",
     "pakistan-rangers"),
    # A weekday after a name is no part of it.
    ("Pakistan Rangers Sunday fired on Indian border posts.", "pakistan-rangers", "new:pakistan-rangers-sunday"),
    # "an army man" is a soldier, not a civilian.
    ("An Indian army man was killed in cross-border firing in Kupwara.", "state:IN:military", "civilians:IN"),
])
def test_state_forces_in_context(text, expected, absent):
    found = _actor_ids(text)
    assert expected in found and absent not in found, found


@pytest.mark.parametrize("text", [
    "BJP activists gheraoed the minister's bungalow in Bhopal, India.",
    "Students burnt an effigy of the vice-chancellor in Lucknow, India.",
    "Hundreds formed a human chain in Guwahati, India.",
])
def test_protest_forms_imply_protesters(text):
    assert "protesters:IN" in _actor_ids(text)


@pytest.mark.parametrize("text", [
    "Clash between BNP activists and the police in Dhaka on Monday.",
    "Three buses were damaged by pickets on the Rangpur-Bogra highway in Bangladesh.",
])
def test_partisans_in_a_fight_are_rioters(text):
    assert "rioters:BD" in _actor_ids(text)


def test_the_centre_is_no_place():
    # "the Centre" is India's central government, not Burkina Faso's Centre region.
    text = "Opposition parties protested against the Centre's land acquisition bill."
    assert "protesters:IN" in _actor_ids(text, source="Times of India")


def test_partisans_hurling_bombs_are_rioters():
    assert "rioters:IN" in _actor_ids("Bombs were hurled by TMC activists at a candidate's house in Kolkata, India.")


def test_arrests_imply_the_police():
    found = _actor_ids("Farmers were arrested when they gathered in Gurgaon to protest.", source="DNA")
    assert "state:IN:police" in found


def test_a_weekday_opens_no_name():
    assert "new:tuesday-army" not in _actor_ids("On Tuesday Army and police forces engaged the rebels in Assam, India.")


def test_a_groups_own_leaders_killed_are_not_civilians():
    found = _actor_ids("Lashkar-e-Jhangvi was weakened after its leaders were killed by security forces in Pakistan.")
    assert "civilians:PK" not in found
