"""A pass's facts in order of their spans, for the readers that ask, once per value or bracket,
which facts start in a stretch of the note (the facts of a line, of a sentence before a
bracket): sorted once and found by bisection, so a long note costs no search of every fact per
ask (the note's facts times its values, quadratic)."""

from __future__ import annotations

from bisect import bisect_left, insort_right
from heapq import merge

from tui.core.checks.facts import Fact


class FactsBySpan:
    """The facts of one list by span, sorted at the first ask. A reader that reads facts while
    it asks keeps the order itself: `add` keeps a fact it appended apart, in the order read
    (a reader reads left to right), and `drop` hides facts at once and takes them out of the
    list at `settle`; an ask merges the two stretches. Neither costs a sort, a search of every
    fact or a shift of the sorted list (once per bracket, that was the note's facts times its
    brackets)."""

    def __init__(self, facts: list[Fact]) -> None:
        self._facts = facts
        self._sorted: list[Fact] | None = None
        self._starts: list[int] = []
        self._added: list[Fact] = []  # appended since the sort, by span
        self._dropped: set[int] = set()  # ids of facts dropped and still in the list

    def _order(self) -> list[Fact]:
        if self._sorted is None:
            self._sorted = sorted(self._facts, key=lambda fact: fact.span)
            self._starts = [fact.span[0] for fact in self._sorted]
        return self._sorted

    def starting(self, low: int, high: int) -> list[Fact]:
        """The facts starting at `low` up to `high`, by span (ties in the order read)."""
        ordered = self._order()
        found = ordered[bisect_left(self._starts, low) : bisect_left(self._starts, high)]
        if self._added:
            first = bisect_left(self._added, low, key=_start)
            added = self._added[first : bisect_left(self._added, high, key=_start)]
            # a merge keeps a sorted fact before an added one of the same span: read earlier
            found = list(merge(found, added, key=_span)) if added else found
        if self._dropped:
            found = [fact for fact in found if id(fact) not in self._dropped]
        return found

    def add(self, fact: Fact) -> None:
        """`fact` was appended to the list: it goes after every fact of its span or an earlier
        one, as a sort of the list would place it (ties in the order read)."""
        if self._sorted is None:
            return  # the first ask sorts it in
        if self._added and _span(fact) < _span(self._added[-1]):
            insort_right(self._added, fact, key=_span)  # read out of order: rare
        else:
            self._added.append(fact)

    def drop(self, facts: list[Fact]) -> None:
        """Take `facts` (found by `starting`) out of every later ask now, and out of the list
        at `settle`."""
        self._dropped.update(id(fact) for fact in facts)

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
        self._added = []


def _span(fact: Fact) -> tuple[int, int]:
    return fact.span


def _start(fact: Fact) -> int:
    return fact.span[0]
