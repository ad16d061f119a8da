"""A service's minutes said again in a summary line ("Self-care training 10 min: ..." and later
"Eval 45 min + self-care 10 min. Total timed 10 min."): one service, not two.

Read alone, each mention is a service, and the code's minutes double. The stated timed total
decides: when the timed services add up to more than it, and leaving out later mentions that
repeat an earlier one's code and minutes makes them add up to it exactly, those mentions were
restatements. Without a stated total, or when the sum does not then match, every mention stays
(two sessions of the same service with the same minutes do happen).
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.checks.billing.billing import Totals
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables


def restatements_dropped(services: Sequence[Fact], totals: Totals) -> list[Fact]:
    """The services without the later mentions that restate an earlier one, when the stated
    timed total shows them to be restatements."""
    timed = billing_tables().timed
    stated = totals.timed
    timed_minutes = [f.minutes or 0 for f in services if f.cpt in timed and f.minutes is not None]
    if not stated or sum(timed_minutes) <= stated:
        return list(services)
    seen: set[tuple[str, int]] = set()
    kept: list[Fact] = []
    repeats: list[Fact] = []
    for fact in sorted(services, key=lambda item: item.span):
        key = (fact.cpt or "", fact.minutes or 0)
        if fact.cpt in timed and fact.minutes is not None and key in seen:
            repeats.append(fact)
            continue
        seen.add(key)
        kept.append(fact)
    left = sum(f.minutes or 0 for f in kept if f.cpt in timed and f.minutes is not None)
    return kept if repeats and left == stated else list(services)
