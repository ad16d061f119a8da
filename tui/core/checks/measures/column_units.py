"""The quantity of a bare value in a table, said by its column's header or the table's first cell.

A table writes its unit once: over a column ("HR peak", "R (kg)") or in the first cell of its
header for every column ("STRENGTH (HHD, N)   R   L", "ROM (goniometer, degrees)   R   L").
The value under it is bare ("Knee extensors   98   121"), so a reader that judged it by the
row's words alone took a heart rate under "HR peak" for a shoulder's angle. This module finds
the header line of the value's table (the nearest line above it in the same block with two cells
or more and no cell that opens with a digit) and the cell over the value (by position in a
space-aligned table, by index in a piped one), and reads the quantity from a unit written there
or a word of data/units.toml [headers]; failing that, from the header's first cell.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.measures.unit_quantities import Quantity, quantities
from tui.core.checks.tables import str_list, units_table
from tui.core.checks.text.alternation import either

_GAP = re.compile(r"\t+| {2,}|[ \t]*\|[ \t]*")
_IN_COLUMN = re.compile(r"(?:\t| {2,}|\|)[ \t]*[-−~]?\Z")
_RULE = re.compile(r"[\s|:=+-]*\Z")
_LOOK_BACK = 15  # lines above a value searched for its table's header, at most


@cache
def _header_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each quantity's header words (units.toml [headers]), not joined to a letter either side:
    a header names a quantity ("HR peak", "ROM") without writing its unit."""
    found = []
    for name, words in units_table().get("headers", {}).items():
        fragments = str_list(words)
        found.append(
            (
                name,
                re.compile(rf"(?<![A-Za-z])(?:{either(fragments)})(?![A-Za-z])", re.I),
            )
        )
    return tuple(found)


@cache
def _units_in_cell() -> tuple[tuple[Quantity, re.Pattern[str]], ...]:
    """Each quantity's units as written in a header cell ("R (kg)"), case kept ("N", "m")."""
    return tuple(
        (quantity, re.compile(rf"(?<![A-Za-z])(?:{quantity.unit.pattern})"))
        for quantity in quantities()
    )


def column_quantity(text: str, start: int, end: int) -> tuple[Quantity | None, str | None]:
    """The quantity (and the unit, when written) a table's header gives the bare value at
    [start, end), or (None, None) when the value stands in no table or its header says none."""
    found = header_cells(text, start, end)
    if found is None:
        return None, None
    for where in found:
        quantity = _quantity_in(where)
        if quantity[0] is not None:
            return quantity
    return None, None


def header_cells(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The header cell over the bare value at [start, end) and the header's first cell, or None
    when the value stands in no column of a table with a header."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _IN_COLUMN.search(text, line_start, start):
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


def _quantity_in(cell: str) -> tuple[Quantity | None, str | None]:
    """The quantity a header cell names and the unit it writes: a written unit first, as it
    says the most ("Grip (kg)"), else a header word with no unit ("HR peak": a vital)."""
    for quantity, unit in _units_in_cell():
        written = unit.search(cell)
        if written:
            return quantity, written.group()
    for name, words in _header_words():
        if words.search(cell):
            return next((q for q in quantities() if q.name == name), None), None
    return None, None
