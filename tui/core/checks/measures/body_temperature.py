"""The patient's temperature among the vital signs: "temp 98.1 F", "(temp 36.9 C)", "T 98.4°F".

Temperatures are blocked as never a measurement (a pool's, a paraffin bath's, a room's), so the
body's is read here: only after a name of temperature (and when it was taken: "temp today"),
with the scale's letter, in the range of a living body, and with no word of water, a room or a
modality in its clause ("water temp 92°F" is out of range anyway). Words and ranges are data
(measures.toml [body_temperature]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner


@dataclass(frozen=True)
class _Words:
    reading: Led
    not_words: re.Pattern[str]
    ranges: dict[str, tuple[float, float]]


@cache
def _words() -> _Words:
    data = measures_section("body_temperature")
    names = [str(name) for name in data.get("names", ())]
    alternatives = either(names)
    not_words = either(data.get("not_words", ()))
    when = either(data.get("when", ()))
    return _Words(
        reading=led(
            re.compile(
                rf"\b(?:{alternatives})[ \t]*(?:(?:{when})[ \t]*)?[:=]?[ \t]*"
                r"(?:was[ \t]+|of[ \t]+)?"
                r"(?P<value>\d{2,3}(?:\.\d)?)[ \t]*(?:°|deg(?:rees)?)?[ \t]*(?P<scale>[FC])\b",
            ),
            *names,
        ),
        not_words=re.compile(rf"\b(?:{not_words})\b", re.IGNORECASE),
        ranges={str(k): (float(v[0]), float(v[1])) for k, v in data.get("range", {}).items()},
    )


def read_body_temperature(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each temperature of the patient (see the module)."""
    words = _words()
    text = scanner.text
    for match in words.reading.finditer(text):
        start, end = match.span("value")
        if scanner.in_header(start) or scanner.claimed(start, end) or scanner.in_goal(start):
            continue
        low, high = words.ranges.get(match.group("scale"), (0.0, 0.0))
        if not low <= float(match.group("value")) <= high:
            continue
        if words.not_words.search(text, scanner.clause_start(match.start()), match.start()):
            continue
        value = float(match.group("value"))
        scale = match.group("scale")
        scanner.emit(facts, "other", value, (start, match.end()), "temperature", unit=f"°{scale}")
