"""Arcs written in the rows of an exercise program: "Knee ext 90-45 (L) | 3 x 10 | 25 lb",
"SAQ (30-0°) 2x15, 3 lb cuff", "| Wall squat | 3 | 8 | BW | 0-75° |" (a Markdown row, read
as "Sets 3, 8 reps, ... Arc 0-75°").

A row that prescribes sets and repetitions is an exercise, and an angle or a range in it is the
arc the exercise was set up to move through, never a range the clinician measured. The row is
a table's whole line (pipes, tabs, three columns aligned by spaces, a Markdown row), or a
clause of a prose line with the clauses after it that hold only its dose ("LAQ 90-0 arc, 3x15,
2#"). A row that names a measurement ("AROM", "goniometer", "today", "was") is left to the
readers of motion, so a measured range written beside a dose is still read, and so is a range
in the clause before another exercise's ("Knee flex 0-126, heel slides 3x10") or right after a
motion's name in prose ("Knee flexion 120° short arc quads x10").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import data_table
from tui.core.checks.measures import labels
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.scan import Scanner

# An arc: two angles joined by a dash or "to" ("90-45", "30-0°", "0 to 60 deg"), one angle
# with its degree sign, or the angle a motion is taken "to" ("scaption to 90 w/ 1#"); never a
# load, a time, a count or a temperature ("2-3 lb", "10-15 reps", "110 deg F", "walk to 150 ft").
_DEGREES = r"(?:°|deg(?:rees?)?\b)"
_NOT_AN_ANGLE = (
    r"(?:[#%\"']|(?:lbs?|kgs?|reps?|sets?|x|s|secs?|seconds?|min\w*|ft|feet|in|inch\w*|cm|m|mm|km"
    r"|bpm|mmHg|mph|rpm|watts?|W(?!/)|RPE|steps?|laps?)\b)"
)
_ARC = re.compile(
    rf"(?<![\w./-])(?:\d{{1,3}}[ \t]*(?:-|\u2013|to)[ \t]*\d{{1,3}}(?:[ \t]*{_DEGREES})?"
    rf"|\d{{1,3}}[ \t]*{_DEGREES}|(?<=\bto[ \t])\d{{1,3}})"
    rf"(?![\d./])(?![ \t]*{_NOT_AN_ANGLE})(?![ \t]*[FC]\b)",
    re.IGNORECASE,
)
# A table's line: cells parted by pipes or tabs, or three columns aligned by runs of spaces (two
# spaces after a sentence's full stop are no column).
_CELLS = re.compile(r"\||\t|\S {2,}\S.*?\S {2,}\S")
# A prose line's clauses end at a comma, a semicolon or a sentence's end.
_CLAUSE_END = re.compile(r"[,;]|\.(?=[ \t]|$)")
# What a dose's clause may hold besides the dose: its load and how each repetition is done.
_LOAD_WORDS = re.compile(
    r"(?<![A-Za-z])(?:lbs?|kgs?|#|BW|ea(?:ch)?|holds?|s|secs?|seconds?|@|x)(?![A-Za-z])",
    re.IGNORECASE,
)


@cache
def _dose() -> re.Pattern[str]:
    return re.compile(either(data_table("exercise_rows").get("doses", ())), re.IGNORECASE)


@cache
def _measured() -> re.Pattern[str]:
    fragments = data_table("exercise_rows").get("measured", ())
    return whole_words(fragments)


@cache
def _rated() -> re.Pattern[str]:
    """A rating's or a vital sign's name right before a range: the range is its value."""
    fragments = data_table("exercise_rows").get("rated", ())
    return re.compile(rf"(?<![\w-])(?:{either(fragments)})[ \t:=]*(?:of[ \t]+)?$", re.IGNORECASE)


def block_exercise_arcs(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block every arc written in a row that prescribes an exercise."""
    text = scanner.text
    for start, end, table in _rows(scanner):
        row = text[start:end]
        if _dose().search(row) is None or _measured().search(row) is not None:
            continue
        for cell_start, cell_end in _exercise_cells(text, start, end) if table else [(start, end)]:
            _block_arcs(scanner, cell_start, cell_end, table)


def _block_arcs(scanner: Scanner, start: int, end: int, table: bool) -> None:
    text = scanner.text
    for arc in _ARC.finditer(text, start, end):
        if _rated().search(text, max(start, arc.start() - 16), arc.start()) is not None:
            continue
        if not table and _after_motion(text[max(start, arc.start() - 40) : arc.start()]):
            continue
        scanner.block(*arc.span())


# A table line's cells: parted by pipes, tabs or runs of two or more spaces.
_CELL = re.compile(r"[^|\t]+?(?=[ \t]*(?:\||\t| {2,}|$))")


def _exercise_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table's row that belong to its exercise. A cell holding a dose with words
    of its own ("HEP 3x10" beside "| Knee | Flex 0-110 |") is an exercise of its own, and only
    it holds an exercise's arc; when every cell holding a dose holds nothing but the dose ("|
    Wall squat | 3 | 8 | BW | 0-75° |", "Knee ext 90-45 (L) | 3 x 10 | 25 lb"), the row is the
    exercise."""
    cells = [
        (cell.start(), cell.end())
        for cell in _CELL.finditer(text, start, end)
        if cell.group().strip(" \t")
    ]
    dosed = [(a, b) for a, b in cells if _dose().search(text, a, b) is not None]
    if not dosed or all(_dose_only(text[a:b]) for a, b in dosed):
        return [(start, end)]
    return [(a, b) for a, b in dosed if not _dose_only(text[a:b])]


# The last word before a value, maybe with its mode after it ("Knee flexion 120°", "knee flex
# AROM 5-112").
_LAST_WORD = re.compile(r"([A-Za-z]{2,20})\.?(?:[ \t]+(?:A{1,2}ROM|PROM))?[ \t:]*$")


def _after_motion(before: str) -> bool:
    """True when a prose value follows a motion's name: a measurement written as one ("Knee
    flexion 120° short arc quads x10"), never an exercise's arc, which follows the exercise."""
    word = _LAST_WORD.search(before)
    return word is not None and bool(labels.parts_of(word.group(1)).motion)


def _rows(scanner: Scanner) -> Iterator[tuple[int, int, bool]]:
    """Each row of the text: a table's line whole, a prose line clause by clause."""
    text = scanner.text
    at = 0
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if _dose().search(text, at, end) is not None:
            yield from _row_spans(scanner, at, end)
        at = end + 1


def _row_spans(scanner: Scanner, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    original_start, original_end = scanner.span(start, end)
    original = scanner.norm.original[original_start:original_end]
    if _CELLS.search(original.strip()) is not None:
        yield start, end, True
        return
    text = scanner.text
    clauses = []
    clause = start
    for stop in _CLAUSE_END.finditer(text, start, end):
        clauses.append((clause, stop.start()))
        clause = stop.end()
    clauses.append((clause, end))
    # an exercise's clause with the dose-only clauses after it ("LAQ 90-0 arc, 3x15, 2#"); a
    # clause naming another exercise or a measure ("knee flex 0-120, heel slides 3x10") is its own
    at = 0
    while at < len(clauses):
        last = at
        while last + 1 < len(clauses) and _dose_only(text[slice(*clauses[last + 1])]):
            last += 1
        yield clauses[at][0], clauses[last][1], False
        at = last + 1


def _dose_only(clause: str) -> bool:
    """True when a clause holds a dose and nothing but its load and counts ("3x15", "2#")."""
    if _dose().search(clause) is None:
        return False
    left = _LOAD_WORDS.sub(" ", _dose().sub(" ", clause))
    return re.search(r"[A-Za-z]", left) is None
