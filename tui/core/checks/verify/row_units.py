"""Bare numbers in a note's row that take their unit from the row, backing a draft's measured value.

A tape or dynamometer table writes its cells without a unit ("| 12 cm | 26.4 | 23.1 | 22.0 |",
"20 cm  28.8 / 25.0"), so its reader leaves them unread, and the draft made from it writes
"12 cm 26.4 to 23.1 cm". The draft's value is the note's when the note writes the number bare
on a line that gives its unit class to another value, the draft's clause (its sentence cut at
semicolons too) copies two or more of the line's bare cells side by side and in their order
("26.4 to 23.1" from "| 26.4 | 23.1 |"), and the two are about the same thing: a describing
word or a landmark quantity ("12 cm") in common, and no other side named. A draft that swaps
two cells, or gives a cell from further along the row ("26.4 to 22.0"), is not backed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.core.checks.measures import labels
from tui.core.checks.text.lexicon import UNIT_CLASSES
from tui.core.checks.verify.kinship import describing_words
from tui.core.checks.verify.lines import line_at, part_at

_QUANTITY = re.compile(
    r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in UNIT_CLASSES.items())
    + ")",
    re.IGNORECASE,
)
# Where a clause ends inside a line: a semicolon, or a full stop that is no decimal point.
_CLAUSE_END = re.compile(r";|\.(?!\d)")


def _clause_at(text: str, position: int) -> str:
    """The clause holding `position`: its line cut at semicolons and full stops."""
    return part_at(text, position, _CLAUSE_END)


_BARE = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?(?![\d.])")


def _bare_numbers(text: str) -> list[float]:
    """The numbers of `text` in order, those written with a unit left out."""
    held = [match.span(1) for match in _QUANTITY.finditer(text)]
    return [
        float(match.group())
        for match in _BARE.finditer(text)
        if not any(start <= match.start() < end for start, end in held)
    ]


def _copies_cells(clause: str, line: str, value: float) -> bool:
    """The clause's numbers that are bare cells of the line hold `value` and at least one
    other, and are side by side in the line in the clause's order."""
    cells = _bare_numbers(line)
    copied = [number for number in _numbers(clause) if number in cells]
    if value not in copied or len(copied) < 2:
        return False
    return any(cells[at : at + len(copied)] == copied for at in range(len(cells) - len(copied) + 1))


def _numbers(text: str) -> list[float]:
    return [float(match.group()) for match in _BARE.finditer(text)]


def _quantities(text: str) -> set[tuple[str, float]]:
    """Each number written with a unit in `text`, as its unit's class and value."""
    found = set()
    for match in _QUANTITY.finditer(text):
        unit_class = next(name for name, unit in match.groupdict().items() if unit is not None)
        found.add((unit_class, float(match.group(1))))
    return found


def _about(text: str, value: float) -> set[object]:
    """What a line or clause says a value is of: its describing words and the quantities in it
    other than the value itself (a landmark, "12 cm")."""
    return {
        *describing_words(text),
        *((unit_class, number) for unit_class, number in _quantities(text) if number != value),
    }


def row_backs(
    draft_text: str,
    at: int,
    value: float,
    unit_class: str,
    side: str,
    note_text: str,
    starts: Iterable[int],
) -> bool:
    """True when one of the note's bare writings of `value` (at `starts`) is on a line that
    gives `unit_class` to another value, names no side other than `side`, shares a describing
    word or a landmark with the draft's clause at `at`, and whose bare cells the clause copies
    side by side."""
    clause = _clause_at(draft_text, at)
    about = _about(clause, value)
    for start in starts:
        line, _ = line_at(note_text, start)
        if not any(found == unit_class for found, _ in _quantities(line)):
            continue
        named = labels.parts_of(line).side
        if side and named and named.lower() != side.lower() and "bilateral" not in (named, side):
            continue
        if about & _about(line, value) and _copies_cells(clause, line, value):
            return True
    return False
