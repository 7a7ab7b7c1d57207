"""Extraction rules on short texts written for the purpose: what must and must not be read."""

import pytest

import sitrep

PUBLISHED = "Published Mar 12, 2017, 2:00 pm PKT\n\n"


def extract(body: str):
    return sitrep.extract("Test story\n\n" + PUBLISHED + body)


def relation_types(doc) -> set[tuple[str, str, str, str]]:
    return {(r.source_id, r.type, r.target_id, r.status) for r in doc.relations}


def test_denied_links_are_negated_not_dropped():
    doc = extract("Lashkar-e-Taiba denied any links with al-Qaeda, a spokesman said.")
    assert ("lashkar-e-taiba", "cooperation", "al-qaeda", "negated") in relation_types(doc) or \
        any(r.status == "negated" for r in doc.relations)


def test_hedged_relation():
    doc = extract("Boko Haram is believed to have pledged allegiance to the Islamic State.")
    assert ("boko-haram", "allegiance", "islamic-state", "hedged") in relation_types(doc)


def test_splinter_group():
    doc = extract("Jamaat-ul-Ahrar, a splinter group of the Tehreek-e-Taliban Pakistan, claimed the bombing in Lahore.")
    assert any(r.type == "splinter" and r.source_id == "jamaat-ul-ahrar" for r in doc.relations)


def test_pronoun_speaker_continues_the_previous_speaker():
    doc = extract('"We will retaliate," said Ahmed Khan, a police chief in Peshawar. "They cannot hide," he said.')
    speakers = [s.speaker for s in doc.statements]
    assert speakers == ["Ahmed Khan", "Ahmed Khan"]
    assert all(s.direct and not s.anonymous for s in doc.statements)


def test_anonymous_official():
    doc = extract('"Twelve soldiers were killed," a military official said on condition of anonymity.')
    assert doc.statements and doc.statements[0].anonymous


def test_generic_attacks_are_not_incidents():
    doc = extract("The army has prevented militants from carrying out major attacks in recent years.")
    assert doc.incidents == []


def test_claim_and_attribution_stay_apart():
    doc = extract("Gunmen attacked a checkpoint in Peshawar on Saturday, killing four soldiers. "
                  "The Pakistani Taliban claimed responsibility. Police blamed Lashkar-e-Islam for the attack.")
    assert len(doc.incidents) == 1
    incident = doc.incidents[0]
    bases = {(p.actor_id, p.basis) for p in incident.perpetrators}
    assert ("tehrik-i-taliban-pakistan", "claimed") in bases
    assert ("lashkar-e-islam", "attributed") in bases
    assert incident.date.start.isoformat() == "2017-03-11" and incident.date.precision == "day"
    assert incident.location.name == "Peshawar"
    assert (incident.fatalities.min, incident.fatalities.max) == (4, 4)
    assert incident.targets[0].type == "military"


def test_separate_attack_is_a_second_incident():
    doc = extract("A bomb exploded at a market in Quetta on Friday, killing 12 people. "
                  "In a separate attack in Peshawar on Saturday, gunmen shot dead two policemen.")
    assert [i.location.name for i in doc.incidents] == ["Quetta", "Peshawar"]


def test_unknown_group_is_kept_unregistered():
    doc = extract("The Free Highlands Liberation Front claimed the bombing of a bus in Quetta on Monday.")
    new = [a for a in doc.actors if not a.registered]
    assert new and "Free Highlands Liberation Front" in new[0].name


def test_library_accepts_text_and_path(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Gunmen attacked a police station in Quetta on Monday, killing three policemen.", encoding="utf-8")
    from_path = sitrep.extract(path)
    from_text = sitrep.extract(path.read_text(encoding="utf-8") + "\n")
    assert from_path.incidents and from_text.incidents


def test_library_raises_coded_error_on_empty_text():
    with pytest.raises(sitrep.SitrepError) as error:
        sitrep.extract("   \n  ")
    assert error.value.code == "E104"


@pytest.mark.parametrize("text", [
    "Bomb attack in Quetta on Monday.",
    "Deadly raid on police post near Peshawar on Friday night",
    "Its leaders, the attack, Monday.",
])
def test_verbless_sentences_finish(text):
    """Walking up a parse with no verb must stop at the root (a Token is a new object on each access)."""
    assert isinstance(extract(text), sitrep.Document)


def test_clause_walk_stops_at_a_verbless_root():
    from sitrep.extract.context import _governing_subject
    from sitrep.extract.incidents import _clause_verb
    from sitrep.nlp import load_nlp

    doc = load_nlp()("Attack on the police post near the bridge")
    assert all(t.pos_ not in {"VERB", "AUX"} for t in doc)
    assert _clause_verb(doc[-1]) is None
    assert _governing_subject(doc[-1]) is None
