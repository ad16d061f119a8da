"""An earlier-time word dated in brackets ("prior (1/5) 15 kg", "baseline (11/30) 7/10"): the
day belongs to the word, so the value after it is the earlier one and the day is no value. A
visit number is a number after "visit" with no unit after it ("last visit 3 min 10 s" is the
last visit's time, "visit 9 of 12" a count). "Onset" is an earlier time only standing alone
("at onset 8/10", "(onset: 8/10)"), never as the event timed today ("time to claudication onset").
Twins: today's value stays unlabelled and the bracketed day or the visit's number is not read."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in
from tests.checks.label_reading import earlier_by_value


@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        ("Grip L 31 kg; prior (2/14) 26 kg.\n", "strength", {31: False, 26: True}),
        ("Key pinch R 7 kg. Previous (2/14): 5.5 kg.\n", "strength", {7: False, 5.5: True}),
        ("Pain 1/10 at rest; baseline (11/30) 7/10.\n", "pain", {1: False, 7: True}),
        ("R shoulder flexion 150 deg; initial (11/30) 95 deg.\n", "rom", {150: False, 95: True}),
        (
            "Heel ulcer 1.2 x 0.9 x 0.1 cm; prior (3/2) 1.8 x 1.4 x 0.3 cm.\n",
            "other",
            {1.2: False, 0.9: False, 0.1: False, 1.8: True, 1.4: True, 0.3: True},
        ),
    ],
)
def test_a_bracketed_day_dates_the_earlier_word_before_it(
    text: str, kind: str, wanted: dict[object, bool]
) -> None:
    assert earlier_by_value(text, kind) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Grip L 31 kg; prior (2/14) 26 kg.\n",
        "Pain 1/10 at rest; baseline (11/30) 7/10.\n",
        "Heel ulcer 1.2 x 0.9 x 0.1 cm; prior (3/2) 1.8 x 1.4 x 0.3 cm.\n",
    ],
)
def test_the_bracketed_day_is_no_value(text: str) -> None:
    days = {2, 14, 11, 30, 3}
    assert not [fact for fact in facts_in(text) if fact.value in days]


def test_a_visit_named_with_a_unit_after_its_number_is_a_value() -> None:
    assert earlier_by_value("Plank hold 1 min 20 s (last visit 2 min 5 s).\n", "other") == {
        80: False,
        125: True,
    }
    assert earlier_by_value("L knee flexion 104 deg, prior visit 20 deg less.\n", "rom") == {
        104: False,
        20: True,
    }


def test_a_visit_number_without_a_unit_is_no_value() -> None:
    found = facts_in("Visit 9 of 12. Visit 9 knee flexion 118 deg.\n")
    assert [fact.value for fact in found] == [118]


def test_onset_timed_today_is_not_earlier() -> None:
    assert earlier_by_value("Time to calf pain onset 3 min 25 s, treadmill 2 mph.\n") == {
        205: False
    }
    assert earlier_by_value("Onset of dyspnea 2 min 40 s into the walk.\n") == {160: False}


def test_onset_as_a_time_of_its_own_is_earlier() -> None:
    assert earlier_by_value("Back pain 2/10 today, at onset 8/10.\n", "pain") == {
        2: False,
        8: True,
    }
    assert earlier_by_value("Neck pain 3/10 (onset: 9/10).\n", "pain") == {3: False, 9: True}
