"""Rows of a flowsheet export written on one line each: the row number is never a fact, and a
pain row whose units column is the scale ("Pain - current 5 0-10", "Pain worst 24h 7 (0-10)")
is a pain rating labelled by its row."""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.row_numbers import row_number_spans
from tui.core.checks.measures import labels
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# After the pain word on its line: a qualifier ("current", "worst 24h", "at rest"), the rating,
# then the scale it is on as the next column.
_RATED_ON_SCALE = re.compile(
    r"[ \t]*[-\u2013:]?[ \t]*(?P<what>[A-Za-z][A-Za-z0-9 /]{0,30}?)??[ \t]*[-\u2013:]?[ \t]*"
    r"(?P<value>\d{1,2}(?:\.\d)?)[ \t]+(?P<scale>\(?[ \t]*0[ \t]*[-\u2013][ \t]*10[ \t]*\)?)"
    r"(?![\d.])"
)


def read_flowsheet_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Claim the row numbers of numbered rows, then read pain rows rated on a written scale."""
    for start, end in row_number_spans(scanner.text):
        if scanner.free(start, end):
            scanner.claim(start, end)
    text = scanner.text
    for pain in words().pain_finder.finditer(text):
        row = _RATED_ON_SCALE.match(text, pain.end())
        if row is None or not scanner.free(*row.span("value")):
            continue
        value = to_number(row.group("value"))
        if value > 10:
            continue
        label = labels.join("pain", " ".join((row.group("what") or "").split()))
        scanner.emit(facts, "pain", value, row.span("value"), label)
        scanner.claim(*row.span("scale"))
        if row.group("what"):
            scanner.claim(*row.span("what"))  # "worst 24h": a number in the row's name
