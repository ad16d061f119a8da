"""The number a draft writes right after an instrument's name ("Beery VMI standard score of 88").

The draft's reader may not take such a number as a score (words between the name and the number,
a phrasing it was not written against), and then no rule would check it: a changed score would
pass. Each such number is found here so verification can ask whether the note writes it at all;
a number that is part of a word ("4-wheeled walker", "3x10") is the test's set-up, not its score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tui.core.checks.text.numbers import ANY_NUMBER

# Up to this many characters without a digit or a line break between the name and its number.
_GAP = 30


def scores_after_names(
    text: str, named: Iterable[tuple[str, int]]
) -> Iterator[tuple[str, float, int, int]]:
    """(measure, value, where the value starts and ends) for the first number after each
    mention of an instrument (`named`: the measure and where its name ends), on the same line
    and with no sentence end between."""
    for measure, end in named:
        match = _NEXT_NUMBER.match(text, end)
        if match is not None:
            yield measure, float(match.group("value")), *match.span("value")


_NEXT_NUMBER = re.compile(
    rf"(?![A-Za-z0-9])(?:[^\d\n.;]|\.(?=[^\s\d])){{0,{_GAP}}}?(?<![\d.\-/])"
    rf"(?P<value>{ANY_NUMBER.pattern})(?!\.?\d)(?!-?[A-Za-z])"
)
