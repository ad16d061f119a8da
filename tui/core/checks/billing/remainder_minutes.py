"""The minutes of the one billed timed code no service name reached, found from the stated
timed total ("Timed: 33 min" with manual 12 min, self-care 7 min, and "tendon glides, putty 14
min" for 97110; "Self-bandaging training 14 min" for 97535 beside MLD 32 min).

The total is the evidence: what it leaves after the services read is the missing code's time,
and that time must be written in the note, once, as minutes no reading took. Nothing is given
when two timed codes lack minutes (their share is not said), when the billing could not be
read, or when the remainder is written nowhere or more than once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from tui.core.checks.billing.billing import Totals, free_minutes, service_at
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner


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
    written = [m for m in free_minutes(scanner) if to_number(m.group(1)) == left]
    if len(written) != 1:
        return list(services)
    found = written[0]
    scanner.claim(found.start(), found.end())
    fact = service_at(scanner, without[0], left, found.start(), found.end())
    return sorted([*services, fact], key=lambda item: item.span)
