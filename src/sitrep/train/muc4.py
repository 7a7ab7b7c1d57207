"""Train the learned role model on the MUC-4 train split (`sitrep train muc4`).

Three kinds of logistic regression, all over the features of
`sitrep.extract.roles`, fitted with scikit-learn and saved as JSON weights:

- `roles`: each candidate phrase → PerpInd, PerpOrg, Target, Victim, Weapon
  or none. A candidate is positive for a role when its normalised text is a
  mention of a gold entity of that role in any template of the report;
- `relevant`: does the report tell of a MUC-4 incident at all (a report with
  no template must get none);
- one per incident type (attack, bombing, kidnapping, arson): does the report
  have a template of that type. Robbery and forced work stoppage are too rare
  to learn (17 and 6 of 1,019 train templates) and are not predicted.

Only the train split is read; the dev split is for measuring. Training is
deterministic: fixed solver, fixed seed, features in sorted order.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from spacy.tokens import Doc

from ..clean import clean_article
from ..evaluate.muc4 import normalise
from ..evaluate.muc4_templates import ROLES
from ..extract import roles as features
from ..ingest import RawArticle
from ..linear import LinearModel
from ..nlp import load_nlp

LOGGER = logging.getLogger(__name__)

SEED = 0
LEARNED_TYPES = ("attack", "bombing", "kidnapping", "arson")
# A feature seen fewer times than this in training gets no weight: it keeps the model small and
# stops it memorising one-off strings.
MIN_FEATURE_COUNT = 3
# Inverse regularisation strengths, chosen by two-fold cross-validation on the train split.
ROLE_C = 0.5
DOCUMENT_C = 0.3
NONE = "none"
# When a string is gold for two roles, the role it more often has wins.
ROLE_PRIORITY = ("PerpOrg", "Victim", "Target", "Weapon", "PerpInd")


def train(rows: Sequence[dict], docs: Sequence[Doc]) -> dict:
    """The model (JSON-ready) from train rows and their parsed texts."""
    role_rows, role_labels = [], []
    document_rows, document_labels = [], []
    for row, doc in zip(rows, docs, strict=True):
        gold = gold_mentions(row)
        document = features.view(doc)
        for candidate in features.candidates(doc):
            role_rows.append(features.candidate_features(candidate, document))
            role_labels.append(label(candidate.span(doc).text, gold))
        document_rows.append(features.document_features(doc))
        document_labels.append({t["incident_type"] for t in row.get("templates", [])})
    LOGGER.info("%d candidates, %d positive", len(role_labels), sum(lab != NONE for lab in role_labels))
    model = {"roles": fit(role_rows, role_labels, c=ROLE_C).to_json(),
             "relevant": fit(document_rows, [str(bool(types)) for types in document_labels], c=DOCUMENT_C).to_json()}
    for incident_type in LEARNED_TYPES:
        labels = [str(incident_type in types) for types in document_labels]
        model[incident_type] = fit(document_rows, labels, c=DOCUMENT_C).to_json()
    return model


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


def parse(rows: Sequence[dict], *, on_doc: Callable[[], None] | None = None) -> list[Doc]:
    """The reports cleaned and parsed as the pipeline cleans and parses them."""
    texts = (clean_article(RawArticle(origin=row["docid"], content=row["doctext"], format="text")).text for row in rows)
    docs = []
    for doc in load_nlp().pipe(texts, batch_size=32):
        docs.append(doc)
        if on_doc is not None:
            on_doc()
    return docs


def save(model: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    # mtime=0: the same model gives the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=out.open("wb"), mtime=0) as handle:
        handle.write(payload)
