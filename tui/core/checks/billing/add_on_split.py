"""A service billed under a base code and its add-on, its whole minutes written once.

CPT defines 97129 as the first 15 minutes of cognitive function intervention and 97130 as each
further 15. A note that writes "Cognitive function intervention 30 min" and bills "97129 x1,
97130 x1" documented 15 minutes under each code; read as one 30-minute 97129 it leaves 97130
without minutes and the allocation wrong. The descriptor beside the codes ("(first 15 min)")
is no minutes of its own (checks.billing.unit_definitions): the split comes from the whole
minutes, only when both codes are billed and the add-on has no minutes of its own. The pairs
are data (billing.toml [add_on_codes]).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_section, billing_tables


@cache
def _pairs() -> dict[str, tuple[str, int]]:
    pairs = {}
    for base, spec in billing_section("add_on_codes").items():
        if isinstance(spec, dict) and "add_on" in spec and "first" in spec:
            pairs[str(base)] = (str(spec["add_on"]), int(spec["first"]))
    return pairs


def add_ons_split(services: Sequence[Fact], billed: Mapping[str, int]) -> list[Fact]:
    """The services with a base code's whole minutes split between it and its billed add-on."""
    result = list(services)
    for base, (add_on, first) in _pairs().items():
        if base not in billed or add_on not in billed:
            continue
        if any(fact.cpt == add_on for fact in result):
            continue
        bases = [i for i, fact in enumerate(result) if fact.cpt == base]
        if len(bases) != 1:
            continue
        whole = result[bases[0]]
        if whole.minutes is None or whole.minutes < first + 8:
            continue
        rest = whole.minutes - first
        result[bases[0]] = dataclasses.replace(whole, value=first, minutes=first)
        result.insert(
            bases[0] + 1,
            dataclasses.replace(
                whole, value=rest, minutes=rest, cpt=add_on, label=billing_tables().name_of(add_on)
            ),
        )
    return result
