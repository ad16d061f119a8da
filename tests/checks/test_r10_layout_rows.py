"""Rows whose meaning is in a heading (issue 12, round 10): girth rows named by a landmark with
its tape position in brackets ("wrist (0 cm) ...... 16.2 / 15.6") under "(L / R, cm)", and
value pairs under a heading naming motion columns ("AROM R ring finger (ext / flex, degrees):"
over "PIP -15 / 85"). Each reading has a twin: the positions and a device's settings are no
measurements."""

from __future__ import annotations

from tui.core.checks.extract import extract_facts
from tui.core.checks.facts import Fact

GIRTHS = (
    "Circumference, tape from the ulnar styloid (L / R, cm):\n"
    "    wrist (0 cm) ........ 16.2 / 15.6\n"
    "    10 cm ............... 21.8 / 20.1\n"
    "    20 cm ............... 25.9 / 24.0\n"
    "P: re-measure at the 0, 10 and 20 cm marks next week.\n"
)


def facts(text: str) -> list[Fact]:
    return extract_facts(text)


def test_landmark_rows_with_a_bracketed_position_are_girths_by_column() -> None:
    girths = {(fact.value, fact.label.split()[0]) for fact in facts(GIRTHS) if fact.kind == "girth"}
    assert girths == {
        (16.2, "L"),
        (15.6, "R"),
        (21.8, "L"),
        (20.1, "R"),
        (25.9, "L"),
        (24.0, "R"),
    }


def test_tape_positions_are_never_values() -> None:
    # the twin: the rows' positions, and the same positions named again in the plan
    assert not {0, 10, 20} & {fact.value for fact in facts(GIRTHS)}


def test_a_position_with_a_girth_after_it_elsewhere_is_still_read() -> None:
    text = GIRTHS + "Calf circumference 10 cm below the knee 31.5 cm.\n"
    assert 31.5 in {fact.value for fact in facts(text) if fact.kind == "girth"}


PAIRS = (
    "AROM R ring finger (ext / flex, degrees):\n  MP    0 / 80\n  PIP  -15 / 85\n  DIP  -5 / 50\n"
)


def test_pair_rows_read_each_value_with_its_columns_motion() -> None:
    roms = {fact.value: fact.label for fact in facts(PAIRS) if fact.kind == "rom"}
    assert "flexion" in roms[80] and "MP" in roms[80]
    assert "flexion" in roms[85] and "PIP" in roms[85]
    assert "extension" in roms[15] and "PIP" in roms[15]
    assert "flexion" in roms[50] and "DIP" in roms[50]
    assert all("R" in label.split() for label in roms.values())


def test_pair_rows_are_no_scores() -> None:
    # the twin: "0 / 80" is two angles, never a score out of 80
    assert not any(fact.kind in ("outcome", "pain") for fact in facts(PAIRS))


def test_an_orthosis_settings_heading_gives_no_range() -> None:
    # the twin: a hinge's stops are the device's angles, not the patient's
    text = "Orthosis settings (flex / ext, deg):\n  hinge stop     10 / 0\n"
    assert not any(fact.kind == "rom" for fact in facts(text))


def test_side_columns_are_left_to_the_girth_and_table_readers() -> None:
    # the twin: a heading of sides does not make its rows motions
    text = "Grip (R / L, kg):\n  pos 2   31 / 18\n"
    assert not any(fact.kind == "rom" for fact in facts(text))


def test_a_row_naming_a_motion_is_no_row_of_motion_columns() -> None:
    # the twin: "flexion 58 / 70" after the rows, its own heading lost, is not flex / ext
    text = PAIRS + "  flexion     58 / 70\n"
    assert not {58, 70} & {fact.value for fact in facts(text) if fact.kind == "rom"}


HOPS = (
    "| Test | R | L |\n|---|---|---|\n| 6 m timed hop (s) | 2.10 | 2.31 |\n| GMFM-66 | 44.8 | |\n"
)


def test_a_number_standing_in_a_rows_name_is_part_of_the_name() -> None:
    found = {fact.value for fact in facts(HOPS)}
    assert 6 not in found
    assert {2.1, 2.31} <= found


def test_a_number_glued_to_an_instruments_name_still_names_it() -> None:
    # the twin: "GMFM-66" is the instrument's name, read by its reader with its score
    assert any(fact.measure == "GMFM-66" and fact.value == 44.8 for fact in facts(HOPS))
