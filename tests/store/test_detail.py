"""Detail views: an incident with every report and its evidence offsets, an article, an actor."""

from __future__ import annotations

import sitrep
from sitrep.export.flat import flat_incident
from sitrep.store import review
from sitrep.store.detail import actor_detail, article_detail, incident_detail
from sitrep.store.query import IncidentFilter, list_incidents

from .support import store_results


def incident_at(session, place: str) -> str:
    return next(i["id"] for i in list_incidents(session, IncidentFilter(search=place)))


def test_every_evidence_span_of_an_incident_points_into_its_article(filled):
    with filled.session() as session:
        detail = incident_detail(session, incident_at(session, "Kabul"))
    (report,) = detail["reports"]
    text = report["article"]["text"]
    assert {e["fact"] for e in report["evidence"]} >= {"incident", "fatalities", "perpetrator"}
    for span in report["evidence"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
    assert [p["basis"] for p in report["perpetrators"]] == ["claimed"]


def test_merged_incidents_show_both_reports_and_their_conflicts(filled):
    with filled.writer() as session, session.begin():
        kabul, zamfara = incident_at(session, "Kabul"), incident_at(session, "Zamfara")
        review.merge_incidents(session, into=kabul, incidents=[zamfara], author="ana", reason="test")
    with filled.session() as session:
        detail = incident_detail(session, kabul)
    assert len(detail["reports"]) == 2
    assert {"location", "fatalities"} <= set(detail["conflicts"])
    assert set(detail["conflicts"]["fatalities"]["values"]) == {r["id"] for r in detail["reports"]}
    assert [e["kind"] for e in detail["edits"]] == ["merge_incidents"]


def test_unknown_ids_give_none(filled):
    with filled.session() as session:
        assert incident_detail(session, "x") is None and article_detail(session, "x") is None
        assert actor_detail(session, "x") is None


def test_an_article_has_its_evidence_statements_and_incidents(filled):
    with filled.session() as session:
        incident = list_incidents(session, IncidentFilter(search="Kabul"))[0]
        article = article_detail(session, incident["sources"][0]["article_id"])
    assert article["reports"] == [{"report_id": incident["sources"][0]["report_id"], "incident_id": incident["id"]}]
    assert {e["record_type"] for e in article["evidence"]} >= {"incident_report", "perpetrator"}
    for statement in article["statements"]:
        assert article["text"][statement["start"]:statement["end"]] == statement["text"]


def test_an_actor_has_aliases_factions_incidents_and_relations(filled):
    with filled.session() as session:
        actor = actor_detail(session, "islamic-state")
        shabaab = actor_detail(session, "al-shabaab")
    assert "ISIL" in actor["aliases"] and "Islamic State" not in actor["aliases"]
    assert "islamic-state-west-africa-province" in [f["id"] for f in actor["factions"]]
    assert actor["incident_count"] == 2 == len(actor["incidents"])
    assert {(r["source"], r["type"], r["target"]) for r in shabaab["relations"]} == {
        ("al-Shabaab", "allegiance", "al-Qaeda"), ("al-Shabaab", "alliance", "al-Qaeda")}


def test_a_merged_actor_is_shown_as_the_actor_it_was_merged_into(filled):
    with filled.writer() as session, session.begin():
        review.merge_actors(session, into="al-qaeda", actors=["al-shabaab"], author="ana", reason="test")
    with filled.session() as session:
        actor = actor_detail(session, "al-shabaab")
    assert (actor["id"], actor["requested_id"], actor["merged"]) == ("al-qaeda", "al-shabaab", ["al-shabaab"])


def test_a_denial_is_kept_with_its_report_and_its_sentence_is_evidence(store):
    document = sitrep.extract("Bomb kills nine in Kabul\n\nPublished May 3, 2021\n\nA bomb exploded in a market in "
                              "Kabul on Monday, killing nine people. The Taliban denied involvement in the attack.")
    store_results(store, [document])
    with store.session() as session:
        (report,) = incident_detail(session, document.incidents[0].id)["reports"]
    assert [d["actor_id"] for d in report["denials"]] == ["taliban"]
    (span,) = [e for e in report["evidence"] if e["fact"] == "denials"]
    assert report["article"]["text"][span["start"]:span["end"]] == "The Taliban denied involvement in the attack."


def test_a_denial_stays_on_the_fused_incident_and_in_the_flat_exports(store):
    first = sitrep.extract("Bomb kills nine in Kabul\n\nPublished May 3, 2021\n\nA bomb exploded in a market in "
                           "Kabul on Monday, killing nine people. The Taliban denied involvement in the attack.")
    second = sitrep.extract("Kabul market bomb toll rises\n\nPublished May 4, 2021\n\nA bomb exploded in a market in "
                            "Kabul on Monday, killing nine people. Islamic State claimed the attack.")
    store_results(store, [first, second])
    with store.session() as session:
        (incident,) = list_incidents(session, IncidentFilter())
    assert len(incident["sources"]) == 2
    assert [d["actor_id"] for d in incident["denials"]] == ["taliban"]
    assert "taliban" not in {p["actor_id"] for p in incident["perpetrators"]}
    assert flat_incident(incident)["denied_by"] == "Taliban"
