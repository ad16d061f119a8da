"""Rows of one finger joint's angle per digit (round 14, LAYOUT): each value after the key is
the key's joint and motion at its digit, however the digit is written. Twin: a length per digit
has its unit and is no angle.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def test_each_abbreviated_digit_takes_the_row_s_joint() -> None:
    found = facts_in("R MCP flex AROM: IF 70°, MF 75°, RF 72°, SF 65°.\n", "rom")
    assert [(fact.value, "MCP" in fact.label) for fact in found] == [
        (70, True),
        (75, True),
        (72, True),
        (65, True),
    ]


def test_numbered_digits_take_the_row_s_joint() -> None:
    found = facts_in("DIP flex (R): D2 55, D3 60, D4 50, D5 45 deg\n", "rom")
    assert [fact.value for fact in found] == [55, 60, 50, 45]
    assert all("DIP" in fact.label for fact in found)


def test_a_length_per_digit_is_no_angle() -> None:
    assert facts_in("Tip to DPC: IF 2.5 cm, MF 1.8 cm\n", "rom") == []
