"""Tables read as rows and columns, so the checks read each cell with its row and its column.

A table row (Markdown, bare pipes or tab-separated, see `grids`) is rewritten into a sentence
the extractors already read: the row's label, then each cell after the words its column gives
("R knee flexion AROM; Eval 95°; Today 118°."). What a column holds comes from its heading
(`columns`): an earlier column's values are marked "(previous)", a goal column's values start a
goal sentence of their own (a target, not a measurement), row numbers and entry times are left
out, a cell holding only a unit or a denominator ("| 4- | /5 |", "| 120 | deg |", a "Units"
column) continues the value before it, and a bare number takes the unit its heading or row
gives ("Single hop (cm) | 165" reads "165 cm", a bare grade under "MMT" reads "4-/5"). In a
table of services the minutes column is the service's time, so its value is moved next to the
service name ("Ther ex 24 min; CPT 97110; Detail ..."), and a dose inside another cell stays a
dose. Rewrites are pieces that keep a map back to the cells they came from.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from tui.core.checks.layouts.captions import Caption, caption
from tui.core.checks.layouts.columns import (
    Column,
    bare_grade,
    caption_measure,
    columns,
    data_table,
    earlier_row,
    empty_cell,
    generic_first,
    grade_headings,
    group_first,
    measure_unit,
    minutes_heading,
    named_part,
    result_heading,
    role_of,
    rom_words,
    service_time_heading,
    split_unit,
    time_heading,
    time_name,
    total_word,
    trial_rows,
)
from tui.core.checks.layouts.grids import Cell, Grid, grids
from tui.core.checks.layouts.keyed import (
    SLASHED_SCALE,
    named_beside_unit,
    slashed_scale,
    snake_name_pieces,
    snake_unit_in,
    snake_words,
    unit_written,
)
from tui.core.checks.layouts.quantity_headings import (
    TIME_CUE,
    duration_cell,
    duration_end,
    heading_kind,
    seconds_heading,
    time_column,
)
from tui.core.checks.measures import labels
from tui.core.checks.tables import billing_tables, keyed_units
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import GOAL_START
from tui.core.checks.text.pieces import Piece

_MINUTES_CELL = re.compile(r"^\**\d{1,3}\**(?:[ \t]*(?:min|mins|minutes|'))?$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# A print's cell holding one bare number per side, set apart by pipes ("6 | 4" under "Grip R | L
# (kg)"): the row's unit follows the last, as after "R 6, L 4 kg".
_PIPED_NUMBERS = re.compile(r"-?\d+(?:\.\d+)?(?:[ \t]*\|[ \t]*-?\d+(?:\.\d+)?)+")
# Two sides set apart by a pipe in a row's name ("Biceps MMT R | L"), written as a pair ("R/L")
_PIPED_SIDES = re.compile(r"(?<![A-Za-z])([RL])[ \t]*\|[ \t]*([RL])(?![A-Za-z])")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_BRACKET = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_OFFSET_NAME = re.compile(r"^\d+(?:\.\d+)?[ \t]*(?:cm|mm|in|inch(?:es)?|\")$", re.IGNORECASE)
_LONE_NUMBER = re.compile(r"^[^A-Za-z]*\d[^A-Za-z]*$")
_DATE_CELL = re.compile(r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?$")
_UNIT_BRACKET = re.compile(r"[ \t]*\([^()\n]{1,8}\)")
_ROW_TIMES = ("prior", "current", "measured")
_VALUE_FIRST = re.compile(r"^[<>~]?[ \t]*[+-]?\d[\d.]*(?:[ \t]*[^\s\d]\S*)?$")
_ENDS_IN_NUMBER = re.compile(r"\d(?:[ \t]*[+-])?$")
_NAME_CELL = re.compile(r"[A-Za-z]{2}")
# A row's name whose last word is a percent sign ("Composite %", "LSI (%)").
_PERCENT_NAME = re.compile(r"[A-Za-z][ \t]*\(?%\)?[ \t]*:?$")
# A heading that opens with a percent sign ("%BW", "% body weight"): its values are percentages.
_PERCENT_FIRST = re.compile(r"[ \t*_]*%")


@dataclass(frozen=True)
class Restated(Piece):
    """A row's name written again before a later clause of its row: the readers see its words
    (they key the clause) but take no value from them, since its numbers are read where the
    note wrote them and a copy would map back to the name's cell, not to a value."""


@dataclass(frozen=True)
class _Table:
    """What every row of one table shares: its columns and the words before each row."""

    columns: tuple[Column, ...]
    label: int
    lead: str
    lead_cell: Cell | None
    minutes: int | None
    header: tuple[Cell, ...] = ()
    unit: str = ""  # the unit the table's caption gives its bare values ("Girth (cm)")
    # the length unit the rows' heading gives their bare names ("Point (cm from styloid)" over
    # "0", "4", "8"): each row is a tape position, written "0 cm"
    positions: str = ""


def table_pieces(text: str, totals: bool = True) -> list[Piece]:
    """Rewrites for every table in `text` (none when it has no table); without `totals`, a row
    naming two totals is written as a row of its table (for placing the table's rows)."""
    pieces: list[Piece] = []
    for grid in grids(text):
        pieces += _grid_pieces(text, grid, totals)
    return pieces


def linearize(text: str) -> str:
    """The text with every table written as one sentence per row (a drafter places a table by
    its rows: two totals in one row stay a row of the table, as the note wrote them)."""
    out = []
    pos = 0
    for piece in sorted(table_pieces(text, totals=False), key=lambda p: (p.start, p.end)):
        if piece.start < pos:
            continue
        out.append(text[pos : piece.start])
        out.append(piece.value)
        pos = piece.end
    out.append(text[pos:])
    return "".join(out)


def _grid_pieces(text: str, grid: Grid, totals: bool = True) -> list[Piece]:
    pieces = [Piece(start, end, "", start, end) for start, end in grid.rules]
    body = list(zip(grid.rows, grid.lines, strict=True))
    header: tuple[Cell, ...] = ()
    if grid.headed:
        header = grid.rows[0]
        start, end = grid.lines[0]
        pieces.append(Piece(start, end, "", start, end))
        body = body[1:]
    codes = {*billing_tables().timed, *billing_tables().untimed}
    billed = any(
        word in codes for row in grid.rows[1:] for cell in row for word in _WORD.findall(cell.text)
    )
    rows = [r for r, _ in body]
    width = max(len(row) for row in grid.rows)
    table = _table(header, width, billed, _names_first(rows))
    if table.label == 0 and _grouping_first(rows):
        table = _table(header, width, billed, start=1)
    if grid.headed and grid.lines:
        top = min([grid.lines[0][0], *(start for start, _ in grid.rules)])
        found = caption(text, top)
        table = _captioned(_positioned(table, rows, found), found, rows)
    if not table.unit and table.lead:
        table = dataclasses.replace(table, unit=measure_unit(table.lead))
    table = _described(table, rows)
    times: list[Column | None] | None = list(_time_rows(table, rows) or []) or None
    if times is None:
        times = _side_visit_rows(table, rows)
    parent = ""
    for number, (row, line) in enumerate(body):
        pieces += _row(text, table, row, line, times[number] if times else None, totals)
        name = row[table.label] if table.label < len(row) else None
        if name is None or not name.text:
            continue
        if parent and _earlier_only(name.text):
            pieces.append(Piece(name.start, name.start, f"{parent} ", name.start, name.end))
        elif not _earlier_only(name.text):
            parent = name.text
    return [piece for piece in pieces if piece.start < piece.end or piece.value]


def _earlier_only(name: str) -> bool:
    """A row named only by an earlier time ("(eval)", "IE", "baseline") under a row that names a
    measure ("hip abd   4   4+" over "(eval)   3   4-"): it holds that measure's earlier values,
    so it is read under the row above's name; a time of this visit ("today", "post") is no
    such row."""
    words = name.strip().strip("()[]").strip()
    return bool(words) and role_of(words) == "prior" and earlier_row().search(words) is not None


def _names_first(body: list[tuple[Cell, ...]]) -> bool:
    """True when the first column names each row and the second holds its values ("Row | Value
    | Comment" with "Pain (0-10) | 2"): a "Row" or "Line" heading then names, not numbers, the
    rows, and the first column is the rows' label."""
    rows = [row for row in body if len(row) > 1 and row[0].text and row[1].text]
    if not rows:
        return False
    if any(_BARE_NUMBER.fullmatch(row[0].text.strip("#.) ")) for row in rows):
        return False  # a row number
    named = sum(1 for row in rows if _NAME_CELL.search(row[0].text))
    valued = sum(1 for row in rows if _VALUE_FIRST.match(row[1].text))
    return 2 * named > len(rows) and 2 * valued > len(rows)


def _grouping_first(body: list[tuple[Cell, ...]]) -> bool:
    """True when the first column groups the rows ("Section": Subjective, Subjective, ...,
    Objective, ...): few names, each repeated down one run of rows; the rows' names are in the
    column after it."""
    names = [row[0].text for row in body if len(row) > 2 and row[0].text]
    if len(names) < 4:
        return False
    runs = 1 + sum(1 for a, b in pairwise(names) if a != b)
    return runs == len(set(names)) and 2 * len(set(names)) <= len(names)


def _table(
    header: tuple[Cell, ...], width: int, billed: bool, names_first: bool = False, start: int = 0
) -> _Table:
    headings = [cell.text for cell in header] + [""] * (width - len(header))
    # "Trial   Time (s)   HR" over rows "1", "2": each row a trial, named "Trial 1"
    trials = not start and bool(headings) and bool(trial_rows().match(headings[0].strip("*_ ")))
    label = next(
        (
            i
            for i, heading in enumerate(headings)
            if i >= start and (role_of(heading) != "skip" or (i == 0 and (names_first or trials)))
        ),
        start,
    )
    grouped = not start and _grouped(headings, label)
    if grouped:
        label += 1
    found = columns(headings, label)
    if grouped:
        found = tuple(
            Column("skip", column.heading, "") if index == label - 1 else column
            for index, column in enumerate(found)
        )
    lead_cell = header[label] if label < len(header) else None
    lead = lead_cell.text.strip("*_ ") if lead_cell else ""
    if not trials and (generic_first().match(lead) or role_of(lead) in ("plain", "skip")):
        lead = ""  # "Row" over the rows' names names nothing
    minutes = next(
        (
            i
            for i, heading in enumerate(headings)
            if i > label and found[i].role != "goal" and _minutes_heading(heading, billed)
        ),
        None,
    )
    return _Table(found, label, lead, lead_cell, minutes, header)


def _grouped(headings: list[str], label: int) -> bool:
    """'"Section","Item","Value"': the first column groups the rows, the next names them."""
    if label + 1 >= len(headings):
        return False
    first, named = headings[label].strip("*_ "), headings[label + 1].strip("*_ ")
    return bool(group_first().match(first) and generic_first().match(named))


def _described(table: _Table, body: list[tuple[Cell, ...]]) -> _Table:
    """A column of words ("WHERE: 12 cm below", "SITE: knee extended") under a heading that
    names no side, before columns of values: a description of the row, written without its
    heading, so it does not part the row's name from the values after it."""
    found = list(table.columns)
    for index, column in enumerate(found):
        if index <= table.label or column.role != "other" or labels.parts_of(column.heading).side:
            continue
        cells = [row[index].text for row in body if index < len(row) and row[index].text]
        later = [cell.text for row in body for cell in row[index + 1 :]]
        if (
            cells
            and all(_described_cell(cell) for cell in cells)
            and any(len(cell.split()) > 1 for cell in cells)
            and any(_DIGIT.search(cell) for cell in later)
        ):
            found[index] = Column("plain", column.heading, "")
    return dataclasses.replace(table, columns=tuple(found))


def _described_cell(cell: str) -> bool:
    return (
        not _VALUE_FIRST.match(cell) and not empty_cell().match(cell) and not _DATE_CELL.match(cell)
    )


def _captioned(table: _Table, found: Caption | None, body: list[tuple[Cell, ...]]) -> _Table:
    """A table under a caption naming what it measures and its unit ("Circumference (cm)"):
    the caption's words open each row, its unit goes to each bare value. A caption that says a
    tape took the values in centimetres, over rows that are tape positions ("0 cm (wrist)",
    "12 cm"), measures circumferences whatever its first words."""
    if found is None or table.minutes is not None:
        return table
    words = found.words
    if (
        found.taped
        and found.unit.strip() in ("cm", "")
        and not caption_measure().search(words)
        and _tape_positions(table, body)
    ):
        words = _CIRCUMFERENCE
    lead = f"{words} {table.lead}".strip()
    return dataclasses.replace(table, lead=lead, unit=found.unit or measure_unit(words))


_CIRCUMFERENCE = "circumference"
# A row named by where the tape was laid: "0 cm", "12 cm (elbow)", "4-8 cm".
_TAPE_POSITION = re.compile(r"^\d{1,2}(?:\.\d)?(?:[ \t]*-[ \t]*\d{1,2}(?:\.\d)?)?[ \t]*cm\b")


def _tape_positions(table: _Table, body: list[tuple[Cell, ...]]) -> bool:
    """True when most rows (two at least) are named by a tape position."""
    names = [row[table.label].text for row in body if table.label < len(row)]
    if table.positions:
        return True
    placed = sum(1 for name in names if _TAPE_POSITION.match(name))
    return placed >= 2 and 2 * placed > len(names)


# The rows' heading naming a length the rows' numbers are in: "Point (cm from styloid)",
# "Level (cm)", "Distance, cm from olecranon".
_POSITION_UNIT = re.compile(r"(?:\(|,[ \t]*)(?:in[ \t]+)?(cm|mm)\b[^()\n]{0,30}\)?[ \t]*$", re.I)


def _positioned(table: _Table, body: list[tuple[Cell, ...]], found: Caption | None) -> _Table:
    """Rows named by bare numbers under a heading that gives them a length ("| Point (cm from
    styloid) | L | R |" over "| 0 | 17.3 | 15.6 |"), under a caption saying a tape took the
    values or naming a circumference: each row is a tape position, so its name is written with
    the unit ("0 cm") and the heading's bracket leaves the rows' lead, as a row named "12 cm"
    reads. Without such a caption bare numbers in cm are anything (a step's height)."""
    if found is None or not (found.taped or caption_measure().search(found.words)):
        return table
    unit = _POSITION_UNIT.search(table.lead)
    names = [row[table.label].text for row in body if table.label < len(row)]
    if unit is None or len(names) < 2 or not all(_BARE_NUMBER.fullmatch(n) for n in names):
        return table
    lead = table.lead[: unit.start()].strip(" \t,")
    return dataclasses.replace(table, lead=lead, positions=unit.group(1).lower())


def _caption_unit(table: _Table, cell: Cell, name: str = "", heading: str = "") -> str:
    """The unit a caption gives a bare value, unless the row's name or the column's heading
    gives its own: under "Y-Balance (cm)" the "| Composite % | 96 |" row holds percentages, and
    under "HHD (N)" a "%BW" column holds a force as a share of the body's weight."""
    if not table.unit or not _BARE_NUMBER.fullmatch(cell.text):
        return ""
    percent = _PERCENT_NAME.search(name) or _PERCENT_FIRST.match(heading)
    return "%" if percent else table.unit


def _minutes_heading(heading: str, billed: bool) -> bool:
    unit = unit_written(heading)
    if unit is not None and unit.strip() != "min":
        return False
    return bool(
        minutes_heading().search(heading) or (billed and service_time_heading().search(heading))
    )


def _time_rows(table: _Table, body: list[tuple[Cell, ...]]) -> list[Column] | None:
    """When the rows are visits ("| Date | Pain | Knee flex |", one row per date), each row's
    time as a column's would be: the last dated row is this visit's, the others earlier."""
    names = [row[table.label].text if table.label < len(row) else "" for row in body]
    if len(names) < 2:
        return None
    found = columns(names, -1)
    numbered = bool(table.lead_cell and time_heading().search(table.lead_cell.text)) and all(
        _BARE_NUMBER.fullmatch(name.strip("#")) for name in names
    )
    if not numbered and not all(column.role in _ROW_TIMES for column in found):
        return None
    return list(found)


def _side_visit_rows(table: _Table, body: list[tuple[Cell, ...]]) -> list[Column | None] | None:
    """Rows named by a side, one of them at an earlier time ("| R (involved) |", "| L |",
    "| R at 6 wk |"): a side's row that names a time, beside a row of the same side that names
    none (today's), holds that side's earlier values."""
    names = [row[table.label].text if table.label < len(row) else "" for row in body]
    sides = [labels.sides_named(name) for name in names]
    timed = [
        len(side) == 1 and _earlier_visit(name) for name, side in zip(names, sides, strict=True)
    ]
    today = {
        next(iter(side))
        for side, time in zip(sides, timed, strict=True)
        if len(side) == 1 and not time
    }
    found: list[Column | None] = [
        Column("prior", name, "") if time and side <= today else None
        for name, side, time in zip(names, sides, timed, strict=True)
    ]
    return found if any(found) else None


def _earlier_visit(name: str) -> bool:
    """A row's name that says an earlier visit ("R at 6 wk", "L at eval", "R IE"), not a time of
    this one ("R pre", "R before tx": today's values before treatment)."""
    words = labels.without_sides(_BRACKET.sub(" ", name))
    role = role_of(words)
    return role == "timepoint" or (role == "prior" and earlier_row().search(words) is not None)


def _name_numbers(name: Cell, cells: tuple[Cell, ...], named: list[Piece]) -> list[Piece]:
    """A row's name holding a number, in a row whose cells hold its values ("| 6 m timed hop
    (s) | 2.10 | 2.31 |"): the number is part of the test's name, never a value of the row, so
    it is written as itself, restated (marked as a label's number); a part of the name another
    rewrite takes is left to it."""
    if not _NAME_WORD.search(name.text) or not any(_DIGIT.search(cell.text) for cell in cells):
        return []
    pieces: list[Piece] = []
    for number in _NAME_NUMBER.finditer(name.text):
        start, end = name.start + number.start(), name.start + number.end()
        if not any(piece.start < end and start < piece.end for piece in named):
            pieces.append(Restated(start, end, number.group(), start, end))
    return pieces


# A number standing alone in a name, not a code or a year (four digits or more: a billing code in
# a row's first cell is the billing's to read) nor part of an instrument's name ("GMFM-66",
# "6MWT", which their readers know); and a word of two letters, which makes a cell a name.
_NAME_NUMBER = re.compile(r"(?<![\w.\-/])\d{1,3}(?:\.\d+)?(?![\w.\-/%])")
_NAME_WORD = re.compile(r"[A-Za-z]{2,}")


def _row(
    text: str,
    table: _Table,
    row: tuple[Cell, ...],
    line: tuple[int, int],
    when: Column | None = None,
    totals: bool = True,
) -> list[Piece]:
    """One row as a sentence: pieces replace what lies between the cells, never a cell's text
    (a unit cell may be rewritten as the unit it names). A row that is a visit (`when`) names
    its time first and marks each value of an earlier visit "(previous)"."""
    if len(row) <= table.label or not any(cell.text for cell in row):
        return []
    line_start, line_end = line
    name = row[table.label]
    if table.header and (not name.text or not any(cell.text for cell in row[table.label + 1 :])):
        return _continued(row, line)
    paired = _paired_minutes(table, row, line) if totals else None
    if paired is not None:
        return [paired]
    source = table.lead_cell or name
    lead = f"{table.lead} " if table.lead and when is None else ""
    pieces = [Piece(line_start, name.start, lead, source.start, source.end)]
    split: tuple[str, str] | None = None
    if when is not None:
        pieces.append(Piece(name.start, name.end, time_name(name.text), name.start, name.end))
    else:
        named = _unit_left_out(name) or snake_name_pieces(name.start, name.text)
        if table.positions:
            named.append(Piece(name.end, name.end, f" {table.positions}", name.start, name.end))
        split = _sides_split(name, row[table.label + 1 :])
        named += [_sides_left_out(name)] if split else _sides_paired(name)
        pieces += named + _name_numbers(name, row[table.label + 1 :], named)

    moved = _moved_minutes(table, row)
    if moved is not None:
        pieces.append(_minutes_after(name, row[moved]))
    context = f"{name.text} {table.lead_cell.text if table.lead_cell else ''}"
    if when is not None:
        context = ""
    previous = name
    written: Cell | None = None
    # rows named under a goal heading beside columns of times ("| Goal area | Baseline |
    # Today |"): the goal word written before the row's name opens a target, so the row's
    # values open a clause of their own after it, as after a goal column ("| Goal | Status |"
    # rows stay goals; a name holding a goal word, "IEP goal 1. Buttons a shirt", is written once)
    after_goal = (
        when is None
        and bool(table.lead)
        and role_of(table.lead) == "goal"
        and any(column.role in _ROW_TIMES for column in table.columns)
        and not GOAL_START.search(name.text)
    )
    for index in range(table.label + 1, len(row)):
        cell = row[index]
        column = table.columns[index] if index < len(table.columns) else Column("other", "", "")
        if index == moved or column.role == "skip" or not cell.text:
            pieces.append(Piece(previous.end, cell.end, "", cell.start, cell.end))
            previous = cell
            continue
        joined = _joined_unit(cell, column, written)
        if joined is not None:
            pieces += joined(previous)
            previous = cell
            continue
        following = row[index + 1] if index + 1 < len(row) else None
        next_column = table.columns[index + 1] if index + 1 < len(table.columns) else None
        trailing = (
            _earlier_row(when, column)
            and bool(column.cue)
            and not _unit_follows(following, next_column)
        )
        cue = _cue(table, column, when, trailing)
        again = _NAME_SIDES.sub("", _name_again(name)) if split else _name_again(name)
        restated = f"{table.lead} {again}".strip()
        if column.role in _ROW_TIMES and when is None and not GOAL_START.search(restated):
            # "(Eval 11/2031)": a bracket holding a number is a scope of its own to the
            # readers, which would part the row's test from its value; the date is left out
            cue = _undated(cue)
        named_result = _result_column(column)
        if named_result:
            cue = ""
        scored = _earlier_score(column, when)
        if scored:
            # "| Subtest | Scaled | Initial scaled |": the earlier score keyed by its kind, the
            # time after the value ("Stationary: scaled 6 (previous)"), as prose writes it
            cue, trailing = scored, True
        timed = _task_time(table, column, cell)
        result = named_result and _restated_before(written, when, restated)
        if (_OFFSET_NAME.match(name.text) or table.positions) and column.role == "other":
            # "| 12 cm | 24.6 | 22.1 |" under "L arm | R arm": a row at a tape position, written
            # as one ("12 cm: L 24.6, R 22.1"), its offset never a value
            cue = labels.parts_of(cue).side or cue
        opens = False
        if after_goal and column.role != "goal":
            # a goal ends its sentence (what follows a goal word is a target): the row's name
            # opens the next one, its words only (a number in it is read where it is written)
            again = _name_again(name)
            pieces.append(Restated(previous.end, previous.end, f". {again}", name.start, name.end))
            opens = True
        elif result or (
            column.role in _ROW_TIMES
            and written is not None
            and when is None
            and not GOAL_START.search(restated)
        ):
            # "| TUG | 11.4 s | 15.9 s |" under "Today | Previous": each time's value opens a
            # clause of its own with the row's name, so a "(Previous)" never reads as a
            # remark on the value before it ("11.4 s, (Previous)") nor an earlier column's
            # words as this visit's; a name that holds a goal word ("IEP goal 2") is not
            # written again, since a goal word opens a target
            pieces.append(
                Restated(previous.end, previous.end, f"; {restated}", name.start, name.end)
            )
            opens = True
        if opens or written is None:
            # "Total timed: 23 min", "ODI prior: 50%": the row's name is the value's key
            key = " " if name.text.endswith(":") else ": "
            separator = f"{_key_mark(column)}{cue} " if cue else key
        else:
            mark = _between(table, written, cell)
            separator = f"{mark}{cue} " if cue else mark
        pieces += _separator(table, index, previous.end, cell.start, separator, cue)
        if split:
            unit = _unit("0", column.heading, context) or table.unit
            pieces += _split_cell(cell, split, cue, unit)
        elif column.role in _ROW_TIMES and cue:
            pieces += _cue_each_side(cell, cue)
        dated = time_name(cell.text) if _DATE_CELL.match(cell.text) else ""
        if dated and column.role == "other" and time_heading().search(column.heading):
            # "| Date | 3/02 |": a date, written "Mar 2" so it is never read as a score
            pieces.append(Piece(cell.start, cell.end, dated, cell.start, cell.end))
            previous = cell
            continue
        if not _unit_follows(following, next_column):
            unit = (
                _unit(cell.text, column.heading, context)
                or (" s" if timed and _BARE_NUMBER.fullmatch(cell.text.strip()) else "")
                or _caption_unit(table, cell, name.text, column.heading)
                or _row_scale(name.text, cell.text)
                or _rated_row(name.text, cell.text)
            )
            if unit:
                pieces.append(Piece(cell.end, cell.end, unit, cell.start, cell.end))
            if timed:
                # "| Hose advance 150 ft | 41.3 s, no stops |" under "Time" or "Result": the
                # time the row's task took, marked after the duration (a named test's reader
                # still reads its own time first; measures.column_times reads the rest)
                at = cell.start + duration_end(cell.text)
                pieces.append(Piece(at, at, f" ({TIME_CUE})", cell.start, cell.end))
            if trailing:
                # "Flex 105 (previous)": the mark after the value, as prose writes it, so the
                # column's name stays the clause's key ("Flex (previous) 105" parts them)
                pieces.append(Piece(cell.end, cell.end, " (previous)", cell.start, cell.end))
        after_goal = column.role == "goal"
        previous = written = cell
    pieces.append(Piece(previous.end, line_end, ".", previous.end, line_end))
    return sorted(pieces, key=lambda piece: (piece.start, piece.end))


def _result_column(column: Column) -> bool:
    """A column its heading names as the row's result ("SAFE MAX / RESULT"): its heading is not
    written before the value, which the row's name keys ("Grip: R 39 kg")."""
    return column.role in ("plain", "other") and bool(result_heading().match(column.heading))


def _earlier_score(column: Column, when: Column | None) -> str:
    """The kind of score an earlier column's heading names ("Initial scale score" ->
    "scale score"), or "" for any other column."""
    if column.role != "prior" or when is not None:
        return ""
    named = named_part(column.heading, column.role)
    return named if named and heading_kind(named) == "scores" else ""


def _task_time(table: _Table, column: Column, cell: Cell) -> bool:
    """A cell under a heading of the time a row's task took ("Time to complete", "Result",
    "Time (s)") holding a duration ("41.3 s", "2 min 48 s", a bare number under "Time (s)"),
    in a table that bills no codes (there "Time" holds a service's minutes)."""
    if column.role not in ("plain", "other") or table.minutes is not None:
        return False
    if not time_column(column.heading):
        return False
    text = cell.text.strip()
    return duration_cell(text) or (
        seconds_heading(column.heading) and bool(_BARE_NUMBER.fullmatch(text))
    )


def _restated_before(written: Cell | None, when: Column | None, restated: str) -> bool:
    """A result after other cells of the row ("TRIALS 3") opens a clause of its own with the
    row's name, as a later time's value does, so nothing between them parts the test from its
    result."""
    return written is not None and when is None and not GOAL_START.search(restated)


def _continued(row: tuple[Cell, ...], line: tuple[int, int]) -> list[Piece]:
    """A line that goes on with the cells of the row above ("|          | tibial tubercle |",
    "| (wrist) |    |    |"): its words as a remark of their own, with no column's words
    before them, so a wrapped landmark or comment is never a row with a value."""
    cells = [cell for cell in row if cell.text]
    line_start, line_end = line
    pieces = [Piece(line_start, cells[0].start, "(", line_start, cells[0].start)]
    pieces += [
        Piece(before.end, after.start, "; ", before.end, after.start)
        for before, after in pairwise(cells)
    ]
    pieces.append(Piece(cells[-1].end, line_end, ").", cells[-1].end, line_end))
    return pieces


# A token of digits and a date's separators ("11/2031", "2", "03-04"), inside a cue's words.
_DATE_TOKEN = re.compile(r"(?<![^\s(\[])\d[\d/.:-]*(?![^\s)\]])")


def _undated(cue: str) -> str:
    """A time's cue without the numbers of its date ("(Eval 11/2031)" as "(Eval)"); a name
    holding digits ("5xSTS today", "10MWT") is a word and stays."""
    words = _DATE_TOKEN.sub("", cue)
    words = re.sub(r"\s+\)", ")", re.sub(r"\(\s+", "(", words))
    return re.sub(r"\s+", " ", re.sub(r"\(\)", "", words)).strip()


def _name_again(name: Cell) -> str:
    """The row's name written again before a later clause: its words only, a number standing
    on its own and its unit left out (it is read where it is written), "6MWT" kept, a remark
    in brackets ("(GMAE-3)", "(deg)") left out. A number that words of the name follow ("30 sec
    sit to stand", "10 m walk") is part of the test's name and kept with its unit."""
    words = _BRACKET.sub(" ", snake_words(name.text)[0]).split()
    kept: list[str] = []
    after_number = False
    for at, word in enumerate(words):
        lone = bool(_LONE_NUMBER.search(word))
        unit = after_number and bool(split_unit().match(word))
        if (not lone and not unit) or _named_after(words, at):
            kept.append(word)
        after_number = lone
    return " ".join(kept)


def _named_after(words: list[str], at: int) -> bool:
    """True when a word of a name (not a number, nor a unit after one) follows word `at`."""
    after_number = bool(_LONE_NUMBER.search(words[at]))
    for word in words[at + 1 :]:
        lone = bool(_LONE_NUMBER.search(word))
        if not lone and not (after_number and split_unit().match(word)):
            return True
        after_number = lone
    return False


def _separator(
    table: _Table, index: int, start: int, end: int, separator: str, cue: str
) -> list[Piece]:
    """What stands between two cells; the heading's words in it are mapped to the heading's
    cell, so whatever is read in them points at the heading."""
    heading = table.header[index] if index < len(table.header) else None
    at = separator.find(cue) if cue else -1
    if heading is None or at < 0:
        return [Piece(start, end, separator, start, end)]
    return [
        Piece(start, end, separator[:at], start, end),
        Piece(end, end, separator[at:], heading.start, heading.end),
    ]


def _moved_minutes(table: _Table, row: tuple[Cell, ...]) -> int | None:
    """The row's cell in the table's minutes column when it holds a number of minutes."""
    index = table.minutes
    if index is None or index >= len(row) or not _MINUTES_CELL.match(row[index].text):
        return None
    return index


# "| Total timed / treatment | | 35 / 35 |": two totals named and given in one row, each number
# the minutes of the name in its place.
_PAIRED_NAME = re.compile(r"^\**([A-Za-z][A-Za-z ]*?)[ \t]*/[ \t]*([A-Za-z][A-Za-z ]*?)\**$")
_PAIRED_MINUTES = re.compile(
    r"^\**(\d{1,3})[ \t]*/[ \t]*(\d{1,3})\**(?:[ \t]*(?:min|mins|minutes))?$", re.IGNORECASE
)


def _paired_minutes(table: _Table, row: tuple[Cell, ...], line: tuple[int, int]) -> Piece | None:
    """A services table's row naming two totals with their minutes in one cell, written as two
    totals ("Total timed 35 min; total treatment 35 min"); the second name takes the first's
    opening word when it has fewer words ("timed / treatment" shares "Total")."""
    index = table.minutes
    if index is None or index >= len(row) or index == table.label:
        return None
    names = _PAIRED_NAME.match(row[table.label].text)
    minutes = _PAIRED_MINUTES.match(row[index].text)
    others = [cell for at, cell in enumerate(row) if at not in (index, table.label) and cell.text]
    if names is None or minutes is None or others:
        return None
    first, second = names.group(1).split(), names.group(2).split()
    if len(first) > len(second) and first[0].lower() != second[0].lower():
        second = [first[0].lower(), *second]
    if not all(total_word().search(" ".join(name)) for name in (first, second)):
        return None  # "Sets / reps": two numbers of a dose, not two totals
    if _timed_over_total(first, second, int(minutes.group(1)), int(minutes.group(2))):
        return None  # "timed / treatment | 40 / 35": one of the two is wrong; neither is read
    written = (
        f"{' '.join(first)} {minutes.group(1)} min; {' '.join(second)} {minutes.group(2)} min."
    )
    cell = row[index]
    return Piece(line[0], line[1], written, cell.start, cell.end)


def _timed_over_total(first: list[str], second: list[str], one: int, two: int) -> bool:
    """Timed minutes named first and given as more than the session's total named second."""
    timed = [any(word.lower().startswith("timed") for word in name) for name in (first, second)]
    return timed == [True, False] and one > two


def _minutes_after(name: Cell, cell: Cell) -> Piece:
    """A service's minutes written after its name ("Ther ex 24 min"), mapped to their cell."""
    minutes = cell.text.strip("*").split()[0].rstrip("'")
    return Piece(name.end, name.end, f" {minutes} min", cell.start, cell.end)


def _cue(table: _Table, column: Column, when: Column | None, trailing: bool = False) -> str:
    """The words written before a cell: its column's, "(previous)" in a row of an earlier
    visit (unless it is written after the value, `trailing`), and in a table of services a
    text column's heading ("Details 8 min continuous" is a dose inside the cell, not the
    service's time)."""
    if column.role == "plain" and table.minutes is not None:
        return column.heading
    cue = column.cue or (column.heading if column.role == "unit" else "")
    if _earlier_row(when, column) and not trailing:
        cue = f"{cue} (previous)".strip()
    return cue


def _earlier_row(when: Column | None, column: Column) -> bool:
    """A value in a row of an earlier visit ("| 04/10 | 105 | -4 |" above today's row)."""
    return when is not None and when.role == "prior" and column.role != "goal"


def _key_mark(column: Column) -> str:
    """After the row's name, a colon before a side or a time ("Grip: R 40 lb", "TUG: (Eval)
    16.8 s"); a semicolon before any other heading, which names a value of its own."""
    if column.role in ("prior", "current") or labels.parts_of(column.cue).side:
        return ": "
    return "; "


def _sides_paired(name: Cell) -> list[Piece]:
    """ "Biceps MMT R | L": the two sides a row's values are given for, written "R/L"."""
    return [
        Piece(
            name.start + m.start(),
            name.start + m.end(),
            f"{m.group(1)}/{m.group(2)}",
            name.start + m.start(),
            name.start + m.end(),
        )
        for m in _PIPED_SIDES.finditer(name.text)
    ]


# Two sides named at the end of a row's name ("Grip R / L", "Cervical rotation (L/R)") and a
# cell holding one value per side ("28 kg / 22 kg", "60° / 55°", "28 / 22 kg"; spaces around the
# slash, so a grade "4/5" or a rating "3/10" is never parted).
_SIDE = r"(?:R|L|Rt|Lt|right|left)"
_NAME_SIDES = re.compile(
    rf"[ \t,]*\(?[ \t]*({_SIDE})[ \t]*[/|][ \t]*({_SIDE})[ \t]*\)?[ \t]*:?$", re.IGNORECASE
)
_SIDE_VALUE = r"-?\d+(?:\.\d+)?"
_SIDE_UNIT = r"(?:[ \t]*(?:°|%|deg|kg|lbs?|cm|mm|s|sec|m|ft|in))?"
_TWO_SIDES = re.compile(
    rf"^({_SIDE_VALUE})({_SIDE_UNIT})[ \t]+/[ \t]+({_SIDE_VALUE})({_SIDE_UNIT})$", re.IGNORECASE
)


def _sides_split(name: Cell, cells: tuple[Cell, ...]) -> tuple[str, str] | None:
    """ "Grip R / L | 28 kg / 22 kg": the two sides a row's name ends with, when some cell holds
    exactly one value per side; they leave the name and go before each value (`_split_cell`)."""
    sides = _NAME_SIDES.search(name.text)
    if sides is None or sides.start() == 0 or not any(_TWO_SIDES.match(c.text) for c in cells):
        return None
    return sides.group(1), sides.group(2)


# A later side in a cell holding one value per side ("R 60°, L 55°"): after a comma, a
# semicolon or a slash, before its value.
_LATER_SIDE = re.compile(rf"(?<=[,;/])[ \t]*({_SIDE})\b(?=[ \t:]*-?\d)", re.IGNORECASE)


def _cue_each_side(cell: Cell, cue: str) -> list[Piece]:
    """ "| Last (11/2033) | R 60°, L 55° |": a time's words written before each side's value,
    not the first only ("(Last) (previous) R 60°, (Last) (previous) L 55°"), so the second is
    as earlier as the first."""
    if not _LATER_SIDE.search(cell.text) or not re.match(rf"{_SIDE}\b", cell.text, re.I):
        return []
    return [
        Piece(cell.start + m.start(1), cell.start + m.start(1), f"{cue} ", cell.start, cell.start)
        for m in _LATER_SIDE.finditer(cell.text)
    ]


def _sides_left_out(name: Cell) -> Piece:
    found = _NAME_SIDES.search(name.text)
    at = name.start + (found.start() if found else len(name.text))
    return Piece(at, name.end, "", at, name.end)


def _split_cell(cell: Cell, sides: tuple[str, str], cue: str, unit: str) -> list[Piece]:
    """One value per side ("28 kg / 22 kg") written with its side ("R 28 kg / L 22 kg"), the
    column's words again before the second ("(Eval) L 19 kg"), the second value's unit after
    the first when only the second has one ("28 / 22 kg"), and the `unit` of the table (its
    caption's, its heading's or its row's) after each when neither has one ("4.5 / 7.0")."""
    found = _TWO_SIDES.match(cell.text)
    if found is None:
        return []
    first, second = sides
    pieces = [Piece(cell.start, cell.start, f"{first} ", cell.start, cell.start)]
    written = found.group(4) or ("" if found.group(2) else unit)
    if not found.group(2) and written:
        end = cell.start + found.end(1)
        pieces.append(Piece(end, end, written, cell.start, end))
    start = cell.start + found.start(3)
    again = f"{cue} " if cue else ""
    pieces.append(Piece(start, start, f"{again}{second} ", start, start))
    if not found.group(4) and written:
        end = cell.start + found.end(3)
        pieces.append(Piece(end, end, written, start, end))
    return pieces


def _unit_left_out(name: Cell) -> list[Piece]:
    """ "SL heel raise (reps)": the unit in brackets leaves the row's name, since each value
    of the row is written with it (as for a "key (unit): value" line); an instrument written
    beside it stays ("ER strength (HHD, kg)": "ER strength HHD")."""
    for bracket in _UNIT_BRACKET.finditer(name.text):
        if unit_written(bracket.group()) is not None:
            start, end = name.start + bracket.start(), name.start + bracket.end()
            kept = named_beside_unit(bracket.group())
            return [Piece(start, end, f" {kept}" if kept else "", start, end)]
    slashed = SLASHED_SCALE.search(name.text)
    if slashed is not None and slashed_scale(name.text) is not None:
        # "Pain /10": the scale leaves the name as a bracket's unit does
        start, end = name.start + slashed.start(), name.start + slashed.end()
        return [Piece(start, end, "", start, end)]
    return []


def _between(table: _Table, written: Cell, cell: Cell) -> str:
    """A comma between two values ("R 70°, L 45°"); a semicolon where a cell is prose or the
    table lists services, so a dose in a cell ("3x10, 2 min bike") stays in its cell."""
    if table.minutes is not None or any(mark in c.text for c in (written, cell) for mark in ",;"):
        return "; "
    return ", " if _VALUE_FIRST.match(cell.text) or empty_cell().match(cell.text) else "; "


def _unit_follows(cell: Cell | None, column: Column | None) -> bool:
    if cell is None:
        return False
    if column is not None and column.role == "unit" and not _BARE_NUMBER.fullmatch(cell.text):
        return True
    return bool(split_unit().match(cell.text))


def _joined_unit(
    cell: Cell, column: Column, written: Cell | None
) -> Callable[[Cell], list[Piece]] | None:
    """Pieces that join a unit cell to the value before it, or None when the cell is a value."""
    unit_column = column.role == "unit" and not _BARE_NUMBER.fullmatch(cell.text)
    if not (unit_column or split_unit().match(cell.text)):
        return None
    numeric = written is not None and bool(_ENDS_IN_NUMBER.search(written.text))
    mapped = keyed_units().get(re.sub(r"\s+", "", cell.text).lower())

    def pieces(previous: Cell) -> list[Piece]:
        if not numeric or empty_cell().match(cell.text):
            return [Piece(previous.end, cell.end, "", cell.start, cell.end)]
        if mapped is not None:
            return [Piece(previous.end, cell.end, mapped, cell.start, cell.end)]
        glue = "" if cell.text.startswith(("/", "°", "%")) else " "
        return [Piece(previous.end, cell.start, glue, previous.end, cell.start)]

    return pieces


@cache
def _pain_row() -> re.Pattern[str]:
    names = either(data_table("pain_fields").get("row_names", ()))
    return re.compile(rf"[ \t*]*(?:{names})[ \t*:]*", re.IGNORECASE)


_RATING_CELL = re.compile(r"(?:10|\d)(?:\.\d)?")


def _row_scale(name: str, value: str) -> str:
    """The scale a row's name ends on after a slash ("Pain /10"), after each bare value."""
    if not _BARE_NUMBER.fullmatch(value.strip()):
        return ""
    return slashed_scale(name) or ""


def _rated_row(name: str, value: str) -> str:
    """ "/10" for a bare value of 0-10 in a row named only by pain ("| Pain | 2 | 3 | 2 |"):
    a rating, as a row named "Pain (0-10)" writes it (columns.toml [pain_fields] row_names)."""
    if _RATING_CELL.fullmatch(value.strip()) and _pain_row().fullmatch(name) is not None:
        return "/10"
    return ""


def _unit(value: str, heading: str, context: str) -> str:
    """The unit a bare value takes from its heading or its row: a unit written in brackets, a
    degree in a range-of-motion row, "/5" for a bare grade in a table of muscle grades."""
    if _BARE_NUMBER.fullmatch(value) or _PIPED_NUMBERS.fullmatch(value):
        named = keyed_units().get(re.sub(r"\s+", "", heading).lower())
        # a row's name written as a key with its unit ("volume_mL") says more than its column
        written = (
            snake_unit_in(context)
            or unit_written(heading)
            or named
            or snake_unit_in(heading)
            or unit_written(context)
        )
        if written:
            return written
        words = f"{context} {heading}"
        parts = labels.parts_of(words)
        if parts.motion and (parts.mode or rom_words().search(words)):
            return "°"
    if bare_grade().match(value) and grade_headings().search(f"{context} {heading}"):
        return "/5"
    return ""
