"""Dependencies shared by the API and the pages: a read session on the app's store, the incident filters
from the query string, paging."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from ..model import IncidentType
from ..store.database import Store
from ..store.query import IncidentFilter

MAX_PER_PAGE = 500
T = TypeVar("T")


def found_or_404(found: T | None, kind: str, key: str) -> T:
    """`found`, or a 404 that says no `kind` has the id `key`."""
    if found is None:
        raise HTTPException(404, f"no {kind} {key!r}")
    return found


def get_store(request: Request) -> Store:
    return request.app.state.store


async def read_session(request: Request) -> AsyncIterator[Session]:
    """A read session for the request. Async on purpose: its clean-up (giving the connection back to the pool)
    then runs on the event loop, not in a worker thread, which under load could all be waiting for that very
    connection."""
    session = get_store(request).session()
    try:
        yield session
    finally:
        session.close()


async def incident_filters(
    actor: Annotated[str | None, Query(description="Actor id, or part of a name or alias.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code or country name.")] = None,
    admin1: Annotated[str | None, Query(description="First-level administrative area, e.g. Balochistan.")] = None,
    type: Annotated[IncidentType | None, Query(description="Incident type, e.g. suicide_bombing.")] = None,
    since: Annotated[dt.date | None, Query(description="Incidents ending on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Incidents starting on or before this day.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, description="At least this many killed.")] = None,
    q: Annotated[str | None, Query(description="Search: part of the place, country, type, an article title or "
                                                "a perpetrator's name.")] = None,
) -> IncidentFilter:
    """The filters of `sitrep incidents`, plus a search. Async only because it does no I/O: FastAPI then runs
    it on the event loop instead of sending it to a worker thread."""
    return IncidentFilter(actor=actor or None, country=country or None, admin1=admin1 or None, type=type,
                          since=since, until=until, min_fatalities=min_fatalities, search=q or None)


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def pages(self, total: int) -> int:
        return max(1, -(-total // self.per_page))


async def paging(page: Annotated[int, Query(ge=1, description="Page number, from 1.")] = 1,
           per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Items per page.")] = 50) -> Paging:
    return Paging(page, per_page)


SessionDep = Annotated[Session, Depends(read_session)]
FiltersDep = Annotated[IncidentFilter, Depends(incident_filters)]
PagingDep = Annotated[Paging, Depends(paging)]
