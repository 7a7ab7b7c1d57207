"""Fusion in the store: reports of one incident from several articles become one incident, incrementally."""

from __future__ import annotations

from sqlalchemy import select
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.fusion import Fuser, reports_of
from sitrep.model import Document
from sitrep.store import review
from sitrep.store.explain import explain_incident
from sitrep.store.query import list_incidents
from sitrep.store.schema import FusionDecisionRow, IncidentReportRow

from .support import store_results

KABUL = "0f8d6a00949cda91-1"  # "Bomb kills 7 at Kabul checkpoint": the first report of the bombing
KABUL_AGAIN = "6322eed9265e3ca3-1"  # another outlet, later that day: the toll rose to nine
KABUL_PROTEST = "1c0f21c3f8748339-1"  # shopkeepers protesting in Kabul the same day


def incidents(store) -> dict[str, dict]:
    with store.session() as session:
        return {i["id"]: i for i in list_incidents(session)}


def groups(store) -> dict[str, str]:
    with store.session() as session:
        return dict(session.execute(select(IncidentReportRow.id, IncidentReportRow.incident_id)).all())


def test_a_second_report_of_an_incident_joins_it_and_the_tolls_stay_visible(filled, second_reports):
    store_results(filled, second_reports)
    found = incidents(filled)
    kabul = found[KABUL]
    assert KABUL_AGAIN not in found
    assert [s["report_id"] for s in kabul["sources"]] == [KABUL, KABUL_AGAIN]
    assert kabul["fatalities"]["min"] == 9  # the latest report's figure
    fatalities = kabul["consolidation"]["fields"]["fatalities"]
    assert fatalities["conflicting"] is True
    assert {k: v["min"] for k, v in fatalities["values"].items()} == {KABUL: 7, KABUL_AGAIN: 9}
    assert kabul["consolidation"]["rule"] == "fused reports"
    assert found[KABUL_PROTEST]["type"] == "protest"  # same day and town, but a protest is another incident
    with filled.session() as session:
        decision = session.scalar(select(FusionDecisionRow).where(FusionDecisionRow.report_id == KABUL_AGAIN))
    assert (decision.incident_id, decision.founder, decision.compared_with) == (KABUL, False, KABUL)
    assert decision.score >= 1.0 and decision.parts["place"] > 0


def test_fusing_article_by_article_in_the_store_equals_one_fuser_over_the_same_reports(
        store, extracted, second_reports):
    documents = [r for r in [*extracted, *second_reports] if isinstance(r, Document)]
    store_results(store, documents)
    fuser = Fuser()
    founder: dict[str, str] = {}
    expected: dict[str, str] = {}
    for document in documents:
        for report in reports_of(document):
            decision = fuser.add(report)
            founder.setdefault(decision.incident_id, report.id)
            expected[report.id] = founder[decision.incident_id]
    assert groups(store) == expected
    assert len(set(expected.values())) < len(expected)  # something was fused


def test_reextraction_keeps_fused_incidents_and_their_ids(filled, extracted, second_reports):
    store_results(filled, second_reports)
    before = groups(filled)
    store_results(filled, [*extracted, *second_reports], reextract=True)
    assert groups(filled) == before


def test_an_incident_keeps_its_id_when_the_article_that_started_it_is_replaced(filled, second_reports, updated):
    store_results(filled, second_reports)
    store_results(filled, [updated])  # the first Kabul article, changed under its URL: its report is gone
    kabul = incidents(filled)[KABUL]
    assert [s["report_id"] for s in kabul["sources"]] == sorted([KABUL_AGAIN, updated.incidents[0].id])
    with filled.session() as session:
        founders = session.scalars(select(FusionDecisionRow.report_id).where(
            FusionDecisionRow.incident_id == KABUL, FusionDecisionRow.founder.is_(True))).all()
    assert founders == [KABUL_AGAIN]


def test_explain_says_which_report_joined_with_what_score_and_which_was_kept_apart(filled, second_reports):
    store_results(filled, second_reports)
    with filled.session() as session:
        found = explain_incident(session, KABUL)
    how = {r["report_id"]: r["how"] for r in found["reports"]}
    assert how == {KABUL: "started this incident", KABUL_AGAIN: "joined by fusion"}
    (apart,) = found["kept_apart"]
    assert apart["report_id"] == KABUL_PROTEST and apart["score"] < found["threshold"]
    assert apart["parts"]["class"] < 0  # a protest is not the bombing
    printed = CliRunner().invoke(app, ["explain", KABUL, "--db", filled.url])
    assert printed.exit_code == 0, printed.output
    assert "joined by fusion" in printed.output and KABUL_PROTEST in printed.output
    missing = CliRunner().invoke(app, ["explain", "no-such-incident", "--db", filled.url])
    assert missing.exit_code == 1 and "[E201] no incident 'no-such-incident'" in missing.output


def test_fusing_the_whole_store_again_gives_the_same_incidents_and_keeps_review_edits(filled, second_reports):
    store_results(filled, second_reports)
    with filled.writer() as session, session.begin():
        review.correct_field(session, target_type="incident", target_id=KABUL, field="fatalities_min", value="10",
                             author="ana", reason="hospital figure")
    before = incidents(filled)
    printed = CliRunner().invoke(app, ["fuse", "--db", filled.url])
    assert printed.exit_code == 0, printed.output
    assert "reports fused into" in printed.output
    assert incidents(filled) == before
    assert before[KABUL]["fatalities"]["min"] == 10
