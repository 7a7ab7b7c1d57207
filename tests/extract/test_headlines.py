"""Headlines: one short line in headline grammar yields its incident, type and toll; a line with no event yields none."""

import pytest

import sitrep
from sitrep.nlp import parse_text


def first(text: str):
    doc = sitrep.extract(text)
    return doc.incidents[0] if doc.incidents else None


@pytest.mark.parametrize("text, toll", [
    ("Gunmen kill shopkeeper in northern town", 1),
    ("Firing kills four near border post", 4),
    ("Blast toll rises to 31", 31),
])
def test_present_tense_headlines_report_their_event_and_toll(text, toll):
    incident = first(text)
    assert incident is not None and incident.fatalities is not None and incident.fatalities.min == toll


def test_militants_who_die_in_a_headline_are_attackers_killed():
    incident = first("Nine rebels die in renewed infighting")
    assert incident is not None and incident.perpetrator_fatalities.min == 9


@pytest.mark.parametrize("text", ["Weekly summary of regional news 1200 gmt 3 May", "Drone Wars: A Primer"])
def test_lines_without_an_event_yield_nothing(text):
    assert first(text) is None


def test_one_line_prose_keeps_prose_rules():
    incident = first("Lawyers protested in the town over the killing of a colleague.")
    assert incident.type == "protest" and incident.fatalities is None


@pytest.mark.parametrize(("text", "parsed", "count", "dead"), [
    # all capitals: sentence case
    ("ROCKET FIRE KILLS TWO IN BORDER VILLAGE", "Rocket fire kills two in border village", "fatalities", 2),
    # Title Case: the ordinary words in lower case, names kept
    ("U.S. Drone Strike Near Miranpur Kills At Least 9 Fighters", "U.S. drone strike near Miranpur kills at least 9 fighters",
     "perpetrator_fatalities", 9),
])
def test_a_capitalised_headline_is_parsed_in_sentence_case_but_evidence_keeps_the_text(text, parsed, count, dead):
    assert parse_text(text) == parsed
    incident = first(text)
    assert getattr(incident, count).min == dead
    assert incident.evidence[0].text == text


def test_a_hyphenated_title_case_word_keeps_its_case():
    assert parse_text("Ex-Commander Of Hill Front Dies In Raid") == "Ex-Commander of Hill Front dies in raid"


def test_a_country_whose_drone_struck_is_not_the_place():
    incident = first("US drone strike kills three in mountain village")
    assert incident is not None and (incident.location is None or incident.location.country_code != "US")


@pytest.mark.parametrize("text", ["Notable incidents of militant violence in Punjab - 2011",
                                  "Bomb attacks on churches in the region, 1999-2008",
                                  "Clashes along Afghan frontier: March 2012 review"])
def test_a_headline_dated_by_a_year_or_month_is_a_digest_not_an_event(text):
    assert first(text) is None


def test_a_headline_dated_to_a_day_still_reports_its_event():
    assert first("Gunmen kill two traders in the market on 3 March 2012") is not None


@pytest.mark.parametrize("text", ["(Updating toll)", "(Adds death toll, details)"])
def test_an_editors_note_in_brackets_is_no_headline(text):
    assert first(text) is None


@pytest.mark.parametrize("text, toll", [
    ("Shootout leaves three dead near border town", 3),  # the capitalised first noun is still a trigger
    ("Guard killed in raid on bank", 1),  # headline passive without its auxiliary: one victim
    ("Roadside blasts kill 6 in southern province", 6),  # plural subject: the bare "kill"
])
def test_headline_grammar_tolls(text, toll):
    incident = first(text)
    assert incident is not None and incident.fatalities is not None and incident.fatalities.min == toll


def test_police_gun_down_militants_is_an_event_with_attackers_killed():
    incident = first("Police gun down 5 militants in Lahore")
    assert incident is not None and incident.perpetrator_fatalities.min == 5


def test_plural_victims_without_a_figure_stay_without_one():
    incident = first("Guards killed in raid on bank")
    assert incident is not None and incident.fatalities is None


@pytest.mark.parametrize("text, toll", [
    ("Seven dead as troops hit hideouts", 7),
    ("Cop killed in grenade attack on checkpoint", 1),
    ("Rocket attack kills civilian near border", 1),  # the tagger reads "civilian" as an adjective
    ("20 killed in bus blast", 20),  # no capital letter after the figure: still read by the headline rules
])
def test_more_headline_tolls(text, toll):
    incident = first(text)
    assert incident is not None and incident.fatalities is not None and incident.fatalities.min == toll


def test_a_comma_splice_keeps_its_first_clause_real():
    incident = first("12 killed, bank robbery foiled")
    assert incident is not None and incident.fatalities.min == 12


def test_what_is_no_person_killed_gives_no_toll():
    doc = sitrep.extract("A soldier and a villager were injured and livestock killed in shelling on Friday.")
    assert all(i.fatalities is None for i in doc.incidents)


@pytest.mark.parametrize("text, victims, armed", [
    ("Two guards, five gunmen killed in bank raid", 2, 5),
    ("Police officer, three rebels killed in ambush", 1, 3),
    ("Fighting leaves 4 soldiers, 12 insurgents dead", 4, 12),
])
def test_a_headline_comma_list_of_the_dead_is_summed(text, victims, armed):
    incident = first(text)
    assert incident is not None
    assert incident.fatalities is not None and incident.fatalities.min == victims
    assert incident.perpetrator_fatalities is not None and incident.perpetrator_fatalities.min == armed


def test_an_envoy_summoned_over_deaths_is_a_diplomatic_move_without_their_toll():
    incident = first("Government summons neighbour's envoy over three villagers' deaths")
    assert incident is not None and incident.type == "strategic_development" and incident.fatalities is None
    assert first("Court summons minister over graft case") is None


def test_an_attack_only_planned_stays_unreal():
    assert first("Rebels plan attack on power plant") is None


def test_a_claim_of_responsibility_alone_tells_of_an_attack_by_its_claimant():
    incident = first("Outpost falls to gunmen, Hill Front claims responsibility")
    assert incident is not None
    assert [(p.name, p.basis) for p in incident.perpetrators] == [("Hill Front", "claimed")]


@pytest.mark.parametrize("text, kind", [
    # a trigger after a preposition that the tagger reads as a verb
    ("Farmer's death in Indian firing near border post", "armed_assault"),
    # a headline verb the tagger reads as a noun
    ("Gunmen storm college in Quetta", "armed_assault"),
    ("Militants attack checkpost in Swat", "attack"),
    # troops exchanging or trading fire, however the verb is tagged
    ("Rival troops exchange mortar and rifle fire across frontier", "armed_clash"),
    ("Two armies exchange heavy fire along frontier", "armed_clash"),
    ("Rival forces trade fire and threats near pass", "armed_clash"),
    # a claim of bombs is a bombing
    ("Separatist group claims market bombs", "bombing"),
    # an event claimed or with doers is real whatever the clause asks
    ("Ministry seeks report on teacher's killing claimed by rebels", "attack"),
    ("Envoy urges police to punish bazaar blast attackers", "bombing"),
    # a drone hit is an air strike, however the tagger reads "hit"
    ("Minister briefed on drone hit near border village", "air_strike"),
    ("Drones hit militant hideouts", "air_strike"),
])
def test_the_event_a_headline_reports(text, kind):
    incident = first(text)
    assert incident is not None and incident.type == kind
