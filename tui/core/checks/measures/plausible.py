"""The range a kind of reading lives on: a value outside it is no reading of that kind.

A muscle grade is 0-5 whatever reader took it ("Last time 8" restating a quadriceps grade is
some other measure's earlier value), so a grade outside the range is left unclassified rather
than shown as a fact. The ranges are data (measures.toml [plausible]).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section
from tui.core.checks.text.numbers import to_number

_LEADING = re.compile(r"\s*(\d+(?:\.\d+)?)")


@cache
def _ranges() -> Mapping[str, tuple[float, float]]:
    """Each kind with a range (lowest, highest) from measures.toml [plausible]."""
    data = measures_section("plausible")
    return {str(kind): (float(low), float(high)) for kind, (low, high) in data.items()}


def outside(fact: Fact) -> Fact | None:
    """The fact with its number as its value when that number lies outside its kind's range,
    else None (a kind with no range, or a value with no number, is never outside)."""
    bounds = _ranges().get(fact.kind)
    if bounds is None:
        return None
    value = fact.value
    if isinstance(value, str):
        found = _LEADING.match(value)
        if found is None:
            return None
        value = to_number(found.group(1))
    if bounds[0] <= value <= bounds[1]:
        return None
    return dataclasses.replace(fact, value=value)
