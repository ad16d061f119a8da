"""A month/day date pasted beside a unit ("10/02 %", a "10/02" column over a "deg" cell) is no
measurement: the zero-led day after a number and a slash is never read as a value. Found by
the table property test; the twins are pairs of values written with a slash, which are read."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, float | int | str]]:
    return [(fact.kind, fact.value) for fact in extract_facts(text)]


@pytest.mark.parametrize(
    "text",
    [
        "10/02 %",
        "Reviewed 11/04 deg chart",
        "knee 10/02°",
        "seen 3/07 cm",
        "| 10/02 | Notes |\n|---|---|\n| deg | Eval |",
        "| 10/02 | Grade |\n|---|---|\n| % | 3x10 |",
    ],
)
def test_the_day_of_a_date_is_no_value(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("knee flex R/L 120/115°", [("rom", 120), ("rom", 115)]),
        ("legibility 56%", [("other", 56)]),
        ("knee flexion 05°", [("rom", 5)]),
    ],
)
def test_values_beside_a_slash_are_still_read(
    text: str, expected: list[tuple[str, float | int | str]]
) -> None:
    assert _read(text) == expected
