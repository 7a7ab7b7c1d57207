"""Why an incident holds the reports it holds: fusion's decisions, the reports kept apart, the reviewers' edits.

`explain_incident` gathers it as one dict (for `sitrep explain` and the web
app): per report, its source and how it came in (started the incident, or
joined it with a score and the score's parts, or was moved by a review edit);
the nearby reports fusion compared and kept apart, with the score that fell
short; the edits that touch the incident; and each consolidated field with
every report's value and the rule that chose.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..errors import UnknownRecord
from ..fusion import THRESHOLD
from .schema import ArticleRow, FusionDecisionRow, IncidentReportRow, IncidentRow, ReviewEditRow, ReviewEditTargetRow


def explain_incident(session: Session, incident_id: str) -> dict[str, Any]:
    incident = session.get(IncidentRow, incident_id)
    if incident is None:
        raise UnknownRecord(f"no incident {incident_id!r} in the knowledge base")
    reports = session.execute(
        select(IncidentReportRow.id, ArticleRow)
        .join(ArticleRow, ArticleRow.id == IncidentReportRow.article_id)
        .where(IncidentReportRow.incident_id == incident_id).order_by(IncidentReportRow.id)).all()
    report_ids = [report_id for report_id, _ in reports]
    decisions = {d.report_id: d for d in session.scalars(
        select(FusionDecisionRow).where(FusionDecisionRow.report_id.in_(report_ids)))}
    # Reports fusion compared with this incident's and kept apart, either way round.
    apart = session.scalars(select(FusionDecisionRow).where(
        FusionDecisionRow.founder.is_(True), FusionDecisionRow.compared_with.is_not(None),
        or_(FusionDecisionRow.compared_with.in_(report_ids), FusionDecisionRow.report_id.in_(report_ids)))
        .order_by(FusionDecisionRow.seq)).all()
    others = {d.report_id if d.report_id not in decisions else d.compared_with: d for d in apart}
    incident_of = dict(session.execute(select(IncidentReportRow.id, IncidentReportRow.incident_id)
                                       .where(IncidentReportRow.id.in_(list(others)))).all())
    edits = session.scalars(select(ReviewEditRow).where(ReviewEditRow.id.in_(
        select(ReviewEditTargetRow.edit_id).where(ReviewEditTargetRow.target_type == "incident",
                                                  ReviewEditTargetRow.target_id == incident_id)))
        .order_by(ReviewEditRow.id)).all()
    return {
        "incident_id": incident_id,
        "rejected": incident.rejected,
        "threshold": THRESHOLD,
        "reports": [_report(report_id, article, decisions.get(report_id), incident_id)
                    for report_id, article in reports],
        "kept_apart": [{"report_id": other, "incident_id": incident_of.get(other),
                        "compared_with": d.compared_with if d.report_id == other else d.report_id,
                        "score": d.score, "parts": d.parts}
                       for other, d in others.items() if incident_of.get(other) not in (incident_id, None)],
        "edits": [{"id": e.id, "kind": e.kind, "author": e.author, "reason": e.reason,
                   "at": e.created_at.isoformat(), "payload": e.payload, "undone": e.undone_at is not None}
                  for e in edits],
        "fields": incident.consolidation.get("fields", {}),
        "corrections": incident.consolidation.get("corrections", {}),
    }


def _report(report_id: str, article: ArticleRow, decision: FusionDecisionRow | None, incident_id: str) -> dict:
    if decision is None:
        how = "stored before fusion: its own incident"
    elif decision.founder and decision.incident_id == incident_id:
        how = "started this incident"
    elif decision.incident_id == incident_id:
        how = "joined by fusion"
    else:
        how = f"moved here by a review edit (fusion put it in {decision.incident_id})"
    return {
        "report_id": report_id, "how": how,
        "article": {"id": article.id, "title": article.title, "source": article.source, "url": article.url,
                    "published": article.published.isoformat() if article.published else None},
        "fused_into": decision.incident_id if decision else None,
        "compared_with": decision.compared_with if decision else None,
        "score": decision.score if decision else None,
        "parts": decision.parts if decision else {},
    }
