"""Who attacked, what was hit, who was killed or hurt: role rules on short texts written for the purpose."""

import sitrep

PUBLISHED = "Published Mar 12, 2017, 2:00 pm PKT\n\n"


def incident(body: str, published: str = PUBLISHED):
    doc = sitrep.extract("Test story\n\n" + published + body)
    assert len(doc.incidents) == 1, doc.incidents
    return doc.incidents[0]


def target_names(found) -> list[str]:
    return [name for t in found.targets for name in (t.name, *t.mentions)]


def test_an_unnamed_attacker_is_named_as_the_text_describes_him():
    found = incident("A suicide bomber blew himself up at a checkpoint in Kabul on Monday, killing six soldiers.")
    assert found.attackers == ["A suicide bomber"]
    assert found.perpetrators == []


def test_victims_keep_their_figure_and_passive_and_dying_subjects_count():
    found = incident("A roadside bomb exploded near a police convoy in Kandahar on Tuesday. A police commander was "
                     "killed and three officers were wounded. The driver died later in hospital.")
    names = target_names(found)
    assert {"a police convoy", "A police commander", "three officers", "The driver"} <= set(names)


def test_attackers_killed_are_neither_victims_nor_is_their_killer_an_attacker():
    found = incident("Gunmen stormed a hotel in Mogadishu on Friday, killing 12 guests. "
                     "Three gunmen were killed by security forces.")
    assert found.attackers == ["Gunmen"]
    names = target_names(found)
    assert "a hotel" in names and "12 guests" in names
    assert not any("gunmen" in n.lower() for n in names)


def test_whom_an_attack_is_blamed_on_is_no_target():
    found = incident("A bomb exploded in a market in Lahore on Sunday, killing four people. "
                     "Officials blamed the attack on separatists.")
    assert target_names(found) == ["four people"]


def test_what_an_explosion_shattered_is_a_target_when_it_has_a_name():
    found = incident("The Federal Building in Lagos was shattered by an explosion on Monday, killing 20 people.")
    assert "Federal Building" in target_names(found)


def test_accepting_responsibility_is_a_claim():
    found = incident("A car bomb exploded at a checkpoint in Mogadishu on Monday, killing nine people. "
                     "Al-Shabaab later accepted responsibility for the bombing.")
    assert ("al-shabaab", "claimed") in {(p.actor_id, p.basis) for p in found.perpetrators}
    assert "Al-Shabaab" in found.attackers


def test_a_group_saying_it_carried_out_the_attack_claims_it():
    found = incident("A roadside bomb killed nine policemen at a checkpoint in Kabul on Sunday, officials said. "
                     "The Islamic State group said it carried out the bombing.")
    assert ("islamic-state", "claimed") in {(p.actor_id, p.basis) for p in found.perpetrators}


def test_an_overnight_raid_happened_the_night_before_publication():
    found = incident("Fighters killed 30 villagers in an overnight raid on a village near Maiduguri, residents said "
                     "on Tuesday.", published="Published Feb 20, 2018, 9:00 am WAT\n\n")
    assert (found.date.start.isoformat(), found.date.end.isoformat(), found.date.precision) == \
        ("2018-02-19", "2018-02-20", "range")


def test_a_headline_figure_is_not_a_target_beside_the_victims_it_counts():
    found = sitrep.extract("Bomb kills 7 at Kabul checkpoint\n\n" + PUBLISHED + "A roadside bomb exploded near a "
                           "police checkpoint in Kabul on Sunday, killing seven policemen, officials said.").incidents[0]
    names = target_names(found)
    assert "seven policemen" in names and "7" not in names


def test_a_grievance_names_no_victims_but_an_assassination_does():
    found = incident("Gunmen opened fire on a bus in Quetta on Monday. The gunmen said the attack was revenge for "
                     "the killing of Muslims. The assassination of the governor last year was also avenged, they said.")
    names = target_names(found)
    assert "a bus" in names and "the governor" in names
    assert "Muslims" not in names


def test_people_dead_are_victims():
    found = incident("Nine people were dead after a blast at a mosque in Peshawar on Friday.")
    assert {"a mosque", "Nine people"} <= set(target_names(found))


def test_offensives_in_general_name_no_attacker():
    found = incident("The army has carried out offensives against militants in the region, and a bomb exploded "
                     "in Quetta on Friday, killing two people.")
    assert found.attackers == []


def test_a_denial_stands_beside_the_accusation_and_is_no_perpetrator():
    found = incident("A bomb exploded in a market in Kabul on Monday, killing nine people. Officials blamed the "
                     "Islamic State group. The Taliban denied any involvement in the attack.")
    assert {(p.actor_id, p.basis) for p in found.perpetrators} == {("islamic-state", "attributed")}
    assert [(d.actor_id, d.evidence[0].text) for d in found.denials] == [
        ("taliban", "The Taliban denied any involvement in the attack.")]


def test_a_group_that_did_not_deny_it_denied_nothing():
    found = incident("Gunmen attacked a checkpoint in Quetta on Monday, killing four policemen. "
                     "Lashkar-e-Jhangvi did not deny involvement, and al-Shabaab has rejected responsibility.")
    assert [d.actor_id for d in found.denials] == ["al-shabaab"]
