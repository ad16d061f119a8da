"""Numbers written with a thousands separator ("2,845 mL", "1,020 g", "walks 2,500 steps") as one
number, so no reader takes the digits after the comma for a value of their own.

Only a comma followed by exactly three digits joins: "1,2" (a list of items) and "3,4" (a pair
of vertebrae or fingers) have fewer, and a run like "100,120,140" (a list of readings) has a
leading group of three digits and is left as written.
"""

from __future__ import annotations

import re

from tui.core.checks.text.pieces import Piece

# "(?<![\d.,])\d{1,2}(?:,\d{3})+(?![\d,]|\.\d)" with the check before the number moved after its
# first digit, so the engine skips straight to digits: the same matches, faster on a long note.
_THOUSANDS = re.compile(r"\d(?<![\d.,]\d)\d?(?:,\d{3})+(?![\d,]|\.\d)")


def thousands_pieces(text: str) -> list[Piece]:
    """One piece per number with separators, its digits run together."""
    if "," not in text:
        return []
    return [
        Piece(m.start(), m.end(), m.group().replace(",", ""), m.start(), m.end())
        for m in _THOUSANDS.finditer(text)
    ]
