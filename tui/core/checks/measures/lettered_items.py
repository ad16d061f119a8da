"""Items of one instrument named by a letter, one after another: "GMFM-88 dimension D 64%,
dimension E 41%", "PEDI domain A 52, domain B 47", "GMFM-88: D 64%, E 41%".

A single capital letter names no item on its own (it may be a side, a grade or an
abbreviation), but written where the instrument's first item was named the same way, the
same word and another letter, it is the next item of that instrument, whatever the word.
"""

from __future__ import annotations

import re

# An item named by a letter, its kind's word before it ("dimension D", "domain B", "D").
_LETTERED = re.compile(r"(?:([A-Za-z][\w-]*)[ \t]+)?([A-Z])")
# The words between two scores: a comma or a semicolon, "and", the next item, a key mark.
_GAP = re.compile(r"[ \t]*[,;][ \t]*(?:(?:and|&)[ \t]+)?(.+?)[ \t]*[:=]?[ \t]*")
# Letters that are the side of a value, never an item's name.
_SIDES = frozenset("RLB")


def next_lettered_item(first: str, gap: str) -> str | None:
    """The next item's name when `gap` names one the way `first`, the first score's item, was
    named ("dimension E" after "dimension D"); None when it does not."""
    opened, said = _LETTERED.fullmatch(first.strip()), _GAP.fullmatch(gap)
    if opened is None or said is None:
        return None
    then = _LETTERED.fullmatch(said.group(1))
    if then is None or then.group(2) == opened.group(2):
        return None
    head, next_head = opened.group(1), then.group(1)
    if (head or "").casefold() != (next_head or "").casefold():
        return None
    if head is None and {opened.group(2), then.group(2)} & _SIDES:
        return None  # "9-HPT R 22 s, L 25 s": sides, read as sides
    return said.group(1)
