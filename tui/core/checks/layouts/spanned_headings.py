"""A table's heading written over two rows: a heading spanning its sub-columns ("Initial eval"
over "R | L", "Knee flexion" over "L | R", "IE" over "AROM | PROM"), the cells it spans left
empty on its row (a merged cell exported as blanks, an HTML colspan).

Each column is read with both rows' words ("Initial eval R", "L Knee flexion"), so a value
takes its side, its motion and its time from its own headings and never from a neighbour's,
and the sub-heading row is layout, not a row of the table.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.checks.measures import labels

if TYPE_CHECKING:
    from tui.core.checks.layouts.grids import Cell, Grid

# A cell that opens with a number is a value, no sub-heading; a number after a heading's words
# is its test position ("IR @90°", "Hip flex 90/90").
_VALUE_FIRST = re.compile(r"[*_ \t]*[<>~+-]?\d")
# A sub-heading is a word or two ("L", "AROM", "Pre tx"); a longer cell is a row's text.
_SUB_WORDS = 2
_SUB_CELLS = 2


def spanned(grid: Grid) -> Grid:
    """The grid with a two-row heading read as one row of joined headings (unchanged when its
    second row is no sub-heading)."""
    if not grid.headed or len(grid.rows) < 3:
        return grid
    top, sub = _aligned(grid.rows[0], grid.rows[1])
    if not _sub_heading(top, sub):
        return grid
    return replace(
        grid,
        rows=(_joined(top, sub), *grid.rows[2:]),
        lines=(grid.lines[0], *grid.lines[2:]),
        rules=(*grid.rules, grid.lines[1]),
    )


def _aligned(top: tuple[Cell, ...], sub: tuple[Cell, ...]) -> tuple[tuple[Cell, ...], ...]:
    """The two rows as wide as each other: a sub-heading row short of cells lost them at its
    start, under headings that span both rows (an HTML rowspan over the rows' names)."""
    if len(sub) < len(top):
        blank = replace(sub[0], end=sub[0].start, text="") if sub else None
        sub = (*([blank] * (len(top) - len(sub)) if blank else ()), *sub)
    elif len(top) < len(sub):
        blank = replace(top[-1], start=top[-1].end, text="")
        top = (*top, *([blank] * (len(sub) - len(top))))
    return top, sub


def _sub_heading(top: tuple[Cell, ...], sub: tuple[Cell, ...]) -> bool:
    """True when `sub` heads the columns under `top`: its first cell (the rows' names) empty,
    two short cells of words or more, none opening with a number, and at least one heading of
    `top` spanning a blank cell over a sub-heading (otherwise `sub` is a row of words, not a
    heading)."""
    if len(sub) < len(top) or not sub or sub[0].text:
        return False
    words = [cell.text for cell in sub if cell.text]
    if len(words) < _SUB_CELLS or any(_VALUE_FIRST.match(word) for word in words):
        return False
    if any(len(word.split()) > _SUB_WORDS for word in words):
        return False
    return any(
        not top[index].text and sub[index].text and any(cell.text for cell in top[1:index])
        for index in range(2, len(top))
    )


def _joined(top: tuple[Cell, ...], sub: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Each column's heading from both rows: the spanning heading carried over the blanks it
    spans, a side written first as a note writes it ("R Initial eval"), other words after
    ("IE AROM")."""
    joined = []
    parent = ""
    for upper, lower in zip(top, sub, strict=True):
        if upper.text:
            parent = upper.text
        elif not lower.text:
            parent = ""
        words = (upper.text or parent) if lower.text or upper.text else ""
        text = f"{words} {lower.text}".strip()
        if lower.text and _only_side(lower.text):
            text = f"{lower.text} {words}".strip()
        joined.append(replace(upper if upper.text else lower, text=text))
    return tuple(joined)


def _only_side(text: str) -> bool:
    """True when a sub-heading names a side and nothing else ("L", "Right", "Rt")."""
    return bool(labels.sides_named(text)) and not labels.without_sides(text)
