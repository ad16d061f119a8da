"""A stretch of text searched once for a pattern, then read from any point of it.

A reader that looks, after each value of a sentence, for words later in the same sentence
("it's a 2" after "pain 4/10") searches the rest of the sentence once per value: on a note
written as one long sentence of values that is quadratic. The stretch's matches are found once
and each look reads those from its point on: the same matches `finditer` gives from there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache


def matches_from(
    pattern: re.Pattern[str], text: str, stretch: tuple[int, int], start: int
) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text, start, stretch[1])` for `start` inside the stretch, for a pattern
    that never matches an empty string. A search from the stretch's start that reaches `start`
    outside a match tries every position from there as a search from `start` does, so their
    matches from `start` on are the same; one that holds `start` inside a match is not, and the
    search is then made afresh."""
    found = _matches(pattern, text, stretch)
    index = bisect.bisect_left(found, start, key=lambda match: match.start())
    if index and found[index - 1].end() > start:
        return pattern.finditer(text, start, stretch[1])
    return found[index:]


@lru_cache(maxsize=64)
def _matches(
    pattern: re.Pattern[str], text: str, stretch: tuple[int, int]
) -> tuple[re.Match[str], ...]:
    return tuple(pattern.finditer(text, *stretch))
