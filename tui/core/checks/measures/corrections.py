"""Values a note takes back: the one a correction replaces ("rated 3/10, not 5/10").

A value written straight after another with "not" before it ("34%, not 43%", "60° (not 65°)")
is what the measure is not: never a fact. When the line says it corrects the record (a
correction, an entry in error, a misread, an addendum: legends.toml correction_cues), the value
taken back is also dropped wherever the note stated it, for the same measure as the value that
replaces it: "Supination was 60°, not 65° (goniometer misread)" takes back the "supination 65°"
of the original entry, and the struck "~~5/10~~" goes with "rated 3/10, not 5/10". Each
correction is matched inside its line, and each fact is compared once per correction, so the
pass is linear in the note's length for the few corrections a note holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

_VALUE = r"-?\d+(?:\.\d+)?(?:/\d+)?"
_UNIT = r"(?:[ \t]*(?:°|deg\w*|%|kg|lbs?|cm|mm|s|secs?|seconds|m|ft|/10))?"
# "3/10, not 5/10", "34%, not 43%", "60° (not 65°)", "60 deg not 65": the first value and the
# one it replaces.
_NOT_AFTER = re.compile(
    rf"(?<![\w.])(?P<new>{_VALUE}){_UNIT}[ \t]*(?:,|\()?[ \t]*not[ \t]+(?P<old>{_VALUE}){_UNIT}"
    r"(?![\d/])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Correction:
    new: tuple[int, int]
    old: tuple[int, int]
    value: float
    declared: bool


@cache
def _cues() -> re.Pattern[str]:
    words = either(legend_words().get("correction_cues", ()))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def _earlier() -> re.Pattern[str]:
    """An earlier time named after the value replaced ("3/10, not 7/10 as at eval"): the value
    is then the earlier one, compared, not taken back."""
    words = either(legend_words().get("earlier", ()))
    return re.compile(rf"[^,;.()\n]{{0,{_EARLIER_REACH}}}?(?<![\w-])(?:{words})(?![\w-])", re.I)


_EARLIER_REACH = 20


def drop_retracted(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Drop each value a correction takes back, and, where the line declares a correction,
    the same measure's value wherever the note stated it."""
    corrections = list(_corrections(scanner))
    if not corrections:
        return
    dropped: set[int] = set()
    for correction in corrections:
        replacing = [fact for fact in facts if _within(fact.span, correction.new)]
        dropped.update(
            index
            for index, fact in enumerate(facts)
            if _within(fact.span, correction.old) or _retracted(fact, correction, replacing)
        )
    facts[:] = [fact for index, fact in enumerate(facts) if index not in dropped]


def _retracted(fact: Fact, correction: _Correction, replacing: list[Fact]) -> bool:
    """The fact states, elsewhere in the note, the value a declared correction takes back for
    the measure of its new value."""
    return (
        correction.declared
        and _number(fact.value) == correction.value
        and any(_same_measure(fact, new) for new in replacing)
    )


def _corrections(scanner: Scanner) -> list[_Correction]:
    found = []
    for match in _NOT_AFTER.finditer(scanner.text):
        if _earlier().match(scanner.text, match.end()):
            continue
        line_start, line_end = scanner.line(match.start())
        declared = bool(_cues().search(scanner.text, line_start, line_end))
        old = match.group("old").split("/")[0]
        found.append(
            _Correction(
                new=scanner.span(*match.span("new")),
                old=scanner.span(*match.span("old")),
                value=float(old),
                declared=declared,
            )
        )
    return found


def _within(span: tuple[int, int], inside: tuple[int, int]) -> bool:
    return inside[0] <= span[0] < inside[1]


def _number(value: int | float | str) -> float | None:
    try:
        return float(str(value).rstrip("+-"))
    except ValueError:
        return None


def _same_measure(fact: Fact, new: Fact) -> bool:
    """The fact states the measure the correction's new value is of: the same kind, measure and
    unit, and no anatomy word of the new value's label that the fact's label names otherwise."""
    if fact is new or (fact.kind, fact.measure, fact.unit) != (new.kind, new.measure, new.unit):
        return False
    mine, theirs = labels.parts_of(fact.label), labels.parts_of(new.label)
    return all(
        not getattr(theirs, part) or getattr(mine, part) == getattr(theirs, part)
        for part in ("joint", "motion", "muscle")
    )
