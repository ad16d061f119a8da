"""Services printed in fixed-width columns under a heading that names a minutes column
("INTERVENTIONS              MIN   DETAIL" over "Ther ex (97110)            24    UBE ..."):
the number standing under the minutes heading is the minutes of the service or code the row's
first column names, whatever the detail column after it holds (its own doses and primes).

Only headings holding a minutes word are looked at (found by the word), and only the rows
right below one, so no pass tries every position of the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checks.layouts.columns import minutes_heading
from tui.core.checks.text.lexicon import led, service_matcher

_MIN_WORD = led(re.compile(r"min(?:ute)?s?\b\.?", re.IGNORECASE), "min")
# A printed heading: words only, its columns apart by two spaces or more.
_HEADING = re.compile(r"[ \t]*[A-Za-z][A-Za-z./&()]*(?:[ ]?[A-Za-z][A-Za-z./&()]*)*(?:[ ]{2,}|\t+)")
_CELL_WORDS = re.compile(r"[A-Za-z./&()]+")
_CODE = re.compile(r"(?<![\w.])(9\d{4}|G\d{4})(?!\d)")
_NUMBER = re.compile(r"(\d{1,3})(?![\d.:/'])(?:[ \t]*(?:min|mins|')\b)?")
_MOST_ROWS = 15
_SLACK = 2


@dataclass(frozen=True)
class PrintedService:
    """A row's code and minutes, and where the minutes are written."""

    code: str
    minutes: int
    row_start: int
    minutes_start: int
    minutes_end: int


def printed_services(text: str) -> list[PrintedService]:
    """The rows under each printed heading with a minutes column."""
    found: list[PrintedService] = []
    for word in _MIN_WORD.finditer(text):
        line_start = text.rfind("\n", 0, word.start()) + 1
        line_end = _line_end(text, word.start())
        if not _is_heading(text[line_start:line_end], word.start() - line_start, word.group()):
            continue
        found += _rows(text, line_end, word.start() - line_start)
    return found


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _is_heading(line: str, column: int, word: str) -> bool:
    """A line of column names, apart by wide gaps, one of them the minutes word."""
    if not minutes_heading().fullmatch(word.rstrip(".")) and not minutes_heading().fullmatch(word):
        return False
    if any(ch.isdigit() for ch in line) or column == 0:
        return False
    before, after = line[:column], line[column + len(word) :]
    gap_before = len(before) - len(before.rstrip())
    gap_after = len(after) - len(after.lstrip())
    return gap_before >= 2 and (gap_after >= 2 or not after.strip()) and bool(before.strip())


def _rows(text: str, at: int, column: int) -> list[PrintedService]:
    rows: list[PrintedService] = []
    for _ in range(_MOST_ROWS):
        if at >= len(text):
            break
        start = at + 1
        end = _line_end(text, start)
        line = text[start:end]
        at = end
        if not line.strip():
            break
        row = _row(text, start, line, column)
        if row is not None:
            rows.append(row)
    return rows


def _row(text: str, start: int, line: str, column: int) -> PrintedService | None:
    """The number under the heading's minutes word and the service named before it."""
    low = max(0, column - _SLACK)
    cell = line[low : column + _SLACK + 1]
    lead = len(cell) - len(cell.lstrip())
    # a number starting in the cell is read whole, past the cell's end ("23" two columns in)
    number = _NUMBER.match(line, low + lead) if cell.strip() else None
    if number is None or (low + lead > 0 and line[low + lead - 1] not in " \t"):
        return None
    name_cell = line[: low + lead]
    if name_cell[-2:].strip():
        return None  # the first column runs into the minutes: no column here
    code = _code_of(name_cell)
    if code is None:
        return None
    at = start + low + lead
    return PrintedService(code, int(number.group(1)), start, at, at + len(number.group(1)))


def _code_of(cell: str) -> str | None:
    """The one code the first column writes, else the one service it names."""
    codes = {found.group(1).upper() for found in _CODE.finditer(cell)}
    if len(codes) == 1:
        return codes.pop()
    if codes:
        return None
    matcher = service_matcher()
    named = {matcher.code(name.group()) for name in matcher.pattern.finditer(cell)}
    named.discard(None)
    return str(named.pop()) if len(named) == 1 else None
