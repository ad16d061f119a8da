"""Numbers written with a unit, and the unit's class: what a draft's quantities are checked as."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.core.checks.extract import non_measurements
from tui.core.checks.facts import Fact
from tui.core.checks.text.lexicon import UNIT_CLASSES
from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.shared_units import shared_units

# A number with its unit: the matches of r"(?<![A-Za-z0-9.])(NUM)(?:units)", the check on the
# character before written after the first digit so the engine skips to digits.
QUANTITY = re.compile(
    r"(\d(?<![A-Za-z0-9.]\d)\d*(?:\.\d+)?)(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in UNIT_CLASSES.items())
    + ")",
    re.IGNORECASE,
)

CLASSES_OF_KIND = {
    "pain": ("ratio10",),
    "rom": ("deg",),
    "strength": ("weight",),
    "girth": ("length",),
    "service": ("minutes",),
    "outcome": ("pct", "seconds", "distance", "speed", "points"),
    "other": ("pct", "distance", "seconds", "ratio10"),
}


@dataclass(frozen=True)
class Quantity:
    """A number written with a unit, and the unit's class ("deg", "minutes", "ratio10")."""

    value: float
    unit_class: str
    unit: str
    span: tuple[int, int]


def quantities(text: str, *, measurements_only: bool = False) -> list[Quantity]:
    """Every number written with a recognised unit, spans in the original text.

    With `measurements_only`, numbers in dates, doses, durations, thresholds ("> 13.5 s"),
    reference values and goals are left out: they are not this visit's measurements.
    """
    return [q for q, blocked in quantities_read(text) if not (measurements_only and blocked)]


@lru_cache(maxsize=8)
def quantities_read(text: str) -> tuple[tuple[Quantity, bool], ...]:
    """Each quantity with whether the rules say it is not a measurement; read once a text."""
    scanner = non_measurements(text)
    found = []
    for match in QUANTITY.finditer(scanner.text):
        unit_class = next(name for name, group in match.groupdict().items() if group is not None)
        quantity = Quantity(
            value=float(match.group(1)),
            unit_class=unit_class,
            unit=match.group(unit_class).strip(),
            span=scanner.span(match.start(), match.end()),
        )
        found.append((quantity, scanner.is_blocked(match.start(1), match.end(1))))
    return tuple(found)


@lru_cache(maxsize=8)
def unitless_numbers(text: str) -> frozenset[float]:
    """The numbers a text writes at least once with no unit after them. A number the text only
    ever writes with a unit ("NDI forty percent") is that kind of value, so it backs a draft's
    quantity of the same unit and no other ("40° elbow extension"). A "unit" on the next line
    ("2026" then a heading's "#" or an "S:") is none. A sets-by-reps dose and the header's
    date, record number and visit are counts and labels, no value a draft's quantity can take."""
    scanner = non_measurements(text)
    plain = scanner.text
    opened = {match.start(1) for match in QUANTITY.finditer(plain) if "\n" not in match.group()}
    opened |= {dose.start(i) for dose in _SETS_BY_REPS.finditer(plain) for i in (1, 2)}
    return frozenset(
        float(number.group())
        for number in ANY_NUMBER.finditer(plain)
        if number.start() not in opened and not scanner.in_header(number.start())
    )


@lru_cache(maxsize=8)
def dose_counts(text: str) -> dict[int, float]:
    """Where each count of a sets-by-reps dose (or a size written "16 x 16") starts, and its
    value: a draft that copies the note's "3 x 10 to 60 deg" writes the counts the note writes,
    whatever unit a run lends them."""
    return {
        dose.start(i): float(dose.group(i)) for dose in _SETS_BY_REPS.finditer(text) for i in (1, 2)
    }


# Sets by repetitions ("3x10", "2 x 15", "3×12"): two counts of an exercise's dose, never a bare
# value that could back a draft's load, angle or length ("3 kg rows" beside "band ER 3x10").
_SETS_BY_REPS = re.compile(r"(?<![\w.])(\d{1,2})[ \t]*[x\u00d7][ \t]*(\d{1,3})(?![\d.]|[ \t]*/)")


def written_as(quantity: Quantity, classes: frozenset[tuple[str, float]]) -> bool:
    """True when `classes` (a text's quantities by unit class and value) holds the quantity's
    value in its own unit class, or either is a whole or a count ("/10", "points") that says
    nothing of the kind; a whole's value is still one the note writes with some unit."""
    value = round(quantity.value, 3)
    if (quantity.unit_class, value) in classes:
        return True
    if quantity.unit_class in _WHOLES:
        # "6/10" says nothing of the kind, but its number must still be one the note writes
        return any(written == value for _, written in classes)
    return any((whole, value) in classes for whole in _WHOLES)


def units_kept(facts: Sequence[Fact], found: Sequence[Quantity]) -> tuple[Fact, ...]:
    """A draft's facts without the angles, loads and girths whose number is written with a
    unit of another class ("hold, left / right: 12 / 20 s" read as angles): such a number is
    checked as the quantity it is written as."""
    units = {quantity.span[0]: quantity.unit_class for quantity in found}
    return tuple(
        fact
        for fact in facts
        if fact.kind not in _UNITS_OF_KIND
        or units.get(fact.span[0]) in (None, *_UNITS_OF_KIND[fact.kind], *_WHOLES)
    )


# The unit classes a kind's values are written in: a number written with another unit is none
# of them (a range of motion is in degrees, or in millimetres or centimetres for a jaw opening
# or a fingertip-to-floor distance).
_UNITS_OF_KIND = {"rom": ("deg", "length"), "strength": ("weight",), "girth": ("length",)}

# Unit classes that are a whole or a count written after a value ("7.0/5.5" reads "/5"), not a
# unit of measurement: they say nothing against a kind.
_WHOLES = ("ratio10", "grade5", "points", "units")


def shared_runs(text: str) -> tuple[Quantity, ...]:
    """The bare numbers that take the unit of the run they open ("28.8 / 25.0 cm"): a
    draft's values, carried and checked as if written with the unit."""
    return tuple(
        Quantity(value=run.value, unit_class=run.unit_class, unit=run.unit, span=run.span)
        for run in shared_units(text)
    )
