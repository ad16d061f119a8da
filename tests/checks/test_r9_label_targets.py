"""A legend that names a target among its columns ("was / now / target", "IE | now | goal",
"start / today / to reach"): the target's value is a goal and no value at all, the earlier
column's value is previous and today's is not (issue 12, round 9). Twins: a legend without a
target keeps every value, and a side legend still names sides."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in
from tests.checks.label_reading import earlier_by_value


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "Measures - was / now / target:\n  L ankle PF AROM ..... 60 deg / 72 deg / 75 deg\n",
            "rom",
            {60: True, 72: False},
        ),
        (
            "R shoulder AROM (IE | now | goal):\n  flexion   95° | 138° | 160°\n",
            "rom",
            {95: True, 138: False},
        ),
        (
            "Knee - start / today / to reach:\n"
            "  L knee flexion AROM ... 78 deg / 112 deg / 120 deg\n",
            "rom",
            {78: True, 112: False},
        ),
        ("FAAM-Sport 53% / 78% / 90% (IE / now / goal)\n", "outcome", {53: True, 78: False}),
    ],
)
def test_a_target_column_is_no_value_and_the_others_keep_their_time(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted


def test_a_legend_without_a_target_keeps_every_value() -> None:
    # the twin: the same rows under "was / now" read both values
    text = "Measures - was / now:\n  L ankle PF AROM ..... 60 deg / 72 deg\n"
    assert earlier_by_value(text, "rom") == {60: True, 72: False}


def test_a_target_column_under_an_underlined_heading() -> None:
    text = (
        "MEASURES (at eval / now / goal)\n------\nR elbow extension .... 45 deg / 70 deg / 90 deg\n"
    )
    assert earlier_by_value(text, "rom") == {45: True, 70: False}


def test_a_side_legend_after_the_list_still_names_sides() -> None:
    found = {
        fact.value: fact.label for fact in facts_in("Grip 24 kg / 30 kg (R / L).\n", "strength")
    }
    assert found[24].startswith("R") and found[30].startswith("L")


def test_a_legend_that_names_a_date_with_its_time() -> None:
    text = "MEASURES (today / at eval 11/28)\n------\nR wrist extension ..... 45 deg / 20 deg\n"
    assert earlier_by_value(text, "rom") == {45: False, 20: True}


def test_a_target_bracket_ends_where_a_clause_of_another_time_begins() -> None:
    text = "Knee flex 112 deg today (target 120 deg, IE 95 deg).\n"
    assert earlier_by_value(text, "rom") == {112: False, 95: True}
