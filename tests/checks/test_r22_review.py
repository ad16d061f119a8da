"""Round 22 review: mends of the merged readers, each shape with its twin."""

from __future__ import annotations

from tests.checks.conftest import labels_of


def test_a_motion_after_in_is_a_position_only_right_after_another_motion() -> None:
    # the position: the motion measured, then "in"/"at" and the limb's place
    assert labels_of("Shoulder flexion 150°; ER in adduction 55°", "rom")[55] == "shoulder ER"
    assert labels_of("hip ER in flexion 40°", "rom")[40] == "hip ER"
    # an earlier item's motion, a value or a comma between, is no position of this one
    labelled = labels_of("Shoulder flexion 150°, limited in abduction 90°", "rom")
    assert labelled[90] == "shoulder abduction"
    assert labelled[150] == "shoulder flexion"
    deficit = labels_of("R knee flexion 120 deg and in extension -5 deg", "rom")
    assert deficit[5] == "R knee extension (deficit)"


def test_four_slashed_angles_are_four_fingers_unless_they_read_as_two_arcs() -> None:
    assert labels_of("DIP: 60/65/55/50", "rom") == {
        60: "DIP index",
        65: "DIP middle",
        55: "DIP ring",
        50: "DIP small",
    }
    # a start and an end twice: two arcs, whose fingers or sides the row does not say
    assert labels_of("PIP: 15/100/10/95", "rom") == {}
    assert labels_of("MCP: 20/85/15/80", "rom") == {}
