"""Arcs written in the rows of an exercise program: "Knee ext 90-45 (L) | 3 x 10 | 25 lb",
"SAQ (30-0°) 2x15, 3 lb cuff", "| Wall squat | 3 | 8 | BW | 0-75° |" (a Markdown row, read
as "Sets 3, 8 reps, ... Arc 0-75°").

A row that prescribes sets and repetitions is an exercise, and an angle or a range in it is the
arc the exercise was set up to move through, never a range the clinician measured. The row is
a table's whole line (pipes, tabs, columns aligned by spaces, a Markdown row), or a clause of a
prose line (up to a semicolon or a sentence's end). A row that names a measurement ("AROM",
"goniometer", "today", "was") is left to the readers of motion, so a measured range written
beside a dose is still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import exercise_row_data
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# An arc: two angles joined by a dash or "to" ("90-45", "30-0°", "0 to 60 deg"), or one angle
# with its degree sign; never a load, a time or a count ("2-3 lb", "10-15 reps").
_DEGREES = r"(?:°|deg(?:rees?)?\b)"
_NOT_AN_ANGLE = (
    r"(?:[#%\"']|(?:lbs?|kgs?|reps?|sets?|x|s|secs?|seconds?|min\w*|ft|feet|in|inch\w*|cm|m)\b)"
)
_ARC = re.compile(
    rf"(?<![\w./-])(?:\d{{1,3}}[ \t]*(?:-|\u2013|to)[ \t]*\d{{1,3}}(?:[ \t]*{_DEGREES})?"
    rf"|\d{{1,3}}[ \t]*{_DEGREES})(?![\d./])(?![ \t]*{_NOT_AN_ANGLE})",
    re.IGNORECASE,
)
# A table's line: cells parted by pipes, tabs or a run of spaces.
_CELLS = re.compile(r"\||\t| {2,}")
# A prose line's clauses end at a semicolon or a sentence's end.
_CLAUSE_END = re.compile(r";|\.(?=[ \t]|$)")


@cache
def _dose() -> re.Pattern[str]:
    return re.compile(either(exercise_row_data().get("doses", ())), re.IGNORECASE)


@cache
def _measured() -> re.Pattern[str]:
    fragments = exercise_row_data().get("measured", ())
    return re.compile(rf"(?<![\w-])(?:{either(fragments)})(?![\w-])", re.IGNORECASE)


def block_exercise_arcs(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block every arc written in a row that prescribes an exercise."""
    text = scanner.text
    for start, end in _rows(scanner):
        row = text[start:end]
        if _dose().search(row) is None or _measured().search(row) is not None:
            continue
        for arc in _ARC.finditer(text, start, end):
            scanner.block(*arc.span())


def _rows(scanner: Scanner) -> Iterator[tuple[int, int]]:
    """Each row of the text: a table's line whole, a prose line clause by clause."""
    text = scanner.text
    at = 0
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if _dose().search(text, at, end) is not None:
            yield from _row_spans(scanner, at, end)
        at = end + 1


def _row_spans(scanner: Scanner, start: int, end: int) -> Iterator[tuple[int, int]]:
    original_start, original_end = scanner.span(start, end)
    original = scanner.norm.original[original_start:original_end]
    if _CELLS.search(original.strip()) is not None:
        yield start, end
        return
    clause = start
    for stop in _CLAUSE_END.finditer(scanner.text, start, end):
        yield clause, stop.start()
        clause = stop.end()
    yield clause, end
