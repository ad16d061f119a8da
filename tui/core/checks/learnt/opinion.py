"""The learnt second opinion: the model's weights, a reading's score, and the veto.

A reading the rules make is kept, but where the model trained on the evaluation sets says it is
very likely false (tests/eval/learnt builds the weights), it is listed as unclassified instead of
becoming a fact: a miss costs the clinician less than a false fact. The switch and the threshold
are data (data/learnt.toml); the weights are data (data/learnt_weights.json).
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.learnt.features import FEATURE_VERSION, Layout, features, number_at

_DATA = Path(__file__).resolve().parent.parent.parent / "data"


@dataclass(frozen=True)
class Model:
    """A logistic model: the log-odds that a reading is right is the bias plus its features'
    weights."""

    version: int
    bias: float
    weights: dict[str, float]

    def right(self, found: Iterable[str]) -> float:
        """The probability that a reading with these features is right."""
        score = self.bias + sum(self.weights.get(feature, 0.0) for feature in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True)
class Settings:
    """Whether the veto is on, the probability of being false above which a reading is vetoed,
    and the kinds it may veto."""

    enabled: bool
    veto_above: float
    kinds: frozenset[str]


def model_from(data: dict[str, Any]) -> Model:
    """A model from the weights file's JSON."""
    weights = {str(key): float(value) for key, value in data.get("weights", {}).items()}
    return Model(version=int(data["version"]), bias=float(data["bias"]), weights=weights)


@cache
def shipped_model() -> Model:
    """The weights shipped with chartdesk (read once)."""
    data = json.loads((_DATA / "learnt_weights.json").read_text(encoding="utf-8"))
    model = model_from(data)
    if model.version != FEATURE_VERSION:
        raise ValueError("learnt_weights.json was trained on another feature list")
    return model


@cache
def settings() -> Settings:
    """The switch, threshold and kinds of data/learnt.toml (read once)."""
    data = tomllib.loads((_DATA / "learnt.toml").read_text(encoding="utf-8"))
    return Settings(
        enabled=bool(data.get("enabled", False)),
        veto_above=float(data.get("veto_above", 1.0)),
        kinds=frozenset(str(kind) for kind in data.get("kinds", ())),
    )


def vetoable(fact: Fact) -> bool:
    """Only a number the reviewer can be shown as unclassified can be vetoed (no service, no
    grade written in letters)."""
    return isinstance(fact.value, int | float) and not isinstance(fact.value, bool)


def reading_features(layout: Layout, fact: Fact) -> list[str]:
    """The features of one reading of the rules."""
    return features(layout, fact.kind, number_at(layout.text, fact.span, fact.value))


def false_odds(text: str, facts: Sequence[Fact], model: Model) -> list[float]:
    """Each reading's probability of being false, the text's lines found once for all."""
    layout = Layout.of(text)
    return [1.0 - model.right(reading_features(layout, fact)) for fact in facts]


def second_opinion(
    text: str,
    judged: list[tuple[Fact, bool]],
    chosen: Settings | None = None,
    model: Model | None = None,
) -> list[tuple[Fact, bool]]:
    """The rules' readings with each one the model finds very likely false marked not good (so
    it is listed as unclassified); unchanged when the switch is off."""
    use = chosen or settings()
    if not use.enabled:
        return judged
    candidates = [
        index
        for index, (fact, good) in enumerate(judged)
        if good and fact.kind in use.kinds and vetoable(fact)
    ]
    if not candidates:
        return judged
    odds = false_odds(text, [judged[index][0] for index in candidates], model or shipped_model())
    vetoed = {index for index, odd in zip(candidates, odds, strict=True) if odd > use.veto_above}
    return [(fact, good and index not in vetoed) for index, (fact, good) in enumerate(judged)]
