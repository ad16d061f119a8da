"""An exercise taken "to" an angle with a load is an arc, not a range of motion measured.

The merged rules of round 16 named scaption a motion, and "scaption to 90 w/ 1#" became a ROM
of 90; only the learnt veto had kept it out, until it was retrained. "w/" after the angle is
the load's "with", never watts.
"""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts


@pytest.mark.parametrize(
    "text",
    [
        "scaption to 90 w/ 1#, elevation >90",
        "flexion to 120 w/ 2 lb",
        "Shoulder flex to 120 w/ 2 lb x10",
        "Bike 10 min at 50 W, knee flex to 110 w/ 2 lb",
    ],
)
def test_a_loaded_motion_taken_to_an_angle_is_no_measured_range(text: str) -> None:
    assert [f for f in extract_facts(text) if f.kind == "rom"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shoulder flexion AROM to 150 today", 150),
        ("Knee flexion to 120, heel slides 3x10", 120),
        ("AROM shoulder flexion 150, scaption to 90 w/ 1# 2x10", 150),
    ],
)
def test_a_measured_range_beside_an_exercise_is_still_read(text: str, value: int) -> None:
    assert [f.value for f in extract_facts(text) if f.kind == "rom"] == [value]
