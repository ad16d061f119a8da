"""Round 16 (LABEL): which side and motion a value is of. A side heading that opens the value's
own line, a side said once after a sentence's values ("both R"), sides paired by a slash with
bare numbers, and motion words (scaption, rad/uln dev, side bending). Each rule with the readings
it must not make."""

from __future__ import annotations

from tests.checks.test_r13_review_billing import HEADER
from tui.core.checks.extract import extract_facts


def _labels(body: str) -> dict[object, str]:
    """Each value read from the note's body to its label."""
    return {fact.value: fact.label for fact in extract_facts(HEADER + body)}


def _side(label: str) -> str:
    words = label.split()
    return "R" if "R" in words else "L" if "L" in words else ""


def test_a_line_opening_side_label_sides_its_later_sentences() -> None:
    found = _labels("O: R index finger AROM: MCP 78°, PIP 88°, DIP 52°. TAM 218° (L index 262°).\n")
    assert _side(found[218]) == "R" and "TAM" in found[218]
    assert _side(found[262]) == "L"


def test_twin_a_line_label_of_another_side_wording() -> None:
    found = _labels("O: Left long finger: PIP 70°. TAM 190°.\nGrip 20 kg.\n")
    assert _side(found[190]) == "L"
    assert _side(found[20]) == ""  # the next line is no longer the label's


def test_a_side_said_once_after_the_values_sides_them_all() -> None:
    found = _labels("O: Forearm pronation 80° / supination 72°, both R.\n")
    assert _side(found[80]) == "R" and _side(found[72]) == "R"


def test_twin_all_right_side_after_a_list() -> None:
    found = _labels("O: Wrist: rad dev 16, uln dev 27 - all right side.\n")
    assert _side(found[16]) == "R" and "radial deviation" in found[16]
    assert _side(found[27]) == "R" and "ulnar deviation" in found[27]


def test_a_value_keeps_its_own_side_before_a_tail() -> None:
    found = _labels("O: Grip 20 kg R, 30 kg, both left.\n")
    assert _side(found[20]) == "R" and _side(found[30]) == "L"


def test_sides_paired_by_a_slash_with_bare_numbers() -> None:
    found = _labels("O: Cervical AROM: rot R 62 / L 48, SB R 34 / L 22.\n")
    assert _side(found[62]) == "R" and "rotation" in found[62] and "ER" not in found[62]
    assert _side(found[48]) == "L" and _side(found[22]) == "L"
    assert "side bending" in found[34]


def test_twin_a_slash_before_no_side_is_still_no_angle() -> None:
    found = _labels("O: Shoulder ER R 62/L 48.\nPain 4/10, knee 10/2.\n")
    assert _side(found[62]) == "R" and _side(found[48]) == "L"
    assert 10 not in [f.value for f in extract_facts(HEADER + "O: knee 10/2.\n") if f.kind == "rom"]


def test_scaption_is_its_own_motion_under_a_side_heading() -> None:
    found = _labels("O:\nLEFT SHOULDER AROM\n  Flexion 148\n  Scaption 141\n")
    assert "scaption" in found[141] and _side(found[141]) == "L"
    assert "scaption" not in found[148]


def test_two_items_words_make_no_phrase_across_a_value() -> None:
    found = _labels("O: Cervical AROM: flex 50°, ext 55°, rot R 70° L 62°.\n")
    assert "rotation" in found[70] and "ER" not in found[70].split()
    assert _side(found[62]) == "L" and "ER" not in found[62].split()


def test_twin_a_phrase_written_with_a_dot_is_still_one() -> None:
    found = _labels("O: R shoulder ext. rot 45°, int rot 30°.\n")
    assert "ER" in found[45].split() and "IR" in found[30].split()


def test_a_limb_held_still_with_w_slash_names_no_joint() -> None:
    found = _labels("O: Ankle DF w/ knee ext: R 5°, L 8°.\n")
    assert "dorsiflexion" in found[5] and "knee" not in found[5]
    assert _side(found[8]) == "L" and "knee" not in found[8]


def test_twin_the_knee_measured_with_w_slash_keeps_its_joint() -> None:
    found = _labels("O: R knee ext w/ quad set 0°, knee flex 120°.\n")
    assert "knee" in found[120]


def test_a_dynamometer_value_names_the_muscle_or_motion_tested() -> None:
    found = _labels("O: R hip abd HHD 18.4 kg (L 21.9 kg).\n")
    assert "hip abduction" in found[18.4] and _side(found[18.4]) == "R"
    assert "hip abduction" in found[21.9] and _side(found[21.9]) == "L"
    found = _labels("O: Quad strength (handheld dynamometer) L 28.4 kg, R 36.0 kg.\n")
    assert "quadriceps" in found[28.4] and "quadriceps" in found[36.0]


def test_twin_a_dynamometer_takes_no_neighbour_s_motion_and_grip_names_itself() -> None:
    found = _labels("O: Knee ext 4/5; HHD R 30 kg. Knee flex 4/5; Jamar L 24 kg.\n")
    assert "knee" not in found[30] and "knee" not in found[24]
    found = _labels("O: R hand grip 22 kg.\n")
    assert found[22] == "R grip"


def test_an_arc_with_a_weight_held_is_an_exercise_no_range() -> None:
    body = "O: Ther ex: scaption to 90° with 1 kg; flexion to 90° with 1 kg, 3x10.\n"
    assert [f.value for f in extract_facts(HEADER + body) if f.kind == "rom"] == []


def test_twin_a_measured_scaption_is_still_read() -> None:
    found = _labels("O: L shoulder AROM: scaption 140°, flexion 150°.\n")
    assert "scaption" in found[140] and _side(found[140]) == "L"


def test_an_angle_within_which_a_value_stands_is_no_range() -> None:
    body = "A: Meeting goals; flexion within 6° of the 120° goal.\n"
    assert 6 not in [f.value for f in extract_facts(HEADER + body) if f.kind == "rom"]


def test_twin_the_value_before_within_is_still_read() -> None:
    found = _labels("O: R knee flexion 114°, within 5 deg of L.\n")
    assert 114 in found and 5 not in found
