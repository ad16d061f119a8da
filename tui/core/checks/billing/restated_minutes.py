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

A duration inside a treatment's description ("gait re-training with metronome ... for 10 min on
the treadmill") is part of the service's time, which a line naming the code gives whole ("gait
re-training 15 min (97116)"): read alone it doubles the code's minutes too. When the line that
names the code by its number gives more minutes than a mention of the same code on a line that
does not, and leaving those lesser mentions out makes the services add up exactly to a stated
total, they were parts of the whole. A mention inside a service's own description on its
header's line ("Ther act 18 min: transfer training 6 min, car transfer") is part of the header's
minutes whatever the totals say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tui.core.checks.billing.records import Totals
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables


def restatements_dropped(text: str, services: Sequence[Fact], totals: Totals) -> list[Fact]:
    """The services without the later mentions that restate an earlier one, or the parts of a
    code's time its coded line gives whole, when a stated total shows them to be so: the timed
    total over the timed services first, then the total treatment time over every service with
    minutes."""
    services = _parts_of_headers(text, services)
    timed = billing_tables().timed
    for drop in (_repeats, lambda found: _parts(text, found)):
        kept = _kept_to_total(services, totals.timed, lambda fact: fact.cpt in timed, drop)
        if kept is None:
            kept = _kept_to_total(services, totals.treatment, lambda _fact: True, drop)
        if kept is not None:
            return kept
    return list(services)


# What opens a service's description right after its minutes: "Ther act 18 min: ...", "(...".
_DESCRIPTION_OPENS = re.compile(r"[ \t]*[:(]")


def _parts_of_headers(text: str, services: Sequence[Fact]) -> list[Fact]:
    """The services without the mentions that a description names inside a service's header
    of the same code ("Ther act 18 min: transfer training 6 min, ..."): on the header's line,
    after its minutes and a colon or a bracket, with fewer minutes, they are part of its time.
    """
    found = sorted(services, key=lambda item: item.span)
    parts: set[int] = set()
    for index, header in enumerate(found):
        end = header.span[1]
        if index in parts or not _DESCRIPTION_OPENS.match(text, end):
            continue
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        for later in range(index + 1, len(found)):
            part = found[later]
            if part.span[0] >= line_end:
                break
            if part.cpt == header.cpt and (part.minutes or 0) < (header.minutes or 0):
                parts.add(later)
    return [fact for index, fact in enumerate(found) if index not in parts]


def _kept_to_total(
    services: Sequence[Fact],
    stated: int | None,
    counts: Callable[[Fact], bool],
    drop: Callable[[list[Fact]], set[int]],
) -> list[Fact] | None:
    """`services` less the counted mentions `drop` picks (by index in span order), when the
    counted minutes exceed `stated` and leaving those out makes them equal it; None when the
    stated total does not show them to be left out."""
    found = sorted(services, key=lambda item: item.span)
    minutes = [f.minutes for f in found if counts(f) and f.minutes is not None]
    if not stated or sum(minutes) <= stated:
        return None
    counted = [i for i, f in enumerate(found) if counts(f) and f.minutes is not None]
    dropped = drop([found[i] for i in counted])
    dropped_at = {counted[i] for i in dropped}
    kept = [fact for i, fact in enumerate(found) if i not in dropped_at]
    left = sum(f.minutes for f in kept if counts(f) and f.minutes is not None)
    return kept if dropped_at and left == stated else None


def _repeats(found: list[Fact]) -> set[int]:
    """The later mentions repeating an earlier one's code and minutes."""
    seen: set[tuple[str, int]] = set()
    repeats = set()
    for index, fact in enumerate(found):
        key = (fact.cpt or "", fact.minutes or 0)
        if key in seen:
            repeats.add(index)
        seen.add(key)
    return repeats


def _parts(text: str, found: list[Fact]) -> set[int]:
    """The mentions of a code, on lines that do not name it by number, with fewer minutes than
    a mention on a line that does."""
    coded: dict[str, int] = {}
    for fact in found:
        if fact.cpt and _line_names_code(text, fact):
            coded[fact.cpt] = max(coded.get(fact.cpt, 0), fact.minutes or 0)
    return {
        index
        for index, fact in enumerate(found)
        if fact.cpt in coded
        and (fact.minutes or 0) < coded[fact.cpt]
        and not _line_names_code(text, fact)
    }


def _line_names_code(text: str, fact: Fact) -> bool:
    """True when the line the fact is read from writes its code as a number."""
    start, end = fact.span
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return re.search(rf"(?<![\w.]){re.escape(fact.cpt or '')}(?!\d)", line) is not None
