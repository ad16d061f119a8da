"""Sides written with brackets of their own, read as the value's side and not as an annotation.

Two ways of writing a side put a bracket where attribution would otherwise see a value's own
annotation, and the side of one value then leaked into the next:

- a side mark closed by its own bracket, as Australian and UK notes write it ("R) knee ROM 0-140
  (L) 0-145)", "Quads HHD R) 41.2 kg, L) 49.0 kg"). A sentence that closes more brackets than it
  opens is written this way: there, each side's closing bracket is only its mark, and "(L) 0-145)"
  is a bracket holding the left side's value;
- a side in a bracket of its own before each value ("Grip (R) 24 kg (L) 30 kg"): when the value
  before the bracket had its own side written before it, the bracketed side names the value after
  it, not the one before ("knee flex 120 (R) 115 (L)" writes each side after its value instead).

Both are decided from the brackets of the value's own sentence (bounded by the scanner's
window), so reading stays linear.
"""

from __future__ import annotations

import re

from tui.core.checks.text.scan import Scanner

# A side letter closed by a bracket of its own: "R)", "L)", "Rt)". Capitals only: "a) b) c)"
# number a list, and a lower-case letter in one names nothing.
_MARK = re.compile(r"(?<![A-Za-z0-9])(?:R|L|Rt|Lt|RT|LT)(\))")
_SIDE = r"(?:R|L|rt|lt|right|left)"
# A bracket that holds only a side ("(L)", "( R )").
_SIDE_BRACKET = re.compile(rf"\([ \t]*{_SIDE}[ \t]*\)", re.IGNORECASE)
# A value with the side written before it, at the end of the text before a bracket ("(R) 24 kg
# ", "R 0-140 ", "L: 4/5 ").
_SIDED_VALUE = re.compile(
    rf"(?<![A-Za-z0-9])\(?[ \t]*{_SIDE}[ \t]*\)?[ \t]*:?[ \t]*"
    r"-?\d+(?:\.\d+)?(?:[ \t]*-[ \t]*-?\d+(?:\.\d+)?)?[+-]?"
    r"[ \t]*(?:°|deg\w*|%|lbs?|kg|cm|mm|s|sec|m|ft|/[ \t]*\d+(?:\.\d+)?)?[ \t]*$",
    re.IGNORECASE,
)


def unmarked(scanner: Scanner, start: int, window: str) -> str:
    """The window before the value at `start` with each side mark's closing bracket read as a
    space, when the value's sentence closes more brackets than it opens (it writes its sides
    "R)" and "L)"); else the window as it is."""
    if ")" not in window or not _MARK.search(window):
        return window
    around = scanner.text[scanner.sentence_before(start) : scanner.sentence_after(start)]
    if around.count(")") <= around.count("("):
        return window
    return _MARK.sub(lambda mark: mark.group()[:-1] + " ", window)


def names_next(window: str, opened: int, closed: int) -> bool:
    """The bracket at [opened, closed] of the window holds only a side and stands right before
    the value read, after a value whose own side was written before it ("Grip (R) 24 kg (L)"):
    the side is the next value's, not an annotation of the value before it."""
    return (
        bool(_SIDE_BRACKET.fullmatch(window, opened, closed + 1))
        and not window[closed + 1 :].strip()
        and bool(_SIDED_VALUE.search(window, 0, opened))
    )
