"""The ACLED and GTD codes of sitrep incidents."""

import pytest

from sitrep.model import DateRange, Incident, Target
from sitrep.taxonomy import acled_event, acled_event_class, gtd_attack_type


def incident(kind, *, targets=(), weapons=()):
    return Incident(id="i1", type=kind, date=DateRange(), evidence=[], confidence=0.5,
                    targets=[Target(name=name, type=kind_) for name, kind_ in targets], weapons=list(weapons))


@pytest.mark.parametrize("case, acled, gtd", [
    (incident("protest"), ("Protests", "Peaceful protest"), None),
    (incident("riot"), ("Riots", "Violent demonstration"), None),
    (incident("armed_assault", targets=[("police college", "police")], weapons=["firearms"]),
     ("Battles", "Armed clash"), "Armed Assault"),
    (incident("armed_assault", targets=[("villagers", "civilians")], weapons=["firearms"]),
     ("Violence against civilians", "Attack"), "Armed Assault"),
    (incident("suicide_bombing", weapons=["suicide vest"]), ("Explosions/Remote violence", "Suicide bomb"),
     "Bombing/Explosion"),
    (incident("attack", weapons=["grenade"]), ("Explosions/Remote violence", "Grenade"), "Bombing/Explosion"),
    (incident("air_strike"), ("Explosions/Remote violence", "Air/drone strike"), "Bombing/Explosion"),
    (incident("kidnapping"), ("Violence against civilians", "Abduction/forced disappearance"),
     "Hostage Taking (Kidnapping)"),
    (incident("arson", targets=[("school", "education")]), ("Violence against civilians", "Attack"),
     "Facility/Infrastructure Attack"),
    (incident("attack"), ("Violence against civilians", "Attack"), "Unknown"),
])
def test_codes(case, acled, gtd):
    assert acled_event(case) == acled
    assert gtd_attack_type(case) == gtd


def test_event_class_follows_event_type():
    assert acled_event_class(incident("riot")) == "protest_or_riot"
    assert acled_event_class(incident("shelling")) == "explosion_or_remote_violence"
