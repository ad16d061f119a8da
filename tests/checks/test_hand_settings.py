"""Hand-therapy numbers that are not ranges of motion (issue 12): notes of our own, each with a
twin that must be read.

A Semmes-Weinstein monofilament is named by its marking (2.83 ... 6.65): the filament felt,
read as that scale's value, never an angle of the digit named before it. A line keyed by an
orthosis ("Splint: ... wrist 30° ext") sets the angles on it; a range of motion named on the
same line is still read.
"""

from __future__ import annotations

from tui.core.checks.extract import extract_facts


def _facts(text: str) -> list[tuple[str, object]]:
    return [(f.kind, f.value) for f in extract_facts(text)]


def test_monofilament_markings_are_never_angles() -> None:
    found = _facts("Sensory: Semmes-Weinstein L index 4.56, long 3.61, thumb 6.65.")
    assert ("rom", 4.56) not in found and ("rom", 3.61) not in found
    assert [v for k, v in found if k == "other"] == [4.56, 3.61, 6.65]
    found = _facts("Monofilament testing small finger 4.31 (diminished protective).")
    assert found == [("other", 4.31)]


def test_twin_a_thumb_angle_near_a_decimal_is_still_an_angle() -> None:
    assert _facts("R thumb palmar abd 42 deg.") == [("rom", 42)]


def test_angles_on_a_line_keyed_by_an_orthosis_are_settings() -> None:
    assert _facts("Splint: resting hand, wrist 20 deg ext, MCPs 60 deg flex.") == []
    assert _facts("Brace: hinged knee, locked at 0 deg; unlocked to 45 deg next wk.") == []
    assert _facts("Orthosis: thumb spica refitted; IP free, CMC at 30 deg palmar abd.") == []


def test_twin_range_of_motion_on_a_line_keyed_by_an_orthosis_is_still_read() -> None:
    found = _facts("Splint: off for exercise; AROM wrist ext 40 deg, flex 35 deg.")
    assert ("rom", 40) in found and ("rom", 35) in found


def test_a_total_of_a_fingers_motion_may_pass_one_joints_range() -> None:
    found = _facts("L ring: MP 0-80, PIP 0-100, DIP 0-70; TAM 250° (R ring 270°).")
    assert ("rom", 250) in found and ("rom", 270) in found


def test_twin_one_joint_past_its_range_is_still_no_angle() -> None:
    assert ("rom", 250) not in _facts("Wrist flexion 250 today.")


def test_a_keyed_pair_of_sides_takes_the_unit_of_its_key() -> None:
    found = [(f.kind, f.value, f.unit, f.label) for f in extract_facts("Key pinch L/R (kg): 4.5/7")]
    assert [(kind, value, unit) for kind, value, unit, _ in found] == [
        ("strength", 4.5, "kg"),
        ("strength", 7, "kg"),
    ]
    assert found[0][3].startswith("L") and found[1][3].startswith("R")
    found = [(f.kind, f.value) for f in extract_facts("Jamar pos 4 L/R (lb): 31/60")]
    assert found == [("strength", 31), ("strength", 60)]


def test_twin_a_pair_of_lengths_out_of_five_is_no_muscle_grade() -> None:
    found = [(f.kind, f.value) for f in extract_facts("Static 2PD index/long (mm): 3/5")]
    assert ("mmt", "3") not in found


def test_a_key_with_its_scale_before_its_last_words_reads_the_value_with_it() -> None:
    found = _facts("Pain Rating (0-10) during putty: 3")
    assert found == [("pain", 3)]
    assert _facts("Edema (cm) over MCPs: 19.5") == [("girth", 19.5)]


def test_twin_a_bracket_that_is_no_unit_leaves_the_key_alone() -> None:
    assert ("pain", 2) not in _facts("Visits (auth) remaining: 2")
