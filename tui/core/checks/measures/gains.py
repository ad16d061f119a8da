"""Gains of a reflex written as a ratio ("VOR gain left 0.61, right 0.94", "vHIT VOR gain L:
0.88", "horizontal canal gain R 0.42"): a decimal from 0 to 2 after the word "gain" and an
optional side, read as a value of its own labelled with its side. The gain words are data
(measures.toml [gains]); a number that is not a decimal ("gain 4 points") is left alone.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import gain_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

_SIDE = r"(?:(?:[RL]|right|left|rt|lt)\b[ \t]*)"
# A ratio: a decimal below 2 ("0.61", ".9", "1.05"), then no unit or slash.
_RATIO = (
    r"((?:[01])?\.\d{1,2})"
    r"(?![\d/%°]|[ \t]*(?:kg|lbs?|g|cm|mm|m|s|sec|ms|points?|pts?|deg\w*)\b)"
)
_MOST = 2.0


@cache
def _gains() -> Led:
    names = gain_words()
    body = either(names)
    pattern = (
        rf"(?:{body})(?![\w-])[ \t]*(?:\([^()\n]{{0,12}}\)[ \t]*)?[:=]?[ \t]*"
        rf"(?:{_SIDE}[:=]?[ \t]*)?{_RATIO}"
        rf"(?:[ \t]*,[ \t]*(?:and[ \t]+)?{_SIDE}[:=]?[ \t]*{_RATIO})?"
    )
    return led(re.compile(pattern, re.IGNORECASE), *names)


def read_gains(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every free ratio after a gain word, and a second one for the other side after it."""
    for found in _gains().finditer(scanner.text):
        for group in (1, 2):
            if found.group(group) is None:
                continue
            start, end = found.span(group)
            value = float(found.group(group))
            if value > _MOST or not scanner.free(start, end) or scanner.in_header(start):
                continue
            side = attribute(scanner, start, end)
            label = labels.join(side.side, "VOR gain") + side.previous
            scanner.emit(facts, "other", value, (start, end), label)
