"""One record with everything behind it: an incident with every report, its conflicting values and the
evidence offsets of each fact; an article with its text and every evidence span; an actor with its aliases,
factions, incidents, statements and relations. The web app's pages and API read these.

Example:

    with store.session() as session:
        incident = incident_detail(session, "f0389997eac9643f-1")
        article = article_detail(session, incident["reports"][0]["article"]["id"])
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from .query import (
    CANONICAL_ACTOR,
    IncidentFilter,
    count_incidents,
    get_incident,
    incident_fields,
    list_incidents,
    list_relations,
    list_statements,
)
from .review import edit_dict, list_edits
from .schema import (
    ActorRow,
    AliasRow,
    ArticleRow,
    EvidenceRow,
    IncidentReportRow,
    PerpetratorRow,
    SentenceRow,
)

# An actor page lists this many of the actor's incidents and statements, newest first; the API pages the rest.
ACTOR_PAGE_ITEMS = 100


def _article_dict(article: ArticleRow, *, text: bool) -> dict[str, Any]:
    described = {
        "id": article.id, "url": article.url, "title": article.title, "source": article.source,
        "published": article.published.isoformat() if article.published else None, "timezone": article.timezone,
        "dateline": article.dateline, "section": article.section, "origin": article.origin,
    }
    if text:
        described |= {"text": article.text, "segments": article.segments, "credits": article.credits}
    return described


def incident_detail(session: Session, incident_id: str) -> dict[str, Any] | None:
    """The incident's consolidated values, every report (its article, values, perpetrators and evidence spans),
    the fields on which reports disagree, and the review edits that touch it; None when unknown."""
    incident = get_incident(session, incident_id)
    if incident is None:
        return None
    reports = list(session.scalars(select(IncidentReportRow).where(IncidentReportRow.incident_id == incident_id)
                                   .order_by(IncidentReportRow.id)))
    report_ids = [r.id for r in reports]
    articles = {a.id: a for a in session.scalars(
        select(ArticleRow).where(ArticleRow.id.in_({r.article_id for r in reports})))}
    perpetrators: dict[str, list[dict]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    for p in session.scalars(select(PerpetratorRow).where(PerpetratorRow.report_id.in_(report_ids))
                             .order_by(PerpetratorRow.id)):
        perpetrators[p.report_id].append({
            "id": p.id, "actor_id": p.actor_id, "name": p.name, "basis": p.basis, "asserted_by": p.asserted_by,
            "asserted_by_id": p.asserted_by_id, "partner_ids": p.partner_ids, "confidence": p.confidence,
            "rejected": p.rejected})
        labels["perpetrator", p.id] = f"{p.name} ({p.basis}{', per ' + p.asserted_by if p.asserted_by else ''})"
    report_of = {p["id"]: report for report, found in perpetrators.items() for p in found}
    spans: dict[str, list[dict]] = defaultdict(list)
    for evidence, sentence in session.execute(
            select(EvidenceRow, SentenceRow).join(SentenceRow, SentenceRow.id == EvidenceRow.sentence_id)
            .where(or_(and_(EvidenceRow.record_type == "incident_report", EvidenceRow.record_id.in_(report_ids)),
                       and_(EvidenceRow.record_type == "perpetrator", EvidenceRow.record_id.in_(list(report_of)))))
            .order_by(SentenceRow.start, EvidenceRow.id)):
        is_report = evidence.record_type == "incident_report"
        report_id = evidence.record_id if is_report else report_of[evidence.record_id]
        fact = (evidence.field or "incident") if is_report else "perpetrator"
        spans[report_id].append({
            "start": sentence.start, "end": sentence.end, "fact": fact, "field": evidence.field,
            "record_type": evidence.record_type, "record_id": evidence.record_id,
            "label": labels.get(("perpetrator", evidence.record_id), fact.replace("_", " "))})
    fields = incident["consolidation"].get("fields", {})
    conflicts = {group: chosen for group, chosen in fields.items() if chosen.get("conflicting")}
    return {
        **incident,
        "reports": [{"id": r.id, "article": _article_dict(articles[r.article_id], text=True),
                     "values": {**incident_fields(r), "confidence": r.confidence},
                     "perpetrators": perpetrators[r.id],
                     "denials": [{"actor_id": d["actor_id"], "name": d["name"], "confidence": d["confidence"]}
                                 for d in r.record.get("denials", [])],
                     "evidence": spans[r.id]}
                    for r in reports],
        "conflicts": conflicts,
        "edits": [edit_dict(session, e) for e in list_edits(session, target_id=incident_id)],
    }


def article_detail(session: Session, article_id: str) -> dict[str, Any] | None:
    """The article's cleaned text and metadata, every evidence span in it, its statements and the incidents
    its reports belong to; None when unknown."""
    article = session.get(ArticleRow, article_id)
    if article is None:
        return None
    evidence = [{"start": s.start, "end": s.end, "record_type": e.record_type, "record_id": e.record_id,
                 "field": e.field}
                for e, s in session.execute(
                    select(EvidenceRow, SentenceRow).join(SentenceRow, SentenceRow.id == EvidenceRow.sentence_id)
                    .where(EvidenceRow.article_id == article_id).order_by(SentenceRow.start, EvidenceRow.id))]
    reports = [{"report_id": report_id, "incident_id": incident_id} for report_id, incident_id in session.execute(
        select(IncidentReportRow.id, IncidentReportRow.incident_id)
        .where(IncidentReportRow.article_id == article_id).order_by(IncidentReportRow.id))]
    return {**_article_dict(article, text=True), "evidence": evidence, "reports": reports,
            "statements": list_statements(session, article_id=article_id)}


def actor_detail(session: Session, actor_id: str) -> dict[str, Any] | None:
    """An actor (reported under the actor a reviewer merged it into) with aliases, parent, factions, its newest
    incidents and statements, and its relations; None when unknown."""
    row = session.get(ActorRow, actor_id)
    if row is None:
        return None
    canonical = session.get(ActorRow, row.merged_into) if row.merged_into else row
    members = list(session.scalars(select(ActorRow.id).where(CANONICAL_ACTOR == canonical.id)))
    aliases = sorted(set(session.scalars(select(AliasRow.alias).where(AliasRow.actor_id.in_(members))))
                     - {canonical.name})
    parent = session.get(ActorRow, canonical.parent_id) if canonical.parent_id else None
    factions = [{"id": a.id, "name": a.name, "kind": a.kind} for a in session.scalars(
        select(ActorRow).where(ActorRow.parent_id.in_(members), ActorRow.merged_into.is_(None))
        .order_by(ActorRow.name))]
    filters = IncidentFilter(actor=canonical.id)
    return {
        "id": canonical.id, "name": canonical.name, "kind": canonical.kind, "country_code": canonical.country_code,
        "registered": canonical.registered, "requested_id": actor_id,
        "merged": sorted(set(members) - {canonical.id}), "aliases": aliases,
        "parent": {"id": parent.id, "name": parent.name} if parent else None, "factions": factions,
        "incident_count": count_incidents(session, filters),
        "incidents": list_incidents(session, filters, limit=ACTOR_PAGE_ITEMS, sort="-date"),
        "statements": list_statements(session, actor=canonical.id, limit=ACTOR_PAGE_ITEMS),
        "relations": list_relations(session, actor=canonical.id),
    }
