"""A YAML export's value written in quotes ('bp: "136/82"', 'l_quadriceps: "4-/5"', '- cpt:
"97110"'): the quotes are the export's, not the clinician's, and a reader meeting a quote
between a key and its number reads no value there. Each quoted value that is a reading (a
number, a grade, a fraction, a percentage or a number and a short unit) is written without its
quotes; a quoted phrase ('notes: "walked 2 blocks"') keeps them, for its numbers are words of a
sentence. A JSON member (quoted key) is `json_lines`' to read. Only lines holding ': "' are
looked at.
"""

from __future__ import annotations

import re

from tui.core.checks.text.pieces import Piece

_SIGN = ': "'
# A key without quotes, maybe a list item's, its colon and the quoted value ending the line.
_QUOTED = re.compile(
    r'^[ \t]*(?:-[ \t]+)?[A-Za-z][\w .()/-]{0,60}?:[ \t]*(?P<open>")'
    r"(?P<value>[<>]?-?\d+(?:\.\d+)?(?:[+-](?![\d]))?"
    r"(?:[ \t]*/[ \t]*\d+(?:\.\d+)?(?:[+-](?![\d]))?)*"
    r"(?:[ \t]*(?:%|\u00b0|[A-Za-z]{1,5}(?:/[A-Za-z]{1,3})?))?)"
    r'(?P<close>")[ \t]*,?[ \t]*$',
    re.MULTILINE,
)


def quoted_scalar_pieces(text: str) -> list[Piece]:
    """Pieces dropping the quotes around each quoted reading of a YAML key."""
    if _SIGN not in text:
        return []
    pieces: list[Piece] = []
    at = text.find(_SIGN)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        found = _QUOTED.match(text, line_start, line_end)
        if found is not None:
            for group in ("open", "close"):
                start, end = found.span(group)
                pieces.append(Piece(start, end, "", start, end))
        at = text.find(_SIGN, line_end)
    return pieces
