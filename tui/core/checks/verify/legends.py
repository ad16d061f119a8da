"""A legend in brackets that says whose each bracketed value is.

A draft compresses a table into a line: "Right wrist AROM (left; right two weeks ago): flexion
54° (80°; 41°), extension 58° (72°; 47°)". The first value of each item is the heading's (the
right wrist today); the values in its brackets are, in order, those the legend names (the left
wrist, the right wrist earlier). A reader that labels by the nearest side word gives every value
the heading's side, and verification would then find the left side's values missing and the
"right" ones unsupported. The bracketed values are relabelled here with their legend item's
side, and "(previous)" where the legend item is an earlier time, read as a table column's
heading is (layouts/columns.py); the value before the brackets takes the heading's side and time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import columns
from tui.core.checks.measures import labels
from tui.core.checks.text.numbers import normalize

# A legend of two or more items in brackets, then a colon (its heading is read back from it).
_LEGEND = re.compile(r"\((?P<legend>[^()\n;]{1,80}(?:;[^()\n;]{1,80})+)\)[ \t]*:")
# Where a legend's heading starts: after the last line end, bracket, colon, semicolon or stop.
_HEAD_START = re.compile(r"[\n():;.][^\n():;.]*$")
_HEAD_REACH = 80
# An item's value, then its bracketed values.
_ITEM = re.compile(r"(?<![\d.])\d+(?:\.\d+)?[^\d()\n,;]{0,6}\((?P<inner>[^()\n]{1,80})\)")
_NUMBER = re.compile(r"(?<![\d.])-?\d+(?:\.\d+)?")
_ITEM_END = re.compile(r"\n|\.(?!\d)")


def relabelled(text: str, facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """The facts, those inside a side legend's brackets with the legend item's side."""
    if "):" not in text and ") :" not in text:
        return tuple(facts)
    by_start = sorted(range(len(facts)), key=lambda i: facts[i].span[0])
    starts = [facts[i].span[0] for i in by_start]
    result = list(facts)
    for legend in _LEGEND.finditer(text):
        items = [normalize(item).text.strip() for item in legend.group("legend").split(";")]
        sides = [labels.parts_of(item).side for item in items]
        head = _head(text, legend.start())
        head_side = labels.parts_of(head).side
        if not head_side or not all(sides):
            continue
        roles = columns(["", head_side, *items], 0)[2:]
        end = _ITEM_END.search(text, legend.end())
        stop = end.start() if end else len(text)
        head_earlier = any(column.role == "prior" for column in columns(["", head], 0)[1:])
        for item in _ITEM.finditer(text, legend.end(), stop):
            for index in _facts_at(by_start, starts, item.start()):
                result[index] = _with_side(result[index], head_side, head_earlier)
            inner_start = item.start("inner")
            for position, number in enumerate(_NUMBER.finditer(item.group("inner"))):
                if position >= len(items):
                    break
                at = inner_start + number.start()
                for index in _facts_at(by_start, starts, at):
                    result[index] = _with_side(
                        result[index], sides[position], roles[position].role == "prior"
                    )
    return tuple(result)


def _head(text: str, at: int) -> str:
    """The words before a legend, back to the last break within reach."""
    before = text[max(0, at - _HEAD_REACH) : at]
    start = _HEAD_START.search(before)
    return before[start.start() + 1 :] if start else before


def _facts_at(order: list[int], starts: list[int], at: int) -> list[int]:
    low = bisect.bisect_left(starts, at)
    high = bisect.bisect_right(starts, at + 1)
    return [order[i] for i in range(low, high)]


def _with_side(fact: Fact, side: str, earlier: bool) -> Fact:
    """The fact with the legend's side and time: the legend, not the words read before the
    value (which hold the legend's other items), says whose the value is and when."""
    label = labels.join(side, labels.without_sides(fact.label.replace("(previous)", "")))
    return replace(fact, label=f"{label} (previous)" if earlier else label)
