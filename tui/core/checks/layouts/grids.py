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

from tui.core.checks.layouts.columns import role_of
from tui.core.checks.layouts.fixed_width import fixed_width_cells, fixed_width_runs, heading_case

_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_PIPE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t\r]*$")
# A quoted CSV export's row: three or more quoted fields separated by commas.
_QUOTED = r'"(?:[^"\n]|"")*"'
_CSV_ROW = re.compile(rf"^[ \t]*{_QUOTED}(?:[ \t]*,[ \t]*{_QUOTED}){{2,}}[ \t\r]*$")
_CSV_FIELD = re.compile(r'"((?:[^"\n]|"")*)"')
_VALUE = re.compile(r"^[<>~≈]?-?\d+(?:\.\d+)?(?:[ \t]*[+-])?(?:[ \t]*(?:°|%|/[ \t]*\d+|[a-z/]+))?$")
_FRACTION = re.compile(r"\d[ \t]*/[ \t]*\d")
_HEADING_WORDS = 4
_SIDE_BRACKET = re.compile(r"[ \t]*\((?:L|R|left|right|Lt|Rt)\)", re.IGNORECASE)
_TIMEPOINT_WORDS = 2
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
    if "|" not in text and "\t" not in text and "  " not in text and '","' not in text:
        return ()
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    ends = [end - 1 for end in starts[1:]] + [len(text)]
    found = _markdown(text, starts, ends)
    taken = {index for first, last in found for index in range(first, last)}
    piped = _runs(text, starts, ends, taken, lambda line: bool(_PIPE_ROW.match(line)))
    taken |= {index for first, last in piped for index in range(first, last)}
    tabbed = _runs(text, starts, ends, taken, lambda line: line.strip().count("\t") >= 1)
    taken |= {index for first, last in tabbed for index in range(first, last)}
    quoted = _runs(text, starts, ends, taken, lambda line: bool(_CSV_ROW.match(line)))
    taken |= {index for first, last in quoted for index in range(first, last)}
    printed = fixed_width_runs(text, starts, ends, taken, _named_headings)
    tables = [_markdown_grid(text, starts, ends, first, last) for first, last in found]
    tables += [_bare_grid(text, starts, ends, first, last, _pipe_cells) for first, last in piped]
    exports = [_bare_grid(text, starts, ends, first, last, _tab_cells) for first, last in tabbed]
    tables += [grid for grid in exports if _exported(grid)]
    tables += [_bare_grid(text, starts, ends, first, last, _csv_cells) for first, last in quoted]
    tables += [_printed_grid(text, starts, ends, run) for run in printed]
    return tuple(sorted((grid for grid in tables if grid.rows), key=lambda grid: grid.lines[0]))


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
    rows = tuple(
        tuple(
            _cell(text, low, high)
            for low, high in fixed_width_cells(
                starts[index], text[starts[index] : ends[index]], columns
            )
        )
        for index in range(first, last)
    )
    lines = tuple((starts[index], ends[index]) for index in range(first, last))
    heading = tuple(replace(cell, text=heading_case(cell.text)) for cell in rows[0])
    return Grid(rows=(heading, *rows[1:]), lines=lines, headed=True)


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
    dates = sum(bool(_DATE.match(cell.text)) for cell in row)
    for cell in row:
        if dates >= 2 and _DATE.match(cell.text):
            continue
        if _VALUE.match(cell.text) or len(cell.text.split()) > _HEADING_WORDS:
            return False
        if _FRACTION.search(cell.text) and not _timepoint(cell.text):
            return False
    return True


def _exported(grid: Grid) -> bool:
    """A tab-separated run is read as a table when it is an EHR export: a heading row with a
    column of row numbers, entry times or units ("Row", "#", "Entered", "Units"), or with two
    columns named for a time or a goal ("Admission", "This week", "Discharge goal"); other
    text with tabs (a label, a tab, a sentence) is read as it is written."""
    if not grid.headed:
        return False
    roles = [role_of(cell.text) for cell in grid.rows[0]]
    # a column of row numbers or units, or the times of the columns ("Admission  This week  Goal")
    return any(role in ("skip", "unit") for role in roles) or (
        sum(role in _TIMED_ROLES for role in roles[1:]) >= _TIMED_COLUMNS
    )


def _timepoint(text: str) -> bool:
    """A short heading naming a time with its date ("Eval (6/8)")."""
    # a side in brackets after the time says whose value it is ("PREV 02/23 (L)")
    bare = _SIDE_BRACKET.sub("", text)
    return len(bare.split()) <= _TIMEPOINT_WORDS and role_of(bare) in ("prior", "current")


def _pipe_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    bounds = [m.start() for m in _CELL_SPLIT.finditer(line)]
    if not bounds or line[: bounds[0]].strip():
        bounds = [-1, *bounds]
    if line[bounds[-1] + 1 :].strip():
        bounds.append(len(line))
    return tuple(_cell(text, start + left + 1, start + right) for left, right in pairwise(bounds))


def _csv_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    """The fields of a quoted CSV row, each without its quotes ("" inside stays as written)."""
    return tuple(
        _cell(text, start + field.start(1), start + field.end(1))
        for field in _CSV_FIELD.finditer(text[start:end])
    )


def _tab_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    bounds = [-1, *(m.start() for m in re.finditer(r"\t", line)), len(line)]
    return tuple(_cell(text, start + left + 1, start + right) for left, right in pairwise(bounds))


def _cell(text: str, start: int, end: int) -> Cell:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    return Cell(start + lead, start + lead + len(body), body)
