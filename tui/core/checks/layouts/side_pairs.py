"""Rows of a pair of values under a heading that names the pair's sides: "Shoulder AROM (R / L),
degrees:" over "flexion   120 / 165", "Grip (R | L), kg:" over "position 2   18.5 | 27.0".

The heading says once which side each column holds and, often, the unit; each row gives only a
name and two numbers, so read as prose neither number has a side or a unit and both are lost.
Each row is written for reading as the sided list it stands for ("flexion R 120° / L 165°"):
the side of each column before its value (mapped to where the heading names it) and the
heading's unit after each bare value (mapped to the value's last digit, so the value's span stays
the value's). A girth heading is left to the girth reader (girth_rows), which reads its sides
and landmarks. Only rows right under such a heading are read, each a name and exactly two
values, up to the first line of another shape; every line is matched once, so a note is read
in linear time. Value-first rows under the same kind of heading take their sides here too
(layouts/value_first.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checks.layouts.columns import (
    grade_headings,
    pair_heading_unit,
    pair_row_units,
    rom_words,
)
from tui.core.checks.layouts.girth_words import GIRTH_WORDS
from tui.core.checks.measures import labels
from tui.core.checks.text.alternation import either
from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.sides import SIDE_WORD

# A heading that names the two columns' sides in order: "R | L", "(L / R)", "right/left", "R vs L".
_SIDE = SIDE_WORD
SIDES = re.compile(
    rf"(?<![\w/])(?P<first>{_SIDE})(?:[ \t]*[|/][ \t]*|[ \t]+vs\.?[ \t]+)"
    rf"(?P<second>{_SIDE})(?![\w/])",
    re.IGNORECASE,
)
# The unit a heading gives its values: degrees, or a load, length or time written short
# (data/columns.toml).
_HEADING_UNIT = pair_heading_unit()
# A number with no unit or maximum after it, in a row's values.
_BARE_NUMBER = re.compile(r"(?<![\d./])-?\d{1,3}(?:\.\d)?(?![\d.]|[ \t]*(?:/|[A-Za-z°%+]))")
# A heading line: words that name the pair's sides, ending with a colon or a bracket.
_HEADING_END = re.compile(r"[:)][ \t]*\r?$")
_VALUE = r"-?\d{1,3}(?:\.\d{1,2})?[+-]?"
# What parts a pair's two values: a slash, a bar or "vs" ("ER 18.6 vs 19.9 kg").
_BETWEEN = r"(?:[ \t]*[/|][ \t]*|[ \t]+vs\.?[ \t]+)"
# A load's unit written once after a row's second value ("ER 18.6 vs 19.9 kg"): the first
# value's too (data/columns.toml [side_pairs] row_units).
_ROW_UNITS = either(str(unit) for unit in pair_row_units())
# A heading's sides and colon with rows after them on its line ("Motor R / L: C8-T1 0 / 0").
_INLINE_HEAD = re.compile(rf"{SIDES.pattern}\)?[ \t]*:", re.IGNORECASE)
# A row on a heading's line: a name and two values, up to a semicolon, a full stop or the end.
_INLINE_ROW = re.compile(
    rf"[ \t]*(?P<name>[A-Za-z][\w .'-]{{0,40}}?)[ \t]*:?[ \t]+(?P<first>{_VALUE})"
    rf"{_BETWEEN}(?P<second>{_VALUE})(?:[ \t]*(?P<unit>{_ROW_UNITS})(?![\w/]))?"
    r"[ \t]*(?:[;.][ \t]*|\r?$)"
)
# A row: a name (a level such as "C5" may open it), then exactly two values set apart by a
# slash, a bar or "vs", and nothing after them but a remark in brackets with no number ("9.6 /
# 4.1   (L foot drop)"; "20/50 (eval 17/50)" is a score with its earlier one).
_ROW = re.compile(
    rf"[ \t]*(?:[-*\u2022][ \t]+)?(?P<name>[A-Za-z][\w .'-]{{0,40}}?)[ \t]*:?[ \t]+"
    rf"(?P<first>{_VALUE}){_BETWEEN}(?P<second>{_VALUE})(?:[ \t]+\([^()\n\d]*\))?[ \t]*\r?$"
)


@dataclass(frozen=True)
class Heading:
    """What the line over a column of rows says of its values: their sides, in order, and
    their unit."""

    sides: re.Match[str] | None
    unit: re.Match[str] | None


NO_HEADING = Heading(None, None)


def heading(text: str, start: int, end: int) -> Heading:
    """The sides and the unit the line text[start:end] names for the rows under it."""
    return Heading(SIDES.search(text, start, end), _HEADING_UNIT.search(text, start, end))


def side_pair_pieces(text: str) -> list[Piece]:
    """Rewrites that give each value of a row under a sided heading its side and unit. Only a
    line that ends as a heading does (a colon or a bracket) is searched for sides, once, so a
    long note costs one pass."""
    pieces: list[Piece] = []
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        sides = None
        if _HEADING_END.search(text, max(line_start, line_end - _TAIL), line_end):
            sides = SIDES.search(text, line_start, line_end)
        if sides is not None and _GIRTH.search(text, line_start, line_end):
            sides = None  # girth rows have their own reader of sides and landmarks
        if sides is not None:
            top = Heading(sides, _HEADING_UNIT.search(text, line_start, line_end))
            line_end = _rows(text, line_end, (top, _title(text, line_start, sides.start())), pieces)
        else:
            pieces += _inline(text, line_start, line_end)
        line_start = line_end + 1
    return pieces


def _inline(text: str, line_start: int, line_end: int) -> list[Piece]:
    """The rows written on the heading's own line after its colon ("Motor R / L: C8-T1 0 / 0;
    C7 elbow extensors 2 / 1."), read as rows under it are: only when every clause after the
    colon is such a row."""
    if all(text.find(mark, line_start, line_end) < 0 for mark in ("/", "|", " vs")):
        return []
    opened = _INLINE_HEAD.search(text, line_start, line_end)
    if opened is None or _GIRTH.search(text, line_start, opened.start()):
        return []
    sides = SIDES.match(text, opened.start())
    assert sides is not None  # the head opens with its sides
    top = Heading(sides, _HEADING_UNIT.search(text, line_start, opened.start()))
    title = _title(text, line_start, sides.start())
    pieces: list[Piece] = []
    pos = opened.end()
    while (row := _INLINE_ROW.match(text, pos, line_end)) is not None:
        pieces += _row_pieces(text, row, _row_unit(text, row, top), title)
        pos = row.end()
    return pieces if pieces and _rows_end(text, pos, line_end) else []


def _row_unit(text: str, row: re.Match[str], top: Heading) -> Heading:
    """The heading, with the unit written after the row's second value when the row has one
    ("ER 18.6 vs 19.9 kg": both values are kg)."""
    if row.group("unit") is None:
        return top
    return Heading(top.sides, _HEADING_UNIT.match(text, row.start("unit")) or top.unit)


def _rows_end(text: str, pos: int, line_end: int) -> bool:
    """The rows on a heading's line reach its end, or stop at a clause after a semicolon that is
    no pair ("...; IR 24.0 vs 23.1 kg; ER/IR ratio R 78%"): the pairs before it are still rows."""
    return not text[pos:line_end].strip() or text[:pos].rstrip().endswith(";")


_GIRTH = re.compile(GIRTH_WORDS, re.IGNORECASE)
# How far from a line's end its closing colon or bracket is looked for.
_TAIL = 4


def _rows(
    text: str, pos: int, head: tuple[Heading, tuple[int, int] | None], pieces: list[Piece]
) -> int:
    """The rows right under a heading, each written with the heading's title before its name
    and its sides; returns the last row's end."""
    top, title = head
    while pos < len(text):
        end = text.find("\n", pos + 1)
        end = len(text) if end < 0 else end
        row = _ROW.match(text, pos + 1, end)
        if row is None:
            break
        pieces += _row_pieces(text, row, top, title)
        pos = end
    return pos


def _row_pieces(
    text: str, row: re.Match[str], top: Heading, title: tuple[int, int] | None
) -> list[Piece]:
    """One row's rewrites: the heading's title before its name, then its values sided."""
    pieces: list[Piece] = []
    if title is not None:
        at = row.start("name")
        pieces.append(Piece(at, at, f"{text[title[0] : title[1]]} ", *title))
    return pieces + sided(text, (row.span("first"), row.span("second")), top)


def _title(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the heading names what its rows measure ("Shoulder AROM", "Grip"): its words
    before the sides, when they are a short name and not a sentence. A title holding an
    acronym other than a range's or a grade's ("ISNCSCI motor") names an instrument, whose
    name before a row would make the row's grades its scores: such a title is left out."""
    found = _TITLE.match(text, start, end)
    if found is None or len(found.group(1).split()) > _TITLE_WORDS:
        return None
    for acronym in _ACRONYM.finditer(found.group(1)):
        word = acronym.group()
        if not (rom_words().fullmatch(word) or grade_headings().fullmatch(word)):
            return None
    return found.span(1)


_TITLE_WORDS = 4
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]{2,}\b")
# A title's words may have a bracket after them that names the unit or the method
# ("Hand-held dynamometry (lb), R / L:"): the bracket is no word of the title.
_TITLE = re.compile(
    r"[ \t]*(?:[-*#\u2022]+[ \t]*)?([A-Za-z][\w .'/-]*?)[ \t]*(?:\([^()\n]*\))?[ \t(,:\[]*\Z"
)


def sided(text: str, values: tuple[tuple[int, int], tuple[int, int]], top: Heading) -> list[Piece]:
    """Each of a pair's two values with its column's side before it and the heading's unit
    after it when it has none of its own, the slash or bar between them a comma: a sided
    list ("R 4, L 3"), where a slash after a grade would read as its maximum."""
    pieces: list[Piece] = []
    if top.sides is None:
        return pieces
    (_, first_end), (second_start, _) = values
    for group, (start, end) in zip(("first", "second"), values, strict=True):
        side = labels.side_name(top.sides.group(group))
        pieces.append(Piece(start, start, f"{side} ", *top.sides.span(group)))
        pieces += in_unit(text, (start, end), top)
        if group == "first":
            pieces.append(Piece(first_end, second_start, ", ", first_end, second_start))
    return pieces


def in_unit(text: str, span: tuple[int, int], top: Heading) -> list[Piece]:
    """The heading's unit after each bare number in text[span], mapped to its last digit."""
    if top.unit is None:
        return []
    unit = "°" if top.unit.group("degrees") else f" {top.unit.group('unit')}"
    return [
        Piece(number.end(), number.end(), unit, number.end() - 1, number.end())
        for number in _BARE_NUMBER.finditer(text, *span)
    ]
