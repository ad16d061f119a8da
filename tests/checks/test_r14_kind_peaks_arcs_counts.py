"""What a number is from its sentence: a heart rate's maximum in a bout is a peak read, one in
precautions a limit; a descending arc in a dosed exercise line and "2 of 3" are no angles; a
rating after a turn is what turning provokes; an effusion grade is the sign's own."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object]]:
    return [(fact.kind, fact.value) for fact in extract_facts(text)]


def test_a_maximum_in_a_bout_is_a_peak_and_a_set_one_is_not() -> None:
    assert _read("Tilt table to 60° for 15 min, HR max 112, no orthostasis.\n") == [("other", 112)]
    assert _read("Precautions: HR max 120 during exercise.\n") == []
    assert _read("HR max 172 (220-age).\n") == []
    assert _read("Per cardiology: HR up to 120 with activity.\n") == []


def test_an_exercise_arc_is_no_range_of_motion() -> None:
    assert _read("Knee ext 90-45 (L) | 3 x 10 | 25 lb\n") == []
    assert _read("SAQ 30-0 2x15 w/ 3 lb\n") == []
    assert ("rom", 128) in _read("L knee AROM today 0-128°.\n")


def test_a_count_out_of_a_whole_is_no_angle() -> None:
    assert _read("SPT note (clinical rotation 3 of 4).\n") == []
    assert _read("Trunk rotation 2 of 3 sets completed.\n") == []
    assert _read("Cervical rotation R 60°.\n") == [("rom", 60)]


def test_a_rating_after_a_turn_is_read_and_a_turn_is_not() -> None:
    assert _read("Dizziness with head turns 5/10.\n") == [("other", 5)]
    assert _read("Turning 180 deg to sit.\n") == []


def test_an_effusion_grade_is_the_signs_own() -> None:
    """A bare digit after a sign's test is the sign's grade (measures/instruments' sign grades
    leave it out); never an outcome score."""
    assert _read("Effusion: none (stroke test 0).\n") == []


def test_an_endurance_hold_is_measured_and_a_dose_is_not() -> None:
    assert ("other", 6) in _read("PFM: endurance 6 s hold, 5 reps.\n")
    assert _read("endurance 5 s hold x 10\n") == []


def test_positions_listed_after_a_device_are_set_and_measured_ones_are_read() -> None:
    assert _read("Resting hand splint fabricated; wrist 20 deg ext, MCP 60 deg flex\n") == []
    assert _read("Resting hand splint fabricated; AROM wrist ext 35 deg\n") == [("rom", 35)]


def test_loads_of_a_tests_trials_are_each_read_and_a_training_load_is_not() -> None:
    assert _read("Floor to waist lift, 2 trials: 15/18 kg\n") == [
        ("strength", 15),
        ("strength", 18),
    ]
    assert _read("Deadlift with 12/16 kg kettlebells 3x8.\n") == []


def test_a_cognitive_screens_item_out_of_five_is_no_muscle_grade() -> None:
    assert _read("Clock drawing 4/5.\n") == []
    assert _read("Hip abd 4/5.\n") == [("mmt", "4")]
