"""A template's row of check boxes over a scale: "Pain now: [ ]0 [ ]1 [ ]2 [x]3 ... [ ]10".

The ticked box is the value and the boxes say its scale: the row is read as "3/10". Only rows
of one ticked box among boxes labelled by consecutive whole numbers from 0 or 1 are read; a
row of ranges ("[x]5-6") or of words says no single value and is left as written.
"""

from __future__ import annotations

import re

from tui.core.checks.text.pieces import Piece

_BOX = re.compile(r"\[(?P<mark>[ xX\u2713\u2714]?)\][ \t]*(?P<label>\d{1,2}(?![\d\-\u2013/]))?")
_TICKS = frozenset("xX\u2713\u2714")
_LEAST_BOXES = 3


def checkbox_pieces(text: str) -> list[Piece]:
    """Rewrites for every row of numbered boxes with one ticked: the run of boxes as the
    ticked number over the highest ("3/10")."""
    if "[x]" not in text and "[X]" not in text and "\u2713]" not in text and "\u2714]" not in text:
        return []
    pieces: list[Piece] = []
    position = 0
    while True:
        tick = min(
            (
                found
                for mark in ("[x]", "[X]", "[\u2713]", "[\u2714]")
                if (found := text.find(mark, position)) >= 0
            ),
            default=-1,
        )
        if tick < 0:
            return pieces
        line_start = text.rfind("\n", 0, tick) + 1
        line_end = text.find("\n", tick)
        line_end = len(text) if line_end < 0 else line_end
        piece = _row(text, line_start, line_end)
        if piece is not None:
            pieces.append(piece)
        position = line_end


def _row(text: str, start: int, end: int) -> Piece | None:
    boxes = list(_BOX.finditer(text, start, end))
    if len(boxes) < _LEAST_BOXES or any(box.group("label") is None for box in boxes):
        return None
    labels = [int(box.group("label")) for box in boxes]
    ticked = [box for box in boxes if box.group("mark") in _TICKS]
    if (
        len(ticked) != 1
        or labels[0] not in (0, 1)
        or labels != list(range(labels[0], labels[0] + len(labels)))
    ):
        return None
    first, last = boxes[0], boxes[-1]
    if text[first.start() : last.end()].count("\n"):
        return None
    value = f"{ticked[0].group('label')}/{labels[-1]}"
    return Piece(first.start(), last.end(), value, ticked[0].start("label"), ticked[0].end("label"))
