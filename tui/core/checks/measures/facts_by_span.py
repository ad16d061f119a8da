"""A pass's facts in order of their spans, for the readers that ask, once per value or bracket,
which facts start in a stretch of the note (the facts of a line, of a sentence before a
bracket): sorted once and found by bisection, so a long note costs no search of every fact per
ask (the note's facts times its values, quadratic)."""

from __future__ import annotations

from bisect import bisect_left

from tui.core.checks.facts import Fact


class FactsBySpan:
    """The facts of one list by span, sorted at the first ask and again only after
    `changed` (a reader that adds or drops facts it wants asked about says so)."""

    def __init__(self, facts: list[Fact]) -> None:
        self._facts = facts
        self._sorted: tuple[list[Fact], list[int]] | None = None

    def starting(self, low: int, high: int) -> list[Fact]:
        """The facts starting at `low` up to `high`, by span (ties in the order read)."""
        if self._sorted is None:
            ordered = sorted(self._facts, key=lambda fact: fact.span)
            self._sorted = ordered, [fact.span[0] for fact in ordered]
        ordered, starts = self._sorted
        return ordered[bisect_left(starts, low) : bisect_left(starts, high)]

    def changed(self) -> None:
        """The list was changed: sort it again at the next ask."""
        self._sorted = None
