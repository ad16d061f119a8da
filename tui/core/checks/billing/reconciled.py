"""Services read from the billing line set against those written in the note's body: which
minutes stand for a code, and which codes were billed in place of another.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping

from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables


def billed_instead(services: list[Fact], billed: Mapping[str, int]) -> list[Fact]:
    """A service whose name reads as a code the note does not bill, when the note bills the one
    other code that service is also billed under ("scar massage" billed as 97140): the minutes
    belong to the code billed."""
    others = billing_tables().billed_instead
    followed = []
    for fact in services:
        code = fact.cpt or ""
        candidates = [other for other in others.get(code, ()) if other in billed]
        if code not in billed and len(candidates) == 1:
            fact = dataclasses.replace(
                fact, cpt=candidates[0], label=billing_tables().name_of(candidates[0])
            )
        followed.append(fact)
    return followed


def reconciled(charged: list[Fact], written: list[Fact], billed: Mapping[str, int]) -> list[Fact]:
    """The services of a note whose billing lines give minutes ("97140 x1 (12')"): the billing
    line says which code the minutes went to, so it wins over the text's reading of the same
    code, and over a service of a code not billed whose minutes are those of a charged code
    (the text named the same service otherwise: "Manual: scar massage ..., 12 min")."""
    charged = _line_totals_dropped(charged, written)
    if not charged:
        return written
    codes = {fact.cpt for fact in charged}
    minutes = {fact.minutes for fact in charged}
    kept = [
        fact
        for fact in written
        if fact.cpt not in codes and (fact.cpt in billed or fact.minutes not in minutes)
    ]
    return sorted([*charged, *kept], key=lambda fact: fact.span)


def _line_totals_dropped(charged: list[Fact], written: list[Fact]) -> list[Fact]:
    """A billing line's one minutes value that is the sum of the services the text gives for
    two codes or more ("97761 x3, 97110 x1 (46 min)" after 38 and 8 minutes written above) is
    the line's total, not the minutes of the code it follows."""
    if len(charged) != 1:
        return charged
    by_code: Counter[str] = Counter()
    for fact in written:
        by_code[fact.cpt or ""] += fact.minutes or 0
    if len(by_code) >= 2 and charged[0].minutes == sum(by_code.values()):
        return []
    return charged
