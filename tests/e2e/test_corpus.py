"""End-to-end on more than the sample: an HTML page and a JSONL corpus, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def documents() -> dict[str, dict]:
    result = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(ARTICLES), "--format", "jsonl"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    return {d["article"]["title"]: d for d in docs}


def test_every_article_is_read(documents):
    assert set(documents) == {"Car bomb kills 9 in Mogadishu", "Suicide bomber kills 12 in Peshawar market",
                              "Boko Haram kills 30 in Borno village raid"}


def test_html_page_metadata_and_no_page_furniture(documents):
    article = documents["Car bomb kills 9 in Mogadishu"]["article"]
    assert article["url"] == "https://news.example.com/world/mogadishu-bomb"
    assert article["published"] == "2019-07-22T10:15:00+03:00"
    assert (article["dateline"], article["source"]) == ("Mogadishu", "Reuters")
    assert "Home" not in article["text"] and "More stories" not in article["text"]


def test_car_bomb_claimed_by_the_subject_not_its_ally(documents):
    doc = documents["Car bomb kills 9 in Mogadishu"]
    [incident] = doc["incidents"]
    assert incident["type"] == "bombing" and "car bomb" in incident["weapons"]
    assert incident["date"] == {"start": "2019-07-22", "end": "2019-07-22", "precision": "day", "text": "Monday"}
    assert incident["location"]["name"] == "Mogadishu"
    assert (incident["fatalities"]["min"], incident["fatalities"]["max"]) == (9, None)
    assert (incident["injuries"]["min"], incident["injuries"]["qualifier"]) == (21, "more_than")
    assert [(p["actor_id"], p["basis"]) for p in incident["perpetrators"]] == [("al-shabaab", "claimed")]
    assert any(t["type"] == "military" for t in incident["targets"])
    assert ("al-shabaab", "alliance", "al-qaeda") in {(r["source_id"], r["type"], r["target_id"]) for r in doc["relations"]}


def test_suicide_bombing_and_a_separate_attack(documents):
    doc = documents["Suicide bomber kills 12 in Peshawar market"]
    first, second = doc["incidents"]
    assert first["type"] == "suicide_bombing" and first["location"]["name"] == "Peshawar"
    assert first["date"]["start"] == "2017-03-10" and first["date"]["precision"] == "day"  # "on Friday", published Sunday
    assert (first["fatalities"]["min"], first["injuries"]["min"]) == (12, 30)
    assert [(p["actor_id"], p["basis"], p["asserted_by"]) for p in first["perpetrators"]] == [
        ("tehrik-i-taliban-pakistan", "suspected", "police")]
    assert second["location"]["name"] == "Quetta" and second["date"]["start"] == "2017-03-11"
    assert second["fatalities"]["min"] == 2
    assert [(p["actor_id"], p["basis"]) for p in second["perpetrators"]] == [("islamic-state", "claimed")]


def test_village_raid_keeps_attackers_killed_apart(documents):
    doc = documents["Boko Haram kills 30 in Borno village raid"]
    [incident] = doc["incidents"]
    assert incident["fatalities"]["min"] == 30 and incident["perpetrator_fatalities"]["min"] == 12
    assert incident["location"]["admin1"] == "Borno"
    assert "firearms" in incident["weapons"]
    assert {p["asserted_by"] for p in incident["perpetrators"] if p["actor_id"] == "boko-haram"} >= {"residents"}
    assert any(r["type"] == "allegiance" and r["target_id"] == "islamic-state" for r in doc["relations"])
    assert doc["article"]["source"] == "AFP"
