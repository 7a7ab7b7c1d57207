"""Review edits: applied to queries, logged with author and reason, kept over re-extraction, undoable."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sitrep.errors import InvalidEdit, UnknownRecord
from sitrep.store import review
from sitrep.store.query import IncidentFilter, list_actors, list_incidents, list_relations
from sitrep.store.schema import AuditLogRow

from .support import store_results

PESHAWAR = "74cdc800ea94d472-1"
QUETTA = "74cdc800ea94d472-2"


def incidents(store, **filters) -> dict[str, dict]:
    with store.session() as session:
        return {i["id"]: i for i in list_incidents(session, IncidentFilter(**filters))}


def edit(store, action, **arguments):
    with store.writer() as session, session.begin():
        return action(session, author="ana", reason="checked the source", **arguments).id


def test_a_correction_survives_reextraction_and_undo_restores_the_extracted_value(filled, extracted):
    edit_id = edit(filled, review.correct_field, target_type="incident", target_id=PESHAWAR,
                   field="fatalities_min", value="14")
    assert incidents(filled)[PESHAWAR]["fatalities"]["min"] == 14
    store_results(filled, extracted, reextract=True)
    corrected = incidents(filled)[PESHAWAR]
    assert corrected["fatalities"]["min"] == 14
    assert corrected["consolidation"]["corrections"] == {"fatalities_min": edit_id}
    with filled.writer() as session, session.begin():
        review.undo(session, edit_id=edit_id, author="ben", reason="the hospital figure was wrong")
    assert incidents(filled)[PESHAWAR]["fatalities"]["min"] == 12
    with filled.session() as session:
        log = [(e.action, e.author, e.reason, e.edit_id) for e in session.scalars(
            select(AuditLogRow).where(AuditLogRow.edit_id.is_not(None)).order_by(AuditLogRow.id))]
    assert log == [("edit", "ana", "checked the source", edit_id),
                   ("undo", "ben", "the hospital figure was wrong", edit_id)]


def test_a_rejected_relation_stays_rejected_after_reextraction_until_undone(filled, extracted):
    with filled.session() as session:
        relation = next(r for r in list_relations(session) if r["type"] == "alliance")
    edit_id = edit(filled, review.reject, target_type="relation", target_id=relation["id"])
    store_results(filled, extracted, reextract=True)
    with filled.session() as session:
        assert relation["id"] not in {r["id"] for r in list_relations(session)}
    with filled.writer() as session, session.begin():
        review.undo(session, edit_id=edit_id, author="ana", reason="it was right")
    with filled.session() as session:
        assert relation["id"] in {r["id"] for r in list_relations(session)}


def test_a_rejected_incident_and_a_rejected_perpetrator_leave_the_results(filled):
    edit(filled, review.reject, target_type="incident", target_id=QUETTA)
    assert QUETTA not in incidents(filled)
    (perpetrator,) = incidents(filled)[PESHAWAR]["perpetrators"]
    edit(filled, review.reject, target_type="perpetrator", target_id=f"{PESHAWAR}-p1")
    assert incidents(filled)[PESHAWAR]["perpetrators"] == []
    assert PESHAWAR not in incidents(filled, actor=perpetrator["actor_id"])


def test_merged_incidents_keep_both_reports_and_a_split_separates_them_again(filled):
    edit(filled, review.merge_incidents, into=PESHAWAR, incidents=[QUETTA])
    merged = incidents(filled)
    assert QUETTA not in merged
    assert [s["report_id"] for s in merged[PESHAWAR]["sources"]] == [PESHAWAR, QUETTA]
    consolidation = merged[PESHAWAR]["consolidation"]
    assert consolidation["rule"] == "fused reports"
    assert set(consolidation["fields"]["fatalities"]["values"]) == {PESHAWAR, QUETTA}
    assert {p["name"] for p in merged[PESHAWAR]["perpetrators"]} == {"Tehrik-i-Taliban Pakistan", "Islamic State"}
    split_id = edit(filled, review.split_incident, incident_id=PESHAWAR, reports=[QUETTA])
    split = incidents(filled)
    assert split[f"{PESHAWAR}~{split_id}"]["location"]["name"] == "Quetta"
    assert split[PESHAWAR]["location"]["name"] == "Peshawar"


def test_undoing_a_merge_restores_the_incidents_as_extracted(filled):
    before = incidents(filled)
    merge_id = edit(filled, review.merge_incidents, into=PESHAWAR, incidents=[QUETTA])
    with filled.writer() as session, session.begin():
        review.undo(session, edit_id=merge_id, author="ana", reason="different attacks")
    assert incidents(filled) == before


def test_merged_actors_answer_to_either_name_until_undone(filled):
    merge_id = edit(filled, review.merge_actors, into="islamic-state", actors=["al-shabaab"])
    shabaab = incidents(filled, actor="Shabaab")
    assert {p["actor_id"] for i in shabaab.values() for p in i["perpetrators"]} >= {"islamic-state"}
    assert QUETTA in shabaab  # an Islamic State incident, found through the merged actor's name
    with filled.session() as session:
        (merged,) = list_actors(session, name="islamic-state")
        assert "al-shabaab" in merged["merged"]
        assert "al-shabaab" not in {a["id"] for a in list_actors(session)}
    with filled.writer() as session, session.begin():
        review.undo(session, edit_id=merge_id, author="ana", reason="not the same group")
    assert QUETTA not in incidents(filled, actor="Shabaab")


def test_an_actor_correction_is_undone_to_the_stored_name(filled):
    first = edit(filled, review.correct_field, target_type="actor", target_id="al-shabaab", field="name",
                 value="Harakat al-Shabaab al-Mujahideen")
    edit(filled, review.correct_field, target_type="actor", target_id="al-shabaab", field="name", value="HSM")
    with filled.writer() as session, session.begin():
        review.undo(session, edit_id=first, author="ana", reason="keep the short form")
    with filled.session() as session:
        assert list_actors(session, name="al-shabaab")[0]["name"] == "HSM"


@pytest.mark.parametrize(("arguments", "error"), [
    ({"target_type": "incident", "target_id": "nope", "field": "type", "value": "riot"}, UnknownRecord),
    ({"target_type": "incident", "target_id": PESHAWAR, "field": "text", "value": "x"}, InvalidEdit),
    ({"target_type": "incident", "target_id": PESHAWAR, "field": "type", "value": "picnic"}, InvalidEdit),
    ({"target_type": "incident", "target_id": PESHAWAR, "field": "fatalities_min", "value": "-3"}, InvalidEdit),
    ({"target_type": "incident", "target_id": PESHAWAR, "field": "date_start", "value": "last May"}, InvalidEdit),
])
def test_an_impossible_correction_is_refused(filled, arguments, error):
    with pytest.raises(error), filled.writer() as session, session.begin():
        review.correct_field(session, author="ana", reason="r", **arguments)


def test_an_edit_without_a_reason_is_refused(filled):
    with pytest.raises(InvalidEdit), filled.writer() as session, session.begin():
        review.reject(session, target_type="incident", target_id=PESHAWAR, author="ana", reason=" ")


def test_an_edit_whose_article_was_replaced_is_listed_as_no_longer_applying(filled, updated):
    with filled.session() as session:
        kabul = next(i["id"] for i in list_incidents(session, IncidentFilter(country="AF")))
    edit(filled, review.correct_field, target_type="incident", target_id=kabul, field="fatalities_min", value="8")
    store_results(filled, [updated])
    with filled.session() as session:
        (stale,) = review.list_edits(session, target_id=kabul)
        assert not review.edit_applies(session, stale)
