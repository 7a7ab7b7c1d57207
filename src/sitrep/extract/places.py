"""Places named in the article, each with its role: incident, dateline or merely mentioned."""

from __future__ import annotations

from spacy.tokens import Span

from ..model import Incident, Place
from ..resolve.places import Gazetteer
from .context import Context, Sentence

ROLE_RANK = {"incident": 0, "dateline": 1, "mentioned": 2}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# The stock model calls "Quetta" an ORG or a WORK_OF_ART in some sentences.
MISLABELLED = {"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "PERSON"}
MISLABELLED_MIN_POPULATION = 100_000


def find_places(ctx: Context, *, gazetteer: Gazetteer, incidents: list[Incident]) -> list[Place]:
    hints = ctx.country_hints
    incident_places = {(i.location.name, i.location.country_code) for i in incidents if i.location}
    places: dict[tuple[str, str | None], Place] = {}
    for sentence in ctx.sentences:
        for ent in place_entities(ctx, sentence, gazetteer):
            entry = gazetteer.resolve(ent.text, country_codes=hints)
            if entry is None:
                continue
            key = (entry.name, entry.country_code)
            if key in incident_places:
                role = "incident"
            elif is_dateline(ctx, ent):
                role = "dateline"
            else:
                role = "mentioned"
            place = places.get(key)
            evidence = sentence.evidence()
            if place is None or ROLE_RANK[role] < ROLE_RANK[place.role]:
                previous = place.evidence if place else []
                places[key] = Place(
                    name=entry.name, role=role, lat=entry.lat, lon=entry.lon, country_code=entry.country_code,
                    admin1=entry.admin1, precision=_precision(entry.kind),
                    evidence=[*previous, evidence] if evidence not in previous else previous,
                    confidence=0.9 if role != "mentioned" else 0.8,
                )
            elif evidence not in place.evidence:
                place.evidence = [*place.evidence, evidence]
    return sorted(places.values(), key=lambda p: (ROLE_RANK[p.role], p.evidence[0].start, p.name))


def _names_actor(ctx: Context, start: int, end: int) -> bool:
    """An entity that is itself an actor's name ("Daesh" read as a place by the model) is no place."""
    return any(m.start <= start and end <= m.end and m.via in {"registry", "ner", "faction", "state"}
               for m in ctx.mentions)


def _precision(kind: str) -> str:
    return {"city": "city", "admin1": "admin1", "country": "country"}.get(kind, "region")


def place_entities(ctx: Context, sentence: Sentence, gazetteer: Gazetteer) -> list[Span]:
    """Entities that name places: GPE/LOC/FAC, and mislabelled spans the gazetteer knows well,
    but never an actor's name ('Daesh' read as a place)."""
    found = []
    for ent in sentence.span.ents:
        if _names_actor(ctx, ent.start_char, ent.end_char):
            continue
        if ent.label_ in PLACE_LABELS or (ent.label_ in MISLABELLED and _gazetteer_place(gazetteer, ent.text)):
            found.append(ent)
    return found


def _gazetteer_place(gazetteer: Gazetteer, text: str) -> bool:
    """A mislabelled entity counts as a place only when it names a country, a province or a large city."""
    entry = gazetteer.resolve(text)
    if entry is None:
        return False
    return entry.kind in {"admin1", "country"} or (entry.kind == "city" and entry.population >= MISLABELLED_MIN_POPULATION)


def is_dateline(ctx: Context, ent: Span) -> bool:
    """The dateline is the city the story opens with ('Islamabad: ...'), not where events happened."""
    if ctx.article.dateline != ent.text:
        return False
    body = [s for s in ctx.article.segments if s.kind == "body"]
    return bool(body) and ent.start_char - body[0].start < 5
