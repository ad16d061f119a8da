"""Row numbers of a flowsheet or numbered export ("1 Pain - current 5 0-10", "2 Pain - worst
7 0-10"): a number that starts each of a run of lines, counting up by one, numbers the rows and
is never a measurement. A single line that starts with a number ("3 falls in 6 months") is no
row."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# A row number: the line's first token, followed by the row's label.
ROW_NUMBER = re.compile(r"^[ \t]*(\d{1,3})[ \t]+(?=[A-Za-z])")
# How many lines counting up by one make a run of rows.
_RUN = 3


def numbered_rows(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines whose first number is a row number; blank lines do not break a
    run, any other line does."""
    rows: set[int] = set()
    run: list[int] = []
    last = -1
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        found = ROW_NUMBER.match(line)
        number = int(found.group(1)) if found else -1
        if found and run and number == last + 1:
            run.append(index)
        else:
            if len(run) >= _RUN:
                rows.update(run)
            run = [index] if found else []
        last = number
    if len(run) >= _RUN:
        rows.update(run)
    return rows


def row_number_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each row number of `text` is."""
    lines = text.split("\n")
    rows = numbered_rows(lines)
    offset = 0
    for index, line in enumerate(lines):
        if index in rows:
            found = ROW_NUMBER.match(line)
            if found is not None:
                yield offset + found.start(1), offset + found.end(1)
        offset += len(line) + 1


def without_row_number(line: str) -> str:
    """The line with its row number taken off."""
    return ROW_NUMBER.sub("", line, count=1)
