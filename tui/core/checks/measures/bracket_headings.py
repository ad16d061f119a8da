"""A heading that shows how its rows are written says which bracket holds the earlier value.

"Section GG today (was at eval):" over "GG0170D sit to stand .... 04 (03)", "ROM now [IE]:" over
"knee flex 120 [95]": a word of this visit, then a bracket that names an earlier time, is the
pattern of every row under it. A value alone in such a bracket right after another value is the
earlier one, whichever reader took it. The heading is looked for on the value's line and the
lines of its block above (up to a blank line), so each fact costs a few lines at most. The
words are data (legends.toml earlier and later).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labelled_earlier import mark_earlier_where
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

_LINES_BACK = 8
_UNIT = r"(?:[ \t]*(?:°|%|/[ \t]*\d+|[A-Za-z]{1,5}(?![A-Za-z])))?"
# Before the value: another value, then the bracket the value opens ("04 (", "120° [").
_OPENED_AFTER_VALUE = re.compile(rf"\d{_UNIT}[ \t]*([(\[])[ \t]*$")
# The value itself, its unit and the bracket's end ("03)", "95°]").
_CLOSED = re.compile(rf"[-+]?\d+(?:\.\d+)?{_UNIT}[ \t]*([)\]])")
_OPENERS = {"(": ")", "[": "]"}


@cache
def _heading() -> re.Pattern[str]:
    words = legend_words()
    later, earlier = either(words["later"]), either(words["earlier"])
    return re.compile(
        rf"(?<![\w-])(?:{later})[ \t]*([(\[])[ \t]*(?:was[ \t]+)?(?:(?:at|@|on)[ \t]+)?"
        rf"(?:the[ \t]+)?(?:{earlier})(?![\w-])[^()\[\]\n]{{0,20}}[)\]]",
        re.IGNORECASE,
    )


def mark_bracket_headings(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value in a bracket after another value under a heading that
    says such brackets hold the earlier values."""
    mark_earlier_where(scanner, facts, _earlier_bracket)


def _earlier_bracket(scanner: Scanner, start: int) -> bool:
    text = scanner.text
    line_start, line_end = scanner.line(start)
    opened = _OPENED_AFTER_VALUE.search(text, max(line_start, start - 30), start)
    closed = _CLOSED.match(text, start, line_end)
    if opened is None or closed is None or _OPENERS[opened.group(1)] != closed.group(1):
        return False
    return _declared(text, line_start, start, opened.group(1))


def _declared(text: str, line_start: int, start: int, bracket: str) -> bool:
    """The value's line before it, or a line of its block above, holds a heading whose
    bracket of this kind names an earlier time."""
    position, stop = line_start, start
    for _ in range(_LINES_BACK + 1):
        if any(m.group(1) == bracket for m in _heading().finditer(text, position, stop)):
            return True
        if position <= 0:
            return False
        above = text.rfind("\n", 0, position - 1) + 1
        if not text[above : position - 1].strip():
            return False
        position, stop = above, position - 1
    return False
