"""GeoJSON: a FeatureCollection of incident points (WGS 84) with flat properties, as QGIS opens it.

Incidents without coordinates have no point and are left out.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.orm import Session

from ..store.query import IncidentFilter, list_incidents
from .flat import flat_incident


def write_geojson(session: Session, filters: IncidentFilter, output: Path) -> int:
    features = []
    for incident in list_incidents(session, filters):
        row = flat_incident(incident)
        if row["lat"] is None or row["lon"] is None:
            continue
        features.append({"type": "Feature", "id": row["id"],
                         "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                         "properties": row})
    output.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                      encoding="utf-8")
    return len(features)
