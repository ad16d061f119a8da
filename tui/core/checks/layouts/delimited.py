"""Delimited exports pasted into a note: comma- or semicolon-separated lines, fields maybe quoted.

An EHR's CSV export ('"Objective","Eversion MMT","R 4/5","L 5/5"', "2,97110,GP,24,Ther ex") or a
semicolon export ("ODI (%);44;36;24") is a table whose cells the readers must see as cells: read
as prose, a comment column's value runs into the value before it. A run of lines is such a table
only when every line splits into the same number of fields (three or more) and no delimiter is
followed by a space, as prose's commas and semicolons are ("Pain 3/10, ROM 120, MMT 4/5"); an
unquoted run needs a first line of headings besides. Each line is split once, and only lines
holding two delimiters are looked at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

_DELIMITERS = (",", ";")
_MIN_FIELDS = 3
_MIN_ROWS = 2

Span = tuple[int, int]


@cache
def _field(delimiter: str) -> re.Pattern[str]:
    """One field: quoted (doubled quotes inside) or bare, then the delimiter or the line's end."""
    mark = re.escape(delimiter)
    return re.compile(
        rf'[ \t]*(?:"(?P<quoted>(?:[^"]|"")*)"|(?P<bare>[^"{mark}]*))[ \t]*(?:(?P<sep>{mark})|$)'
    )


def delimited_fields(line: str, delimiter: str) -> list[Span] | None:
    """The [start, end) of each field's text in `line` (quotes left out), or None when the line
    is not one delimited record (a delimiter followed by a space, a stray quote)."""
    if line.count(delimiter) < _MIN_FIELDS - 1:
        return None
    pattern = _field(delimiter)
    spans: list[Span] = []
    pos = 0
    while True:
        match = pattern.match(line, pos)
        if match is None:
            return None
        spans.append(match.span("quoted" if match.group("quoted") is not None else "bare"))
        if match.group("sep") is None:
            break
        pos = match.end()
        if line.startswith(" ", pos) and not line[pos:].lstrip().startswith('"'):
            return None  # "Pain 3/10, ROM 120": prose
        if pos == len(line):
            spans.append((pos, pos))  # an empty last field after a trailing delimiter
            break
    return spans if len(spans) >= _MIN_FIELDS else None


def delimited_runs(
    lines: Sequence[str],
    taken: set[int],
    is_heading: Callable[[list[str]], bool],
) -> list[tuple[int, int, str]]:
    """Runs [first, last) of delimited lines with the delimiter they share."""
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(lines):
        run = None if index in taken else _run_at(lines, index, taken, is_heading)
        if run is None:
            index += 1
            continue
        found.append(run)
        index = run[1]
    return found


def _run_at(
    lines: Sequence[str], index: int, taken: set[int], is_heading: Callable[[list[str]], bool]
) -> tuple[int, int, str] | None:
    line = lines[index]
    for delimiter in _DELIMITERS:
        first = delimited_fields(line, delimiter)
        if first is None:
            continue
        width = len(first)
        last = index + 1
        while last < len(lines) and last not in taken:
            fields = delimited_fields(lines[last], delimiter)
            if fields is None or len(fields) != width:
                break
            last += 1
        if last - index < _MIN_ROWS:
            continue
        quoted = line.lstrip().startswith('"')
        names = [line[start:end] for start, end in first]
        if quoted or is_heading(names):
            return index, last, delimiter
    return None
