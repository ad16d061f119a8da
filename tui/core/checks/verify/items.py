"""An instrument's item score in a draft, backed by the note's line for that item.

Notes list item scores under the instrument's heading ("ADLs (FIM):" then "Toileting 4" on a
line of its own), where the reader may find no score of the instrument; a draft that puts the
same scores in a table ("| Toileting | 4 |") is faithful. A draft item is backed only by a note
line that writes the same value and names the same item: every word of the draft's item name is
on that line, or the words are spelled by a capitalised abbreviation there ("upper body" and
"UB"),
so "lower-body dressing 5" is not backed by "UB dressing 5".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"[A-Za-z]+")
_ABBREVIATION = re.compile(r"^[A-Z]{2,4}$")


def names_item(item_words: Sequence[str], line: str) -> bool:
    """True when every word of an item's name (in its order) is written on `line`, whole or
    within an abbreviation there whose letters are the initials of consecutive words."""
    words = _WORD.findall(line)
    lowered = {word.lower() for word in words}
    wanted = [word.lower() for word in item_words]
    if not wanted:
        return False
    covered = [word in lowered for word in wanted]
    for abbreviation in (word.lower() for word in words if _ABBREVIATION.match(word)):
        for start in range(len(wanted) - len(abbreviation) + 1):
            run = wanted[start : start + len(abbreviation)]
            if "".join(word[0] for word in run) == abbreviation:
                covered[start : start + len(abbreviation)] = [True] * len(abbreviation)
    return all(covered)
