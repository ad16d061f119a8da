"""A scale written as a row of check boxes ("Pain now: [ ]0 [ ]1 [x]3 ... [ ]10", "(X)4",
"☑ 4"): the box ticked is the value, out of the row's top label ("3/10"), and the boxes left
empty are no values at all. A ticked box whose label is a band ("[x]5-6") says no one value,
so it is left out with the empty ones rather than guessed.
"""

from __future__ import annotations

import re

from tui.core.checks.text.pieces import Piece

_TICKED = "xX\u2713\u2714\u2717\u2718*"
# "[ ]", "[x]", "( )", "(X)", "\u2610", "\u2611": a box, ticked when one of a, b or c matched.
_BOX = (
    rf"(?:\[[ \t]?(?P<a>[{_TICKED}])?[ \t]?\]|\([ \t]?(?P<b>[{_TICKED}])?[ \t]?\)"
    r"|(?P<c>[\u2611\u2612\u25a0\u25a3])|[\u2610\u25a1])"
)
BOX = re.compile(_BOX)
# A box ticked, written before a form's field ("[x] Pain present  Rating: 6"): the field is
# filled in; an empty box's field is no reading.
TICKED_BOX = rf"(?:\[[ \t]?[{_TICKED}][ \t]?\]|\([ \t]?[{_TICKED}][ \t]?\)|[\u2611\u2612])"
# A box with the number it offers ("[ ]3", "[x] 5-6"): an item of a scale written as boxes.
NUMBERED_BOX = re.compile(
    rf"{_BOX}[ \t]*(?P<low>\d{{1,2}})(?:[ \t]*-[ \t]*(?P<high>\d{{1,2}}))?(?![\d.])"
)
# Cheap signs that a text holds a box at all: most notes hold none.
_SIGNS = ("[ ]", "[]", "( )", "()", "[x]", "[X]", "(x)", "(X)", "\u2610", "\u2611", "\u2612")
# How many numbered boxes on a line make a scale.
ROW_ITEMS = 3


def checkbox_pieces(text: str) -> list[Piece]:
    """Pieces writing each row of three or more numbered boxes as the value ticked."""
    # the boxes of a row are written as one value, so its label stays next to it
    if not any(sign in text for sign in _SIGNS):
        return []
    pieces: list[Piece] = []
    line_start = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        items = list(NUMBERED_BOX.finditer(text, line_start, line_end))
        if len(items) >= ROW_ITEMS:
            pieces += _row(text, items)
        line_start = line_end + 1
    return pieces


def _row(text: str, items: list[re.Match[str]]) -> list[Piece]:
    """The whole row as its ticked value (its span the ticked box), or as nothing. The row's
    piece takes the character after it too, so no other layout's piece (a scale written after
    each value of a "(0-10)" key) lands right after the value."""
    top = max(int(item["high"] or item["low"]) for item in items)
    ticked = [item for item in items if is_ticked(item)]
    start, end = items[0].start(), min(items[-1].end() + 1, len(text))
    after = text[items[-1].end() : end]
    if len(ticked) != 1 or ticked[0]["high"] is not None:
        return [Piece(start, end, after, start, end)]
    item = ticked[0]
    return [Piece(start, end, f"{item['low']}/{top}{after}", item.start(), item.end())]


def is_ticked(box: re.Match[str]) -> bool:
    """The box matched by `BOX` or `NUMBERED_BOX` holds a tick."""
    return bool(box["a"] or box["b"] or box["c"])
