"""Quantities measured directly, though their method has a name: a skull's asymmetry (CVAI
6.4 %), a limb's volume difference (LVD 16.8 %), a seat's pressure dispersion, visual acuity
(Snellen 20/40), lumbar excursion (Schober 4.5 cm), a hop's limb symmetry index (LSI 92 %).

A named test scores a performance against a standard; these report a physical quantity of
the patient, so they are `other` (tests/eval/CONVENTIONS.md), whichever reader took the name
for an instrument. Acuity is one value written as a fraction, as a blood pressure is. The
methods are data (measures.toml [direct_measures]).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.scan import Scanner


@cache
def _methods() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The methods of a direct measurement, and those whose value is a fraction (acuity)."""
    data = measures_section("direct_measures")

    def named(key: str) -> re.Pattern[str]:
        return whole_words(data.get(key, ()))

    return named("methods"), named("fractions")


def mark_direct_measures(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every outcome named by a method of direct measurement becomes an `other` measurement."""
    methods, fractions = _methods()
    for index, fact in enumerate(facts):
        if fact.kind != "outcome" or not fact.measure or not methods.search(fact.measure):
            continue
        value, unit = fact.value, fact.unit
        if fractions.search(fact.measure) and unit and unit.startswith("/"):
            value, unit = f"{_written(value)}{unit}", None
        facts[index] = dataclasses.replace(fact, kind="other", value=value, unit=unit)


def _written(value: int | float | str) -> str:
    """A number as a note writes it ("20", not "20.0")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# A Snellen fraction: 20 over the line read, never part of a longer fraction or a date.
_SNELLEN = re.compile(r"(?<![\w./])20[ \t]*/[ \t]*(?P<line>\d{2,3})(?![\w/]|\.\d)")
_GAP = r"[^\d\n;.]{0,40}?"


@cache
def _acuity() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = measures_section("direct_measures")
    named = re.compile(
        rf"(?<![\w-])(?P<eye>{either(data.get('acuity', ()))})(?![\w-])(?P<gap>{_GAP})"
        + _SNELLEN.pattern,
        re.IGNORECASE,
    )
    standards = either(data.get("acuity_standards", ()))
    return named, re.compile(rf"(?<![\w-])(?:{standards})(?![\w-])", re.IGNORECASE)


def read_acuity(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each Snellen fraction right after a word of acuity that no fact holds (see the module)."""
    named, standards = _acuity()
    text = scanner.text
    for match in named.finditer(text):
        span = (match.start("gap") + len(match.group("gap")), match.end())
        if scanner.claimed(*span) or scanner.in_header(span[0]) or scanner.in_goal(span[0]):
            continue
        if standards.search(match.group("gap")):
            continue
        eye = match.group("eye").upper() if len(match.group("eye")) == 2 else ""
        value = f"20/{match.group('line')}"
        scanner.emit(facts, "other", value, span, labels.join("visual acuity", eye))
