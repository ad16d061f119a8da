"""A service's minutes said again in a summary line ("Self-care training 10 min: ..." and later
"Eval 45 min + self-care 10 min. Total timed 10 min."): one service, not two.

Read alone, each mention is a service, and the code's minutes double. The stated totals
decide: when the timed services add up to more than the stated timed total, and leaving out
later mentions that repeat an earlier one's code and minutes makes them add up to it exactly,
those mentions were restatements. An untimed service said again ("Mechanical traction 12 min"
and later "Traction 12 min. Ther act 24 min. Total timed 24 min. Total treatment time 36
min.") is judged the same way against the stated total treatment time, over every service
with minutes. Without a stated total, or when the sum does not then match, every mention stays
(two sessions of the same service with the same minutes do happen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.core.checks.billing.records import Totals
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables


def restatements_dropped(services: Sequence[Fact], totals: Totals) -> list[Fact]:
    """The services without the later mentions that restate an earlier one, when a stated
    total shows them to be restatements: the timed total over the timed services first, then
    the total treatment time over every service with minutes."""
    timed = billing_tables().timed
    kept = _without_repeats(services, totals.timed, lambda fact: fact.cpt in timed)
    if kept is None:
        kept = _without_repeats(services, totals.treatment, lambda _fact: True)
    return list(services) if kept is None else kept


def _without_repeats(
    services: Sequence[Fact], stated: int | None, counts: Callable[[Fact], bool]
) -> list[Fact] | None:
    """`services` less the later mentions repeating an earlier counted one's code and minutes,
    when the counted minutes exceed `stated` and dropping the repeats makes them equal it;
    None when the stated total does not show them to be restatements."""
    minutes = [f.minutes for f in services if counts(f) and f.minutes is not None]
    if not stated or sum(minutes) <= stated:
        return None
    seen: set[tuple[str, int]] = set()
    kept: list[Fact] = []
    repeats = 0
    for fact in sorted(services, key=lambda item: item.span):
        key = (fact.cpt or "", fact.minutes or 0)
        if counts(fact) and fact.minutes is not None and key in seen:
            repeats += 1
            continue
        seen.add(key)
        kept.append(fact)
    left = sum(f.minutes for f in kept if counts(f) and f.minutes is not None)
    return kept if repeats and left == stated else None
