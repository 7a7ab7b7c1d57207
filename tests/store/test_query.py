"""Incident, actor and relation queries: each filter narrows to exactly the incidents it names."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from sitrep.store.database import Store

from sitrep.store.query import (
    SORTS,
    IncidentFilter,
    count_incidents,
    count_statements,
    incidents_query,
    incident_points,
    incident_timeline,
    list_actors,
    list_incidents,
    list_relations,
    list_statements,
)


def places(store, **filters) -> list[str]:
    with store.session() as session:
        return [(i["location"] or {}).get("name") for i in list_incidents(session, IncidentFilter(**filters))]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"country": "PK"}, ["Peshawar", "Quetta"]),
    ({"country": "nigeria"}, ["Maiduguri", "Zamfara"]),
    ({"admin1": "balochistan"}, ["Quetta"]),
    ({"type": "bombing"}, ["Mogadishu", "Kabul"]),
    ({"since": dt.date(2019, 1, 1), "until": dt.date(2020, 12, 31)}, ["Mogadishu", "Zamfara"]),
    ({"min_fatalities": 12}, ["Peshawar", "Maiduguri"]),
    ({"actor": "TTP"}, ["Peshawar"]),
    ({"actor": "islamic-state"}, ["Quetta", "Kabul"]),
    ({"actor": "%"}, []),
    ({"country": "PK", "min_fatalities": 5}, ["Peshawar"]),
])
def test_each_filter_selects_exactly_its_incidents(filled, filters, expected):
    assert places(filled, **filters) == expected


def test_incidents_come_dated_first_oldest_first_with_their_sources(filled):
    with filled.session() as session:
        rows = list_incidents(session)
    starts = [r["date"]["start"] for r in rows]
    dated = [s for s in starts if s]
    assert dated == sorted(dated) and starts[len(dated):] == [None] * (len(starts) - len(dated))
    assert all(len(r["sources"]) == 1 for r in rows)
    kabul = next(r for r in rows if r["location"] and r["location"]["name"] == "Kabul")
    assert kabul["sources"][0]["url"] == "https://example.org/kabul-checkpoint"
    assert kabul["fatalities"] == {"min": 7, "max": 7, "qualifier": "exact"}


def test_actors_list_counts_incidents_relations_and_articles(filled):
    with filled.session() as session:
        (shabaab,) = list_actors(session, name="al-Shabaab")
    assert (shabaab["incidents"], shabaab["relations"], shabaab["articles"]) == (2, 2, 2)
    assert "Al-Shabaab" in shabaab["aliases"]


def test_relations_can_be_narrowed_to_an_actor_and_a_type(filled):
    with filled.session() as session:
        shabaab = list_relations(session, actor="al-shabaab")
        allegiance = list_relations(session, type="allegiance")
    assert {(r["source"], r["type"], r["target"]) for r in shabaab} == {
        ("al-Shabaab", "allegiance", "al-Qaeda"), ("al-Shabaab", "alliance", "al-Qaeda")}
    assert {r["source"] for r in allegiance} == {"al-Shabaab", "Islamic State West Africa Province"}


def test_incidents_page_and_count_with_any_sort(filled):
    with filled.session() as session:
        total = count_incidents(session)
        for sort in SORTS:
            everything = [i["id"] for i in list_incidents(session, sort=sort)]
            pages = [i["id"] for offset in range(0, total, 3)
                     for i in list_incidents(session, sort=sort, limit=3, offset=offset)]
            assert pages == everything and len(everything) == total
        assert count_incidents(session, IncidentFilter(country="PK")) == 2


def test_search_finds_places_titles_and_perpetrators(filled):
    assert places(filled, search="kabul checkpoint") == ["Kabul"]
    assert places(filled, search="Tehrik") == ["Peshawar"]
    assert places(filled, search="balochistan") == ["Quetta"]
    assert places(filled, search="%") == []


def test_points_and_timeline_follow_the_filters(filled):
    with filled.session() as session:
        points = incident_points(session, IncidentFilter(country="NG"))
        months = incident_timeline(session, IncidentFilter(country="NG"))
        weeks = incident_timeline(session, IncidentFilter(type="bombing"), interval="week")
    assert {p["location"] for p in points} == {"Zamfara", "Maiduguri"}
    assert all(p["lat"] is not None and p["lon"] is not None for p in points)
    assert sum(m["incidents"] for m in months) == 2  # the Maiduguri raid: overnight before publication
    assert all(dt.date.fromisoformat(w["start"]).weekday() == 0 for w in weeks)
    assert sum(w["incidents"] for w in weeks) == 2


def test_statements_by_actor_and_article(filled):
    with filled.session() as session:
        everything = list_statements(session)
        shabaab = list_statements(session, actor="al-shabaab")
        assert count_statements(session) == len(everything) and everything
        article = everything[0]["article_id"]
        assert {s["article_id"] for s in list_statements(session, article_id=article)} == {article}
    assert all(s["speaker_id"] == "al-shabaab" or s["organization_id"] == "al-shabaab" for s in shabaab)


@pytest.mark.parametrize("name", ["ix_incidents_listing", "ix_incidents_country_listing"])
def test_the_migrations_create_the_indexes_of_the_lists_default_order(store, name):
    # SQLite's reflection skips expression indexes: ask each catalogue directly.
    catalogue = ("SELECT name FROM sqlite_master WHERE type = 'index' AND name = :name" if store.dialect == "sqlite"
                 else "SELECT indexname FROM pg_indexes WHERE indexname = :name")
    with store.session() as session:
        assert session.scalar(text(catalogue), {"name": name}) == name


@pytest.mark.parametrize("country", [None, "PK"])
def test_a_list_page_reads_an_index_in_order_instead_of_sorting(tmp_path, country):
    store = Store(tmp_path / "plan.db")
    query = incidents_query(IncidentFilter(country=country)).limit(50).offset(100)
    sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as connection:
        plan = " ".join(str(row) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert ("ix_incidents_country_listing" if country else "ix_incidents_listing") in plan
    assert "TEMP B-TREE" not in plan
