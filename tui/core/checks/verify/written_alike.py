"""A value written the same way after the same anatomy words in both texts.

Readers disagree on what a written value is: "R abd 4-/5" in a note's strength line may be read
as an abduction angle of 4, and the draft's "R abduction 4-/5" as a muscle grade. Where one text
writes exactly the same value ("4-/5") right after words naming the same side, joint, motion or
muscle as the other's reading of it (each part the reading names, named there too), it is one
fact read two ways. A changed value is written
differently, and a value moved to another side or motion is preceded by other words, so neither
is backed this way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.labels import Parts
from tui.core.checks.verify.lines import line_at

# A value as written: a number, a grade's sign, a whole, a degree sign.
_WRITTEN = re.compile(r"\d+(?:\.\d+)?[+-]?(?:[ \t]*/[ \t]*\d+)?(?:[ \t]*\u00b0)?")
_SPACES = re.compile(r"[ \t]+")
# How far before a value its anatomy words are looked for, and how many places one written
# value is looked up in the other text (a common value is written hundreds of times).
_REACH = 40
_PLACES = 20


def written_alike(
    fact: Fact, text: str, other_text: str, agree: Callable[[Parts, Parts], bool]
) -> bool:
    """True when `other_text` writes `fact`'s value as `text` writes it, after anatomy words
    that `agree` with its label's (a motion or a muscle named in both)."""
    own = labels.parts_of(fact.label)
    if not (own.motion or own.muscle):
        return False
    match = _WRITTEN.match(text, fact.span[0])
    if match is None:
        return False
    written = _SPACES.sub("", match.group())
    for start in _places(other_text).get(written, ())[:_PLACES]:
        named = labels.parts_of(_named_before(other_text, start))
        if _names_each(own, named) and agree(own, named):
            return True
    return False


def _names_each(own: Parts, named: Parts) -> bool:
    """Every part `own` names (side, joint, motion, muscle) is named in `named` too: a side said
    earlier in the line is not taken for granted."""
    return all(getattr(named, part) for part in _PARTS if getattr(own, part))


_PARTS = ("side", "joint", "motion", "muscle")


def _named_before(text: str, start: int) -> str:
    """The words before a value on its line, after the line's previous number."""
    line, line_start = line_at(text, start)
    before = line[max(0, start - line_start - _REACH) : start - line_start]
    return before[max(before.rfind(digit) for digit in "0123456789") + 1 :]


@lru_cache(maxsize=8)
def _places(text: str) -> dict[str, list[int]]:
    """Where each value is written, by its written form (spaces removed), read once a text."""
    found: dict[str, list[int]] = {}
    for match in _WRITTEN.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "."):
            continue
        found.setdefault(_SPACES.sub("", match.group()), []).append(match.start())
    return found
