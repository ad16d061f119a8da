"""The other side's angle, written bare after a side's angle: "34 degrees weight-bearing on the R
versus 41 on the L", "120° in sitting on the left compared with 131 on the right".

The unit written once after the first value is the unit of both, and the second value is the
same measure on the other side; the rom reader follows a second value only when the words
between are a few it knows ("on the R versus"), so a qualifier of the position ("weight-bearing",
"in sitting") left the second value unread. This reader takes it after a rom fact read with a
unit of angle, when the two sides are named ("on the R" ... "on the L") and differ, and labels it
as the first with its side changed.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.unit_quantities import quantities
from tui.core.checks.text.lexicon import SIDE_NAMES
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

_SIDE = r"on[ \t]+(?:the[ \t]+)?(?P<{name}>R|L|right|left|rt|lt)\b"
_LABEL_SIDE = re.compile(r"(?<![A-Za-z])(?:R|L)(?![A-Za-z])")


@cache
def _pair() -> re.Pattern[str]:
    angle = next(q.unit.pattern for q in quantities() if q.name == "angle")
    return re.compile(
        rf"(?<![\w.])(?P<first>\d{{1,3}}(?:\.\d)?)[ \t]?(?:{angle})"
        rf"(?P<words>(?:[ \t]+[A-Za-z][\w-]*){{0,3}}?),?[ \t]+{_SIDE.format(name='one')},?[ \t]+"
        r"(?:versus|vs\.?|compared[ \t]+(?:with|to)|against|and)[ \t]+"
        rf"(?P<second>\d{{1,3}}(?:\.\d)?)(?![\w.%°]|[ \t]*(?:deg|°))[ \t]+"
        rf"{_SIDE.format(name='other')}",
        re.IGNORECASE,
    )


def read_versus_sides(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each bare value after "on the R versus" that a side's angle before it leads."""
    text = scanner.text
    for match in line_scan(_pair(), text):
        one = SIDE_NAMES[match.group("one").lower()]
        other = SIDE_NAMES[match.group("other").lower()]
        if one == other:
            continue
        start, end = match.span("second")
        if not scanner.free(start, end) or scanner.in_goal(start):
            continue
        first = scanner.span(*match.span("first"))
        leading = next(
            (f for f in facts if f.kind == "rom" and f.span[0] == first[0]),
            None,
        )
        if leading is None:
            continue
        sides = set(_LABEL_SIDE.findall(leading.label))
        if sides - {one}:
            continue
        if not sides:  # "Hip ER 35° in sitting on the left": the side written after the unit
            named = f"{one} {leading.label}".strip()
            facts[facts.index(leading)] = dataclasses.replace(leading, label=named)
            leading = dataclasses.replace(leading, label=named)
        label = _LABEL_SIDE.sub(other, leading.label)
        scanner.emit(facts, "rom", _number(match.group("second")), (start, end), label)


def _number(token: str) -> int | float:
    return float(token) if "." in token else int(token)
