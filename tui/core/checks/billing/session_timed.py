"""The timed total a note documents without the word "timed": a session of timed services only,
whose minutes add up exactly to the stated total treatment time ("Ther act 38 min. Total
session 38 min."). The total treatment time is then the total timed minutes too
(tests/eval/CONVENTIONS.md, Billing).

Not read when any billed code is untimed, when a billed timed code has no minutes of its own,
when an untimed service has minutes, when the billing could not be read, or when the sum
differs from the total by a single minute: then the timed total is not documented.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence

from tui.core.checks.billing.records import Totals
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables


def timed_in_session(
    services: Sequence[Fact],
    billed: Mapping[str, int],
    totals: Totals,
    unreadable: Collection[int],
) -> Totals:
    """The totals, with the treatment total taken as the timed total when the session held
    timed services only and their minutes make it up exactly."""
    if totals.timed is not None or totals.treatment is None or unreadable:
        return totals
    timed = billing_tables().timed
    codes = {code for code, units in billed.items() if units}
    timed_minutes = [f for f in services if f.minutes is not None and f.cpt in timed]
    if (
        not codes
        or not codes <= set(timed)
        or not codes <= {f.cpt for f in timed_minutes}
        or any(f.minutes is not None and f.cpt not in timed for f in services)
        or sum(f.minutes or 0 for f in timed_minutes) != totals.treatment
    ):
        return totals
    return dataclasses.replace(totals, timed=totals.treatment, timed_at=totals.treatment_at)
