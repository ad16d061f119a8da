"""Values a legend names as targets are goals, not measurements.

"Measures - was / now / target:" over "L ankle PF AROM 60 deg / 72 deg / 75 deg", or "FAAM-Sport
53% / 78% / 90% (IE / now / goal)": the value in the target's place is what the patient is to
reach. It is blocked before any reader runs (`block_legend_targets`), and a value a reader took
all the same (a count of repetitions may be read through a block) is dropped after every reader
(`drop_legend_targets`). The target words are data (legends.toml target).
"""

from __future__ import annotations

from functools import lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.legends import target_spans
from tui.core.checks.text.scan import Scanner


@lru_cache(maxsize=8)
def _targets(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(target_spans(text))


def block_legend_targets(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block each value a legend names as a target before any reader runs."""
    for start, end in _targets(scanner.text):
        scanner.block(start, end)


def drop_legend_targets(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Drop each fact read from a value a legend names as a target."""
    targets = [scanner.span(start, end) for start, end in _targets(scanner.text)]
    if not targets:
        return
    facts[:] = [
        fact
        for fact in facts
        if fact.kind == "service" or not any(low <= fact.span[0] < high for low, high in targets)
    ]
