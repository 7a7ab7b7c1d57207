"""The knowledge base's version: raised by every committed change to the knowledge, and by nothing else."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sitrep.store import review
from sitrep.store.query import IncidentFilter, list_incidents
from sitrep.store.schema import IncidentRow
from sitrep.store.users import add_user

from .support import store_results


def test_storing_an_article_raises_the_version(store, extracted):
    assert store.version() == 0
    store_results(store, extracted[:1])
    assert store.version() == 1


def test_a_review_edit_raises_the_version_and_reads_do_not(filled):
    with filled.session() as session:
        incident = list_incidents(session, IncidentFilter(country="PK"))[0]["id"]
    before = filled.version()
    with filled.session() as session:
        list_incidents(session)
    assert filled.version() == before
    with filled.writer() as session, session.begin():
        review.correct_field(session, target_type="incident", target_id=incident, field="fatalities_min",
                             value="40", author="ana", reason="later toll")
    assert filled.version() == before + 1


def test_an_object_changed_and_committed_without_an_explicit_flush_raises_the_version(filled):
    before = filled.version()
    with filled.writer() as session, session.begin():
        session.scalars(select(IncidentRow).limit(1)).one().confidence = 0.5
    assert filled.version() == before + 1


def test_a_rolled_back_change_and_a_new_user_leave_the_version_alone(filled):
    before = filled.version()
    with filled.writer() as session:
        with pytest.raises(RuntimeError), session.begin():
            session.scalars(select(IncidentRow).limit(1)).one().confidence = 0.5
            session.flush()
            raise RuntimeError("abandoned")
        with session.begin():
            add_user(session, name="ana", role="editor", password="a long enough password")
    assert filled.version() == before
