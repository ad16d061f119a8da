"""What a number is (issue 12, KIND, session 7): each class on notes of our own in new words,
each with a twin that must (or must not) be read.

Loads are strengths only when tested (an earlier load bracketed after them, a word of testing);
a time or a length tracked against an earlier one is a measurement. The set-up of a task (cue
spacing, a pool's depth, a figure's size, a stair's height, a test course, a board's distance),
a burn's extent, a feed's volume, a treadmill's grade, a scar's adherence, a heart rate held for
a time and a hospital stay's dates are not measurements.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


def _read(text: str) -> list[tuple[str, object, str | None, str]]:
    return [(f.kind, f.value, f.unit, f.label) for f in extract_facts(text)]


def _values(text: str, kind: str | None = None) -> list[object]:
    return [value for k, value, _, _ in _read(text) if kind is None or k == kind]


def test_tested_lift_capacities_are_strengths_with_their_earlier_loads() -> None:
    text = (
        "Re-test (intake values in square brackets).\n"
        "Floor-to-waist lift 48 lb [20 lb]; waist-to-overhead 22 lb [8 lb]."
    )
    found = [(k, v, u, "previous" in label) for k, v, u, label in _read(text)]
    assert found == [
        ("strength", 48, "lb", False),
        ("strength", 20, "lb", True),
        ("strength", 22, "lb", False),
        ("strength", 8, "lb", True),
    ]


def test_a_carry_with_its_earlier_load_said_with_was() -> None:
    found = _read("Functional capacity: two-hand carry 35 lb (was 15 lb) over 20 ft.")
    assert [(k, v, "previous" in label) for k, v, _, label in found] == [
        ("strength", 35, False),
        ("strength", 15, True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Circuit: deadlift with 30 lb kettlebell 3x8, farmer carry 25 lb x 100 ft x4.",
        "Job demands: must lift 50 lb from floor occasionally, carries 30 lb frequently.",
        "Employer offers modified duty with a 25-lb lift limit.",
        "Lifting capacity rising ~3 lb/day with practice.",
        "Lifted 12 lb crate to counter 2x10.",
    ],
)
def test_exercise_loads_job_demands_and_limits_are_not_strengths(text: str) -> None:
    assert _values(text, "strength") == []


def test_a_tolerance_with_its_earlier_time_after_a_comma() -> None:
    found = _read("Standing tolerance 35 min, was 10 min at eval.")
    assert [(v, u, "previous" in label) for _, v, u, label in found] == [
        (35, "min", False),
        (10, "min", True),
    ]


def test_a_bracketed_time_without_a_legend_is_not_an_earlier_time() -> None:
    assert 15 not in _values("Sitting tolerance 50 min [15 min of it in the recliner].")


@pytest.mark.parametrize(
    ("text", "setup", "measured"),
    [
        ("Gait with tape lines every 45 cm; step length 51 cm.", 45, 51),
        ("Cones spaced 3 m apart for turns; walked 30 m without LOB.", 3, 30),
        (
            "Aquatic (warm pool 33 °C; 1.1 m at the steps, 1.6 m at the deep end). SLS 14 s.",
            1.6,
            14,
        ),
        ("Water walking in chest-deep water (1.3 m); SLS 9 s in the water.", 1.3, 9),
        ("Riding 15 m circles at walk; SLS off horse 4 s.", 15, 4),
        ("Step-ups to the 2nd stair (17 cm) with a rail; step length 49 cm.", 17, 49),
        ("Gait speed over the central 4 m of an 8 m walkway; amb 180 ft.", 4, 180),
        ("Copy task from board to desk at 10 ft; amb 40 ft to the desk.", 10, 40),
        ("Scar: mild adherence over distal 1 cm. Figure-8 girth 53 cm.", 1, 53),
        ("History: scald, 12% TBSA. Legibility 85%.", 12, 85),
    ],
)
def test_a_set_up_is_no_measurement_and_its_twin_is(
    text: str, setup: float, measured: float
) -> None:
    values = _values(text)
    assert setup not in values
    assert measured in values


def test_a_feed_volume_on_a_schedule_is_not_a_measurement() -> None:
    assert 35 not in _values("Nursing: bottle feeds 35 mL q3h, remainder by NG.")


def test_a_treadmill_grade_with_its_speed_is_a_setting() -> None:
    assert 5 not in _values("Plan: progress treadmill to 3.0 mph/5% next session.")


def test_a_heart_rate_held_for_a_time_is_a_dose_and_a_reading_is_not() -> None:
    assert 145 not in _values("Plan: aerobic program 20 min at HR 145 daily.")
    assert 145 in _values("After the walk HR 145, recovered in 2 min.")


def test_a_hospital_stay_is_dates_not_a_rating() -> None:
    text = "S: Hospital admission 2/10 to 2/16 for pneumonia. Knee pain 3/10."
    assert _values(text, "pain") == [3]


def test_quality_of_life_is_no_pain_rating() -> None:
    assert _values("Quality of life 4/10 per pt. Knee pain 3/10.", "pain") == [3]


def test_a_body_weight_opening_a_sentence_with_a_month_before_its_earlier_weight() -> None:
    found = _read("» Alert. Wt 63.9 kg (Aug 65.2 kg). Skin intact.")
    assert [(v, u, "previous" in label) for _, v, u, label in found] == [
        (63.9, "kg", False),
        (65.2, "kg", True),
    ]


def test_a_weight_before_its_load_noun_is_no_body_weight() -> None:
    assert _values("Pt tolerated session. Weight 10 lb bag lifted to shelf.", "other") == []


def test_a_value_retracted_with_wait_no_is_not_read() -> None:
    values = _values(
        "Tip to DPC is three point five centimeters, wait no, four point five centimeters."
    )
    assert 3.5 not in values
    assert 4.5 in values


def test_a_grip_side_written_without_its_unit_takes_the_unit_of_the_other_side() -> None:
    found = _read("Grip right 8 kg, left 29. Quad HHD L 20.8 -> 17.2 kg.")
    assert [(k, v, u) for k, v, u, _ in found] == [
        ("strength", 8, "kg"),
        ("strength", 29, "kg"),
        ("strength", 20.8, "kg"),
        ("strength", 17.2, "kg"),
    ]


def test_a_bare_number_in_a_grip_sentence_without_a_side_is_not_a_grip() -> None:
    assert _values("Grip R 24 kg x 3 trials, rest 60 s between.", "strength") == [24]


def test_a_ratio_with_its_earlier_value_and_a_goal_ratio_is_not() -> None:
    found = _read("Step length symmetry ratio 1.31 (was 1.52). Waist-hip ratio goal 0.9.")
    assert [(v, "previous" in label) for _, v, _, label in found] == [(1.31, False), (1.52, True)]


def test_a_reaction_time_named_by_what_was_reacted_to() -> None:
    assert 1.2 in _values("Power chair: reaction to the stop command 1.2 s.")
    assert _values("Allergic reaction to tape last week; skin intact.") == []


def test_an_angle_after_a_side_letter_is_no_vertebral_level() -> None:
    assert _values("Cervical rotation to L 60 deg (R 80).", "rom") == [60, 80]
    assert _values("Reaches to T 10 behind the back; apex at L3.") == []


def test_a_month_with_a_number_no_day_can_be_is_no_date() -> None:
    found = _read("Legibility today 71%. Baseline Sept 52%. Seen Sept 5.")
    assert [(v, "previous" in label) for _, v, _, label in found] == [(71, False), (52, True)]


def test_the_filament_a_sensation_test_used_is_no_threshold_and_its_twin_is() -> None:
    assert 5.07 not in _values("Monofilament 5.07: absent at 3 of 10 sites each foot.")
    assert 3.61 in _values("SWM R thumb 3.61, index 4.31.")


def test_a_thumb_opposition_score_out_of_ten_is_never_pain() -> None:
    assert _values("Kapandji: 8/10 R / 10/10 L. Pain 2/10.", "pain") == [2]


def test_a_body_temperature_is_a_vital_and_water_or_paraffin_is_not() -> None:
    assert _values("Vitals: T 98.4°F oral; BP 142/80. Temp 36.9 C.") == [98.4, "142/80", 36.9]
    assert _values("Water temp 92°F; paraffin 125 F; warm pool 35 C.") == []
