"""Fixed-width flowsheet prints: columns lined up by spaces under a heading line.

An EHR's plain-text print lays a table out in columns of spaces ("ITEM    VALUE    PRIOR(12/14)
NOTE"); read as prose, the PRIOR column's numbers look like this visit's. A run counts as a
table only when its heading line names a point in time for one of its columns (a heading of
columns.toml's prior, current or timepoint roles) and at least two lines under it break at
every heading's start, so text that only happens to hold double spaces is read as written.
Each line is looked at once and only when it holds a run of two spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from tui.core.checks.layouts.columns import (
    grade_headings,
    minutes_heading,
    numbered_trial,
    role_of,
    rom_words,
    services_first,
    time_heading,
    vital_name,
)
from tui.core.checks.layouts.quantity_headings import heading_kind, quantity_heading
from tui.core.checks.measures import labels

# A heading or cell: words joined by single spaces, columns set apart by two or more.
_CHUNK = re.compile(r"\S+(?: \S+)*")
_MIN_COLUMNS = 3
_MIN_ROWS = 2
_DIGIT = re.compile(r"\d")
# A number standing on its own in a heading ("45°"), not one of a name ("D3", "L5", "6MWT").
_NUMBER = re.compile(r"(?<![A-Za-z])\d+(?![A-Za-z])")
_BRACKET = re.compile(r"\([^()]*\)")
_MIN_MODES = 2
_MIN_SIGNS = 2
_TIME_ROLES = frozenset({"prior", "current", "timepoint"})
# A print's headings are in capitals for layout ("PRIOR", "VALUE"); short acronyms ("IE",
# "SOC") keep theirs.
_SHOUTED = re.compile(r"\b[A-Z]{4,}\b")

# The heading of a column of billing codes.
_CODE_HEADING = re.compile(r"(?:CPT|HCPCS|code)s?(?:[ /]+(?:HCPCS|code))?", re.IGNORECASE)

_RULE = re.compile(r"^[ \t]*[-=+|:_ \t]*[-=][-=+|:_ \t]*$")

Span = tuple[int, int]


def fixed_width_runs(
    text: str,
    starts: list[int],
    ends: list[int],
    taken: set[int],
    is_heading: Callable[[list[str]], bool],
) -> list[tuple[int, int, tuple[int, ...]]]:
    """Each fixed-width table as (first line, last line + 1, column starts within a line)."""
    found: list[tuple[int, int, tuple[int, ...]]] = []
    index = 0
    while index < len(starts):
        columns = _heading_columns(text, starts[index], ends[index], is_heading)
        if index in taken or columns is None:
            columns = _dated_columns(text, starts, ends, index, is_heading)
        if index in taken or columns is None:
            index += 1
            continue
        first_row = index + 1
        if first_row < len(starts) and first_row not in taken:
            under = _sub_columns(text[starts[first_row] : ends[first_row]], columns)
            if under is not None:
                # "Initial eval   Today" over "R   L   R   L": the sub-headings' columns
                columns, first_row = under, first_row + 1
        last = first_row
        while last < len(starts) and last not in taken:
            # a row whose words run across the columns ("Gait   no device, ...; 800 ft") is
            # prose inside the table when an aligned row follows it
            line = text[starts[last] : ends[last]]
            if not (_aligned(line, columns) or _celled(line, columns)) and not _overflows(
                text, starts, ends, last, columns, taken
            ):
                break
            last += 1
        if last - first_row >= _MIN_ROWS or (
            last - first_row == 1 and _graded_sides(text[starts[index] : ends[index]])
        ):
            found.append((index, last, columns))
            index = last
        else:
            index += 1
    return found


_SIDE_HEADING = re.compile(r"(?:R|L|rt|lt|right|left)", re.IGNORECASE)


def _graded_sides(line: str) -> bool:
    """A heading of muscle grades over the sides ("MMT   R   L", "Strength  Right  Left"): one
    row under it is a table, each of its cells a side's grade ("hip abd   4-   3+"), never a
    range of motion from the first to the second."""
    chunks = _CHUNK.findall(line)
    return (
        len(chunks) >= _MIN_COLUMNS
        and grade_headings().fullmatch(chunks[0].strip()) is not None
        and all(_SIDE_HEADING.fullmatch(chunk) for chunk in chunks[1:])
    )


def _sub_columns(line: str, columns: tuple[int, ...]) -> tuple[int, ...] | None:
    """The columns of a heading's second line ("             R      L      R      L" under
    "ROM     Initial eval     Today"): indented under the values, more short headings than the
    first line has, none with a number; None for any other line."""
    if not line[:1].isspace() or len(columns) < 2:
        return None
    chunks = list(_CHUNK.finditer(line))
    if len(chunks) < len(columns) or chunks[0].start() < columns[1] - 2:
        return None
    if any(_DIGIT.search(chunk.group()) or len(chunk.group().split()) > 2 for chunk in chunks):
        return None
    return (columns[0], *(chunk.start() for chunk in chunks))


def sub_heading(line: str, columns: tuple[int, ...]) -> bool:
    """True when `line` is the second line of a two-line heading whose sub-headings start the
    columns (`_sub_columns`)."""
    chunks = list(_CHUNK.finditer(line))
    return (
        line[:1].isspace()
        and len(chunks) == len(columns) - 1
        and all(chunk.start() == column for chunk, column in zip(chunks, columns[1:], strict=True))
        and not any(_DIGIT.search(chunk.group()) for chunk in chunks)
    )


def spanning_cells(line_start: int, line: str, columns: tuple[int, ...]) -> list[Span]:
    """The cells of a heading's first line over sub-headings: each heading in the column it
    starts in, the columns it spans blank (a merged cell), as an export writes it."""
    cells = [(line_start + column, line_start + column) for column in columns]
    for chunk in _CHUNK.finditer(line):
        at = max(i for i, column in enumerate(columns) if column <= chunk.start() + 1 or i == 0)
        cells[at] = (line_start + chunk.start(), line_start + chunk.end())
    return cells


def _overflows(
    text: str,
    starts: list[int],
    ends: list[int],
    index: int,
    columns: tuple[int, ...],
    taken: set[int],
) -> bool:
    """A row at the left margin whose text runs over the columns, followed by an aligned row."""
    line = text[starts[index] : ends[index]]
    after = index + 1
    if not line[:1].strip() or after >= len(starts) or after in taken:
        return False
    return _aligned(text[starts[after] : ends[after]], columns)


def overflowing(line: str, columns: tuple[int, ...]) -> bool:
    """A row of a print that does not break at its columns nor sets apart one cell per
    heading (read as the prose it is)."""
    return not _aligned(line, columns) and not _celled(line, columns)


def _celled(line: str, columns: tuple[int, ...]) -> bool:
    """A row that sets its cells apart by two spaces or more without breaking right at the
    heading's columns (`_chunk_cells`)."""
    return _chunk_cells(line, columns) is not None


def _chunk_cells(line: str, columns: tuple[int, ...]) -> list[Span] | None:
    """The cells of a row at the left margin whose name runs wide of its column but that sets
    apart, by two spaces or more, exactly one cell per heading ("0920   standing (2 x 1 min,
    RW)   118   104/58   91%"). A bulleted line is prose, never such a row."""
    if not line[:1].isalnum() or len(columns) < _MIN_COLUMNS:
        return None
    chunks = list(_CHUNK.finditer(line))
    if len(chunks) != len(columns):
        return None
    return [chunk.span() for chunk in chunks]


def _heading_columns(
    text: str, start: int, end: int, is_heading: Callable[[list[str]], bool]
) -> tuple[int, ...] | None:
    """Where each column starts, when the line is a fixed-width heading naming a time (or
    the two sides). A heading that leaves the row names' column blank ("        EVAL (02/05)
    CURRENT (03/18)") must name a time for every other column, or only sides."""
    line = text[start:end]
    if "  " not in line or not line.strip():
        return None
    chunks = list(_CHUNK.finditer(line))
    names = [chunk.group() for chunk in chunks]
    starts = [chunk.start() for chunk in chunks]
    indented = line[:1].isspace()
    if indented:
        # "            EVAL (02/05)    CURRENT (03/18)": the rows' names have no heading
        if len(chunks) < _MIN_COLUMNS - 1:
            return None
        names, starts = ["", *names], [0, *starts]
    # a remark in brackets on the rows' heading ("ROM L D3 (deg; ext/flex)") is no word of it
    named = [_BRACKET.sub("", names[0]).strip(), *names[1:]]
    if len(names) < _MIN_COLUMNS or not is_heading([name for name in named if name]):
        return None
    if any(
        _NUMBER.search(_bracketed_scale(name))
        and role_of(name) not in _TIME_ROLES
        and not numbered_trial().fullmatch(name.strip())
        for name in named
    ):
        return None  # "R 45°  |  L 40°": values, not headings
    timed = any(role_of(name) in _TIME_ROLES for name in names[1:])
    # "Right    Left" (or "R    L") over rows: two sides name the columns; a heading that
    # leaves the rows' names blank must name nothing but sides ("  Point   L (at-risk)   R" is
    # indented, not blank under its first column)
    sides = [bool(labels.parts_of(name).side) for name in names[1:]]
    sided = sum(sides) >= 2 and (not indented or all(sides))
    # "AROM   PROM" over a motion's rows: each column a mode of the same motion
    moded = sum(bool(rom_words().fullmatch(name.strip())) for name in names[1:]) >= _MIN_MODES
    # "Task   Result   HR peak   L shoulder pain": headings naming what each column holds
    quantities = quantity_heading(names) and not indented
    if not (
        timed or sided or moded or quantities or services_heading(names) or vitals_heading(names)
    ):
        return None
    return tuple(starts)


def _bracketed_scale(name: str) -> str:
    """A heading without the scale or unit its brackets give a quantity ("Pain (0-10)" is a
    heading, its numbers the scale's bounds); any other heading as written."""
    bare = _BRACKET.sub("", name).strip()
    return bare if bare != name.strip() and heading_kind(bare) else name


# A row's first cell naming its visit's date ("04/10/67", "4/24", "2067-05-08").
_DATE_FIRST = re.compile(r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})(?=  |\t|$)")


def _dated_columns(
    text: str,
    starts: list[int],
    ends: list[int],
    index: int,
    is_heading: Callable[[list[str]], bool],
) -> tuple[int, ...] | None:
    """The columns of a log whose first heading names the visit ("Date   Flex   Ext   Girth")
    and whose next rows each open with a date: every other column is a measure, every row a
    visit (`mdtables` reads the last dated row as today's, the others as earlier)."""
    line = text[starts[index] : ends[index]]
    if "  " not in line or line[:1].isspace():
        return None
    chunks = list(_CHUNK.finditer(line))
    names = [chunk.group() for chunk in chunks]
    if len(names) < _MIN_COLUMNS or not time_heading().fullmatch(names[0]):
        return None
    if not is_heading(names[1:]) or any(role_of(name) in _TIME_ROLES for name in names[1:]):
        return None
    rows = [text[starts[at] : ends[at]] for at in range(index + 1, min(index + 3, len(starts)))]
    if len(rows) < _MIN_ROWS or not all(_DATE_FIRST.match(row) for row in rows):
        return None
    return tuple(chunk.start() for chunk in chunks)


def vitals_heading(names: list[str]) -> bool:
    """A heading naming two or more vital signs ("time  activity  HR  BP  SpO2  RR"): a
    flowsheet of readings, each row a time or a bout of activity."""
    return sum(vital_name(name) for name in names) >= _MIN_SIGNS


def services_heading(names: list[str]) -> bool:
    """A heading of a services print: a minutes column and a column of codes ("Service  CPT
    Mode  Min  Units") or a first column naming services ("INTERVENTIONS  MIN  DETAIL"), which
    the audit reads row by row."""
    minutes = any(minutes_heading().fullmatch(name.strip()) for name in names)
    coded = any(_CODE_HEADING.fullmatch(name) for name in names)
    return minutes and (coded or bool(names and services_first().fullmatch(names[0].strip())))


def _aligned(line: str, columns: tuple[int, ...]) -> bool:
    """The line starts a row at the left margin or indented under the heading's first words
    (or, a wrapped cell's next line, at a later column's start) and breaks at every column
    start it reaches."""
    if not line.strip():
        return False
    indent = len(line) - len(line.lstrip(" \t"))
    if indent:
        if wrapped(line, columns):
            return True
        if indent >= max(columns[1] - 2, 1) or not _DIGIT.search(line):
            return False
    if "  " not in line.strip():
        return False
    return all(
        line[column - 2 : column] == "  "
        or line[column - 1 : column] == "\t"
        or _NUMBERS_MEET.match(line, column - 2) is not None
        for column in columns[1:]
        if column < len(line.rstrip())
    )


# Two numbers a single space apart right at a column's start ("Hip flex   110 120" under "R   L"):
# a wide value fills its column up to the next one's, still two cells.
_NUMBERS_MEET = re.compile(r"\d -?\d")


def wrapped(line: str, columns: tuple[int, ...]) -> bool:
    """A line that goes on with the cells of the row above: blank under the first column, each
    of its runs of words starting at a column's start."""
    chunks = list(_CHUNK.finditer(line))
    if len(columns) < 2 or not chunks or chunks[0].start() < columns[1]:
        return False
    return all(_column_start(chunk.start(), columns) for chunk in chunks)


def _column_start(at: int, columns: tuple[int, ...]) -> bool:
    """A chunk starting right at a column (or one or two characters after, as a print pads)."""
    return any(0 <= at - column <= 1 for column in columns[1:])


def fixed_width_cells(line_start: int, line: str, columns: tuple[int, ...]) -> list[Span]:
    """The [start, end) of each cell of a row, cut at the heading's column starts; a row that
    stops short has empty cells at its end. A row whose text runs over the columns but still
    sets apart one cell per heading ("0920   standing (2 x 1 min, RW)   118   104/58   91%")
    is cut where it sets them apart."""
    chunked = _chunk_cells(line, columns) if not _aligned(line, columns) else None
    if chunked is None and _cut_inside(line, columns):
        chunked = [chunk.span() for chunk in _CHUNK.finditer(line)]
    if chunked is not None:
        return [(line_start + left, line_start + right) for left, right in chunked]
    bounds = [0, *columns[1:], max(len(line), columns[-1])]
    return [
        (line_start + min(left, len(line)), line_start + min(right, len(line)))
        for left, right in pairwise(bounds)
    ]


def _cut_inside(line: str, columns: tuple[int, ...]) -> bool:
    """A row that sets apart one cell per heading, its values left of the headings' starts
    ("  MTP        44.0      40.5" under "Circumference:      L        R"): cut at the column
    starts, one cell would hold two of its runs, so each run is a cell of its own."""
    chunks = list(_CHUNK.finditer(line))
    if len(chunks) != len(columns):
        return False
    bounds = [0, *columns[1:], max(len(line), columns[-1])]
    return any("  " in line[left:right].strip() for left, right in pairwise(bounds))


def rule_line(line: str) -> bool:
    """A line that only draws the table ("-----  -----", "+----+----+", "=====")."""
    return bool(_RULE.match(line))


def heading_case(heading: str) -> str:
    """A heading as a note would write it: "PRIOR(12/14)" as "Prior(12/14)", acronyms kept
    ("IE", and the motion's modes: "AROM", "PROM")."""
    return _SHOUTED.sub(
        lambda word: (
            word.group() if rom_words().fullmatch(word.group()) else word.group().capitalize()
        ),
        heading,
    )
