"""ACLED notes: the event sitrep reads out of each note against the coded one.

Input: a JSONL file like ../shared/benchmarks/acled2015/dev.jsonl (`id`, `text`,
`gold`). Only the text goes in, with the gold event date as the reference date
for "on Thursday" (the benchmark README allows it). A note codes one event; the
event sitrep reports for it is the note's first incident (notes lead with their
event); when no incident has a place, the note's first non-dateline place, then its
dateline's. ACLED codes every event at a point inside a first-level division: when that
place is none or only a country or a region, the first place inside a division the note names,
else the place a report naming none is coded at
(the capital it speaks of, the outlet's city: `sitrep.extract.places.fallback_place`), if
it lies in that country.

- `event_class_accuracy`: the incident's ACLED class (sitrep.taxonomy) equals
  the coded `event_class`; a note with no incident counts as wrong.
- `admin1_accuracy`: the predicted first-level division names the coded admin1.
- `within_25km`: the predicted point lies within 25 km of the coded one.
- `fatalities_exact` (all rows), `fatalities_exact_nonzero` (rows whose coded
  toll is above zero), `fatalities_mae`: the predicted toll is the incident's
  victims plus killed attackers (ACLED counts every death), the lower figure
  of a range, and 0 when the note gives none.
- `actor_recall`, `row_recall`: gold actor1/actor2 among the extracted actors.

A gold actor counts as found when an extracted actor is the same actor:

- "Police Forces of India", "Military Forces of Pakistan": any state actor of
  that country (`state:IN`, `state:IN:police`, ...);
- "Protesters (India)" and other "Name (Country)" forms: the country-scoped
  generic actor (`protesters:IN`), or an actor of that name and country;
- "TTP: Tehreek-i-Taliban Pakistan", "BNP: Bangladesh Nationalist Party Militia":
  the registry entry the name or the acronym resolves to (a party's militia is
  the party), else an extracted actor whose name or mentions match the name.

`row_recall` is the share of rows whose every gold actor is found.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from ..extract.places import fallback_place
from ..ingest import RawArticle
from ..model import Actor, Count, Document, Incident, InputError, Location, Place
from ..pipeline import process
from ..registry import Registry
from ..resolve.country_cues import publisher_country
from ..resolve.places import Gazetteer, distance_km, name_key, to_location
from ..taxonomy import acled_event_class
from .jsonl import read_rows
from .progress import tracked

FORCES_RE = re.compile(r"^(?:Police|Military|Security|Naval|Air) Forces of (?P<country>.+?)(?: \(\d{4}-(?:\d{4})?\))?$")
GOVERNMENT_RE = re.compile(r"^Government of (?P<country>.+?)(?: \(\d{4}-(?:\d{4})?\))?$")
SCOPED_RE = re.compile(r"^(?P<name>.+?) \((?P<country>[^)]+)\)$")
ACRONYM_RE = re.compile(r"^(?P<acronym>[^:]{1,20}): (?P<name>.+)$")
NAME_MATCH_SCORE = 88
ADMIN1_MATCH_SCORE = 90
DIVISION_WORDS = {"region", "province", "division", "state", "development", "zone"}
COMPASS_NOUNS = {"eastern": "east", "western": "west", "northern": "north", "southern": "south"}
WITHIN_KM = 25.0


def evaluate(path: Path, *, predictions: Path | None = None, limit: int | None = None) -> dict:
    rows = list(read_rows(path, limit))
    # The publisher's name is article metadata, not gold: it goes in as the source.
    raws = [RawArticle(origin=f"{path}:{i + 1}", content=row["text"], format="text", published=_date(row),
                       source=row.get("source"))
            for i, row in enumerate(rows)]
    registry, gazetteer = Registry.default(), Gazetteer.default()
    tally = Counter()
    out = predictions.open("w", encoding="utf-8") if predictions else None
    try:
        results = tracked(process(raws), total=len(raws), label="ACLED notes")
        for row, result in zip(rows, results, strict=True):
            document = None if isinstance(result, InputError) else result
            tally["errors"] += document is None
            predicted = predict(document, gazetteer=gazetteer)
            gold = row["gold"]
            actors = document.actors if document is not None else []
            gold_actors = [gold[key] for key in ("actor1", "actor2") if gold.get(key)]
            found = [g for g in gold_actors if matches(g, actors, registry=registry, gazetteer=gazetteer)]
            _score_event(tally, predicted, gold)
            if gold_actors:
                tally["actor_rows"] += 1
                tally["gold_actors"] += len(gold_actors)
                tally["found"] += len(found)
                tally["rows_complete"] += len(found) == len(gold_actors)
            if out is not None:
                out.write(json.dumps({"id": row["id"], **predicted,
                                      "actors": [{"id": a.id, "name": a.name} for a in actors],
                                      "gold_actors": gold_actors, "found": found}) + "\n")
    finally:
        if out is not None:
            out.close()
    rows_scored = tally["rows"]
    return {
        "rows": rows_scored,
        "event_class_accuracy": _share(tally["event_class"], rows_scored),
        "admin1_accuracy": _share(tally["admin1"], rows_scored),
        "within_25km": _share(tally["within_25km"], tally["located_rows"]),
        "fatalities_exact": _share(tally["fatalities_exact"], rows_scored),
        "fatalities_exact_nonzero": _share(tally["fatalities_exact_nonzero"], tally["nonzero_rows"]),
        "fatalities_mae": round(tally["fatalities_error"] / rows_scored, 4) if rows_scored else 0.0,
        "actor_recall": _share(tally["found"], tally["gold_actors"]),
        "row_recall": _share(tally["rows_complete"], tally["actor_rows"]),
        "gold_actors": tally["gold_actors"],
        "errors": tally["errors"],
    }


def predict(document: Document | None, *, gazetteer: Gazetteer) -> dict:
    """The event sitrep reports for one note, in the fields ACLED codes."""
    incident = document.incidents[0] if document is not None and document.incidents else None
    place = incident.location if incident is not None else None
    if place is None and document is not None:
        place = _note_place(document, gazetteer)
    if document is not None and (place is None or place.admin1 is None):
        place = _divided_place(document) or _fallback(document, place, gazetteer) or place
    return {
        "event_class": acled_event_class(incident) if incident is not None else None,
        "admin1": place.admin1 if place is not None else None,
        "latitude": place.lat if place is not None else None,
        "longitude": place.lon if place is not None else None,
        "fatalities": _toll(incident),
    }


def _note_place(document: Document, gazetteer: Gazetteer) -> Place | Location | None:
    """The place of a note without a located incident: the first it names, else the dateline's
    (ACLED codes a report at the town it was filed from when it names no other)."""
    places = sorted(document.places, key=lambda p: p.role == "dateline")
    if places:
        return places[0]
    dateline = document.article.dateline
    entry = gazetteer.resolve(dateline, country_codes=_countries(document)) if dateline else None
    return to_location(entry) if entry is not None else None


def _divided_place(document: Document) -> Place | None:
    """The first place the note names inside a first-level division, for a note whose incident
    lies only in a country or a region ("solidarity with the people of Gaza" said at a rally in
    Sukkur): the note's sub-national place beats a guess from the outlet."""
    places = sorted(document.places, key=lambda p: p.role == "dateline")
    return next((p for p in places if p.admin1 is not None), None)


def _countries(document: Document) -> list[str]:
    code = publisher_country(document.article.source)
    return [code] if code else []


def _fallback(document: Document, place: Place | Location | None, gazetteer: Gazetteer) -> Location | None:
    """Where a note with no sub-national place is coded, in the country it names if any."""
    country = place.country_code if place is not None else None
    code = country or publisher_country(document.article.source)
    entry = fallback_place(document.article, [code] if code else [], gazetteer)
    if entry is None or (country is not None and entry.country_code != country):
        return None
    return to_location(entry)


def _toll(incident: Incident | None) -> int:
    if incident is None:
        return 0
    return sum(_low(count) for count in (incident.fatalities, incident.perpetrator_fatalities) if count is not None)


def _low(count: Count) -> int:
    # "more than 60" is stored as min 61; ACLED codes the figure the text gives.
    if count.min is None:
        return 0
    return count.min - 1 if count.qualifier == "more_than" else count.min


def _score_event(tally: Counter, predicted: dict, gold: dict) -> None:
    tally["rows"] += 1
    tally["event_class"] += predicted["event_class"] == gold.get("event_class")
    tally["admin1"] += same_admin1(predicted["admin1"], gold.get("admin1"))
    if gold.get("latitude") is not None and gold.get("longitude") is not None:
        tally["located_rows"] += 1
        if predicted["latitude"] is not None:
            distance = distance_km(predicted["latitude"], predicted["longitude"], gold["latitude"], gold["longitude"])
            tally["within_25km"] += distance <= WITHIN_KM
    gold_toll = int(gold.get("fatalities") or 0)
    exact = predicted["fatalities"] == gold_toll
    tally["fatalities_exact"] += exact
    tally["fatalities_error"] += abs(predicted["fatalities"] - gold_toll)
    if gold_toll > 0:
        tally["nonzero_rows"] += 1
        tally["fatalities_exact_nonzero"] += exact


def same_admin1(predicted: str | None, gold: str | None) -> bool:
    """Whether two first-level division names name the same division ("NWFP" styles aside;
    "Eastern Region" and "East", "Mid Western" and "Mid-West" name one Nepali region)."""
    if not predicted or not gold:
        return False
    a, b = _division_key(predicted), _division_key(gold)
    return a == b or fuzz.token_set_ratio(a, b) >= ADMIN1_MATCH_SCORE


def _division_key(name: str) -> str:
    """The name without division words, compass adjectives as nouns: 'Eastern Region' -> 'east'."""
    words = [COMPASS_NOUNS.get(word, word) for word in name_key(name).split() if word not in DIVISION_WORDS]
    return " ".join(words) or name_key(name)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _date(row: dict) -> str | None:
    text = row.get("gold", {}).get("event_date")
    try:
        return dt.datetime.strptime(text, "%d-%B-%Y").date().isoformat() if text else None
    except ValueError:
        return None


def matches(gold: str, actors: list[Actor], *, registry: Registry, gazetteer: Gazetteer) -> bool:
    """Whether one of `actors` is the actor an ACLED actor string names."""
    gold = gold.strip()
    for pattern in (FORCES_RE, GOVERNMENT_RE):
        if match := pattern.match(gold):
            code = _country_code(match.group("country"), gazetteer)
            # A named body ("Frontier Corps") counts through its parent, a force of that state.
            return code is not None and any(
                a.id == f"state:{code}" or a.id.startswith(f"state:{code}:") or (a.parent_id or "").startswith(f"state:{code}")
                for a in actors)
    if match := SCOPED_RE.match(gold):
        code = _country_code(match.group("country"), gazetteer)
        name = match.group("name")
        entry = registry.lookup(name, fuzzy=False)
        wanted = {f"{entry.id}:{code}", entry.id} if entry is not None and code is not None else set()
        if any(a.id in wanted or a.parent_id in wanted for a in actors):
            return True
        return _by_name(name, actors)
    names = [gold]
    if match := ACRONYM_RE.match(gold):
        names = [match.group("name"), match.group("acronym")]
    names += [re.sub(r"\s+Militia$", "", n) for n in names if n.endswith("Militia")]
    ids = {entry.id for name in names if (entry := registry.lookup(name)) is not None}
    return any(a.id in ids or (a.parent_id in ids) for a in actors) or any(_by_name(n, actors) for n in names)


def _by_name(name: str, actors: list[Actor]) -> bool:
    for actor in actors:
        for candidate in (actor.name, *actor.mentions):
            if fuzz.token_sort_ratio(name.lower(), candidate.lower()) >= NAME_MATCH_SCORE:
                return True
    return False


def _country_code(name: str, gazetteer: Gazetteer) -> str | None:
    entry = gazetteer.country(name)
    return entry.country_code if entry is not None else None
