"""Forces in rows under a heading that gives their unit once ("Hand-held dynamometry (make
test, N):" then "Hip abduction  R 214  L 236").

A dynamometry sheet names the unit in its heading and writes each row's sides with bare
numbers. Read as prose, a bare number after a side is nothing (no unit, no grade), so the rows
were lost. The heading must name a test of force (measures.toml [forces] headings) and a force
unit in its bracket; the rows are the lines below it up to a blank line or a line with no side
and number, each value labelled with its side and the row's words. A row named by a count of a
dose ("Reps R 10") ends them: its number is a count.
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

# A side and the bare number after it ("R 214", "L: 236"); a unit or a slash after it makes it
# another value ("R 4/5", "L 30 deg"), unless the slash parts it from the other side's value
# ("ER R 11.2 / L 14.0").
SIDE_VALUE = re.compile(
    r"(?<![\w.])(R|L|rt|lt|right|left)[ \t]*:?[ \t]*(\d{1,4}(?:\.\d+)?)"
    r"(?![\d.]|[ \t]*(?:[%°+-]|/(?![ \t]*(?:R|L|rt|lt|right|left)\b)"
    r"|(?!(?:R|L|rt|lt|right|left)\b)[A-Za-z]))",
    re.IGNORECASE,
)


@cache
def _heading() -> re.Pattern[str]:
    """A heading line: a test of force, a bracket holding a force unit, a colon at its end."""
    data = measures_section("forces")
    units = sorted(data.get("heading_units", {}), key=len, reverse=True)
    return re.compile(
        rf"^[^\n]*?\b(?:{either(data.get('headings', ()))})\b[^\n]*?"
        rf"\([^()\n]*?(?<![\w-])({either(re.escape(unit) for unit in units)})[ \t]*\)"
        r"[^\n:]*:[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    )


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
        at = heading.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if not _read_row(scanner, facts, at, end, unit):
                break
            at = end + 1


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
