"""Training the learnt second opinion: a logistic regression in pure Python, deterministic.

Same rows -> byte-identical weights: rows are taken in a fixed order, shuffled with a fixed
seed, and the weights are rounded before they are written.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tests.eval.learnt.table import Row
from tui.core.checks.learnt.features import FEATURE_VERSION
from tui.core.checks.learnt.opinion import Model

SEED = 14
EPOCHS = 12
RATE = 0.1
L2 = 1e-4
MIN_COUNT = 3  # a feature seen in fewer training rows has no weight
# A false reading the rules made (today or at an older commit) is the mistake the veto is for;
# a number a set names as a trap that the rules leave alone teaches less.
ORIGIN_WEIGHT = {"rules": 5.0, "older": 5.0, "must_not": 1.0}
DIGITS = 4


def train(rows: Sequence[Row]) -> Model:
    """A logistic model of "this reading is right", the two classes weighted equally."""
    counts = Counter(feature for row in rows for feature in set(row.features))
    vocabulary = {feature for feature, count in counts.items() if count >= MIN_COUNT}
    data = [
        (sorted(f for f in row.features if f in vocabulary), 1.0 if row.right else 0.0)
        for row in rows
    ]
    positives = sum(1 for _, y in data if y) or 1
    negatives = (len(data) - positives) or 1
    weight_of = {1.0: len(data) / (2 * positives), 0.0: len(data) / (2 * negatives)}
    origin = [ORIGIN_WEIGHT.get(row.origin, 1.0) for row in rows]
    weights: dict[str, float] = dict.fromkeys(sorted(vocabulary), 0.0)
    squares: dict[str, float] = dict.fromkeys(weights, 1e-8)
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(data)))
    shuffle = random.Random(SEED)
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for index in order:
            found, y = data[index]
            score = bias + sum(weights[f] for f in found)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
            gradient = (p - y) * weight_of[y] * origin[index]
            bias_square += gradient * gradient
            bias -= RATE * gradient / math.sqrt(bias_square)
            for feature in found:
                step = gradient + L2 * weights[feature]
                squares[feature] += step * step
                weights[feature] -= RATE * step / math.sqrt(squares[feature])
    kept = {f: round(w, DIGITS) for f, w in weights.items() if round(w, DIGITS) != 0.0}
    return Model(version=FEATURE_VERSION, bias=round(bias, DIGITS), weights=kept)


def write(model: Model, path: Path) -> None:
    """The weights as JSON, keys sorted, one weight a line."""
    data = {"version": model.version, "bias": model.bias, "weights": model.weights}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
