"""The HTTP API, endpoint by endpoint: filters, sorting, paging, details, exports, and clear 404s and 422s."""

from __future__ import annotations

import json

import pytest


def ids(response) -> list[str]:
    return [i["id"] for i in response.json()["items"]]


def test_incident_list_pages_with_a_total(reader):
    everything = reader.get("/api/incidents", params={"per_page": 500}).json()
    first = reader.get("/api/incidents", params={"per_page": 4}).json()
    second = reader.get("/api/incidents", params={"per_page": 4, "page": 2}).json()
    assert first["total"] == second["total"] == everything["total"] == len(everything["items"]) >= 9
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in everything["items"][:8]]


@pytest.mark.parametrize(("params", "places"), [
    ({"country": "PK"}, {"Peshawar", "Quetta"}),
    ({"country": "nigeria"}, {"Zamfara", "Maiduguri"}),
    ({"admin1": "Zamfara"}, {"Zamfara"}),
    ({"type": "suicide_bombing"}, {"Peshawar"}),
    ({"min_fatalities": 25}, {"Maiduguri"}),
    ({"actor": "TTP"}, {"Peshawar"}),
    ({"since": "2021-01-01", "until": "2021-12-31"}, {"Kabul"}),
    ({"q": "kabul checkpoint"}, {"Kabul"}),
    ({"q": "boko"}, {"Maiduguri"}),
])
def test_each_incident_filter_narrows_the_list(reader, params, places):
    found = reader.get("/api/incidents", params=params).json()["items"]
    assert {i["location"]["name"] for i in found} == places


def test_empty_filter_fields_count_as_not_given(reader):
    total = reader.get("/api/incidents").json()["total"]
    assert reader.get("/api/incidents?since=&country=&min_fatalities=").json()["total"] == total


@pytest.mark.parametrize("sort", ["-fatalities", "fatalities"])
def test_incidents_sort_by_fatalities_unknown_last(reader, sort):
    tolls = [(i["fatalities"] or {}).get("min") for i in reader.get("/api/incidents", params={"sort": sort}).json()["items"]]
    known = [t for t in tolls if t is not None]
    assert known == sorted(known, reverse=sort.startswith("-"))
    assert tolls[len(known):] == [None] * (len(tolls) - len(known))


@pytest.mark.parametrize(("params", "message"), [
    ({"since": "last tuesday"}, "since"),
    ({"min_fatalities": "-1"}, "min_fatalities"),
    ({"per_page": "0"}, "per_page"),
    ({"per_page": "10000"}, "per_page"),
    ({"sort": "colour"}, "sort"),
    ({"type": "picnic"}, "type"),
])
def test_bad_parameters_are_422_with_a_message_naming_them(reader, params, message):
    response = reader.get("/api/incidents", params=params)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{message}: ")


def test_map_points_are_geojson_with_coordinates(reader):
    collection = reader.get("/api/incidents/points", params={"country": "PK"}).json()
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 60 < lon < 78 and 23 < lat < 38
        assert feature["properties"]["id"] == feature["id"] and feature["properties"]["country_code"] == "PK"


def test_the_basemap_gives_a_countrys_first_level_divisions(reader):
    response = reader.get("/basemap/admin1/pk.json")
    assert response.status_code == 200 and response.headers["content-type"] == "application/geo+json"
    divisions = {f["properties"]["code"]: f["properties"]["name"] for f in response.json()["features"]}
    assert divisions["PK-BA"] == "Balochistan" and divisions["PK-SD"] == "Sindh"
    assert reader.get("/basemap/admin1/ZZ.json").status_code == 404
    assert reader.get("/basemap/admin1/..%2Fetc.json").status_code == 404


def test_timeline_counts_every_dated_incident_in_contiguous_periods(reader):
    months = reader.get("/api/incidents/timeline").json()["periods"]
    weeks = reader.get("/api/incidents/timeline", params={"interval": "week", "country": "AF"}).json()["periods"]
    dated = [i for i in reader.get("/api/incidents", params={"per_page": 500}).json()["items"] if i["date"]["start"]]
    assert sum(m["incidents"] for m in months) == len(dated)
    assert all(a["start"] < b["start"] for a, b in zip(months, months[1:]))
    assert [(w["start"], w["incidents"], w["fatalities"]) for w in weeks] == [("2021-04-26", 1, 7)]
    assert reader.get("/api/incidents/timeline", params={"interval": "day"}).status_code == 422


def test_incident_detail_has_every_report_with_its_article_and_evidence_offsets(reader):
    (kabul,) = reader.get("/api/incidents", params={"q": "kabul"}).json()["items"]
    detail = reader.get(f"/api/incidents/{kabul['id']}").json()
    (report,) = detail["reports"]
    text = report["article"]["text"]
    assert report["evidence"] and all(text[e["start"]:e["end"]] for e in report["evidence"])
    facts = {e["fact"] for e in report["evidence"]}
    assert {"incident", "fatalities", "perpetrator"} <= facts
    toll = next(e for e in report["evidence"] if e["fact"] == "fatalities")
    assert "kills 7" in text[toll["start"]:toll["end"]]
    assert detail["fatalities"]["min"] == 7 and detail["rejected"] is False
    assert detail["conflicts"] == {} and detail["edits"] == []


def test_explain_says_how_each_report_came_into_the_incident(reader):
    (kabul,) = reader.get("/api/incidents", params={"q": "kabul"}).json()["items"]
    explained = reader.get(f"/api/incidents/{kabul['id']}/explain").json()
    assert [r["how"] for r in explained["reports"]] == ["started this incident"]
    assert explained["fields"]["fatalities"]["value"]["min"] == 7 and explained["threshold"] > 0


def test_unknown_records_are_404_with_a_message(reader):
    for path in ("/api/incidents/nope-1", "/api/incidents/nope-1/explain", "/api/articles/nope", "/api/actors/nope"):
        response = reader.get(path)
        assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_article_gives_the_text_every_offset_points_into(reader):
    (kabul,) = reader.get("/api/incidents", params={"q": "kabul"}).json()["items"]
    article = reader.get(f"/api/articles/{kabul['sources'][0]['article_id']}").json()
    assert article["url"] == "https://example.org/kabul-checkpoint"
    assert article["evidence"] and all(0 <= e["start"] < e["end"] <= len(article["text"]) for e in article["evidence"])
    assert article["reports"][0]["incident_id"] == kabul["id"]
    for statement in article["statements"]:
        assert article["text"][statement["start"]:statement["end"]] == statement["text"]


def test_actor_search_and_detail_with_aliases_and_factions(reader):
    found = reader.get("/api/actors", params={"q": "Daesh"}).json()
    assert "islamic-state" in [a["id"] for a in found["items"]]
    actor = reader.get("/api/actors/islamic-state").json()
    assert "ISIL" in actor["aliases"]
    assert "islamic-state-west-africa-province" in [f["id"] for f in actor["factions"]]
    assert actor["incident_count"] == len(actor["incidents"]) >= 2
    assert actor["statements"] and actor["relations"]


def test_actor_list_pages(reader):
    total = reader.get("/api/actors").json()["total"]
    page = reader.get("/api/actors", params={"per_page": 3, "page": 2}).json()
    assert page["total"] == total and len(page["items"]) == 3


def test_relations_as_a_list_and_as_a_graph(reader):
    shabaab = reader.get("/api/relations", params={"actor": "al-shabaab"}).json()
    assert {(r["source"], r["type"], r["target"]) for r in shabaab} == {
        ("al-Shabaab", "allegiance", "al-Qaeda"), ("al-Shabaab", "alliance", "al-Qaeda")}
    graph = reader.get("/api/relations/graph", params={"actor": "al-shabaab"}).json()
    assert {n["id"] for n in graph["nodes"]} == {"al-shabaab", "al-qaeda"}
    assert {e["relation"] for e in graph["edges"]} == {"allegiance", "alliance"}
    nodes = {n["id"] for n in reader.get("/api/relations/graph").json()["nodes"]}
    assert {"al-shabaab", "islamic-state"} <= nodes


def test_statements_by_actor_and_article(reader):
    everything = reader.get("/api/statements").json()
    by_actor = reader.get("/api/statements", params={"actor": "islamic-state"}).json()
    assert everything["total"] >= by_actor["total"] >= 1
    article = by_actor["items"][0]["article_id"]
    assert {s["article_id"] for s in reader.get("/api/statements", params={"article": article}).json()["items"]} == {article}


@pytest.mark.parametrize("export_format", ["acled-csv", "gtd-csv", "geojson", "graphml", "gexf", "jsonl", "parquet"])
def test_every_export_format_downloads_with_the_filters(reader, export_format):
    response = reader.get(f"/api/exports/{export_format}", params={"country": "PK"})
    assert response.status_code == 200 and response.content
    assert "attachment" in response.headers["content-disposition"]
    if export_format == "geojson":
        assert {f["properties"]["country_code"] for f in json.loads(response.content)["features"]} == {"PK"}


def test_an_unknown_export_format_is_422(reader):
    response = reader.get("/api/exports/xlsx")
    assert response.status_code == 422 and "export_format" in response.json()["detail"]


def test_openapi_describes_the_api(reader):
    paths = reader.get("/api/openapi.json").json()["paths"]
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/review/correct", "/api/audit"} <= set(paths)
