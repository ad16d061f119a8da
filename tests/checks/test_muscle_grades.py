"""When a grade out of five is a muscle grade (issue 12, pediatric and neuro notes): notes of
our own, each with a twin that must not be read.

A bare grade after a muscle group ("wrist extensors 4", as a spinal-cord exam lists its key
muscles) grades the muscles and is never an angle of the joint named before it; a count out of
five ("froze 3/5", "baseline 1/5") with no muscle, joint, motion or muscle-testing words is no
grade; grades of a tone scale listed per side ("MAS hamstrings R/L 1+/2") are never MMT.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _kinds(text: str, kind: str) -> list[tuple[str, str]]:
    return [(str(f.value), f.label) for f in extract_facts(text) if f.kind == kind]


def test_key_muscle_grades_after_a_muscle_group_are_muscle_grades() -> None:
    text = (
        "Motor exam (ISNCSCI). Left side: shoulder abductors 4, elbow extensors 3, "
        "hip flexors 2. Right: ankle dorsiflexors 1."
    )
    grades = _kinds(text, "mmt")
    assert [value for value, _ in grades] == ["4", "3", "2", "1"]
    assert "extensors" in grades[1][0] + grades[1][1]
    assert _kinds(text, "rom") == []


def test_twin_a_joint_angle_after_a_motion_stays_an_angle() -> None:
    text = "AROM: L shoulder abduction 95 deg, elbow extension -10 deg."
    assert [value for value, _ in _kinds(text, "rom")] == ["95", "10"]
    assert _kinds(text, "mmt") == []


def test_grades_after_a_muscle_group_in_a_sentence_about_tone_are_not_mmt() -> None:
    assert _kinds("Tone today: knee extensors 2, plantarflexors 3 (R).", "mmt") == []
    assert _kinds("Spasticity: elbow flexors 1+, wrist flexors 2.", "mmt") == []


def test_a_count_out_of_five_with_nothing_graded_is_no_muscle_grade() -> None:
    assert _kinds("Cup stacking: completed 2/5 towers before tiring.", "mmt") == []
    assert _kinds("Threshold crossing w/o cue froze 4/5; with visual cue 1/5.", "mmt") == []
    assert _kinds("Initial data 1/5. Current 2/5 across six weeks.", "mmt") == []


def test_twin_a_grade_out_of_five_of_a_muscle_or_a_whole_limb_is_still_read() -> None:
    assert _kinds("Glute med 3+/5 R.", "mmt")[0][0] == "3+"
    assert _kinds("Strength: 4/5 throughout BUE.", "mmt")[0][0] == "4"
    assert _kinds("R ankle DF 2/5, eversion 3-/5.", "mmt")[0][0] == "2"


def test_a_tone_scale_listed_per_side_is_not_muscle_grades() -> None:
    assert _kinds("Modified Ashworth hamstrings R/L 1+/2 today.", "mmt") == []
    assert _kinds("MAS biceps R/L: 2/1", "mmt") == []


def test_twin_muscle_grades_listed_per_side_are_still_grades() -> None:
    assert [v for v, _ in _kinds("MMT hamstrings R/L 4/4-.", "mmt")] == ["4", "4-"]


def test_a_muscle_named_by_its_initials_is_graded_and_the_grade_after_it_too() -> None:
    assert [v for v, _ in _kinds("Intrinsics: FDI 3/5 L, 4+/5 R.", "mmt")] == ["3", "4+"]


def test_twin_a_range_whose_end_is_a_count_is_no_angle() -> None:
    assert _kinds("Tingling R index-long wakes him 2-3x/night.", "rom") == []


def test_twin_a_muscle_the_tables_do_not_name_keeps_its_grade() -> None:
    assert [v for v, _ in _kinds("Serratus anterior R 3+/5; vastus medialis L 4-/5.", "mmt")] == [
        "3+",
        "4-",
    ]
