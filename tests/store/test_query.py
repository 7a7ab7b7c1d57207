"""Incident, actor and relation queries: each filter narrows to exactly the incidents it names."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.store.query import IncidentFilter, list_actors, list_incidents, list_relations


def places(store, **filters) -> list[str]:
    with store.session() as session:
        return [(i["location"] or {}).get("name") for i in list_incidents(session, IncidentFilter(**filters))]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"country": "PK"}, ["Peshawar", "Quetta"]),
    ({"country": "nigeria"}, ["Zamfara", "Maiduguri"]),
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
