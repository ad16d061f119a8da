"""An export's lower-case key naming an instrument whose name is read only in capitals ("pdi:
28/70", "mas: 1+"): an export writes every key in lower case, so the key is the instrument as
a clinician wrote it ("PDI: 28/70"). A name kept to its capitals in prose (instruments.toml
exact_case: "pdi" or "mas" may be words of something else) is written in its capitals when it
is the whole key of a line and a number follows the colon. Only lines of a lower-case key are
looked at.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import measure_defs
from tui.core.checks.text.pieces import Piece

# A whole key in lower case, maybe a list item's, then its colon and a number.
_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?(?P<key>[a-z][a-z0-9]{1,9})[ \t]*:[ \t]*\d", re.MULTILINE)


def in_capitals(name: str) -> str:
    """The name in the capitals its instrument is read in ("pdi": "PDI"), else as given."""
    return _capitals().get(name.lower(), name)


@cache
def _capitals() -> dict[str, str]:
    return {name.lower(): name for m in measure_defs() for name in m.exact_case}


def export_case_pieces(text: str) -> list[Piece]:
    """Pieces writing each lower-case key of an exact-case instrument in its capitals."""
    pieces: list[Piece] = []
    for found in _KEY.finditer(text):
        name = _capitals().get(found["key"])
        if name is not None:
            start, end = found.span("key")
            pieces.append(Piece(start, end, name, start, end))
    return pieces
