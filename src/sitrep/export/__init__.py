"""Exports of the knowledge base for the tools people use: ACLED- and GTD-like CSV, GeoJSON, GraphML and GEXF,
JSON Lines, Parquet. Columns are documented in docs/exports.md.

Example:

    with store.session() as session:
        export(session, format="geojson", filters=IncidentFilter(country="PK"), output=Path("pk.geojson"))
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from ..store.query import IncidentFilter
from . import conflict_csv, geojson, jsonl, network, parquet

# Each writer reads what it needs through store.query and returns how many records it wrote.
Writer = Callable[[Session, IncidentFilter, Path], int]
FORMATS: dict[str, Writer] = {
    "acled-csv": conflict_csv.write_acled,
    "gtd-csv": conflict_csv.write_gtd,
    "geojson": geojson.write_geojson,
    "graphml": network.write_graphml,
    "gexf": network.write_gexf,
    "jsonl": jsonl.write_jsonl,
    "parquet": parquet.write_parquet,
}


def export(session: Session, *, format: str, filters: IncidentFilter, output: Path) -> int:
    """Write the incidents (or, for graphml/gexf, the relations) that match `filters` to `output`."""
    return FORMATS[format](session, filters, output)
