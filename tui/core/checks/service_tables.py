"""A table of services is the note's record of them: its minutes column says which code the
minutes went to, so a code the table lists is counted from the table, not again from the prose
that describes the same treatment ("Ther ex 23 min: bridges, clams ..." above a table with
"| Ther ex | 97110 | 23 |" is one service of 23 minutes, not two)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from tui.core.checks.facts import Fact
from tui.core.checks.grids import grids


def tabled(text: str, services: Sequence[Fact]) -> list[Fact]:
    """The services with the prose mentions of a code that a table of `text` lists left out."""
    spans = sorted((grid.lines[0][0], grid.lines[-1][1]) for grid in grids(text) if grid.lines)
    if not spans:
        return list(services)
    starts = [start for start, _ in spans]

    def in_table(fact: Fact) -> bool:
        index = bisect.bisect_right(starts, fact.span[0]) - 1
        return index >= 0 and fact.span[0] < spans[index][1]

    codes = {fact.cpt for fact in services if in_table(fact)}
    return [fact for fact in services if in_table(fact) or fact.cpt not in codes]
