"""The MUC-4 scorer (GTT's semantics) and the incident → template mapping.

Every report and template here is written for the purpose; no benchmark row is copied.
"""

from __future__ import annotations

import json

import pytest

from sitrep.evaluate.muc4 import (
    add_counts,
    empty_counts,
    evaluate,
    gold_templates,
    normalise,
    score_document,
    summarise,
)
from sitrep.evaluate.muc4_templates import template_from_incident, templates_from_document
from sitrep.model import Article, DateRange, Document, Evidence, Incident, Perpetrator, Target


def template(incident_type="attack", **roles):
    return {"incident_type": incident_type,
            **{role: roles.get(role, []) for role in ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")}}


def scores(predicted_by_doc, gold_by_doc):
    totals = empty_counts()
    for predicted, gold in zip(predicted_by_doc, gold_by_doc, strict=True):
        add_counts(totals, score_document(predicted, gold))
    return summarise(totals, documents=len(gold_by_doc))


GOLD = [template("bombing", PerpOrg=[["liberation front", "lf"]], Target=[["power station"]],
                 Weapon=[["dynamite"], ["car bomb"]])]


def test_normalisation_drops_case_punctuation_articles_and_spaces():
    assert normalise('The  "Red Star" Front.') == "red star front"
    assert normalise("an a-team") == "ateam"


def test_a_perfect_prediction_scores_one():
    result = scores([GOLD], [GOLD])
    assert result["micro_f1"] == 1.0
    assert result["Weapon"]["f1"] == 1.0


def test_no_prediction_scores_zero():
    result = scores([[]], [GOLD])
    assert result["micro_f1"] == 0.0
    assert result["micro"]["gold"] == 5  # the type and four entities


def test_a_partial_prediction_scores_what_is_right():
    predicted = [template("bombing", PerpOrg=[["LF"]], Target=[["the station"]], Weapon=[["dynamite"]])]
    result = scores([predicted], [GOLD])
    # Right: the type, "lf" (a mention of the gold organisation), "dynamite"; wrong: "station".
    # Precision 3/4; recall 3/5 (the car bomb and the power station are missed).
    assert result["micro"]["precision"] == 0.75
    assert result["micro"]["recall"] == 0.6
    assert result["micro_f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35, abs=1e-4)
    assert result["Target"]["precision"] == 0.0


def test_a_predicted_entity_must_keep_to_one_gold_entity():
    predicted = [template("bombing", Weapon=[["dynamite", "car bomb"]])]
    assert score_document(predicted, GOLD)["Weapon"]["p_num"] == 0


def test_a_template_for_a_report_without_one_only_costs_precision():
    spurious = [template("attack", PerpInd=[["gunmen"]])]
    result = scores([spurious, GOLD], [[], GOLD])
    assert result["micro"]["recall"] == 1.0
    assert result["micro"]["precision"] == pytest.approx(5 / 7, abs=1e-4)


def test_templates_of_different_types_are_not_matched():
    predicted = [template("attack", PerpOrg=[["lf"]], Weapon=[["dynamite"]])]
    result = scores([predicted], [GOLD])
    assert result["micro"]["precision"] == 0.0


def test_templates_are_matched_one_to_one_for_the_best_score():
    gold = [template("attack", Victim=[["ana"]]), template("attack", Victim=[["luis"]], Target=[["bus"]])]
    predicted = [template("attack", Victim=[["luis"]], Target=[["bus"]]), template("attack", Victim=[["ana"]])]
    assert scores([predicted], [gold])["micro_f1"] == 1.0
    # Two predictions cannot both take the same gold template.
    doubled = [template("attack", Victim=[["ana"]]), template("attack", Victim=[["ana"]])]
    result = scores([doubled], [gold[:1]])
    assert result["incident_type"]["precision"] == 0.5


def test_gold_templates_drop_offsets_empty_entities_and_duplicates():
    row = {"templates": [
        {"incident_type": "arson", "PerpInd": [[["youths", 4]], []], "PerpOrg": [], "Target": [[["bus", 30]]],
         "Victim": [], "Weapon": []},
        {"incident_type": "arson", "PerpInd": [[["youths", 4]]], "PerpOrg": [], "Target": [[["bus", 30]]],
         "Victim": [], "Weapon": []},
    ]}
    assert gold_templates(row) == [template("arson", PerpInd=[["youths"]], Target=[["bus"]])]


# --- Incidents as templates ------------------------------------------------------------------------

EVIDENCE = [Evidence(text="a bomb exploded.", start=0, end=16)]


def incident(**fields):
    return Incident(id="x-1", date=DateRange(), evidence=EVIDENCE, confidence=0.8, **fields)


def test_an_incident_maps_its_fields_to_roles():
    found = incident(
        type="suicide_bombing", attackers=["two men"], weapons=["bomb"],
        targets=[Target(name="bank", type="business", category="property"),
                 Target(name="jose perez", type="unknown", category="people")],
        perpetrators=[Perpetrator(actor_id="new:red-front", name="Red Front", mention="red front", basis="attributed",
                                  evidence=EVIDENCE, confidence=0.7)],
    )
    assert template_from_incident(found) == template(
        "bombing", PerpInd=[["two men"]], PerpOrg=[["red front"]], Target=[["bank"]], Victim=[["jose perez"]],
        Weapon=[["bomb"]])


def test_a_clash_or_a_protest_is_no_muc4_template():
    assert template_from_incident(incident(type="armed_clash")) is None
    assert template_from_incident(incident(type="protest")) is None


def test_rule_targets_without_category_split_by_type():
    found = incident(type="armed_assault", targets=[Target(name="villagers", type="civilians"),
                                                    Target(name="police station", type="police"),
                                                    Target(name="market", type="business")])
    result = template_from_incident(found)
    assert result["Victim"] == [["villagers"]]
    assert result["Target"] == [["police station"], ["market"]]


def test_identical_incidents_give_one_template():
    article = Article(id="x", text="a bomb exploded.", origin="<test>")
    document = Document(article=article, incidents=[incident(type="bombing"), incident(type="bombing")])
    assert len(templates_from_document(document)) == 1


# --- The whole command on a tiny file --------------------------------------------------------------


def test_evaluate_runs_the_pipeline_and_writes_gtt_predictions(tmp_path):
    rows = [
        {"docid": "T-1", "doctext": "the minister said today that the economy grew by two percent last year.",
         "templates": []},
        {"docid": "T-2", "doctext": "urban guerrillas of the red star front today set fire to a bus in the capital.",
         "templates": [{"incident_type": "arson", "PerpInd": [[["urban guerrillas", 0]]],
                        "PerpOrg": [[["red star front", 24]]], "Target": [[["bus", 62]]], "Victim": [],
                        "Weapon": []}]},
    ]
    path = tmp_path / "muc.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "predictions.json"
    result = evaluate(path, predictions=out)
    assert result["documents"] == 2 and result["errors"] == 0
    assert 0.0 <= result["micro_f1"] <= 1.0
    assert {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon", "incident_type"} <= set(result)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert set(written) == {"T-1", "T-2"}
    assert written["T-1"]["pred_templates"] == []  # nothing happened: no template
    for predicted in written["T-2"]["pred_templates"]:
        assert set(predicted) == {"incident_type", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}


def test_the_command_prints_json_with_micro_and_per_role_figures(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    row = {"docid": "T-3", "doctext": "the army said that rebels burned a bus near the border yesterday.",
           "templates": [{"incident_type": "arson", "PerpInd": [[["rebels", 19]]], "PerpOrg": [],
                          "Target": [[["bus", 35]]], "Victim": [], "Weapon": []}]}
    path = tmp_path / "muc.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "muc4", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert 0.0 <= scores["micro_f1"] <= 1.0
    assert scores["micro"]["gold"] == 3
    assert set(scores["Victim"]) >= {"precision", "recall", "f1"}
