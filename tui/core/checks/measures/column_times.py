"""The time a table's row took, marked "41.3 s (time taken)" by the rewrite of a table whose
column of times names it (`layouts.quantity_headings`: "Task   Time to complete   Pulse").

A bare "41.3 s" is a dose as often as a result, so prose leaves it; under a heading of the time
a task took it is that task's time, a direct measure (`other` in seconds, CONVENTIONS: a task's
or a trial's time is no test's score). Read after the readers of named tests, so a test's own
time ("TUG" in the row) stays its score.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.quantity_headings import TIME_CUE, seconds_units
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

_NAME_WORDS = 6
_KEY_END = re.compile(r"[;:]")
_EARLIER = re.compile(r"\(previous\)", re.IGNORECASE)


@cache
def _cued() -> re.Pattern[str]:
    """A duration in seconds the table's rewrite cued as its row's time ("41.3 s (time taken)")."""
    return re.compile(
        rf"(?<![\w./])(?P<value>{NUM})[ \t]*(?P<unit>{seconds_units()})[ \t]*\({TIME_CUE}\)",
        re.IGNORECASE,
    )


def read_column_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each duration a table's column of times holds, as the time its row's task took
    (`other` in seconds, CONVENTIONS: a task's time is a direct measure)."""
    text = scanner.text
    for match in line_scan(_cued(), text):
        start, end = match.span("value")
        if not scanner.free(start, end) or scanner.in_goal(start) or scanner.in_header(start):
            continue
        stop = match.end("unit")
        found = attribute(scanner, start, stop)
        line_start, _ = scanner.line(start)
        before = text[line_start:start]
        # the row's name, before the column's words ("Hose advance 150 ft; Duration 22 s")
        name = " ".join(_KEY_END.split(before, maxsplit=1)[0].split()[:_NAME_WORDS])
        # an earlier visit's row or column says so in its own words ("(previous)"); a number in
        # the task's name ("30 strikes:") is no date
        earlier = " (previous)" if _EARLIER.search(before) else ""
        label = labels.join(found.side, name.strip(" \t;:,.")) + earlier
        written = match.group("value")
        value: int | float = float(written) if "." in written else int(written)
        scanner.emit(facts, "other", value, (start, stop), label, unit="s")
