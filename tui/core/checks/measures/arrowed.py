"""A value an arrow leads from, or that words of an earlier time follow, is an earlier one,
whichever reader took it.

Readers that label through `attribution` already read "LEFS 24/80 -> 63/80" and "6/10 at IE"
so; a value taken by a reader of its own (a vital-sign row, "Borg dyspnea at end 4 -> 6", "BP
150/90 last week") is given the same reading here, after every reader, so the arrow and the
words are read one way for every kind. Each fact is looked at once, at its own end.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import arrow_after, said_earlier_after
from tui.core.checks.measures.labels import PREVIOUS, as_earlier, may_be_earlier
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.measures.modal_goals import names_later_time
from tui.core.checks.text.scan import Scanner

_NUMBER = re.compile(r"[-+~]?\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?)?")
# An arrow in the original text soon after a value: "->", "=>" or a typographic one.
_ARROW_NEAR = re.compile("->|=>|[\u2192\u21d2\u2794\u27f6]")
_ARROW_REACH = 40
# A word after a value, past its unit, that may say when it was taken ("150/90 last week").
_WORD_NEAR = re.compile(r"[ \t]*(?:[^\s\d,;.]{1,8}[ \t]*)?[,(@ \t]*[A-Za-z@(]")


# After a value (its range and unit), the arrow and the later value written bare, its scale
# or unit left to the one before ("Pain 4 -> 2", "ODI 42 -> 30 after tx"), ending its clause or
# followed by words of when it was taken.
_SUCCESSOR = re.compile(
    r"(?:[ \t]*-[ \t]*\d+(?:\.\d+)?)?[ \t]*(?:°|%|[A-Za-z]{1,4}\b\.?|/[ \t]*\d+)?[ \t]*"
    r"(?:-{1,2}>|=>|,)[ \t]*(?P<value>\d+(?:\.\d+)?)(?![\d/]|\.\d)"
    r"(?=[ \t]*(?:$|[.,;)\]]|(?:after|post|with|w/|today|now|following)(?![A-Za-z])))",
    re.MULTILINE | re.IGNORECASE,
)


def read_successors(scanner: Scanner, facts: list[Fact]) -> None:
    """Read the bare value an arrow leads to from a value read ("Pain 4 -> 2 after tx"): the
    same measure at this visit. Not in a clause that names a later time ("reduce pain 4 -> 2 by
    week 6": a target), nor past the value's scale."""
    for fact in list(facts):
        if fact.kind in ("service", "mmt") or isinstance(fact.value, str):
            continue
        start = normalised(scanner, fact.span[0])
        number = _NUMBER.match(scanner.text, start) if start is not None else None
        if number is None or not arrow_after(scanner, number.end()):
            continue
        found = _SUCCESSOR.match(scanner.text, number.end())
        if found is None or not scanner.free(*found.span("value")):
            continue
        value = float(found["value"]) if "." in found["value"] else int(found["value"])
        if value > _scale(fact) or names_later_time(scanner, found.start("value")):
            continue
        label = fact.label.replace(PREVIOUS, "").strip()
        scanner.emit(
            facts,
            fact.kind,
            value,
            found.span("value"),
            label,
            unit=fact.unit,
            measure=fact.measure,
        )


def _scale(fact: Fact) -> float:
    """The largest value the fact's scale allows: its maximum ("/10", "/56"), 10 for a pain
    rating written bare, else no limit."""
    if fact.unit and fact.unit.startswith("/"):
        return float(fact.unit[1:])
    return 10.0 if fact.kind == "pain" else float("inf")


def mark_arrowed(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each fact an arrow leads from to a later value, or that words of an
    earlier time follow; read first the bare later value an arrow leads to."""
    read_successors(scanner, facts)
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
    _sides_across_arrows(original, facts)


# Between an earlier value and the later one an arrow leads to: its unit or scale, the arrow, and
# nothing else ("95 -> ", "18 kg→", "4/10 => ").
_ARROW_BETWEEN = re.compile(
    r"[ \t]*(?:°|%|(?P<unit>[A-Za-z]{1,4})\.?|/[ \t]*\d+)?[ \t]*"
    r"(?:-{1,2}>|=>|[\u2192\u21d2\u2794\u27f6])[ \t]*"
)


def _sides_across_arrows(original: str, facts: list[Fact]) -> None:
    """An arrow joins two readings of one thing ("Knee flex 95 -> 110 L", "DF 2->9° (R)"): a
    side written after the later value is the earlier value's too, when the earlier one has
    none and only its unit and the arrow stand between them."""
    starts = sorted((fact.span[0], index) for index, fact in enumerate(facts))
    keys = [start for start, _ in starts]
    for index, fact in enumerate(facts):
        if PREVIOUS not in fact.label or labels.parts_of(fact.label).side:
            continue
        between = _ARROW_BETWEEN.match(original, fact.span[1])
        if between is None or (between["unit"] and labels.side_name(between["unit"]) in "RL"):
            continue
        at = bisect.bisect_left(keys, between.end())
        if at == len(keys) or keys[at] != between.end():
            continue
        later = facts[starts[at][1]]
        side = labels.parts_of(later.label).side
        if later.kind == fact.kind and side:
            facts[index] = dataclasses.replace(fact, label=labels.join(side, fact.label))
