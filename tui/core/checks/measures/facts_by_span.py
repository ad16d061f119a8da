"""A pass's facts in order of their spans, for the readers that ask, once per value or bracket,
which facts start in a stretch of the note (the facts of a line, of a sentence before a
bracket): sorted once and found by bisection, so a long note costs no search of every fact per
ask (the note's facts times its values, quadratic)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from tui.core.checks.facts import Fact


class FactsBySpan:
    """The facts of one list by span, sorted at the first ask. A reader that reads facts while
    it asks keeps the order itself: `add` puts a fact it appended in its place and `drop` takes
    facts out of the order at once and out of the list at `settle`, so neither costs a sort or
    a search of every fact (once per bracket, that was the note's facts times its brackets)."""

    def __init__(self, facts: list[Fact]) -> None:
        self._facts = facts
        self._sorted: list[Fact] | None = None
        self._starts: list[int] = []
        self._dropped: set[int] = set()  # ids of facts dropped and still in the list

    def _order(self) -> list[Fact]:
        if self._sorted is None:
            self._sorted = sorted(self._facts, key=lambda fact: fact.span)
            self._starts = [fact.span[0] for fact in self._sorted]
        return self._sorted

    def starting(self, low: int, high: int) -> list[Fact]:
        """The facts starting at `low` up to `high`, by span (ties in the order read)."""
        ordered = self._order()
        return ordered[bisect_left(self._starts, low) : bisect_left(self._starts, high)]

    def add(self, fact: Fact) -> None:
        """`fact` was appended to the list: it goes after every fact of its span or an earlier
        one, as a sort of the list would place it (ties in the order read)."""
        ordered = self._order()
        at = bisect_right(ordered, fact.span, key=lambda known: known.span)
        ordered.insert(at, fact)
        self._starts.insert(at, fact.span[0])

    def drop(self, facts: list[Fact]) -> None:
        """Take `facts` (found by `starting`) out of the order now, and out of the list at
        `settle`."""
        ordered = self._order()
        for fact in facts:
            low = bisect_left(self._starts, fact.span[0])
            high = bisect_right(self._starts, fact.span[0])
            at = next(index for index in range(low, high) if ordered[index] is fact)
            del ordered[at], self._starts[at]
            self._dropped.add(id(fact))

    def settle(self) -> None:
        """Take the dropped facts out of the list, in one pass; the others keep their order."""
        if self._dropped:
            self._facts[:] = [fact for fact in self._facts if id(fact) not in self._dropped]
            self._dropped.clear()

    def changed(self) -> None:
        """The list was changed by other hands: sort it again at the next ask (facts dropped
        here leave the list first)."""
        self.settle()
        self._sorted = None
