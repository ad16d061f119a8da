"""Item lists under an instrument heading: "Self-care (GG0130):" then one item a line
("Eating: 06", "Oral hygiene: 05 - setup", "Walk 50 feet with two turns: 04").

Each item's level is a score of the instrument with the item's name as its label, and a number
inside the name is part of the name. Only instruments whose items are named with numbers in
them (`numbered_items` in instruments.toml, such as Section GG) are read this way; their own
reader would otherwise give every item the heading's label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.item_codes import arrow_goal_words, not_attempted
from tui.core.checks.measures import labels
from tui.core.checks.tables import MeasureDef, measure_defs
from tui.core.checks.text.scan import Scanner

# One item: a name, a separator and a level (a code: 01-06, or 07, 09, 10, 88 for not done),
# then any words about it ("05 - setup", "03 (was 02)", "05 with setup"), then the item's end.
_NAME = r"[ \t]*(?:[-*\u2022][ \t]+)?(?P<name>[A-Za-z0-9][A-Za-z0-9 /'&.()-]{1,60}%s)"
_LEVEL = r"[ \t]*(?:[:=\u2013-][ \t]*|[ \t]+)(?P<level>0[1-9]|[1-9]|10|88)(?!\d|\.\d)"
_NAME_AND_LEVEL = _NAME % "?" + _LEVEL
# Items in a run after the heading ("eating 05, oral hygiene 04"): an item ends at , or ;.
_ITEM = re.compile(
    _NAME_AND_LEVEL + r"(?P<rest>(?:[ \t]*[-\u2013(][^,;\n]*|[ \t]+[A-Za-z][^,;\n\d]*)?)"
    r"[ \t]*(?:[,;.]?[ \t]*(?:\n|\Z)|[,;])"
)
# Items one a line under the heading: an item ends at its line's end ("02 - CGA, 2 rests"), and
# its name is the longest that a level follows ("Walk 50 feet with 2 turns: 04").
_LINE_ITEM = re.compile(
    _NAME % "" + _LEVEL + r"(?P<rest>(?:[ \t]*[-\u2013(]|[ \t]+[A-Za-z])[^\n]*|[ \t]*[.,;]?)[ \t]*"
    r"(?:\n|\Z)"
)
# An earlier level written after the current one: "(was 02)", "(SOC 03)", "prior 02".
EARLIER = re.compile(
    r"\b(?:was|prev(?:ious)?|prior|SOC|eval|admit|admission|initial|baseline)\b[ \t:=]*(\d{1,2})"
    r"(?![\d.])",
    re.IGNORECASE,
)
# The level after an item's arrow: "02 -> 04", "02 → 04".
_ARROWED = re.compile(r"[ \t]*(?:-{1,2}>|=>|\u2192)[ \t]*(0?[1-9]|10)(?![\d.])")
_HEADING_ARROW = re.compile(r"[A-Za-z][ \t]*(?:-{1,2}>|=>|\u2192)[ \t]*[A-Za-z]")
# A bracket after an item's level that holds words before its level: "(goal 06)".
_GOAL_BRACKET = re.compile(r"[ \t]*\([A-Za-z/ .-]{1,20}(0?[1-9]|10)[ \t]*\)")
# A level alone in a bracket after an item's level: "(02)".
_BARE_BRACKET = re.compile(r"[ \t]*\([ \t]*(0?[1-9]|10)[ \t]*\)")


def instrument_names(measure: MeasureDef) -> str:
    """The instrument's names as one alternation, longest first, each matched as written or
    ignoring case as instruments.toml says."""
    names = sorted(measure.aliases, key=len, reverse=True)
    exact = [re.escape(name) for name in names if name in measure.exact_case]
    loose = [re.escape(name) for name in names if name not in measure.exact_case]
    parts = [rf"(?:{'|'.join(exact)})"] if exact else []
    if loose:
        parts.append(rf"(?i:{'|'.join(loose)})")
    return "|".join(parts)


@cache
def numbered_item_headings(
    before: str, after: str
) -> tuple[tuple[re.Pattern[str], MeasureDef], ...]:
    """A heading pattern for each instrument whose items are named with numbers in them: its
    names as whole words between `before` and `after`. The item lists and the item pairs
    (item_pairs.py) read the same instruments under headings of different shapes."""
    return tuple(
        (re.compile(rf"{before}\b(?:{instrument_names(measure)})\b{after}"), measure)
        for measure in measure_defs()
        if measure.numbered_items
    )


def _headings() -> tuple[tuple[re.Pattern[str], MeasureDef], ...]:
    return numbered_item_headings(r"(?m)^[^\n:]{0,40}?", r"[^\n:]{0,40}:[ \t]*(?:\n|(?=\S))")


def read_item_lists(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Levels of the items listed after an instrument's heading, each labelled by its item."""
    text = scanner.text
    for heading, measure in _headings():
        for match in heading.finditer(text):
            pos = match.end()
            items = _LINE_ITEM if match.group().endswith("\n") else _ITEM
            arrowed = _HEADING_ARROW.search(match.group()) is not None
            goal = _names_goal(match.group())
            run = _Run(arrowed=arrowed and not goal, goal_arrow=arrowed and goal)
            while (item := items.match(text, pos)) is not None:
                if not _read_item(scanner, facts, measure, item, run):
                    break
                pos = item.end()


@dataclass
class _Run:
    """What the items read so far in one list say: whether one of them named the earlier time
    its bracket holds ("eating 05 (admit 03)"), so a bare bracket after a later item ("oral
    hygiene 04 (02)") holds the same time's level."""

    keyed_earlier: bool = False
    keyed_goal: bool = False
    arrowed: bool = False
    goal_arrow: bool = False


def _names_goal(words: str) -> bool:
    folded = words.casefold()
    return any(word in folded for word in arrow_goal_words())


def _read_item(
    scanner: Scanner, facts: list[Fact], measure: MeasureDef, item: re.Match[str], run: _Run
) -> bool:
    """Read one item; False when the match is not an item of the list (the list has ended)."""
    level = int(item.group("level"))
    start, end = item.span("level")
    if not scanner.free(start, end):
        return False
    if not measure.in_range(level):
        # "car transfer 88 -> 02": a code for an activity not attempted is no level, and the
        # list goes on after it; the level after its arrow is today's
        if item.group("level") not in not_attempted(measure.name):
            return False
        later = _ARROWED.match(item.group("rest")) if run.arrowed else None
        if later is not None:
            span = (item.start("rest") + later.start(1), item.start("rest") + later.end(1))
            value = int(later.group(1))
            name = " ".join(item.group("name").split())
            if measure.in_range(value) and scanner.free(*span):
                label = labels.join(measure.name, name)
                scanner.emit(facts, "outcome", value, span, label, measure=measure.name)
        scanner.claim(start, end)
        return True
    name = " ".join(item.group("name").split())
    label = labels.join(measure.name, name)
    rest = item.group("rest")
    if run.goal_arrow and (target := _ARROWED.match(rest)) is not None:
        # "sit to stand 03 -> 05" under "(now -> d/c goal)": today's level, then a target
        scanner.emit(facts, "outcome", level, (start, end), label, measure=measure.name)
        scanner.claim(item.start("rest") + target.start(1), item.start("rest") + target.end(1))
        return True
    later = _ARROWED.match(rest) if run.arrowed else None
    if later is not None:
        # "sit to stand 02 -> 04" under "(admit -> now)": the earlier level, then today's
        scanner.emit(
            facts, "outcome", level, (start, end), label + " (previous)", measure=measure.name
        )
        span = (item.start("rest") + later.start(1), item.start("rest") + later.end(1))
        value = int(later.group(1))
        if measure.in_range(value) and scanner.free(*span):
            scanner.emit(facts, "outcome", value, span, label, measure=measure.name)
        return True
    scanner.emit(facts, "outcome", level, (start, end), label, measure=measure.name)
    earlier = EARLIER.search(rest)
    bare = _BARE_BRACKET.match(rest)
    if earlier is not None:
        run.keyed_earlier = True
    elif _GOAL_BRACKET.match(rest) and _names_goal(rest):
        # "eating 04 (goal 06)": the brackets after the next items are targets too
        run.keyed_goal = True
    elif bare is not None and run.keyed_goal:
        scanner.claim(item.start("rest") + bare.start(1), item.start("rest") + bare.end(1))
    elif run.keyed_earlier:
        earlier = bare
    if earlier is not None:
        offset = item.start("rest")
        before = (offset + earlier.start(1), offset + earlier.end(1))
        value = int(earlier.group(1))
        if measure.in_range(value) and scanner.free(*before):
            scanner.emit(
                facts, "outcome", value, before, label + " (previous)", measure=measure.name
            )
    return True
