"""A group session's content: minutes of its parts are the group's, not 1:1 services.

A note that bills a group code (billing.toml [group] codes, 97150) and no timed code documents a
class: its parts with minutes ("warm-up 8 min, ther ex circuit 15 min, cool-down 5 min") say what
the group did, and a service word among them ("ther ex", "gait drills") names no timed service
given one-on-one. Such services, named by words and not by their code, are left out; a clock
range one of them was read from ("AQUATIC GROUP 09:00-09:50") is the session's, and gives the
total treatment time when the note states none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tui.core.checks.billing.clock import clock_ranges
from tui.core.checks.billing.records import Totals
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_section, billing_tables


def group_codes() -> frozenset[str]:
    """The codes that bill a group session (billing.toml [group] codes)."""
    return frozenset(str(code) for code in billing_section("group").get("codes", ()))


def group_content_dropped(
    text: str, services: Sequence[Fact], billed: Mapping[str, int], totals: Totals
) -> list[Fact]:
    """The services without the group's parts that read as timed services; `totals` takes the
    session's clock range from a part read from one, when it has no treatment time."""
    timed = billing_tables().timed
    if not group_codes() & set(billed) or any(code in timed for code in billed):
        return list(services)
    kept = []
    for fact in services:
        if fact.cpt not in timed or _code_written(text, fact):
            kept.append(fact)
            continue
        if totals.treatment is None and fact.minutes and _clocked(text, fact):
            totals.treatment, totals.treatment_at = fact.minutes, fact.span[0]
    return kept


def _code_written(text: str, fact: Fact) -> bool:
    """True when the service's code is written where it was read ("97110 12 min")."""
    start, end = fact.span
    return bool(fact.cpt) and str(fact.cpt) in text[start:end]


def _clocked(text: str, fact: Fact) -> bool:
    """True when the service's minutes were read from a clock range inside its span."""
    start, end = fact.span
    return any(start <= found.start and found.end <= end for found in clock_ranges(text))
