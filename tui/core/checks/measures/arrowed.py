"""A value an arrow leads from, or that words of an earlier time follow, is an earlier one,
whichever reader took it.

Readers that label through `attribution` already read "LEFS 24/80 -> 63/80" and "6/10 at IE"
so; a value taken by a reader of its own (a vital-sign row, "Borg dyspnea at end 4 -> 6", "BP
150/90 last week") is given the same reading here, after every reader, so the arrow and the
words are read one way for every kind. Each fact is looked at once, at its own end.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.attribution import arrow_after, said_earlier_after
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.text.scan import Scanner

_NUMBER = re.compile(r"[-+~]?\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?)?")
# An arrow in the original text soon after a value: "->", "=>" or a typographic one.
_ARROW_NEAR = re.compile("->|=>|[\u2192\u21d2\u2794\u27f6]")
_ARROW_REACH = 40
# A word after a value, past its unit, that may say when it was taken ("150/90 last week").
_WORD_NEAR = re.compile(r"[ \t]*(?:[^\s\d,;.]{1,8}[ \t]*)?[,(@ \t]*[A-Za-z@(]")


def mark_arrowed(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each fact an arrow leads from to a later value, or that words of an
    earlier time follow."""
    original = scanner.norm.original
    for index, fact in enumerate(facts):
        if not may_be_earlier(fact):
            continue
        arrowed = _ARROW_NEAR.search(original, fact.span[1], fact.span[1] + _ARROW_REACH)
        if not arrowed and not _WORD_NEAR.match(original, fact.span[1]):
            continue  # looked at in the original first: mapping a position costs more
        start = normalised(scanner, fact.span[0])
        number = _NUMBER.match(scanner.text, start) if start is not None else None
        if number is not None and (
            arrow_after(scanner, number.end()) or said_earlier_after(scanner.text, number.end())
        ):
            facts[index] = as_earlier(fact)
