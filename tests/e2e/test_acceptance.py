"""The acceptance case: every item an analyst reads out of the sample, checked on the CLI's JSON output.

One test per item of ../shared/acceptance/quetta-police-college-2016-10-26.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "quetta-police-college-2016-10-26.txt"

IS = "islamic-state"
LEJ = "lashkar-e-jhangvi"
LEJ_A = "lashkar-e-jhangvi-al-alami"
AQ = "al-qaeda"
TTP = "tehrik-i-taliban-pakistan"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def doc() -> dict:
    result = run_cli("extract", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def incident(doc) -> dict:
    assert len(doc["incidents"]) == 1, [i["type"] for i in doc["incidents"]]
    return doc["incidents"][0]


def actor(doc: dict, actor_id: str) -> dict:
    found = [a for a in doc["actors"] if a["id"] == actor_id]
    assert found, f"actor {actor_id} missing; actors: {[a['id'] for a in doc['actors']]}"
    return found[0]


def relations(doc: dict, type_: str) -> list[tuple[str, str]]:
    return [(r["source_id"], r["target_id"]) for r in doc["relations"] if r["type"] == type_]


def has_relation(doc: dict, type_: str, a: str, b: str, *, symmetric: bool = False) -> bool:
    pairs = relations(doc, type_)
    return (a, b) in pairs or (symmetric and (b, a) in pairs)


def state_actor(doc: dict, actor_id: str) -> bool:
    found = [a for a in doc["actors"] if a["id"] == actor_id]
    return bool(found) and found[0]["kind"] in {"state", "state_force"} and found[0]["country_code"] == "PK"


# --- The article -------------------------------------------------------------------------------


def test_headline(doc):
    assert doc["article"]["title"] == "Pak militant group worked with ISIS on police attack: spokesman"


def test_published_26_oct_2016_650pm_ist(doc):
    assert doc["article"]["published"] == "2016-10-26T18:50:00+05:30"
    assert doc["article"]["timezone"] == "IST"


def test_section_world_neighbours(doc):
    assert doc["article"]["section"] == "World / Neighbours"


def test_dateline_islamabad(doc):
    assert doc["article"]["dateline"] == "Islamabad"


def test_photo_credit_ap_is_not_the_source(doc):
    assert doc["article"]["source"] != "AP"
    assert "Photo: AP" in doc["article"]["credits"]
    assert "(Photo: AP)" not in doc["article"]["text"]
    assert not [a for a in doc["actors"] if a["name"] in {"AP", "Associated Press"}]


def test_page_furniture_is_not_story_text(doc):
    text = doc["article"]["text"]
    assert "World Neighbours 26 Oct 2016" not in text
    assert "More From Neighbours" not in text
    assert "Published Oct 26" not in text and "Updated Oct 26" not in text
    assert text.count("An ambulance carries injured officers") == 1


def test_caption_is_not_a_story_sentence(doc):
    article = doc["article"]
    captions = [s for s in article["segments"] if s["kind"] == "caption"]
    assert len(captions) == 1
    caption_text = article["text"][captions[0]["start"] : captions[0]["end"]]
    assert caption_text.startswith("An ambulance carries injured officers")
    body = [article["text"][s["start"] : s["end"]] for s in article["segments"] if s["kind"] == "body"]
    assert not any("An ambulance carries" in b for b in body)


# --- The incident ------------------------------------------------------------------------------


def test_one_incident(doc):
    assert len(doc["incidents"]) == 1


def test_target_is_balochistan_police_college_also_called_school_and_academy(incident):
    police = [t for t in incident["targets"] if t["type"] == "police"]
    assert len(police) == 1, incident["targets"]
    assert "Balochistan Police College" in police[0]["name"]
    names = " | ".join(police[0]["mentions"])
    assert "police academy" in names and "police training school" in names


def test_place_is_quetta_balochistan_pakistan(incident):
    location = incident["location"]
    assert location["name"] == "Quetta"
    assert location["admin1"] == "Balochistan"
    assert location["country_code"] == "PK"
    assert location["precision"] == "city"
    assert abs(location["lat"] - 30.18) < 0.1 and abs(location["lon"] - 67.00) < 0.1


def test_date_this_week_is_24_to_26_october_with_week_precision(incident):
    assert incident["date"]["start"] == "2016-10-24"
    assert incident["date"]["end"] == "2016-10-26"
    assert incident["date"]["precision"] == "week"


def test_fatalities_more_than_60_is_a_lower_bound_of_61(incident):
    fatalities = incident["fatalities"]
    assert (fatalities["min"], fatalities["max"], fatalities["qualifier"]) == (61, None, "more_than")


def test_injuries_occurred_but_their_number_is_unknown(incident):
    injuries = incident["injuries"]
    assert injuries is not None
    assert (injuries["min"], injuries["max"], injuries["qualifier"]) == (None, None, "unknown")
    assert any("injured officers" in e["text"] for e in injuries["evidence"])


def test_kind_is_armed_assault_on_police(incident):
    assert incident["type"] == "armed_assault"
    assert any(t["type"] == "police" for t in incident["targets"])


def test_attributed_to_lej_al_alami_by_pakistani_authorities(incident):
    attributed = [p for p in incident["perpetrators"] if p["basis"] == "attributed"]
    assert [p["actor_id"] for p in attributed] == [LEJ_A]
    assert attributed[0]["asserted_by"] == "Pakistani authorities"
    assert attributed[0]["asserted_by_id"] == "state:PK"


def test_claimed_by_islamic_state(incident):
    claimed = [p for p in incident["perpetrators"] if p["basis"] == "claimed"]
    assert [p["actor_id"] for p in claimed] == [IS]
    assert "released photographs" in claimed[0]["evidence"][0]["text"]


def test_joint_work_stated_by_lej_al_alami_spokesman(incident):
    joint = {p["actor_id"]: p for p in incident["perpetrators"] if p["basis"] == "joint"}
    assert set(joint) == {LEJ_A, IS}
    assert joint[LEJ_A]["partner_ids"] == [IS]
    assert joint[LEJ_A]["asserted_by"] == "Ali bin Sufyan"
    assert joint[LEJ_A]["asserted_by_id"] == LEJ_A


def test_competing_perpetrators_are_kept_side_by_side(incident):
    bases = sorted({(p["actor_id"], p["basis"]) for p in incident["perpetrators"]})
    assert (LEJ_A, "attributed") in bases and (IS, "claimed") in bases and (LEJ_A, "joint") in bases


def test_superlative_kept_as_context(incident):
    assert any("deadliest assault on a security installation" in c for c in incident["context"])


# --- Actors ------------------------------------------------------------------------------------


def test_islamic_state_is_one_actor_whatever_the_spelling(doc):
    mentions = set(actor(doc, IS)["mentions"])
    for spelling in ("ISIS", "Islamic State", "IS", "Daesh"):
        assert spelling in mentions or f"the {spelling}" in mentions, (spelling, mentions)
    assert any("Islamic State group" in m for m in mentions)
    assert not [p for p in doc["places"] if p["name"] in {"Daesh", "Islamic"}]


def test_lej_al_alami_is_a_faction_of_lashkar_e_jhangvi(doc):
    faction = actor(doc, LEJ_A)
    assert faction["parent_id"] == LEJ
    assert "LeJ Al-Alami" in faction["mentions"]
    assert any("Al-Alami faction" in m for m in faction["mentions"])
    assert "LeJ" in actor(doc, LEJ)["mentions"]


def test_al_qaeda_spellings_are_one_actor(doc):
    mentions = set(actor(doc, AQ)["mentions"])
    assert {"al-Qaeda", "Al Qaeda"} <= mentions


def test_pakistani_taliban_is_ttp(doc):
    assert any("Pakistani Taliban" in m for m in actor(doc, TTP)["mentions"])


def test_pakistani_state_actors(doc):
    state_mentions = {m for a in doc["actors"] if state_actor(doc, a["id"]) for m in a["mentions"]}
    for phrase in ("Pakistani authorities", "Pakistan's military", "security forces"):
        assert phrase in state_mentions, (phrase, state_mentions)


def test_ap_and_world_neighbours_are_not_actors(doc):
    names = {m for a in doc["actors"] for m in [a["name"], *a["mentions"]]}
    assert "AP" not in names and "World Neighbours" not in names


# --- Relations ---------------------------------------------------------------------------------


def test_lej_al_alami_worked_with_islamic_state_per_its_spokesman(doc):
    found = [r for r in doc["relations"] if r["type"] == "cooperation" and {r["source_id"], r["target_id"]} == {LEJ_A, IS}]
    assert found, doc["relations"]
    assert found[0]["asserted_by"] == "Ali bin Sufyan"


def test_lej_al_alami_is_faction_of_lej(doc):
    assert has_relation(doc, "faction_of", LEJ_A, LEJ)


def test_lej_affiliated_with_pakistani_taliban(doc):
    assert has_relation(doc, "affiliation", LEJ, TTP, symmetric=True)


def test_pakistani_taliban_pledge_allegiance_to_al_qaeda(doc):
    assert has_relation(doc, "allegiance", TTP, AQ)


def test_al_qaeda_funded_pakistani_taliban_in_early_years(doc):
    assert has_relation(doc, "funding", AQ, TTP)
    funding = [r for r in doc["relations"] if r["type"] == "funding"][0]
    assert "early years" in (funding["period"] or "")


def test_al_qaeda_is_islamic_state_rival(doc):
    assert has_relation(doc, "rivalry", IS, AQ, symmetric=True)


def test_islamic_state_building_links_with_local_outfits_per_analysts(doc):
    found = [r for r in doc["relations"] if r["type"] == "cooperation" and r["source_id"] == IS
             and "local" in r["target_id"]]
    assert found, doc["relations"]
    assert found[0]["asserted_by"] == "analysts"
    assert found[0]["status"] == "hedged"


def test_pakistan_military_action_against_groups_and_islamic_state(doc):
    against = relations(doc, "state_action_against")
    targets = {t for s, t in against if s.startswith("state:PK")}
    assert {LEJ, TTP, AQ, IS} <= targets, against


def test_lej_hostile_to_shia_and_to_pakistani_state(doc):
    hostile = {t for s, t in relations(doc, "hostility") if s == LEJ}
    assert "shia-muslims" in hostile and "state:PK" in hostile, relations(doc, "hostility")


def test_every_relation_is_dated_sourced_and_asserted(doc):
    assert len(doc["relations"]) >= 10
    for relation in doc["relations"]:
        assert relation["date"] == "2016-10-26"
        assert relation["evidence"] and relation["asserted_by"]


# --- Statements --------------------------------------------------------------------------------


def statements_by(doc: dict, speaker_part: str) -> list[dict]:
    return [s for s in doc["statements"] if speaker_part in (s["speaker"] or "")]


def test_ali_bin_sufyan_quoted_directly_as_lej_al_alami_spokesman(doc):
    quotes = [s for s in statements_by(doc, "Ali bin Sufyan") if s["direct"]]
    texts = [q["text"] for q in quotes]
    assert any(t.startswith("Yes, of course") for t in texts), texts
    assert any(t.startswith("We are ready to work with all the groups in Pakistan") for t in texts), texts
    for quote in quotes:
        assert quote["role"] == "spokesman" and quote["organization_id"] == LEJ_A and not quote["anonymous"]


def test_anonymous_security_official_in_quetta(doc):
    quotes = statements_by(doc, "security official")
    texts = [q["text"] for q in quotes]
    assert any(t.startswith("The militant groups including al-Qaeda and Pakistani Taliban") for t in texts)
    assert any(t.startswith("But IS has not nominated any specific group") for t in texts)
    assert all(q["anonymous"] and q["direct"] for q in quotes)


def test_anonymous_militant_source(doc):
    quotes = statements_by(doc, "militant source")
    texts = [q["text"] for q in quotes]
    assert any(t.startswith("Al Qaeda is no longer focused in Pakistan") for t in texts), texts
    assert all(q["anonymous"] for q in quotes)


def test_reported_speech_of_authorities_and_military(doc):
    reported = [s for s in doc["statements"] if not s["direct"]]
    authorities = [s for s in reported if s["speaker"] == "Pakistani authorities"]
    assert authorities and "carried out by the Al-Alami faction" in authorities[0]["text"]
    military = [s for s in reported if s["speaker"] == "Pakistan's military"]
    assert military and "Islamic State group had a presence" in military[0]["text"]
    assert authorities[0]["organization_id"] == "state:PK"


# --- Places ------------------------------------------------------------------------------------


def place(doc: dict, name: str) -> dict:
    found = [p for p in doc["places"] if p["name"] == name]
    assert found, [p["name"] for p in doc["places"]]
    return found[0]


def test_quetta_is_the_incident_place(doc):
    quetta = place(doc, "Quetta")
    assert quetta["role"] == "incident" and quetta["country_code"] == "PK"


def test_islamabad_is_the_dateline_not_the_incident_place(doc, incident):
    assert place(doc, "Islamabad")["role"] == "dateline"
    assert incident["location"]["name"] != "Islamabad"


def test_middle_east_and_yemen_are_only_mentioned(doc):
    assert place(doc, "Yemen")["role"] == "mentioned"
    assert any(p["role"] == "mentioned" and "Middle East" in p["name"] for p in doc["places"])


# --- Provenance and determinism ----------------------------------------------------------------


def all_evidence(doc: dict):
    for incident in doc["incidents"]:
        yield "incident", incident["evidence"]
        for perpetrator in incident["perpetrators"]:
            yield "perpetrator", perpetrator["evidence"]
    for kind in ("actors", "relations", "statements", "places"):
        for record in doc[kind]:
            yield kind, record["evidence"]


def test_every_fact_has_evidence_that_matches_the_text(doc):
    text = doc["article"]["text"]
    for kind, evidence in all_evidence(doc):
        if kind == "actors":
            continue  # an actor present only as a parent has no sentence of its own
        assert evidence, kind
        for item in evidence:
            assert text[item["start"] : item["end"]] == item["text"], (kind, item)


def test_every_fact_has_a_confidence(doc):
    for kind in ("incidents", "actors", "relations", "statements", "places"):
        for record in doc[kind]:
            assert 0 <= record["confidence"] <= 1


def test_same_input_gives_same_output(doc):
    again = run_cli("extract", str(SAMPLE), "--format", "json")
    assert json.loads(again.stdout) == doc
