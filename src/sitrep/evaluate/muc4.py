"""MUC-4 template filling (`sitrep eval muc4`), scored as the GTT repository's `eval.py` scores it.

Input: a JSONL file like ../shared/benchmarks/muc4/dev.jsonl, one report a
line: `docid`, `doctext` (lower-cased) and the gold `templates`, each with an
`incident_type` and five roles (PerpInd, PerpOrg, Target, Victim, Weapon),
each role a list of entities, each entity a list of `[mention, offset]`
coreferent mentions. Only the text goes into sitrep; the gold goes to the
scorer.

Scoring (Du et al. 2021, GTT), reimplemented:

- every mention string is normalised: lower-cased, punctuation dropped,
  the articles a/an/the dropped, spaces collapsed; gold templates that are
  identical once offsets are dropped count once;
- a predicted entity (a list of mentions) is right when every one of its
  mentions is among the mentions of one gold entity of the same role in the
  matched template;
- per document, predicted templates are matched one-to-one to gold templates
  of the same incident type, choosing the matching with the best micro F1 of
  that document (GTT enumerates every matching; so do we, over the pairs of
  the same type, which gives the same scores);
- a matched pair scores the incident type as right once, and each role's
  entities for precision and recall; an unmatched predicted template counts
  all its entities (and its type) as wrong, an unmatched gold template all
  of its as missed. A document with no gold template and a predicted one
  therefore only loses precision;
- counts are summed over documents: P/R/F1 per role, for the incident type,
  and the micro average over the six.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Sequence
from pathlib import Path

from ..extract.roles import ROLES
from ..ingest import RawArticle
from ..model import InputError
from ..pipeline import process
from .muc4_templates import Template, templates_from_document
from .jsonl import read_rows
from .progress import tracked

KEYS = ("incident_type", *ROLES)
# Beyond this many candidate matchings a document is matched by the greedy best pair first (never reached by
# sitrep's own predictions, which stay within a few templates a document; it bounds a pathological input file).
MAX_MATCHINGS = 200_000
_PUNCTUATION = str.maketrans("", "", string.punctuation)
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")

Counts = dict[str, dict[str, int]]


def evaluate(path: Path, *, predictions: Path | None = None, limit: int | None = None) -> dict:
    rows = list(read_rows(Path(path), limit))
    raws = [RawArticle(origin=f"{path}:{i + 1}", content=row["doctext"], format="text") for i, row in enumerate(rows)]
    totals = empty_counts()
    predicted_by_doc: dict[str, dict] = {}
    errors = 0
    for row, result in zip(rows, tracked(process(raws), total=len(raws), label="MUC-4 reports"), strict=True):
        errors += isinstance(result, InputError)
        predicted = [] if isinstance(result, InputError) else templates_from_document(result)
        predicted_by_doc[row["docid"]] = {"pred_templates": predicted}
        add_counts(totals, score_document(predicted, gold_templates(row)))
    if predictions is not None:
        predictions.write_text(json.dumps(predicted_by_doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return summarise(totals, documents=len(rows), errors=errors)


def summarise(totals: Counts, *, documents: int, errors: int = 0) -> dict:
    scores: dict = {"documents": documents, "errors": errors}
    micro = {name: sum(totals[key][name] for key in KEYS) for name in ("p_num", "p_den", "r_num", "r_den")}
    for key, counts in [*((k, totals[k]) for k in KEYS), ("micro", micro)]:
        precision, recall, f1 = prf(counts)
        scores[key] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                       "predicted": counts["p_den"], "gold": counts["r_den"]}
    scores["micro_f1"] = scores["micro"]["f1"]
    return scores


def prf(counts: dict[str, int]) -> tuple[float, float, float]:
    precision = counts["p_num"] / counts["p_den"] if counts["p_den"] else 0.0
    recall = counts["r_num"] / counts["r_den"] if counts["r_den"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- Gold ------------------------------------------------------------------------------------------


def gold_templates(row: dict) -> list[Template]:
    """The row's templates with mention strings only, entities without mentions dropped, duplicates once."""
    templates: list[Template] = []
    for raw in row.get("templates", []):
        template: Template = {"incident_type": raw["incident_type"]}
        for role in ROLES:
            template[role] = [[mention for mention, _ in entity] for entity in raw.get(role, []) if entity]
        if template not in templates:
            templates.append(template)
    return templates


# --- Scoring ---------------------------------------------------------------------------------------


def normalise(mention: str) -> str:
    """Lower-case, no punctuation, no articles, single spaces: GTT's normalisation."""
    return " ".join(_ARTICLES.sub(" ", mention.lower().translate(_PUNCTUATION)).split())


def empty_counts() -> Counts:
    return {key: {"p_num": 0, "p_den": 0, "r_num": 0, "r_den": 0} for key in KEYS}


def add_counts(totals: Counts, counts: Counts) -> None:
    for key in KEYS:
        for name, value in counts[key].items():
            totals[key][name] += value


def score_document(predicted: Sequence[Template], gold: Sequence[Template]) -> Counts:
    """Counts for one document under the matching of predicted to gold templates with the best micro F1."""
    predicted = [_normalised(t) for t in predicted]
    gold = [_normalised(t) for t in gold]
    counts = empty_counts()
    for template in predicted:
        counts["incident_type"]["p_den"] += 1
        for role in ROLES:
            counts[role]["p_den"] += len(template[role])
    for template in gold:
        counts["incident_type"]["r_den"] += 1
        for role in ROLES:
            counts[role]["r_den"] += len(template[role])
    pair_counts = {(p, g): _pair_counts(predicted[p], gold[g])
                   for p in range(len(predicted)) for g in range(len(gold))
                   if _same_type(predicted[p]["incident_type"], gold[g]["incident_type"])}
    for pair in best_matching(len(predicted), len(gold), pair_counts, counts):
        for key in KEYS:
            counts[key]["p_num"] += pair_counts[pair][key][0]
            counts[key]["r_num"] += pair_counts[pair][key][1]
    return counts


def best_matching(n_predicted: int, n_gold: int, pair_counts: dict[tuple[int, int], dict[str, tuple[int, int]]],
                  counts: Counts) -> list[tuple[int, int]]:
    """The one-to-one matching of compatible pairs with the best document micro F1; the first found wins ties."""
    p_den = sum(counts[k]["p_den"] for k in KEYS)
    r_den = sum(counts[k]["r_den"] for k in KEYS)
    gains = {pair: (sum(c[0] for c in v.values()), sum(c[1] for c in v.values())) for pair, v in pair_counts.items()}
    options = [[g for g in range(n_gold) if (p, g) in gains] for p in range(n_predicted)]
    size = 1
    for choice in options:
        size *= len(choice) + 1
    if size > MAX_MATCHINGS:
        return _greedy_matching(gains)

    best: tuple[float, list[tuple[int, int]]] = (-1.0, [])

    def visit(p: int, used: set[int], chosen: list[tuple[int, int]], p_num: int, r_num: int) -> None:
        nonlocal best
        if p == n_predicted:
            f1 = prf({"p_num": p_num, "p_den": p_den, "r_num": r_num, "r_den": r_den})[2]
            if f1 > best[0]:
                best = (f1, list(chosen))
            return
        for g in options[p]:
            if g not in used:
                gain = gains[(p, g)]
                visit(p + 1, used | {g}, [*chosen, (p, g)], p_num + gain[0], r_num + gain[1])
        visit(p + 1, used, chosen, p_num, r_num)

    visit(0, set(), [], 0, 0)
    return best[1]


def _greedy_matching(gains: dict[tuple[int, int], tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for (p, g), _ in sorted(gains.items(), key=lambda item: (-sum(item[1]), item[0])):
        if all(p != q and g != h for q, h in chosen):
            chosen.append((p, g))
    return chosen


def _same_type(predicted: object, gold: str) -> bool:
    # GTT reads a non-string type as "attack" and tests containment, not equality.
    return (predicted if isinstance(predicted, str) else "attack") in gold


def _pair_counts(predicted: Template, gold: Template) -> dict[str, tuple[int, int]]:
    """(right predictions, found gold entities) for each key when these two templates are matched."""
    result = {"incident_type": (1, 1)}
    for role in ROLES:
        right = sum(any(_entity_match(g, p) for g in gold[role]) for p in predicted[role])
        found = sum(any(_entity_match(g, p) for p in predicted[role]) for g in gold[role])
        result[role] = (right, found)
    return result


def _entity_match(gold_entity: list[str], predicted_entity: list[str]) -> bool:
    return all(mention in gold_entity for mention in predicted_entity)


def _normalised(template: Template) -> Template:
    result: Template = {"incident_type": template["incident_type"]}
    for role in ROLES:
        result[role] = [[normalise(m) for m in entity] for entity in template.get(role, [])]
    return result


