"""Incidents as flat rows of scalars, for the formats that cannot nest (GeoJSON properties, Parquet)."""

from __future__ import annotations

from typing import Any

LIST_SEPARATOR = "; "
FLAT_COLUMNS = (
    "id", "type", "date_start", "date_end", "date_precision", "location", "admin1", "admin2", "country_code",
    "country", "lat", "lon", "geo_precision", "fatalities_min", "fatalities_max", "injuries_min", "injuries_max",
    "perpetrator_fatalities_min", "perpetrators", "denied_by", "targets", "weapons", "reports", "source_urls", "confidence",
)


def _bound(count: dict | None, key: str) -> int | None:
    return count[key] if count else None


def perpetrator_names(incident: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(p["name"] for p in incident["perpetrators"]))


def flat_incident(incident: dict[str, Any]) -> dict[str, Any]:
    location = incident["location"] or {}
    return {
        "id": incident["id"],
        "type": incident["type"],
        "date_start": incident["date"]["start"],
        "date_end": incident["date"]["end"],
        "date_precision": incident["date"]["precision"],
        "location": location.get("name"),
        "admin1": location.get("admin1"),
        "admin2": location.get("admin2"),
        "country_code": location.get("country_code"),
        "country": location.get("country"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "geo_precision": location.get("precision"),
        "fatalities_min": _bound(incident["fatalities"], "min"),
        "fatalities_max": _bound(incident["fatalities"], "max"),
        "injuries_min": _bound(incident["injuries"], "min"),
        "injuries_max": _bound(incident["injuries"], "max"),
        "perpetrator_fatalities_min": _bound(incident["perpetrator_fatalities"], "min"),
        "perpetrators": LIST_SEPARATOR.join(perpetrator_names(incident)),
        "denied_by": LIST_SEPARATOR.join(d["name"] for d in incident["denials"]),
        "targets": LIST_SEPARATOR.join(t["name"] for t in incident["targets"]),
        "weapons": LIST_SEPARATOR.join(incident["weapons"]),
        "reports": len(incident["sources"]),
        "source_urls": LIST_SEPARATOR.join(s["url"] for s in incident["sources"] if s["url"]),
        "confidence": incident["confidence"],
    }
