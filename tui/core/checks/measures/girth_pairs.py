"""A girth written once per side after a list of the sides: "Knee girth mid-patella left /
right: 41.5 / 37.0 cm", "Figure-of-8 hand edema, left / right: 46.2 / 44.0 cm".

The centimetres after the values say they are lengths, and the girth word before the sides says
which: each is the girth of the side in the same place of the list, never an angle. This pass
runs before the aligned lists (layouts/aligned.py), which would read a slash list of values after
a list of sides as range of motion. Only pairs in the girth word's own line are read.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.girth_rows import GIRTH_WORDS
from tui.core.checks.measures import labels
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_SIDE = r"(?:R|L|rt|lt|right|left)"
_GIRTH = r"\d{1,3}(?:\.\d+)?"
_PAIR = re.compile(
    rf"(?P<word>{GIRTH_WORDS})[^\n\d:;]{{0,40}}?"
    rf"\b(?P<first>{_SIDE})[ \t]*/[ \t]*(?P<second>{_SIDE})\b[ \t]*[:,]?[ \t]*"
    rf"(?P<one>{_GIRTH})[ \t]*/[ \t]*(?P<two>{_GIRTH})[ \t]*cm\b",
    re.IGNORECASE,
)


def read_girth_pairs(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each pair of girths in centimetres after a girth word and a list of two sides."""
    for pair in line_scan(_PAIR, scanner.text):
        spans = [pair.span("one"), pair.span("two")]
        if not all(scanner.free(*span) for span in spans):
            continue
        name = pair.group("word").lower()
        for side, group in (("first", "one"), ("second", "two")):
            label = labels.join(labels.side_name(pair.group(side)), name)
            scanner.emit(
                facts, "girth", to_number(pair.group(group)), pair.span(group), label, unit="cm"
            )
