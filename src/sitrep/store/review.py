"""Review: correct a field, reject a fact, merge or split incidents, merge actors, undo.

Each function checks its targets, stores the edit (who, when, why) with an
audit-log entry, and replays the overlay over the records it touches. Edits
are never deleted: an undo marks the edit undone and replays without it. The
CLI (`sitrep review`) and the web application call these functions.

Example:

    with store.writer() as session, session.begin():
        edit = review.correct_field(session, target_type="incident", target_id="f0389997eac9643f-1",
                                    field="fatalities_min", value="62", author="ana", reason="hospital figure")
        review.undo(session, edit_id=edit.id, author="ana", reason="wrong incident")
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import InvalidEdit, UnknownRecord
from ..model import ActorKind, IncidentType
from .overlay import (
    CORRECT,
    FACT_TABLES,
    MERGE_ACTORS,
    MERGE_INCIDENTS,
    REJECT,
    SPLIT_INCIDENT,
    rebuild_actors,
    rebuild_incidents,
    refresh_flags,
)
from .schema import ActorRow, AuditLogRow, IncidentReportRow, IncidentRow, ReviewEditRow, ReviewEditTargetRow

TARGET_TABLES = {"incident": IncidentRow, "actor": ActorRow, **FACT_TABLES}


def _text(value: str) -> str:
    return value.strip()


def _country_code(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise ValueError("expected an ISO 3166-1 alpha-2 code, e.g. PK")
    return code


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError("a count cannot be negative")
    return number


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in options:
            raise ValueError(f"expected one of {', '.join(options)}")
        return value
    return parse


def _date(value: str) -> str:
    return dt.date.fromisoformat(value).isoformat()


# What a reviewer may correct, and how the text they type becomes the stored JSON value.
CORRECTABLE: dict[str, dict[str, Callable[[str], Any]]] = {
    "incident": {
        "type": _choice(typing.get_args(IncidentType)),
        "date_start": _date, "date_end": _date,
        "location_name": _text, "admin1": _text, "admin2": _text, "country_code": _country_code,
        "lat": float, "lon": float,
        "fatalities_min": _count, "fatalities_max": _count,
        "injuries_min": _count, "injuries_max": _count,
        "perpetrator_fatalities_min": _count, "perpetrator_fatalities_max": _count,
    },
    "actor": {"name": _text, "kind": _choice(typing.get_args(ActorKind)), "country_code": _country_code},
}
NULL_INPUTS = frozenset({"", "null", "none"})


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _require(session: Session, target_type: str, target_id: str) -> Any:
    table = TARGET_TABLES.get(target_type)
    if table is None:
        raise InvalidEdit(f"cannot review a {target_type!r}; one of: {', '.join(TARGET_TABLES)}")
    row = session.get(table, target_id)
    if row is None:
        raise UnknownRecord(f"no {target_type} with id {target_id!r}")
    return row


def _record(session: Session, *, kind: str, target_type: str, target_id: str, payload: dict, targets: list[str],
            author: str, reason: str) -> ReviewEditRow:
    if not author.strip() or not reason.strip():
        raise InvalidEdit("every edit needs an author and a reason")
    now = _now()
    edit = ReviewEditRow(kind=kind, target_type=target_type, target_id=target_id, payload=payload, author=author,
                         reason=reason, created_at=now, undone_at=None, undone_by=None)
    session.add(edit)
    session.flush()
    session.add_all(ReviewEditTargetRow(edit_id=edit.id, target_type=target_type, target_id=t)
                    for t in dict.fromkeys([target_id, *targets]))
    session.add(AuditLogRow(at=now, author=author, action="edit", target_type=target_type, target_id=target_id,
                            edit_id=edit.id, reason=reason, detail={"kind": kind, **payload}))
    session.flush()
    return edit


def _replay(session: Session, target_type: str, targets: list[str]) -> None:
    if target_type == "incident":
        rebuild_incidents(session, targets)
    elif target_type == "actor":
        rebuild_actors(session, targets)
    else:
        refresh_flags(session, targets=[(target_type, t) for t in targets])


def correct_field(session: Session, *, target_type: str, target_id: str, field: str, value: str | None,
                  author: str, reason: str) -> ReviewEditRow:
    """Set a field of an incident or actor; `value` is text as typed ("" or "null" clears it)."""
    row = _require(session, target_type, target_id)
    parsers = CORRECTABLE.get(target_type, {})
    if field not in parsers:
        raise InvalidEdit(f"{target_type} field {field!r} cannot be corrected; one of: {', '.join(parsers)}")
    if value is None or value.strip().lower() in NULL_INPUTS:
        parsed = None
    else:
        try:
            parsed = parsers[field](value)
        except ValueError as exc:
            raise InvalidEdit(f"{field}: {value!r} is not valid: {exc}") from None
    was = getattr(row, field)
    payload = {"field": field, "value": parsed, "was": was.isoformat() if isinstance(was, dt.date) else was}
    edit = _record(session, kind=CORRECT, target_type=target_type, target_id=target_id, payload=payload,
                   targets=[], author=author, reason=reason)
    _replay(session, target_type, [target_id])
    return edit


def reject(session: Session, *, target_type: str, target_id: str, author: str, reason: str) -> ReviewEditRow:
    """Mark an incident, perpetrator, relation or statement as wrong; queries and exports leave it out."""
    if target_type == "actor":
        raise InvalidEdit("an actor is not a fact: reject the perpetrators or relations that name it, or merge it")
    _require(session, target_type, target_id)
    edit = _record(session, kind=REJECT, target_type=target_type, target_id=target_id, payload={}, targets=[],
                   author=author, reason=reason)
    _replay(session, target_type, [target_id])
    return edit


def merge_incidents(session: Session, *, into: str, incidents: list[str], author: str, reason: str) -> ReviewEditRow:
    """Make one incident of several: their reports join `into`, whose values are consolidated again."""
    return _merge(session, MERGE_INCIDENTS, "incident", into, incidents, author=author, reason=reason)


def split_incident(session: Session, *, incident_id: str, reports: list[str], author: str,
                   reason: str) -> ReviewEditRow:
    """Move some of an incident's reports into a new incident (id `<incident>~<edit id>`)."""
    _require(session, "incident", incident_id)
    members = set(session.scalars(select(IncidentReportRow.id).where(IncidentReportRow.incident_id == incident_id)))
    moving = list(dict.fromkeys(reports))
    if not moving or not set(moving) <= members:
        raise InvalidEdit(f"reports to split off must be among the incident's: {', '.join(sorted(members))}")
    if set(moving) == members:
        raise InvalidEdit("a split must leave at least one report in the incident")
    edit = _record(session, kind=SPLIT_INCIDENT, target_type="incident", target_id=incident_id,
                   payload={"reports": moving}, targets=moving, author=author, reason=reason)
    new_incident = f"{incident_id}~{edit.id}"
    edit.payload = {"reports": moving, "new_incident": new_incident}
    session.add(ReviewEditTargetRow(edit_id=edit.id, target_type="incident", target_id=new_incident))
    session.flush()
    _replay(session, "incident", [incident_id, new_incident, *moving])
    return edit


def merge_actors(session: Session, *, into: str, actors: list[str], author: str, reason: str) -> ReviewEditRow:
    """Make `actors` aliases of `into`: queries and exports name `into` wherever they appear."""
    return _merge(session, MERGE_ACTORS, "actor", into, actors, author=author, reason=reason)


def _merge(session: Session, kind: str, target_type: str, into: str, ids: list[str], *, author: str,
           reason: str) -> ReviewEditRow:
    others = [i for i in dict.fromkeys(ids) if i != into]
    if not others:
        raise InvalidEdit(f"name at least one {target_type} to merge into another")
    for record_id in [into, *others]:
        _require(session, target_type, record_id)
    edit = _record(session, kind=kind, target_type=target_type, target_id=into,
                   payload={"into": into, f"{target_type}s": others}, targets=others, author=author, reason=reason)
    _replay(session, target_type, [into, *others])
    return edit


def undo(session: Session, *, edit_id: int, author: str, reason: str) -> ReviewEditRow:
    """Withdraw an edit: the records it touched are rebuilt without it."""
    edit = session.get(ReviewEditRow, edit_id)
    if edit is None:
        raise UnknownRecord(f"no review edit {edit_id}")
    if edit.undone_at is not None:
        raise InvalidEdit(f"edit {edit_id} was already undone by {edit.undone_by} at {edit.undone_at:%Y-%m-%d %H:%M}")
    if not author.strip() or not reason.strip():
        raise InvalidEdit("an undo needs an author and a reason")
    targets = list(session.scalars(select(ReviewEditTargetRow.target_id).where(ReviewEditTargetRow.edit_id == edit.id)))
    edit.undone_at, edit.undone_by = _now(), author
    session.add(AuditLogRow(at=edit.undone_at, author=author, action="undo", target_type=edit.target_type,
                            target_id=edit.target_id, edit_id=edit.id, reason=reason, detail={"kind": edit.kind}))
    session.flush()
    _replay(session, edit.target_type, targets)
    return edit


def list_edits(session: Session, *, target_id: str | None = None, include_undone: bool = True) -> list[ReviewEditRow]:
    """Edits, oldest first; those that touch `target_id` when given."""
    query = select(ReviewEditRow).order_by(ReviewEditRow.id)
    if target_id is not None:
        query = query.where(ReviewEditRow.id.in_(
            select(ReviewEditTargetRow.edit_id).where(ReviewEditTargetRow.target_id == target_id)))
    if not include_undone:
        query = query.where(ReviewEditRow.undone_at.is_(None))
    return list(session.scalars(query))


def edit_applies(session: Session, edit: ReviewEditRow) -> bool:
    """Whether the edit's main record is in the store now (a re-extraction can drop it)."""
    if edit.kind == SPLIT_INCIDENT:
        return session.get(IncidentRow, edit.payload["new_incident"]) is not None
    return session.get(TARGET_TABLES[edit.target_type], edit.target_id) is not None


def edit_dict(session: Session, edit: ReviewEditRow) -> dict[str, Any]:
    """An edit as plain data, with whether it still applies, as `sitrep review list --json` prints it."""
    return {"id": edit.id, "kind": edit.kind, "target_type": edit.target_type, "target_id": edit.target_id,
            "payload": edit.payload, "author": edit.author, "reason": edit.reason,
            "created_at": edit.created_at.isoformat(),
            "undone_at": edit.undone_at.isoformat() if edit.undone_at else None, "undone_by": edit.undone_by,
            "applies": edit_applies(session, edit)}


def list_audit(session: Session, *, target_id: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
    """Audit-log entries, newest first; those about `target_id` when given."""
    query = _audit_query(target_id).order_by(AuditLogRow.id.desc()).limit(limit).offset(offset or None)
    return [{"id": a.id, "at": a.at.isoformat(), "author": a.author, "action": a.action,
             "target_type": a.target_type, "target_id": a.target_id, "edit_id": a.edit_id, "reason": a.reason,
             "detail": a.detail} for a in session.scalars(query)]


def count_audit(session: Session, *, target_id: str | None = None) -> int:
    return session.scalar(select(func.count()).select_from(_audit_query(target_id).subquery()))


def _audit_query(target_id: str | None):
    query = select(AuditLogRow)
    if target_id is not None:
        query = query.where(AuditLogRow.target_id == target_id)
    return query
