"""sitrep incidents as MUC-4 templates (the mapping docs/taxonomy.md describes under "MUC-4").

One incident is one template. Its type maps to a MUC-4 incident type, or to
none: an armed clash between forces, a protest or a riot is not a MUC-4
terrorist incident. Role fillers come from the incident's fields, each filler
an entity of one mention:

- PerpInd: `attackers`;
- PerpOrg: `perpetrators`, by the words the article used (`mention`), else the name;
- Target: `targets` whose category is property;
- Victim: `targets` whose category is people;
- Weapon: `weapons`.

A target without a category (the rule extractor's) is a victim when its type
is a kind of people and a physical target otherwise.
"""

from __future__ import annotations

from ..model import Document, Incident, Target

Template = dict  # {"incident_type": str, role: [[mention, ...], ...] for each role}

MUC_TYPES = {
    "attack": "attack", "armed_assault": "attack", "assassination": "attack", "facility_attack": "attack",
    "shelling": "attack", "air_strike": "attack", "violence_against_civilians": "attack",
    "bombing": "bombing", "suicide_bombing": "bombing",
    "kidnapping": "kidnapping",
    "arson": "arson",
}
PEOPLE_TYPES = {"civilians", "journalists", "police", "military"}


def templates_from_document(document: Document) -> list[Template]:
    """One template per incident of a MUC-4 type, in the GTT prediction format."""
    templates: list[Template] = []
    for incident in document.incidents:
        template = template_from_incident(incident)
        if template is not None and template not in templates:
            templates.append(template)
    return templates


def template_from_incident(incident: Incident) -> Template | None:
    incident_type = MUC_TYPES.get(incident.type)
    if incident_type is None:
        return None
    victims = [t.name for t in incident.targets if _is_people(t)]
    targets = [t.name for t in incident.targets if not _is_people(t)]
    organisations = [p.mention or p.name for p in incident.perpetrators]
    return {
        "incident_type": incident_type,
        "PerpInd": _entities(incident.attackers),
        "PerpOrg": _entities(organisations),
        "Target": _entities(targets),
        "Victim": _entities(victims),
        "Weapon": _entities(incident.weapons),
    }


def _is_people(target: Target) -> bool:
    if target.category is not None:
        return target.category == "people"
    return target.type in PEOPLE_TYPES and target.name.split()[-1].lower() not in {"station", "post", "base"}


def _entities(names: list[str]) -> list[list[str]]:
    unique: list[str] = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return [[name] for name in unique]
