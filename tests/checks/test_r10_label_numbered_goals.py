"""A goals line with a numbered list ("GOALS: 1. TUG under 13.5 s - met. 2. Mini-BESTest 20/28
- not met."): every item is a target, whatever status follows. Twin: today's values on the
lines around it are read."""

from __future__ import annotations

from tests.checks.conftest import facts_in


def test_every_numbered_item_of_a_goals_line_is_a_target() -> None:
    text = (
        "TUG 12.9 SEC. MINI-BESTEST 18/28.\n"
        "GOALS: 1. TUG UNDER 13.5 SEC - MET. 2. MINI-BESTEST 20/28 - NOT MET, PROGRESSING. "
        "3. NO FALLS FOR 4 WEEKS - NOT MET (1 FALL).\n"
    )
    assert sorted(fact.value for fact in facts_in(text, "outcome")) == [12.9, 18]


def test_goals_numbered_with_brackets_are_targets_and_todays_values_stay() -> None:
    text = (
        "Objective: TUG 11.4 s. 6MWT 380 m.\n"
        "LTGs: 1) TUG below 12 s - met. 2) 6MWT 400 m - progressing, not met.\n"
        "Berg today 46/56.\n"
    )
    assert sorted(fact.value for fact in facts_in(text, "outcome")) == [11.4, 46, 380]
