"""Girth blocks: a heading that names a girth (GIRTH_WORDS, or a heading name in measures.toml
[girth_blocks]) over rows of landmarks and tape measures.

    Circumference, landmarks from medial malleolus:      GIRTH (cm), 0 = sup pole of patella
      Ankle (0 cm): L 24.6 cm, R 22.1 cm                        Right   Left
      24 cm (mid-calf): L 40.2 cm, R 35.9 cm              -30   33.8    30.2
                                                          +10   49.7    47.0

The heading names the kind of every row under it, so a row's values are girths even where no
girth word is on their line; the row's first part (a landmark, a distance from one: "12 cm",
"-30", "@ 10 cm", "Figure-of-8", "10 cm prox to olecranon") says where the tape was and is never
a value. Each value takes the side written before it, else the side of its column in a header
line ("Right  Left", "Site | Right (cm) | Left (cm) | Diff (cm)"), else the side of its place in
a legend in the heading ("Hand edema, R / L:"), else the one side the heading names; a column
headed by an earlier time ("L at eval") holds earlier girths. A value that is the difference of
two others of its row (a Diff column), or a lone row equal to an earlier row's difference, is no
girth: told by the arithmetic, not by the column's name. A row holding a value
in another unit (a volume in mL, a percent excess) ends the block: it is not a tape measure.
The lines are walked once, each row read once, so the pass is linear in the note's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import earlier_row, says_earlier
from tui.core.checks.layouts.girth_rows import IN_NAME, block_positions
from tui.core.checks.layouts.girth_words import FIGURE_OF_8, GIRTH_WORDS
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

_SIDE_TOKEN = re.compile(rf"(?<![\w-]){SIDE_WORD}(?![\w-])", re.IGNORECASE)
_FIGURE_OF_8 = re.compile(FIGURE_OF_8, re.IGNORECASE)
_DECIMAL = re.compile(r"\d\.\d")
# A value with its side ("R 24"): a heading holding one is a sentence of values, no heading.
_SIDED = re.compile(rf"(?<![\w-]){SIDE_WORD}[ \t]*:?[ \t]*\d", re.IGNORECASE)
# The unit the heading gives its rows: "(cm)", "(all cm)", "in cm", "(inches)".
_HEADING_UNIT = re.compile(r"(?:\(|\bin[ \t]+)(?:all[ \t]+)?(cm|mm|in|inches)\b", re.IGNORECASE)
# Where the tape was, named in a heading: "every 10 cm", "0 = ulnar styloid", "4 cm intervals".
_HEADING_PLACE = re.compile(r"[-+]?\d{1,3}(?:\.\d)?(?=[ \t]*(?:cm\b|mm\b|in\b|=))", re.IGNORECASE)
# A heading that is only a title: the girth word and a few words after it, no sentence.
_TITLE = re.compile(r"[ \t]*(?:[A-Za-z()/-]+[ \t]*){0,3}:?[ \t]*")
# What may open a line before its heading word: a bullet, a section's name ("O:", "Objective:").
_LINE_LEAD = re.compile(r"[ \t]*(?:[-*\u2022>#]+[ \t]*)?(?:[A-Za-z][A-Za-z /]{0,24}:[ \t]*)?")
# The cells of a row or of a column header: split at a bar, a tab or two spaces or more.
_CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+[ \t]*|[ \t]{2,}")
_ROW_LEAD = re.compile(r"[ \t]*(?:[-*\u2022>][ \t]+)?")
# One value of a row: a side before it, the number, and the unit after it. A decimal, or a whole
# number of two or three digits (a girth is never a single digit whole number).
_VALUE = re.compile(
    rf"(?<![\w.+-])(?:(?P<side>{SIDE_WORD})(?![\w-])[ \t]*[:=]?[ \t]*)?"
    r"(?P<num>\d{1,3}\.\d{1,2}|\d{2,3})(?![\d.])"
    r"(?:[ \t]*(?P<unit>cm|mm|in\b|\"))?"
    # or a side written after it: "36.2 (R)", "34.0 L" (a side then a number is the next's)
    rf"(?:[ \t]*\((?P<after>{SIDE_WORD})\)"
    rf"|[ \t]+(?P<bare>{SIDE_WORD})(?![\w-])(?![ \t]*:?[ \t]*\d))?",
    re.IGNORECASE,
)
# A unit after a number that says it is no tape measure: a volume, a percentage, a weight, an angle.
_OTHER_UNIT = re.compile(
    r"[ \t]*(?:%|m[lL]\b|cc\b|L\b(?![ \t]*\d)|kg\b|lbs?\b|°|deg|mmHg|s\b|sec|min\b|ft\b|feet|m\b"
    r"|/[ \t]*\d{1,3}(?![\d.]))"
)
# The end of a row's landmark when the row is one cell: a colon, or the first value with a side
# before it, or the first decimal.
_LANDMARK_END = re.compile(
    rf":[ \t]+|(?<![\w-]){SIDE_WORD}(?![\w-])[ \t]*[:=]?[ \t]*\d|(?<![\w.])\d{{1,3}}\.\d",
    re.IGNORECASE,
)
# A column's name in brackets before a value, as a table is read out ("(Visit 1) (previous) 32.5
# cm; (Today) 30.8 cm"): it names the value's column, and may make it an earlier one.
_BRACKETED = re.compile(r"\([^()\n]{1,30}\)")
# A word between two values of a row (a side is read with its value, a unit with its number).
_WORD = re.compile(r"[A-Za-z]{2,}")
_MAX_ROWS = 40
# Two lengths written to a tenth (or a hundredth) are the same within this.
_SAME = 0.051
_MAX_LANDMARK = 48
_LARGEST = 250.0


@cache
def _heading() -> re.Pattern[str]:
    data = measures_section("girth_blocks")
    names = "|".join(re.escape(str(name)) for name in data.get("headings", []))
    words = GIRTH_WORDS if not names else rf"(?:{GIRTH_WORDS}|\b(?:{names})\b)"
    return re.compile(words, re.IGNORECASE)


@dataclass(frozen=True)
class _Column:
    """A column of girths: its side, and whether its header names an earlier time ("L at eval")."""

    side: str
    earlier: bool = False


@dataclass(frozen=True)
class _Head:
    """What a girth heading says of the rows under it."""

    name: str
    legend: tuple[str, ...]
    unit: str
    title: bool = False
    columns: tuple[_Column, ...] = ()


def read_girth_blocks(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Girths in the rows under each girth heading of the note."""
    text = scanner.text
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        head = _head(scanner, pos, end)
        line, pos = (pos, end), end + 1
        if head is not None and (after := _read_rows(scanner, facts, head, pos)) > pos:
            for place in _HEADING_PLACE.finditer(text, *line):
                scanner.block(*place.span())  # "every 10 cm", "0 = ulnar styloid": the tape's
            pos = after


def _head(scanner: Scanner, start: int, end: int) -> _Head | None:
    """The heading on the line [start, end): a girth word, no value of its own (no decimal)."""
    text = scanner.text
    if scanner.in_header(start) or end - start > 200:
        return None
    word = _heading().search(text, start, end)
    if word is None or _DECIMAL.search(text, start, end) or _SIDED.search(text, start, end):
        return None
    title = _TITLE.fullmatch(text, word.end(), end) is not None
    lead = _LINE_LEAD.match(text, start, end)
    if not (
        title or text[start:end].rstrip().endswith(":") or (lead and lead.end() == word.start())
    ):
        return None  # a sentence that names a swelling, no heading over rows
    line = text[word.start() : end]
    sides = [labels.side_name(m.group()) for m in _SIDE_TOKEN.finditer(line)]
    unit = _HEADING_UNIT.search(line)
    return _Head(
        name=word.group().lower(),
        legend=tuple(dict.fromkeys(sides)),
        unit=_unit(unit.group(1)) if unit else "cm",
        title=title,
    )


def _unit(word: str) -> str:
    lowered = word.lower()
    return "in" if lowered in ("in", "inches", '"') else lowered


def _read_rows(scanner: Scanner, facts: list[Fact], head: _Head, pos: int) -> int:
    """The rows from `pos` on, a column header first if there is one; returns where the block
    ends (the line after its last row), or `pos` when no row follows the heading."""
    text = scanner.text
    start = pos
    indent = -1
    offsets: set[str] = set()
    earlier: list[_Row] = []
    for _ in range(_MAX_ROWS):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if indent < 0 and pos == end and head.title and pos == start:
            pos = end + 1  # a table's header line, left blank when the table was read out
            continue
        if indent < 0 and not head.columns and (columns := _columns(text, pos, end)):
            unit = _table_unit(text, pos, end, head.unit)
            head = _Head(head.name, head.legend, unit, head.title, columns)
            pos = end + 1
            continue
        row = _row(scanner, head, pos, end)
        margin = len(text[pos:end]) - len(text[pos:end].lstrip(" \t"))
        if row is None or margin < indent or _difference_row(row, earlier):
            break
        earlier.append(row)
        indent = margin if indent < 0 else indent
        _emit(scanner, facts, head, row)
        offsets.update(IN_NAME.findall(text, *row.landmark))
        pos = end + 1
        if pos >= len(text):
            break
    if len(offsets) > 1:
        block_positions(scanner, offsets, (start, pos))  # "volume (0-60 cm)": the same marks
    return pos if indent >= 0 else start


def _columns(text: str, start: int, end: int) -> tuple[_Column, ...]:
    """The side and time of each column of a header line of two cells or more with no digits
    ("Right   Left", "Site | R (cm) | L (cm) | Diff", "Site  Today  Eval"); () when the line
    is no such header (it names no side and no earlier time)."""
    line = text[start:end]
    if not line.strip() or any(ch.isdigit() for ch in line):
        return ()
    columns = []
    for cell in _cells(line):
        named = {labels.side_name(m.group()) for m in _SIDE_TOKEN.finditer(cell)}
        columns.append(_Column(named.pop() if len(named) == 1 else "", says_earlier(cell)))
    if len(columns) < 2 or not any(column.side or column.earlier for column in columns):
        return ()
    return tuple(columns)


def _table_unit(text: str, start: int, end: int, unit: str) -> str:
    found = _HEADING_UNIT.search(text, start, end)
    return _unit(found.group(1)) if found else unit


def _cells(line: str) -> list[str]:
    return [cell for cell in _CELL_SPLIT.split(line.strip().strip("|")) if cell.strip()]


@dataclass(frozen=True)
class _Row:
    landmark: tuple[int, int]
    values: list[tuple[re.Match[str], str, bool]]
    skipped: list[tuple[int, int]]


def _row(scanner: Scanner, head: _Head, start: int, end: int) -> _Row | None:
    """One landmark row: its landmark, its girths with their sides, and the numbers of columns
    that hold no girth; None when the line is no row of the block."""
    text = scanner.text
    lead = _ROW_LEAD.match(text, start, end)
    begin = lead.end() if lead else start
    if begin >= end:
        return None
    if head.columns:
        return _table_row(scanner, head, begin, end)
    stop = _LANDMARK_END.search(text, begin, end)
    if stop is None or stop.start() - begin > _MAX_LANDMARK:
        return None
    landmark = (begin, stop.start())
    word = _heading().search(text, *landmark)
    if word and not _FIGURE_OF_8.fullmatch(word.group()):
        return None  # a girth word of its own: a sentence of its own, no row of the block
    named = labels.sides_named(text[slice(*landmark)])
    if len(named) > 1:
        return None  # "L > R by 3.3 cm": a difference between the sides, no landmark
    legend = tuple(named) or head.legend
    # a row named by an earlier visit or a date ("Prior (12/29):") holds that visit's girths
    dated = earlier_row().match(text, begin, stop.start()) is not None
    values: list[tuple[re.Match[str], str, bool]] = []
    pos = stop.end() if stop.group().startswith(":") else stop.start()
    for index, value in enumerate(_VALUE.finditer(text, pos, end)):
        gap = text[values[-1][0].end() if values else pos : value.start()]
        if _WORD.search(_BRACKETED.sub(" ", gap)):
            if not values:
                return None  # "Operator: MLA  Segment: wrist to 40 cm": no landmark's values
            break  # "..., change of 1.4 cm": words between values start another clause
        earlier = dated or any(says_earlier(words) for words in _BRACKETED.findall(gap))
        if _OTHER_UNIT.match(text, value.end()) or not _plausible(value):
            return None
        written = value.group("side") or value.group("after") or value.group("bare")
        side = labels.side_name(written) if written else ""
        if not side and len(legend) > 1 and index < len(legend):
            side = legend[index]
        if not side and len(legend) == 1:
            side = legend[0]
        values.append((value, side, earlier))
    return _Row(landmark, values, []) if values else None


def _table_row(scanner: Scanner, head: _Head, begin: int, end: int) -> _Row | None:
    """A row under a column header: its first cell the landmark, each other cell one value
    with the side of its column."""
    text = scanner.text
    cuts = [begin]
    for split in _CELL_SPLIT.finditer(text, begin, end):
        if split.start() > cuts[-1]:
            cuts.append(split.end())
    if len(cuts) < 2:
        return None
    landmark = (cuts[0], _CELL_SPLIT.search(text, cuts[0], end).start())  # type: ignore[union-attr]
    columns = head.columns[1:] if len(cuts) == len(head.columns) else head.columns
    if len(cuts) - 1 != len(columns):
        return None
    named = labels.sides_named(text[slice(*landmark)])
    side = named.pop() if len(named) == 1 else ""
    found: list[tuple[re.Match[str], str, bool]] = []
    for cell_start, column in zip(cuts[1:], columns, strict=True):
        value = _VALUE.match(text, cell_start, end)
        if value is None or _OTHER_UNIT.match(text, value.end()) or not _plausible(value):
            return None
        found.append((value, column.side or side, column.earlier))
    differences = _differences([float(value.group("num")) for value, _, _ in found])
    values = [item for index, item in enumerate(found) if index not in differences]
    skipped = [found[index][0].span("num") for index in differences]
    return _Row(landmark, values, skipped) if values else None


def _difference_row(row: _Row, earlier: list[_Row]) -> bool:
    """A row of one value of no side that is the difference of two values of one row before it
    ("Difference at joint line 2.5 cm" under "Joint line  R 41.0 cm  L 38.5 cm"): no girth."""
    if len(row.values) != 1 or row.values[0][1]:
        return False
    number = float(row.values[0][0].group("num"))
    for before in earlier:
        numbers = [float(value.group("num")) for value, _, _ in before.values]
        if len(numbers) in _differences([*numbers, number]):
            return True
    return False


def _differences(numbers: list[float]) -> set[int]:
    """The places of the numbers that are the difference of two others of the row (a Diff
    column, "L - R"): no girth. A row holds a few numbers, so the three loops stay short."""
    found = set()
    for index, number in enumerate(numbers):
        others = [other for place, other in enumerate(numbers) if place != index]
        if any(
            abs(abs(a - b) - number) < _SAME
            for place, a in enumerate(others)
            for b in others[place + 1 :]
        ):
            found.add(index)
    return found


def _plausible(value: re.Match[str]) -> bool:
    return 2.0 <= float(value.group("num")) <= _LARGEST


def _emit(scanner: Scanner, facts: list[Fact], head: _Head, row: _Row) -> None:
    """The row's girths, labelled with the heading's word and the row's landmark."""
    text = scanner.text
    scanner.block(*row.landmark)  # where the tape was: a landmark, never a value
    for span in row.skipped:
        scanner.block(*span)  # a column of no side (L - R): no girth
    where = labels.without_sides(text[slice(*row.landmark)].strip(" \t:-|.([")).strip()
    for value, side, earlier in row.values:
        span = value.span("num")
        if not scanner.free(*span):
            continue
        unit = _unit(value.group("unit")) if value.group("unit") else head.unit
        label = labels.join(side, head.name, f"at {where}" if where else "")
        label += " (previous)" if earlier else ""
        scanner.emit(facts, "girth", to_number(value.group("num")), span, label, unit=unit)
