"""A unit written once after a list of values: "Grip R 28 L 24 kg", "22 and 18 kg", "6, 5 and 5
kg", "12.4 and 11.8 s".

Every value of the list is in the unit, but read as prose only the last has it, and a reader
that needs a unit (a force for grip, a time for a timed test) loses the others. Each bare value
of such a list is written for reading with the unit after it ("R 28 kg L 24 kg"), mapped to the
unit the note wrote. A list is values joined by a comma, "and" or "&", or set apart by a side
("R 28 L 24 kg", a side before the first value too), the last one followed by a unit of force,
time, length or angle; commas alone ("Age 72, 168 cm") do not make a list, since they part
different things as often; a slash list ("14/16/18 kg", loads or a date) and a count ("3 x 10")
are no such list. The search is anchored on the unit after a number, so a note is read in linear
time.
"""

from __future__ import annotations

import re

from tui.core.checks.text.pieces import Piece

_NUM = r"\d{1,4}(?:\.\d+)?"
_SIDE = r"(?:R|L|rt|lt|right|left)"
_JOIN = rf"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+|[ \t]+{_SIDE}:?[ \t]+)"
_UNIT = r"(?:kg|lbs?|secs?|s|cm|mm|m/s|m|ft|deg|°)"
# The list: values each followed by a joint, then the last value and its unit.
_LIST = re.compile(
    rf"(?<![\w./:-])((?:{_NUM}{_JOIN}){{1,5}}){_NUM}[ \t]*(?P<unit>{_UNIT})(?![\w/])",
    re.IGNORECASE,
)
_SIDE_JOIN = re.compile(rf"[ \t]+{_SIDE}:?[ \t]+", re.IGNORECASE)
# A side right before the list's first value: "Grip R 28 L 24 kg".
_SIDE_FIRST = re.compile(rf"(?<![\w/]){_SIDE}:?[ \t]+\Z", re.IGNORECASE)
_ITEM = re.compile(rf"({_NUM})({_JOIN})", re.IGNORECASE)


def shared_unit_pieces(text: str) -> list[Piece]:
    """Pieces writing the unit after each bare value of a list that writes it once."""
    pieces: list[Piece] = []
    for found in _LIST.finditer(text):
        unit = found.group("unit")
        glue = "" if unit == "°" else " "
        start, end = found.span("unit")
        items = list(_ITEM.finditer(found.group(1)))
        if all(item.group(2).strip() == "," for item in items):
            continue  # "Age 72, 168 cm": values set apart by commas only may be of two things
        sided = any(_SIDE_JOIN.fullmatch(item.group(2)) for item in items)
        if sided and not _SIDE_FIRST.search(text, max(0, found.start() - 8), found.start()):
            continue  # "figure of 8 right 17.2 cm": a side opens the second value only
        for item in items:
            at = found.start(1) + item.end(1)
            pieces.append(Piece(at, at, f"{glue}{unit}", start, end))
    return pieces
