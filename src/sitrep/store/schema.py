"""The knowledge-base tables (SQLAlchemy 2), the same on SQLite and PostgreSQL.

Two kinds of table. Extracted tables hold what each article said and are
replaced whole when the article is re-extracted: articles, sentences, evidence,
incident_reports, perpetrators, relations, statements, actor_mentions,
place_mentions. Fusion tables (fusion_decisions, fusion_words) hold which
fused incident each report joined and why, made once as the report arrives.
Derived tables and columns are rebuilt from them plus the
review overlay: incidents (one per group of reports, with consolidated values
and the rule that chose each), incident_reports.incident_id, actors.merged_into
and the `rejected` flags. review_edits are never rewritten by ingest, which is
what lets a reviewer's corrections survive re-extraction. docs/database.md
describes every table for SQL users; the Alembic revisions in
store/migrations/ create them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so that later Alembic revisions can address them on both back ends.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator):
    """An aware date-time stored in UTC: SQLite has no time zones, so both back ends store UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        # SQLite gives naive UTC back; PostgreSQL gives the session's time zone.
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, dt.datetime: UtcDateTime}


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


class ArticleRow(Base):
    """One stored article: the cleaned text every evidence offset points into."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # hash of the normalised text
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.datetime | None]
    timezone: Mapped[str | None] = mapped_column(String(64))
    dateline: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(Text)
    credits: Mapped[list[Any]]
    segments: Mapped[list[Any]]
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime]


class SentenceRow(Base):
    """A sentence of an article that supports at least one fact."""

    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("article_id", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)


class EvidenceRow(Base):
    """Links a fact (record_type, record_id) to a sentence; `field` names the part it supports."""

    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), index=True)
    record_type: Mapped[str] = mapped_column(String(20))  # incident_report, perpetrator, relation, statement, actor, place
    record_id: Mapped[str] = mapped_column(String(80))
    field: Mapped[str | None] = mapped_column(String(40))  # fatalities, injuries, perpetrator_fatalities, or null


class PlaceRow(Base):
    """A geocoded place, shared by every article that names it."""

    __tablename__ = "places"

    # "geonames:<id>", else name|country|admin1|lat|lon: the same id on every back end and every re-run.
    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(2), index=True)
    country: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str | None] = mapped_column(String(16))
    geonameid: Mapped[int | None]


class PlaceMentionRow(Base):
    """A place an article names, with its role there (incident, dateline, mentioned)."""

    __tablename__ = "place_mentions"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # <article id>-l<n>
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    place_id: Mapped[str] = mapped_column(ForeignKey("places.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float]


class ActorRow(Base):
    """An actor, shared by every article that names it; `merged_into` is set by review merges."""

    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(160), primary_key=True)  # registry id, or new:<slug>
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[str | None] = mapped_column(String(160))
    country_code: Mapped[str | None] = mapped_column(String(2))
    registered: Mapped[bool] = mapped_column(Boolean)
    merged_into: Mapped[str | None] = mapped_column(String(160), index=True)


class AliasRow(Base):
    """A name an actor goes by: registry aliases and spellings articles used."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)


class ActorMentionRow(Base):
    """An actor as one article mentions it."""

    __tablename__ = "actor_mentions"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # <article id>-a<n>
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    mentions: Mapped[list[Any]]
    confidence: Mapped[float]


# Columns an incident and an incident report share: the report says them, the incident consolidates them.
class _IncidentValues:
    type: Mapped[str] = mapped_column(String(32), index=True)
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(16))
    date_text: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    location_name: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text, index=True)
    admin2: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(2), index=True)
    country: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[str | None] = mapped_column(String(16))
    targets: Mapped[list[Any]]
    weapons: Mapped[list[Any]]
    # who denied carrying it out: [{"actor_id", "name", "confidence"}], never among the perpetrators
    denials: Mapped[list[Any]]
    fatalities_min: Mapped[int | None] = mapped_column(Integer, index=True)
    fatalities_max: Mapped[int | None]
    fatalities_qualifier: Mapped[str | None] = mapped_column(String(16))
    injuries_min: Mapped[int | None]
    injuries_max: Mapped[int | None]
    injuries_qualifier: Mapped[str | None] = mapped_column(String(16))
    perpetrator_fatalities_min: Mapped[int | None]
    perpetrator_fatalities_max: Mapped[int | None]
    perpetrator_fatalities_qualifier: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float]


class IncidentRow(_IncidentValues, Base):
    """An incident: one or more reports, their values consolidated; `consolidation` says how."""

    __tablename__ = "incidents"
    # The incident list's default order (query.incidents_query: kept incidents, undated last, then by date and
    # id), alone and within a country, so that a list page and its count read an index, not every incident.
    __table_args__ = (
        Index("ix_incidents_listing", "rejected", text("(date_start IS NULL)"), "date_start", "id"),
        Index("ix_incidents_country_listing", "rejected", "country_code", text("(date_start IS NULL)"),
              "date_start", "id"),
    )

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    # {"rule": ..., "reports": [...], "fields": {field: {"from": report id, "values": {report: value},
    #  "corrected_by": edit id}}}: every report's value stays visible next to the chosen one.
    consolidation: Mapped[dict[str, Any]]


class IncidentReportRow(_IncidentValues, Base):
    """What one article says about one incident (sitrep's Incident record), and the incident it belongs to."""

    __tablename__ = "incident_reports"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # the extracted Incident.id
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    incident_id: Mapped[str | None] = mapped_column(ForeignKey("incidents.id", ondelete="SET NULL"), index=True)
    record: Mapped[dict[str, Any]]  # the full extracted Incident, as in `sitrep extract --format json`


class PerpetratorRow(Base):
    """One assertion in one report of who did it (claimed, attributed, suspected, joint)."""

    __tablename__ = "perpetrators"

    id: Mapped[str] = mapped_column(String(90), primary_key=True)  # <report id>-p<n>
    report_id: Mapped[str] = mapped_column(ForeignKey("incident_reports.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(String(16))
    asserted_by: Mapped[str | None] = mapped_column(Text)
    asserted_by_id: Mapped[str | None] = mapped_column(String(160))
    partner_ids: Mapped[list[Any]]
    confidence: Mapped[float]
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)


class FusionDecisionRow(Base):
    """Why a report is in its fused incident: it started it, or joined it with a score against one report.

    Fusion's state between runs: `day` and `country` are the report's block keys, and the first report
    (`founder`) blocks the whole incident; `words` feed `fusion_words`.
    """

    __tablename__ = "fusion_decisions"
    __table_args__ = (Index("ix_fusion_decisions_block", "founder", "day", "country"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)  # fusion order
    report_id: Mapped[str] = mapped_column(ForeignKey("incident_reports.id", ondelete="CASCADE"), unique=True)
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    incident_id: Mapped[str] = mapped_column(String(80), index=True)  # the fused incident, before review edits
    founder: Mapped[bool] = mapped_column(Boolean)
    day: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(2))
    compared_with: Mapped[str | None] = mapped_column(String(80))  # the best-scoring report of another incident
    score: Mapped[float | None] = mapped_column(Float)
    parts: Mapped[dict[str, Any]]
    words: Mapped[list[Any]]
    decided_at: Mapped[dt.datetime]


class FusionWordRow(Base):
    """How many fused reports use each word: a word most headlines share ("killed") says little.

    The row whose word is empty counts every fused report (no word is empty).
    """

    __tablename__ = "fusion_words"

    word: Mapped[str] = mapped_column(String(80), primary_key=True)
    reports: Mapped[int]


class RelationRow(Base):
    """A relation between two organisations as one article asserts it."""

    __tablename__ = "relations"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # <article id>-r<n>
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    directed: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))  # asserted, hedged, negated
    date: Mapped[dt.date | None] = mapped_column(Date)
    period: Mapped[str | None] = mapped_column(Text)
    asserted_by: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float]
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)


class StatementRow(Base):
    """A quotation or reported speech, with who said it."""

    __tablename__ = "statements"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # <article id>-s<n>
    article_id: Mapped[str] = mapped_column(_article_fk(), index=True)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_id: Mapped[str | None] = mapped_column(String(160), index=True)
    role: Mapped[str | None] = mapped_column(Text)
    organization_id: Mapped[str | None] = mapped_column(String(160))
    anonymous: Mapped[bool] = mapped_column(Boolean)
    direct: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int]
    content_end: Mapped[int]
    cue: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float]
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)


class ReviewEditRow(Base):
    """A reviewer's edit: kept for ever and re-applied over every re-extraction until undone."""

    __tablename__ = "review_edits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))  # correct, reject, merge_incidents, split_incident, merge_actors
    target_type: Mapped[str] = mapped_column(String(20))  # incident, perpetrator, relation, statement, actor
    target_id: Mapped[str] = mapped_column(String(160))
    payload: Mapped[dict[str, Any]]
    author: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    undone_at: Mapped[dt.datetime | None]
    undone_by: Mapped[str | None] = mapped_column(Text)


class ReviewEditTargetRow(Base):
    """Every record an edit touches, so that re-applying the overlay finds the edits of a record by index."""

    __tablename__ = "review_edit_targets"

    edit_id: Mapped[int] = mapped_column(ForeignKey("review_edits.id", ondelete="CASCADE"), primary_key=True)
    target_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    target_id: Mapped[str] = mapped_column(String(160), primary_key=True, index=True)


class AuditLogRow(Base):
    """Who did what to the knowledge base, when and why: review edits, undos, replaced articles."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    author: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(24))  # edit, undo, replace_article
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(160))
    edit_id: Mapped[int | None] = mapped_column(ForeignKey("review_edits.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict[str, Any]]


class InputErrorRow(Base):
    """An input that could not be read or extracted; deleted when the same origin later goes in."""

    __tablename__ = "input_errors"
    __table_args__ = (UniqueConstraint("origin", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(Text)  # file, file:line (JSONL) or file#entry (feed)
    file: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None]
    code: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[dt.datetime]


class UserRow(Base):
    """Someone who may sign in to the web app: a viewer reads the review pages, an editor edits, an admin also
    undoes anyone's edits. With no user at all the web app is read-only."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # viewer, editor, admin
    password_hash: Mapped[str] = mapped_column(Text)  # argon2id, with its parameters and salt
    created_at: Mapped[dt.datetime]


class WebSessionRow(Base):
    """A signed-in browser: the cookie holds a random token, the table only its SHA-256 (a leaked table opens
    no session), with the CSRF token every form of that session must carry."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the cookie's token, hex
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]


class KnowledgeBaseVersionRow(Base):
    """One row whose number grows with every committed change to the knowledge base (store/version.py): the
    web app's cached answers are good while it stays the same."""

    __tablename__ = "kb_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    version: Mapped[int] = mapped_column(BigInteger)
