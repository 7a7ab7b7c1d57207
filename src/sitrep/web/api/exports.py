"""GET /api/exports/{format}: the files of `sitrep export`, with the same filters."""

from __future__ import annotations

import tempfile
from enum import Enum
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response

from ...export import FORMATS, export
from ..deps import FiltersDep, SessionDep

router = APIRouter(prefix="/exports", tags=["exports"])
ExportFormat = Enum("ExportFormat", {name.replace("-", "_"): name for name in FORMATS}, type=str)
FILES = {  # format → (file extension, media type)
    "acled-csv": ("csv", "text/csv; charset=utf-8"), "gtd-csv": ("csv", "text/csv; charset=utf-8"),
    "geojson": ("geojson", "application/geo+json"), "graphml": ("graphml", "application/xml"),
    "gexf": ("gexf", "application/xml"), "jsonl": ("jsonl", "application/x-ndjson"),
    "parquet": ("parquet", "application/vnd.apache.parquet"),
}


@router.get("/{export_format}")
def export_file(export_format: ExportFormat, session: SessionDep, filters: FiltersDep) -> Response:
    """Incidents (graphml, gexf: the relation network) as a file to download; columns in docs/exports.md."""
    extension, media_type = FILES[export_format.value]
    with tempfile.TemporaryDirectory(prefix="sitrep-export-") as folder:
        path = Path(folder) / f"sitrep.{extension}"
        count = export(session, format=export_format.value, filters=filters, output=path)
        body = path.read_bytes()
    return Response(body, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="sitrep-{export_format.value}.{extension}"',
        "X-Record-Count": str(count)})
