"""Columns of times or sides set apart by spaces: a heading over rows of values.

"CROM (inclinometer)     today    04/06" over "  Rotation R    66    58" is a table written
with spaces: each row's last values sit under the heading's times, and the value under an
earlier time (a date, "IE", "wk 4" beside "today") is an earlier visit's. Readers take such
rows as prose (the name, then its values), so after every reader each value under an earlier
column is labelled earlier. A heading is a line whose cells after the first (cells are set
apart by two spaces or a tab) all name times, two of them at least, read as a table's headings
are (tui/core/checks/layouts/columns.py: with a "today" column every other time is earlier,
without one the last time is this visit's); its rows are the lines under it up to a blank
line or a line whose last cells are not as many numbers as the heading has times. A column of
goals or norms is left to its readers, and so is a heading of the session's own times ("Pre
Post", "Rest  Peak": columns.toml [time_pairs] session), which may be one visit's readings
before and after exercise. A heading whose cells after the first are all sides ("ROM
(goniometer, degrees)     R     L") gives each value under it its column's side, unless its
label names one already. Each line is split once, so the pass is linear.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import columns, role_of, time_pair_data
from tui.core.checks.measures import labels
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import SIDE_NAMES
from tui.core.checks.text.scan import Scanner

# A cell: words set apart by single spaces; cells are set apart by two spaces or a tab.
_CELL = re.compile(r"[^\t ]+(?: [^\t ]+)*")
# A value's cell: a number with its sign, a grade's plus or minus, degrees or a short unit.
# A remark in brackets may follow it in the cell ("+3° (hyperext)").
_VALUE_CELL = re.compile(
    r"[-+~]?\d+(?:\.\d+)?[-+]?(?:/\d+)?[ ]?(?:°|%|[A-Za-z]{1,4})?(?: \([^()\n]{1,30}\))?"
)
_TIMES = ("current", "prior", "timepoint")
# A heading of times holds one written in words ("today", "IE", "wk 4") or a date with its year:
# bare "04/06" cells alone may be a row of scores ("31/56   44/56").
_WRITTEN_TIME = re.compile(r"[A-Za-z]|\d{4}")
_ROWS = 40


def mark_timepoint_columns(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value under an earlier time of a heading set apart by spaces,
    and give each value under a side's column that side."""
    text = scanner.norm.original
    marks: list[tuple[int, int, str]] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    index = 0
    while index < len(lines):
        roles = _heading(lines[index])
        if roles is None:
            index += 1
            continue
        row = index + 1
        while row < len(lines) and row <= index + _ROWS:
            cells = list(_CELL.finditer(lines[row]))
            values = cells[-len(roles) :] if len(cells) > len(roles) else []
            if not values or not all(_VALUE_CELL.fullmatch(cell.group()) for cell in values):
                break
            for cell, role in zip(values, roles, strict=True):
                marks.append((offsets[row] + cell.start(), offsets[row] + cell.end(), role))
            row += 1
        index = row
    # each cell's facts found by bisection over where the facts start (a relabelled fact keeps
    # its span), not by a look at every fact for every cell: quadratic on a long note
    starts = sorted((fact.span[0], position) for position, fact in enumerate(facts))
    keys = [start for start, _ in starts]
    for low, high, role in marks:
        for _, position in starts[bisect.bisect_left(keys, low) : bisect.bisect_left(keys, high)]:
            fact = facts[position]
            if fact.kind == "service":
                continue
            if role == "prior" and may_be_earlier(fact):
                facts[position] = as_earlier(fact)
            elif role in ("R", "L") and not labels.parts_of(fact.label).side:
                facts[position] = dataclasses.replace(fact, label=f"{role} {fact.label}")


@cache
def _session() -> re.Pattern[str]:
    words = either(str(word) for word in time_pair_data().get("session", ()))
    return re.compile(rf"(?:{words})", re.IGNORECASE)


@cache
def _section_mark() -> re.Pattern[str]:
    marks = either(str(mark) for mark in time_pair_data().get("section_marks", ()))
    return re.compile(rf"(?:{marks})", re.IGNORECASE)


def _heading(line: str) -> list[str] | None:
    """The roles of a heading's columns (current, prior, goal..., or the side R or L), or None
    when the line is no heading of times or sides."""
    cells = [cell.group() for cell in _CELL.finditer(line)]
    if len(cells) > 3 and _section_mark().fullmatch(cells[0]):
        cells = cells[1:]  # "O  Knee ROM   R   L": the section's letter opens the line
    if len(cells) < 3 or not re.search(r"[A-Za-z]", cells[0]):
        return None
    times = cells[1:]
    sides = [SIDE_NAMES.get(cell.lower()) for cell in times]
    if len(times) >= 2 and all(sides) and len(set(sides)) == len(sides):
        return [str(side) for side in sides]
    if any(_session().fullmatch(cell) for cell in times):
        return None
    if not any(_WRITTEN_TIME.search(cell) for cell in times):
        return None  # "Berg   31/56   44/56": a row of scores, not of dates
    own = [role_of(cell) for cell in times]
    if sum(role in _TIMES for role in own) < 2 or any(
        role not in (*_TIMES, "goal", "reference") for role in own
    ):
        return None
    found = columns([cells[0], *times], 0)
    return [column.role for column in found[1:]]
