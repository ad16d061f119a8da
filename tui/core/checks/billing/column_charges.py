"""Charges written as plain-text columns under a heading line, as a charge sheet pasted from a
billing screen lays them out:

    CODE    MOD   UNITS  MIN
    97110   GP    2      24

Each word of a row belongs to the heading word whose column it starts under, so a service
description with spaces stays in its column. The heading's words are data (billing.toml
[charge_columns]); a heading needs a code column and a units column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tui.core.checks.tables import billing_tables
from tui.core.checks.text.lexicon import led

_LINE = re.compile(r"^[^\n]*", re.MULTILINE)
_WORD = re.compile(r"\S+")
_CODE = re.compile(r"^(?:9\d{4}|G\d{4})$", re.IGNORECASE)
_COUNT = re.compile(r"^\d{1,2}$")
_MINUTES = re.compile(r"^(\d{1,3})(?:min|mins|')?$", re.IGNORECASE)
# Words of a column start at most this many characters left of their heading word.
_SLACK = 2


@dataclass(frozen=True)
class ColumnCharge:
    """One row: its code, units and minutes (None when the row leaves them out), and where the
    row and its cells are written."""

    code: str
    units: int | None
    minutes: int | None
    start: int
    end: int


@cache
def _roles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    columns = billing_tables().charge_columns
    return tuple(
        (role, re.compile(rf"(?:{'|'.join(words)})", re.IGNORECASE))
        for role, words in columns.items()
        if words
    )


def _heading(line: str) -> list[tuple[int, str]] | None:
    """The columns of a heading line (start, role), or None when the line is not one."""
    columns = []
    for word in _WORD.finditer(line):
        role = next((r for r, pattern in _roles() if pattern.fullmatch(word.group())), None)
        if role is None:
            return None
        columns.append((word.start(), role))
    roles = [role for _, role in columns]
    if len(columns) < 3 or "code" not in roles or "units" not in roles:
        return None
    return columns


def _column_of(columns: list[tuple[int, str]], at: int) -> int:
    index = 0
    for i, (start, _) in enumerate(columns):
        if start <= at + _SLACK:
            index = i
    return index


# The units word a heading holds: the few lines that hold one are tried, not every line.
_UNITS_WORD = led(
    re.compile(r"(?:units?|qty|quantity)\b", re.IGNORECASE), "unit", "qty", "quantity"
)


def column_charges(text: str) -> Iterator[ColumnCharge]:
    """Every row under every charge heading of the text, until a row that is not a charge."""
    if not _roles():
        return
    done = -1
    for word in _UNITS_WORD.finditer(text):
        line = _LINE.match(text, text.rfind("\n", 0, word.start()) + 1)
        if line is None or line.start() <= done:
            continue
        done = line.start()
        columns = _heading(line.group())
        if columns is None:
            continue
        at = line.end() + 1
        while at < len(text):
            row_line = _LINE.match(text, at)
            row = None if row_line is None else _row(row_line, columns)
            if row is None or row_line is None:
                break
            yield row
            done = at = row_line.end() + 1


def _row(line: re.Match[str], columns: list[tuple[int, str]]) -> ColumnCharge | None:
    cells: dict[str, list[str]] = {}
    for word in _WORD.finditer(line.group()):
        role = columns[_column_of(columns, word.start())][1]
        cells.setdefault(role, []).append(word.group())
    code = cells.get("code", [])
    if len(code) != 1 or not _CODE.match(code[0]):
        return None
    units = cells.get("units", [])
    minutes = cells.get("minutes", [])
    if len(units) > 1 or (units and not _COUNT.match(units[0])) or len(minutes) > 1:
        return None
    found = _MINUTES.match(minutes[0]) if minutes else None
    return ColumnCharge(
        code=code[0].upper(),
        units=int(units[0]) if units else None,
        minutes=int(found.group(1)) if found else None,
        start=line.start(),
        end=line.end(),
    )


_CELL = re.compile(r"[ \t]*(?:\||\t)[ \t]*")
_BARE = re.compile(r"\d{1,3}")


@dataclass(frozen=True)
class RowNumbers:
    """The bare numbers of a row of cells with no heading ("97110 | Ther ex | GP | 2 | 25"):
    its units and minutes when the two agree, else nothing read (`readable` False)."""

    readable: bool
    units: int | None = None
    minutes: int | None = None


def headless_row(line: str) -> RowNumbers | None:
    """A row of three cells or more whose bare numbers are its units and minutes: two numbers,
    the smaller one to eight units and the whole units the larger gives on its own (a row is
    read only when its two numbers cannot be the other way round). None when the line is not
    a row of cells or holds no bare number."""
    cells = [cell.strip() for cell in _CELL.split(line.strip().strip("|"))]
    if len(cells) < 3:
        return None
    numbers = [int(cell) for cell in cells if _BARE.fullmatch(cell)]
    if not numbers:
        return None
    if len(numbers) != 2:
        return RowNumbers(readable=False)
    units, minutes = sorted(numbers)
    if 1 <= units <= 8 <= minutes and units == (minutes + 7) // 15:
        return RowNumbers(readable=True, units=units, minutes=minutes)
    return RowNumbers(readable=False)
