"""Numbers that share the unit written after the last of them: "28.8 / 25.0 cm", "18.9 to 16.8 cm".

A draft that lists two sides or two times of one measurement writes the unit once, after the
last value, so the first value is a bare number its reader leaves unread and a changed one would
pass unchecked. Each number here is the first of a short run (up to five values joined by a
slash, a comma, "to", "and" or "or") that ends in a number with a unit, and carries that unit.
A dash joins no run ("0-118°" is one arc, "20-30 mmHg" one range), and a number inside a date
("12/02/46"), a time or a decimal never starts one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.core.checks.text.lexicon import UNIT_CLASSES

_NUMBER = r"\d+(?:\.\d+)?"
_JOIN = r"[ \t]*(?:/|,|to|and|or)[ \t]*"
_RUN = re.compile(
    rf"(?<![\w.,/:\-])({_NUMBER})(?!/\d{{1,2}}/\d)(?=(?:{_JOIN}{_NUMBER}){{1,4}}(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in UNIT_CLASSES.items())
    + r"))(?![\d.])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SharedUnit:
    """A bare number and the unit (and its class) written after the run it opens."""

    value: float
    unit_class: str
    unit: str
    span: tuple[int, int]


def shared_units(text: str) -> Iterator[SharedUnit]:
    """Each bare number in `text` that opens a run of values ending in a unit."""
    for match in _RUN.finditer(text):
        unit_class = next(name for name, unit in match.groupdict().items() if unit is not None)
        if "\n" in match.group(unit_class):
            continue  # the unit of the next line's first word ("132/78\n\n## Assessment")
        yield SharedUnit(
            value=float(match.group(1)),
            unit_class=unit_class,
            unit=match.group(unit_class).strip(),
            span=match.span(1),
        )
