"""Round 22, length tests and heldout30's shapes: a muscle-length angle is the measured joint's,
never the held joint's; a force table whose heading gives the sides' order; a breathing measure
in a second posture; contrast sensitivity and UFOV subtest times as direct measures. Real text
in, facts out, the readings that must still be refused beside them, and CPU time on long lines
of each shape."""

from __future__ import annotations

import time

from tui.core.checks.extract import extract_facts

HEADER = "Patient: Length Test\nDate: 2145-01-08\n\nO:\n"


def _read(body: str) -> list[tuple[str, object, str]]:
    return [(fact.kind, fact.value, fact.label) for fact in extract_facts(HEADER + body)]


def _roms(body: str) -> list[tuple[object, str]]:
    return [(value, label) for kind, value, label in _read(body) if kind == "rom"]


# -- muscle-length tests: the joint measured, the held joint in the label ----------------------


def test_a_calf_muscle_with_the_knee_held_is_the_ankles_dorsiflexion() -> None:
    found = _roms("L gastroc (knee ext)  -8°       6°\nL soleus (knee flex)   2°      14°\n")
    assert found == [
        (8, "L gastrocnemius ankle dorsiflexion (knee extended) (deficit)"),
        (6, "L gastrocnemius ankle dorsiflexion (knee extended)"),
        (2, "L soleus ankle dorsiflexion (knee flexed)"),
        (14, "L soleus ankle dorsiflexion (knee flexed)"),
    ]
    assert not any("knee extension" in label or "knee flexion" in label for _, label in found)


def test_a_muscle_named_by_a_phrase_or_a_test_is_its_joints() -> None:
    found = _roms(
        "Gastrocnemius, knee extended: R 9°, L 2°\n"
        "Hamstrings (90/90 test): R lacks 20°, L lacks 28°.\n"
        "Rectus femoris length (Ely) R 118°, L 104°.\n"
    )
    assert (9, "R gastrocnemius ankle dorsiflexion") in found
    assert (20, "R hamstrings knee extension (deficit)") in found
    assert (104, "L rectus femoris knee flexion") in found


def test_a_joint_named_after_the_muscle_keeps_its_own_angle() -> None:
    found = _roms("Gastroc stretch 3x30s, knee flex 110°.")
    assert found == [(110, "knee flexion")]


def test_a_one_joint_motion_is_never_the_held_joints() -> None:
    found = _roms("Ankle DF with knee extended 5° R, 0° L; with knee flexed 15° R, 10° L.")
    assert found == [
        (5, "R ankle dorsiflexion"),
        (0, "L ankle dorsiflexion"),
        (15, "R ankle dorsiflexion"),
        (10, "L ankle dorsiflexion"),
    ]


def test_a_held_angle_with_no_side_after_it_is_still_a_setting() -> None:
    found = _roms("Cast #2 applied with the knee flexed 30° during application.")
    assert found == []


def test_a_numbered_cast_in_a_bracket_is_an_earlier_time() -> None:
    found = _roms("L gastroc (knee ext)  -8°  6°  (cast #2 on: R1 -16°, R2 0°)\n")
    assert ["(previous)" in label for _, label in found] == [False, False, True, True]


# -- forces under a heading that gives the sides' order -----------------------------------------


def test_a_side_legend_in_the_heading_sides_each_rows_pair() -> None:
    found = _read(
        "Strength — HHD (kg), R / L\n"
        "   hip flexion      8.4 / 11.2\n"
        "   grip (Jamar, handle 2)  12 / 19\n"
        "MMT: neck flexors 4/5.\n"
    )
    strengths = [(value, label) for kind, value, label in found if kind == "strength"]
    assert strengths == [
        (8.4, "R hip flexion"),
        (11.2, "L hip flexion"),
        (12, "R grip Jamar handle"),
        (19, "L grip Jamar handle"),
    ]


def test_a_legend_read_left_first_sides_the_first_value_left() -> None:
    found = _read("Dynamometry (lbf), L / R\n  elbow flexion   18.5 / 22.0\n")
    assert [(v, lab) for k, v, lab in found if k == "strength"] == [
        (18.5, "L elbow flexion"),
        (22.0, "R elbow flexion"),
    ]


def test_a_heading_without_a_legend_or_colon_reads_no_pairs() -> None:
    found = _read("Strength — HHD (kg)\n   hip flexion      8.4 / 11.2\n")
    assert not any(kind == "strength" for kind, _, _ in found)


# -- breathing measures in a second posture ----------------------------------------------------


def test_a_second_posture_after_a_breathing_measure_is_the_same_measure() -> None:
    found = _read("FVC sitting 2.41 L (68% predicted); supine 1.92 L (54% predicted)\n")
    assert ("other", 1.92, "FVC supine") in found
    assert ("other", 2.41, "FVC") in found


def test_a_goal_after_a_breathing_measure_is_no_posture() -> None:
    found = _read("FVC 2.0 L; goal 2.5 L\n")
    assert [value for kind, value, _ in found if kind == "other"] == [2.0]


# -- a driving screen's vision and attention ---------------------------------------------------


def test_contrast_sensitivity_and_ufov_subtest_times_are_direct_measures() -> None:
    found = _read(
        "Pelli-Robson contrast sensitivity 1.65 log units.\n"
        "UFOV: processing speed 23 ms, divided attention 150 ms, selective attention 290 ms"
        " → risk category 2 (low to moderate).\n"
    )
    kinds = {value: kind for kind, value, _ in found}
    assert kinds[1.65] == "other"
    assert kinds[23] == kinds[150] == kinds[290] == "other"
    assert kinds[2] == "outcome"  # the risk category is the test's result


# -- linear time: long lines of each shape -------------------------------------------------------


def _cpu(body: str) -> float:
    start = time.process_time()
    extract_facts(HEADER + body)
    return time.process_time() - start


def test_a_long_line_of_muscle_words_before_an_angle_reads_well_under_a_second() -> None:
    words = "Gastroc (knee ext) soleus (knee flex) hamstrings 90/90 "
    assert _cpu(words * (40_000 // len(words)) + "-8°") < 1.0


def _growth(head: str, row: str) -> float:
    """CPU time of 40 KB of rows over that of 10 KB: about 4 when the reading is linear."""
    _cpu(head + row)  # the tables and patterns are built once, outside the measure
    small = _cpu(head + row * (10_000 // len(row)))
    large = _cpu(head + row * (40_000 // len(row)))
    return large / max(small, 0.01)


def test_pair_rows_and_second_postures_grow_linearly() -> None:
    assert _growth("Strength - HHD (kg), R / L\n", "  hip flexion  8.4 / 11.2\n") < 7
    assert _growth("", "FVC sitting 2.41 L (68% predicted); supine 1.92 L; ") < 7
    assert _growth("", "L gastroc (knee ext) -8° 6°; R soleus (knee flex) 2° 14°; ") < 7
