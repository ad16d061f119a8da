"""A score written with a decimal comma and no unit ("PDQ-39 summary index 27,6", "QuickDASH
31,8") in a note that writes its decimals with commas.

text/separators.py reads a decimal comma only before a unit ("TUG 12,4 s"), because "C5,6",
"items 1,2" and "3,10 reps" hold commas between two numbers. A note that writes one measured
value with a decimal comma has shown its convention, so in that note a number with a comma and
one or two digits after it, standing at the end of its clause, is one decimal too; one in a list
("1,2,3"), one before a count word ("3,4 reps") or a range, one after a word naming what it
counts ("items 4,7": markup.toml comma_counted), and every such number in a note
that never writes a decimal comma before a unit, is left as written.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.separators import decimal_comma_pieces

# A number with a decimal comma, at the end of its clause: the line's end, a semicolon, a
# bracket (its close, or an earlier value's opening), or a comma or full stop before words.
_UNITLESS = re.compile(
    r"(?<![\w.,])(\d{1,3}),(\d{1,2})(?![\d,]|[ \t]*[-\u2013]?[ \t]*\d)"
    r"(?=[ \t]*(?:\r?$|[;)\]([]|[,.][ \t]|[,.]\r?$))",
    re.MULTILINE,
)


def unitless_decimal_pieces(text: str) -> list[Piece]:
    """A point for the comma of each clause-ending number with a decimal comma, in a note that
    writes decimal commas before units; none in any other note."""
    if "," not in text:
        return []
    found = [m for m in _UNITLESS.finditer(text) if not _counted(text, m.start())]
    if not found or not decimal_comma_pieces(text):
        return []
    return [
        Piece(m.start(), m.end(), f"{m.group(1)}.{m.group(2)}", m.start(), m.end()) for m in found
    ]


def _counted(text: str, start: int) -> bool:
    """The word just before the number names what it counts ("items 4,7", "digits 2,3")."""
    before = _WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    return before is not None and before.group(1).lower() in _counted_words()


_LOOK_BACK = 24
_WORD_BEFORE = re.compile(r"([A-Za-z]+|#)[ \t.:]*\Z")


@cache
def _counted_words() -> frozenset[str]:
    text = files("tui.core").joinpath("data", "markup.toml").read_text(encoding="utf-8")
    return frozenset(str(word).lower() for word in tomllib.loads(text)["comma_counted"])
