"""GET /api/incidents: the list (filters as in `sitrep incidents`, search, sorting, paging), map points, the
timeline, one incident with every report, its conflicting values and evidence spans, and why fusion put its
reports together (as `sitrep explain`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse

from ...errors import UnknownRecord
from ...store.detail import incident_detail
from ...store.explain import explain_incident
from ...store.query import SortOrder, count_incidents, incident_points, incident_timeline, list_incidents
from ..deps import FiltersDep, PagingDep, SessionDep, found_or_404

router = APIRouter(prefix="/incidents", tags=["incidents"])


@router.get("")
def incidents(session: SessionDep, filters: FiltersDep, paging: PagingDep,
              sort: Annotated[SortOrder, Query(description="Order; a leading - reverses it.")] = "date"
              ) -> JSONResponse:
    """Incidents that match every filter given, a page at a time, with the total."""
    return JSONResponse({
        "total": count_incidents(session, filters), "page": paging.page, "per_page": paging.per_page,
        "items": list_incidents(session, filters, limit=paging.per_page, offset=paging.offset, sort=sort)})


@router.get("/points")
def points(session: SessionDep, filters: FiltersDep) -> JSONResponse:
    """Every matching incident that has coordinates, as a GeoJSON FeatureCollection of points for a map."""
    return JSONResponse({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": p["id"], "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
         "properties": p} for p in incident_points(session, filters)]})


@router.get("/timeline")
def timeline(session: SessionDep, filters: FiltersDep,
             interval: Annotated[Literal["week", "month"], Query(description="Bucket size.")] = "month"
             ) -> JSONResponse:
    """Matching incidents and victims killed per week or month, by start date; empty periods included."""
    return JSONResponse({"interval": interval, "periods": incident_timeline(session, filters, interval=interval)})


@router.get("/{incident_id}")
def incident(incident_id: str, session: SessionDep) -> JSONResponse:
    """One incident: consolidated values, every report with its article and evidence offsets, conflicts, edits."""
    return JSONResponse(found_or_404(incident_detail(session, incident_id), "incident", incident_id))


@router.get("/{incident_id}/explain")
def explain(incident_id: str, session: SessionDep) -> JSONResponse:
    """Why the incident holds its reports: fusion's scores and their parts, the nearby reports kept apart, the
    review edits, and the rule behind each consolidated value (as `sitrep explain`)."""
    try:
        return JSONResponse(explain_incident(session, incident_id))
    except UnknownRecord:
        raise HTTPException(404, f"no incident {incident_id!r}") from None
