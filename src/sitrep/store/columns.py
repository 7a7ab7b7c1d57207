"""Extracted records as the columns the tables hold: an incident's shared columns, a place's key."""

from __future__ import annotations

from ..model import Count, Denial, Incident, Location, Place


def incident_values(incident: Incident, place_id: str | None) -> dict:
    """The columns an incident report shares with incidents, from an extracted Incident."""
    location: Location | None = incident.location
    values = {
        "type": incident.type,
        "date_start": incident.date.start,
        "date_end": incident.date.end,
        "date_precision": incident.date.precision,
        "date_text": incident.date.text,
        "place_id": place_id,
        "location_name": location.name if location else None,
        "admin1": location.admin1 if location else None,
        "admin2": location.admin2 if location else None,
        "country_code": location.country_code if location else None,
        "country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "geo_precision": location.precision if location else None,
        "targets": [t.model_dump(mode="json") for t in incident.targets],
        "weapons": list(incident.weapons),
        "denials": [denial_values(d) for d in incident.denials],
        "confidence": incident.confidence,
    }
    for field in ("fatalities", "injuries", "perpetrator_fatalities"):
        count: Count | None = getattr(incident, field)
        values[f"{field}_min"] = count.min if count else None
        values[f"{field}_max"] = count.max if count else None
        values[f"{field}_qualifier"] = count.qualifier if count else None
    return values


def denial_values(denial: Denial) -> dict:
    """A denial as the incident columns keep it: who and how sure; its sentence is the report's evidence."""
    return denial.model_dump(mode="json", exclude={"evidence"})


def place_key(place: Place | Location) -> str:
    """The identity of a place across articles: its GeoNames id, else its name, admin area and point."""
    if getattr(place, "geonameid", None):
        return f"geonames:{place.geonameid}"
    lat = f"{place.lat:.4f}" if place.lat is not None else ""
    lon = f"{place.lon:.4f}" if place.lon is not None else ""
    return "|".join([place.name.lower(), place.country_code or "", (place.admin1 or "").lower(), lat, lon])[:255]
