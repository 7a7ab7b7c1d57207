"""The ACLED actor-resolution scorer: which extracted actors count as the coded ones."""

import json

import pytest

from sitrep.evaluate.acled import distance_km, evaluate, matches, predict, same_admin1
from sitrep.ingest import RawArticle
from sitrep.pipeline import process
from sitrep.model import Actor
from sitrep.registry import Registry
from sitrep.resolve.places import Gazetteer


def actor(actor_id: str, name: str, *, parent_id=None, mentions=()) -> Actor:
    return Actor(id=actor_id, name=name, kind="generic", parent_id=parent_id, mentions=list(mentions))


@pytest.fixture(scope="module")
def resources():
    return {"registry": Registry.default(), "gazetteer": Gazetteer.default()}


@pytest.mark.parametrize("gold, extracted, expected", [
    ("Police Forces of Pakistan", [actor("state:PK:police", "Police Forces of Pakistan")], True),
    ("Police Forces of Pakistan", [actor("state:PK", "Government of Pakistan")], True),
    ("Police Forces of Pakistan", [actor("state:IN:police", "Police Forces of India")], False),
    ("Military Forces of Pakistan", [actor("frontier-corps", "Frontier Corps", parent_id="state:PK:security")], True),
    ("Protesters (India)", [actor("protesters:IN", "Protesters (India)")], True),
    ("Protesters (India)", [actor("protesters:PK", "Protesters (Pakistan)")], False),
    ("Civilians (Bangladesh)", [actor("journalists:BD", "Journalists (Bangladesh)", parent_id="civilians:BD")], True),
    ("TTP: Tehreek-i-Taliban Pakistan", [actor("tehrik-i-taliban-pakistan", "Tehrik-i-Taliban Pakistan")], True),
    ("Free Highlands Front (Pakistan)", [actor("new:free-highlands-front", "Free Highlands Front")], True),
    ("Free Highlands Front (Pakistan)", [], False),
])
def test_matches(resources, gold, extracted, expected):
    assert matches(gold, extracted, **resources) is expected


def test_evaluate_end_to_end(tmp_path):
    rows = [
        {"id": "1", "text": "Hundreds of protesters blocked a highway in Lahore, Pakistan. Police fired tear gas.",
         "source": "Example Times", "gold": {"actor1": "Protesters (Pakistan)", "actor2": "Police Forces of Pakistan",
                                             "event_date": "12-March-2015"}},
        {"id": "2", "text": "Nothing happened in Quetta today.", "source": "",
         "gold": {"actor1": "Military Forces of India", "actor2": "", "event_date": "13-March-2015"}},
    ]
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    predictions = tmp_path / "predicted.jsonl"
    scores = evaluate(path, predictions=predictions)
    assert (scores["rows"], scores["gold_actors"], scores["actor_recall"]) == (2, 3, 0.6667)
    assert scores["row_recall"] == 0.5
    assert len(predictions.read_text().splitlines()) == 2


def test_event_scores_end_to_end(tmp_path):
    rows = [
        {"id": "1", "text": "Gunmen shot dead 3 policemen in Peshawar on Monday.", "source": "",
         "gold": {"event_date": "12-March-2015", "event_class": "armed_clash", "admin1": "Khyber Pakhtunkhwa",
                  "latitude": 34.008, "longitude": 71.578, "fatalities": 3, "actor1": "", "actor2": ""}},
        {"id": "2", "text": "A bomb exploded in Lahore, killing 2 people.", "source": "",
         "gold": {"event_date": "12-March-2015", "event_class": "armed_clash", "admin1": "Sindh",
                  "latitude": 24.86, "longitude": 67.01, "fatalities": 5, "actor1": "", "actor2": ""}},
    ]
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    scores = evaluate(path)
    # Row 1 is right on every count; row 2 on none (wrong class, province, place and toll).
    assert scores["event_class_accuracy"] == 0.5
    assert scores["admin1_accuracy"] == 0.5
    assert scores["within_25km"] == 0.5
    assert scores["fatalities_exact"] == 0.5
    assert scores["fatalities_exact_nonzero"] == 0.5
    assert scores["fatalities_mae"] == 1.5


@pytest.mark.parametrize("predicted, gold, same", [
    ("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", True),
    ("Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa", True),
    ("Punjab", "Sindh", False),
    (None, "Sindh", False),
    ("Eastern Region", "East", True),
    ("Mid Western", "Mid-West", True),
    ("Western Region", "East", False),
])
def test_same_admin1(predicted, gold, same):
    assert same_admin1(predicted, gold) is same


def test_distance_km():
    # Lahore to Karachi is about 1,030 km.
    assert 1000 < distance_km(31.55, 74.34, 24.86, 67.01) < 1060


def _predict(text: str, source: str) -> dict:
    (document,) = process([RawArticle(origin="test", content=text, format="text", source=source)])
    return predict(document, gazetteer=Gazetteer.default())


def test_a_note_placed_only_in_a_country_is_coded_at_the_outlet_city():
    predicted = _predict("Rebels and Myanmar troops clashed in a remote township on Monday.", "The Irrawaddy")
    assert predicted["admin1"] == "Yangon"


def test_a_note_placed_only_in_a_country_is_coded_at_the_town_it_names():
    text = "Students staged a protest against the killings in Myanmar. The rally was held outside the press club in Sukkur."
    assert _predict(text, "The News")["admin1"] == "Sindh"


def test_the_outlet_city_abroad_does_not_replace_the_country_named():
    predicted = _predict("Rebels and Myanmar troops clashed in a remote township on Monday.", "Bangkok Post")
    assert predicted["admin1"] is None


def test_a_note_with_only_a_dateline_is_coded_at_the_dateline():
    predicted = _predict("Feni, Jan 20 (UNB) - Pickets torched two buses on Tuesday.", "United News of Bangladesh")
    assert predicted["admin1"] == "Chittagong"
