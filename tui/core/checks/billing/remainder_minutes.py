"""The minutes of the one billed timed code no service name reached, found from the stated
timed total ("Timed: 33 min" with manual 12 min, self-care 7 min, and "tendon glides, putty 14
min" for 97110; "Self-bandaging training 14 min" for 97535 beside MLD 32 min).

The total is the evidence: what it leaves after the services read is the missing code's time,
and that time must be written in the note once, as minutes no reading took, in the paragraph of
the services read and not in a goal or a plan. Nothing is given when two timed codes lack
minutes (their share is not said), when the billing could not be read, or when the remainder is
written nowhere or more than once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping, Sequence

from tui.core.checks.billing.named_minutes import free_minutes
from tui.core.checks.billing.records import Totals, service_at
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# A line that plans or sets goals ("Plan: walk 14 min each morning", "Next visit: ..."): its
# minutes are to come, not the session's.
_PLANNED = re.compile(r"[ \t]*(?:[-*\u2022][ \t]*)?(?:P[ \t]*:|plan\b|next\b|goals?\b)", re.I)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _paragraphs(text: str) -> list[int]:
    """Where each blank line of the text is: a position's paragraph is how many lie before it."""
    return [blank.start() for blank in _BLANK_LINE.finditer(text)]


def remainder_minutes(
    scanner: Scanner,
    services: Sequence[Fact],
    billed: Mapping[str, int],
    totals: Totals,
    unreadable: Collection[int],
) -> list[Fact]:
    """The services, with the one billed timed code without minutes given what the stated
    timed total leaves, when exactly one free minutes value in the note says that much."""
    timed = billing_tables().timed
    with_minutes = {f.cpt for f in services if f.cpt in timed and f.minutes is not None}
    without = [code for code, units in billed.items() if units and code in timed]
    without = [code for code in without if code not in with_minutes]
    if len(without) != 1 or unreadable or not totals.timed:
        return list(services)
    left = totals.timed - sum(f.minutes or 0 for f in services if f.cpt in timed)
    if left < 1:
        return list(services)
    blanks = _paragraphs(scanner.norm.original)
    treated = {bisect.bisect_right(blanks, f.span[0]) for f in services if f.minutes is not None}
    written = [
        m
        for m in free_minutes(scanner)
        if to_number(m.group(1)) == left
        and not scanner.in_goal(m.start())
        and not _PLANNED.match(scanner.text, scanner.line(m.start())[0])
        and bisect.bisect_right(blanks, scanner.span(m.start(), m.end())[0]) in treated
    ]
    if len(written) != 1:
        return list(services)
    found = written[0]
    scanner.claim(found.start(), found.end())
    fact = service_at(scanner, without[0], left, found.start(), found.end())
    return sorted([*services, fact], key=lambda item: item.span)
