"""Values a note takes back: the one a correction replaces ("rated 3/10, not 5/10", "Berg above
should read 44/56").

A value written straight after another with "not" before it ("34%, not 43%", "60° (not 65°)")
is what the measure is not: never a fact; so is a value the note says was struck ("145° struck;
138° is the measured value"). When the line says it corrects the record (a
correction, an entry in error, a misread, an addendum: corrections.toml cues), the value
taken back is also dropped wherever the note stated it, for the same measure as the value that
replaces it: "Supination was 60°, not 65° (goniometer misread)" takes back the "supination 65°"
of the original entry, and the struck "~~5/10~~" goes with "rated 3/10, not 5/10". A value
introduced as the replacement on such a line ("should read 44/56", "corrected to 110°":
corrections.toml replaced_by) takes back every other value of its measure stated before it for
this visit; an earlier visit's value ("(IE 30/56)") is not what it corrects. Each correction is
matched inside its line, and each fact is compared once per correction; a note is read for at most
`_MOST` corrections (a record corrects a few values, not hundreds), so the pass stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.correction_shapes import (
    NOT_AFTER,
    compares_earlier,
    cues,
    replaced_by,
    struck_before,
)
from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.labels import may_be_earlier
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

# A number a correction takes back, without its denominator or unit ("65" of "65°").
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# The value a replacing phrase gives ("44/56").
_VALUE = r"-?\d+(?:\.\d+)?(?:/\d+)?"


@dataclass(frozen=True)
class _Correction:
    """The span of the value a correction gives, of the value it takes back (None when the note
    does not restate it) and that value (None: any other value of the measure, stated before)."""

    new: tuple[int, int]
    old: tuple[int, int] | None
    value: float | None
    declared: bool


@cache
def _replacing() -> re.Pattern[str]:
    """A replacing value on its own ("Berg above should read 44/56")."""
    return re.compile(
        rf"(?<![\w-])(?:{replaced_by()})[ \t]*:?[ \t]*(?P<new>{_VALUE})(?![\d/])", re.IGNORECASE
    )


# The most corrections a note is read for.
_MOST = 32


def drop_retracted(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Drop each value a correction takes back, and, where the line declares a correction,
    the same measure's value wherever the note stated it."""
    corrections = _corrections(scanner)[:_MOST]
    if not corrections:
        return
    dropped: set[int] = set()
    for correction in corrections:
        replacing = [fact for fact in facts if _within(fact.span, correction.new)]
        dropped.update(
            index
            for index, fact in enumerate(facts)
            if (correction.old is not None and _within(fact.span, correction.old))
            or _retracted(fact, correction, replacing)
        )
    facts[:] = [fact for index, fact in enumerate(facts) if index not in dropped]


def _retracted(fact: Fact, correction: _Correction, replacing: list[Fact]) -> bool:
    """The fact states, elsewhere in the note, the value a declared correction takes back for
    the measure of its new value (any other value of it before the correction, for a
    replacement), and is not an earlier visit's value."""
    if not correction.declared or not may_be_earlier(fact):
        return False
    if correction.value is None:
        taken = fact.span[0] < correction.new[0] and all(
            _number(fact.value) != _number(new.value) for new in replacing
        )
    else:
        taken = _number(fact.value) == correction.value
    return taken and any(_same_measure(fact, new) for new in replacing)


def _corrections(scanner: Scanner) -> list[_Correction]:
    found = []
    text = scanner.text
    for match in (*line_scan(NOT_AFTER, text), *line_scan(struck_before(), text)):
        if match.re is NOT_AFTER and compares_earlier(text, match.end()):
            continue
        line_start, line_end = scanner.line(match.start())
        found.append(
            _Correction(
                new=scanner.span(*match.span("new")),
                old=scanner.span(*match.span("old")),
                value=_leading(match.group("old")),
                declared=bool(cues().search(text, line_start, line_end)),
            )
        )
    for match in line_scan(_replacing(), text):
        line_start, line_end = scanner.line(match.start())
        if cues().search(text, line_start, line_end):
            new = scanner.span(*match.span("new"))
            found.append(_Correction(new=new, old=None, value=None, declared=True))
    return found


def _within(span: tuple[int, int], inside: tuple[int, int]) -> bool:
    return inside[0] <= span[0] < inside[1]


def _leading(value: str) -> float | None:
    """The number a value starts with ("65" of "65°", "5" of "5/10")."""
    found = _NUMBER.match(value)
    return float(found.group()) if found else None


def _number(value: int | float | str) -> float | None:
    try:
        return float(str(value).rstrip("+-"))
    except ValueError:
        return None


def _same_measure(fact: Fact, new: Fact) -> bool:
    """The fact states the measure the correction's new value is of: the same kind, measure and
    unit, and no side or anatomy word of the new value's label that the fact's label names
    otherwise."""
    if fact is new or (fact.kind, fact.measure, fact.unit) != (new.kind, new.measure, new.unit):
        return False
    mine, theirs = labels.parts_of(fact.label), labels.parts_of(new.label)
    return all(
        not getattr(theirs, part) or getattr(mine, part) == getattr(theirs, part)
        for part in ("side", "joint", "motion", "muscle")
    )
