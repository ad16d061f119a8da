"""What a number is (round 11, KIND): the unit of a force decides strength, a Snellen fraction
after a word of acuity is the acuity, and numbers of equipment or of a change are left out. Each
reading has a twin that must not be read.

A torque (Nm) or a force (N, kgf, lbf) the patient produced is strength in its unit, never a
joint's angle; the speed of an isokinetic test is a setting, and so is a force set on a machine.
Visual acuity is one value written as a fraction (tests/eval/CONVENTIONS.md), never a standard
beside it. A "pistol-grip" tool's weight is no grip strength, a prosthesis trimmed by 4 mm is a
change to a thing, a count said as a change is no result, and a timed hold keeps its earlier
value bracketed after a few words of how it was held.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _triples(text: str, kind: str | None = None) -> list[tuple[str, object, str | None]]:
    return [(fact.kind, fact.value, fact.unit) for fact in facts_in(text, kind)]


def _values(text: str) -> list[object]:
    return [fact.value for fact in facts_in(text)]


# -- forces and torques --------------------------------------------------------------------------


def test_a_torque_on_the_dynamometer_is_strength_with_its_side() -> None:
    facts = facts_in("Knee ext peak torque at 60 deg/s: right 141 Nm, left 172 Nm.")
    assert [(f.kind, f.value, f.unit) for f in facts] == [
        ("strength", 141, "Nm"),
        ("strength", 172, "Nm"),
    ]
    assert facts[0].label.startswith("R") and facts[1].label.startswith("L")


def test_twin_the_test_speed_is_a_setting_not_an_angle() -> None:
    assert facts_in("Quads at 180 deg/s produced R 102 Nm.", "rom") == []


def test_a_force_in_newtons_after_a_motion_is_strength_not_range() -> None:
    text = "Hip abduction (HHD) R 142 N | L 188 N\nKnee extension R 21.4 kgf"
    assert _triples(text) == [
        ("strength", 142, "N"),
        ("strength", 188, "N"),
        ("strength", 21.4, "kg"),
    ]


def test_twin_a_force_set_on_a_machine_or_dosed_is_no_strength() -> None:
    text = "Cable column rows set at 40 N, 3x12; eccentric sets with torque limit set at 60 Nm."
    assert facts_in(text, "strength") == []


def test_twin_a_grade_letter_after_a_small_number_is_no_force() -> None:
    assert facts_in("Hip flexion 5 N per MMT sheet.", "strength") == []


# -- visual acuity -------------------------------------------------------------------------------


def test_a_snellen_fraction_after_acuity_words_is_the_acuity() -> None:
    text = "Visual acuity (Snellen, binocular, corrective lenses): 20/40."
    assert _triples(text) == [("other", "20/40", None)]


def test_twin_a_standard_beside_the_acuity_is_not_read() -> None:
    text = "Vision: Snellen 20/40 OU w/ glasses (state minimum 20/40 best eye)."
    assert _values(text).count("20/40") == 1


# -- equipment and changes -----------------------------------------------------------------------


def test_a_pistol_grip_tools_weight_is_no_grip_strength() -> None:
    text = "Tool trial: soft-grip trowel 0.3 kg and a pistol-grip pruner 0.6 kg were easier."
    assert facts_in(text, "strength") == []


def test_twin_grip_tested_stays_strength() -> None:
    text = "Grip (dynamometer, 2nd handle): R 17 kg, L 25 kg. Hand-grip strength R 18 kg."
    assert [f.value for f in facts_in(text, "strength")] == [17, 25, 18]


def test_a_prosthesis_trimmed_or_shortened_is_no_length_of_the_patient() -> None:
    text = "Prosthetist: socket brim trimmed 4 mm posteriorly, pylon shortened by 5 mm."
    assert _values(text) == []


def test_twin_a_step_length_stays_a_measurement() -> None:
    assert ("other", 58, "cm") in _triples("Gait: step length R 58 cm, L 49 cm.")


def test_a_count_said_as_a_change_is_no_result() -> None:
    text = (
        "Single-leg heel raise test to fatigue: R 18 reps (improved by 6 reps), L 24 reps.\n"
        "Step-up test 20 reps in 30 s, which is 5 reps better than at IE."
    )
    values = [f.value for f in facts_in(text) if f.unit == "reps"]
    assert values == [18, 24, 20]


def test_a_hold_keeps_its_earlier_value_after_words_of_how_it_was_held() -> None:
    text = "Upright trunk maintained 45 s during walk before cue (wk 1: 15 s)."
    facts = facts_in(text)
    assert [(f.value, "previous" in f.label) for f in facts] == [(45, False), (15, True)]


def test_a_hold_said_unaided_first_is_read_and_a_dosed_hold_is_not() -> None:
    text = (
        "Unsupported ring sitting 40 s on the mat while reaching (last session: 25 s).\n"
        "Supported standing at the bench, 10 s holds x 5 for weight bearing."
    )
    assert [f.value for f in facts_in(text)] == [40, 25]


def test_a_part_held_at_an_angle_during_a_task_is_its_position() -> None:
    text = "Prone on forearms 20 s with chin at 45 deg. L ER 60 deg with arm at 90 deg abd."
    assert [(f.kind, f.value) for f in facts_in(text)] == [("other", 20), ("rom", 60)]


# -- pads a day ----------------------------------------------------------------------------------


def test_pads_a_day_are_a_count_with_the_earlier_count_after_them() -> None:
    text = "Subjective: Pads 3/day (light) vs 5/day at eval. Wearing 1 pad/day (was 3)."
    facts = facts_in(text)
    assert [(f.value, "previous" in f.label) for f in facts] == [
        (3, False),
        (5, True),
        (1, False),
        (3, True),
    ]


def test_twin_a_goal_of_pads_and_other_pads_are_no_count() -> None:
    text = "Goal: 0 pads/day by discharge.\nPlan: wean to 1 pad/day. Lap pad 2 lb at the table."
    assert [f for f in facts_in(text) if f.label.startswith("pads")] == []


# -- angles of a set-up or an exercise ------------------------------------------------------------


def test_angles_of_a_set_up_an_exercise_or_a_table_are_no_range() -> None:
    text = (
        "Ergonomics 9 min - workstation set-up via video (elbow 90°, monitor at eye level).\n"
        "R knee control 0-15° mini squats. Cervical traction 15 lb static, supine 20° angle."
    )
    assert facts_in(text, "rom") == []


def test_twin_a_joints_range_and_a_named_angle_stay() -> None:
    text = "R knee flexion 0-115°. Popliteal angle 40° R. Set up in supine; hip flexion AROM 100°."
    assert [f.value for f in facts_in(text, "rom")] == [115, 40, 100]


def test_pounds_of_force_are_strength_and_an_exercise_weight_is_not() -> None:
    text = "HHD knee extension R 32 lbs of force, L 41 lbs of force.\nQuad set with 5 lb weight."
    assert _triples(text) == [("strength", 32, "lb"), ("strength", 41, "lb")]


def test_an_infants_weight_in_grams_is_a_body_weight_and_a_cuffs_is_not() -> None:
    text = "NICU: PMA today 36+2 wk. Weight 2140 g.\nCuff weight 500 g on the ankle."
    assert _triples(text) == [("other", 2140, "g")]
