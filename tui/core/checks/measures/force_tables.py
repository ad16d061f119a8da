"""Forces in the rows of a dynamometry table whose heading names the unit once, each row's
sides named by its columns, its own side words or the side opening it:

    Hand-held dynamometer, break test, values in newtons
                           Right     Left
      Hip abduction         162       118

    Peak torque, Nm              R       L      deficit
    Extension 60 deg/s         148     201      26 %

    Strength (HHD, break test, best of 3, lbf):
    - R hip abd 31.5

A clinician reads each bare number by its side and the heading's unit. Read as prose the same
numbers have no unit, and after a motion's name they pass for angles ("Hip abduction 162" as 162
degrees), so the whole table was lost or misread.

The heading must name a test of force (measures.toml [forces] headings) and a force unit: in a
bracket, or as a word after "in" or a comma ("values in newtons", "Peak torque, Nm"). The line
may end there (a colon allowed), with the columns' names, or with one row's sides and values:
a table the layout readers rewrote carries its heading before each row ("Peak torque, Nm
Extension 60 deg/s: R 148, L 201"). Anything else after the unit makes the line a sentence, no
heading. The columns are sides and, at most, a percentage's column (a deficit, an LSI:
[forces] percent_columns), read as `other` in %; columns written with spaces are matched by
where each number stands under its column's name, so a number in a row's name ("60 deg/s") is
no cell. Rows end at a blank line or the first line that holds no side's value. A row naming a
dose's count ("Reps", "Sets") or a load lifted ("3 x 15 with 3 lb") is no force and ends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.force_headings import SIDE_VALUE
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

# A number in a row: a value with, at most, a percent sign after it; a unit or a word after it
# makes it another measure's ("Single-leg stance R 8 s"), a slash or an "x" a dose's.
_NUMBER = re.compile(
    r"(?<![\w.,/-])(\d{1,4}(?:\.\d{1,2})?)(?:[ \t]*(%))?(?![\w.,/°]|[ \t]*[/x×A-Za-z°])"
)
# A row opened by its side, then words, then one bare value ("- R hip abd 31.5").
_SIDE_ROW = re.compile(
    rf"[ \t]*(?:[-*\u2022][ \t]+)?(?P<side>{SIDE_WORD})\.?[ \t]+"
    r"(?P<name>[A-Za-z][A-Za-z .'/-]{0,40}?)"
    r"[ \t]*:?[ \t]+(?P<value>\d{1,4}(?:\.\d{1,2})?)[ \t]*(?:\([^()\n]*\))?[ \t]*$",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^()\n]*\)?")
# How far (in characters) a cell's number may stand from its column's name.
_REACH = 6
# Blank lines a heading may have under it before its rows: one of its own, and the columns'
# line a layout reader rewrote as blank.
_BLANKS = 2
# Most words a heading holds before its unit: more is a sentence.
_HEADING_WORDS = 10


@dataclass(frozen=True)
class _Column:
    """One column of a table: where its name stands and what it holds (a side, "%")."""

    start: int
    end: int
    role: str


@cache
def _heading() -> re.Pattern[str]:
    """A line naming a test of force and its unit, the unit in a bracket or after "in" or a
    comma; group "tail" is what follows the unit on the line."""
    data = measures_section("forces")
    units = either(
        re.escape(unit) for unit in sorted(data.get("table_units", {}), key=len, reverse=True)
    )
    tests = either([*data.get("headings", ()), *data.get("table_headings", ())])
    return re.compile(
        rf"^(?=[^\n]*?\b(?:{tests})\b)(?P<head>[^\n]*?)"
        rf"(?:\((?:[^()\n]*?[,;][ \t]*)?(?P<bracket>{units})[ \t]*(?:[,;][^()\n]*)?\)"
        rf"|(?:\bin|,)[ \t]+(?P<word>{units})(?![\w/-]))"
        r"(?P<tail>[^\n]*)$",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _column_name() -> re.Pattern[str]:
    """One column's name in a header: a side, or a percentage's column."""
    percent = either(measures_section("forces").get("percent_columns", ()))
    return re.compile(
        rf"(?<![\w%])(?:(?P<side>{SIDE_WORD})|(?P<percent>{percent}))(?![\w%])", re.IGNORECASE
    )


@cache
def _first_column() -> re.Pattern[str]:
    """The first cell of a header line that names the rows ("Muscle", "Motion", "Test")."""
    words = either(measures_section("forces").get("row_headings", ()))
    return re.compile(rf"[ \t|]*(?:{words})\b", re.IGNORECASE)


@cache
def _not_force() -> re.Pattern[str]:
    """A row that names a dose's count or writes sets by reps: no force row."""
    words = either(measures_section("forces").get("count_rows", ()))
    return re.compile(
        rf"(?<![\w-])(?:{words})(?![\w-])|\d[ \t]*[x×][ \t]*\d|\b(?:with|@)\b", re.IGNORECASE
    )


@cache
def _set() -> re.Pattern[str]:
    """Words of a machine's setting or an exercise's load (measures.toml [forces] settings)."""
    return re.compile(
        rf"\b(?:{either(measures_section('forces').get('settings', ()))})\b", re.IGNORECASE
    )


@cache
def _units() -> dict[str, str]:
    data = measures_section("forces")
    return {str(key).lower(): str(value) for key, value in data.get("table_units", {}).items()}


def read_force_tables(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """The rows under each force heading: side columns, or rows opened by their side."""
    text = scanner.text
    for heading in line_scan(_heading(), text):
        start = heading.start()
        if scanner.in_header(start) or scanner.in_goal(start):
            continue
        if len(heading.group("head").split()) > _HEADING_WORDS or _set().search(heading.group()):
            continue  # a sentence, or a machine's setting ("torque limit set (Nm)")
        unit = _units()[(heading.group("bracket") or heading.group("word")).lower()]
        tail_start = heading.start("tail")
        title = labels.context_words(_BRACKETS.sub(" ", heading.group("head")), 3)
        dosed = _not_force().search(text, tail_start, heading.end())
        if not dosed and _sided_row(scanner, facts, (tail_start, heading.end()), unit, title):
            scanner.block(start, tail_start)  # a rewritten row under its heading's words
            continue
        columns = _columns(text, tail_start, heading.end())
        if columns is None and text[tail_start : heading.end()].strip(" \t:|"):
            continue  # words after the unit: a sentence, no heading
        at = heading.end() + 1
        for _ in range(_BLANKS):
            if at < len(text) and not text[at : _line_end(text, at)].strip():
                at = _line_end(text, at) + 1  # a blank line, or the columns' line rewritten
        if not columns:
            line_end = _line_end(text, at)
            header = _header_line(text, at, line_end)
            if header:
                columns, at = header, line_end + 1
        if _read_rows(scanner, facts, at, (unit, title), columns or []):
            # the heading's numbers are the protocol's ("best of 3", "60 deg/s"), no values
            scanner.block(start, heading.end())


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _columns(text: str, start: int, end: int) -> list[_Column] | None:
    """The columns a stretch of a header line names, when it names only sides (two at least)
    and percentages' columns, apart from a first cell naming the rows; else None."""
    found = []
    pos = start
    for name in _column_name().finditer(text, start, end):
        if text[pos : name.start()].strip(" \t|:"):
            return None
        role = labels.side_name(name.group("side")) if name.group("side") else "%"
        found.append(_Column(name.start(), name.end(), role))
        pos = name.end()
    if text[pos:end].strip(" \t|:") or sum(column.role != "%" for column in found) < 2:
        return None
    return found


def _header_line(text: str, start: int, end: int) -> list[_Column] | None:
    """The columns of the line under a heading ("Muscle   Right   Left"), if it is a header."""
    first = _first_column().match(text, start, end)
    return _columns(text, first.end() if first else start, end)


def _read_rows(
    scanner: Scanner, facts: list[Fact], at: int, heading: tuple[str, str], columns: list[_Column]
) -> int:
    """The rows from `at` on, each read by its columns, its sides' words or its opening side;
    returns how many were read. A row of sides alone ("R 150  L 180") is the heading's test."""
    unit, title = heading
    text = scanner.text
    rows = 0
    while at < len(text):
        end = _line_end(text, at)
        line = text[at:end]
        if not line.strip() or _not_force().search(line):
            break
        read = _column_row(scanner, facts, (at, end), unit, columns) if columns else False
        read = read or _sided_row(scanner, facts, (at, end), unit, title, alone=True)
        if not (read or _side_row(scanner, facts, (at, end), unit)):
            break
        rows += 1
        at = end + 1
    return rows


def _column_row(
    scanner: Scanner, facts: list[Fact], span: tuple[int, int], unit: str, columns: list[_Column]
) -> bool:
    """Each number of a row that stands under a column, with the column's side (or as a
    percentage); False when none does."""
    text = scanner.text
    at, end = span
    mark = next((mark for mark in "|\t" if mark in text[at:end]), "")
    cells = list(_NUMBER.finditer(text, at, end))
    placed: list[tuple[re.Match[str], _Column]] = []
    if mark:
        # cells parted by bars or tabs: the last cells are the last columns'
        parts = [part for part in re.finditer(f"[^{mark}]+", text[at:end]) if part.group().strip()]
        for part, column in zip(reversed(parts), reversed(columns), strict=False):
            inside = [cell for cell in cells if at + part.start() <= cell.start() < at + part.end()]
            if len(inside) == 1:
                placed.append((inside[0], column))
    else:
        placed = _under_columns(cells, at, _line_start(text, columns[0].start), columns)
    if not placed:
        return False
    first = min(cell.start() for cell, _ in placed)
    name = labels.context_words(text[at:first], 4)
    if not name:
        return False
    for cell, column in placed:
        _emit(scanner, facts, cell, column.role, name, unit)
    return True


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _under_columns(
    cells: list[re.Match[str]], at: int, head: int, columns: list[_Column]
) -> list[tuple[re.Match[str], _Column]]:
    """Each column's cell: the number standing nearest its name, within reach, nearest pairs
    first, a number and a column taken once ("avg 3      31      18" under "Right   Left": the
    trials' count stands near no column as near as the values)."""
    pairs = []
    for cell in cells:
        left, right = cell.start() - at, cell.end() - at
        for index, column in enumerate(columns):
            c_left, c_right = column.start - head, column.end - head
            distance = min(abs(left - c_left), abs(right - c_right))
            if distance <= _REACH:
                pairs.append((distance, cell.start(), index, cell))
    placed: dict[int, tuple[re.Match[str], _Column]] = {}
    used: set[int] = set()
    for _, start, index, cell in sorted(pairs, key=lambda pair: pair[:3]):
        if index not in placed and start not in used:
            placed[index] = (cell, columns[index])
            used.add(start)
    return [placed[index] for index in sorted(placed)]


def _sided_row(
    scanner: Scanner,
    facts: list[Fact],
    span: tuple[int, int],
    unit: str,
    title: str = "",
    *,
    alone: bool = False,
) -> bool:
    """A row whose values each follow their side ("Hip abduction: Right 162, Left 118."), named
    by its words before the first side, and by the heading's `title` when the row is written on
    the heading's line ("Pinch (lb) key R 9 L 15", "Grip (kg) R 30 L 34"); False when it holds
    none."""
    text = scanner.text
    values = list(SIDE_VALUE.finditer(text, *span))
    if not values:
        return False
    name = labels.context_words(text[span[0] : values[0].start()], 4)
    if not (name or title):
        return False
    clause = span[0]
    for value in values:
        # a clause of its own names its values ("key R 9 L 15; tip R 6 L 9")
        parted = text.rfind(";", clause, value.start())
        if parted >= 0:
            clause = parted + 1
            name = labels.context_words(text[clause : value.start()], 4) or name
        at = value.span(2)
        if scanner.free(*at):
            side = labels.side_name(value.group(1))
            named = (
                name if alone and name else labels.join(name, title if title not in name else "")
            )
            label = labels.join(side, named)
            scanner.emit(facts, "strength", to_number(value.group(2)), at, label, unit=unit)
    return True


def _side_row(scanner: Scanner, facts: list[Fact], span: tuple[int, int], unit: str) -> bool:
    """A row opened by its side with one bare value at its end ("- R hip abd 31.5")."""
    row = _SIDE_ROW.match(scanner.text, *span)
    if row is None or row.end() != span[1]:
        return False
    value = row.span("value")
    if scanner.free(*value):
        side = labels.side_name(row.group("side"))
        name = labels.context_words(row.group("name"), 4)
        scanner.emit(
            facts,
            "strength",
            to_number(row.group("value")),
            value,
            labels.join(side, name),
            unit=unit,
        )
    return True


def _emit(
    scanner: Scanner, facts: list[Fact], cell: re.Match[str], role: str, name: str, unit: str
) -> None:
    """A side's cell as a force in the heading's unit; a percentage's column as `other` %."""
    span = cell.span(1) if role != "%" else cell.span()
    if not scanner.free(*cell.span(1)):
        return
    value = to_number(cell.group(1))
    if role == "%":
        scanner.emit(facts, "other", value, span, name, unit="%")
    elif cell.group(2) is None:
        scanner.emit(facts, "strength", value, span, labels.join(role, name), unit=unit)
