"""A value the note gives for the other side right after a measured one, left unread.

Dictated and terse notes write a pair once with its unit and then the other side's value alone
("straight leg raise on the left is 65 degrees, right is 80"; "hip IR L 30°, R 22"). The note's
reader may leave the second number unread; a draft that writes "R 80°" is faithful. The value is
backed only where a side word introduces it directly, the sentence gives the unit, and the
draft's own side is that side, so a swapped pair is still caught.
"""

from __future__ import annotations

import re

from tui.core.checks.measures import labels

# A side word then at most a linking word right before the value.
_SIDE_BEFORE = re.compile(
    r"(?<![A-Za-z])(right|left|rt|lt|R|L)\.?(?:\s+(?:is|was|at|side|=))?\s*[:=]?\s*$"
)


def side_continues(sentence: str, value_at: int, unit: re.Pattern[str], side: str) -> bool:
    """True when the number at `value_at` in `sentence` is introduced by a side word that names
    `side`, and the sentence writes the unit of the values it continues."""
    if not side or not unit.search(sentence):
        return False
    before = _SIDE_BEFORE.search(sentence[max(0, value_at - 16) : value_at])
    return before is not None and labels.parts_of(before.group(1)).side == side
