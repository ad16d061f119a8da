"""The floors the eval figures have reached (floors.toml), so no change can quietly lower one.

Ratios and "clean" figures are floors (the figure may not drop below); counts of bad things
(false facts per 100, traps taken, finding line errors, fillers kept) are ceilings.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path

FLOORS = Path(__file__).resolve().parent / "floors.toml"
CEILINGS = frozenset(
    {"false_facts_per_100", "trap_violations", "finding_line_errors", "offline_fillers_kept"}
)
_SLACK = 1e-9


def floors(split: str) -> dict[str, float]:
    data = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    return {key: float(value) for key, value in data.get(split, {}).items()}


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
