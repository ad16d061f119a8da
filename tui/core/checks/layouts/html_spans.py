"""Merged cells of a pasted HTML table: a cell spanning columns (`colspan`) and a second row of
headings under the first (a heading over its sub-columns).

A cell spanning columns is written as the cell and as many empty cells as it spans more, as an
export writes a merged cell, so the columns under it stay in their places and the heading rows
read as one (`spanned_headings`).
"""

from __future__ import annotations

import re

_OPEN_CELL = re.compile(r"<t[dh]\b[^<>\n]{0,200}>", re.IGNORECASE)
_COLSPAN = re.compile(r"""\bcolspan\s*=\s*["']?(\d{1,2})""", re.IGNORECASE)
_ROW = re.compile(r"<tr\b", re.IGNORECASE)
_HEAD_CELL = re.compile(r"<th\b", re.IGNORECASE)
_DATA_CELL = re.compile(r"<td\b", re.IGNORECASE)
_TABLE = re.compile(r"<table\b", re.IGNORECASE)
# A cell spans a table's width at most; a larger number is no layout to copy.
_MOST_COLUMNS = 24


def spanned_columns(text: str, end: int) -> int:
    """How many columns the cell whose closing tag starts at `end` spans (1 unless its opening
    tag says `colspan`)."""
    start = max(text.rfind("<t", 0, end), text.rfind("<T", 0, end))
    opening = _OPEN_CELL.match(text, start) if start >= 0 else None
    found = _COLSPAN.search(opening.group()) if opening else None
    return min(int(found.group(1)), _MOST_COLUMNS) if found and int(found.group(1)) > 0 else 1


def heading_columns(row: str) -> int:
    """How many columns a row of headings (``<th>`` cells only) spans, its merged cells
    counted as the columns they span; 0 for a row holding a data cell."""
    if _DATA_CELL.search(row):
        return 0
    return sum(
        _span_of(cell.group())
        for cell in _OPEN_CELL.finditer(row)
        if _HEAD_CELL.match(cell.group())
    )


def under_headings(text: str, row_start: int) -> bool:
    """True when the row starting at `row_start` follows a row of headings in the same table:
    a second heading row, which the first row's rule already heads."""
    before = max(text.rfind("<tr", 0, row_start), text.rfind("<TR", 0, row_start))
    if before < 0 or _TABLE.search(text, before, row_start):
        return False
    return heading_columns(text[before:row_start]) > 0


def _span_of(opening: str) -> int:
    found = _COLSPAN.search(opening)
    return min(max(int(found.group(1)), 1), _MOST_COLUMNS) if found else 1
