"""Headings that name the quantity each column of a table holds (data/columns.toml
[quantity_headings]).

A print or an export of a session lays its readings out under plain words ("Task   Result
HR peak   L shoulder pain", "Subtest   Raw   Scaled   %ile", "Stage<tab>HR<tab>SpO2<tab>RPE",
"Exercise   Sets   Reps   Load"): no heading names a time, so the layouts that look for one
(`fixed_width`, `grids`) would leave the rows to be read as prose, where a task's dose ("Hose
advance 150 ft") reads as a distance and a pulse beside a shoulder as its angle. A clinician
reads such a heading as the table's key: every cell means what its column says, and the row's
own words (a task, a dose) only name the row. A heading counts as a table's when two of its
later headings name a reading, a time, a score or a dose; the words are data.

A column of times ("Time to complete", "Result") holds the time the row's task took: its
duration is marked "41.3 s (time taken)" (`TIME_CUE`) and read by `measures.column_times`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tui.core.checks.layouts.columns import data_table, vital_name
from tui.core.checks.measures import labels
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM

_KINDS = ("measures", "times", "scores", "doses")
_MIN_NAMED = 2
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# What a table's rewrite writes before a duration under a column of times (`mdtables`).
TIME_CUE = "time taken"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Each kind's headings, and the units of seconds, each matched on a whole heading."""
    table = data_table("quantity_headings")
    return {
        kind: re.compile(rf"^(?:{either(str(w) for w in table.get(kind, []))})$", re.IGNORECASE)
        for kind in (*_KINDS, "seconds")
    }


def _bare(heading: str) -> str:
    """A heading without its brackets, sides and emphasis ("L shoulder pain" -> "shoulder
    pain"; "Time (s)" -> "Time")."""
    text = _BRACKETS.sub(" ", heading.strip().strip("*_ "))
    text = labels.without_sides(text)
    return re.sub(r"\s+", " ", text).strip(" :")


def heading_kind(heading: str) -> str:
    """What a heading names: "measures", "times", "scores", "doses", or "" for none."""
    if vital_name(heading):
        return "measures"
    text = _bare(heading)
    if not text:
        return ""
    patterns = _patterns()
    for kind in _KINDS:
        if patterns[kind].match(text):
            return kind
    # "L shoulder pain", "Leg fatigue": a body part or a limb before the reading's word
    last = text.split()[-1]
    return "measures" if len(text.split()) <= 3 and patterns["measures"].match(last) else ""


def quantity_heading(names: Sequence[str]) -> bool:
    """True when a heading line's later headings name two quantities (see the module)."""
    return sum(bool(heading_kind(name)) for name in names[1:]) >= _MIN_NAMED


def time_column(heading: str) -> bool:
    """A heading of the time each row's task took."""
    return heading_kind(heading) == "times"


def seconds_units() -> str:
    """The units of seconds (columns.toml [quantity_headings] seconds) as one alternation, so
    a heading's bracket, a duration cell and the duration the rewrite cues read one list."""
    return either(str(unit) for unit in data_table("quantity_headings").get("seconds", []))


@cache
def _duration() -> re.Pattern[str]:
    """A duration cell's start: seconds, or minutes and seconds ("2 min 48 s"), in the units of
    columns.toml [quantity_headings]; no rate ("6 s / rep") and no second number after it."""
    table = data_table("quantity_headings")
    minutes = either(str(unit) for unit in table.get("minutes", []))
    return re.compile(
        rf"^(?:{NUM}[ \t]*(?:{minutes})[ \t]*)?{NUM}[ \t]*(?:{seconds_units()})\b"
        r"(?![ \t]*/)(?![^,;(]*\d)",
        re.IGNORECASE,
    )


def duration_cell(cell: str) -> bool:
    """A cell that opens with one duration ("41.3 s, no stops", "2 min 48 s"); a pair of
    times ("6 s / 9 s", "R 6 s L 9 s") is left to the readers of sides."""
    return bool(_duration().match(cell.strip()))


def duration_end(cell: str) -> int:
    """Where a cell's opening duration ends ("41.3 s, no stops" -> 6); the cell's length for
    a bare number (its unit is written after it)."""
    found = _duration().match(cell)
    return found.end() if found else len(cell)


def seconds_heading(heading: str) -> bool:
    """A time heading whose brackets give seconds as the unit ("Time (s)")."""
    inside = [m.group()[1:-1].strip() for m in _BRACKETS.finditer(heading)]
    return time_column(heading) and any(_patterns()["seconds"].match(part) for part in inside)
