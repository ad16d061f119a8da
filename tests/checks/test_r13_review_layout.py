"""Review of round 13's layout rewrites: a grade in a test position, a grade over 5 with "N", a
grade or a blood pressure under a time-pair heading, a heading whose title names an earlier
time, and a line joined to the name above it. Each test also keeps the round's right reading.
"""

from __future__ import annotations

from tests.checks.conftest import facts_in


def _read(text: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in facts_in(text)]


def test_a_grade_after_a_test_position_under_a_strength_heading_is_no_angle() -> None:
    assert _read("MMT: hip abd (sidelying) 3, hip ext (prone) 4.") == [
        ("mmt", "3", "hip abduction"),
        ("mmt", "4", "hip extension"),
    ]
    assert _read("Strength: hip abd (sidelying) 4") == [("mmt", "4", "hip abduction")]


def test_an_angle_after_a_test_position_is_still_read() -> None:
    assert _read("Hip IR (prone) 30") == [("rom", 30, "hip IR")]
    assert _read("knee flexion (in supine) 120 deg") == [("rom", 120, "knee flexion")]


def test_a_grade_over_five_with_n_is_one_grade() -> None:
    assert _read("MMT: hip flex 5/5 N") == [("mmt", "5", "hip flexion")]
    assert _read("Hip flexion 5/5 N throughout.") == [("mmt", "5", "hip flexion")]
    assert _read("Quad strength 5/5 N") == [("mmt", "5", "quadriceps")]


def test_two_loads_over_a_slash_are_still_two() -> None:
    assert _read("Grip R 38/40 kg") == [("strength", 38, "R grip"), ("strength", 40, "R grip")]


def test_a_grade_or_a_blood_pressure_under_a_time_pair_heading_is_one_value() -> None:
    assert _read("Objective (today / eval):\nHip abd MMT 4 / 5\n") == [
        ("mmt", "4", "hip abduction")
    ]
    assert [kind for kind, _, _ in _read("Vitals (today / eval):\nBP 128 / 82\n")] == ["other"]


def test_rows_after_a_one_value_row_are_still_time_pairs() -> None:
    text = "Objective (today / eval):\nBP 128 / 82\nR knee flexion 118 / 104 deg\n"
    assert _read(text)[1:] == [
        ("rom", 118, "R knee flexion"),
        ("rom", 104, "R knee flexion (previous)"),
    ]


def test_a_heading_title_naming_an_earlier_time_leaves_todays_value_todays() -> None:
    assert _read("Compared with eval (today / eval): gait speed 0.8 / 0.6 m/s.") == [
        ("outcome", 0.8, "10MWT"),
        ("outcome", 0.6, "10MWT (previous)"),
    ]


def test_the_second_column_keeps_the_rows_side() -> None:
    assert _read("Objective (today / eval):\nR grip 30 / 25 kg.\n") == [
        ("strength", 30, "R grip"),
        ("strength", 25, "R grip (previous)"),
    ]


def test_a_dose_on_the_next_line_is_not_joined_to_the_name() -> None:
    assert _read("Worked on R knee flexion\n15, 20 reps each\n") == []


def test_a_bare_value_is_joined_only_in_a_note_with_ocr_slips() -> None:
    assert _read("PROM flex\n108.\n") == []
    assert _read("PROM flex\nl08.\n") == [("rom", 108, "flexion PROM")]
    assert _read("L shoulder flexion\n110 deg\n") == [("rom", 110, "L shoulder flexion")]
