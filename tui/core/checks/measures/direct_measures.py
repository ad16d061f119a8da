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
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.facts import Fact
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

_DATA = files("tui.core") / "data" / "measures.toml"


@cache
def _methods() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The methods of a direct measurement, and those whose value is a fraction (acuity)."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8")).get("direct_measures", {})

    def named(key: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{either(data.get(key, ()))})(?![\w-])", re.IGNORECASE)

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
