"""Markdown tables read as rows and columns, so the checks read each cell with its column.

A table row is rewritten into a sentence the extractors already read: the row's first cell,
then each other cell after its column heading ("R knee flexion AROM; Today 138°; Last 132°.").
In a table of services, the minutes column is the service's time, so its value is moved next to
the service name ("Ther ex 24 min; CPT 97110; Detail ..."), and a dose inside another cell stays
a dose. Rewrites are returned as pieces that keep a map back to the cells they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from markdown_it import MarkdownIt

from tui.core.checks.keyed import unit_written
from tui.core.checks.pieces import Piece

_ROW_HINT = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_MINUTES_HEADING = re.compile(r"\b(?:min|mins|minutes|time|duration)\b", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_BARE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?[+-]?")


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def table_pieces(text: str) -> list[Piece]:
    """Rewrites for every Markdown table in `text` (none when it has no table rows)."""
    if not _ROW_HINT.search(text):
        return []
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    pieces: list[Piece] = []
    for block_first, block_last in _piped_blocks(text, line_starts):
        block = text[line_starts[block_first] : _line_end(text, line_starts, block_last)]
        for token in _parser().parse(block):
            if token.type != "table_open" or token.map is None:
                continue
            first, last = token.map[0] + block_first, token.map[1] + block_first
            rows = [
                _cells(text, line_starts, index)
                for index in range(first, min(last, block_last + 1, len(line_starts)))
            ]
            pieces += _table(text, rows)
    return pieces


def _piped_blocks(text: str, line_starts: list[int]) -> list[tuple[int, int]]:
    """Runs of lines holding a pipe, each with the line before it (a table's context), as
    (first line, last line): only these are parsed, so a long note's prose costs nothing."""
    blocks: list[tuple[int, int]] = []
    for index, start in enumerate(line_starts):
        if "|" not in text[start : _line_end(text, line_starts, index)]:
            continue
        if blocks and blocks[-1][1] >= index - 1:
            blocks[-1] = (blocks[-1][0], index)
        else:
            blocks.append((max(index - 1, 0), index))
    return blocks


def _line_end(text: str, line_starts: list[int], index: int) -> int:
    end = line_starts[index + 1] if index + 1 < len(line_starts) else len(text)
    return end


def linearize(text: str) -> str:
    """The text with every Markdown table written as one sentence per row."""
    out = []
    pos = 0
    for piece in table_pieces(text):
        if piece.start < pos:
            continue
        out.append(text[pos : piece.start])
        out.append(piece.value)
        pos = piece.end
    out.append(text[pos:])
    return "".join(out)


def _cells(text: str, line_starts: list[int], index: int) -> list[_Cell]:
    start = line_starts[index]
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end]
    bounds = [m.start() for m in _CELL_SPLIT.finditer(line)]
    if not bounds or line[: bounds[0]].strip():
        bounds = [-1, *bounds]
    if line[bounds[-1] + 1 :].strip():
        bounds.append(len(line))
    cells = []
    for left, right in pairwise(bounds):
        raw = line[left + 1 : right]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        cells.append(_Cell(start + left + 1 + lead, start + left + 1 + lead + len(body), body))
    return cells


def _table(text: str, rows: list[list[_Cell]]) -> list[Piece]:
    if len(rows) < 2 or not rows[0]:
        return []
    header, body = rows[0], rows[2:]
    pieces = [_blank(text, rows[0]), _blank(text, rows[1])]
    minutes = next(
        (i for i, cell in enumerate(header) if i and _MINUTES_HEADING.search(cell.text)), None
    )
    for row in body:
        pieces += _row(text, header, row, minutes)
    return [piece for piece in pieces if piece.start < piece.end or piece.value]


def _line_of(text: str, cells: list[_Cell]) -> tuple[int, int]:
    start = text.rfind("\n", 0, cells[0].start) + 1 if cells else 0
    end = text.find("\n", cells[-1].end if cells else 0)
    return start, len(text) if end < 0 else end


def _blank(text: str, cells: list[_Cell]) -> Piece:
    start, end = _line_of(text, cells)
    return Piece(start, end, "", start, end)


def _row(text: str, header: list[_Cell], row: list[_Cell], minutes: int | None) -> list[Piece]:
    """One row as a sentence: pieces replace the pipes between cells, never a cell's text; a
    bare number takes the unit its column heading or its row's first cell gives ("Single hop
    (cm) | 165" reads "165 cm")."""
    if not row:
        return []
    line_start, line_end = _line_of(text, row)
    first = row[0]
    lead = f"{header[0].text} " if header[0].text else ""
    pieces = [Piece(line_start, first.start, lead, header[0].start, header[0].end)]
    moved = minutes if minutes is not None and minutes < len(row) and row[minutes].text else None
    if moved is not None:
        cell = row[moved]
        pieces.append(
            Piece(first.end, first.end, f" {cell.text.strip('*')} min", cell.start, cell.end)
        )
    previous = first
    row_unit = unit_written(first.text)
    for index, cell in enumerate(row[1:], start=1):
        heading = header[index].text if index < len(header) else ""
        if index == moved:
            pieces.append(Piece(previous.end, cell.end, "", cell.start, cell.end))
            previous = cell
            continue
        label = f"; {heading} " if heading else "; "
        pieces.append(Piece(previous.end, cell.start, label, previous.end, cell.start))
        unit = unit_written(heading) or row_unit
        if unit and _BARE_NUMBER.fullmatch(cell.text):
            pieces.append(Piece(cell.end, cell.end, unit, cell.start, cell.end))
        previous = cell
    pieces.append(Piece(previous.end, line_end, ".", previous.end, line_end))
    return _ordered(pieces)


def _ordered(pieces: list[Piece]) -> list[Piece]:
    """Pieces sorted by position; zero-width insertions stay before a replacement there."""
    return sorted(pieces, key=lambda piece: (piece.start, piece.end))
