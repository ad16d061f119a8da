"""Totals written value first, at the end of a minutes line: "38 min total timed", "(38 timed)",
"42 min timed / 42 total", "= 37 total timed; 37 total", "38 minutes in all", and the result of
a sum of minutes ("Minutes: 20 + 9 + 8 = 37"), which is the timed total when no word says
otherwise.

The words "total" and "timed" are found once (a word-led search), and the value is looked for
just before each; a sum is read only on a line that holds a plus and an equals sign. A value
written without a minutes unit is taken only on a line that speaks of minutes and only from 8
minutes up: fewer timed minutes bill nothing, and a small bare number there ("= 3 total") counts
units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checks.text.lexicon import led

# "38 minutes in all", "40 min altogether": words for the whole written after the minutes.
_WHOLE = r"in[ \t]+all|altogether|all[ \t]+told"
_WORD = led(re.compile(rf"(?:total|timed|{_WHOLE})\b", re.IGNORECASE), "total", "timed", _WHOLE)
_MINUTES = r"(?:min(?:ute)?s?\b|mins\b|')"
# The value before the word: "38 min ", "= 37 ", "(38 ", "/ 42 ", "44 minutes in ".
_VALUE_BEFORE = re.compile(
    rf"(?<![\w.+/-])(\d{{1,3}})[ \t]*({_MINUTES})?(?:[ \t]*\b(?:in|of))?[ \t]*$", re.IGNORECASE
)
# What may follow a total: minutes words, then the end of the clause (never "3 total units").
# "38 min timed of 45 min session": "of" may open what the timed minutes are part of.
_AFTER_TIMED = re.compile(
    rf"(?:[ \t]+(?:code|codes|service|services|treatment|tx|care|therapy|interventions?))?"
    rf"(?:[ \t]*{_MINUTES})?"
    r"(?=[ \t]*(?:[.;,()/|+=]|$|and\b|of\b|\n))",
    re.IGNORECASE | re.MULTILINE,
)
_AFTER_TOTAL = re.compile(
    r"(?:[ \t]+(?:treatment|tx|session|visit|therapy|time|minutes|mins?)\b)*"
    r"(?=[ \t]*(?:[.;,()/|+=]|$|and\b|\n))",
    re.IGNORECASE | re.MULTILINE,
)
_TIMED_AFTER_TOTAL = re.compile(r"[ \t]+timed\b", re.IGNORECASE)
# A line speaks of minutes with a unit after a number ("38 min", "38 timed minutes") or a key.
_LINE_MINUTES = re.compile(
    rf"\d[ \t]*(?:(?:timed|total)[ \t]+)?{_MINUTES}|^[ \t]*(?:[-*\u2022][ \t]*)?(?:minutes|time)\b",
    re.IGNORECASE | re.MULTILINE,
)
_SUM = re.compile(
    rf"(?<![\w.])\d{{1,3}}[ \t]*{_MINUTES}?(?:[ \t]*\+[ \t]*\d{{1,3}}[ \t]*{_MINUTES}?)+"
    r"[ \t]*=[ \t]*(\d{1,3})(?![\d.])",
    re.IGNORECASE,
)
_LEAST_BARE_MINUTES = 8
# "38 timed min": the minutes unit written after the word.
_MINUTES_IN = re.compile(_MINUTES, re.IGNORECASE)


@dataclass(frozen=True)
class Stated:
    """A total as written: its minutes, whether it is the timed total, and where it is."""

    minutes: int
    timed: bool
    start: int
    end: int
    sum_start: int | None = None  # where a sum's first term is written ("12 + 13 = 25")


def value_first_totals(text: str) -> list[Stated]:
    """The totals written value first, in the order of the text."""
    found = [*_worded(text), *_sums(text)]
    found.sort(key=lambda stated: stated.start)
    kept: list[Stated] = []
    for stated in found:
        if kept and stated.start < kept[-1].end:
            continue  # a sum's result already read with its word ("= 37 total timed")
        kept.append(stated)
    return kept


def _worded(text: str) -> list[Stated]:
    found = []
    for word in _WORD.finditer(text):
        line_start = text.rfind("\n", 0, word.start()) + 1
        value = _VALUE_BEFORE.search(text, max(line_start, word.start() - 16), word.start())
        if value is None:
            continue
        timed_after = _TIMED_AFTER_TOTAL.match(text, word.end())
        timed = word.group().lower() == "timed" or timed_after is not None
        after = timed_after.end() if timed_after else word.end()
        tail = (_AFTER_TIMED if timed else _AFTER_TOTAL).match(text, after)
        if tail is None or not (
            _MINUTES_IN.search(tail.group()) or _plain_minutes(text, value, line_start)
        ):
            continue
        found.append(Stated(int(value.group(1)), timed, value.start(), tail.end()))
    return found


def _plain_minutes(text: str, value: re.Match[str], line_start: int) -> bool:
    """A value with its minutes unit, or a bare one of 8 or more on a line of minutes."""
    if value.group(2):
        return True
    line_end = text.find("\n", value.end())
    line_end = len(text) if line_end < 0 else line_end
    return int(value.group(1)) >= _LEAST_BARE_MINUTES and bool(
        _LINE_MINUTES.search(text, line_start, line_end)
    )


def _sums(text: str) -> list[Stated]:
    """ "20 + 9 + 8 = 37" on a line of minutes: the result is the timed total."""
    found = []
    at = text.find("+")
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        for match in _SUM.finditer(text, line_start, line_end):
            if _LINE_MINUTES.search(text, line_start, line_end):
                found.append(
                    Stated(int(match.group(1)), True, match.start(1), match.end(1), match.start())
                )
        at = text.find("+", line_end)
    return found
