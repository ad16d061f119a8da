"""Round 20, OTHER: steps a task took (measures/stepped_counts.py), distances walked in miles or
in bouts and a ball's or a jump's distance (measures/walked_distances.py), ranges of blood
pressure (measures/pressure_ranges.py), tolerances after a bare "x" and postures held without
support (measures/tolerances.py), heart rates qualified in brackets or after a walk test
(layouts/vital_rows.py), "hr" after a pressure and the course of a gait speed, each with the
near misses that must not be read."""

from __future__ import annotations

import pytest

from tests.checks.conftest import facts_in, labels_of, one_fact


def _others(text: str) -> set[tuple[float | str, str | None]]:
    return {(fact.value, fact.unit) for fact in facts_in(text, "other")}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pull test: 4 steps backward before recovering, no assist needed.", 4),
        ("Retropulsion (pull test): 3 steps, recovers independently.", 3),
        ("180-deg turn 7 steps; gait otherwise steady.", 7),
        ("- Independent steps: 7 steps x 3 trials (best), wide BOS.", 7),
        ("Parent report: she took 5 independent steps to the couch.", 5),
    ],
)
def test_the_steps_a_task_took_are_read(text: str, value: int) -> None:
    assert one_fact(text, "other", value).unit == "steps"


def test_stairs_climbed_in_the_session_are_a_count() -> None:
    """Round 22: CONVENTIONS files the stairs negotiated in the session as `other` in steps
    (heldout25 and heldout26 do); this case was a twin of the home's steps before."""
    assert one_fact("Stairs: 12 steps w/ L rail, step-to.", "other", 12).unit == "steps"


def test_steps_of_a_turn_each_side_and_earlier() -> None:
    found = labels_of("360-deg turn in 9 steps R, 11 steps L (visit 1: 14 steps).", "other")
    assert "R" in found[9] and "L" in found[11] and "previous" in found[14]


@pytest.mark.parametrize(
    "text",
    [
        "Home: 3 steps to enter with R rail; 16 steps to bedroom.",
        "Home has 2 steps to enter, no rails.",
        "Stair training 2 x 12 steps with rail.",
        "Goal: 20 independent steps across the room.",
        "Lateral steps 3 x 10 with band.",
        "Cue: take 3 big steps before turning.",
        "Mom reports he cruises about 3 steps along the couch.",
        "NMR 27 min: turning in 4 steps with visual targets, dual-task walking.",
    ],
)
def test_steps_of_a_home_a_dose_or_a_goal_are_not_read(text: str) -> None:
    assert not any(fact.unit == "steps" for fact in facts_in(text, "other"))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Walks the dog 0.75 mi most mornings.", 0.75, "mi"),
        ("Gait: dec L stance, amb 0.5 mi w/o rest.", 0.5, "mi"),
        ("Walked to the market and back Saturday about 1.5 miles with 1 sit break.", 1.5, "mi"),
        ("- Amb w/ RW 2 x 120 ft SBA in hallway", 120, "ft"),
        ("Walked 2 x 150 ft with L AFO, no toe catch.", 150, "ft"),
        ("Gait: RW, 90 ft + 60 ft with 1 seated rest, CGA.", 60, "ft"),
        ("- Kicks a large ball 3 ft forward while holding my hand.", 3, "ft"),
        ("- Broad jump 10 in, two-foot take-off.", 10, "in"),
        ("Throws a tennis ball 8 ft overhand.", 8, "ft"),
    ],
)
def test_a_distance_walked_or_sent_is_read(text: str, value: float, unit: str) -> None:
    assert (value, unit) in _others(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lives 3 mi from the clinic, drives herself.",
        "Neighbour walks 2 miles with her on Sundays.",
        "Goal: community walks 1.5 mi without symptoms.",
        "Wants to keep walking her grandson to school (0.5 mi).",
        "Sled push 4 x 40 ft light load.",
        "Lateral band walk 3 x 20 ft, green band.",
        "Sled push 40 ft + 40 ft, light load.",
        "Jumps down from a 6 in step with 2 hands held.",
        "Drives 8 mi to work daily.",
        "Treadmill 0.8 miles per hour for 10 min.",
    ],
)
def test_a_place_a_plan_or_an_exercise_is_no_distance_walked(text: str) -> None:
    assert not any(unit in ("mi", "ft", "in") for _, unit in _others(text))


def test_a_range_of_pressures_is_one_reading() -> None:
    assert _others("BP controlled, 128-142/76-88 this week.") == {("128-142/76-88", "mmHg")}
    assert ("122-136/74-82", "mmHg") in _others("Home log: BP 122-136/74-82 over the week.")


def test_a_pain_range_is_no_pressure_range() -> None:
    assert not any(isinstance(value, str) for value, _ in _others("Pain 2-3/10 on stairs."))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Tolerated sitting edge of bed x 12 min with SBA.", 12, "min"),
        ("Tolerated sitting EOB x 20 min.", 20, "min"),
        ("Static sitting 8 min unsupported.", 8, "min"),
        ("standing 45 s in parallel bars with bilateral UE support", 45, "s"),
    ],
)
def test_a_position_kept_is_read(text: str, value: int, unit: str) -> None:
    assert one_fact(text, "other", value).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Tolerated standing 3 x 1 min at the bars with seated rests between.",
        "Tolerated marching x 2 min.",
        "Tolerated sitting x 10 min daily per HEP.",
        "Seated rest 2 min unsupported.",
        "Goal: standing 5 min without UE support for grooming.",
    ],
)
def test_a_dose_a_rest_or_a_goal_is_no_tolerance(text: str) -> None:
    assert not any(unit in ("min", "s") for _, unit in _others(text))


def test_heart_rates_qualified_in_brackets() -> None:
    found = labels_of("HR 71 (rest), 118 (peak).", "other")
    assert "rest" in found[71] and "peak" in found[118] and "rest" not in found[118]


def test_a_heart_rate_after_a_walk_test_is_no_test_result() -> None:
    text = "HR rest 66, post 6MWT 109. 6MWT 412 m."
    assert (109, "bpm") in _others(text)
    assert [fact.value for fact in facts_in(text, "outcome")] == [412]


def test_lower_case_vitals_after_a_pressure() -> None:
    assert {("124/70", "mmHg"), (70, "bpm")} <= _others("bp 124/70 hr 70 before session.")


def test_six_hours_is_still_a_duration() -> None:
    assert (6, "bpm") not in _others("Slept 6 hr 30 min; BP 120/80.")


def test_the_course_of_a_gait_speed_is_no_distance() -> None:
    text = "Gait speed 10 m comfortable 0.96 m/s, fast 1.31 m/s."
    assert not any(unit == "m" for _, unit in _others(text))
    assert (300, "m") in _others("Walked 300 m, 1.1 m/s average.")
