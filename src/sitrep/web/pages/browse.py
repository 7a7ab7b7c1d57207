"""The browsing pages: incident list, map, timeline, incident, article, actors, actor, network, audit log,
API docs. Each reads through sitrep.store (query, detail, review) and renders a template."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from ...model import IncidentType
from ...store import review
from ...store.detail import actor_detail, article_detail, incident_detail
from ...store.query import SORTS, SortOrder, count_incidents, incident_timeline, list_actors, list_incidents
from ...store.users import SignedIn
from ..auth import cookie_user
from ..deps import FiltersDep, PagingDep, SessionDep, found_or_404
from ..highlight import highlight
from ..templates import render, with_query

router = APIRouter()
INCIDENT_TYPES = typing.get_args(IncidentType)
PAGE_SIZE = 50
TIMELINE_WIDTH, TIMELINE_HEIGHT = 960, 220
# Classes for the kinds of fact an evidence span supports; the stylesheet colours each.
FACT_CLASSES = {"incident": "ev-incident", "fatalities": "ev-toll", "injuries": "ev-toll",
                "perpetrator_fatalities": "ev-toll", "perpetrator": "ev-perpetrator", "denials": "ev-perpetrator",
                "statement": "ev-statement"}


def _params(request: Request) -> dict[str, str]:
    return dict(request.query_params)


@router.get("/", response_class=HTMLResponse)
def incident_list(request: Request, session: SessionDep, filters: FiltersDep,
                  page: Annotated[int, Query(ge=1)] = 1,
                  sort: Annotated[SortOrder, Query()] = "date") -> HTMLResponse:
    total = count_incidents(session, filters)
    rows = list_incidents(session, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, sort=sort)
    return render(request, "incidents.html", {
        "incidents": rows, "total": total, "page": page, "pages": max(1, -(-total // PAGE_SIZE)),
        "params": _params(request), "types": INCIDENT_TYPES, "sorts": SORTS})


@router.get("/map", response_class=HTMLResponse)
def incident_map(request: Request) -> HTMLResponse:
    return render(request, "map.html", {"params": _params(request), "types": INCIDENT_TYPES})


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, session: SessionDep, filters: FiltersDep,
             interval: Annotated[Literal["week", "month"], Query()] = "month") -> HTMLResponse:
    periods = incident_timeline(session, filters, interval=interval)
    return render(request, "timeline.html", {
        "interval": interval, "periods": periods, "bars": _bars(periods, interval, _params(request)),
        "total": sum(p["incidents"] for p in periods), "params": _params(request), "types": INCIDENT_TYPES,
        "width": TIMELINE_WIDTH, "height": TIMELINE_HEIGHT})


def _bars(periods: list[dict], interval: str, params: dict[str, str]) -> list[dict]:
    """SVG bar geometry (attributes, not inline styles: the CSP allows no inline style), each bar linking to the
    list of its period's incidents."""
    if not periods:
        return []
    step = TIMELINE_WIDTH / len(periods)
    tallest = max(p["incidents"] for p in periods) or 1
    first_year = int(periods[0]["start"][:4])
    every = 1 + (int(periods[-1]["start"][:4]) - first_year) // 12  # at most about a dozen year labels
    bars = []
    for index, period in enumerate(periods):
        start = dt.date.fromisoformat(period["start"])
        following = periods[index + 1]["start"] if index + 1 < len(periods) else None
        end = (dt.date.fromisoformat(following) if following else _period_end(start, interval)) - dt.timedelta(days=1)
        height = round(period["incidents"] / tallest * (TIMELINE_HEIGHT - 20), 1)
        link = {k: v for k, v in params.items() if k not in ("interval", "page")}
        new_year = index == 0 or start.year != int(periods[index - 1]["start"][:4])
        labelled = new_year and (start.year - first_year) % every == 0
        bars.append({**period, "x": round(index * step, 2), "year": start.year if labelled else None, "width": round(max(step - 1, 1), 2), "height": height,
                     "y": round(TIMELINE_HEIGHT - height, 1), "end": end.isoformat(),
                     "href": "/" + with_query({**link, "since": period["start"], "until": end.isoformat()})})
    return bars


def _period_end(start: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return start + dt.timedelta(days=7)
    return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)


def incident_page(request: Request, session: Session, incident_id: str, *, user: SignedIn | None = None,
                  error: str | None = None, status_code: int = 200) -> HTMLResponse:
    """The incident page; the review forms re-render it with their error."""
    incident = found_or_404(incident_detail(session, incident_id), "incident", incident_id)
    for report in incident["reports"]:
        report["pieces"] = highlight(report["article"]["text"], report["evidence"])
    user = user or cookie_user(request)
    return render(request, "incident.html", {
        "incident": incident, "fact_classes": FACT_CLASSES, "error": error, "user": user,
        "may_edit": bool(user and user.may("editor")),
        "correctable": list(review.CORRECTABLE["incident"]), "types": INCIDENT_TYPES}, status_code=status_code)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(request: Request, session: SessionDep, incident_id: str) -> HTMLResponse:
    return incident_page(request, session, incident_id)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, session: SessionDep, article_id: str) -> HTMLResponse:
    found = found_or_404(article_detail(session, article_id), "article", article_id)
    spans = [{**e, "fact": "perpetrator" if e["record_type"] == "perpetrator" else
              (e["field"] or "incident") if e["record_type"] == "incident_report" else e["record_type"]}
             for e in found["evidence"] if e["record_type"] in ("incident_report", "perpetrator")]
    spans += [{"start": s["start"], "end": s["end"], "fact": "statement",
               "label": f"statement by {s['speaker_name'] or s['speaker'] or 'an unnamed source'}"}
              for s in found["statements"]]
    return render(request, "article.html", {"article": found, "pieces": highlight(found["text"], spans),
                                            "fact_classes": FACT_CLASSES})


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, session: SessionDep, paging: PagingDep,
           q: Annotated[str | None, Query()] = None) -> HTMLResponse:
    found = list_actors(session, name=q)
    shown = found[paging.offset:paging.offset + paging.per_page]
    return render(request, "actors.html", {"actors": shown, "total": len(found), "page": paging.page,
                                           "pages": paging.pages(len(found)), "params": _params(request)})


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, session: SessionDep, actor_id: str) -> HTMLResponse:
    return render(request, "actor.html", {"actor": found_or_404(actor_detail(session, actor_id), "actor", actor_id)})


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    return render(request, "network.html", {})


@router.get("/audit", response_class=HTMLResponse)
def audit(request: Request, session: SessionDep, paging: PagingDep,
          target: Annotated[str | None, Query()] = None) -> HTMLResponse:
    total = review.count_audit(session, target_id=target)
    entries = review.list_audit(session, target_id=target, limit=paging.per_page, offset=paging.offset)
    edits = {e.id: e for e in review.list_edits(session, target_id=target)} if entries else {}
    return render(request, "audit.html", {
        "entries": entries, "edits": edits, "total": total, "page": paging.page, "pages": paging.pages(total),
        "params": _params(request), "target": target})


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return render(request, "api_docs.html", {})
