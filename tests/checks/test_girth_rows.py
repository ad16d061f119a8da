"""Girth rows at a landmark's offset: the offset labels the row, each value after it is a
girth with its side; a distance walked or a tape position without values is no girth."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _girths(text: str) -> list[tuple[float | int | str, str]]:
    return [(f.value, f.label) for f in extract_facts(text) if f.kind == "girth"]


def test_lymphedema_table_under_a_sided_header() -> None:
    note = (
        "O: Arm circumference R / L (cm) from the olecranon, every 5 cm:\n"
        "   5 cm   27.4 / 24.1\n"
        "   10 cm   30.2 / 26.8\n"
    )
    read = _girths(note)
    assert [v for v, _ in read] == [27.4, 24.1, 30.2, 26.8]
    assert [label.split()[0] for _, label in read] == ["R", "L", "R", "L"]


def test_lymphedema_table_twin_a_walk_is_no_girth() -> None:
    read = _girths("Pt ambulated 150 ft w/ RW, then seated 5 min; arm sleeve donned.")
    assert read == []


def test_edema_after_fracture_offset_above_a_landmark() -> None:
    read = _girths("Edema: 12 cm above lat malleolus: R 26.5 L 24.0 (ankle ORIF 6 wk ago).")
    assert [(v, label.split()[0]) for v, label in read] == [(26.5, "R"), (24.0, "L")]
    assert all("12 cm above lat malleolus" in label for _, label in read)


def test_edema_twin_a_tape_position_without_values() -> None:
    read = _girths("Girth to be taken 12 cm above lat malleolus next visit.")
    assert read == []


def test_post_op_knee_effusion_with_earlier_values_in_a_bracket() -> None:
    read = _girths("Knee girth @ 5 cm prox to patella 44.5 | 10 cm 47.0 (IE 46.0 / 49.5).")
    assert [v for v, _ in read] == [44.5, 47.0, 46.0, 49.5]
    assert [("previous" in label) for _, label in read] == [False, False, True, True]


def test_post_op_knee_twin_an_offset_alone() -> None:
    read = _girths("Circumference measured 5 cm prox to patella, see flowsheet.")
    assert read == []


def test_pediatric_growth_thigh_girth_both_sides() -> None:
    read = _girths("Thigh circumference 10 cm above patella: L 28.5 cm, R 30.0 cm.")
    assert [(v, label.split()[0]) for v, label in read] == [(28.5, "L"), (30.0, "R")]


def test_pediatric_twin_a_stride_length_is_no_girth() -> None:
    read = _girths("Pediatric gait: stride length 62 cm, ran 20 m in 6 s.")
    assert read == []


def test_bulleted_rows_under_a_header_keep_every_value() -> None:
    note = (
        "- Leg circumference (cm), L / R:\n"
        "- ankle   22.1 / 23.0\n"
        "- 15 cm prox   31.6 / 33.9\n"
        "- 30 cm prox   44.2 / 47.5\n"
    )
    read = _girths(note)
    assert [v for v, _ in read] == [22.1, 23.0, 31.6, 33.9, 44.2, 47.5]
    assert [label.split()[0] for _, label in read] == ["L", "R"] * 3
    assert "at ankle" in read[0][1]


def test_bulleted_rows_twin_a_dose_range_on_the_next_line_is_no_girth() -> None:
    note = "- Calf raises 2x15\n- 10 cm prox to ankle: tape applied, no values today\n"
    assert _girths(note) == []


def test_named_landmark_pair_after_a_bar_header_and_a_sided_bracket() -> None:
    read = _girths("Foot circumference R | L (cm): MTP 24.0 | 22.5.")
    assert [(v, label.split()[0]) for v, label in read] == [(24.0, "R"), (22.5, "L")]
    other_side = _girths("Edema R ankle at 8 cm above malleolus 27.2 cm (L 25.0 cm).")
    assert [("previous" in label) for _, label in other_side] == [False, False]


def test_named_landmark_twin_a_joint_angle_pair_is_no_girth() -> None:
    assert _girths("Wrist ext AROM R / L: 55 / 70 deg.") == []


def test_a_limb_volume_is_a_volume_not_a_girth() -> None:
    facts = extract_facts("Volumetry after bandaging: affected arm 2,905 mL, other arm 2,480 mL.")
    volumes = sorted((f.kind, f.value) for f in facts if f.unit == "mL")
    assert volumes == [("other", 2480), ("other", 2905)]


def test_twin_a_circumference_under_the_same_words_stays_a_girth() -> None:
    facts = extract_facts("Volumetry not done; circumference at the wrist 17.5 cm, elbow 26 cm.")
    assert sorted((f.kind, f.value) for f in facts if f.unit == "cm") == [
        ("girth", 17.5),
        ("girth", 26),
    ]
