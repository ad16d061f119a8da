"""Two lists written in the same order and paired by place: "Berg and TUG were 41 and 14.2 s
respectively", "R and L grip 22 and 18 kg", "17.9 and 12.2 s at eval and today respectively".

The readers of sides, scores and times each find their two lists their own way (what joins
their items differs on purpose: times may be joined by "vs", sides by a slash), and share how a
list is cut into its items and how two lists are paired: in order, and only when they are as
long as each other, since a list one item short pairs every item after the gap wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

_A = TypeVar("_A")
_B = TypeVar("_B")

RESPECTIVELY = re.compile(r"(?<![A-Za-z])respectively(?![A-Za-z])", re.IGNORECASE)
"""The word that pairs two lists by place, with no letter joined to either end."""


def list_items(joins: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span of each item of the list written at text[start:end], cut at each join."""
    items: list[tuple[int, int]] = []
    at = start
    for join in joins.finditer(text, start, end):
        items.append((at, join.start()))
        at = join.end()
    items.append((at, end))
    return items


def in_order(names: Sequence[_A], values: Sequence[_B]) -> list[tuple[_A, _B]]:
    """Each name with the value at its place, or nothing when the lists differ in length."""
    if len(names) != len(values):
        return []
    return list(zip(names, values, strict=True))
