"""Cross-article fusion in the store: each new report joins a stored incident or starts one.

The store keeps what a `Fuser` keeps in memory, so that fusion is incremental
across runs: per report, its fused incident, its block keys (day, country) and
the decision with its score (`fusion_decisions`); per word, how many reports
use it (`fusion_words`). For each new article only the incidents in its
reports' blocks are loaded back into a `Fuser`, so the cost of fusing one
article does not grow with the store, and ingesting articles one by one gives
the incidents one `Fuser` gives for the same reports in the same order.

A fused incident is named after the report that started it, so an incident
told by one article keeps its report's id and review edits keep their target.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from ..fusion import WINDOW_DAYS, FusedIncident, Fuser, Report, report_from
from ..model import Incident
from .database import insert_for
from .schema import ArticleRow, FusionDecisionRow, FusionWordRow, IncidentReportRow

MAX_WORD = 80  # the column's width; longer "words" are noise (URLs, run-together text)
# fusion_words' row that counts every fused report (no word is empty): rarity's denominator, read in one lookup
# rather than by counting fusion_decisions for every article stored.
EVERY_REPORT = ""


def stored_report(record: dict, *, article_id: str, published: dt.datetime | None, source: str | None) -> Report:
    """A stored incident report (its `record`, and its article's id, publication time and source) as fusion sees it."""
    return report_from(Incident.model_validate(record), article_id=article_id, published=published, source=source)


def fused_incidents(session: Session, report_ids: Iterable[str]) -> dict[str, str]:
    """Report id → the fused incident fusion put it in."""
    report_ids = list(report_ids)
    if not report_ids:
        return {}
    return dict(session.execute(select(FusionDecisionRow.report_id, FusionDecisionRow.incident_id)
                                .where(FusionDecisionRow.report_id.in_(report_ids))).all())


def fused_members(session: Session, incident_ids: Iterable[str]) -> set[str]:
    """The reports fusion put in any of `incident_ids`."""
    incident_ids = list(incident_ids)
    if not incident_ids:
        return set()
    return set(session.scalars(select(FusionDecisionRow.report_id)
                               .where(FusionDecisionRow.incident_id.in_(incident_ids))))


def fuse_reports(session: Session, reports: list[Report]) -> dict[str, str]:
    """Fuse one article's reports with the stored incidents; record each decision; return report → incident."""
    if not reports:
        return {}
    candidates = _stored_incidents(session, reports)
    words = {w for r in reports for w in r.words} | {w for i in candidates for r in i.reports for w in r.words}
    counts = dict(session.execute(select(FusionWordRow.word, FusionWordRow.reports)
                                  .where(FusionWordRow.word.in_(sorted(words | {EVERY_REPORT})))).all())
    seen = counts.pop(EVERY_REPORT, 0)
    fuser = Fuser()
    fuser.restore(candidates, counts, seen)
    now = dt.datetime.now(dt.timezone.utc)
    placed: dict[str, str] = {}
    for report in reports:
        decision = fuser.add(report)
        # The Fuser names a new incident by a hash; the store names it after its first report.
        placed[report.id] = decision.incident_id if decision.joined else report.id
        session.add(FusionDecisionRow(
            report_id=report.id, article_id=report.article_id, incident_id=placed[report.id],
            founder=not decision.joined, day=report.day, country=report.country,
            compared_with=decision.compared_with, score=decision.score, parts=dict(decision.parts),
            words=sorted(w for w in report.words if len(w) <= MAX_WORD), decided_at=now))
    session.flush()
    _count_words(session, [w for r in reports for w in [*r.words, EVERY_REPORT] if len(w) <= MAX_WORD], +1)
    return placed


def forget_reports(session: Session, article_ids: list[str]) -> None:
    """Take the reports of articles about to be deleted out of fusion's state.

    Their words no longer count, and an incident they started is handed to its
    next report (which then blocks it), so the incident keeps its id and its edits.
    """
    gone = session.scalars(select(FusionDecisionRow).where(FusionDecisionRow.article_id.in_(article_ids))).all()
    if not gone:
        return
    _count_words(session, [w for d in gone for w in [*d.words, EVERY_REPORT]], -1)
    orphaned = {d.incident_id for d in gone if d.founder}
    gone_ids = [d.report_id for d in gone]
    session.execute(delete(FusionDecisionRow).where(FusionDecisionRow.report_id.in_(gone_ids)))
    for incident_id in sorted(orphaned):
        heir = session.scalar(select(FusionDecisionRow.seq).where(FusionDecisionRow.incident_id == incident_id)
                              .order_by(FusionDecisionRow.seq).limit(1))
        if heir is not None:
            session.execute(update(FusionDecisionRow).where(FusionDecisionRow.seq == heir).values(founder=True))


def refuse_all(session: Session) -> int:
    """Fuse every stored report again from scratch, in the order articles were stored; return the reports fused.

    For a store built by an older sitrep: fusion decisions are otherwise made once, as each article arrives.
    The caller rebuilds the incidents (`overlay.rebuild_incidents`) afterwards.
    """
    session.execute(delete(FusionDecisionRow))
    session.execute(delete(FusionWordRow))
    rows = session.execute(
        select(IncidentReportRow.record, ArticleRow.id, ArticleRow.published, ArticleRow.source)
        .join(ArticleRow, ArticleRow.id == IncidentReportRow.article_id)
        .order_by(ArticleRow.ingested_at, ArticleRow.id, IncidentReportRow.id)).all()
    by_article: dict[str, list[Report]] = defaultdict(list)
    for record, article_id, published, source in rows:
        by_article[article_id].append(stored_report(record, article_id=article_id, published=published,
                                                    source=source))
    for reports in by_article.values():
        fuse_reports(session, reports)
    return len(rows)


def _stored_incidents(session: Session, reports: list[Report]) -> list[FusedIncident]:
    """The stored incidents whose blocks the reports fall in, each with all its reports, in fusion order."""
    days = {r.day + dt.timedelta(days=offset) for r in reports if r.day is not None
            for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1)}
    conditions = []
    if days:
        in_days = FusionDecisionRow.day.in_(sorted(days))
        countries = {r.country for r in reports if r.day is not None}
        if None not in countries:  # a report with no country sees every country's incidents of its days
            in_days = in_days & or_(FusionDecisionRow.country.in_(sorted(countries)),
                                    FusionDecisionRow.country.is_(None))
        conditions.append(in_days)
    if any(r.day is None for r in reports):
        conditions.append(FusionDecisionRow.day.is_(None))
    incident_ids = session.scalars(select(FusionDecisionRow.incident_id)
                                   .where(FusionDecisionRow.founder.is_(True), or_(*conditions))).all()
    if not incident_ids:
        return []
    rows = session.execute(
        select(FusionDecisionRow, IncidentReportRow.record, ArticleRow.published, ArticleRow.source)
        .join(IncidentReportRow, IncidentReportRow.id == FusionDecisionRow.report_id)
        .join(ArticleRow, ArticleRow.id == FusionDecisionRow.article_id)
        .where(FusionDecisionRow.incident_id.in_(incident_ids))
        .order_by(FusionDecisionRow.seq)).all()
    members: dict[str, list[tuple[FusionDecisionRow, Report]]] = defaultdict(list)
    for decision, record, published, source in rows:
        report = stored_report(record, article_id=decision.article_id, published=published, source=source)
        members[decision.incident_id].append((decision, report))
    incidents = []
    for incident_id, pairs in members.items():
        pairs.sort(key=lambda pair: (not pair[0].founder, pair[0].seq))  # the founder blocks the incident
        incidents.append(FusedIncident(incident_id, [report for _, report in pairs], []))
    incidents.sort(key=lambda incident: min(d.seq for d, _ in members[incident.id]))
    return incidents


def _count_words(session: Session, words: list[str], change: int) -> None:
    tally: dict[str, int] = defaultdict(int)
    for word in words:
        tally[word] += change
    if not tally:
        return
    # Added in the database, not read and rewritten, so that concurrent writers' counts add up.
    statement = insert_for(session, FusionWordRow).values([{"word": w, "reports": tally[w]} for w in sorted(tally)])
    session.execute(statement.on_conflict_do_update(
        index_elements=["word"], set_={"reports": FusionWordRow.reports + statement.excluded.reports}))
    if change < 0:
        session.execute(delete(FusionWordRow).where(FusionWordRow.reports <= 0))
