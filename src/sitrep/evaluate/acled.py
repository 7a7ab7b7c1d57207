"""Actor resolution on ACLED notes: are the coded actor1/actor2 among the actors sitrep extracts?

Input: a JSONL file like ../shared/benchmarks/acled2015/dev.jsonl (`id`, `text`,
`gold`). Only the text goes in, with the gold event date as the reference date
for "on Thursday" (the benchmark README allows it). A gold actor counts as found
when an extracted actor is the same actor:

- "Police Forces of India", "Military Forces of Pakistan": any state actor of
  that country (`state:IN`, `state:IN:police`, ...);
- "Protesters (India)" and other "Name (Country)" forms: the country-scoped
  generic actor (`protesters:IN`), or an actor of that name and country;
- "TTP: Tehreek-i-Taliban Pakistan", "BNP: Bangladesh Nationalist Party Militia":
  the registry entry the name or the acronym resolves to (a party's militia is
  the party), else an extracted actor whose name or mentions match the name.

Scores: `actor_recall` over gold actors, and `row_recall`, the share of rows
whose every gold actor is found.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from rapidfuzz import fuzz

from ..ingest import RawArticle
from ..model import Actor, InputError
from ..pipeline import process
from ..registry import Registry
from ..resolve.places import Gazetteer

FORCES_RE = re.compile(r"^(?:Police|Military|Security|Naval|Air) Forces of (?P<country>.+?)(?: \(\d{4}-(?:\d{4})?\))?$")
GOVERNMENT_RE = re.compile(r"^Government of (?P<country>.+?)(?: \(\d{4}-(?:\d{4})?\))?$")
SCOPED_RE = re.compile(r"^(?P<name>.+?) \((?P<country>[^)]+)\)$")
ACRONYM_RE = re.compile(r"^(?P<acronym>[^:]{1,20}): (?P<name>.+)$")
NAME_MATCH_SCORE = 88


def evaluate(path: Path, *, predictions: Path | None = None, limit: int | None = None) -> dict:
    rows = list(_rows(path, limit))
    # The publisher's name is article metadata, not gold: it goes in as the source.
    raws = [RawArticle(origin=f"{path}:{i + 1}", content=row["text"], format="text", published=_date(row),
                       source=row.get("source"))
            for i, row in enumerate(rows)]
    registry, gazetteer = Registry.default(), Gazetteer.default()
    gold_total = found_total = rows_complete = rows_scored = errors = 0
    out = predictions.open("w", encoding="utf-8") if predictions else None
    try:
        for row, result in zip(rows, process(raws), strict=True):
            actors = [] if isinstance(result, InputError) else result.actors
            errors += isinstance(result, InputError)
            gold = [row["gold"][key] for key in ("actor1", "actor2") if row["gold"].get(key)]
            found = [g for g in gold if matches(g, actors, registry=registry, gazetteer=gazetteer)]
            if gold:
                rows_scored += 1
                gold_total += len(gold)
                found_total += len(found)
                rows_complete += len(found) == len(gold)
            if out is not None:
                out.write(json.dumps({"id": row["id"], "actors": [{"id": a.id, "name": a.name} for a in actors],
                                      "gold": gold, "found": found}) + "\n")
    finally:
        if out is not None:
            out.close()
    return {
        "rows": rows_scored,
        "gold_actors": gold_total,
        "found": found_total,
        "actor_recall": round(found_total / gold_total, 4) if gold_total else 0.0,
        "row_recall": round(rows_complete / rows_scored, 4) if rows_scored else 0.0,
        "errors": errors,
    }


def _rows(path: Path, limit: int | None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


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
