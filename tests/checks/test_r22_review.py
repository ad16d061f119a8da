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
