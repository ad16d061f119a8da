"""Blank cells in aligned and tab-separated rows: "HR   --   102   96", "RPE<tab>--<tab>13/20".

A flowsheet marks a reading not taken with a dash or "n/a" in its column. Read as prose, the
dash right after the sign's name reads as a range's or a list's punctuation and the readings
after it are lost with it. A clinician skips the blank and reads the next cell in its place, so
the mark is written over by as many spaces (the columns stay where they were) when it stands as
a cell of its own: set apart by two spaces or a tab on both sides (or ending the line), in a row
that also holds a number. Which marks are blanks is data (columns.toml [empty] blanks).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.layouts.columns import data_table
from tui.core.checks.text.alternation import either
from tui.core.checks.text.pieces import Piece

_GAP = r"(?:[ ]{2,}|[ ]*\t[ \t]*)"
_DIGIT = re.compile(r"\d")


@cache
def _blank() -> re.Pattern[str]:
    marks = either(str(mark) for mark in data_table("empty").get("blanks", []))
    return re.compile(rf"(?<=\S){_GAP}(?P<mark>{marks})(?={_GAP}\S|[ \t]*$)", re.MULTILINE)


def empty_cell_pieces(text: str) -> list[Piece]:
    """Pieces writing each blank cell of a row of readings as spaces (see the module)."""
    if "  " not in text and "\t" not in text:
        return []
    pieces: list[Piece] = []
    for match in _blank().finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if not _DIGIT.search(line):
            continue
        start, end = match.span("mark")
        pieces.append(Piece(start, end, " " * (end - start), start, end))
    return pieces
