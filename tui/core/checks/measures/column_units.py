"""The quantity of a bare value in a table, said by its column's header or the table's first cell.

A table writes its unit once: over a column ("HR peak", "R (kg)") or in the first cell of its
header for every column ("STRENGTH (HHD, N)   R   L", "ROM (goniometer, degrees)   R   L").
The value under it is bare ("Knee extensors   98   121"), so a reader that judged it by the
row's words alone took a heart rate under "HR peak" for a shoulder's angle. This module reads
the quantity from the cell over the value (found by layouts/table_headers.py) from a unit written
there or a word of data/units.toml [headers]; failing that, from the header's first cell.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.layouts.table_headers import header_cells
from tui.core.checks.measures.unit_quantities import Quantity, quantities
from tui.core.checks.tables import str_list, units_table
from tui.core.checks.text.alternation import either


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
