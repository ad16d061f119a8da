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
total, they were parts of the whole. A mention of the header's code inside a service's own
description ("Ther act 18 min: transfer training 6 min, car transfer", after its colon up to the
clause's end, or inside its bracket) with fewer minutes is part of the header's minutes when a
stated total says so or none is stated; a mention after the clause or bracket closes ("Ther ex
20 min (AM session); ther ex 10 min (PM session)") is a service of its own.

Lines and clause ends are found once for the whole text, so no service's line is searched
again for each service.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from tui.core.checks.billing.records import Totals
from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_tables


def restatements_dropped(text: str, services: Sequence[Fact], totals: Totals) -> list[Fact]:
    """The services without the later mentions that restate an earlier one, or the parts of a
    code's time a header or its coded line gives whole, when a stated total shows them to be
    so: the timed total over the timed services first, then the total treatment time over
    every service with minutes. Without a stated total, a part named inside its header's own
    clause is still left out."""
    layout = _Layout(text)
    if totals.timed is None and totals.treatment is None:
        services = _without(services, _parts_of_headers(layout, _in_order(services)))
    timed = billing_tables().timed
    drops: tuple[Callable[[list[Fact]], set[int]], ...] = (
        lambda found: _parts_of_headers(layout, found),
        _repeats,
        lambda found: _parts(layout, found),
    )
    for drop in drops:
        kept = _kept_to_total(services, totals.timed, lambda fact: fact.cpt in timed, drop)
        if kept is None:
            kept = _kept_to_total(services, totals.treatment, lambda _fact: True, drop)
        if kept is not None:
            return kept
    return list(services)


class _Layout:
    """Where the text's lines and sentences end, found once so that every service's line and
    clause is looked up without searching the text again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_ends = [match.start() for match in re.finditer("\n", text)] + [len(text)]
        self.clause_ends = [match.start() for match in _CLAUSE_END.finditer(text)] + [len(text)]
        self._codes: dict[tuple[int, str], bool] = {}

    def line_of(self, at: int) -> tuple[int, int]:
        """The start and end of the line holding offset `at`."""
        index = bisect_left(self.line_ends, at)
        start = self.line_ends[index - 1] + 1 if index else 0
        return start, self.line_ends[index]

    def clause_end(self, at: int) -> int:
        """Where the sentence or clause holding offset `at` ends (a full stop, a semicolon or
        the line's end)."""
        return self.clause_ends[bisect_left(self.clause_ends, at)]

    def line_names_code(self, fact: Fact) -> bool:
        """True when the line the fact is read from writes its code as a number; each line is
        searched once per code."""
        start, end = self.line_of(fact.span[0])
        key = (start, fact.cpt or "")
        if key not in self._codes:
            code = re.compile(rf"(?<![\w.]){re.escape(fact.cpt or '')}(?!\d)")
            self._codes[key] = code.search(self.text, start, end) is not None
        return self._codes[key]


# Where a clause ends: a full stop or semicolon before a space or the line's end, or the line's
# end itself (a decimal point is no end).
_CLAUSE_END = re.compile(r"[.;](?=[ \t]|$)|\n", re.MULTILINE)

# What opens a service's description right after its minutes: "Ther act 18 min: ...", "(...".
_DESCRIPTION_OPENS = re.compile(r"[ \t]*([:(])")


def _in_order(services: Sequence[Fact]) -> list[Fact]:
    return sorted(services, key=lambda item: item.span)


def _without(services: Sequence[Fact], dropped: set[int]) -> list[Fact]:
    """`services` in span order, less those at the `dropped` indexes."""
    return [fact for index, fact in enumerate(_in_order(services)) if index not in dropped]


def _parts_of_headers(layout: _Layout, found: list[Fact]) -> set[int]:
    """The mentions (by index in span order) that a header's own description names, of the
    header's code and with fewer minutes ("Ther act 18 min: transfer training 6 min, ..."):
    after the header's colon up to its clause's end, or inside its bracket. A mention of the
    same code after the clause or bracket closes ("Ther ex 20 min (AM session); ther ex 10
    min") is a service of its own."""
    parts: set[int] = set()
    index = 0
    while index < len(found):
        header = found[index]
        index += 1
        opens = _DESCRIPTION_OPENS.match(layout.text, header.span[1])
        if opens is None:
            continue
        end = _description_end(layout, opens)
        while index < len(found) and found[index].span[0] < end:
            part = found[index]
            if part.cpt == header.cpt and (part.minutes or 0) < (header.minutes or 0):
                parts.add(index)
            index += 1
    return parts


def _description_end(layout: _Layout, opens: re.Match[str]) -> int:
    """Where a header's description ends: its clause's end after a colon, its closing bracket
    (within the line) after a bracket."""
    if opens.group(1) == ":":
        return layout.clause_end(opens.end())
    line_end = layout.line_of(opens.end())[1]
    close = layout.text.find(")", opens.end(), line_end)
    return line_end if close < 0 else close


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


def _parts(layout: _Layout, found: list[Fact]) -> set[int]:
    """The mentions of a code, on lines that do not name it by number, with fewer minutes than
    a mention on a line that does."""
    coded: dict[str, int] = {}
    for fact in found:
        if fact.cpt and layout.line_names_code(fact):
            coded[fact.cpt] = max(coded.get(fact.cpt, 0), fact.minutes or 0)
    return {
        index
        for index, fact in enumerate(found)
        if fact.cpt in coded
        and (fact.minutes or 0) < coded[fact.cpt]
        and not layout.line_names_code(fact)
    }
