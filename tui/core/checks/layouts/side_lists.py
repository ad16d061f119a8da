"""Two sides named once and two values after them in the same order: "R and L grip 22 and 18 kg
respectively", "right & left knee flexion 120 and 110 deg", "grip 22 and 18 kg (R and L)".

Read as prose, both values take the side written nearest before them (the second), so the
right side's value is labelled left. Each value is written for reading with its side right
before it ("R 22 kg and L 18 kg"), mapped to where the note names that side. Only a list of two
different sides joined by "and", "&" or a slash, and two values joined by "and", "&" or a comma
(never a slash: "4/5" is a grade) in the same line, with no other number between the sides and
the values (or the sides in a bracket right after the values), is read; a value with a side
word of its own right before it keeps it. The search is anchored on the side list, so a note is
read in linear time.
"""

from __future__ import annotations

import re

from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.respectively import in_order

_SIDE = r"(?:R|L|rt|lt|right|left)"
_SIDES = re.compile(
    rf"(?<![\w/])(?P<first>{_SIDE})[ \t]*(?:and|&|/)[ \t]*(?P<second>{_SIDE})(?![\w/])",
    re.IGNORECASE,
)
_NUM = r"\d{1,4}(?:\.\d+)?"
_UNIT = r"(?:[ \t]*(?:kg|lbs?|secs?|s|cm|mm|m/s|m|ft|deg|degrees|°|%))?"
_JOIN = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)"
_PAIR = rf"(?<![\w./-])(?P<one>{_NUM}){_UNIT}{_JOIN}(?P<two>{_NUM}){_UNIT}(?![\w/])"
# The values after the sides: words between them, no digit, within a short reach.
_AFTER = re.compile(rf"[^\d\n]{{0,40}}?{_PAIR}", re.IGNORECASE)
# The values before a bracket of sides: "22 and 18 kg (R and L)".
_BEFORE = re.compile(rf"{_PAIR}[ \t]*\([ \t]*\Z", re.IGNORECASE)
_REACH = 40
_SIDE_BEFORE = re.compile(rf"(?<![\w/]){_SIDE}[ \t:]*\Z", re.IGNORECASE)


def _canonical(side: str) -> str:
    return "R" if side[0].lower() == "r" else "L"


def side_list_pieces(text: str) -> list[Piece]:
    """Pieces writing each side before its value."""
    pieces: list[Piece] = []
    for sides in _SIDES.finditer(text):
        first, second = _canonical(sides["first"]), _canonical(sides["second"])
        if first == second:
            continue
        pair = _AFTER.match(text, sides.end())
        if pair is None:
            line_start = text.rfind("\n", 0, sides.start()) + 1
            bracket = text.rfind("(", line_start, sides.start())
            if bracket < 0 or text[bracket + 1 : sides.start()].strip():
                continue
            low = max(line_start, bracket - 2 * _REACH)
            pair = _BEFORE.search(text, low, bracket + 1)
            if pair is None:
                continue
        listed = [(first, sides.span("first")), (second, sides.span("second"))]
        for (side, (low, high)), at in in_order(listed, [pair.start("one"), pair.start("two")]):
            if _SIDE_BEFORE.search(text, max(sides.end(), at - 8), at):
                continue
            pieces.append(Piece(at, at, f"{side} ", low, high))
    return pieces
