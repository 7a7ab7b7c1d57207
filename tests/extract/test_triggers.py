"""Incident triggers and types on short texts written for the purpose: which words report which event."""

import pytest

import sitrep
from sitrep.taxonomy import acled_event_class

PUBLISHED = "Published Mar 12, 2017, 2:00 pm IST\n\n"


def first(body: str):
    doc = sitrep.extract("Test story\n\n" + PUBLISHED + body)
    return doc.incidents[0] if doc.incidents else None


@pytest.mark.parametrize("body, kind", [
    ("Teachers staged a sit-in outside the education office in Jaipur on Monday.", "protest"),
    ("The opposition enforced a dawn-to-dusk hartal across the district.", "protest"),
    ("Farmers blocked the national highway near Karnal demanding higher prices.", "protest"),
    ("Hundreds of workers went on strike at the textile mill.", "protest"),
    ("Activists burnt effigies of the chief minister in Guwahati.", "protest"),
    ("Police arrested twelve members of a banned outfit in Kolkata on Sunday.", "arrest"),
    ("Forty rebels surrendered before the district police in Malkangiri on Tuesday.", "strategic_development"),
])
def test_crowd_and_non_violent_events_are_incidents(body, kind):
    incident = first(body)
    assert incident is not None and incident.type == kind


@pytest.mark.parametrize("body, kind", [
    ("Supporters of two parties clashed in Indore on Thursday, leaving five people injured.", "riot"),
    ("A jawan was killed in an encounter with Maoists in Sukma district on Saturday.", "armed_clash"),
    ("Soldiers clashed with rebels near the border town on Friday.", "armed_clash"),
    ("Pickets torched a bus on the highway in Bogra during the blockade.", "riot"),
    ("Party activists hurled crude bombs at the rival camp in Birbhum on Monday.", "riot"),
    ("Pakistani troops resorted to firing on Indian posts along the LoC in Poonch on Monday.", "armed_clash"),
    ("Fighter jets pounded hideouts in Orakzai on Friday, killing 11 militants.", "air_strike"),
    ("A shopkeeper was hacked to death by unidentified men in Rampal on Monday.", "attack"),
])
def test_who_fought_decides_the_type(body, kind):
    assert first(body).type == kind


def test_the_killing_a_protest_is_about_is_neither_incident_nor_toll():
    incident = first("Lawyers protested in Muzaffarnagar against the killing of two colleagues by gunmen.")
    assert incident.type == "protest"
    assert incident.fatalities is None
    assert acled_event_class(incident) == "protest_or_riot"


def test_what_followed_an_event_is_not_its_toll():
    incident = first("After a man was shot dead by gunmen, residents protested outside the police station in Quetta.")
    assert incident.type == "protest"
    assert incident.fatalities is None


def test_tear_gas_shelling_is_crowd_control_not_remote_violence():
    incident = first("Police resorted to tear-gas shelling and lathi charge to disperse protesters in Dispur.")
    assert acled_event_class(incident) == "protest_or_riot"


@pytest.mark.parametrize("body", [
    "Militants may attack the convoy in Kupwara next week, police warned.",
    "The government banned rallies in Dhaka ahead of the verdict.",
    "He is a suspect in the murder of a trader in Lahore last year.",
])
def test_hypothetical_banned_and_background_events_are_not_incidents(body):
    assert first(body) is None


def test_a_killed_attacker_in_an_assault_does_not_make_it_a_battle():
    incident = first("Gunmen stormed a police station in Quetta on Monday. A gunman who was killed by police "
                     "in the raid was identified.")
    assert incident.type == "armed_assault"
