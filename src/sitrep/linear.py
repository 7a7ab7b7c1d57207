"""A linear classifier over named sparse features, stored as plain JSON.

Models are trained with scikit-learn (`sitrep.train`) and shipped as their
weights: a JSON file is safe to load (no pickle), diffable, and needs nothing
but the standard library to score with.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Weights are rounded when saved: four decimals change no decision and halve the file.
WEIGHT_DECIMALS = 4


@dataclass(frozen=True)
class LinearModel:
    """Softmax (several classes) or logistic (two classes, one weight row) scores over named features."""

    classes: tuple[str, ...]
    weights: Mapping[str, Sequence[float]]  # feature -> one weight per row
    intercepts: Sequence[float]

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        scores = list(self.intercepts)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for k, weight in enumerate(row):
                    scores[k] += weight * value
        if len(scores) == 1:  # binary: one row scores the second class
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, scores[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def to_json(self) -> dict:
        return {
            "classes": list(self.classes),
            "intercepts": [round(float(b), WEIGHT_DECIMALS) for b in self.intercepts],
            "weights": {name: [round(float(w), WEIGHT_DECIMALS) for w in row] for name, row in sorted(self.weights.items())
                        if any(round(float(w), WEIGHT_DECIMALS) for w in row)},
        }

    @classmethod
    def from_json(cls, data: Mapping) -> LinearModel:
        return cls(classes=tuple(data["classes"]), weights=dict(data["weights"]), intercepts=list(data["intercepts"]))

    @classmethod
    def from_sklearn(cls, feature_names: Sequence[str], estimator) -> LinearModel:
        """From a fitted scikit-learn linear classifier and the names of its feature columns."""
        coef = estimator.coef_
        weights = {name: [float(coef[k, j]) for k in range(coef.shape[0])] for j, name in enumerate(feature_names)}
        return cls(classes=tuple(str(c) for c in estimator.classes_), weights=weights,
                   intercepts=[float(b) for b in estimator.intercept_])
