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

from tui.core.checks.layouts.columns import minutes_heading, role_of

# A heading or cell: words joined by single spaces, columns set apart by two or more.
_CHUNK = re.compile(r"\S+(?: \S+)*")
_MIN_COLUMNS = 3
_MIN_ROWS = 2
# A heading line indented this far or more leaves its first column (the rows' names) unnamed.
_INDENTED_HEADING = 8
_TIME_ROLES = frozenset({"prior", "current", "timepoint"})
# A print's headings are in capitals for layout ("PRIOR", "VALUE"); short acronyms ("IE",
# "SOC") keep theirs.
_SHOUTED = re.compile(r"\b[A-Z]{4,}\b")

# The heading of a column of billing codes.
_CODE_HEADING = re.compile(r"(?:CPT|HCPCS|code)s?(?:[ /]+(?:HCPCS|code))?", re.IGNORECASE)

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
            index += 1
            continue
        last = index + 1
        while last < len(starts) and last not in taken:
            if not _aligned(text[starts[last] : ends[last]], columns):
                break
            last += 1
        if last - index - 1 >= _MIN_ROWS:
            found.append((index, last, columns))
            index = last
        else:
            index += 1
    return found


def _heading_columns(
    text: str, start: int, end: int, is_heading: Callable[[list[str]], bool]
) -> tuple[int, ...] | None:
    """Where each column starts, when the line is a fixed-width heading naming a time."""
    line = text[start:end]
    if "  " not in line:
        return None
    chunks = list(_CHUNK.finditer(line))
    names = [chunk.group() for chunk in chunks]
    starts = [chunk.start() for chunk in chunks]
    if chunks and not line[:1].strip():
        # "                Visit 1      Today": the rows' names stand under no heading
        if chunks[0].start() < _INDENTED_HEADING:
            return None
        names, starts = ["", *names], [0, *starts]
    if len(names) < _MIN_COLUMNS or not is_heading(names):
        return None
    if not any(role_of(name) in _TIME_ROLES for name in names[1:]) and not _services(names):
        return None
    return tuple(starts)


def _services(names: list[str]) -> bool:
    """A heading of a services print: a minutes column and a column of codes ("Service  CPT
    Mode  Min  Units"), which the audit reads row by row."""
    minutes = any(minutes_heading().fullmatch(name) for name in names[1:])
    return minutes and any(_CODE_HEADING.fullmatch(name) for name in names)


def _aligned(line: str, columns: tuple[int, ...]) -> bool:
    """The line starts a row at the left margin and breaks at every column start it reaches."""
    if not line[:1].strip() or "  " not in line:
        return False
    return all(
        line[column - 2 : column] == "  " or line[column - 1 : column] == "\t"
        for column in columns[1:]
        if column < len(line.rstrip())
    )


def fixed_width_cells(line_start: int, line: str, columns: tuple[int, ...]) -> list[Span]:
    """The [start, end) of each cell of a row, cut at the heading's column starts; a row that
    stops short has empty cells at its end."""
    bounds = [0, *columns[1:], max(len(line), columns[-1])]
    return [
        (line_start + min(left, len(line)), line_start + min(right, len(line)))
        for left, right in pairwise(bounds)
    ]


def heading_case(heading: str) -> str:
    """A heading as a note would write it: "PRIOR(12/14)" as "Prior(12/14)", acronyms kept."""
    return _SHOUTED.sub(lambda word: word.group().capitalize(), heading)
