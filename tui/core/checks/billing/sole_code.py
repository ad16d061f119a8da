"""The minutes of a note's one timed code when the note gives only the timed total ("Neuro re-ed
billed 97112 x2. Timed 31 min"): the timed total is the time of the timed codes, and with one
timed code billed it is all that code's.

Given only when nothing else is said of timed minutes: no timed service's own minutes were read
(a second service the total also holds would make the code's share unknown), exactly one timed
code bills units, and the billing was read whole. Two timed codes billed share the total in a
way the note does not say, and neither is given it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from tui.core.checks.billing.records import Totals
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables

# How far after where the timed total is written its number may stand ("Total timed minutes: 31").
_NUMBER_WITHIN = 40


def sole_code_total(
    text: str,
    services: Sequence[Fact],
    billed: Mapping[str, int],
    totals: Totals,
    unreadable: Collection[int],
) -> list[Fact]:
    """The services, with the one timed code billed given the timed total when no timed
    service's minutes were read."""
    timed = billing_tables().timed
    codes = [code for code, units in billed.items() if units and code in timed]
    if (
        len(codes) != 1
        or unreadable
        or not totals.timed
        or totals.timed_at is None
        or any(fact.cpt in timed for fact in services)
    ):
        return list(services)
    at = totals.timed_at
    number = text.find(str(totals.timed), at, at + _NUMBER_WITHIN)
    end = at + _NUMBER_WITHIN if number < 0 else number + len(str(totals.timed))
    fact = Fact(
        kind="service",
        value=totals.timed,
        unit="min",
        cpt=codes[0],
        minutes=totals.timed,
        label=billing_tables().name_of(codes[0]),
        span=(at, min(end, len(text))),
    )
    return sorted([*services, fact], key=lambda item: item.span)
