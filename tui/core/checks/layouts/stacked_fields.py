"""A form exported from a PDF or a portal: a field's label on one line and its value on the
next ("Timed Up and Go (s)" over "13.6"; "Nine-Hole Peg Test (s)" over one indented line of
both sides' values, "  R: 24.8 s   L: 71.3 s"), a row of labels over a row of values ("Current
Worst past week   Goal" over "3   6   ____", under a caption naming what they rate), and two
fields sharing a line, set apart by a wide gap ("R  24    L  19").

Each is written as a note writes a field ("Timed Up and Go (s): 13.6", "Pain Rating (0-10):
Current 3; Worst past week 6; Goal ____", "R 24; L 19"), so the readers take each value with
its own label. Lines that belong to a table are the table's (`grids`). Every line is looked at
once, with the line before it.
"""

from __future__ import annotations

import re

from tui.core.checks.layouts.grids import grids
from tui.core.checks.text.pieces import Piece, applied

# A value standing alone: a number with its unit or denominator ("13.6", "0.84 m/s", "41/56").
_VALUE = r"[<>~]?-?\d+(?:\.\d+)?(?:[ \t]*(?:/[ \t]*\d+(?:\.\d+)?|%|°|[A-Za-z][A-Za-z/]{0,5}\.?))?"
_VALUE_LINE = re.compile(rf"^[ \t]*{_VALUE}[ \t]*$")
# A blank form field ("____", "N/A", "--"), which fills a value's place in a row of values.
_BLANK = re.compile(r"^(?:_{2,}|-{1,3}|N/?A|n/?a|\[[ \t]*\])$")
# A label: words (a test's name may open with its number, "10 Meter Walk Test"), a bracket may
# give the scale or unit ("(0-10)", "(m/s)"); it may end in a colon; no sentence's full stop and
# no value of its own at its end.
_LABEL_LINE = re.compile(r"^[ \t]*(?:\d[^\n]*?)?[A-Za-z][^\n]*$")
_ENDS_IN_VALUE = re.compile(r"\d[ \t]*[%°]?[ \t]*$|[.!?;,][ \t]*$")
_BRACKETS = re.compile(r"\([^()\n]*\)")
_LABEL_WORDS = 10
# Cells of a row set apart by two spaces or more (a single space joins the words of a cell).
_CHUNK = re.compile(r"\S+(?: \S+)*")
# Two fields on one line: a value (its unit right after it), a wide gap of spaces, then the
# next field's label or code ("24    L  19", "20 min     97530 Therapeutic activities"); a tab
# parts a tab-separated row's cells, which its readers read.
_WIDE_GAP = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?(?:/\d+)?(?:[ ]?(?:%|°|[A-Za-z/]{1,5}\b))?"
    r"(?P<gap>[ ]{3,})(?=[A-Za-z]|\d{5}[ \t]+[A-Za-z])"
)
_LETTER = re.compile(r"[A-Za-z]")
# The longest line of both sides' values looked at (a print's line of two fields).
_SIDED_MOST = 160
# An indented line opening with a side and holding both sides' values ("  R: 24.8 s   L: 71.3 s").
_SIDED = re.compile(
    r"[ \t]+(?:R|Rt|right)\b[^\n]*?\d[^\n]*?(?<![\w])(?:L|Lt|left)\b[^\n]*?\d", re.IGNORECASE
)
# A column's start may sit a character or two off the one above it in an export.
_DRIFT = 2


def stacked_field_pieces(text: str) -> list[Piece]:
    """Rewrites joining each stacked label to its value and parting fields that share a line."""
    if "\n" not in text:
        return []
    tabled = _table_lines(text)
    lines = _lines(text)
    pieces: list[Piece] = []
    for index, (start, end) in enumerate(lines):
        if start in tabled:
            continue
        line = text[start:end]
        if index and lines[index - 1][0] not in tabled:
            before = text[lines[index - 1][0] : lines[index - 1][1]]
            pieces += _stacked(text, lines, index, before, line)
        pieces += _shared_line(start, line)
    return sorted(pieces, key=lambda piece: (piece.start, piece.end))


def joined_fields(text: str) -> str:
    """The text with each stacked label joined to its value, for a draft, which places a
    note's lines one by one (a label alone on its line would part from its value)."""
    return applied(text, stacked_field_pieces(text))


def _stacked(
    text: str, lines: list[tuple[int, int]], index: int, before: str, line: str
) -> list[Piece]:
    """The label line before a value line joined to it; a row of labels over a row of values
    (and the caption over them) written as one line of fields."""
    start, _ = lines[index]
    above_start, above_end = lines[index - 1]
    if (_VALUE_LINE.match(line) or _sided_line(text, lines, index)) and _label(before):
        joint = " " if before.rstrip().endswith(":") else ": "
        return [Piece(above_end, start + _indent(line), joint, above_end, start)]
    labels, values = list(_CHUNK.finditer(before)), list(_CHUNK.finditer(line))
    if len(labels) < 2 or len(labels) != len(values) or not _paired(labels, values):
        return []
    if index + 1 < len(lines):
        after = list(_CHUNK.finditer(text[lines[index + 1][0] : lines[index + 1][1]]))
        if len(after) == len(labels) and _paired(labels, after):
            return []  # a table's heading over its rows (read as a table), not one row of fields
    pieces = [Piece(above_start, start + values[0].start(), "", above_start, start)]
    caption = lines[index - 2] if index >= 2 else None
    if caption is not None and _label(text[caption[0] : caption[1]]):
        words = text[caption[0] : caption[1]].rstrip()
        joint = " " if words.endswith(":") else ": "
        pieces.insert(
            0, Piece(caption[0] + len(words), above_start, joint, caption[1], above_start)
        )
    for number, (label, value) in enumerate(zip(labels, values, strict=True)):
        at = start + value.start()
        if number:
            previous_end = start + values[number - 1].end()
            pieces.append(Piece(previous_end, at, "; ", previous_end, at))
        head = above_start + label.start()
        pieces.append(Piece(at, at, f"{label.group()} ", head, head + len(label.group())))
    return pieces


def _sided_line(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """An indented line of each side's value under a test's name ("Box and Block Test" over
    "  R (unaffected): 52     L (affected): 14"), the only such line under it: a block of
    several is a list of rows that its own readers read."""
    start, end = lines[index]
    if not _sided(text, start, end):
        return False
    if index + 1 < len(lines):
        after_start, after_end = lines[index + 1]
        return not _sided(text, after_start, after_end)
    return True


def _sided(text: str, start: int, end: int) -> bool:
    """The line from `start` to `end` is a short line of both sides' values (a long line is
    prose, and is not searched: the pattern's lazy runs would cost its length squared)."""
    return end - start <= _SIDED_MOST and _SIDED.match(text, start, end) is not None


def _paired(labels: list[re.Match[str]], values: list[re.Match[str]]) -> bool:
    """True when each label heads the value under it (their columns start together) and every
    value is a value or a blank field, one of them at least a number."""
    if not all(abs(a.start() - b.start()) <= _DRIFT for a, b in zip(labels, values, strict=True)):
        return False
    if not all(_label(label.group()) for label in labels):
        return False
    cells = [value.group() for value in values]
    return all(_VALUE_LINE.match(cell) or _BLANK.match(cell) for cell in cells) and any(
        _VALUE_LINE.match(cell) for cell in cells
    )


def _label(line: str) -> bool:
    """A line that can be a field's label: words, no value at its end, not a sentence."""
    if not _LABEL_LINE.match(line) or _ENDS_IN_VALUE.search(_BRACKETS.sub("", line).rstrip(": ")):
        return False
    return len(line.split()) <= _LABEL_WORDS


def _shared_line(start: int, line: str) -> list[Piece]:
    """Two fields on one line ("R  24    L  19", "11.8       Norm (age 70-79): 12.6"): the
    wide gap after a value, before the next field's label, written as "; "."""
    if "   " not in line or "\t" in line:
        return []
    pieces = []
    field = 0
    for gap in _WIDE_GAP.finditer(line):
        # a field is a label, then its value: values standing first ("26.0 | 22.5   ankle")
        # are a row whose name follows them, not two fields
        if _LETTER.search(line, field, gap.start()):
            low, high = start + gap.start("gap"), start + gap.end("gap")
            pieces.append(Piece(low, high, "; ", low, high))
        field = gap.end()
    return pieces


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _table_lines(text: str) -> set[int]:
    """The starts of the lines that belong to a table."""
    found: set[int] = set()
    for grid in grids(text):
        found |= {start for start, _ in grid.lines}
        found |= {start for start, _ in grid.rules}
    return found


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's start and end (without its line end)."""
    found = []
    start = 0
    for line in text.split("\n"):
        found.append((start, start + len(line)))
        start += len(line) + 1
    return found
