"""The weight of pads after a pad test, in grams: "24-h pad weight: 86 g (eval 240 g; mild < 100
g)", "One-hour pad test: 6 g (initial 22 g)".

Grams are read only after the test's name, so a monofilament's "(2 g)" or a sodium limit is
never taken, and the reader runs before the readers of instrument scores so "pad test 6 g" keeps
its unit. An earlier weight opening the bracket right after is read when its words say it is
earlier ("eval", "initial").
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_LABEL = "pad weight"
_GRAMS = r"(?<![\w.])(\d{1,4}(?:\.\d+)?)[ \t]*(?:g|grams?)\b"
_PAD_WEIGHT: Led = led(
    re.compile(rf"\bpad[ \t]+(?:weight|wt|test)s?\b[^\n\d;.]{{0,25}}?{_GRAMS}", re.IGNORECASE),
    "pad",
)
_EARLIER = re.compile(rf"[ \t]*\([ \t]*[A-Za-z][\w -]{{0,20}}?[ \t:]+{_GRAMS}", re.IGNORECASE)


def read_pad_tests(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each pad test's weight in grams and an earlier weight bracketed after it."""
    text = scanner.text
    for match in _PAD_WEIGHT.finditer(text):
        if not scanner.free(*match.span(1)) or scanner.in_goal(match.start(1)):
            continue
        _emit(scanner, facts, match, "")
        earlier = _EARLIER.match(text, match.end())
        if earlier is None or not scanner.free(*earlier.span(1)):
            continue
        found = attribute(scanner, earlier.start(1), earlier.end(1))
        if found.prior:
            _emit(scanner, facts, earlier, found.previous)


def _emit(scanner: Scanner, facts: list[Fact], match: re.Match[str], previous: str) -> None:
    span = (match.start(1), match.end())
    value = to_number(match.group(1))
    scanner.emit(facts, "other", value, span, _LABEL + previous, unit="g")
