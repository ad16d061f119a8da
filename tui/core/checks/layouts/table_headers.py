"""The header cell over a bare value in a table, and the header's first cell.

A table writes what a column holds once, over it ("HR peak", "R (kg)"), or in the first cell of
its header for every column ("STRENGTH (HHD, N)   R   L"); the value under it is bare. Finding
that cell is a matter of the table's layout, not of any quantity, so it lives here and the
readers of quantities (measures/column_units.py) and of vitals (vital_columns.py) share it. The
header line is the nearest line above the value in the same block with two cells or more and no
cell that opens with a digit; the cell over the value is found by position in a space-aligned
table and by index in a piped one.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"\t+| {2,}|[ \t]*\|[ \t]*")
# what may stand between a column's gap and its value: a sign
_SIGNS = "-−~"
_RULE = re.compile(r"[\s|:=+-]*\Z")
_LOOK_BACK = 15  # lines above a value searched for its table's header, at most


def header_cells(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The header cell over the bare value at [start, end) and the header's first cell, or None
    when the value stands in no column of a table with a header."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _in_column(text, line_start, start):
        return None
    header = _header_line(text, line_start)
    if header is None:
        return None
    cells = _cells(header)
    if len(cells) < 2:
        return None
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return _cell_over(header, cells, line, start - line_start, end - line_start), cells[0][2]


def _in_column(text: str, line_start: int, start: int) -> bool:
    """The value at `start` stands after a column's gap (a tab, two spaces or a pipe, then
    blanks and maybe a sign). Read back from the value over its own gap only: a search of the
    line for a gap ending at the value would walk a long run of blanks once per start."""
    at = start - 1 if start > line_start and text[start - 1] in _SIGNS else start
    gap_end = at
    while at > line_start and text[at - 1] in " \t":
        at -= 1
    blanks = text[at:gap_end]
    return "\t" in blanks or "  " in blanks or (at > line_start and text[at - 1] == "|")


def _header_line(text: str, line_start: int) -> str | None:
    """The nearest line above, in the same block, with cells none of which opens with a digit."""
    at = line_start
    for _ in range(_LOOK_BACK):
        if at <= 0:
            return None
        previous_start = text.rfind("\n", 0, at - 1) + 1
        line = text[previous_start : at - 1]
        at = previous_start
        if not line.strip():
            return None
        if _RULE.match(line):
            continue
        cells = _cells(line)
        if len(cells) >= 2 and not any(cell[2][:1].isdigit() for cell in cells):
            return line
    return None


def _cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line: display columns (tabs expanded) and text, empty cells left out."""
    cells = []
    at = 0
    for gap in [*_GAP.finditer(line), None]:
        stop = gap.start() if gap else len(line)
        piece = line[at:stop].strip()
        if piece:
            first = len(line[:at].expandtabs()) + (len(line[at:stop]) - len(line[at:stop].lstrip()))
            cells.append((first, first + len(piece), piece))
        at = gap.end() if gap else len(line)
    return cells


def _cell_over(
    header: str, cells: list[tuple[int, int, str]], line: str, start: int, end: int
) -> str:
    """The header cell over a value: by index in a piped table, by position in an aligned one."""
    if "|" in header and "|" in line:
        index = line[:start].strip().strip("|").count("|")
        row_cells = [cell for cell in header.strip().strip("|").split("|")]
        return row_cells[index].strip() if index < len(row_cells) else ""
    first = len(line[:start].expandtabs())
    last = first + (end - start)
    over = [cell for cell in cells if cell[0] < last + 1 and first < cell[1] + 1]
    if over:
        return over[0][2]
    before = [cell for cell in cells if cell[0] <= first]
    return before[-1][2] if before else ""
