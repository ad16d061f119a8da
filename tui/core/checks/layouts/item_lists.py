"""Item lists under an instrument heading: "Self-care (GG0130):" then one item a line
("Eating: 06", "Oral hygiene: 05 - setup", "Walk 50 feet with two turns: 04").

Each item's level is a score of the instrument with the item's name as its label, and a number
inside the name is part of the name. Only instruments whose items are named with numbers in
them (`numbered_items` in instruments.toml, such as Section GG) are read this way; their own
reader would otherwise give every item the heading's label.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
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
def _headings() -> tuple[tuple[re.Pattern[str], MeasureDef], ...]:
    found = []
    for measure in measure_defs():
        if not measure.numbered_items:
            continue
        heading = re.compile(
            rf"(?m)^[^\n:]{{0,40}}?\b(?:{instrument_names(measure)})\b[^\n:]{{0,40}}:[ \t]*"
            r"(?:\n|(?=\S))"
        )
        found.append((heading, measure))
    return tuple(found)


def read_item_lists(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Levels of the items listed after an instrument's heading, each labelled by its item."""
    text = scanner.text
    for heading, measure in _headings():
        for match in heading.finditer(text):
            pos = match.end()
            items = _LINE_ITEM if match.group().endswith("\n") else _ITEM
            while (item := items.match(text, pos)) is not None:
                if not _read_item(scanner, facts, measure, item):
                    break
                pos = item.end()


def _read_item(
    scanner: Scanner, facts: list[Fact], measure: MeasureDef, item: re.Match[str]
) -> bool:
    """Read one item; False when the match is not an item of the list (the list has ended)."""
    level = int(item.group("level"))
    start, end = item.span("level")
    if not measure.in_range(level) or not scanner.free(start, end):
        return False
    name = " ".join(item.group("name").split())
    label = labels.join(measure.name, name)
    scanner.emit(facts, "outcome", level, (start, end), label, measure=measure.name)
    earlier = EARLIER.search(item.group("rest"))
    if earlier is not None:
        offset = item.start("rest")
        before = (offset + earlier.start(1), offset + earlier.end(1))
        value = int(earlier.group(1))
        if measure.in_range(value) and scanner.free(*before):
            scanner.emit(
                facts, "outcome", value, before, label + " (previous)", measure=measure.name
            )
    return True
