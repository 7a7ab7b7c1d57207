"""CSV in the shape of the two reference conflict datasets: ACLED-like and GTD-like columns.

The mappings from sitrep's incident and target types to ACLED's and GTD's
categories are in docs/exports.md, with what differs from the real datasets.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..store.query import IncidentFilter, list_incidents
from .flat import LIST_SEPARATOR, perpetrator_names

# ACLED event type and sub-event type; armed assaults on police or soldiers are battles.
ACLED_TYPES = {
    "armed_clash": ("Battles", "Armed clash"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide_bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "assassination": ("Violence against civilians", "Attack"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance"),
    "violence_against_civilians": ("Violence against civilians", "Attack"),
    "arson": ("Strategic developments", "Looting/property destruction"),
    "protest": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
}
ACLED_ARMED_TARGETS = frozenset({"police", "military"})
ACLED_TIME_PRECISION = {"day": 1, "week": 2}  # anything vaguer is 3
ACLED_GEO_PRECISION = {"exact": 1, "city": 1, "district": 2}  # admin1, country, region: 3
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "country", "iso2", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "source_url", "notes", "fatalities",
)

GTD_ATTACK_TYPES = {
    "assassination": "Assassination",
    "armed_assault": "Armed Assault",
    "attack": "Armed Assault",
    "armed_clash": "Armed Assault",
    "violence_against_civilians": "Armed Assault",
    "bombing": "Bombing/Explosion",
    "suicide_bombing": "Bombing/Explosion",
    "air_strike": "Bombing/Explosion",
    "shelling": "Bombing/Explosion",
    "kidnapping": "Hostage Taking (Kidnapping)",
    "arson": "Facility/Infrastructure Attack",
    "facility_attack": "Facility/Infrastructure Attack",
}
GTD_TARGET_TYPES = {
    "police": "Police", "military": "Military", "government": "Government (General)",
    "civilians": "Private Citizens & Property", "religious": "Religious Figures/Institutions",
    "education": "Educational Institution", "business": "Business", "transport": "Transportation",
    "journalists": "Journalists & Media", "diplomatic": "Government (Diplomatic)", "utilities": "Utilities",
    "ngo": "NGO", "political": "Government (General)", "unknown": "Unknown",
}
GTD_SPECIFICITY = {"exact": 1, "city": 1, "district": 3, "admin1": 4, "country": 5, "region": 5}
GTD_CLAIM_BASES = frozenset({"claimed"})
GTD_COLUMNS = (
    "eventid", "iyear", "imonth", "iday", "approxdate", "country_txt", "iso2", "provstate", "city", "latitude",
    "longitude", "specificity", "summary", "attacktype1_txt", "suicide", "targtype1_txt", "target1", "gname",
    "gname2", "claimed", "nkill", "nwound", "nkillter", "scite1", "dbsource",
)


def _latest_source(incident: dict[str, Any]) -> dict[str, Any]:
    return max(incident["sources"], key=lambda s: (s["published"] or "", s["report_id"]))


def _main_perpetrators(incident: dict[str, Any]) -> list[str]:
    """Perpetrator names, claimed and attributed ones before suspected ones."""
    order = {"claimed": 0, "attributed": 1, "joint": 2, "suspected": 3}
    ranked = sorted(incident["perpetrators"], key=lambda p: order[p["basis"]])
    return list(dict.fromkeys(p["name"] for p in ranked)) or perpetrator_names(incident)


def acled_row(incident: dict[str, Any]) -> dict[str, Any]:
    location = incident["location"] or {}
    target_types = {t["type"] for t in incident["targets"]}
    if incident["type"] in ACLED_TYPES:
        event_type, sub_event_type = ACLED_TYPES[incident["type"]]
    elif target_types & ACLED_ARMED_TARGETS:
        event_type, sub_event_type = "Battles", "Armed clash"
    else:
        event_type, sub_event_type = "Violence against civilians", "Attack"
    perpetrators = _main_perpetrators(incident)
    source = _latest_source(incident)
    fatalities = incident["fatalities"]
    start = incident["date"]["start"]
    return {
        "event_id_cnty": incident["id"],
        "event_date": start or "",
        "year": start[:4] if start else "",
        "time_precision": ACLED_TIME_PRECISION.get(incident["date"]["precision"], 3),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": perpetrators[0] if perpetrators else "",
        "assoc_actor_1": LIST_SEPARATOR.join(perpetrators[1:]),
        "actor2": incident["targets"][0]["name"] if incident["targets"] else "",
        **_place_columns(location, country="country", admin1="admin1", name="location"),
        "admin2": location.get("admin2") or "",
        "geo_precision": ACLED_GEO_PRECISION.get(location.get("precision"), 3),
        "source": LIST_SEPARATOR.join(dict.fromkeys(s["source"] for s in incident["sources"] if s["source"])),
        "source_url": source["url"] or "",
        "notes": source["title"] or "",
        "fatalities": fatalities["min"] if fatalities and fatalities["min"] is not None else 0,
    }


def gtd_row(incident: dict[str, Any]) -> dict[str, Any]:
    location = incident["location"] or {}
    date = incident["date"]
    start = date["start"] or ""
    exact_day = date["precision"] == "day" and bool(start)
    targets = incident["targets"]
    perpetrators = _main_perpetrators(incident)
    source = _latest_source(incident)

    def bound(field: str) -> int | str:
        count = incident[field]
        return count["min"] if count and count["min"] is not None else ""

    return {
        "eventid": incident["id"],
        "iyear": start[:4],
        "imonth": int(start[5:7]) if start else 0,
        "iday": int(start[8:10]) if exact_day else 0,  # GTD writes 0 for an unknown day
        "approxdate": "" if exact_day else (date["text"] or ""),
        **_place_columns(location, country="country_txt", admin1="provstate", name="city"),
        "specificity": GTD_SPECIFICITY.get(location.get("precision"), 5),
        "summary": source["title"] or "",
        "attacktype1_txt": GTD_ATTACK_TYPES.get(incident["type"], "Unknown"),
        "suicide": int(incident["type"] == "suicide_bombing"),
        "targtype1_txt": GTD_TARGET_TYPES[targets[0]["type"]] if targets else "Unknown",
        "target1": targets[0]["name"] if targets else "",
        "gname": perpetrators[0] if perpetrators else "Unknown",
        "gname2": perpetrators[1] if len(perpetrators) > 1 else "",
        "claimed": int(any(p["basis"] in GTD_CLAIM_BASES for p in incident["perpetrators"])),
        "nkill": bound("fatalities"),
        "nwound": bound("injuries"),
        "nkillter": bound("perpetrator_fatalities"),
        "scite1": source["url"] or "",
        "dbsource": "sitrep",
    }


# GTD records terrorism, not demonstrations.
GTD_EXCLUDED_TYPES = frozenset({"protest", "riot"})


def _write_csv(output: Path, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> int:
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def _csv_writer(columns: tuple[str, ...], to_row: Callable[[dict], dict],
                excluded: frozenset[str] = frozenset()) -> Callable[[Session, IncidentFilter, Path], int]:
    def write(session: Session, filters: IncidentFilter, output: Path) -> int:
        incidents = [i for i in list_incidents(session, filters) if i["type"] not in excluded]
        return _write_csv(output, columns, [to_row(i) for i in incidents])
    return write


write_acled = _csv_writer(ACLED_COLUMNS, acled_row)
write_gtd = _csv_writer(GTD_COLUMNS, gtd_row, GTD_EXCLUDED_TYPES)


def _place_columns(location: dict, *, country: str, admin1: str, name: str) -> dict[str, object]:
    """The place columns both formats have, under each format's names for them."""
    return {
        country: location.get("country") or "",
        "iso2": location.get("country_code") or "",
        admin1: location.get("admin1") or "",
        name: location.get("name") or "",
        "latitude": location.get("lat") if location.get("lat") is not None else "",
        "longitude": location.get("lon") if location.get("lon") is not None else "",
    }
