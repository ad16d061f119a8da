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
from collections.abc import Callable, Iterable
from itertools import islice

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.labels import Parts

# A value as written: a number, a grade's sign, a whole, a degree sign.
_WRITTEN = re.compile(r"\d+(?:\.\d+)?[+-]?(?:[ \t]*/[ \t]*\d+)?(?:[ \t]*\u00b0)?")
_SPACES = re.compile(r"[ \t]+")
# How far before a value its anatomy words are looked for, and how many sentences writing one
# value are read in the other text (a common value is written in hundreds).
_REACH = 40
_PLACES = 20


def written_alike(
    fact: Fact,
    text: str,
    sentences: Callable[[float], Iterable[str]],
    agree: Callable[[Parts, Parts], bool],
) -> bool:
    """True when one of the other text's `sentences` that write the value (asked by its number)
    writes `fact`'s value as `text` writes it, after anatomy words that `agree` with its label's
    (a motion or a muscle named in both)."""
    own = labels.parts_of(fact.label)
    if not (own.motion or own.muscle):
        return False
    match = _WRITTEN.match(text, fact.span[0])
    if match is None:
        return False
    written = _SPACES.sub("", match.group())
    number = float(written.split("/")[0].rstrip("+-\u00b0"))
    for sentence in islice(sentences(number), _PLACES):
        for place in _WRITTEN.finditer(sentence):
            if _SPACES.sub("", place.group()) != written or _inside_word(sentence, place.start()):
                continue
            named = labels.parts_of(_named_before(sentence, place.start()))
            if _names_each(own, named) and agree(own, named):
                return True
    return False


def _inside_word(text: str, start: int) -> bool:
    return bool(start) and (text[start - 1].isalnum() or text[start - 1] == ".")


def _names_each(own: Parts, named: Parts) -> bool:
    """Every part `own` names (side, joint, motion, muscle) is named in `named` too: a side said
    earlier in the line is not taken for granted."""
    return all(getattr(named, part) for part in _PARTS if getattr(own, part))


_PARTS = ("side", "joint", "motion", "muscle")


def _named_before(sentence: str, start: int) -> str:
    """The words before a value in its sentence, after the sentence's previous number."""
    before = sentence[max(0, start - _REACH) : start]
    return before[max(before.rfind(digit) for digit in "0123456789") + 1 :]
