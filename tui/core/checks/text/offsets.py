"""Maps from a rewritten text back to the text it was rewritten from, one entry per run.

Normalising a note copies most of it and replaces a few pieces (a table row, a spelled-out
number). A table of two offsets per character of a 1 MB note costs more than the rest of the
normalising, so the map keeps one entry per copied run or replaced piece and finds a
character's run by bisection: the same offsets, in space and time linear in the pieces.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

# A run copied unchanged has no fixed end: each character maps to the one it was copied from.
_COPIED = -1


@dataclass
class RunMap:
    """Where each character of a rewritten text came from: `start_at(i)` and `end_at(i)` are
    the first character and one past the last character of the source it stands for."""

    size: int = 0
    _bounds: list[int] = field(default_factory=list)
    _sources: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)
    _found: dict[int, int | None] = field(default_factory=dict, compare=False, repr=False)

    def copied(self, source: int, length: int) -> None:
        """The next `length` characters are `source`, `source + 1`, ... copied unchanged."""
        if length > 0:
            self._add(source, _COPIED, length)

    def replaced(self, source_start: int, source_end: int, length: int) -> None:
        """The next `length` characters all stand for the source span given."""
        if length > 0:
            self._add(source_start, source_end, length)

    def _add(self, source: int, end: int, length: int) -> None:
        self._found.clear()
        self._bounds.append(self.size)
        self._sources.append(source)
        self._ends.append(end)
        self.size += length

    def _run_end(self, run: int) -> int:
        return self._bounds[run + 1] if run + 1 < len(self._bounds) else self.size

    def start_at(self, pos: int) -> int:
        run = bisect.bisect_right(self._bounds, pos) - 1
        if self._ends[run] == _COPIED:
            return self._sources[run] + pos - self._bounds[run]
        return self._sources[run]

    def position_of(self, source: int) -> int | None:
        """The rewritten position whose character starts at source offset `source`, if any: a
        binary search over the positions (their sources only grow), remembered, since the
        readers after extraction each ask it for every fact."""
        if source in self._found:
            return self._found[source]
        low, high = 0, self.size
        while low < high:
            middle = (low + high) // 2
            if self.start_at(middle) < source:
                low = middle + 1
            else:
                high = middle
        found = low if low < self.size and self.start_at(low) == source else None
        self._found[source] = found
        return found

    def end_at(self, pos: int) -> int:
        run = bisect.bisect_right(self._bounds, pos) - 1
        if self._ends[run] == _COPIED:
            return self._sources[run] + pos - self._bounds[run] + 1
        return self._ends[run]


def composed(outer: RunMap, inner: RunMap) -> RunMap:
    """One map for two rewrites one after the other: `inner` maps the newest text to the middle
    one, `outer` the middle one to the original. A position past the middle text's end stands
    for its end, so no offset needs clamping by the caller. Built run by run (a copied run of
    `inner` split where `outer`'s runs change), so finding a character's origin is one
    bisection however many rewrites there were."""
    joined = RunMap()
    last = outer.size - 1
    for index, bound in enumerate(inner._bounds):
        length = inner._run_end(index) - bound
        source, end = inner._sources[index], inner._ends[index]
        if last < 0:
            joined.replaced(0, 0, length)
        elif end != _COPIED:
            start_at = outer.start_at(min(source, last))
            joined.replaced(start_at, outer.end_at(min(max(end - 1, 0), last)), length)
        else:
            _copied_through(joined, outer, source, length)
    return joined


def _copied_through(joined: RunMap, outer: RunMap, source: int, length: int) -> None:
    """Middle positions `source` ... `source + length - 1`, copied, mapped through `outer`."""
    last = outer.size - 1
    at, stop = source, source + length
    while at < stop:
        if at > last:  # past the middle text's end: its end
            joined.replaced(outer.start_at(last), outer.end_at(last), stop - at)
            return
        run = bisect.bisect_right(outer._bounds, at) - 1
        until = min(stop, outer._run_end(run), last + 1)
        if outer._ends[run] == _COPIED:
            joined.copied(outer._sources[run] + at - outer._bounds[run], until - at)
        else:
            joined.replaced(outer._sources[run], outer._ends[run], until - at)
        at = until


Spans = tuple[tuple[int, int], ...]


def carried_forward(spans: Spans, inner: RunMap | None) -> Spans:
    """Sorted, non-overlapping spans of a middle text as spans of the newer text `inner` maps
    back to it: a copied character keeps its mark, and a piece written in place of marked
    characters is marked whole (a spelled number inside a restated name stays part of it)."""
    if inner is None or not spans:
        return spans
    starts = [start for start, _ in spans]
    found: list[tuple[int, int]] = []
    for index, bound in enumerate(inner._bounds):
        length = inner._run_end(index) - bound
        source, end = inner._sources[index], inner._ends[index]
        if end != _COPIED:
            at = bisect.bisect_left(starts, end) - 1  # the one span that can reach into it
            if at >= 0 and spans[at][1] > source:
                found.append((bound, bound + length))
            continue
        at = max(bisect.bisect_right(starts, source) - 1, 0)
        while at < len(spans) and spans[at][0] < source + length:
            low, high = max(spans[at][0], source), min(spans[at][1], source + length)
            if low < high:
                found.append((bound + low - source, bound + high - source))
            at += 1
    return tuple(found)
