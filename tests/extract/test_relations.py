"""Relations between organisations on short texts written for the purpose: the hard cases.

Group names below are invented ("Free Valley Front", "Mountain Lions Brigade") unless the
case is about the registry, so what is tested is how an unknown group is found, not what
the registry holds.
"""

import pytest

import sitrep

PUBLISHED = "Published Mar 12, 2017, 2:00 pm PKT\n\n"


def extract(body: str):
    return sitrep.extract("Test story\n\n" + PUBLISHED + body)


def actor(doc, name: str):
    found = [a for a in doc.actors if a.name == name or name in a.mentions]
    assert found, [(a.id, a.name, a.mentions) for a in doc.actors]
    return found[0]


def relations(doc) -> set[tuple[str, str, str, str]]:
    return {(r.source_id, r.type, r.target_id, r.status) for r in doc.relations}


def related(doc, a: str, b: str, type_: str) -> list:
    return [r for r in doc.relations if r.type == type_ and {r.source_id, r.target_id} == {a, b}]


def test_unknown_groups_are_found_and_kept_unregistered():
    doc = extract("The Mountain Lions Brigade and the Free Valley Front worked together against government "
                  "forces in 2005.")
    lions, valley = actor(doc, "Mountain Lions Brigade"), actor(doc, "Free Valley Front")
    assert not lions.registered and not valley.registered
    assert lions.kind == valley.kind == "armed_group"
    assert related(doc, lions.id, valley.id, "cooperation")


def test_acronym_in_brackets_names_the_same_group_later():
    doc = extract("The Free Highlands Liberation Army (FHLA) was founded in 2003. "
                  "In 2007 the FHLA clashed with the Northern Resistance Brigade near the border.")
    fhla = actor(doc, "Free Highlands Liberation Army")
    assert "FHLA" in fhla.aliases and "FHLA" in fhla.mentions
    northern = actor(doc, "Northern Resistance Brigade")
    found = related(doc, fhla.id, northern.id, "rivalry")
    assert found and found[0].status == "asserted"


def test_alias_variants_of_a_registered_group_are_one_actor():
    doc = extract("Lashkar-e-Taiba (LeT) denied the report. Analysts say the Mountain Lions Brigade fought "
                  "alongside LeT in Kashmir.")
    lions = actor(doc, "Mountain Lions Brigade")
    assert related(doc, lions.id, "lashkar-e-taiba", "cooperation")
    assert {a.id for a in doc.actors if "LeT" in a.mentions} == {"lashkar-e-taiba"}


def test_denied_links_are_negated():
    doc = extract("The Eastern Hawks Brigade denied any links with al-Qaeda.")
    hawks = actor(doc, "Eastern Hawks Brigade")
    found = [r for r in doc.relations if {r.source_id, r.target_id} == {hawks.id, "al-qaeda"}]
    assert found and all(r.status == "negated" for r in found)


def test_believed_to_be_an_affiliate_is_hedged():
    doc = extract("The Desert Lions Front is believed to be an affiliate of al-Qaeda in the Islamic Maghreb.")
    desert = actor(doc, "Desert Lions Front")
    found = related(doc, desert.id, "al-qaeda-in-the-islamic-maghreb", "affiliation")
    assert found and found[0].status == "hedged"


@pytest.mark.parametrize("text", [
    "The Northern Lions Brigade split from the Free Valley Front in 2014.",
    "The Northern Lions Brigade, a splinter group of the Free Valley Front, claimed the attack.",
    "In 2016 members of the Free Valley Front broke away from the group to form the Northern Lions Brigade.",
])
def test_splinter_points_from_the_splinter_to_the_group_it_left(text):
    doc = extract(text)
    child, parent = actor(doc, "Northern Lions Brigade"), actor(doc, "Free Valley Front")
    splinters = [(r.source_id, r.target_id) for r in doc.relations if r.type == "splinter"]
    assert splinters == [(child.id, parent.id)]
    assert all(r.directed for r in doc.relations if r.type == "splinter")


def test_faction_is_not_its_parent():
    doc = extract("Militants from the Al-Alami faction of Lashkar-e-Jhangvi attacked a police post in Quetta.")
    assert ("lashkar-e-jhangvi-al-alami", "faction_of", "lashkar-e-jhangvi", "asserted") in relations(doc)
    assert all(r.source_id != r.target_id for r in doc.relations)


def test_a_longer_name_holding_a_registered_one_is_another_group():
    doc = extract("Hamas Iraq broke away from the 1920s Revolution Brigades in 2007.")
    child, parent = actor(doc, "Hamas Iraq"), actor(doc, "1920s Revolution Brigades")
    assert child.id != "hamas" and not child.registered
    assert ("splinter", child.id, parent.id) in {(r.type, r.source_id, r.target_id) for r in doc.relations}
    assert "hamas" not in {a.id for a in doc.actors}


def test_merger_to_form_a_new_group_relates_every_pair():
    doc = extract("The Eastern Hawks Brigade and the Desert Lions Front merged in 2012 to form the Free Valley Army.")
    ids = [actor(doc, name).id for name in ("Eastern Hawks Brigade", "Desert Lions Front", "Free Valley Army")]
    for a, b in ((0, 1), (0, 2), (1, 2)):
        assert related(doc, ids[a], ids[b], "merger"), (ids[a], ids[b], relations(doc))
    assert all(not r.directed for r in doc.relations if r.type == "merger")


def test_both_groups_refers_to_the_two_named_before():
    doc = extract("The Mountain Lions Brigade and the Free Valley Front clashed in 1997. "
                  "Both groups later signed a truce.")
    lions, valley = actor(doc, "Mountain Lions Brigade"), actor(doc, "Free Valley Front")
    assert related(doc, lions.id, valley.id, "rivalry")
    assert related(doc, lions.id, valley.id, "cooperation")


def test_groups_that_cooperated_with_one_another_are_all_related():
    doc = extract("The Mountain Lions Brigade, the Free Valley Front and the Eastern Hawks Brigade cooperated "
                  "with one another to retake the town.")
    ids = [actor(doc, name).id for name in ("Mountain Lions Brigade", "Free Valley Front", "Eastern Hawks Brigade")]
    assert all(related(doc, a, b, "cooperation") for a, b in ((ids[0], ids[1]), (ids[0], ids[2]), (ids[1], ids[2])))


def test_the_parse_subject_not_the_nearest_name_is_the_source():
    doc = extract("The Northern Lions Brigade, composed mainly of former members of the Free Valley Front, "
                  "clashed with the Eastern Hawks Brigade.")
    lions, hawks = actor(doc, "Northern Lions Brigade"), actor(doc, "Eastern Hawks Brigade")
    assert related(doc, lions.id, hawks.id, "rivalry")
    valley = actor(doc, "Free Valley Front")
    assert not related(doc, valley.id, hawks.id, "rivalry")


def test_fallback_reads_cue_words_when_no_pattern_relates_two_groups():
    doc = extract("Tensions between commanders ran high. The Mountain Lions Brigade and the Free Valley Front "
                  "are old enemies, and their feud in the north is bloody.")
    lions, valley = actor(doc, "Mountain Lions Brigade"), actor(doc, "Free Valley Front")
    found = related(doc, lions.id, valley.id, "rivalry")
    assert found


def test_a_state_force_in_a_title_case_headline_is_not_a_group():
    doc = sitrep.extract("Army Base Attacked By Gunmen In North Waziristan\n\n" + PUBLISHED
                         + "Gunmen attacked an army base in North Waziristan on Monday.")
    assert not [a for a in doc.actors if not a.registered and "Army" in a.name]
