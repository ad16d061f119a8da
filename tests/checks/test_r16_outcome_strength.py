"""Forces the patient produced, round 16 (issue 12, OUTCOME): pinch types in a list, a decimal
force is no muscle grade, a repetition maximum is a tested lift, and rows under a dynamometry
heading that gives the unit once.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _strength(text: str) -> list[tuple[object, str | None, str]]:
    return [(f.value, f.unit, f.label) for f in extract_facts(text) if f.kind == "strength"]


def test_pinch_list_labels_each_type() -> None:
    read = _strength(
        "Pinch strength: lateral (key) R 3.2 kg, L 5.9 kg; tip R 2.1 kg, L 3.6 kg; "
        "palmar (3-point) R 2.8 kg, L 4.9 kg."
    )
    assert read == [
        (3.2, "kg", "R lateral pinch"),
        (5.9, "kg", "L lateral pinch"),
        (2.1, "kg", "R tip pinch"),
        (3.6, "kg", "L tip pinch"),
        (2.8, "kg", "R palmar pinch"),
        (4.9, "kg", "L palmar pinch"),
    ]


def test_twin_named_pinches_keep_their_names() -> None:
    read = _strength("Key pinch R 8.5 kg, L 7 kg; tip pinch R 5 kg.")
    assert [label for _, _, label in read] == ["R key pinch", "L key pinch", "R tip pinch"]


def test_decimal_force_is_no_muscle_grade() -> None:
    facts = extract_facts("Pinch strength R 3.2 kg, L 4.5 kg.")
    assert not any(f.kind == "mmt" for f in facts)


def test_twin_bare_grade_before_a_full_stop_stays() -> None:
    facts = extract_facts("Strength: hip abd 4. Knee ext 5.")
    assert ("mmt", "4") in [(f.kind, f.value) for f in facts]


def test_repetition_maximum_is_a_tested_lift() -> None:
    assert (60, "kg", "bench press 1-rm") in _strength("Bench press 1-RM: 60 kg")
    read = _strength("Single-leg press 1RM R 62 kg, L 78 kg.")
    assert [(v, label.split()[0]) for v, _, label in read] == [(62, "R"), (78, "L")]


def test_twin_lift_in_a_goal_or_a_room_is_none() -> None:
    assert _strength("goal: squat 1RM 100 kg") == []
    assert 5 not in [f.value for f in extract_facts("Pt in rm 5, HR 72")]


def test_rows_under_a_force_heading() -> None:
    read = _strength(
        "Hand-held dynamometry (make test, N):\n"
        "  Hip abduction  R 214  L 236\n"
        "  Hip extension  R 262  L 281\n\nA: ok\n"
    )
    assert read == [
        (214, "N", "R Hip abduction"),
        (236, "N", "L Hip abduction"),
        (262, "N", "R Hip extension"),
        (281, "N", "L Hip extension"),
    ]


def test_twin_grades_under_a_force_heading_stay_grades() -> None:
    facts = extract_facts("Isokinetic (Nm):\nKnee ext R 4/5 L 5/5\n")
    assert not any(f.kind == "strength" for f in facts)
    assert _strength("HHD (kg):\nQuads R 21.5 L 28\n") == [
        (21.5, "kg", "R Quads"),
        (28, "kg", "L Quads"),
    ]
