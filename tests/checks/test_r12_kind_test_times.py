"""Times inside a test (the trials and conditions of a timed or balance test), times of a task
done or a posture held, and a workload in METs: each read from what the clause measures, each
with a twin written as a dose, a set-up or a target that must not be read."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def seconds(text: str) -> list[float]:
    return [f.value for f in extract_facts(text) if f.unit == "s"]  # type: ignore[misc]


def mets(text: str) -> list[tuple[float, bool]]:
    facts = extract_facts(text)
    return [(f.value, "previous" in f.label) for f in facts if f.unit == "METs"]  # type: ignore[misc]


# -- trials and conditions ---------------------------------------------------------------------


def test_numbered_conditions_are_each_a_time_not_the_test_score() -> None:
    facts = extract_facts("mCTSIB: cond 1 30 s, cond 2 30 s, cond 4 11 s (LOB).\n")
    assert [(f.kind, f.value) for f in facts] == [("other", 30), ("other", 30), ("other", 11)]
    assert "cond 4" in facts[-1].label


def test_trials_numbered_after_their_times() -> None:
    assert seconds("O: T25FW 7.8 s trial 1, 8.4 s trial 2.\n") == [7.8, 8.4]
    assert seconds("Stair climb 14.6 s on the 1st trial, 13.9 s on 2nd trial.\n") == [14.6, 13.9]


def test_conditions_by_eyes_and_surface_on_a_balance_test_line() -> None:
    assert seconds("Romberg EO 30 s, EC 7 s.\n") == [30, 7]


def test_conditions_practised_as_a_dose_are_not_read() -> None:
    assert seconds("Balance: static stance EC on foam 15 s x 5.\n") == []
    assert seconds("HEP: SLS trial 1 and 2, 20 s each.\n") == []
    assert seconds("Ther ex: condition 3 practiced 3 x 25 s.\n") == []


def test_a_whole_turn_timed_each_side_and_its_dose_and_goal_twins() -> None:
    facts = extract_facts("360° turn: 4.2 s / 7 steps R, 4.8 s / 8 steps L\n")
    timed = [(f.value, f.label.split()[0]) for f in facts if f.unit == "s"]
    assert timed == [(4.2, "R"), (4.8, "L")]
    # round 20: the steps each turn took are counts of the patient's too (stepped_counts.py)
    steps = [(f.value, f.label.split()[0]) for f in facts if f.unit == "steps"]
    assert steps == [(7, "R"), (8, "L")]
    assert seconds("Gait: 180° turns 10 s each with metronome.\n") == []
    assert seconds("Goal: 360° turn in under 3 s.\n") == []


# -- a task done, a posture held ----------------------------------------------------------------


def test_a_task_done_in_a_time_is_read_and_a_set_time_is_not() -> None:
    assert seconds("Zips coat indep in 25 s (goal 15 s).\n") == [25]
    assert seconds("Practiced zipper in 30 s bouts.\n") == []
    assert seconds("Will don socks in 30 s by next month.\n") == []


def test_a_count_made_in_a_fixed_time_or_an_event_lasting_is_no_task_time() -> None:
    assert seconds("Step-ups: 12 reps leading with R in 30 s.\n") == []
    assert seconds("SpO2 low 89% (1 brief desat, self-resolved in 10 s).\n") == []


def test_standing_independently_and_its_earlier_time() -> None:
    facts = [f for f in extract_facts("Stands indep 12 s before lowering (4 s at IE).\n")]
    assert [(f.value, "previous" in f.label) for f in facts] == [(12, False), (4, True)]
    assert seconds("Standing balance indep 10 s x 5.\n") == []


# -- METs ---------------------------------------------------------------------------------------


def test_mets_reached_and_the_earlier_value_in_brackets() -> None:
    assert mets("Est METs 4.2 on treadmill (3.1 at program entry).\n") == [
        (4.2, False),
        (3.1, True),
    ]
    assert mets("Arm ergometer 8 min, est. 3.2 METs.\n") == [(3.2, False)]


def test_mets_prescribed_or_limited_are_not_read() -> None:
    assert mets("P: progress workload toward 5-6 METs.\n") == []
    assert mets("Avoid lifting above 7 METs per cardiology.\n") == []
    assert mets("| ODI | <= 30% | (X) Met: 28% |\n") == []
