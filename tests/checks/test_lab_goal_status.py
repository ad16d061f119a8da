"""A goal line ends where its status begins (tui/core/checks/measures/goal_clauses.py): the
value after "-> now" or "- today" is this visit's, the goal's own numbers stay targets. Twins:
an arrow inside a goal without a word of this visit ("90 -> 120°") is still the goal's."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in


def _values(text: str) -> list[object]:
    return [fact.value for fact in facts_in(text)]


@pytest.mark.parametrize(
    ("text", "target", "status"),
    [
        ("STG 2: DGI >= 19/24 -> now 16/24, progressing.", 19, 16),
        ("LTG #1 - Tinetti 24/28 - today 21/28 (not met).", 24, 21),
        ("Goal 3: TUG < 12 s → 13.4 s today, partially met.", 12, 13.4),
        ("Goal: 6MWT 350 m, currently 290 m.", 350, 290),
    ],
)
def test_the_status_after_a_goal_is_read(text: str, target: float, status: float) -> None:
    values = _values(text)
    assert target not in values
    assert status in values


@pytest.mark.parametrize(
    "text",
    [
        "LTG 2: knee flexion 90 -> 120° for stairs.",
        "Goal: Berg 40/56 -> 48/56 by discharge.",
    ],
)
def test_an_arrow_inside_a_goal_stays_the_goals(text: str) -> None:
    assert _values(text) == []
