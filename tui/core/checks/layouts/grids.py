"""Where a note holds a table, and its rows and cells with their offsets.

Therapists paste three kinds: Markdown tables (read by markdown-it, which is what decides that a
run of pipes is a table), pipe tables without the Markdown separator row, and tab-separated
flowsheet exports. All three come out as the same `Grid` of cells, so one reader gives each
number its row and its column (`mdtables`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from markdown_it import MarkdownIt

from tui.core.checks.layouts.columns import (
    group_first,
    minutes_heading,
    role_of,
    split_unit,
    time_heading,
)
from tui.core.checks.layouts.delimited import delimited_fields, delimited_runs
from tui.core.checks.layouts.fixed_width import (
    fixed_width_cells,
    fixed_width_runs,
    heading_case,
    overflowing,
    rule_line,
    services_heading,
    spanning_cells,
    sub_heading,
)
from tui.core.checks.layouts.quantity_headings import quantity_heading
from tui.core.checks.layouts.spanned_headings import spanned

_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_PIPE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t\r]*$")
# A box-drawn table's rule line: "+------+-----+", "|======|=====|".
_BOX_RULE = re.compile(r"^[ \t]*[+|][-=+|: \t]*[-=][-=+|: \t]*[+|][ \t\r]*$")
_VALUE = re.compile(r"^[<>~≈]?-?\d+(?:\.\d+)?(?:[ \t]*[+-])?(?:[ \t]*(?:°|%|/[ \t]*\d+|[a-z/]+))?$")
_FRACTION = re.compile(r"\d[ \t]*/[ \t]*\d")
_DIGITS = re.compile(r"\d")
# A number of its own, not one inside a name ("SpO2", "6MWT", "D3" are words of a heading).
# Two runs of words set apart as columns are, inside one cell.
_SPACED = re.compile(r"\S(?:[ ]{2,}|\t)\S")
_OWN_NUMBER = re.compile(r"(?<![A-Za-z\d])\d+(?![A-Za-z\d])")
_HEADING_WORDS = 4
_HEADING_LINES = 3
_INNER_PIPES = 1
_VALUE_ROLES = frozenset({"prior", "current", "timepoint", "goal", "unit", "change"})
_PHRASE_WORDS = 3
_NAMING_WORD = re.compile(r"[A-Za-z]{2,}")
_TIMEPOINT_WORDS = 3
_TIMED_ROLES = frozenset({"prior", "current", "timepoint", "goal", "change"})
_TIMED_COLUMNS = 2
# A month and day (or a full date): "29/47" is a score out of 47, never a date.
_DATE = re.compile(
    r"^(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{2,4})?$|^\d{4}-\d{1,2}-\d{1,2}$"
)


@dataclass(frozen=True)
class Cell:
    """One cell: its text without surrounding spaces and where that text is."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Grid:
    """One table: its rows of cells (the heading row first when `headed`), the lines that are
    only layout (a Markdown separator row, a heading row) and where each row's line is."""

    rows: tuple[tuple[Cell, ...], ...]
    lines: tuple[tuple[int, int], ...]
    headed: bool
    rules: tuple[tuple[int, int], ...] = ()


@cache
def _parser() -> MarkdownIt:
    # only the block structure is needed: where each table starts and ends
    return MarkdownIt("commonmark").enable("table").disable("inline")


def grids(text: str) -> list[Grid]:
    """Every table in `text`, in order; a line belongs to one table at most."""
    return list(_grids(text))


@lru_cache(maxsize=16)
def _grids(text: str) -> tuple[Grid, ...]:
    """The tables of a text, found once: normalising and the service tables both read the
    note's tables (grids are frozen, so they are shared)."""
    if not any(mark in text for mark in ("|", "\t", "  ", ",", ";")):
        return ()
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    ends = [end - 1 for end in starts[1:]] + [len(text)]
    found = _markdown(text, starts, ends)
    taken = {index for first, last in found for index in range(first, last)}
    piped = _runs(
        text, starts, ends, taken, lambda line: bool(_PIPE_ROW.match(line) or _BOX_RULE.match(line))
    )
    taken |= {index for first, last in piped for index in range(first, last)}
    inner = _runs(text, starts, ends, taken, lambda line: line.count("|") >= _INNER_PIPES)
    inner_grids = [(run, _inner_grid(text, starts, ends, *run)) for run in inner]
    # lines with inner pipes that make no table ("5/5 | 4+/5" in a print's cell) are left to
    # the other layouts
    inner = [run for run, grid in inner_grids if grid is not None]
    taken |= {index for first, last in inner for index in range(first, last)}
    lines = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    separated = delimited_runs(lines, taken, _named_headings)
    taken |= {index for first, last, _ in separated for index in range(first, last)}
    tabbed = _runs(text, starts, ends, taken, lambda line: line.strip().count("\t") >= 1)
    taken |= {index for first, last in tabbed for index in range(first, last)}
    printed = fixed_width_runs(text, starts, ends, taken, _named_headings)
    tables = [_markdown_grid(text, starts, ends, first, last) for first, last in found]
    tables += [_piped_grid(text, starts, ends, first, last) for first, last in piped]
    tables += [grid for _, grid in inner_grids if grid is not None]
    exports = [_bare_grid(text, starts, ends, first, last, _tab_cells) for first, last in tabbed]
    tables += [_export(grid) for grid in exports if _exported(grid)]
    tables += [_printed_grid(text, starts, ends, run) for run in printed]
    tables += [grid for run in separated for grid in _delimited_grids(text, starts, ends, run)]
    found_grids = (spanned(grid) for grid in tables if grid.rows)
    return tuple(sorted(found_grids, key=lambda grid: grid.lines[0]))


def _markdown(text: str, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """Line ranges [first, last) of the Markdown tables, parsing only runs of piped lines (with
    the line before each, a table's context) so a long note's prose costs nothing."""
    blocks: list[tuple[int, int]] = []
    for index, start in enumerate(starts):
        if "|" not in text[start : ends[index]]:
            continue
        if blocks and blocks[-1][1] >= index - 1:
            blocks[-1] = (blocks[-1][0], index)
        else:
            blocks.append((max(index - 1, 0), index))
    found = []
    for first, last in blocks:
        for token in _parser().parse(text[starts[first] : ends[last]]):
            if token.type == "table_open" and token.map is not None:
                found.append((token.map[0] + first, min(token.map[1] + first, last + 1)))
    return found


def _runs(
    text: str, starts: list[int], ends: list[int], taken: set[int], is_row: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Line ranges [first, last) of two or more rows in a row, outside tables already found."""
    runs: list[tuple[int, int]] = []
    first = None
    for index in range(len(starts) + 1):
        row = (
            index < len(starts) and index not in taken and is_row(text[starts[index] : ends[index]])
        )
        if row and first is None:
            first = index
        elif not row and first is not None:
            if index - first >= 2:
                runs.append((first, index))
            first = None
    return runs


def _named_headings(names: list[str]) -> bool:
    return _headings(tuple(Cell(0, 0, name) for name in names))


def _printed_grid(
    text: str, starts: list[int], ends: list[int], run: tuple[int, int, tuple[int, ...]]
) -> Grid:
    """A fixed-width print (`fixed_width`): its heading row, then its rows cut at the columns."""
    first, last, columns = run
    rows = [
        tuple(
            _cell(text, low, high)
            for low, high in fixed_width_cells(
                starts[index], text[starts[index] : ends[index]], columns
            )
        )
        for index in range(first, last)
    ]
    lines = tuple((starts[index], ends[index]) for index in range(first, last))
    if len(rows) > 1 and sub_heading(text[lines[1][0] : lines[1][1]], columns):
        top = text[lines[0][0] : lines[0][1]]
        rows[0] = tuple(
            _cell(text, low, high) for low, high in spanning_cells(lines[0][0], top, columns)
        )
    heading = tuple(replace(cell, text=heading_case(cell.text)) for cell in rows[0])
    kept = [0] + [
        i
        for i in range(1, len(rows))
        if not rule_line(text[lines[i][0] : lines[i][1]])
        and not overflowing(text[lines[i][0] : lines[i][1]], columns)
    ]
    rules = tuple(
        lines[i]
        for i in range(len(rows))
        if i not in kept and rule_line(text[lines[i][0] : lines[i][1]])
    )
    return Grid(
        rows=(heading, *(rows[i] for i in kept[1:])),
        lines=tuple(lines[i] for i in kept),
        headed=True,
        rules=rules,
    )


def _delimited_grids(
    text: str, starts: list[int], ends: list[int], run: tuple[int, int, str]
) -> list[Grid]:
    """A delimited export (`delimited`) as grids: a new one at each line of headings inside the
    run ('"Charges","Units","Code","Description"' after the measures)."""
    first, last, delimiter = run
    rows = []
    for index in range(first, last):
        fields = delimited_fields(text[starts[index] : ends[index]], delimiter) or []
        rows.append(
            tuple(_cell(text, starts[index] + low, starts[index] + high) for low, high in fields)
        )
    lines = [(starts[index], ends[index]) for index in range(first, last)]
    cuts = [0] + [i for i in range(1, len(rows)) if _subheading(rows[i])]
    grouped = bool(rows[0]) and bool(group_first().match(rows[0][0].text))
    grids_found = []
    for low, high in pairwise([*cuts, len(rows)]):
        back = _group_ends(rows, low, high) if grouped and low else high
        headed = _headings(rows[low])
        if back - low >= 2:
            grid = Grid(rows=tuple(rows[low:back]), lines=tuple(lines[low:back]), headed=headed)
            grids_found.append(_export(grid) if headed else grid)
        if back < high:
            # '"Totals","Timed minutes","29"' after the charges: rows under the first headings
            rest = Grid(
                rows=(rows[0], *rows[back:high]), lines=(lines[0], *lines[back:high]), headed=True
            )
            grids_found.append(_export(rest))
    return grids_found


def _group_ends(rows: list[tuple[Cell, ...]], low: int, high: int) -> int:
    """Where the rows of a group headed inside an export end: at the first row whose group
    (its first cell) is no longer the one its heading named ('"Charges","Units",...')."""
    group = rows[low][0].text if rows[low] else ""
    for index in range(low + 1, high):
        if not rows[index] or rows[index][0].text != group:
            return index
    return high


def _export(grid: Grid) -> Grid:
    """An export's table as far as it goes: its headings in a note's case ("DESCRIPTION" as
    "Description"), its rows up to the first that writes a phrase in a column of values
    ("ASSESSMENT<tab>Improving with cough ..." under "MIN"): the note goes on as prose there."""
    heading = tuple(replace(cell, text=heading_case(cell.text)) for cell in grid.rows[0])
    valued = [_value_heading(cell.text) for cell in heading]
    body = grid.rows[1:]
    end = len(body)
    for number, row in enumerate(body):
        if number and any(
            i < len(valued) and valued[i] and _phrase(cell.text) for i, cell in enumerate(row)
        ):
            end = number
            break
    return replace(grid, rows=(heading, *body[:end]), lines=grid.lines[: end + 1])


def _phrase(text: str) -> bool:
    """Words with no number among them: a sentence, not a value."""
    return len(text.split()) >= _PHRASE_WORDS and not _DIGITS.search(text)


def _value_heading(heading: str) -> bool:
    """A heading of short values: a time, a goal, a unit or a count of minutes."""
    return role_of(heading) in _VALUE_ROLES or bool(minutes_heading().fullmatch(heading.strip()))


def _subheading(row: tuple[Cell, ...]) -> bool:
    """A line of headings inside an export: words only (no number, no date), naming a column
    of units, row numbers or times."""
    return not any(_DIGITS.search(cell.text) for cell in row) and _exported_heading(row)


def _piped_grid(text: str, starts: list[int], ends: list[int], first: int, last: int) -> Grid:
    """A pipe table with no Markdown separator row; drawn in a box ("+----+----+"), its rule
    lines are layout and the lines above its first inner rule are its heading, a heading
    wrapped over two lines read as one ("Right" over "(wk 1)" is "Right (wk 1)")."""
    ruled = [i for i in range(first, last) if _BOX_RULE.match(text[starts[i] : ends[i]])]
    if not ruled:
        return _bare_grid(text, starts, ends, first, last, _pipe_cells)
    kept = [i for i in range(first, last) if i not in ruled]
    rules = tuple((starts[i], ends[i]) for i in ruled)
    inner = next((i for i in ruled if any(k < i for k in kept)), None)
    heading_lines = [k for k in kept if inner is not None and k < inner]
    rows = [_pipe_cells(text, starts[i], ends[i]) for i in kept]
    if not rows or not heading_lines or len(heading_lines) > _HEADING_LINES:
        grid = _bare_grid(text, starts, ends, first, last, _pipe_cells)
        return replace(grid, rules=rules) if grid.rows else grid
    heading = _joined_heading(rows[: len(heading_lines)])
    body = rows[len(heading_lines) :]
    lines = [(starts[i], ends[i]) for i in kept]
    if not body:
        return Grid((), (), headed=False)
    # the heading's further lines are layout, like the rules
    more = tuple(lines[1 : len(heading_lines)])
    return Grid(
        rows=(heading, *body),
        lines=(lines[0], *lines[len(heading_lines) :]),
        headed=True,
        rules=rules + more,
    )


def _inner_grid(
    text: str, starts: list[int], ends: list[int], first: int, last: int
) -> Grid | None:
    """Lines with pipes between cells only ("Test | Norm | L | R"): a table when its first line
    is a heading row of words (no number) and no line has more cells (an empty last cell may be
    left out)."""
    grid = _corner_kept(text, _bare_grid(text, starts, ends, first, last, _pipe_cells))
    if grid.rows and not grid.headed and (count := _value_unit_rows(grid.rows)) >= _MIN_ROWS:
        return _bare_grid(text, starts, ends, first, first + count, _pipe_cells)
    if not grid.rows or not grid.headed or not _worded_heading(grid.rows[0]):
        return None
    if any(row and _SPACED.search(row[0].text) for row in grid.rows):
        return None  # "Vitals:  BP | HR": the first column is no cell of its own
    width = len(grid.rows[0])
    if (
        any(len(row) > width for row in grid.rows)
        or sum(len(row) == width for row in grid.rows) < 2
    ):
        return None
    return grid


# A heading naming a side ("R (inv)", "Left", "L UE"): a column of that side's values.
_SIDE_HEADING = re.compile(r"(?:R|L|rt|lt|right|left|bilat\w*)\b", re.IGNORECASE)


def _corner_kept(text: str, grid: Grid) -> Grid:
    """A heading row that opens with spaces and a pipe ("           | R (inv) | L | wk 6 R")
    over rows that open with their names ("Wrist ext  | 55° | 72° | 38°"): the spaces are the
    empty corner cell above the names, so the heading gets it back and each heading stands over
    its own column (a row that opens with a pipe is a bordered table's, and keeps its cells).
    Only a heading naming a side is given its corner: a column of one side's values; "Pre |
    Post" over heart rates names times within the visit, which the corner would make earlier."""
    if len(grid.rows) < _MIN_ROWS or not grid.rows[0]:
        return grid
    heading, body = grid.rows[0], grid.rows[1:]
    line_start = grid.lines[0][0]
    if not re.match(r"[ \t]+\|", text[line_start : grid.lines[0][1]]):
        return grid
    if any(re.match(r"[ \t]*\|", text[start:end]) for start, end in grid.lines[1:]):
        return grid
    if not all(len(row) == len(heading) + 1 for row in body):
        return grid
    if not any(_SIDE_HEADING.match(cell.text) for cell in heading):
        return grid  # only columns of sides are known to stand over the values ("Pre | Post")
    corner = Cell(line_start, line_start, "")
    return Grid(rows=((corner, *heading), *body), lines=grid.lines, headed=_headings(heading))


def _worded_heading(row: tuple[Cell, ...]) -> bool:
    """A heading row of words: a number in it only names a column's time, as a date ("Measure |
    12/19/2064 | 02/18/2065", two dates or more as `_headings` allows) or in a bracket after
    the column's name ("Berg (wk 1)", "Pain (0-10)"), or in a short heading naming a time
    ("wk 6 R", "Visit 3", "6 wk": `_timepoint`, a time word beside its number, so a column of
    an earlier visit heads the table as "Eval" would); a number of its own ("BP | 128/70") is a
    row of values."""
    dates = sum(bool(_DATE.match(cell.text)) for cell in row) >= 2
    for cell in row:
        if dates and _DATE.match(cell.text):
            continue
        if _timepoint(cell.text):
            continue
        if _OWN_NUMBER.search(_NAMED_BRACKET.sub(" ", cell.text)):
            return False
    return True


# A bracket after a column's name: "Berg (wk 1)", "Grip (kg)"; a cell that opens with one
# names nothing before it.
_NAMED_BRACKET = re.compile(r"(?<=[A-Za-z])[ \t]*\([^()]*\)")


def _value_unit_rows(rows: tuple[tuple[Cell, ...], ...]) -> int:
    """How many rows open the run as rows of an export with no heading, each a name, one value
    and its unit ("Circumference - Knee - Right | 39.0 | cm", "Pain - NPRS | 3 | /10"): such
    rows are a table, each value in its unit."""
    count = 0
    for row in rows:
        if not (
            len(row) == _NAME_VALUE_UNIT
            and bool(_NAMED.search(row[0].text))
            and _BARE.fullmatch(row[1].text) is not None
            and split_unit().fullmatch(row[2].text) is not None
        ):
            break
        count += 1
    return count


_MIN_ROWS = 2
_NAME_VALUE_UNIT = 3
_NAMED = re.compile(r"[A-Za-z]{2}")
_BARE = re.compile(r"-?\d+(?:\.\d+)?")


def _joined_heading(rows: list[tuple[Cell, ...]]) -> tuple[Cell, ...]:
    """Heading cells wrapped over lines, each column's words joined (spans of the first line)."""
    width = max(len(row) for row in rows)
    joined = []
    for column in range(width):
        cells = [row[column] for row in rows if column < len(row)]
        words = " ".join(cell.text for cell in cells if cell.text)
        joined.append(replace(cells[0], text=words))
    return tuple(joined)


def _markdown_grid(text: str, starts: list[int], ends: list[int], first: int, last: int) -> Grid:
    rows = [_pipe_cells(text, starts[index], ends[index]) for index in range(first, last)]
    lines = [(starts[index], ends[index]) for index in range(first, last)]
    if len(rows) < 2:
        return Grid((), (), headed=False)
    return Grid(
        rows=tuple([rows[0], *rows[2:]]),
        lines=tuple([lines[0], *lines[2:]]),
        headed=True,
        rules=(lines[1],),
    )


def _bare_grid(
    text: str,
    starts: list[int],
    ends: list[int],
    first: int,
    last: int,
    split: Callable[[str, int, int], tuple[Cell, ...]],
) -> Grid:
    """A table with no separator row: the first row may be its heading (`_headings`)."""
    rows = [split(text, starts[index], ends[index]) for index in range(first, last)]
    lines = tuple((starts[index], ends[index]) for index in range(first, last))
    if sum(len(row) >= 2 for row in rows) < 2:
        return Grid((), (), headed=False)
    return Grid(rows=tuple(tuple(row) for row in rows), lines=lines, headed=_headings(rows[0]))


def _headings(row: tuple[Cell, ...]) -> bool:
    """Whether a row of a table with no separator row is its heading: short names, none of
    them a value (two or more dates name columns, so they may be headings; one may be a score)
    and none a sentence holding one ("Pt reports pain 3/10")."""
    dates = sum(_dated(cell.text) for cell in row)
    for cell in row:
        if dates >= 2 and _DATE.match(cell.text):
            continue
        if _VALUE.match(cell.text) or len(cell.text.split()) > _HEADING_WORDS:
            return False
        if _FRACTION.search(cell.text) and not _timepoint(cell.text):
            return False
    return True


def _dated(text: str) -> bool:
    """A heading cell naming a column by its date: the date alone ("02/13/2132") or with the
    time it was ("01/16/2132 (eval)", "03/13/2132 (today)"), as a tracker's export heads its
    visits' columns. A time named with a date has its year: "(eval: 9/10)" beside "7/10" is a
    pain rating's earlier value, not a column's date."""
    return bool(_DATE.match(text)) or (_timepoint(text) and bool(_YEARED.search(text)))


def _exported(grid: Grid) -> bool:
    """A tab-separated run is read as a table when it is an EHR export: a heading row with a
    column of row numbers, entry times or units ("Row", "#", "Entered", "Units"), or with two
    columns named for a time or a goal ("Admission", "This week", "Discharge goal"); other
    text with tabs (a label, a tab, a sentence) is read as it is written."""
    if not grid.headed:
        return False
    return _exported_heading(grid.rows[0])


def _exported_heading(row: tuple[Cell, ...]) -> bool:
    """A heading row of an export: a column of row numbers, entry times or units, two columns
    named for a time or a goal, codes with minutes, or a first column of dates (each row a
    visit)."""
    roles = [role_of(cell.text) for cell in row]
    # a column of row numbers or units, or the times of the columns ("Admission  This week  Goal")
    return (
        any(role in ("skip", "unit") for role in roles)
        or sum(role in _TIMED_ROLES for role in roles[1:]) >= _TIMED_COLUMNS
        or services_heading([cell.text for cell in row])
        or bool(row and time_heading().fullmatch(row[0].text.strip()))
        or quantity_heading([cell.text for cell in row])
    )


def _timepoint(text: str) -> bool:
    """A short heading naming a time with its date ("Eval (6/8)", "PREV 02/23 (L)": a side in
    brackets says whose values they are and is no word of the heading; "This visit 04/09")."""
    words = _SIDE_NOTE.sub(" ", text).split()
    return (
        len(words) <= _TIMEPOINT_WORDS
        and bool(_NAMING_WORD.search(text))
        and role_of(text) in ("prior", "current", "timepoint")
        and all(_DATE.match(pair.group()) for pair in _SLASHED.finditer(text))
    )


# A number over a number: a date when its month and day can be one ("6/8"); "20/28" is a score.
_SLASHED = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])")
_YEARED = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})(?![\d/])")


_SIDE_NOTE = re.compile(r"\((?:R|L|rt|lt|right|left)\.?\)", re.IGNORECASE)


def _pipe_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    bounds = [m.start() for m in _CELL_SPLIT.finditer(line)]
    if not bounds or line[: bounds[0]].strip():
        bounds = [-1, *bounds]
    if line[bounds[-1] + 1 :].strip():
        bounds.append(len(line))
    return tuple(_cell(text, start + left + 1, start + right) for left, right in pairwise(bounds))


def _tab_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    bounds = [-1, *(m.start() for m in re.finditer(r"\t", line)), len(line)]
    return tuple(_cell(text, start + left + 1, start + right) for left, right in pairwise(bounds))


def _cell(text: str, start: int, end: int) -> Cell:
    """A cell's text without its spaces and without a Markdown emphasis wrapping all of it
    ("**96**", "**Composite %**"): the marks are layout, left out with the cell's borders."""
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    wrapped = _EMPHASIS.fullmatch(body)
    if wrapped is not None and wrapped.group("body").strip() == wrapped.group("body"):
        inner = start + lead + wrapped.start("body")
        return Cell(inner, inner + len(wrapped.group("body")), wrapped.group("body"))
    return Cell(start + lead, start + lead + len(body), body)


_EMPHASIS = re.compile(r"(?P<mark>\*\*|__)(?P<body>[^*_\n]+)(?P=mark)")
