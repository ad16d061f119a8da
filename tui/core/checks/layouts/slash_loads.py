"""Two loads or more set apart by slashes with one unit after them: "Grip (Jamar, handle
positions 2 and 3): R 38/40 kg", "pinch L 6/7 lb", three trials "L 58/61/60 lb".

A therapist writes one value per trial or per handle position and the unit once; read as
written, "38/40 kg" is a score over its maximum, so the first value is lost and only the second
is read. No score is written over a maximum in kilograms or pounds, so each value is a load in the
unit after them: the unit is written after the first value too (mapped to its last digit, so the
value's span stays the value's). A fraction of a pound ("1/2 lb cuff weight") is one value, and
a pair with sides written beside it ("R/L 38/44 kg", "61/44 lbs R/L") is the side readers', and
a value over 5 is a muscle grade ("5/5 N": N is also the grade Normal).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.layouts.columns import slash_load_data
from tui.core.checks.layouts.side_pairs import SIDES
from tui.core.checks.text.alternation import either
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.pieces import Piece

_LOOK_BACK = 40


def _units() -> str:
    """The units of slash loads as one alternation, each written as itself."""
    return either(re.escape(str(unit)) for unit in slash_load_data().get("units", ()))


@cache
def _pair() -> re.Pattern[str]:
    units = _units()
    return re.compile(
        rf"(?<![\d./])(?P<first>\d{{1,3}}(?:\.\d)?)(?P<middle>(?:[ \t]*/[ \t]*\d{{1,3}}(?:\.\d)?)*)"
        rf"[ \t]*/[ \t]*(?P<second>\d{{1,3}}(?:\.\d)?)[ \t]*(?P<unit>{units})(?![A-Za-z/])"
    )


# A value inside a series of loads ("58/61/60 lb": the 61).
_MIDDLE = re.compile(r"\d{1,3}(?:\.\d)?")


def slash_load_pieces(text: str) -> list[Piece]:
    """The unit written after the first of each pair of loads parted by a slash."""
    if "/" not in text:
        return []
    least = float(slash_load_data().get("least", 0))
    pieces: list[Piece] = []
    for match in line_scan(_pair(), text):
        middle = list(_MIDDLE.finditer(text, *match.span("middle")))
        values = [match.group("first"), *(value.group() for value in middle), match.group("second")]
        if min(float(value) for value in values) < least:
            continue
        if _graded(match):
            continue
        if _sided(text, match.start(), match.end()):
            continue
        for end in (match.end("first"), *(value.end() for value in middle)):
            pieces.append(Piece(end, end, f" {match.group('unit')}", end - 1, end))
    return pieces


def _graded(match: re.Match[str]) -> bool:
    """A value over the maximum of a muscle grade ("5/5 N", N the grade Normal): one grade,
    never two loads; a run of three ("5/6/5 lb", trials) is no grade."""
    return (
        not match.group("middle")
        and float(match.group("second")) == float(slash_load_data().get("grade_maximum", 5))
        and float(match.group("first")) <= float(match.group("second"))
    )


@cache
def _unit_heading() -> re.Pattern[str]:
    """A line's opening words naming a force test, then its unit in a bracket."""
    tests = either(str(test) for test in slash_load_data().get("heading_tests", ()))
    units = _units()
    return re.compile(
        rf"(?im)^[ \t*-]*[^\n\d(]{{0,40}}?\b(?:{tests})\b[^\n\d(]{{0,30}}?"
        rf"\([ \t]*(?P<unit>{units})[ \t]*\)"
    )


# A run of trials with no unit after it: two values or more parted by slashes.
_BARE_RUN = re.compile(
    r"(?<![\d./])\d{1,3}(?:\.\d)?(?:[ \t]*/[ \t]*\d{1,3}(?:\.\d)?)+"
    r"(?![\d./]|[ \t]*(?:[%°]|[A-Za-z]))"
)


def headed_run_pieces(text: str) -> list[Piece]:
    """The unit a force test's heading writes in a bracket, written after each value of the
    runs of trials on its line ("Grip (kg) R 31/33/30, L 24/22/25")."""
    if "/" not in text or "(" not in text:
        return []
    pieces: list[Piece] = []
    for heading in line_scan(_unit_heading(), text):
        line_end = text.find("\n", heading.end())
        line_end = len(text) if line_end < 0 else line_end
        if _sided(text, heading.end(), heading.end()):
            continue  # "Grip (kg) R/L 31/24": a value per side, the legend readers'
        unit = heading.group("unit")
        for run in _BARE_RUN.finditer(text, heading.end(), line_end):
            for value in _MIDDLE.finditer(text, *run.span()):
                end = value.end()
                pieces.append(Piece(end, end, f" {unit}", end - 1, end))
    return pieces


def _sided(text: str, start: int, end: int) -> bool:
    """A pair of sides written on the pair's line, before it or after it ("R/L 38/44 kg",
    "61/44 lbs R/L"): the values are one per side, the legend readers' to read."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(
        SIDES.search(text, max(line_start, start - _LOOK_BACK), start)
        or SIDES.search(text, end, min(line_end, end + _LOOK_BACK))
    )
