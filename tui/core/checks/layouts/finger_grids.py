"""Grids of finger joints: a heading line naming joint columns over one row per digit,
space-aligned ("MP  PIP  DIP  TAM" over "Index R  0/78  -15/82  -10/44  179°"), or a Markdown
table the table layer rewrote as rows ("Digit Index; MCP 0/85, PIP -10/95, DIP 0/60, TAM 230.").

Hand therapists chart each digit's joints this way: the column names the joint, the row the digit
and often the side, and a cell holds the joint's two ends (extension/flexion, a negative extension
a joint short of neutral) or one angle; a TAM or TPM column holds the digit's summed motion. Read
as prose a row's pair after the digit's name looks like a score ("Ring L 10/70") and a cell loses
its column. A grid is read only under a legend or caption naming a range of motion (or with a
pair shaped as an arc), never under one naming an orthosis's settings or an exercise's dose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import data_table, rom_words
from tui.core.checks.measures import bracket_headings, labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.lexicon import SIDE_NAMES
from tui.core.checks.text.scan import Scanner

# A small joint bends no further than this; its extension end is within this of neutral.
_MOST_FLEXION = 120
_MOST_EXTENSION = 60
# The line above a heading that holds the grid's legend ("AROM (ext/flex, degrees)") when the
# heading's own line names nothing before its columns.
_LEGEND_LINES = 1
_DEGREES = re.compile(r"°|\bdeg(?:rees?)?\b", re.IGNORECASE)
# One cell: an angle, or a pair of ends, each with an optional degree sign.
# A cell may carry an earlier angle in square brackets ("10 [40]" under a legend saying the
# brackets hold the pre-op values): read only where the legend says so (`_read_bracketed`).
_CELL = re.compile(
    r"(?P<a>-?\d{1,3})(?:[ \t]*(?:°|deg\b))?"
    r"(?:[ \t]*/[ \t]*(?P<b>-?\d{1,3})(?:[ \t]*(?:°|deg\b))?)?"
    r"(?:[ \t]*\[[ \t]*(?P<c>-?\d{1,3})(?:[ \t]*(?:°|deg\b))?[ \t]*\])?"
    r"(?=[ \t,.;]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_GAP = re.compile(r"[ \t]*[,;]?[ \t]*")
_WORD = re.compile(r"[A-Za-z]{2,}")
# A row's side, before or after the digit's name ("R Index", "Index (L)"); a row's and a
# rewritten table row's pattern share it.
_SIDE = r"(?:R|L|rt|lt|right|left|\((?:R|L)\))"


@dataclass(frozen=True)
class _Grid:
    """What a grid's heading and legend say of every row: its columns, side, mode and the order
    of a cell's pair."""

    columns: tuple[labels.Parts, ...]
    side: str
    mode: str
    motion: str
    flexion_first: bool


@cache
def _column() -> str:
    """A column a grid's heading may name: a finger joint (the joints digit rows give, one
    list in columns.toml [digit_rows]) or a column of the grid's own (a motion summed)."""
    joints = data_table("digit_rows").get("joints", ())
    return either((*joints, *data_table("finger_grids").get("columns", ())))


@cache
def _heading() -> re.Pattern[str]:
    """A line ending in two or more joint columns, with a caption or a digit column's name
    before them."""
    column = _column()
    return re.compile(
        rf"(?m)^(?P<caption>[^\n\d|]{{0,60}}?)(?<![^\s])(?P<columns>(?:{column})"
        rf"(?:[ \t]+(?:{column})){{1,6}})[ \t]*$"
    )


@cache
def _row() -> re.Pattern[str]:
    """A row's start: a bullet, the digit's name and its side, up to its first cell; the
    caption a layer wrote before each row of a space-aligned table ("AROM (ext/flex, degrees)
    Index R 0/78") may come first."""
    digit = either(data_table("digit_rows").get("digits", ()))
    return re.compile(
        rf"[ \t]*(?:[^\n\d]{{0,60}}?[ \t])??(?:[-*\u2022][ \t]*)?"
        rf"(?P<name>(?:{_SIDE}[ \t]+)?(?:{digit})(?:[ \t]+{_SIDE})?)[ \t]*:?[ \t]+(?=-?\d)"
    )


@cache
def _not_motion() -> re.Pattern[str]:
    return whole_words(data_table("finger_grids").get("not_motion", ()))


@cache
def _flexion_first() -> re.Pattern[str]:
    return re.compile(either(data_table("finger_grids").get("flexion_first", ())), re.IGNORECASE)


@cache
def _summed_max() -> int:
    return int(measures_section("rom").get("summed_max", 320))


def read_finger_grids(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every row of a space-aligned finger-joint grid, each cell as its column's joint (or
    summed motion) at the row's digit."""
    text = scanner.text
    for heading in _heading().finditer(text):
        caption = heading.group("caption")
        legend = caption if _WORD.search(caption) else _legend(text, heading.start())
        if _not_motion().search(legend):
            continue
        grid = _grid(legend, heading.group("columns").split())
        ruled = rom_words().search(legend) or _DEGREES.search(legend)
        pos = heading.end() + 1
        while pos < len(text) and (row := _row().match(text, pos)) is not None:
            line_end = text.find("\n", row.end())
            line_end = len(text) if line_end < 0 else line_end
            cells = _cells(text, row.end(), line_end, len(grid.columns))
            if cells is None:
                break
            if ruled or any(cell.group("b") for cell in cells):
                _read_row(scanner, facts, grid, row.group("name"), cells)
            pos = line_end + 1


@cache
def _table_row() -> re.Pattern[str]:
    """A Markdown row as the table layer rewrote it: the caption or the digit column's name,
    the digit, a semicolon, then each cell after its column's name ("Digit Index; MCP 0/85,
    PIP -10/95, DIP 0/60, TAM 230.")."""
    digit = either(data_table("digit_rows").get("digits", ()))
    cell = rf"(?:{_column()})[ \t]+-?\d{{1,3}}(?:°)?(?:/-?\d{{1,3}}(?:°)?)?"
    return re.compile(
        rf"(?m)^[ \t]*(?:[^\n\d;]{{0,60}}?[ \t])??(?P<name>(?:{_SIDE}[ \t]+)?(?:{digit})"
        rf"(?:[ \t]+{_SIDE})?);[ \t]*(?P<cells>{cell}(?:,[ \t]*{cell})+)\.?[ \t]*$"
    )


_NAMED_CELL = re.compile(r"(?P<column>[A-Za-z]+)[ \t]+(?=-?\d)")


def read_finger_table_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every rewritten row of a Markdown finger-joint table, each cell as the joint its name
    gives, under the caption above the table's first row."""
    text = scanner.text
    legend = ""
    last_end = -2
    for row in _table_row().finditer(text):
        if row.start() != last_end + 1:
            legend = _legend(text, row.start(), skip_blank=True)
        last_end = row.end()
        if _not_motion().search(legend):
            continue
        names: list[str] = []
        cells: list[re.Match[str]] = []
        for named in _NAMED_CELL.finditer(text, row.start("cells"), row.end("cells")):
            cell = _CELL.match(text, named.end(), row.end("cells"))
            if cell is None:
                break
            names.append(named.group("column"))
            cells.append(cell)
        grid = _grid(legend, names)
        ruled = rom_words().search(legend) or _DEGREES.search(legend)
        if ruled or any(cell.group("b") for cell in cells):
            _read_row(scanner, facts, grid, row.group("name"), cells)


_MOST_BLANK = 4


def _legend(text: str, start: int, *, skip_blank: bool = False) -> str:
    """The few lines above a heading, where a grid's legend is written; with `skip_blank`,
    the blank lines a table's rewritten heading and rule left count for nothing."""
    begin, lines, blank = start, 0, 0
    while begin > 0 and lines < _LEGEND_LINES:
        above = text.rfind("\n", 0, begin - 1) + 1
        if skip_blank and not text[above:begin].strip() and blank < _MOST_BLANK:
            blank += 1
        else:
            lines += 1
        begin = above
    return text[begin:start]


def _grid(legend: str, names: Sequence[str]) -> _Grid:
    parts = labels.parts_of(legend)
    return _Grid(
        columns=tuple(labels.parts_of(name) for name in names),
        side=parts.side,
        mode=parts.mode,
        motion=parts.motion if parts.motion in ("flexion", "extension") else "",
        flexion_first=_flexion_first().search(legend) is not None,
    )


def _cells(text: str, start: int, end: int, count: int) -> list[re.Match[str]] | None:
    """A row's cells, as many as the grid's columns, then nothing but a remark (a bracket or
    words, never another number); None when the row does not fit the grid."""
    cells: list[re.Match[str]] = []
    pos = start
    while len(cells) < count:
        cell = _CELL.match(text, pos, end)
        if cell is None:
            return None
        cells.append(cell)
        gap = _GAP.match(text, cell.end(), end)
        pos = gap.end() if gap is not None else cell.end()
    rest = text[pos:end].lstrip()
    if rest[:1].isdigit() or (rest[:1] == "-" and rest[1:2].isdigit()):
        return None
    return cells


def _read_row(
    scanner: Scanner,
    facts: list[Fact],
    grid: _Grid,
    name: str,
    cells: Sequence[re.Match[str]],
) -> None:
    row = labels.parts_of(name)
    side = row.side or grid.side
    digit = " ".join(word for word in re.split(r"[\s()]+", name) if word and not _side_word(word))
    for column, cell in zip(grid.columns, cells, strict=True):
        spans = [cell.span("a"), *([cell.span("b")] if cell.group("b") else [])]
        if not all(scanner.free(*span) for span in spans):
            continue
        at = _Cell(scanner, facts, grid, cell, side, digit)
        if column.motion:
            _read_summed(at, column.motion)
        elif cell.group("b"):
            _read_arc(at, column.joint)
        else:
            _read_angle(at, column.joint)
            _read_bracketed(at, column.joint)


def _side_word(word: str) -> bool:
    return word.lower() in SIDE_NAMES


@dataclass(frozen=True)
class _Cell:
    """One cell of a digit's row, with what its readings need: where to emit them and the
    row's side and digit for their labels."""

    scanner: Scanner
    facts: list[Fact]
    grid: _Grid
    match: re.Match[str]
    side: str
    digit: str

    def label(self, joint: str, motion: str) -> str:
        return labels.join(self.side, self.digit, joint, motion, self.grid.mode)


def _read_summed(at: _Cell, motion: str) -> None:
    """A digit's total motion: one angle up to the summed maximum."""
    value = int(at.match.group("a"))
    if at.match.group("b") or not 0 < value <= _summed_max():
        return
    at.scanner.emit(at.facts, "rom", value, at.match.span("a"), at.label("", motion))


def _read_arc(at: _Cell, joint: str) -> None:
    """A cell's two ends, extension then flexion unless the legend says otherwise; an
    extension at neutral is read as 0 (the sets allow it, as the aligned lists read it)."""
    first, second = ("b", "a") if at.grid.flexion_first else ("a", "b")
    extension, flexion = int(at.match.group(first)), int(at.match.group(second))
    if not (abs(extension) <= _MOST_EXTENSION and max(extension, 0) < flexion <= _MOST_FLEXION):
        return
    _emit_signed(at.scanner, at.facts, at.match.span(first), at.label(joint, "extension"))
    at.scanner.emit(at.facts, "rom", flexion, at.match.span(second), at.label(joint, "flexion"))


def _read_angle(at: _Cell, joint: str) -> None:
    """One angle: a negative one is the joint short of extension; another is the motion the
    legend names, or flexion."""
    value = int(at.match.group("a"))
    if value < 0:
        if -value <= _MOST_EXTENSION:
            _emit_signed(at.scanner, at.facts, at.match.span("a"), at.label(joint, "extension"))
    elif value <= _MOST_FLEXION:
        label = at.label(joint, at.grid.motion or "flexion")
        at.scanner.emit(at.facts, "rom", value, at.match.span("a"), label)


def _read_bracketed(at: _Cell, joint: str) -> None:
    """The earlier angle a cell keeps in square brackets after today's ("35 [70]"), read as
    the joint's previous value where the legend says the brackets hold an earlier time
    ("pre-op values ... in brackets"); any other bracket is left unread."""
    if not at.match.group("c") or not at.scanner.free(*at.match.span("c")):
        return
    start = at.match.start("c")
    if not bracket_headings.earlier_bracket(at.scanner, start):
        return
    value = int(at.match.group("c"))
    if 0 <= value <= _MOST_FLEXION:
        label = at.label(joint, at.grid.motion or "flexion") + f" {labels.PREVIOUS}"
        at.scanner.emit(at.facts, "rom", value, at.match.span("c"), label)


def _emit_signed(scanner: Scanner, facts: list[Fact], span: tuple[int, int], label: str) -> None:
    """An extension end: a minus sign is the joint short of neutral, written as the angle
    missing with "(deficit)" as the other readers write it."""
    number = int(scanner.text[span[0] : span[1]])
    if number < 0:
        scanner.emit(facts, "rom", -number, span, label + " (deficit)")
    else:
        scanner.emit(facts, "rom", number, span, label)
