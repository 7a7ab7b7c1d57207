"""Write one extracted Document, or one input error, into the store, inside the caller's transaction.

An article is stored once: a document whose article id (the hash of its
normalised text) is already stored is left alone, and one whose URL is stored
with other text replaces that article and everything extracted from it. Shared
rows (actors, aliases, places) are inserted with ON CONFLICT DO NOTHING, in
sorted order, so that concurrent writers neither fail nor deadlock on them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..fusion import reports_of
from ..model import Count, Document, Evidence, InputError, Location, Place
from .database import insert_for
from .columns import incident_values, place_key
from .fuse import forget_reports, fuse_reports, fused_incidents
from .overlay import refresh_flags, rebuild_incidents
from .schema import (
    ActorMentionRow,
    ActorRow,
    AliasRow,
    ArticleRow,
    AuditLogRow,
    EvidenceRow,
    IncidentReportRow,
    InputErrorRow,
    PerpetratorRow,
    PlaceMentionRow,
    PlaceRow,
    RelationRow,
    SentenceRow,
    StatementRow,
)

Outcome = Literal["stored", "replaced", "reextracted", "unchanged"]
INGEST_AUTHOR = "sitrep ingest"
LINE_ORIGIN = re.compile(r"^(?P<file>.*):(?P<line>\d+)$")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def is_stored(session: Session, article_id: str) -> bool:
    return session.get(ArticleRow, article_id) is not None


def store_document(session: Session, document: Document, *, reextract: bool = False) -> Outcome:
    """Store a document's article and everything extracted from it; say what happened."""
    article = document.article
    existing = session.get(ArticleRow, article.id)
    if existing is not None and not reextract:
        return "unchanged"
    stale = [article.id] if existing is not None else []
    if article.url:
        stale += session.scalars(
            select(ArticleRow.id).where(ArticleRow.url == article.url, ArticleRow.id != article.id)
        ).all()
    touched = _remove_articles(session, stale, replaced_by=article.id)
    _insert_document(session, document)
    placed = fuse_reports(session, reports_of(document))
    rebuild_incidents(session, touched | set(placed) | set(placed.values()))
    refresh_flags(session, article_ids=[article.id])
    session.execute(delete(InputErrorRow).where(InputErrorRow.origin == article.origin))
    if existing is not None:
        return "reextracted"
    return "replaced" if stale else "stored"


def store_input_error(session: Session, error: InputError) -> None:
    """Record an input that could not be read, once per origin and code."""
    match = LINE_ORIGIN.match(error.origin)
    row = {
        "origin": error.origin,
        "file": match["file"] if match else error.origin.split("#", 1)[0],
        "line": int(match["line"]) if match else None,
        "code": error.code,
        "message": error.message,
        "seen_at": utcnow(),
    }
    statement = insert_for(session, InputErrorRow).values(row)
    session.execute(statement.on_conflict_do_update(
        index_elements=["origin", "code"], set_={"message": row["message"], "seen_at": row["seen_at"]}))


def _remove_articles(session: Session, article_ids: list[str], *, replaced_by: str) -> set[str]:
    """Delete articles and what was extracted from them; return the incidents their reports were in."""
    if not article_ids:
        return set()
    touched = set(session.scalars(
        select(IncidentReportRow.incident_id).where(IncidentReportRow.article_id.in_(article_ids))).all())
    report_ids = session.scalars(select(IncidentReportRow.id).where(IncidentReportRow.article_id.in_(article_ids))).all()
    touched |= set(report_ids) | set(fused_incidents(session, report_ids).values())
    forget_reports(session, article_ids)
    session.execute(delete(ArticleRow).where(ArticleRow.id.in_(article_ids)))  # cascades to extracted rows
    for old_id in article_ids:
        action = "reextract_article" if old_id == replaced_by else "replace_article"
        session.add(AuditLogRow(at=utcnow(), author=INGEST_AUTHOR, action=action, target_type="article",
                                target_id=old_id, edit_id=None, reason=None, detail={"by": replaced_by}))
    touched.discard(None)
    return touched


def _insert_document(session: Session, document: Document) -> None:
    article = document.article
    session.add(ArticleRow(
        id=article.id, url=article.url, title=article.title, published=article.published,
        timezone=article.timezone, dateline=article.dateline, section=article.section, source=article.source,
        origin=article.origin, credits=list(article.credits),
        segments=[s.model_dump(mode="json") for s in article.segments], text=article.text, ingested_at=utcnow(),
    ))
    session.flush()
    sentence_ids = _insert_sentences(session, article.id, _all_evidence(document))
    _insert_actors(session, document)
    _insert_places(session, [*document.places, *(i.location for i in document.incidents if i.location)])
    evidence: list[EvidenceRow] = []

    def link(record_type: str, record_id: str, items: Iterable[Evidence], field: str | None = None) -> None:
        evidence.extend(EvidenceRow(article_id=article.id, sentence_id=sentence_ids[e.start], record_type=record_type,
                                    record_id=record_id, field=field) for e in items)

    for number, actor in enumerate(document.actors, start=1):
        mention_id = f"{article.id}-a{number}"
        session.add(ActorMentionRow(id=mention_id, article_id=article.id, actor_id=actor.id,
                                    mentions=list(actor.mentions), confidence=actor.confidence))
        link("actor", mention_id, actor.evidence)
    for number, place in enumerate(document.places, start=1):
        mention_id = f"{article.id}-l{number}"
        session.add(PlaceMentionRow(id=mention_id, article_id=article.id, place_id=place_key(place),
                                    role=place.role, confidence=place.confidence))
        link("place", mention_id, place.evidence)
    for incident in document.incidents:
        place_id = place_key(incident.location) if incident.location else None
        session.add(IncidentReportRow(id=incident.id, article_id=article.id, incident_id=None,
                                      record=incident.model_dump(mode="json"), **incident_values(incident, place_id)))
        link("incident_report", incident.id, incident.evidence)
        for field in ("fatalities", "injuries", "perpetrator_fatalities"):
            count: Count | None = getattr(incident, field)
            if count is not None:
                link("incident_report", incident.id, count.evidence, field)
        link("incident_report", incident.id, [e for d in incident.denials for e in d.evidence], "denials")
        for number, p in enumerate(incident.perpetrators, start=1):
            perpetrator_id = f"{incident.id}-p{number}"
            session.add(PerpetratorRow(id=perpetrator_id, report_id=incident.id, actor_id=p.actor_id, name=p.name,
                                       basis=p.basis, asserted_by=p.asserted_by, asserted_by_id=p.asserted_by_id,
                                       partner_ids=list(p.partner_ids), confidence=p.confidence, rejected=False))
            link("perpetrator", perpetrator_id, p.evidence)
    for number, r in enumerate(document.relations, start=1):
        relation_id = f"{article.id}-r{number}"
        session.add(RelationRow(id=relation_id, article_id=article.id, source_id=r.source_id, target_id=r.target_id,
                                type=r.type, directed=r.directed, status=r.status, date=r.date, period=r.period,
                                asserted_by=r.asserted_by, confidence=r.confidence, rejected=False))
        link("relation", relation_id, r.evidence)
    for number, s in enumerate(document.statements, start=1):
        statement_id = f"{article.id}-s{number}"
        session.add(StatementRow(id=statement_id, article_id=article.id, speaker=s.speaker, speaker_id=s.speaker_id,
                                 role=s.role, organization_id=s.organization_id, anonymous=s.anonymous,
                                 direct=s.direct, text=s.text, content_start=s.content.start,
                                 content_end=s.content.end, cue=s.cue, confidence=s.confidence, rejected=False))
        link("statement", statement_id, s.evidence)
    session.flush()  # reports before evidence rows and before the incidents that group them
    session.add_all(evidence)
    session.flush()


def _all_evidence(document: Document) -> list[Evidence]:
    found: list[Evidence] = []
    for incident in document.incidents:
        found += incident.evidence
        found += [e for p in incident.perpetrators for e in p.evidence]
        found += [e for c in (incident.fatalities, incident.injuries, incident.perpetrator_fatalities) if c
                  for e in c.evidence]
    for records in (document.actors, document.relations, document.statements, document.places):
        found += [e for record in records for e in record.evidence]
    return found


def _insert_sentences(session: Session, article_id: str, evidence: list[Evidence]) -> dict[int, int]:
    """Insert each supporting sentence once; map its start offset to its row id."""
    rows = {e.start: SentenceRow(article_id=article_id, start=e.start, end=e.end, text=e.text) for e in evidence}
    session.add_all(rows[start] for start in sorted(rows))
    session.flush()
    return {start: row.id for start, row in rows.items()}


def _insert_actors(session: Session, document: Document) -> None:
    actors = sorted(document.actors, key=lambda a: a.id)
    if not actors:
        return
    session.execute(insert_for(session, ActorRow).values([
        {"id": a.id, "name": a.name, "kind": a.kind, "parent_id": a.parent_id, "country_code": a.country_code,
         "registered": a.registered, "merged_into": None} for a in actors
    ]).on_conflict_do_nothing(index_elements=["id"]))
    aliases = sorted({(a.id, name) for a in actors for name in [a.name, *a.aliases, *a.mentions]})
    session.execute(insert_for(session, AliasRow).values([{"actor_id": i, "alias": n} for i, n in aliases])
                    .on_conflict_do_nothing(index_elements=["actor_id", "alias"]))


def _insert_places(session: Session, places: list[Place | Location]) -> None:
    rows = {}
    for place in places:
        rows.setdefault(place_key(place), {
            "id": place_key(place), "name": place.name, "admin1": place.admin1,
            "admin2": getattr(place, "admin2", None), "country_code": place.country_code,
            "country": getattr(place, "country", None), "lat": place.lat, "lon": place.lon,
            "precision": place.precision, "geonameid": getattr(place, "geonameid", None),
        })
    if rows:
        session.execute(insert_for(session, PlaceRow).values([rows[k] for k in sorted(rows)])
                        .on_conflict_do_nothing(index_elements=["id"]))
