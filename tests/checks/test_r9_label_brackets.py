"""Brackets that say their values are earlier (issue 12, round 9): a heading that shows the
pattern of its rows ("Section GG today (was at eval):", "Measures now [at SOC]:"), a bracket
opened by "was" and a value, a bracket closed by the time its values were taken ("(R -2°, L 0°
at eval)", "(41 at 6 months)", "(52/80 at the 12-week re-eval)", "(38 on 04.12.2034)"). Twins:
a bracket of another side with no such heading, a "was" that says what was done, and a goal
written with its time."""

from __future__ import annotations

import pytest

from tests.checks.label_reading import earlier_by_value

_HEADER = "Patient: Test Person\nDate: 2044-10-09\n\n"


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "Measures now [at SOC]:\n Berg ....... 38/56 [29/56]\n TUG ....... 19.6 s [31.0 s]\n",
            "outcome",
            {38: False, 29: True, 19.6: False, 31.0: True},
        ),
        (
            "Scores today (was at eval):\n Berg 44/56 (37/56)\n",
            "outcome",
            {44: False, 37: True},
        ),
        (
            "Pain 3/10 after the walk (was 7/10 and 5/10 at the start).\n",
            "pain",
            {3: False, 7: True, 5: True},
        ),
        (
            "Ankle DF PROM: R 5°, L 8° (R -2°, L 0° at eval).\n",
            "rom",
            {5: False, 8: False, 2: True, 0: True},  # -2° is read as a deficit of 2
        ),
        ("ACL-RSI 63/100 (41 at 6 months post-op).\n", "outcome", {63: False, 41: True}),
        ("LEFS 68/80 (52/80 at the 12-week re-eval).\n", "outcome", {68: False, 52: True}),
        ("MDS-UPDRS III 31 (38 on 04.12.2034)\n", "outcome", {31: False, 38: True}),
    ],
)
def test_a_bracket_that_says_its_values_are_earlier(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    found = earlier_by_value(_HEADER + text, kind)
    assert {value: found.get(value) for value in wanted} == wanted


def test_a_bracket_of_the_other_side_without_a_heading_is_todays() -> None:
    assert earlier_by_value(
        _HEADER + "Grip L 21 kg (R 12 kg), Jamar position 2.\n", "strength"
    ) == {
        21: False,
        12: False,
    }


def test_a_heading_without_a_bracket_pattern_leaves_brackets_alone() -> None:
    text = "Measures today:\n Berg ....... 38/56 (29/56 is her best)\n"
    assert earlier_by_value(_HEADER + text, "outcome").get(38) is False


def test_a_goal_with_its_time_is_no_earlier_value() -> None:
    text = "ACL-RSI 63/100 today. Goal: ACL-RSI 75 at 12 months.\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {63: False}


def test_a_value_dated_the_visits_own_day_with_dots_is_todays() -> None:
    text = "Mini-BESTest 18/28 on 09.10.2044.\nBerg 44/56; 38/56 on 11.09.2044.\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {18: False, 44: False, 38: True}


def test_a_bracket_closed_by_the_discharge_day_holds_the_earlier_value() -> None:
    text = "Community OT visit.\nBarthel 14/20 (11/20 on discharge).\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {14: False, 11: True}


def test_the_discharge_value_first_in_a_discharge_summary_is_todays() -> None:
    # the twin: at discharge is this visit, the bracket holds the admission value
    text = "Discharge summary. Berg 50/56 at discharge (38/56 on admission).\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {50: False, 38: True}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Berg 47/56 (41/56 two weeks prior).\n", {47: False, 41: True}),
        ("DGI 18/24 (DGI 14/24 at 1st PR).\n", {18: False, 14: True}),
        ("LEFS 55/80 (48/80 at 30 days).\n", {55: False, 48: True}),
    ],
)
def test_a_bracket_closed_by_a_time_before_today(text: str, wanted: dict[object, bool]) -> None:
    assert earlier_by_value(_HEADER + text, "outcome") == wanted


def test_a_bracket_of_days_a_week_dates_nothing() -> None:
    # the twin: a frequency closes the bracket, not a time before today
    text = "Berg 47/56 today (retest every 14 days).\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {47: False}


def test_a_condition_may_stand_between_the_value_and_its_time() -> None:
    text = "Gait 300 ft with no device (150 ft with RW two weeks prior).\n"
    assert earlier_by_value(_HEADER + text, "other") == {300: False, 150: True}


def test_a_count_in_a_bracket_closed_by_the_discharge_day() -> None:
    text = "Home PT.\n30s chair stand 9 reps (5 reps on discharge).\n"
    assert earlier_by_value(_HEADER + text, "outcome") == {9: False, 5: True}
