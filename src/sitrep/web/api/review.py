"""Review writes (correct, reject, merge, split, undo; editors only, HTTP Basic) and the edits and audit log
(open to all). Each write calls sitrep.store.review, as `sitrep review` does, with the signed-in user as author."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ...store import review
from ...store.users import SignedIn
from ..auth import EditorDep
from ..deps import PagingDep, SessionDep, get_store

router = APIRouter(tags=["review"])
Reason = Annotated[str, Field(min_length=1, description="Why: kept in the audit log.")]


class Correction(BaseModel):
    target_type: Literal["incident", "actor"] = "incident"
    target_id: str
    field: str = Field(description="e.g. fatalities_min, type, admin1, date_start; for actors name, kind.")
    value: str | None = Field(description='The right value as text; null or "" clears it.')
    reason: Reason


class Rejection(BaseModel):
    target_type: Literal["incident", "perpetrator", "relation", "statement"]
    target_id: str
    reason: Reason


class IncidentMerge(BaseModel):
    into: str = Field(description="The incident that stays.")
    incidents: list[str] = Field(min_length=1, description="Incidents whose reports join it.")
    reason: Reason


class Split(BaseModel):
    incident_id: str
    reports: list[str] = Field(min_length=1, description="Reports that move to a new incident.")
    reason: Reason


class ActorMerge(BaseModel):
    into: str = Field(description="The actor that stays.")
    actors: list[str] = Field(min_length=1, description="Actors that become its aliases.")
    reason: Reason


class Undo(BaseModel):
    edit_id: int
    reason: Reason


def _write(request: Request, make: Callable[[Session], review.ReviewEditRow]) -> dict:
    with get_store(request).writer() as session, session.begin():
        return review.edit_dict(session, make(session))


@router.post("/review/correct", status_code=201)
def correct(body: Correction, request: Request, user: EditorDep) -> dict:
    """Correct a field of an incident or an actor."""
    return _write(request, lambda s: review.correct_field(
        s, target_type=body.target_type, target_id=body.target_id, field=body.field, value=body.value,
        author=user.name, reason=body.reason))


@router.post("/review/reject", status_code=201)
def reject(body: Rejection, request: Request, user: EditorDep) -> dict:
    """Reject an incident, perpetrator, relation or statement: lists and exports leave it out."""
    return _write(request, lambda s: review.reject(s, target_type=body.target_type, target_id=body.target_id,
                                                   author=user.name, reason=body.reason))


@router.post("/review/merge-incidents", status_code=201)
def merge_incidents(body: IncidentMerge, request: Request, user: EditorDep) -> dict:
    """Merge incidents that are reports of the same event."""
    return _write(request, lambda s: review.merge_incidents(s, into=body.into, incidents=body.incidents,
                                                            author=user.name, reason=body.reason))


@router.post("/review/split", status_code=201)
def split(body: Split, request: Request, user: EditorDep) -> dict:
    """Split reports off an incident into a new one."""
    return _write(request, lambda s: review.split_incident(s, incident_id=body.incident_id, reports=body.reports,
                                                           author=user.name, reason=body.reason))


@router.post("/review/merge-actors", status_code=201)
def merge_actors(body: ActorMerge, request: Request, user: EditorDep) -> dict:
    """Merge actors that are the same organisation."""
    return _write(request, lambda s: review.merge_actors(s, into=body.into, actors=body.actors, author=user.name,
                                                         reason=body.reason))


@router.post("/review/undo")
def undo(body: Undo, request: Request, user: EditorDep) -> dict:
    """Undo an edit: editors undo their own, admins anyone's."""
    with get_store(request).writer() as session, session.begin():
        return review.edit_dict(session, undo_edit(session, user, body.edit_id, body.reason))


def undo_edit(session: Session, user: SignedIn, edit_id: int, reason: str) -> review.ReviewEditRow:
    """Undo as `user`, who must be an admin or the edit's author (the pages share this rule)."""
    edit = session.get(review.ReviewEditRow, edit_id)
    if edit is not None and edit.author != user.name and not user.may("admin"):
        raise HTTPException(403, f"edit {edit_id} is {edit.author}'s: only they or an admin can undo it")
    return review.undo(session, edit_id=edit_id, author=user.name, reason=reason)


@router.get("/review/edits")
def edits(session: SessionDep, target: Annotated[str | None, Query(description="Only edits touching this record.")]
          = None) -> JSONResponse:
    """Review edits, oldest first, with whether each still applies."""
    return JSONResponse([review.edit_dict(session, e) for e in review.list_edits(session, target_id=target)])


@router.get("/audit")
def audit(session: SessionDep, paging: PagingDep,
          target: Annotated[str | None, Query(description="Only entries about this record.")] = None) -> JSONResponse:
    """The audit log, newest first: who changed what, when and why."""
    return JSONResponse({
        "total": review.count_audit(session, target_id=target), "page": paging.page, "per_page": paging.per_page,
        "items": review.list_audit(session, target_id=target, limit=paging.per_page, offset=paging.offset)})
