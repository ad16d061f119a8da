"""Number-then-unit patterns tried only at the numbers right before their unit.

A reader's pattern such as "(?<![A-Za-z0-9.])(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b)" opens with
checks before a capturing group, so Python's engine cannot skip to digits and tries it at every
position of a long note (about 60 ms a megabyte, for each of a dozen such patterns). Every match
starts on a digit and holds only digits, dots and blanks up to its unit, so the unit's first
letters are found with one search of the lower-cased note, the run of those characters before
each is walked back, and the pattern is tried only at the digits of the run: the same matches,
in the same leftmost, non-overlapping order as `finditer`. Digits and blanks are what the
pattern's "\\d" and "\\s" take (any script's decimal digits, any Unicode space), so a note in
another script loses no match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checks.text.anchored import Anchored
from tui.core.checks.text.lexicon import Led


@dataclass(frozen=True)
class UnitLed(Anchored):
    """`pattern`, each of whose matches starts on a digit and holds a match of `anchor` (its
    unit's first letters, lower case) after only digits, dots and blanks."""

    def starts(self, low: str) -> list[int]:
        found: list[int] = []
        floor = 0  # the run before an earlier unit was walked already
        for hit in self.anchor.finditer(low):
            unit = hit.start()
            run = []
            at = unit - 1
            while at >= floor:
                char = low[at]
                if char.isdecimal():
                    run.append(at)
                elif char != "." and not char.isspace():
                    break
                at -= 1
            found += reversed(run)
            floor = unit
        return found


def unit_led(pattern: re.Pattern[str] | Led | Anchored, units: str) -> Led | Anchored:
    """`pattern` (checks, then a number, blanks and one of `units`: a regular expression of
    the units' first letters in lower case) tried only at the numbers before those units; a
    pattern already searched from its own anchors is left as it is."""
    if not isinstance(pattern, re.Pattern):
        return pattern
    return UnitLed(pattern, re.compile(units))


@dataclass(frozen=True)
class AfterMarks(Anchored):
    """`pattern`, each of whose matches starts at the text's start or right after a match of
    `anchor` (the marks that open a line, sentence or clause, lower case): tried only there."""

    def starts(self, low: str) -> list[int]:
        found = [0]
        for hit in self.anchor.finditer(low):
            if hit.end() > found[-1]:
                found.append(hit.end())
        return found


def after_marks(pattern: re.Pattern[str], marks: str) -> AfterMarks:
    """`pattern`, whose every match opens at the text's start or after one of `marks` (a
    regular expression in lower case, e.g. "\\n|[.;][ \\t]"), tried only there."""
    return AfterMarks(pattern, re.compile(marks))
