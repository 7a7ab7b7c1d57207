"""Training the MUC-4 role model: labels, fitting, the JSON weights, determinism.

The rows are written for the purpose; no benchmark row is copied.
"""

from __future__ import annotations

import gzip
import json

from sitrep.extract.learned import RoleModel
from sitrep.linear import LinearModel
from sitrep.train.muc4 import fit, gold_mentions, label, save, train

ROW = {"docid": "T-1", "doctext": "", "templates": [
    {"incident_type": "bombing", "PerpInd": [[["The Rebels", 0]]], "PerpOrg": [[["red front", 10], ["rf", 40]]],
     "Target": [], "Victim": [], "Weapon": [[["dynamite", 60]]]},
]}


def test_gold_mentions_are_normalised_and_pooled_over_templates():
    gold = gold_mentions(ROW)
    assert gold["PerpInd"] == {"rebels"}
    assert gold["PerpOrg"] == {"red front", "rf"}


def test_a_phrase_is_labelled_by_its_normalised_text():
    gold = gold_mentions(ROW)
    assert label("the rebels", gold) == "PerpInd"
    assert label("RF", gold) == "PerpOrg"
    assert label("a bus", gold) == "none"


def test_fit_learns_a_separable_rule_and_survives_json():
    rows = [{"bias": 1.0, "head=bomb": 1.0}, {"bias": 1.0, "head=bus": 1.0}] * 5
    labels = ["Weapon", "none"] * 5
    model = fit(rows, labels, c=10.0)
    again = LinearModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.probabilities({"bias": 1.0, "head=bomb": 1.0})["Weapon"] > 0.8
    assert again.probabilities({"bias": 1.0, "head=bus": 1.0})["none"] > 0.8


def test_binary_models_score_the_second_class():
    model = LinearModel(classes=("False", "True"), weights={"x": [4.0]}, intercepts=[-2.0])
    assert model.probabilities({"x": 1.0})["True"] > 0.85
    assert model.probabilities({})["True"] < 0.15


def test_training_is_deterministic_and_the_model_loads(tmp_path):
    from sitrep.nlp import load_nlp

    rows = [
        {"docid": f"T-{i}", "doctext": text, "templates": templates}
        for i, (text, templates) in enumerate([
            ("rebels of the red front bombed a bank with dynamite.", [
                {"incident_type": "bombing", "PerpInd": [[["rebels", 0]]], "PerpOrg": [[["red front", 15]]],
                 "Target": [[["bank", 34]]], "Victim": [], "Weapon": [[["dynamite", 44]]]}]),
            ("the minister opened a school in the capital.", []),
            ("the congress passed the budget today.", []),
            ("gunmen killed a judge in the capital.", [
                {"incident_type": "attack", "PerpInd": [[["gunmen", 0]]], "PerpOrg": [], "Target": [],
                 "Victim": [[["judge", 16]]], "Weapon": []}]),
        ] * 2)
    ]
    docs = list(load_nlp().pipe(r["doctext"] for r in rows))
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    save(train(rows, docs), first)
    save(train(rows, docs), second)
    assert first.read_bytes() == second.read_bytes()
    model = RoleModel.from_json(json.loads(gzip.decompress(first.read_bytes())))
    assert set(model.types) == {"attack", "bombing"}  # no report tells of the others
