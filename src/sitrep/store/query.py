"""Read the knowledge base: incidents, actors, relations and statements as plain dicts, filtered, sorted and
paged in SQL.

Rejected records are left out, and actors merged by a reviewer are reported
under the actor they were merged into. Every filter is a bound parameter in a
SQLAlchemy expression; the same code runs on SQLite and PostgreSQL.

Example:

    with store.session() as session:
        rows = list_incidents(session, IncidentFilter(country="PK", min_fatalities=10))
"""

from __future__ import annotations

import datetime as dt
import typing
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Row, Select, bindparam, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from .schema import (
    ActorMentionRow,
    ActorRow,
    AliasRow,
    ArticleRow,
    IncidentReportRow,
    IncidentRow,
    PerpetratorRow,
    RelationRow,
    StatementRow,
)

CANONICAL_ACTOR = func.coalesce(ActorRow.merged_into, ActorRow.id)


@dataclass(frozen=True, kw_only=True)
class IncidentFilter:
    """Which incidents to read; every criterion given must hold."""

    actor: str | None = None  # actor id, or part of a name or alias, case-insensitive
    country: str | None = None  # ISO alpha-2 code or country name
    admin1: str | None = None
    type: str | None = None
    since: dt.date | None = None  # incidents that end on or after this day
    until: dt.date | None = None  # incidents that start on or before this day
    min_fatalities: int | None = None
    search: str | None = None  # part of the place, country, type, an article title or a perpetrator's name


# Sort orders an incident list accepts; ties break on the id so that pages never overlap.
SortOrder = Literal["date", "-date", "fatalities", "-fatalities", "country", "type"]
SORTS = typing.get_args(SortOrder)
TIMELINE_INTERVALS = ("week", "month")


def matching_actor_ids(text: str) -> Select:
    """Ids of the actors `text` names (by id, name or alias), with every actor merged with them."""
    needle = text.lower()
    named = or_(
        ActorRow.id == text,
        func.lower(ActorRow.name).contains(needle, autoescape=True),
        ActorRow.id.in_(select(AliasRow.actor_id).where(func.lower(AliasRow.alias).contains(needle, autoescape=True))),
    )
    return select(ActorRow.id).where(CANONICAL_ACTOR.in_(select(CANONICAL_ACTOR).where(named)))


def incidents_query(filters: IncidentFilter, *, sort: str = "date") -> Select:
    """The incidents `filters` selects, in `sort` order (one of SORTS), as a SELECT of the incidents table's
    columns: plain rows, which a list page reads several times faster than ORM objects."""
    query = select(IncidentRow.__table__).where(IncidentRow.rejected == false())  # "= false" can use an index, "IS false" cannot
    if filters.actor:
        query = query.where(IncidentRow.id.in_(_perpetrated_by(matching_actor_ids(filters.actor))))
    if filters.country:
        # No country's name has two letters: a code compares with the indexed code column alone.
        code = filters.country.strip()
        query = query.where(IncidentRow.country_code == code.upper() if len(code) == 2 and code.isalpha()
                            else func.lower(IncidentRow.country) == code.lower())
    if filters.admin1:
        query = query.where(func.lower(IncidentRow.admin1) == filters.admin1.lower())
    if filters.type:
        query = query.where(IncidentRow.type == filters.type)
    if filters.since:
        query = query.where(func.coalesce(IncidentRow.date_end, IncidentRow.date_start) >= filters.since)
    if filters.until:
        query = query.where(IncidentRow.date_start <= filters.until)
    if filters.min_fatalities is not None:
        query = query.where(IncidentRow.fatalities_min >= filters.min_fatalities)
    if filters.search and filters.search.strip():
        query = query.where(_mentions(filters.search.strip()))
    return query.order_by(*_order(sort))


def _perpetrated_by(actor_ids: Select) -> Select:
    return (select(IncidentReportRow.incident_id)
            .join(PerpetratorRow, PerpetratorRow.report_id == IncidentReportRow.id)
            .where(PerpetratorRow.rejected.is_(False), PerpetratorRow.actor_id.in_(actor_ids)))


def _mentions(text: str):
    needle = text.lower()
    titled = (select(IncidentReportRow.incident_id).join(ArticleRow, ArticleRow.id == IncidentReportRow.article_id)
              .where(func.lower(ArticleRow.title).contains(needle, autoescape=True)))
    return or_(IncidentRow.id == text,
               *(func.lower(column).contains(needle, autoescape=True) for column in
                 (IncidentRow.location_name, IncidentRow.admin1, IncidentRow.country, IncidentRow.type)),
               IncidentRow.id.in_(titled),
               IncidentRow.id.in_(_perpetrated_by(matching_actor_ids(text))))


def _order(sort: str) -> list:
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; one of: {', '.join(SORTS)}")
    # Unknown values last on both back ends (SQLite sorts NULL first, PostgreSQL last). The default order is
    # the indexes ix_incidents_listing and ix_incidents_country_listing, so that a list page does not sort every
    # incident.
    key = {"date": IncidentRow.date_start, "fatalities": IncidentRow.fatalities_min,
           "country": IncidentRow.country, "type": IncidentRow.type}[sort.lstrip("-")]
    return [key.is_(None), key.desc() if sort.startswith("-") else key, IncidentRow.id]


def _count(row: Row | IncidentRow | IncidentReportRow, field: str) -> dict[str, Any] | None:
    low, high, qualifier = (getattr(row, f"{field}_{part}") for part in ("min", "max", "qualifier"))
    if low is None and high is None and qualifier in (None, "unknown"):
        return None
    return {"min": low, "max": high, "qualifier": qualifier}


def list_incidents(session: Session, filters: IncidentFilter = IncidentFilter(), *, limit: int | None = None,
                   offset: int = 0, sort: str = "date") -> list[dict[str, Any]]:
    """Incidents with their perpetrators and sources, oldest first unless `sort` says otherwise."""
    rows = session.execute(incidents_query(filters, sort=sort).limit(limit).offset(offset or None)).all()
    return describe_incidents(session, rows)


def count_incidents(session: Session, filters: IncidentFilter = IncidentFilter()) -> int:
    """How many incidents `filters` selects (for paging)."""
    selected = incidents_query(filters).order_by(None).with_only_columns(IncidentRow.id).subquery()
    return session.scalar(select(func.count()).select_from(selected))


def get_incident(session: Session, incident_id: str) -> dict[str, Any] | None:
    """One incident as `list_incidents` gives it, plus whether a reviewer rejected it; None when unknown."""
    row = session.execute(select(IncidentRow.__table__).where(IncidentRow.id == incident_id)).first()
    if row is None:
        return None
    return {**describe_incidents(session, [row])[0], "rejected": row.rejected}


_CANONICAL = aliased(ActorRow)
# Built once with an expanding parameter for the incident ids: a list page runs them without building and
# coercing fifty literals each time.
_PERPETRATORS_OF = (
    select(IncidentReportRow.incident_id, _CANONICAL.id, _CANONICAL.name, PerpetratorRow.basis,
           PerpetratorRow.asserted_by, PerpetratorRow.confidence, PerpetratorRow.report_id)
    .join(PerpetratorRow, PerpetratorRow.report_id == IncidentReportRow.id)
    .join(ActorRow, ActorRow.id == PerpetratorRow.actor_id)
    .join(_CANONICAL, _CANONICAL.id == CANONICAL_ACTOR)
    .where(IncidentReportRow.incident_id.in_(bindparam("ids", expanding=True)), PerpetratorRow.rejected.is_(False))
    .order_by(PerpetratorRow.id))
# Only the columns a source shows: loading whole articles (text, segments) would dominate a list page.
_SOURCES_OF = (
    select(IncidentReportRow.incident_id, IncidentReportRow.id, ArticleRow.id, ArticleRow.url, ArticleRow.title,
           ArticleRow.source, ArticleRow.published)
    .join(ArticleRow, ArticleRow.id == IncidentReportRow.article_id)
    .where(IncidentReportRow.incident_id.in_(bindparam("ids", expanding=True))).order_by(IncidentReportRow.id))


def describe_incidents(session: Session, rows: list[Row]) -> list[dict[str, Any]]:
    """Incident rows as dicts, with their perpetrators (canonical actors) and sources."""
    ids = [r.id for r in rows]
    perpetrators: dict[str, list[dict]] = defaultdict(list)
    sources: dict[str, list[dict]] = defaultdict(list)
    if ids:
        for incident_id, actor_id, actor_name, basis, asserted_by, confidence, report_id in session.execute(
                _PERPETRATORS_OF, {"ids": ids}):
            perpetrators[incident_id].append({
                "actor_id": actor_id, "name": actor_name, "basis": basis, "asserted_by": asserted_by,
                "confidence": confidence, "report_id": report_id})
        for incident_id, report_id, article_id, url, title, source, published in session.execute(
                _SOURCES_OF, {"ids": ids}):
            sources[incident_id].append({
                "report_id": report_id, "article_id": article_id, "url": url, "title": title, "source": source,
                "published": published.isoformat() if published else None})
    return [_incident_dict(r, perpetrators[r.id], sources[r.id]) for r in rows]


def incident_points(session: Session, filters: IncidentFilter = IncidentFilter()) -> list[dict[str, Any]]:
    """The incidents that have coordinates, with just what a map marker shows."""
    query = (incidents_query(filters).with_only_columns(
        IncidentRow.id, IncidentRow.type, IncidentRow.date_start, IncidentRow.location_name, IncidentRow.country,
        IncidentRow.country_code, IncidentRow.fatalities_min, IncidentRow.lat, IncidentRow.lon)
        .where(IncidentRow.lat.is_not(None), IncidentRow.lon.is_not(None)))
    return [{"id": i, "type": t, "date": d.isoformat() if d else None, "location": name, "country": country,
             "country_code": code, "fatalities": killed, "lat": lat, "lon": lon}
            for i, t, d, name, country, code, killed, lat, lon in session.execute(query)]


def incident_timeline(session: Session, filters: IncidentFilter = IncidentFilter(), *,
                      interval: str = "month") -> list[dict[str, Any]]:
    """Incidents and victims killed per week (starting Monday) or month, by start date, empty periods included."""
    if interval not in TIMELINE_INTERVALS:
        raise ValueError(f"unknown interval {interval!r}; one of: {', '.join(TIMELINE_INTERVALS)}")
    query = (incidents_query(filters).with_only_columns(IncidentRow.date_start, IncidentRow.fatalities_min)
             .where(IncidentRow.date_start.is_not(None)))
    incidents: dict[dt.date, int] = defaultdict(int)
    killed: dict[dt.date, int] = defaultdict(int)
    for day, fatalities in session.execute(query):
        start = _period_start(day, interval)
        incidents[start] += 1
        killed[start] += fatalities or 0
    if not incidents:
        return []
    periods, period, last = [], min(incidents), max(incidents)
    while period <= last:
        periods.append({"start": period.isoformat(), "incidents": incidents[period], "fatalities": killed[period]})
        period = _next_period(period, interval)
    return periods


def _period_start(day: dt.date, interval: str) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if interval == "week" else day.replace(day=1)


def _next_period(start: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return start + dt.timedelta(days=7)
    return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)


def incident_fields(row: Row | IncidentRow | IncidentReportRow) -> dict[str, Any]:
    """The values an incident and its reports share (type, date, place, targets, weapons, denials, tolls), as the API and
    the pages give them."""
    location = None
    if row.location_name is not None:
        location = {"name": row.location_name, "admin1": row.admin1, "admin2": row.admin2,
                    "country_code": row.country_code, "country": row.country, "lat": row.lat, "lon": row.lon,
                    "precision": row.geo_precision}
    return {
        "type": row.type,
        "date": {"start": row.date_start.isoformat() if row.date_start else None,
                 "end": row.date_end.isoformat() if row.date_end else None,
                 "precision": row.date_precision, "text": row.date_text},
        "location": location,
        "targets": row.targets,
        "weapons": row.weapons,
        "denials": row.denials,
        "fatalities": _count(row, "fatalities"),
        "injuries": _count(row, "injuries"),
        "perpetrator_fatalities": _count(row, "perpetrator_fatalities"),
    }


def _incident_dict(row: Row, perpetrators: list[dict], sources: list[dict]) -> dict[str, Any]:
    return {"id": row.id, **incident_fields(row), "perpetrators": perpetrators, "sources": sources,
            "confidence": row.confidence, "consolidation": row.consolidation}


def list_actors(session: Session, *, name: str | None = None, country: str | None = None, kind: str | None = None,
                include_merged: bool = False) -> list[dict[str, Any]]:
    """Actors in the store with how many incidents, relations and articles involve them (merges included)."""
    query = select(ActorRow).order_by(ActorRow.name, ActorRow.id)
    if name:
        query = query.where(ActorRow.id.in_(matching_actor_ids(name)))
    if country:
        query = query.where(ActorRow.country_code == country.upper())
    if kind:
        query = query.where(ActorRow.kind == kind)
    if not include_merged:
        query = query.where(ActorRow.merged_into.is_(None))
    actors = session.scalars(query).all()
    canonical = dict(session.execute(select(ActorRow.id, CANONICAL_ACTOR)).all())
    incidents: dict[str, set[str]] = defaultdict(set)
    for actor_id, incident_id in session.execute(
            select(PerpetratorRow.actor_id, IncidentReportRow.incident_id)
            .join(IncidentReportRow, IncidentReportRow.id == PerpetratorRow.report_id)
            .join(IncidentRow, IncidentRow.id == IncidentReportRow.incident_id)
            .where(PerpetratorRow.rejected.is_(False), IncidentRow.rejected.is_(False))):
        incidents[canonical[actor_id]].add(incident_id)
    relations: dict[str, int] = defaultdict(int)
    for source_id, target_id in session.execute(
            select(RelationRow.source_id, RelationRow.target_id).where(RelationRow.rejected.is_(False))):
        for actor_id in {canonical[source_id], canonical[target_id]}:
            relations[actor_id] += 1
    articles: dict[str, set[str]] = defaultdict(set)
    for actor_id, article_id in session.execute(select(ActorMentionRow.actor_id, ActorMentionRow.article_id)):
        articles[canonical[actor_id]].add(article_id)
    aliases: dict[str, set[str]] = defaultdict(set)
    for actor_id, alias in session.execute(select(AliasRow.actor_id, AliasRow.alias)):
        aliases[canonical[actor_id]].add(alias)
    return [{
        "id": a.id, "name": a.name, "kind": a.kind, "country_code": a.country_code, "parent_id": a.parent_id,
        "registered": a.registered, "merged_into": a.merged_into,
        "aliases": sorted(aliases[a.id] - {a.name}),
        "merged": sorted(i for i, c in canonical.items() if c == a.id and i != a.id),
        "incidents": len(incidents[a.id]), "relations": relations[a.id], "articles": len(articles[a.id]),
    } for a in actors]


def list_relations(session: Session, *, actor: str | None = None, type: str | None = None) -> list[dict[str, Any]]:
    """Relations between organisations, one per article that asserts one, with canonical actors."""
    source, target = aliased(ActorRow), aliased(ActorRow)
    source_canon, target_canon = aliased(ActorRow), aliased(ActorRow)
    query = (select(RelationRow, source_canon.id, source_canon.name, target_canon.id, target_canon.name,
                    ArticleRow.url, ArticleRow.title)
             .join(source, source.id == RelationRow.source_id)
             .join(source_canon, source_canon.id == func.coalesce(source.merged_into, source.id))
             .join(target, target.id == RelationRow.target_id)
             .join(target_canon, target_canon.id == func.coalesce(target.merged_into, target.id))
             .join(ArticleRow, ArticleRow.id == RelationRow.article_id)
             .where(RelationRow.rejected.is_(False))
             .order_by(source_canon.name, target_canon.name, RelationRow.type, RelationRow.id))
    if actor:
        ids = matching_actor_ids(actor)
        query = query.where(or_(RelationRow.source_id.in_(ids), RelationRow.target_id.in_(ids)))
    if type:
        query = query.where(RelationRow.type == type)
    return [{
        "id": r.id, "source_id": sid, "source": sname, "target_id": tid, "target": tname, "type": r.type,
        "directed": r.directed, "status": r.status, "date": r.date.isoformat() if r.date else None,
        "period": r.period, "asserted_by": r.asserted_by, "confidence": r.confidence,
        "article_id": r.article_id, "url": url, "title": title,
    } for r, sid, sname, tid, tname, url, title in session.execute(query)]


def list_statements(session: Session, *, actor: str | None = None, article_id: str | None = None,
                    limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Statements (quotations and reported speech), by article then position, with canonical speaker and
    organisation; `actor` keeps those whose speaker or organisation it names."""
    query = _statements_query(actor=actor, article_id=article_id)
    speaker, organization = aliased(ActorRow), aliased(ActorRow)
    rows = session.execute(
        query.add_columns(speaker.name, organization.name, ArticleRow.title)
        .outerjoin(speaker, speaker.id == StatementRow.speaker_id)
        .outerjoin(organization, organization.id == StatementRow.organization_id)
        .join(ArticleRow, ArticleRow.id == StatementRow.article_id)
        .order_by(StatementRow.article_id, StatementRow.content_start, StatementRow.id)
        .limit(limit).offset(offset or None))
    return [{
        "id": s.id, "article_id": s.article_id, "title": title, "speaker": s.speaker, "speaker_id": s.speaker_id,
        "speaker_name": speaker_name, "role": s.role, "organization_id": s.organization_id,
        "organization": organization_name, "anonymous": s.anonymous, "direct": s.direct, "text": s.text,
        "start": s.content_start, "end": s.content_end, "cue": s.cue, "confidence": s.confidence,
    } for s, speaker_name, organization_name, title in rows]


def count_statements(session: Session, *, actor: str | None = None, article_id: str | None = None) -> int:
    selected = _statements_query(actor=actor, article_id=article_id).subquery()
    return session.scalar(select(func.count()).select_from(selected))


def _statements_query(*, actor: str | None, article_id: str | None) -> Select:
    query = select(StatementRow).where(StatementRow.rejected.is_(False))
    if actor:
        ids = matching_actor_ids(actor)
        query = query.where(or_(StatementRow.speaker_id.in_(ids), StatementRow.organization_id.in_(ids)))
    if article_id:
        query = query.where(StatementRow.article_id == article_id)
    return query
