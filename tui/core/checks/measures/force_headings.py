"""Forces in rows under a heading that gives their unit once ("Hand-held dynamometry (make
test, N):" then "Hip abduction  R 214  L 236").

A dynamometry sheet names the unit in its heading and writes each row's sides with bare
numbers. Read as prose, a bare number after a side is nothing (no unit, no grade), so the rows
were lost. The heading must name a test of force (measures.toml [forces] headings) and a force
unit in its bracket; the rows are the lines below it up to a blank line or a line with no side
and number, each value labelled with its side and the row's words. A row named by a count of a
dose ("Reps R 10") ends them: its number is a count. A heading may give the sides' order in a
legend instead of its colon ("Strength — HHD (kg), R / L" over "hip flexion  8.4 / 11.2"):
each row's two values are then the legend's sides in order.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import SIDE_NAMES
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

# A side and the bare number after it ("R 214", "L: 236"); a unit or a slash after it makes it
# another value ("R 4/5", "L 30 deg"), unless the slash parts it from the other side's value
# ("ER R 11.2 / L 14.0").
SIDE_VALUE = re.compile(
    r"(?<![\w.])(R|L|rt|lt|right|left)[ \t]*:?[ \t]*(\d{1,4}(?:\.\d+)?)"
    r"(?![\d.]|[ \t]*(?:[%°+-]|/(?![ \t]*(?:R|L|rt|lt|right|left)\b)"
    r"|(?!(?:R|L|rt|lt|right|left)\b)[A-Za-z]))",
    re.IGNORECASE,
)


# The order of the sides a heading gives its rows' pairs in ("HHD (kg), R / L"), in place of
# the colon that ends a heading over rows that write their sides.
_LEGEND = rf"(?P<first>{SIDE_WORD})[ \t]*/[ \t]*(?P<second>{SIDE_WORD})"
# A row of a legend's pair: the row's words, then two bare values parted by a slash, ending
# the line ("knee extension  14.9 / 17.6", "grip (Jamar, handle 2)  12 / 19"); a pinch's name
# may open with its count of points ("3-jaw chuck  5 / 6").
_PAIR_ROW = re.compile(
    r"[ \t]*(?P<name>(?:\d-)?[A-Za-z][^\n]*?)[ \t]+(?P<one>\d{1,4}(?:\.\d+)?)[ \t]*/[ \t]*"
    r"(?P<two>\d{1,4}(?:\.\d+)?)[ \t]*$",
    re.MULTILINE,
)


@cache
def _heading() -> re.Pattern[str]:
    """A heading line: a test of force, a bracket holding a force unit, a colon at its end."""
    data = measures_section("forces")
    units = sorted(data.get("heading_units", {}), key=len, reverse=True)
    return re.compile(
        rf"^[^\n]*?\b(?:{either(data.get('headings', ()))})\b[^\n]*?"
        rf"\([^()\n]*?(?<![\w-])({either(re.escape(unit) for unit in units)})[ \t]*\)"
        rf"(?:[^\n:]*:|[ \t]*,?[ \t]*{_LEGEND})[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _hand_test() -> re.Pattern[str]:
    """A test of the hand named in a heading or a row ("grip", "pinch")."""
    words = either(measures_section("forces").get("hand_headings", ()))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def _counted() -> re.Pattern[str]:
    """A row named by a count of a dose ("Reps R 10"): no force row."""
    words = either(measures_section("forces").get("count_rows", ()))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def _units() -> dict[str, str]:
    data = measures_section("forces")
    return {str(key).lower(): str(value) for key, value in data.get("heading_units", {}).items()}


def read_force_headings(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each side's bare value in the rows under a force heading, in the heading's unit."""
    text = scanner.text
    for heading in _heading().finditer(text):
        if scanner.in_header(heading.start()) or scanner.in_goal(heading.start()):
            continue
        unit = _units()[heading.group(1).lower()]
        legend = _legend_sides(heading)
        hand = _hand_test().search(heading.group())
        test = hand.group().lower() if hand else ""
        at = heading.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            read = (
                _read_pair(scanner, facts, (at, end), unit, legend, test)
                if legend
                else _read_row(scanner, facts, at, end, unit)
            )
            if not read:
                break
            at = end + 1


def _legend_sides(heading: re.Match[str]) -> tuple[str, str] | None:
    """The two sides a heading's legend names, in order ("R / L"), or None: a heading of
    rows that write their sides, or a legend naming one side twice."""
    if heading.group("first") is None:
        return None
    first, second = (SIDE_NAMES[heading.group(g).lower()] for g in ("first", "second"))
    return None if first == second else (first, second)


def _read_pair(
    scanner: Scanner,
    facts: list[Fact],
    line: tuple[int, int],
    unit: str,
    sides: tuple[str, str],
    test: str = "",
) -> bool:
    """The two values of one row under a heading's side legend, each of the legend's side in
    order; False when the line is no such row (the rows have ended)."""
    row = _PAIR_ROW.fullmatch(scanner.text, *line)
    if row is None or _counted().search(row.group("name")):
        return False
    name = labels.context_words(row.group("name"), 4)
    if test and not _hand_test().search(name):
        name = labels.join(test, name)  # "Jamar II" under "Grip (kg)": the grip
    for group, side in zip(("one", "two"), sides, strict=True):
        span = row.span(group)
        if scanner.free(*span):
            value = to_number(row.group(group))
            scanner.emit(facts, "strength", value, span, labels.join(side, name), unit=unit)
    return True


def _read_row(scanner: Scanner, facts: list[Fact], start: int, end: int, unit: str) -> bool:
    """The side values of one row; False when the line holds none (the rows have ended)."""
    values = list(SIDE_VALUE.finditer(scanner.text, start, end))
    if not values or _counted().search(scanner.text, start, values[0].start()):
        return False
    name = labels.context_words(scanner.text[start : values[0].start()], 4)
    for value in values:
        span = value.span(2)
        if not scanner.free(*span):
            continue
        side = SIDE_NAMES[value.group(1).lower()]
        scanner.emit(
            facts, "strength", to_number(value.group(2)), span, labels.join(side, name), unit=unit
        )
    return True
