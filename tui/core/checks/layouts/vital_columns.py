"""Heart rates written bare under a heart-rate column of a mixed table: "Station  Duration  HR
peak  RPE" over "Arm ergometer  6 min  112  12/20".

The readers of vital rows read a header made only of signs; a table of tasks or stations with a
heart-rate column among others left its readings unread, and a rom reader took one for an angle
of the joint the row named ("Overhead hold, L shoulder fatigue  139"). The column's header says
the quantity (layouts/table_headers.py): each bare number under a heart rate's name (measures.toml
[heart_rates] names), in its plausible range, is the patient's heart rate.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.table_headers import header_cells
from tui.core.checks.tables import VitalSign, heart_rate_names, vital_signs
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# a bare number standing in a column: a gap (two spaces, a tab or a bar) before it, and after it
# nothing but "bpm", a gap or the line's end
_CELL = re.compile(
    r"(?:(?<=\t)|(?<=  )|(?<=\|)|(?<=\| ))(?P<value>\d{2,3})(?:[ \t]*bpm\b)?"
    r"(?=[ \t]{2,}|\t|[ \t]*\||[ \t]*$)",
    re.MULTILINE,
)
# The sign's label, unit and plausible range are measures.toml [vital_rows.signs."heart rate"].
_LABEL = "heart rate"


@cache
def _heart_rate() -> re.Pattern[str]:
    """A heart rate's name in a header cell (measures.toml [heart_rates] names)."""
    return re.compile(rf"(?<![A-Za-z])(?:{either(heart_rate_names())})(?![A-Za-z])", re.I)


@cache
def _sign() -> VitalSign:
    """The heart rate as the readers of vital rows know it: its unit and plausible range."""
    return next(sign for sign in vital_signs() if sign.label == _LABEL)


def read_vital_columns(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each bare heart rate under a heart-rate column (see the module)."""
    text = scanner.text
    sign = _sign()
    for cell in _CELL.finditer(text):
        start, end = cell.span("value")
        if not scanner.free(start, end) or scanner.in_goal(start) or scanner.in_header(start):
            continue
        if not sign.low <= int(cell.group("value")) <= sign.high:
            continue
        # the columns are the note's as written (normalising may close a gap: "24 ft   done")
        found = header_cells(scanner.norm.original, *scanner.span(start, end))
        if found is None or not _heart_rate().search(found[0]):
            continue
        scanner.emit(
            facts, "other", int(cell.group("value")), (start, cell.end()), _LABEL, unit=sign.unit
        )
