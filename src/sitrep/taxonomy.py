"""sitrep's incident types mapped to the ACLED and GTD codebooks.

sitrep types say what happened; ACLED and GTD also code who it happened to, so
the mapping reads an incident's targets and weapons besides its type: an
armed assault on police is an ACLED battle (two armed sides), the same assault
on villagers is violence against civilians. docs/taxonomy.md is the table.
"""

from __future__ import annotations

from .model import Incident

ARMED_TARGETS = {"police", "military"}
EXPLOSIVE_WEAPONS = {"suicide vest", "car bomb", "improvised explosive device", "grenade", "rocket-propelled grenade",
                     "rocket", "mortar", "missile", "explosives", "bomb", "artillery", "drone"}
REMOTE_TYPES = {"bombing", "suicide_bombing", "air_strike", "shelling"}

# ACLED (codebook 2019 onward) event type -> the coarse class of the 2015 benchmark notes.
ACLED_CLASS = {
    "Battles": "armed_clash",
    "Explosions/Remote violence": "explosion_or_remote_violence",
    "Violence against civilians": "violence_against_civilians",
    "Protests": "protest_or_riot",
    "Riots": "protest_or_riot",
    "Strategic developments": "strategic_development",
}


def acled_event(incident: Incident) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type) for one incident."""
    kind = incident.type
    weapons = set(incident.weapons)
    if kind == "protest":
        return "Protests", "Peaceful protest"
    if kind == "riot":
        return "Riots", "Violent demonstration"
    if kind == "arrest":
        return "Strategic developments", "Arrests"
    if kind == "strategic_development":
        return "Strategic developments", "Other"
    if kind == "armed_clash":
        return "Battles", "Armed clash"
    if kind == "air_strike" or "drone" in weapons:
        return "Explosions/Remote violence", "Air/drone strike"
    if kind == "shelling" or weapons & {"artillery", "mortar", "rocket", "missile"}:
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kind == "suicide_bombing" or "suicide vest" in weapons:
        return "Explosions/Remote violence", "Suicide bomb"
    if weapons & {"grenade", "rocket-propelled grenade"} and kind not in REMOTE_TYPES:
        return "Explosions/Remote violence", "Grenade"
    if kind == "bombing" or weapons & EXPLOSIVE_WEAPONS:
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if kind == "kidnapping":
        return "Violence against civilians", "Abduction/forced disappearance"
    if any(target.type in ARMED_TARGETS for target in incident.targets):
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


def acled_event_class(incident: Incident) -> str:
    """The coarse ACLED class: protest_or_riot, armed_clash, explosion_or_remote_violence, ..."""
    return ACLED_CLASS[acled_event(incident)[0]]


def gtd_attack_type(incident: Incident) -> str | None:
    """GTD attack type (attacktype1_txt); None for protests, riots and non-violent events, which GTD does not code."""
    kind = incident.type
    weapons = set(incident.weapons)
    if kind in {"protest", "riot", "arrest", "strategic_development"}:
        return None
    if kind == "assassination":
        return "Assassination"
    if kind == "kidnapping":
        return "Hostage Taking (Kidnapping)"
    if kind in {"arson", "facility_attack"}:
        return "Facility/Infrastructure Attack"
    if kind in REMOTE_TYPES or weapons & EXPLOSIVE_WEAPONS:
        return "Bombing/Explosion"
    # GTD codes knives and other melee weapons as armed assault too.
    if kind in {"armed_assault", "armed_clash", "violence_against_civilians"} or weapons & {"firearms", "knife"}:
        return "Armed Assault"
    return "Unknown"
