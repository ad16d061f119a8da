"""A number both texts write beside the same noun: "2 asymmetries" in the draft, "asymmetries 2"
in the note.

A draft's reader may give such a number a label from the line before it ("HINE global score
58/78 (...); 2 asymmetries" read as a HINE score of 2) where the note's reader leaves it
unread. When the draft writes the number right before or after a noun, and the note writes the
same number right before or after the same noun, the two texts say the same thing and the
readers disagree, not the texts. Only nouns of five letters or more that say what a value is of
count (not "weeks", "times" or a side), so a bare "10 reps" proves nothing.

The same pairs catch a count no reader takes: when the draft writes "4 asymmetries" and the note
writes that noun only with other numbers ("asymmetries 2"), the draft changed it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.names import counted_nouns
from tui.core.checks.verify.kinship import describing_words

_NUMBER = r"\d+(?:\.\d+)?"
_NOUN = r"[A-Za-z][a-z]{4,}"
_NOUN_FIRST = re.compile(rf"(?<![A-Za-z])({_NOUN})[ \t]*[:=]?[ \t]*({_NUMBER})(?![\d/]|\.\d)")
_NUMBER_FIRST = re.compile(rf"(?<![\d./])({_NUMBER})[ \t]+({_NOUN})(?![A-Za-z])")
_AFTER = re.compile(rf"[ \t]+({_NOUN})(?![A-Za-z])")
_BEFORE = re.compile(rf"(?<![A-Za-z])({_NOUN})[ \t]*[:=]?[ \t]*$")


def _noun(word: str) -> str | None:
    """The word, lower case, when it can say what a value is of."""
    found = describing_words(word)
    return found[0] if found else None


@lru_cache(maxsize=8)
def _pairs(text: str) -> frozenset[tuple[str, float]]:
    """Each number of the text with the noun written right before or after it."""
    found = set()
    for match in _NOUN_FIRST.finditer(text):
        if noun := _noun(match.group(1)):
            found.add((noun, float(match.group(2))))
    for match in _NUMBER_FIRST.finditer(text):
        if noun := _noun(match.group(2)):
            found.add((noun, float(match.group(1))))
    return frozenset(found)


def same_noun(text: str, span: tuple[int, int], value: float, other_text: str) -> bool:
    """True when `text` writes `value` (at `span`) right before or after a noun that
    `other_text` writes right before or after the same number."""
    nouns = []
    if (after := _AFTER.match(text, span[1])) is not None:
        nouns.append(after.group(1))
    if (before := _BEFORE.search(text[max(0, span[0] - 30) : span[0]])) is not None:
        nouns.append(before.group(1))
    pairs = _pairs(other_text)
    return any((noun, value) in pairs for word in nouns if (noun := _noun(word)))


def changed_counts(
    draft: str, read: Sequence[Fact], blocked: Collection[int], note: str
) -> list[Fact]:
    """Counts the draft writes before a counted noun ("4 asymmetries") that no reader of the
    draft took (`read`) or blocked (a goal, a threshold), where the note writes the same noun
    only with other numbers: a count the draft changed. Only the nouns a number counts
    (instruments.toml), so "repair: 24 visits" or "weight 1,120 g" is never taken for one."""
    taken = [fact.span for fact in read]
    written: dict[str, set[float]] = {}
    for said, number in _pairs(note):
        written.setdefault(said, set()).add(number)
    found = []
    for match in _NUMBER_FIRST.finditer(draft):
        noun, value, span = _noun(match.group(2)), float(match.group(1)), match.span(1)
        if noun is None or match.group(2).casefold() not in counted_nouns():
            continue
        values = written.get(noun)
        if not values or value in values or span[0] in blocked:
            continue
        if any(start < span[1] and span[0] < end for start, end in taken):
            continue
        found.append(
            Fact(kind="other", value=_number(value), label=f"{noun} (not in the note)", span=span)
        )
    return found


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value
