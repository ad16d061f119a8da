"""Round 17, the lead after the reviews: a noun of change after a number ("gain", "drop",
"decline") makes the number a difference only in points or after a word introducing an amount;
right after a measure's name the number is the measure."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _values(text: str) -> list[object]:
    return [fact.value for fact in extract_facts(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("SpO2 92% drop with stairs.", 92),
        ("Grip R 24 kg decline noted.", 24),
        ("Knee flex 118° gain this week.", 118),
        ("Wt 80 kg change from admission.", 80),
    ],
)
def test_a_measure_right_before_its_number_keeps_it(text: str, value: float) -> None:
    assert value in _values(text)


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("TUG 12 s, a 23 % improvement.", 23),
        ("ODI 30%, a 12 point drop.", 12),
        ("Berg 50, goals (> 2 point change).", 2),
        ("6MWT 300 m. 6MWT shows 27% decline.", 27),
        ("Gait speed 1.1 m/s, 22% faster than IE.", 22),
        ("PDQ 24, beyond the 20% change.", 20),
    ],
)
def test_a_change_introduced_as_an_amount_is_no_value(text: str, change: float) -> None:
    assert change not in _values(text)
