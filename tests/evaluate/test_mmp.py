"""The MMP relations scorer: names resolved to a group list, triples, accuracy, and a run end to end.

Every row and group here is written for the test; none comes from the benchmark.
"""

import json

import pytest

from sitrep.evaluate.mmp import (
    GroupList,
    evaluate,
    evidence_pools,
    initials,
    predicted_triples,
    row_type,
    triple,
)
from sitrep.model import Actor, Article, Document, Evidence, Relation

GROUPS = [
    "Islamic Army in Iraq", "The Islamic State", "Lashkar-e-Taiba", "Jaysh Rijal al-Tariqa al-Naqshbandia (JRTN)",
    "Hay'at Tahrir al-Sham (Formerly Jabhat al-Nusra)", "Al-Nusra", "Islamic Front", "The Islamic Front",
    "Kata\x92ib Hezbollah", "Free Valley Front", "Mountain Lions Brigade", "Northern Lions Brigade",
    "Riyadus-Salikhin Reconnaissance and Sabotage Brigade",
]


@pytest.fixture(scope="module")
def groups() -> GroupList:
    return GroupList(GROUPS)


def actor(actor_id: str, name: str, *mentions: str, aliases=()) -> Actor:
    return Actor(id=actor_id, name=name, kind="armed_group", mentions=list(mentions), aliases=list(aliases))


@pytest.mark.parametrize("name, mentions, expected", [
    ("IAI", ["IAI"], "islamic army in iraq"),  # an acronym that spells a listed name
    ("Lashkar-e-Tayyiba", ["LeT"], "lashkar e taiba"),  # initials with a particle
    ("JRTN", ["JRTN"], "jaysh rijal al tariqa al naqshbandia jrtn"),  # the acronym the list gives in brackets
    ("Nusra Front", ["Jabhat al-Nusra"], "hayat tahrir al sham formerly jabhat al nusra"),  # a former name
    ("Nusra Front", ["al-Nusra"], "al nusra"),  # the article's own name wins when the list has it
    ("Islamic State", ["IS", "Islamic State"], "islamic state"),  # a leading "The" does not count
    ("Kata'ib Hezbollah", ["Kata'ib Hezbollah"], "kataib hezbollah"),  # a Windows-1252 apostrophe in the list
    ("Riyadus-Salikhin", ["Riyadus-Salikhin"], "riyadus salikhin reconnaissance and sabotage brigade"),
    ("Free Highlands Liberation Army", ["Free Highlands Liberation Army"], None),  # not listed
])
def test_names_resolve_to_the_group_list(groups, name, mentions, expected):
    assert groups.resolve(actor("x", name, *mentions)) == expected


def test_names_differing_by_a_leading_the_are_one_group(groups):
    assert groups.key("The Islamic Front") == groups.key("Islamic Front") == "islamic front"


def test_ambiguous_acronym_takes_the_group_named_elsewhere_in_the_article():
    listed = GroupList(["Mujahideen Army", "Mahdi Army"])
    ma = actor("new:ma", "MA", "MA")
    assert listed.resolve(ma) is None
    assert listed.resolve(ma, context=frozenset({"mujahideen army"})) == "mujahideen army"


def test_initials_with_and_without_particles():
    assert {"IAI"} <= initials("Islamic Army in Iraq")
    assert {"LET"} <= initials("Lashkar-e-Taiba")
    assert {"HUJI"} <= initials("Harkat-ul-Jihadi al-Islami")
    assert {"AI"} <= initials("Ansar al-Islam")


def test_symmetric_relations_match_in_either_order():
    assert triple("b", "a", "alliance") == triple("a", "b", "alliance")
    assert triple("b", "a", "rivalry") == ("a", "b", "rivalry")


def test_splinter_is_directed():
    assert triple("parent", "child", "splinter") != triple("child", "parent", "splinter")


def document(actors: list[Actor], relations: list[tuple[str, str, str, str, float]]) -> Document:
    text = "A sentence about groups."
    evidence = [Evidence(text=text, start=0, end=len(text))]
    return Document(
        article=Article(id="t", text=text, origin="test"),
        actors=actors,
        relations=[Relation(source_id=s, target_id=t, type=kind, directed=kind in {"splinter", "faction_of"},
                            status=status, evidence=evidence, confidence=confidence)
                   for s, kind, t, status, confidence in relations],
    )


def test_predicted_triples_map_types_direction_and_status(groups):
    doc = document(
        [actor("new:n", "Northern Lions Brigade", "Northern Lions Brigade"),
         actor("new:v", "Free Valley Front", "Free Valley Front"),
         actor("new:m", "Mountain Lions Brigade", "Mountain Lions Brigade"),
         actor("new:u", "Unlisted Front", "Unlisted Front")],
        [("new:n", "splinter", "new:v", "asserted", 0.8),  # the splinter first in sitrep, second in the benchmark
         ("new:m", "cooperation", "new:v", "hedged", 0.6),  # cooperation is an alliance
         ("new:m", "allegiance", "new:n", "negated", 0.8),  # a denial is no prediction
         ("new:u", "rivalry", "new:v", "asserted", 0.8)],  # an endpoint off the list cannot be scored
    )
    found = predicted_triples(doc, groups)
    assert set(found) == {("free valley front", "northern lions brigade", "splinter"),
                          ("free valley front", "mountain lions brigade", "alliance")}


def test_row_type_prefers_the_gold_pair_then_the_most_confident():
    predicted = {("a", "b", "rivalry"): 0.5, ("a", "c", "alliance"): 0.9}
    assert row_type(predicted, frozenset({"a", "b"})) == "rivalry"
    assert row_type(predicted, frozenset({"a", "d"})) == "alliance"
    assert row_type({}, frozenset({"a", "d"}), [("merger", 0.7), ("affiliation", 0.4)]) == "merger"
    assert row_type({}, frozenset({"a", "d"})) is None


def test_rows_sharing_a_sentence_are_one_pool():
    shared = "The three groups cooperated with one another to retake the town from the fourth."
    pools = evidence_pools([shared, shared + " Later the second opposed the fourth.", "Something else entirely here.",
                            "", ""])
    assert sorted(map(sorted, pools)) == [[0, 1], [2], [3], [4]]


def test_evaluate_end_to_end(tmp_path):
    rows = [
        {"id": "1", "date": "3/14/15",
         "text": "The Mountain Lions Brigade and the Free Valley Front conducted a joint attack on an army base.",
         "gold": {"relation": "alliance", "group1": "Free Valley Front", "group2": "Mountain Lions Brigade"}},
        {"id": "2", "date": "2015-00-00",
         "text": "The Northern Lions Brigade split from the Free Valley Front in 2014.",
         "gold": {"relation": "splinter", "group1": "Free Valley Front", "group2": "Northern Lions Brigade"}},
        {"id": "3", "date": "6/1/16",
         "text": "The Mountain Lions Brigade clashed with the Northern Lions Brigade near the river.",
         "gold": {"relation": "rivalry", "group1": "Mountain Lions Brigade", "group2": "Northern Lions Brigade"}},
        {"id": "4", "date": "6/1/16", "text": "",
         "gold": {"relation": "merger", "group1": "Mountain Lions Brigade", "group2": "Free Valley Front"}},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    (tmp_path / "groups.jsonl").write_text("".join(json.dumps({"group_id": i, "name": name}) + "\n"
                                                   for i, name in enumerate(GROUPS)), encoding="utf-8")
    predictions = tmp_path / "predictions.jsonl"

    result = evaluate(path, predictions=predictions)

    assert result["rows"] == 4 and result["errors"] == 1  # the empty text
    assert result["relation_accuracy"] == 0.75
    assert result["triple_recall"] == 0.75 and result["triple_precision"] == 1.0
    assert 0 <= result["triple_f1"] <= 1 and result["triple_f1_by_row"] == result["triple_f1"]
    assert result["per_type"]["splinter"] == {"gold": 1, "correct": 1, "triples_gold": 1, "triples_tp": 1}
    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["1", "2", "3", "4"]
    assert lines[1]["relations"] == [{"group1": "Free Valley Front", "group2": "Northern Lions Brigade",
                                      "relation": "splinter"}]
    assert lines[3]["relations"] == []
    assert evaluate(path, limit=1)["rows"] == 1


def test_missing_group_list_is_an_error(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        evaluate(path)
