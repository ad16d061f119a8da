"""A draft's value backed by a cell of a table in the note, found by its row and its column.

A note's table may leave its cells bare with their unit written once, in the caption above the
table ("## Y-Balance (cm, limb length 88 cm)" over "| Anterior | 62 | 58 | 4 |"), so its reader
leaves them unread, and the draft made from it writes "anterior R 62 cm, L 58 cm". The draft's
value is the note's when one of the table's cells holds it and the draft says which cell: the
draft's clause names the cell's row (every word of the row's label) and, between the value and
the number before it, the cell's column heading ("R"). A value given to another row or column
(a swapped side, a row's value under the next row) names a different cell and is not backed;
a value the draft gives to a named cell that holds another number is not backed, whatever
else says it; a value with a unit is backed only when the table writes that unit in the cell,
its row, its heading or the caption above it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.checks.layouts.grids import Cell, Grid, grids

_NUMBER = re.compile(r"[<>~]?(\d+(?:\.\d+)?)")
_WORD = re.compile(r"[A-Za-z]{2,}")
_ANY_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Where a clause of the draft ends: a line end, a semicolon, a full stop that is no decimal point.
_CLAUSE_END = re.compile(r"\n|;|\.(?!\d)")
# How many lines above a table its caption may stand (a heading, then a blank line).
_CAPTION_LINES = 2


def _words(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORD.findall(text))


def _clause(text: str, at: int) -> tuple[int, int]:
    """The draft's clause holding position `at`."""
    start = 0
    for stop in _CLAUSE_END.finditer(text, max(0, text.rfind("\n", 0, at)), at):
        start = stop.end()
    start = max(start, text.rfind("\n", 0, at) + 1)
    after = _CLAUSE_END.search(text, at)
    return start, len(text) if after is None else after.start()


def _named_before(draft: str, start: int, at: int) -> str:
    """The words between the number before `at` in its clause (or the clause start) and `at`."""
    numbers = list(_ANY_NUMBER.finditer(draft, start, at))
    return draft[numbers[-1].end() if numbers else start : at]


def _caption(text: str, grid: Grid) -> str:
    """The lines just above a table, where its caption or heading gives the cells' unit."""
    first = grid.lines[0][0]
    above = text.rfind("\n", 0, max(first - 1, 0))
    for _ in range(_CAPTION_LINES - 1):
        above = text.rfind("\n", 0, max(above, 0))
    return text[max(above, 0) : first]


def _unit_given(unit: str, texts: list[str]) -> bool:
    unit_word = re.compile(rf"(?<![A-Za-z]){re.escape(unit)}(?![A-Za-z])", re.IGNORECASE)
    return any(unit_word.search(text) for text in texts)


def _cell_named(
    draft: str, start: int, at: int, clause: frozenset[str], row: tuple[Cell, ...], heading: Cell
) -> bool:
    """True when the draft's clause (`clause`: its words before the value) names the row's
    label and, right before the value, the column's heading."""
    label = _words(row[0].text)
    column = heading.text.strip("*_ ").lower()
    if not label or not column or _NUMBER.fullmatch(column):
        return False
    if not label <= clause:
        return False
    before = _named_before(draft, start, at).lower()
    return re.search(rf"(?<![a-z0-9]){re.escape(column)}(?![a-z0-9])", before) is not None


_Numbered = tuple[int, tuple[Cell, ...], Cell, Cell, float]


@lru_cache(maxsize=16)
def _cells(note_text: str) -> tuple[_Numbered, ...]:
    """Every numeric cell of the note's headed tables (found once per note): its table's
    index, row, heading, cell and value."""
    found = []
    for index, grid in enumerate(grids(note_text)):
        if not grid.headed or len(grid.rows) < 2:
            continue
        headings = grid.rows[0]
        for row in grid.rows[1:]:
            for column, cell in enumerate(row[1 : len(headings)], start=1):
                number = _NUMBER.fullmatch(cell.text.strip("*_ ").strip())
                if number is not None:
                    found.append((index, row, headings[column], cell, float(number.group(1))))
    return tuple(found)


@lru_cache(maxsize=16)
def _cells_by_word(note_text: str) -> dict[str, tuple[_Numbered, ...]]:
    """The numeric cells by the first (in sort order) word of their row's label: a cell the
    draft names has every word of its row's label in the draft's clause, that one too, so a
    clause is matched against the rows it could name, not against every table of the note."""
    found: dict[str, list[_Numbered]] = {}
    for numbered in _cells(note_text):
        label = _words(numbered[1][0].text)
        if label:
            found.setdefault(min(label), []).append(numbered)
    return {word: tuple(cells) for word, cells in found.items()}


@lru_cache(maxsize=16)
def _tables_holding(note_text: str) -> dict[float, frozenset[int]]:
    """Which tables hold each number in a cell."""
    found: dict[float, set[int]] = {}
    for index, _, _, _, number in _cells(note_text):
        found.setdefault(number, set()).add(index)
    return {number: frozenset(indexes) for number, indexes in found.items()}


def _named_cells(note_text: str, draft_text: str, start: int, at: int) -> list[_Numbered]:
    """The cells whose row and column the draft's clause names before `at`."""
    by_word = _cells_by_word(note_text)
    clause = _words(draft_text[start:at])
    return [
        numbered
        for word in clause
        for numbered in by_word.get(word, ())
        if _cell_named(draft_text, start, at, clause, numbered[1], numbered[2])
    ]


def grid_backs(note_text: str, draft_text: str, at: int, value: float, unit: str) -> bool:
    """True when a headed table of the note holds `value` in a cell whose row and column the
    draft's clause at `at` names, and gives the draft's `unit` (if any) to that cell."""
    if value not in _tables_holding(note_text):
        return False
    start, _ = _clause(draft_text, at)
    for index, row, heading, cell, number in _named_cells(note_text, draft_text, start, at):
        if number != value:
            continue
        caption = _caption(note_text, grids(note_text)[index])
        texts = [cell.text, row[0].text, heading.text, caption]
        if not unit or _unit_given(unit, texts):
            return True
    return False


def grid_contradicts(note_text: str, draft_text: str, at: int, value: float) -> bool:
    """True when the draft's clause at `at` names cells of a note's table that holds `value`
    elsewhere, and none of the named cells holds it: the value was moved to another row or
    column ("posteromedial R 61 cm" where 61 is the anterior reach)."""
    holding = _tables_holding(note_text).get(value)
    if not holding:
        return False
    start, _ = _clause(draft_text, at)
    named = [
        number
        for index, _, _, _, number in _named_cells(note_text, draft_text, start, at)
        if index in holding
    ]
    return bool(named) and value not in named
