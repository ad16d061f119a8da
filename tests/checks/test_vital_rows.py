"""Vital signs in rows and chains (issue 12): each reading with its own sign and position, from
notes of our own; each case has a twin whose numbers look alike but are not readings."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts

# (note, (label words, value) that must be read as "other" facts)
ROWS = [
    (
        "10:15\tPulse / BP (sitting)\t84 / 132/84\tno symptoms",
        [("heart rate sitting", 84), ("blood pressure", "132/84")],
    ),
    (
        "Vitals:  BP | HR | SpO2\nbefore  118/76 | 70 | 98%\nafter gait  136/80 | 94 | 95%\n",
        [
            ("blood pressure before", "118/76"),
            ("heart rate before", 70),
            ("SpO2 before", 98),
            ("blood pressure after gait", "136/80"),
            ("heart rate after gait", 94),
            ("SpO2 after gait", 95),
        ],
    ),
    (
        "Orthostatic check: lying 134/82 HR 64, upright 2 min 116/72 HR 80.",
        [("blood pressure", "134/82"), ("blood pressure", "116/72")],
    ),
    ("Treadmill trial: HR 76 -> 118 -> 90 in recovery.", [("heart rate", 118), ("heart rate", 90)]),
    ("Pulse at rest 68, peak 124 on the stairs.", [("heart rate peak", 124)]),
    ("Resp check: SpO2 96% seated, 90% post 6MWT.", [("SpO2", 90)]),
]
# Twins: rows and chains whose numbers are not readings of a vital sign.
NOT_READINGS = [
    ("Reps / sets  3 / 12 for bridges", [3, 12]),
    ("HR / BP not taken today (cuff unavailable).\nPlan: 2x/wk x 6 wk.", [2, 6]),
    ("Orthostatic drop in SBP of 24 with dizziness, HR 92.", [24]),
    ("Systolic rose 18 mmHg with stair climbing.", [18]),
    ("HR goal = 70% of max, keep RPE 12-13.", [70]),
    ("Monitor HR during 2 sets of 10 sit to stand.", [2, 10]),
]


@pytest.mark.parametrize(("note", "expected"), ROWS, ids=lambda x: str(x)[:30])
def test_each_reading_of_a_row_or_chain_is_read_with_its_sign(
    note: str, expected: list[tuple[str, int | str]]
) -> None:
    facts = [fact for fact in extract_facts(note) if fact.kind == "other"]
    for label, value in expected:
        assert any(fact.value == value and label in fact.label for fact in facts), (
            label,
            value,
            [(fact.label, fact.value) for fact in facts],
        )


@pytest.mark.parametrize(("note", "values"), NOT_READINGS, ids=lambda x: str(x)[:30])
def test_numbers_beside_vital_names_that_are_not_readings(note: str, values: list[int]) -> None:
    read = [fact.value for fact in extract_facts(note)]
    assert not [value for value in values if value in read], read


def test_a_row_reads_all_its_values_or_none() -> None:
    """A header of three signs over a line of two numbers is not a row of readings."""
    facts = extract_facts("BP | HR | SpO2\nset 2 | 10\n")
    assert not [fact for fact in facts if fact.kind == "other"]


def test_a_target_zone_or_a_share_of_a_maximum_is_not_a_heart_rate() -> None:
    note = "Exercise at HR 110-125 per cardiology; HR = 70% of 172.\nAfter: HR 96, BP 128/80."
    rates = [fact.value for fact in extract_facts(note) if fact.unit == "bpm"]
    assert rates == [96]


def test_a_limit_set_for_exercise_is_not_a_reading() -> None:
    note = "Cleared for light cardio, nothing > RPE 12; keep HR under 115. HR max 130 per MD."
    assert not [fact for fact in extract_facts(note) if fact.kind == "other"]


def test_readings_beside_limits_are_still_read() -> None:
    """Twin: the patient's own readings, including a peak heart rate measured in a test."""
    note = "6MWT: max HR 138, RPE 14; walked 5 min HR 104."
    read = sorted(fact.value for fact in extract_facts(note) if fact.kind == "other")
    assert {138, 14, 104} <= set(read), read


def test_a_beat_set_for_an_exercise_is_not_a_heart_rate() -> None:
    note = "Gaze stabilization x1 viewing 45 s at 140 bpm; marching to metronome 96 bpm."
    assert not [fact for fact in extract_facts(note) if fact.unit == "bpm"]


def test_a_heart_rate_after_a_paced_exercise_is_read() -> None:
    """Twin: once a heart-rate word is said, the bpm is the patient's."""
    note = "VOR x2 viewing 30 s, then HR 104 bpm, dizziness 3/10."
    assert [fact.value for fact in extract_facts(note) if fact.unit == "bpm"] == [104]
