"""Fusion across articles on UCDP-style report clusters.

Input: a JSONL file like ../shared/benchmarks/ucdp-fusion/dev.jsonl: each row one
report (`text`, `published`) and its gold event (`event_id`, `deaths_low`,
`deaths_high`). Each row is extracted as its own article and its first incident
fused with the others in file order, as `sitrep ingest` would. A row whose text
yields no incident stays alone.

- Pairwise precision, recall and F1 over pairs of rows: predicted (same fused
  incident) against gold (same event_id).
- B-cubed F1 (it flatters: never merging scores high).
- `toll_within_range`: per gold event, whether the consolidated fatality figure
  of the fused incident holding most of its rows lies within [deaths_low,
  deaths_high]; no figure counts as 0. The figure is every death, victims and
  attackers killed, as UCDP counts them (and as `acled.py` scores tolls).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from ..fusion import Fuser, reports_of
from ..ingest import RawArticle
from ..model import InputError
from ..pipeline import process
from .jsonl import read_rows
from .progress import tracked


def evaluate(path: Path, *, predictions: Path | None = None, limit: int | None = None) -> dict:
    rows = list(read_rows(path, limit))
    raws = [RawArticle(origin=f"{path}:{i + 1}", content=row["text"], format="text", published=row.get("published"))
            for i, row in enumerate(rows)]
    fuser = Fuser()
    assigned: list[str | None] = []
    for result in tracked(process(raws), total=len(raws), label="UCDP reports"):
        reports = [] if isinstance(result, InputError) else reports_of(result)
        assigned.append(fuser.add(reports[0]).incident_id if reports else None)
    # A row with no incident is a cluster of its own.
    predicted = [incident_id or f"alone:{i}" for i, incident_id in enumerate(assigned)]
    gold = [row["gold"]["event_id"] for row in rows]
    tolls = {incident_id: _deaths(incident.consolidate()) for incident_id, incident in fuser.incidents.items()}
    scores = {**pairwise(predicted, gold), "bcubed_f1": bcubed_f1(predicted, gold),
              "toll_within_range": _toll_within_range(rows, predicted, tolls),
              "rows": len(rows), "incidents": len(set(predicted)), "rows_without_incident": assigned.count(None)}
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as out:
            for row, incident_id in zip(rows, assigned):
                out.write(json.dumps({"id": row["id"], "incident_id": incident_id,
                                      "fatalities": tolls.get(incident_id) if incident_id else None}) + "\n")
    return scores


def _deaths(fields: dict) -> int | None:
    figures = [fields[name].value.min for name in ("fatalities", "perpetrator_fatalities")
               if fields[name].value is not None and fields[name].value.min is not None]
    return sum(figures) if figures else None


def _pairs(labels: list[str]) -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        groups[label].append(index)
    return {pair for members in groups.values() for pair in combinations(members, 2)}


def pairwise(predicted: list[str], gold: list[str]) -> dict[str, float]:
    """Precision, recall and F1 over pairs of items put together."""
    predicted_pairs, gold_pairs = _pairs(predicted), _pairs(gold)
    right = len(predicted_pairs & gold_pairs)
    precision = right / len(predicted_pairs) if predicted_pairs else 0.0
    recall = right / len(gold_pairs) if gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairwise_precision": round(precision, 4), "pairwise_recall": round(recall, 4),
            "pairwise_f1": round(f1, 4)}


def bcubed_f1(predicted: list[str], gold: list[str]) -> float:
    """B-cubed F1: per item, the share of its predicted cluster in its gold one and back."""
    joint = Counter(zip(predicted, gold))
    size_predicted, size_gold = Counter(predicted), Counter(gold)
    n = len(predicted)
    if not n:
        return 0.0
    precision = sum(joint[(p, g)] / size_predicted[p] for p, g in zip(predicted, gold)) / n
    recall = sum(joint[(p, g)] / size_gold[g] for p, g in zip(predicted, gold)) / n
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def _toll_within_range(rows: list[dict], predicted: list[str], tolls: dict[str, int | None]) -> float:
    by_event: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        by_event[row["gold"]["event_id"]].append(index)
    within = 0
    for indexes in by_event.values():
        gold = rows[indexes[0]]["gold"]
        incident_id = Counter(predicted[i] for i in indexes).most_common(1)[0][0]
        figure = tolls.get(incident_id) or 0
        within += gold.get("deaths_low", 0) <= figure <= gold.get("deaths_high", 0)
    return round(within / len(by_event), 4) if by_event else 0.0
