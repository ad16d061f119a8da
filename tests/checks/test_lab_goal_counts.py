"""A count of repetitions inside a goal is a target, even for a measure counted in repetitions
(whose readers also take numbers the dose rules blocked, tui/core/checks/measures/scores.py).
Each goal has a twin: the same measure outside the goal is this visit's result."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _values(text: str) -> list[object]:
    return [fact.value for fact in facts_in(text, "outcome")]


@pytest.mark.parametrize(
    ("text", "target", "result"),
    [
        ("Goals:\n- sit-to-stands: 30 s STS of 13 reps or more\n\nO: 30 s STS 8 reps.\n", 13, 8),
        ("LTG #2 = 30-second chair stand >= 15 reps\nToday: 30 s STS 10 reps\n", 15, 10),
        ("Objective 3: 30CST 11 reps by week 6.\nMeasured: 30CST 7.\n", 11, 7),
    ],
)
def test_repetitions_in_a_goal_are_a_target(text: str, target: int, result: int) -> None:
    values = _values(text)
    assert target not in values
    assert result in values


def test_goal_column_of_a_table_holds_targets() -> None:
    text = (
        "| Measure | SOC | Visit 8 | Target |\n|---|---|---|---|\n"
        "| 30 sec sit to stand | 5 | 8 | >= 11 |\n"
    )
    values = _values(text)
    assert 11 not in values
    assert {5, 8} <= set(values)


def test_a_threshold_after_a_comparison_is_no_count() -> None:
    values = _values("30 s STS 9 reps (community norm >= 12 for her age).")
    assert 12 not in values
    assert 9 in values
