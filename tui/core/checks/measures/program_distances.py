"""A distance written with sets of repetitions, blocked as a program's dose: "long toss 90 ft,
2x20", a throwing log's row "01/27   90 ft     3x25    none", "3x25 at 120 ft".

A throwing, kicking or hitting program sets a distance and a number of sets and throws for each
step; the distance is how far the ball goes in that step, not a distance the patient covered
or a measure of the body (a walk's "150 ft x 2" names one multiplier and stays a distance). A
distance with a sets-by-repetitions dose right beside it (only spaces or a comma between, or
"at"/"@"/"from" before it) is blocked, so no reader takes it.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

_DISTANCE = rf"(?<![\d.]){NUM}[ \t]*(?:ft|feet|foot|'|m|meters?|metres?|yds?|yards?)(?![A-Za-z/])"
_SETS = r"(?<![\d.])\d{1,2}[ \t]*[x\u00d7][ \t]*\d{1,3}(?![\d.])"
# The sets end the dose: the clause or the column ends, or the things thrown are named ("3x25
# throws"); another exercise's name after them ("200 ft, 3x10 heel raises") makes them its own.
_DOSE_END = (
    r"(?=[ \t]*(?:$|[,;.|)]|[ \t]{2}|\t|(?:throws?|tosses?|pitches?|reps?|swings?|kicks?|shots?"
    r"|serves?|balls?)\b))"
)
_DOSED_DISTANCES = (
    # "90 ft     3x25", "long toss 75 ft, 2x20"
    re.compile(rf"{_DISTANCE}(?=[ \t]*,?[ \t]*{_SETS}{_DOSE_END})", re.IGNORECASE | re.MULTILINE),
    # "3x25 at 120 ft", "2x20 throws from 60 ft"
    re.compile(rf"{_SETS}[ \t]*(?:[A-Za-z]+[ \t]+)?(?:at|@|from)[ \t]*{_DISTANCE}", re.IGNORECASE),
)


def block_program_distances(
    scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]
) -> None:
    """Block each distance set with sets of repetitions (see the module)."""
    for pattern in _DOSED_DISTANCES:
        for match in pattern.finditer(scanner.text):
            scanner.block(*match.span())
