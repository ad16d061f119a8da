"""The floors the eval figures have reached (floors.toml), so no change can quietly lower one.

Ratios and "clean" figures are floors (the figure may not drop below); counts of bad things
(false facts per 100, traps taken, finding line errors, fillers kept) are ceilings.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from pathlib import Path

from tests.eval.corpus import SPLITS, cases
from tests.eval.score import score

FLOORS = Path(__file__).resolve().parent / "floors.toml"
CEILINGS = frozenset(
    {"false_facts_per_100", "trap_violations", "finding_line_errors", "offline_fillers_kept"}
)
_SLACK = 1e-9


def floors(split: str) -> dict[str, float]:
    data = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    return {key: float(value) for key, value in data.get(split, {}).items()}


def write_floors(reached: Mapping[str, Mapping[str, float]]) -> None:
    """Record the figures reached as floors (ratios rounded down, ceilings rounded up), keeping
    the floors of splits not measured this time."""
    data = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    lines = [
        "# Floors reached by `make eval` (tests/eval): ratios may not drop below these and the",
        "# counts of bad readings (false facts per 100, traps, line errors, fillers kept) may not",
        "# rise above them. `python -m tests.eval --write-floors` records new ones.",
    ]
    for split in SPLITS:
        lines += ["", f"[{split}]"]
        if split in reached:
            bounds = {key: _bound(key, value) for key, value in reached[split].items()}
        else:
            bounds = data.get(split, {})  # as recorded: rounding again could move a bound
        lines += [f"{key} = {bound}" for key, bound in sorted(bounds.items())]
    FLOORS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _bound(key: str, value: float) -> float:
    """A ceiling rounded up to 0.01 and a floor down to 0.001, after cutting the float noise that
    would turn 0.28 into 0.29 (0.28 * 100 is 28.000000000000004)."""
    if key in CEILINGS:
        return math.ceil(round(value * 100, 6)) / 100
    return math.floor(round(value * 1000, 6)) / 1000


def check_floors(split: str, figures: Mapping[str, float]) -> list[str]:
    """Every figure that fell below its floor (or rose above its ceiling)."""
    problems = []
    for key, bound in floors(split).items():
        value = figures[key]
        if key in CEILINGS and value > bound + _SLACK:
            problems.append(f"{key} = {value:.4f}, ceiling {bound}")
        elif key not in CEILINGS and value < bound - _SLACK:
            problems.append(f"{key} = {value:.4f}, floor {bound}")
    return problems


def assert_at_floors(split: str) -> None:
    """Score `split` and fail with every figure below its floor."""
    assert_figures_at_floors(split, score(cases(split)).figures())


def assert_figures_at_floors(split: str, figures: Mapping[str, float]) -> None:
    """Fail with every figure of `split` below its floor (or above its ceiling)."""
    assert floors(split), f"floors.toml has no floors for {split}"
    assert check_floors(split, figures) == []
