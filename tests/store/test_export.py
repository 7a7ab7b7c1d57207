"""Every export format, read back with the library its users open it with."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from sitrep.export import export
from sitrep.export.conflict_csv import ACLED_COLUMNS, GTD_COLUMNS, GTD_TARGET_TYPES
from sitrep.export.flat import FLAT_COLUMNS
from sitrep.store import review
from sitrep.store.query import IncidentFilter, list_incidents


def write(store, format_: str, path: Path, **filters) -> int:
    with store.session() as session:
        return export(session, format=format_, filters=IncidentFilter(**filters), output=path)


def test_acled_csv_reads_back_with_pandas(filled, tmp_path):
    path = tmp_path / "acled.csv"
    assert write(filled, "acled-csv", path, country="PK") == 2
    frame = pd.read_csv(path, keep_default_na=False)
    assert tuple(frame.columns) == ACLED_COLUMNS
    peshawar = frame[frame.location == "Peshawar"].iloc[0]
    assert (peshawar.event_type, peshawar.sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")
    assert (peshawar.actor1, peshawar.fatalities, peshawar.iso2) == ("Tehrik-i-Taliban Pakistan", 12, "PK")


def test_gtd_csv_reads_back_with_pandas_and_leaves_out_protests(filled, tmp_path):
    with filled.session() as session:
        zamfara = next(i["id"] for i in list_incidents(session, IncidentFilter(admin1="Zamfara")))
    with filled.writer() as session, session.begin():
        review.correct_field(session, target_type="incident", target_id=zamfara, field="type", value="protest",
                             author="ana", reason="a demonstration, not a raid")
    with filled.session() as session:
        terrorism = {i["id"] for i in list_incidents(session) if i["type"] not in ("protest", "riot")}
    path = tmp_path / "gtd.csv"
    assert write(filled, "gtd-csv", path) == len(terrorism)
    frame = pd.read_csv(path, keep_default_na=False)
    assert tuple(frame.columns) == GTD_COLUMNS
    assert set(frame.eventid) == terrorism and zamfara not in terrorism
    kabul = frame[frame.city == "Kabul"].iloc[0]
    with filled.session() as session:
        (target, *_) = list_incidents(session, IncidentFilter(country="AF"))[0]["targets"]
    assert (kabul.target1, kabul.targtype1_txt) == (target["name"], GTD_TARGET_TYPES[target["type"]])
    assert (kabul.attacktype1_txt, kabul.gname, kabul.claimed, kabul.nkill, kabul.iday) == (
        "Bombing/Explosion", "Islamic State", 1, 7, 2)


def test_geojson_holds_a_point_with_flat_properties_for_each_located_incident(filled, tmp_path):
    with filled.session() as session:
        located = {i["id"] for i in list_incidents(session) if i["location"] and i["location"]["lat"] is not None}
    path = tmp_path / "incidents.geojson"
    assert write(filled, "geojson", path) == len(located) >= 6
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == located
    for feature in collection["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert set(feature["properties"]) == set(FLAT_COLUMNS)
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())
    kabul = next(f for f in collection["features"] if f["properties"]["location"] == "Kabul")
    assert kabul["geometry"]["coordinates"] == pytest.approx([69.17, 34.53], abs=0.01)


@pytest.mark.parametrize(("format_", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_the_relation_network_reads_back_with_networkx(filled, tmp_path, format_, read):
    path = tmp_path / f"network.{format_}"
    assert write(filled, format_, path, actor="al-shabaab") == 2
    graph = read(path)
    assert set(graph.nodes) == {"al-shabaab", "al-qaeda"}
    assert graph.nodes["al-shabaab"]["label"] == "al-Shabaab"
    assert sorted(data["relation"] for _, _, data in graph.edges(data=True)) == ["allegiance", "alliance"]
    assert all(data["weight"] == 1 for _, _, data in graph.edges(data=True))


def test_jsonl_holds_one_incident_per_line_as_incidents_json_prints_them(filled, tmp_path):
    path = tmp_path / "incidents.jsonl"
    assert write(filled, "jsonl", path, type="bombing") == 2
    with filled.session() as session:
        expected = list_incidents(session, IncidentFilter(type="bombing"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == json.loads(json.dumps(expected))


def test_parquet_reads_back_with_pyarrow_and_pandas_with_typed_columns(filled, tmp_path):
    path = tmp_path / "incidents.parquet"
    assert write(filled, "parquet", path) == 8
    table = pq.read_table(path)
    assert table.column_names == list(FLAT_COLUMNS)
    assert str(table.schema.field("date_start").type) == "date32[day]"
    frame = pd.read_parquet(path)
    assert frame.loc[frame.location == "Maiduguri", "fatalities_min"].item() == 30
