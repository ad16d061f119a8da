"""Pasted tables the property test (test_tables_properties.py) found reading wrong, kept so
they stay right: a fact's span must hold its value (a score beside a date column, minutes in a
row name the table restates, which the scanner masks as a label)."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.text.numbers import normalize


def _spans_hold_their_values(text: str) -> bool:
    for fact in extract_facts(text):
        start, end = fact.span
        if not 0 <= start < end <= len(text):
            return False
        written = normalize(text[start:end]).text
        value = str(fact.minutes if fact.kind == "service" else fact.value)
        digits = value.rstrip("+-").lstrip("-")
        if digits not in written and digits.rstrip("0").rstrip(".") not in written:
            return False
    return True


@pytest.mark.parametrize(
    "text",
    [
        "\tVisit\n3/10\t2/03\t2/03\nLEFS\tToday\t2/03\tFigure-8 girth",
        "Visit\nFigure-8 girth\t**23**\t2/03\t2/03\nNT\tLEFS\t95°\t3x10\n\t3x10\tTotal\t97110",
    ],
)
def test_a_score_beside_a_date_column_keeps_its_own_span(text: str) -> None:
    assert _spans_hold_their_values(text)


@pytest.mark.parametrize(
    "text",
    [
        "|  | Date | 10/02 |\n|---|---|---|\n| 8 min continuous | Ther ex | Eval |\n| Total | 4- |",
        "| Initial | Today | Min |\n| Grip R (lb) | 95° | LEFS | % |\n| NT | 32/80 |\n"
        "| /5 | 97110 | **23** |",
    ],
)
def test_minutes_in_a_restated_row_name_keep_their_span(text: str) -> None:
    assert _spans_hold_their_values(text)


@pytest.mark.parametrize(
    "text",
    [
        "| Measure | Today |\n|---|---|\n| Ther ex | 12 min |",
        "Measure\tEval\tToday\nLEFS\t32/80\t41/80",
    ],
)
def test_twins_read_with_spans_that_hold_their_values(text: str) -> None:
    assert extract_facts(text)
    assert _spans_hold_their_values(text)
