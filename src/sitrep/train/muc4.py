"""Train the learned role model on the MUC-4 train split (`sitrep train muc4`).

Three kinds of logistic regression, all over the features of
`sitrep.extract.roles`, fitted with scikit-learn and saved as JSON weights:

- `roles`: each candidate phrase (all its occurrences together) → PerpInd,
  PerpOrg, Target, Victim, Weapon or none. A phrase is positive for a role
  when its normalised text is a mention of a gold entity of that role in any
  template of the report;
- `relevant`: does the report tell of a MUC-4 incident at all (a report with
  no template must get none);
- one per incident type (attack, bombing, kidnapping, arson): does the report
  have a template of that type. Robbery and forced work stoppage are too rare
  to learn (17 and 6 of 1,114 train templates) and are not predicted.

Two-fold cross-validation on the train split (models fitted on one half
read the other) gives out-of-fold readings of every report, from which:

- a second stage is fitted: relevance and each type again, from the first
  stage's reading of the whole report (its probabilities and how likely the
  phrases it found for each role are);
- the decision thresholds (is a report relevant, is a second type told of, is
  a phrase likely enough for each role) are chosen for the best micro F1.

Only the train split is read; the dev split is for measuring. Training is
deterministic: fixed solver, fixed seed, features in sorted order, folds by
position.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from ..clean import clean_article
from ..evaluate.muc4 import add_counts, empty_counts, gold_templates, normalise, score_document, summarise
from ..evaluate.progress import tracked
from ..extract import roles as features
from ..extract.learned import (
    Filler,
    Reading,
    RoleModel,
    Thresholds,
    decide,
    first_mentions,
    read,
    reading_features,
    restack,
)
from ..extract.roles import ROLES
from ..ingest import RawArticle
from ..linear import LinearModel
from ..nlp import load_nlp

LOGGER = logging.getLogger(__name__)

SEED = 0
LEARNED_TYPES = ("attack", "bombing", "kidnapping", "arson")
# A feature seen fewer times than this in training gets no weight: it keeps the model small and
# stops it memorising one-off strings.
MIN_FEATURE_COUNT = 3
# Inverse regularisation strengths: 0.5 and 2.0 for the role model scored alike, the smaller keeps the model small.
ROLE_C = 0.5
DOCUMENT_C = 0.3
STACKED_C = 1.0
NONE = "none"
FOLDS = 2
THRESHOLD_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
# A string gold for two roles in one report (rare) is labelled with the first of them in this order.
ROLE_PRIORITY = ("PerpOrg", "Victim", "Target", "Weapon", "PerpInd")


@dataclass
class Example:
    """One train report as the classifiers see it."""

    row: dict
    doc: Doc
    phrases: list[dict[str, float]]  # the features of each candidate phrase
    labels: list[str]  # the role of each candidate phrase, or none
    document: dict[str, float]
    types: set[str]


def train(rows: Sequence[dict], docs: Sequence[Doc], *, on_step: Callable[[str], None] | None = None) -> dict:
    """The model (JSON-ready) from train rows and their parsed texts."""
    examples = [example(row, doc) for row, doc in zip(rows, docs, strict=True)]
    LOGGER.info("%d candidates, %d positive", sum(len(e.labels) for e in examples),
                sum(lab != NONE for e in examples for lab in e.labels))
    readings: list[tuple[Example, Reading]] = []
    for fold in range(FOLDS):
        if on_step is not None:
            on_step(f"cross-validation fold {fold + 1} of {FOLDS}")
        held_out = [e for i, e in enumerate(examples) if i % FOLDS == fold]
        model = RoleModel.from_json(fit_models([e for i, e in enumerate(examples) if i % FOLDS != fold]))
        readings += [(e, read(e.doc, model)) for e in held_out]
    if on_step is not None:
        on_step("second stage, thresholds, fitting on the whole split")
    stacked = fit_stacked(readings)
    readings = [(e, restack(r, stacked)) for e, r in readings]
    thresholds = choose_thresholds(readings)
    LOGGER.info("thresholds %s", thresholds)
    return {**fit_models(examples), "stacked": {name: m.to_json() for name, m in stacked.items()},
            "thresholds": thresholds.to_json()}


def fit_stacked(readings: Sequence[tuple[Example, Reading]]) -> dict[str, LinearModel]:
    """Second-stage relevance and type models over out-of-fold first-stage readings."""
    rows = [reading_features(r) for _, r in readings]
    stacked = {"relevant": fit(rows, [str(bool(e.types)) for e, _ in readings], c=STACKED_C)}
    for incident_type in LEARNED_TYPES:
        labels = [str(incident_type in e.types) for e, _ in readings]
        if len(set(labels)) == 2:
            stacked[incident_type] = fit(rows, labels, c=STACKED_C)
    return stacked


def example(row: dict, doc: Doc) -> Example:
    gold = gold_mentions(row)
    document = features.view(doc)
    grouped = features.phrases(doc)
    return Example(row, doc, [features.phrase_features(group, document) for group in grouped.values()],
                   [label(group[0].span(doc).text, gold) for group in grouped.values()],
                   features.document_features(doc), {t["incident_type"] for t in row.get("templates", [])})


def fit_models(examples: Sequence[Example]) -> dict:
    # The role model learns from reports with templates only: in the others every phrase is "none" because
    # the report is irrelevant (an old event, a clash between armies), which the relevance model decides.
    told = [e for e in examples if e.types]
    role_rows = [row for e in told for row in e.phrases]
    role_labels = [lab for e in told for lab in e.labels]
    document_rows = [e.document for e in examples]
    model = {"roles": fit(role_rows, role_labels, c=ROLE_C).to_json(),
             "relevant": fit(document_rows, [str(bool(e.types)) for e in examples], c=DOCUMENT_C).to_json(),
             "thresholds": Thresholds().to_json()}
    for incident_type in LEARNED_TYPES:
        labels = [str(incident_type in e.types) for e in examples]
        if len(set(labels)) == 2:  # a type no report has cannot be learned (and is never predicted)
            model[incident_type] = fit(document_rows, labels, c=DOCUMENT_C).to_json()
    return model


def choose_thresholds(readings: Sequence[tuple[Example, Reading]]) -> Thresholds:
    """The thresholds with the best micro F1 over out-of-fold readings, one threshold at a time, twice over."""
    golds = [gold_templates(e.row) for e, _ in readings]

    def micro_f1(thresholds: Thresholds) -> float:
        totals = empty_counts()
        for (e, reading), gold in zip(readings, golds, strict=True):
            add_counts(totals, score_document(templates(decide(reading, thresholds)), gold))
        return summarise(totals, documents=len(golds))["micro_f1"]

    best = Thresholds()
    best_score = micro_f1(best)
    for _ in range(2):
        for name in ("relevant", "told", *ROLES):
            for value in THRESHOLD_GRID:
                roles = {**best.roles, name: value} if name in ROLES else best.roles
                candidate = Thresholds(
                    relevant=value if name == "relevant" else best.relevant,
                    told=value if name == "told" else best.told, roles=roles)
                score = micro_f1(candidate)
                if score > best_score:
                    best, best_score = candidate, score
    LOGGER.info("out-of-fold micro F1 %.4f", best_score)
    return best


def templates(decided: dict[str, list[Filler]]) -> list[dict]:
    """GTT templates straight from decided fillers (what `muc4_templates` makes of the incidents built from them)."""
    return [{"incident_type": incident_type,
             **{role: [[f.text] for f in first_mentions(fillers, role)] for role in ROLES}}
            for incident_type, fillers in decided.items()]


def gold_mentions(row: dict) -> dict[str, set[str]]:
    """Normalised gold mention strings of each role, over all the report's templates."""
    gold: dict[str, set[str]] = {role: set() for role in ROLES}
    for template in row.get("templates", []):
        for role in ROLES:
            for entity in template.get(role, []):
                gold[role] |= {normalise(mention) for mention, _ in entity}
    return gold


def label(text: str, gold: dict[str, set[str]]) -> str:
    key = normalise(text)
    return next((role for role in ROLE_PRIORITY if key and key in gold[role]), NONE)


def fit(rows: Sequence[dict[str, float]], labels: Sequence[str], *, c: float) -> LinearModel:
    """Logistic regression over the features seen at least MIN_FEATURE_COUNT times."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for row in rows for name in row)
    names = sorted(name for name, count in counts.items() if count >= MIN_FEATURE_COUNT)
    column = {name: j for j, name in enumerate(names)}
    data, indices, pointers = [], [], [0]
    for row in rows:
        for name, value in sorted(row.items()):
            if name in column:
                indices.append(column[name])
                data.append(value)
        pointers.append(len(indices))
    matrix = csr_matrix((data, indices, pointers), shape=(len(rows), len(names)))
    estimator = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    estimator.fit(matrix, list(labels))
    return LinearModel.from_sklearn(names, estimator)


def read_rows(path: Path) -> Iterator[dict]:
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def parse(rows: Sequence[dict]) -> list[Doc]:
    """The reports cleaned and parsed as the pipeline cleans and parses them."""
    texts = (clean_article(RawArticle(origin=row["docid"], content=row["doctext"], format="text")).text for row in rows)
    return list(tracked(load_nlp().pipe(texts, batch_size=32), total=len(rows), label="parsing MUC-4 reports"))


def save(model: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    # mtime=0: the same model gives the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=out.open("wb"), mtime=0) as handle:
        handle.write(payload)
