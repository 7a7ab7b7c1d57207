"""Fusion of incident reports across articles, and its scorer."""

import datetime as dt

import pytest

from sitrep.evaluate.fusion import bcubed_f1, pairwise
from sitrep.fusion import DAY_POINTS, Fuser, Report, match_parts
from sitrep.model import Count, DateRange, Incident, Location, Perpetrator

QUETTA = Location(name="Quetta", admin1="Balochistan", country_code="PK", lat=30.18, lon=66.98, precision="city")
PESHAWAR = Location(name="Peshawar", admin1="Khyber Pakhtunkhwa", country_code="PK", lat=34.01, lon=71.58,
                    precision="city")


def report(report_id, *, article=None, day=dt.date(2016, 10, 24), published=None, place=QUETTA, kind="armed_assault",
           killed=None, text="Gunmen attacked a police training college in Quetta", perpetrators=()):
    incident = Incident(
        id=report_id, type=kind, date=DateRange(start=day, end=day, precision="day"), location=place,
        fatalities=Count(min=killed, max=killed, qualifier="exact") if killed is not None else None,
        perpetrators=[Perpetrator(actor_id=a, name=a, basis=basis, evidence=[], confidence=0.8)
                      for a, basis in perpetrators],
        evidence=[], confidence=0.8)
    return Report(id=report_id, article_id=article or report_id, incident=incident,
                  published=published or day, text=text)


def test_two_reports_of_one_attack_fuse():
    fuser = Fuser()
    first = fuser.add(report("a", killed=59))
    second = fuser.add(report("b", killed=61, published=dt.date(2016, 10, 25),
                              text="Militants stormed the police college in Quetta, killing 61 cadets"))
    assert not first.joined and second.joined
    assert second.incident_id == first.incident_id
    assert second.parts["place"] > 0 and second.parts["day"] == DAY_POINTS[0]


def test_reports_of_different_provinces_stay_apart():
    fuser = Fuser()
    fuser.add(report("a"))
    decision = fuser.add(report("b", place=PESHAWAR, text="Gunmen attacked a police station in Peshawar"))
    assert not decision.joined
    assert decision.parts["place"] < 0


def test_an_article_never_fuses_with_itself():
    fuser = Fuser()
    fuser.add(report("a", article="one"))
    assert not fuser.add(report("b", article="one")).joined


def test_days_far_apart_are_never_compared():
    fuser = Fuser()
    fuser.add(report("a"))
    decision = fuser.add(report("b", day=dt.date(2016, 11, 2)))
    assert not decision.joined and decision.compared_with is None


def test_a_protest_over_a_killing_is_no_evidence_against_the_killing():
    # Conflict data files the protests over a killing with it; shared words decide.
    parts = match_parts(report("a", kind="protest", text="Weavers block highway over killing of seven weavers"),
                        report("b", kind="armed_assault", text="Gunmen kill seven weavers in Quetta"))
    assert parts["class"] == 0


def test_victims_and_militants_killed_are_evidence_of_two_incidents():
    a = report("a", killed=4, text="Gunmen kill four at shrine")
    b = report("b", text="Five militants killed in raid")
    b = Report(id="b", article_id="b", published=b.published, text=b.text,
               incident=b.incident.model_copy(update={"perpetrator_fatalities": Count(min=5, max=5,
                                                                                      qualifier="exact")}))
    assert match_parts(a, b)["dead"] < 0


def test_fire_across_a_border_is_evidence_against_violence_inside_the_country():
    border = report("a", place=None, text="Two villagers killed in shelling across the LoC")
    inside = report("b", place=None, text="Bomb kills four near police station")
    assert match_parts(border, inside)["front"] < 0
    other_side = report("c", place=None, text="India says Pakistani firing kills soldier")
    assert "front" not in match_parts(border, other_side)
    # a state summoning its neighbour's envoy over deaths blames the neighbour's forces
    summons = report("d", kind="strategic_development", place=None,
                     text="Nepal summons Chinese ambassador over herders' deaths")
    assert match_parts(summons, inside)["front"] < 0 and "front" not in match_parts(summons, border)


def test_a_reaction_the_next_day_follows_the_attack():
    attack = report("a", text="Gunmen kill twelve miners in Quetta")
    claim = report("b", day=dt.date(2016, 10, 25), text="Hill Front claims responsibility for miners' killing")
    assert match_parts(claim, attack)["follow_up"] > 0
    # an attack the day after a reaction is no follow-up of it
    attack_later = report("c", day=dt.date(2016, 10, 25), text="Gunmen kill twelve miners in Quetta")
    earlier_claim = report("d", text="Hill Front claims responsibility for miners' killing")
    assert "follow_up" not in match_parts(attack_later, earlier_claim)


def test_two_days_apart_only_what_followed_joins():
    strike = report("a", kind="air_strike", place=None, text="Jets kill fourteen militants in tribal district")
    again = report("b", kind="air_strike", place=None, day=dt.date(2016, 10, 26),
                   text="Jets kill eleven militants in tribal district")
    assert match_parts(again, strike)["day"] < DAY_POINTS[2]
    fuser = Fuser()
    fuser.add(strike)
    assert not fuser.add(again).joined
    # a reaction two days on keeps the day's own points
    funeral = report("c", place=None, day=dt.date(2016, 10, 26), text="Villagers bury fourteen killed by jets")
    assert match_parts(funeral, strike)["day"] == DAY_POINTS[2]


def test_tolls_far_apart_speak_against_one_incident():
    one = report("a", place=None, killed=1, text="Gunmen kill tailor")
    three = report("b", place=None, killed=3, text="Gunmen kill three")
    fifty = report("c", place=None, killed=50, text="Over fifty killed in fighting")
    assert match_parts(one, report("d", place=None, killed=2))["toll"] == 0
    assert match_parts(one, three)["toll"] < 0
    # a figure more than four times another is stronger evidence than a rising toll's doubling
    assert match_parts(one, fifty)["toll"] < match_parts(one, three)["toll"]


def test_a_bombing_and_an_air_strike_are_two_incidents():
    bombing = report("a", kind="bombing", place=None, text="Bomb kills five at bus stand")
    strike = report("b", kind="air_strike", place=None, text="Jets kill five in raids on hideouts")
    assert match_parts(bombing, strike)["mode"] < 0
    # a clash told as firing by one report is no other mode
    clash = report("c", kind="armed_clash", place=None, text="Five killed in clash with police")
    assert "mode" not in match_parts(clash, report("d", kind="armed_assault", place=None, text="Police firing kills five"))


def test_each_shared_rare_word_counts_on_its_own():
    a = report("a", text="Gunmen kill weavers in Mach")
    b = report("b", text="Weavers' bodies reach Mach")
    rarity = {"mach": 6.0, "weaver": 6.0}.get
    parts = match_parts(a, b, rarity=lambda word: rarity(word) or 1.0)
    assert parts["rare_words"] > 0


def test_consolidation_keeps_every_value_and_says_which_rule_chose():
    fuser = Fuser()
    fuser.add(report("a", killed=15, published=dt.date(2016, 10, 24), perpetrators=[("islamic-state", "claimed")]))
    decision = fuser.add(report("b", killed=22, published=dt.date(2016, 10, 25),
                                perpetrators=[("lashkar-e-jhangvi-al-alami", "claimed")]))
    fused = fuser.incidents[decision.incident_id].consolidate()
    assert fused["fatalities"].value.min == 22  # the latest report
    assert fused["fatalities"].conflicting
    assert {v.min for v in fused["fatalities"].values.values()} == {15, 22}
    assert "latest" in fused["fatalities"].rule
    # Competing claims stay side by side.
    assert {p.actor_id for p in fused["perpetrators"].value} == {"islamic-state", "lashkar-e-jhangvi-al-alami"}


def test_same_reports_same_order_same_incidents():
    def run():
        fuser = Fuser()
        return [fuser.add(report(i, killed=3)).incident_id for i in "abc"]
    assert run() == run()


@pytest.mark.parametrize("predicted, gold, expected", [
    (["x", "x", "y"], ["1", "1", "2"], 1.0),  # perfect
    (["x", "y", "z"], ["1", "1", "2"], 0.0),  # nothing merged: no pair right
    (["x", "x", "x"], ["1", "1", "2"], 0.5),  # P 1/3, R 1/1
])
def test_pairwise_f1(predicted, gold, expected):
    assert pairwise(predicted, gold)["pairwise_f1"] == expected


def test_bcubed_of_never_merging():
    # Singletons: precision 1; recall 1/2, 1/2, 1 -> 2/3; F1 0.8.
    assert bcubed_f1(["x", "y", "z"], ["1", "1", "2"]) == 0.8


def test_fusion_bench_runs_on_a_small_corpus():
    import json

    from typer.testing import CliRunner

    from sitrep.cli import app

    result = CliRunner().invoke(app, ["bench", "fusion", "-n", "300", "--json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    # About two reports per synthetic event, so fusion must merge many of them.
    assert row["reports"] == 300 and 100 <= row["incidents"] < 300


KASHMIR_IN = Location(name="Jammu and Kashmir", admin1="Jammu and Kashmir", country_code="IN", lat=34.0, lon=75.0,
                      precision="admin1")
KASHMIR_PK = Location(name="Azad Kashmir", admin1="Azad Kashmir", country_code="PK", lat=34.3, lon=73.5,
                      precision="admin1")


def test_kashmir_placed_in_either_country_is_one_region():
    a = report("a", place=KASHMIR_IN, text="Shelling across the line kills two")
    b = report("b", place=KASHMIR_PK, text="Two killed as shelling resumes")
    assert a.country is None and b.country is None  # blocks with both countries
    assert match_parts(a, b)["place"] > 0


def test_rare_shared_words_count_more_than_common_ones():
    a = report("a", text="Gunmen kill miners in Mach")
    b = report("b", text="Miners killed in Mach")
    rarity = {"mach": 5.0, "miner": 5.0}.get
    plain = match_parts(a, b)["words"]
    weighted = match_parts(a, b, rarity=lambda word: rarity(word) or 1.0)["words"]
    assert weighted > plain


def test_attackers_killed_are_consolidated_beside_victims():
    fuser = Fuser()
    first = report("a", killed=3)
    fuser.add(first)
    fields = next(iter(fuser.incidents.values())).consolidate()
    assert "perpetrator_fatalities" in fields and fields["fatalities"].value.min == 3


def test_a_report_added_twice_stays_one_report_of_one_incident():
    fuser = Fuser()
    first = fuser.add(report("a", killed=3))
    again = fuser.add(report("a", killed=3))
    assert again == first
    assert [r.id for r in fuser.incidents[first.incident_id].reports] == ["a"]


def test_the_same_dead_told_as_victims_and_as_militants_are_not_counted_twice():
    fuser = Fuser()
    fuser.add(report("a", killed=12, text="Twelve killed in raid on hideout"))
    b = report("b", published=dt.date(2016, 10, 25), text="Troops kill 12 militants in raid on hideout")
    b = Report(id="b", article_id="b", published=b.published, text=b.text,
               incident=b.incident.model_copy(update={"perpetrator_fatalities": Count(min=12, max=12,
                                                                                      qualifier="exact")}))
    decision = fuser.add(b)
    fields = fuser.incidents[decision.incident_id].consolidate()
    assert fields["perpetrator_fatalities"].value.min == 12 and fields["fatalities"].value is None
