"""Indices of the patient's circulation read as a ratio of two pressures: "ABI L 0.92",
"ankle-brachial index today 0.71 left, 0.94 right", "TBI R 0.54".

A decimal under such a name, in its sentence and with no unit of its own, is the index (kind
"other", CONVENTIONS.md): its side is the one written beside it. Read before the readers of
ranges of motion, which would take a decimal after "ankle" for an angle. The names are data
(measures.toml [body_indices]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

# An index: a decimal from 0 to 2 with no unit, percent, angle or fraction after it.
_INDEX = re.compile(
    r"(?<![\w./-])([0-2]\.\d{1,2})(?!\d|\.\d|[ \t]*(?:%|\u00b0|deg|cm|mm|kg|lbs?|s\b|sec|m\b|/))"
)


@cache
def _names() -> Led:
    data = measures_section("body_indices")
    names = data.get("names", ())
    return led(re.compile(rf"\b(?:{either(names)})\b", re.IGNORECASE), *names)


def read_body_indices(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each index after a name in its sentence (see the module)."""
    text = scanner.text
    for name in _names().finditer(text):
        if scanner.in_header(name.start()) or scanner.in_goal(name.start()):
            continue
        end = scanner.sentence_after(name.end())
        for value in _INDEX.finditer(text, name.end(), end):
            if not scanner.free(*value.span(1)):
                continue
            found = attribute(scanner, value.start(1), value.end(1))
            label = labels.join(found.side, _short(name.group())) + found.previous
            scanner.emit(facts, "other", float(value.group(1)), value.span(1), label)


def _short(name: str) -> str:
    """The index's short name ("ankle-brachial index" -> "ABI")."""
    words: list[str] = re.findall(r"[A-Za-z]+", name)
    if len(words) == 1:
        return words[0].upper()
    return "".join(word[0] for word in words if word.lower() != "pressure").upper()
