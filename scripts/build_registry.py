"""Build the packaged actor registry, `src/sitrep/data/actors.json`, from its sources.

The sources are the JSON files in `src/sitrep/data/registry/` (see `SOURCES` for
their order and `src/sitrep/data/SOURCES.md` for what they hold). The build
merges them in that order, keeping each file's order, validates the result and
writes one entry per line, so the same sources always give the same bytes.

    python scripts/build_registry.py            # write actors.json
    python scripts/build_registry.py --check    # exit 1 if actors.json differs from what the sources give
    python scripts/build_registry.py --format   # rewrite the source files in their canonical layout

Validation: record fields and types, unique ids, known kinds, ISO country codes,
parents and relation targets that exist, relation types, and no alias (after the
registry's own normalisation) shared by two unrelated entries unless
`registry/shared_aliases.json` lists it, with distinct countries so a country
hint can tell them apart.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pycountry

from sitrep.registry import ACTOR_KINDS, RELATION_TYPES, registry_from_records

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "sitrep" / "data"
SOURCE_DIR = DATA / "registry"
OUTPUT = DATA / "actors.json"
SHARED_ALIASES = SOURCE_DIR / "shared_aliases.json"

# Merge order, which is registry order: when two entries share an alias and no
# country is known, the first listed wins.
SOURCES = (
    "transnational.json",
    "southeast_asia.json",
    "south_asia.json",
    "central_asia_caucasus.json",
    "middle_east.json",
    "north_africa.json",
    "africa.json",
    "latin_america.json",
    "europe.json",
    "north_america.json",
    "east_asia.json",
    "oceania.json",
    "international_organizations.json",
    "state_bodies.json",
    "generic.json",
    "communal_groups.json",
)
FIELDS = ("id", "name", "aliases", "kind", "parent_id", "country_code", "active", "source")
OPTIONAL_FIELDS = ("relations",)
RELATION_FIELDS = ("type", "target", "since")
STORED_KINDS = ACTOR_KINDS - {"state"}  # governments are generated, never stored
COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ACTIVE = re.compile(r"\d{4}-(?:\d{4})?")
YEAR = re.compile(r"\d{4}")


class RegistryError(ValueError):
    """The sources do not make a valid registry; the message lists every problem."""


# --- reading and writing ----------------------------------------------------


def load_sources(source_dir: Path = SOURCE_DIR) -> list[tuple[str, dict[str, Any]]]:
    """Every source file, in merge order, as (file name, parsed content)."""
    present = {path.name for path in source_dir.glob("*.json")} - {SHARED_ALIASES.name}
    unknown = sorted(present - set(SOURCES))
    if unknown:
        raise RegistryError(f"source files not listed in SOURCES: {', '.join(unknown)}")
    return [(name, json.loads((source_dir / name).read_text(encoding="utf-8")))
            for name in SOURCES if name in present]


def merge(sources: Iterable[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """All entries in merge order, each with its fields in canonical order."""
    return [canonical(record) for _, source in sources for record in source["entries"]]


def canonical(record: dict[str, Any]) -> dict[str, Any]:
    out = {field: record.get(field) for field in FIELDS}
    if record.get("relations"):
        out["relations"] = [{field: relation.get(field) for field in RELATION_FIELDS}
                            for relation in record["relations"]]
    return out


def render(records: list[dict[str, Any]]) -> str:
    """The actors.json text: a JSON list, one entry per line."""
    return "[\n" + ",\n".join("  " + json.dumps(record, ensure_ascii=False) for record in records) + "\n]\n"


def render_source(source: dict[str, Any]) -> str:
    """A source file in canonical layout: header fields, then one entry per line."""
    head = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
            for key, value in source.items() if key != "entries"]
    entries = ",\n".join("    " + json.dumps(canonical(r), ensure_ascii=False) for r in source["entries"])
    return "{\n" + ",\n".join([*head, '  "entries": [\n' + entries + "\n  ]"]) + "\n}\n"


def build(source_dir: Path = SOURCE_DIR) -> str:
    """Merge and validate the sources; the text actors.json must hold."""
    records = merge(load_sources(source_dir))
    validate(records, shared_aliases(source_dir / SHARED_ALIASES.name))
    return render(records)


def shared_aliases(path: Path = SHARED_ALIASES) -> dict[str, frozenset[str]]:
    """Aliases deliberately shared by unrelated entries: alias -> the ids that share it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {alias: frozenset(item["ids"]) for alias, item in data["aliases"].items()}


# --- validation -------------------------------------------------------------


def validate(records: list[dict[str, Any]], allowed: dict[str, frozenset[str]]) -> None:
    problems = list(_record_problems(records))
    if not problems:
        try:
            registry = registry_from_records(records)
        except ValueError as error:  # unknown parent or relation target
            problems.append(str(error))
        else:
            problems.extend(_alias_problems(records, registry, allowed))
    if problems:
        raise RegistryError("invalid registry sources:\n  " + "\n  ".join(problems))


def _record_problems(records: list[dict[str, Any]]) -> Iterator[str]:
    seen: set[str] = set()
    for record in records:
        actor_id = record["id"]
        where = f"entry {actor_id!r}"
        if not isinstance(actor_id, str) or not SLUG.fullmatch(actor_id):
            yield f"{where}: id is not a slug"
        if actor_id in seen:
            yield f"{where}: duplicate id"
        seen.add(actor_id)
        if not isinstance(record["name"], str) or not record["name"].strip():
            yield f"{where}: empty name"
        aliases = record["aliases"]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            yield f"{where}: aliases must be a list of non-empty strings"
        elif len(set(aliases)) != len(aliases) or record["name"] in aliases:
            yield f"{where}: repeated alias"
        if record["kind"] not in STORED_KINDS:
            yield f"{where}: unknown kind {record['kind']!r}"
        if record["country_code"] is not None and record["country_code"] not in COUNTRY_CODES:
            yield f"{where}: unknown country code {record['country_code']!r}"
        if record["active"] is not None and not ACTIVE.fullmatch(str(record["active"])):
            yield f"{where}: active must look like '1996-' or '1964-2017'"
        if not isinstance(record["source"], str) or not record["source"]:
            yield f"{where}: no source"
        targets: set[tuple[str, str]] = set()
        for relation in record.get("relations", ()):
            if relation["type"] not in RELATION_TYPES:
                yield f"{where}: unknown relation type {relation['type']!r}"
            if relation["since"] is not None and not YEAR.fullmatch(str(relation["since"])):
                yield f"{where}: relation 'since' must be a year"
            key = (relation["type"], relation["target"])
            if key in targets:
                yield f"{where}: repeated relation {key}"
            targets.add(key)


def _alias_problems(records: list[dict[str, Any]], registry, allowed: dict[str, frozenset[str]]) -> Iterator[str]:
    reported: set[tuple[str, frozenset[str]]] = set()
    for record in records:
        entry = registry.get(record["id"])
        for alias in entry.surface_forms:
            others = [other for other in registry.exact(alias) if other is not entry]
            if not others:
                continue
            ids = frozenset({entry.id, *(other.id for other in others)})
            if (alias, ids) in reported:
                continue
            reported.add((alias, ids))
            permitted = allowed.get(alias)
            if permitted is None or not ids <= permitted:
                yield f"alias {alias!r} is shared by {sorted(ids)}; list it in {SHARED_ALIASES.name} or drop it"
            elif len({registry.get(i).country_code for i in ids}) != len(ids):
                yield f"alias {alias!r} is shared by {sorted(ids)} in the same country: a hint cannot tell them apart"


# --- command line -----------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with actors.json instead of writing it")
    parser.add_argument("--format", action="store_true", help="rewrite the source files in canonical layout")
    args = parser.parse_args(argv)
    try:
        if args.format:
            for name, source in load_sources():
                (SOURCE_DIR / name).write_text(render_source(source), encoding="utf-8")
        text = build()
    except RegistryError as error:
        print(error, file=sys.stderr)
        return 1
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run python scripts/build_registry.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    records = json.loads(text)
    relations = sum(len(r.get("relations", ())) for r in records)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(records)} entries, {relations} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
