"""Derived state: what extraction said, with the reviewers' edits laid over it.

Nothing here trusts the current derived values: each function resets the
records it is given (and every record an active edit ties to them) to what the
extraction says, then replays the active edits in the order they were made.
Ingest calls it after storing an article, review after each edit and undo, so
corrections survive re-extraction and an undo is a replay without the edit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from .consolidate import consolidate
from .fuse import fused_incidents, fused_members
from .schema import (
    ActorRow,
    ArticleRow,
    IncidentReportRow,
    IncidentRow,
    PerpetratorRow,
    RelationRow,
    ReviewEditRow,
    ReviewEditTargetRow,
    StatementRow,
)

CORRECT = "correct"
REJECT = "reject"
MERGE_INCIDENTS = "merge_incidents"
SPLIT_INCIDENT = "split_incident"
MERGE_ACTORS = "merge_actors"

FACT_TABLES = {"perpetrator": PerpetratorRow, "relation": RelationRow, "statement": StatementRow}


def _active_edits(session: Session, target_type: str, ids: Iterable[str]) -> list[ReviewEditRow]:
    ids = list(ids)
    if not ids:
        return []
    edit_ids = select(ReviewEditTargetRow.edit_id).where(
        ReviewEditTargetRow.target_type == target_type, ReviewEditTargetRow.target_id.in_(ids))
    return list(session.scalars(select(ReviewEditRow).where(
        ReviewEditRow.id.in_(edit_ids), ReviewEditRow.undone_at.is_(None)).order_by(ReviewEditRow.id)))


def _edit_targets(session: Session, edits: list[ReviewEditRow], target_type: str) -> set[str]:
    if not edits:
        return set()
    return set(session.scalars(select(ReviewEditTargetRow.target_id).where(
        ReviewEditTargetRow.edit_id.in_([e.id for e in edits]), ReviewEditTargetRow.target_type == target_type)))


def _incident_closure(session: Session, ids: set[str]) -> tuple[set[str], list[IncidentReportRow], dict[str, str]]:
    """The incidents and reports that fusion and edits tie to `ids`, followed to a fixed point; and fusion's groups."""
    seen: set[str] = set()
    frontier = set(ids)
    reports: dict[str, IncidentReportRow] = {}
    fused: dict[str, str] = {}
    while frontier:
        seen |= frontier
        members = fused_members(session, frontier)
        found = session.scalars(select(IncidentReportRow).where(
            IncidentReportRow.id.in_(frontier | members) | IncidentReportRow.incident_id.in_(frontier))).all()
        reports.update((r.id, r) for r in found)
        fused.update(fused_incidents(session, [r.id for r in found]))
        linked = {r.id for r in found} | {r.incident_id for r in found if r.incident_id}
        linked |= {fused[r.id] for r in found if r.id in fused}
        linked |= _edit_targets(session, _active_edits(session, "incident", frontier), "incident")
        frontier = linked - seen
    return seen, sorted(reports.values(), key=lambda r: r.id), fused


def rebuild_incidents(session: Session, ids: Iterable[str]) -> None:
    """Regroup reports into incidents, consolidate their values and apply corrections and rejections."""
    ids, reports, fused = _incident_closure(session, set(ids))
    if not ids:
        return
    edits = _active_edits(session, "incident", ids)
    group = {r.id: fused.get(r.id, r.id) for r in reports}  # fusion's incidents, then the reviewers' merges and splits
    for edit in edits:
        if edit.kind == MERGE_INCIDENTS:
            absorbed = set(edit.payload["incidents"])
            for report_id, incident_id in group.items():
                if incident_id in absorbed:
                    group[report_id] = edit.payload["into"]
        elif edit.kind == SPLIT_INCIDENT:
            for report_id in edit.payload["reports"]:
                if group.get(report_id) == edit.target_id:
                    group[report_id] = edit.payload["new_incident"]
    members: dict[str, list[IncidentReportRow]] = defaultdict(list)
    for report in reports:
        members[group[report.id]].append(report)
    articles = {a.id: a for a in session.execute(select(ArticleRow.id, ArticleRow.published, ArticleRow.source).where(
        ArticleRow.id.in_({r.article_id for r in reports}))).all()}
    for incident_id, rows in members.items():
        values, consolidation = consolidate(incident_id, [(r, articles[r.article_id]) for r in rows])
        incident = session.get(IncidentRow, incident_id)
        if incident is None:
            incident = IncidentRow(id=incident_id)
            session.add(incident)
        for column, value in values.items():
            setattr(incident, column, value)
        incident.rejected = False
        incident.consolidation = consolidation
    session.flush()
    for report in reports:
        report.incident_id = group[report.id]
    session.flush()
    session.execute(delete(IncidentRow).where(IncidentRow.id.in_(ids - set(members))))
    for edit in edits:
        incident = session.get(IncidentRow, edit.target_id) if edit.target_id in members else None
        if incident is None:
            continue
        if edit.kind == CORRECT:
            field = edit.payload["field"]
            setattr(incident, field, stored_value(field, edit.payload["value"]))
            # A new dict: JSON columns are saved when reassigned, not when mutated in place.
            consolidation = dict(incident.consolidation)
            consolidation["corrections"] = {**consolidation.get("corrections", {}), field: edit.id}
            incident.consolidation = consolidation
        elif edit.kind == REJECT:
            incident.rejected = True
    session.flush()


DATE_FIELDS = frozenset({"date_start", "date_end"})


def stored_value(field: str, value):
    """An edit's JSON value as its column holds it."""
    if field in DATE_FIELDS and value is not None:
        return dt.date.fromisoformat(value)
    return value


def refresh_flags(session: Session, *, article_ids: Iterable[str] = (), targets: Iterable[tuple[str, str]] = ()) -> None:
    """Set `rejected` on perpetrators, relations and statements from the active reject edits."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for target_type, target_id in targets:
        wanted[target_type].add(target_id)
    article_ids = list(article_ids)
    if article_ids:
        wanted["perpetrator"] |= set(session.scalars(select(PerpetratorRow.id).join(
            IncidentReportRow, PerpetratorRow.report_id == IncidentReportRow.id).where(
            IncidentReportRow.article_id.in_(article_ids))))
        wanted["relation"] |= set(session.scalars(select(RelationRow.id).where(RelationRow.article_id.in_(article_ids))))
        wanted["statement"] |= set(session.scalars(select(StatementRow.id).where(
            StatementRow.article_id.in_(article_ids))))
    for target_type, ids in wanted.items():
        table = FACT_TABLES[target_type]
        rejected = {e.target_id for e in _active_edits(session, target_type, ids) if e.kind == REJECT}
        if ids:
            session.execute(update(table).where(table.id.in_(ids)).values(rejected=table.id.in_(rejected)
                                                                            if rejected else False))


def rebuild_actors(session: Session, ids: Iterable[str]) -> None:
    """Reset actors to what extraction stored, then replay merges and corrections."""
    seen: set[str] = set()
    frontier = set(ids)
    while frontier:
        seen |= frontier
        frontier = _edit_targets(session, _active_edits(session, "actor", frontier), "actor") - seen
    actors = {a.id: a for a in session.scalars(select(ActorRow).where(ActorRow.id.in_(seen)))}
    every_edit = session.scalars(select(ReviewEditRow).where(
        ReviewEditRow.kind == CORRECT, ReviewEditRow.target_type == "actor", ReviewEditRow.target_id.in_(seen))
        .order_by(ReviewEditRow.id)).all()
    originals: dict[tuple[str, str], object] = {}
    for edit in every_edit:  # the value before the first edit ever made to a field is what extraction stored
        originals.setdefault((edit.target_id, edit.payload["field"]), edit.payload["was"])
    for (actor_id, field), value in originals.items():
        setattr(actors[actor_id], field, value)
    for actor in actors.values():
        actor.merged_into = None
    for edit in _active_edits(session, "actor", seen):
        if edit.kind == CORRECT and edit.target_id in actors:
            setattr(actors[edit.target_id], edit.payload["field"], edit.payload["value"])
        elif edit.kind == MERGE_ACTORS and edit.target_id in actors:
            into = _canonical(actors, edit.target_id)
            for source_id in edit.payload["actors"]:
                if source_id not in actors or _canonical(actors, source_id) == into:
                    continue
                for actor in actors.values():
                    if actor.merged_into == source_id:
                        actor.merged_into = into
                actors[source_id].merged_into = into
    session.flush()


def _canonical(actors: dict[str, ActorRow], actor_id: str) -> str:
    while actors[actor_id].merged_into:
        actor_id = actors[actor_id].merged_into
    return actor_id
