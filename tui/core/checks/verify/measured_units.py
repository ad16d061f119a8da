"""Numbers a draft writes with a unit of measure that no unit class of the readers knows ("quads
R 178 Nm", "volume 7460 mL"): no reader makes them facts, so without this a changed torque or
volume passes unread. Such a number is the note's only when the note writes the number; the
units are data (verify.toml [measured_units]), matched as written, so "L 196 Nm" keeps its side
"L" a side and never litres.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tui.core.checks.text.alternation import either
from tui.core.checks.verify.verify_words import verify_data


@cache
def _pattern() -> re.Pattern[str]:
    data = verify_data()
    units = sorted((str(u) for u in data.get("measured_units", {}).get("units", [])), key=len)
    body = either(re.escape(unit) for unit in reversed(units))
    return re.compile(rf"(?<![\w.,/])(\d+(?:\.\d+)?)[ \t]?({body})(?![\w/])")


def measured_numbers(text: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    """Each number written with such a unit: its value, the unit and the span of both."""
    for match in _pattern().finditer(text):
        yield float(match.group(1)), match.group(2), match.span()
