"""A wound's size: "4.2 x 3.1 x 0.3 cm", "L 3.8 cm x W 2.4 cm x D 0.6 cm", "(last wk 5.0 x 3.6 x
0.4 cm)".

Each dimension is a fact of its own (kind "other", in the unit written after the last), so a
draft that changes the depth alone is caught. The shape is also a mat's, a cushion's or a
seat's size, so it is read only where its line or the lines just before name a wound, an ulcer,
a scar or an incision; the earlier size of a bracket is labelled previous by its words. The
words are data (measures.toml [wound_sizes]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_TIMES = r"[ \t]*[x\u00d7*][ \t]*"
_UNIT = r"(?:cm|mm)"


def _dimension(index: int) -> str:
    """One dimension: an optional letter naming it ("L", "W", "D"), the number, its unit."""
    return rf"(?:[LWD][ \t]*:?[ \t]*)?(?P<v{index}>{NUM})(?:[ \t]*(?P<u{index}>{_UNIT}))?"


_SIZE = re.compile(
    rf"(?<![\w./]){_dimension(1)}{_TIMES}{_dimension(2)}(?:{_TIMES}{_dimension(3)})?\b"
    r"(?![ \t]*[x\u00d7*])"
)
_REACH = 200


@cache
def _context() -> re.Pattern[str]:
    """The words of a wound's context (measures.toml [wound_sizes])."""
    context = either(measures_section("wound_sizes").get("context", ()))
    return re.compile(rf"\b(?:{context})\b", re.IGNORECASE)


def _names() -> tuple[str, ...]:
    """The dimensions' names (measures.toml [wound_sizes])."""
    return tuple(str(word) for word in measures_section("wound_sizes").get("dimensions", ()))


def read_wound_sizes(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each dimension of a size written with its unit last (see the module)."""
    text = scanner.text
    for match in _SIZE.finditer(text):
        groups = [index for index in (1, 2, 3) if match.group(f"v{index}") is not None]
        unit = match.group(f"u{groups[-1]}")
        if unit is None or not _about_a_wound(scanner, match.start()):
            continue
        spans = [match.span(f"v{index}") for index in groups]
        # ("2.9 x 0.8" alone reads as sets by reps, blocked as a dose: the unit after the last
        # and the wound's words say it is a size)
        if scanner.in_header(match.start()) or scanner.in_goal(match.start()):
            continue
        if any(scanner.claimed(*span) for span in spans):
            continue
        previous = attribute(scanner, spans[0][0], spans[0][1]).previous
        for name, index, span in zip(_names(), groups, spans, strict=False):
            written = match.group(f"u{index}") or unit
            value = to_number(match.group(f"v{index}"))
            label = f"wound {name}{previous}"
            scanner.emit(facts, "other", value, span, label, unit=written)


def _about_a_wound(scanner: Scanner, start: int) -> bool:
    """True when the size's line, or the text just before it, names a wound."""
    line_start, line_end = scanner.line(start)
    return (
        _context().search(scanner.text, max(0, min(line_start, start - _REACH)), line_end)
        is not None
    )
