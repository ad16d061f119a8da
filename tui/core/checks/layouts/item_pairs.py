"""Pairs of levels under a heading that names what each holds: "GG0170 Mobility (ROC
performance / discharge goal)" over "B Sit to lying ....... 04 / 05", "Section GG (admission /
today)" over "Eating: 02 / 04".

An instrument scored item by item (Section GG) often shows two columns in one line per item,
the heading's bracket naming them. A clinician reads each row's first level as the first
column's and its second as the second's: a goal column is a target and never a fact, an
earlier column (SOC, admission, evaluation) is previous, any other is today's. A code for an
activity not attempted (88) is no level. The heading has no colon, so the item lists
(item_lists.py) do not read these rows. Tried only on lines naming such an instrument and
ending on a bracket with a slash (a cheap precondition).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.item_codes import (
    arrow_goal_words,
    earlier_column_words,
    not_attempted,
)
from tui.core.checks.layouts.item_lists import numbered_item_headings
from tui.core.checks.measures import labels
from tui.core.checks.tables import MeasureDef
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

_LEVEL = r"(?:0?[1-9]|10|88)"
# One row: an item's letter, its name, a colon, leader dots or column spaces, then two levels
# set apart by a slash.
_ROW = re.compile(
    r"[ \t]*(?:[A-Z][ \t]+(?=[A-Z]))?(?P<name>[A-Za-z][^\n:]{0,60}?)"
    r"(?:[ \t]*(?::|\.{2,})[ \t]*|[ \t]{2,})"
    rf"(?P<first>{_LEVEL})[ \t]*/[ \t]*(?P<second>{_LEVEL})(?![\d.])[ \t.]*(?:\n|\Z)"
)


def _headings() -> tuple[tuple[re.Pattern[str], MeasureDef], ...]:
    return numbered_item_headings(
        r"(?m)^[ \t]*[^\n:()]{0,40}?",
        r"[^\n:()]{0,40}\((?P<first>[^()\n:/]{2,40})/(?P<second>[^()\n:/]{2,40})\)[ \t]*\n",
    )


@cache
def _earlier() -> re.Pattern[str]:
    """The words of a column that name an earlier time (item_scores.toml earlier_column_words)."""
    return re.compile(rf"\b(?:{either(earlier_column_words())})\b", re.IGNORECASE)


def _role(column: str) -> str:
    """What a column's levels are: a goal's (targets), an earlier visit's, or today's."""
    folded = column.casefold()
    if any(word in folded for word in arrow_goal_words()):
        return "goal"
    return "prior" if _earlier().search(column) else "current"


def read_item_pairs(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each row's two levels under a heading whose bracket names the two columns."""
    text = scanner.text
    if "/" not in text:
        return
    for heading, measure in _headings():
        for match in heading.finditer(text):
            roles = (_role(match.group("first")), _role(match.group("second")))
            if roles[0] == roles[1]:
                continue  # the heading does not tell the columns apart
            pos = match.end()
            while (row := _ROW.match(text, pos)) is not None:
                name = " ".join(row.group("name").rstrip(" \t.").split())
                label = labels.join(measure.name, name)
                for group, role in zip(("first", "second"), roles, strict=True):
                    _read_level(scanner, facts, measure, row, group, role, label)
                pos = row.end()


def _read_level(
    scanner: Scanner,
    facts: list[Fact],
    measure: MeasureDef,
    row: re.Match[str],
    group: str,
    role: str,
    label: str,
) -> None:
    """One level of a row: a goal's level and a not-attempted code are claimed (no other reader
    may take them for a fact), an earlier column's is previous, any other today's."""
    span = row.span(group)
    if not scanner.free(*span):
        return
    written = row.group(group)
    value = int(written)
    if role == "goal" or written in not_attempted(measure.name) or not measure.in_range(value):
        scanner.claim(*span)
        return
    shown = label + " (previous)" if role == "prior" else label
    scanner.emit(facts, "outcome", value, span, shown, measure=measure.name)
