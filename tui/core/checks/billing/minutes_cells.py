"""A service's minutes in a form's cell that closes its line: "Therapeutic exercise (isometric
-> eccentric wrist ext ..., Tyler twist)  Minutes: 20", as a PDF form exports its interventions.

The cell ("Minutes: 20", "Time: 12 min") stands apart from the line's text by a column gap, and
the service is the one the line names outside its brackets; a bracket opened on an earlier line
and closed on this one (a description the export wrapped) joins that line to this one. A line
that names no service, or services of two codes, gives nothing.
"""

from __future__ import annotations

import re

from tui.core.checks.billing.records import service_at
from tui.core.checks.facts import Fact
from tui.core.checks.text.lexicon import ServiceMatcher
from tui.core.checks.text.scan import Scanner

# A cell keyed "Minutes" may hold a bare number; one keyed "Time" holds minutes only with their
# unit ("Time: 12 min"), since a test's row keeps its time there too ("Gait speed  Time: 12").
_UNIT = r"[ \t]*(?:min(?:ute)?s?|mins)\b"
_CELL = re.compile(
    r"(?:[ \t]{2,}|\t)(?:(?:minutes|mins?)[ \t]*:[ \t]*(?P<minutes>\d{1,3})(?:" + _UNIT + r")?"
    r"|time[ \t]*:[ \t]*(?P<timed>\d{1,3})" + _UNIT + r")[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BRACKETED = re.compile(r"\([^()]*\)")
# How many lines back a wrapped bracket may open.
_WRAPPED_LINES = 3


def minutes_cells(scanner: Scanner, matcher: ServiceMatcher) -> list[Fact]:
    """The services whose minutes a cell closing their line gives; each is claimed."""
    text = scanner.text
    facts = []
    for cell in _CELL.finditer(text):
        group = "minutes" if cell.group("minutes") else "timed"
        start, end = cell.span(group)
        if scanner.in_header(cell.start()) or not scanner.free(start, end):
            continue
        opening = _line_opening(text, cell.start())
        said = _BRACKETED.sub(lambda found: " " * len(found.group()), text[opening : cell.start()])
        names = list(matcher.pattern.finditer(said))
        codes = {matcher.code(name.group()) for name in names}
        if len(codes) != 1 or None in codes:
            continue
        scanner.claim(start, end)
        scanner.block(start, end)
        first = opening + names[0].start()
        facts.append(service_at(scanner, codes.pop() or "", int(cell.group(group)), first, end))
    return facts


def _line_opening(text: str, at: int) -> int:
    """Where the line holding `at` opens, or the earlier line that opens a bracket it closes."""
    opening = text.rfind("\n", 0, at) + 1
    for _ in range(_WRAPPED_LINES):
        said = text[opening:at]
        if said.count(")") <= said.count("(") or opening == 0:
            break
        opening = text.rfind("\n", 0, opening - 1) + 1
    return opening
