"""A service's minutes from the clock times written beside it ("TherEx 1405-1420", "1400-1435 in
pool - 97113", "Manual 2:20-2:32 pm: STM"), as some clinicians log each service by the clock.

A clock range belongs to a service when its clause (from the start of its line, sentence or
clause to a colon, a semicolon, a comma or the line's end after it) names exactly one service or
code, and no word that makes the range the session's ("Session 1400-1445: ther ex") remains once
the service's name is set aside. Ranges are the ones `clock.clock_ranges` reads, so no pass over
the note is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checks.billing.clock import ClockRange, clock_ranges, session_words
from tui.core.checks.text.lexicon import service_matcher

_CLAUSE_OPENS = re.compile(r"[.;,!?]\s|\n")
_CLAUSE_ENDS = re.compile(r"[:;,\n]|\.\s")
_REACH = 80


@dataclass(frozen=True)
class ClockedService:
    """A clock range and the code of the service it times."""

    range: ClockRange
    code: str


def clocked_services(text: str) -> list[ClockedService]:
    """The clock ranges of `text` that time one service each, in order."""
    return [found for r in clock_ranges(text) if (found := _service_of(text, r)) is not None]


def _service_of(text: str, found: ClockRange) -> ClockedService | None:
    start = _clause_start(text, found.start)
    stop = _CLAUSE_ENDS.search(text, found.end, min(len(text), found.end + _REACH))
    end = stop.start() if stop else min(len(text), found.end + _REACH)
    matcher = service_matcher()
    codes = set()
    rest = []
    at = start
    for name in matcher.pattern.finditer(text, start, end):
        if found.start <= name.start() < found.end:
            continue
        code = matcher.code(name.group())
        if code is not None:
            codes.add(code)
        rest.append(text[at : name.start()])
        at = name.end()
    rest.append(text[at:end])
    if len(codes) != 1 or session_words().search(" ".join(rest)):
        return None
    return ClockedService(found, codes.pop())


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` opens, looking back a bounded reach."""
    start = max(0, pos - _REACH)
    opened = start
    for mark in _CLAUSE_OPENS.finditer(text, start, pos):
        opened = mark.end()
    return opened
