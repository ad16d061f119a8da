"""Sizes and settings of equipment are not measurements of the patient (issue 12): each note
of our own with a size or a setting, then its twin where the same unit measures the patient."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts
from tui.core.checks.verify.verify import verify

# (note, values that must not be read as a fact)
SETTINGS = [
    ("Tx: eccentric step-downs off 15 cm riser, 3x8 each LE.", [15]),
    ("Stair/curb training: negotiated 7 in curb w/ quad cane, CGA.", [7]),
    ("W/c measured: seat width 17 in, seat depth 16 in, back height 15 in.", [17, 16, 15]),
    ("Transfers: supine to sit w/ HOB elevated 45 deg, min A x1.", [45]),
    ("Positioning: head of bed at 30°, heels floated on pillow.", [30]),
    ("Power chair: tilt 25° for pressure relief every 20 min.", [25]),
    ("Issued volar wrist cock-up splint set at 15° ext for night wear.", [15]),
    ("Knee brace hinge locked at 0-40° per surgeon.", [0, 40]),
    ("Gait on treadmill 1.8 mph, incline 4°, 12 min.", [4]),
    ("Aquatic: walked laps in 1.2 m deep water; depth 4 ft at the rail.", [1.2, 4]),
    ("Balance: stepping over a 20 cm hurdle x5 with SBA.", [20]),
    ("Pressure relief: w/ 35° tilt interface peak 52 mmHg.", [35]),
]
# Twins: the same units measuring the patient, which must still be read.
MEASURED = [
    ("Knee girth at joint line R 41 cm, L 38 cm.", [("girth", 41), ("girth", 38)]),
    ("R wrist ext AROM 35°, flex 50°.", [("rom", 35), ("rom", 50)]),
    ("R shoulder ER 40° in supine.", [("rom", 40)]),
    ("Step length 52 cm R, 44 cm L on video.", [("other", 52)]),
    ("Figure-of-8 ankle R 54.5 cm.", [("girth", 54.5)]),
    ("Hip flex AROM R 105°; hip abd 30°.", [("rom", 105), ("rom", 30)]),
]


@pytest.mark.parametrize(("note", "values"), SETTINGS, ids=lambda x: str(x)[:30])
def test_a_size_or_setting_of_equipment_is_not_a_fact(note: str, values: list[float]) -> None:
    read = [fact.value for fact in extract_facts(note)]
    assert not [value for value in values if value in read], read


@pytest.mark.parametrize(("note", "facts"), MEASURED, ids=lambda x: str(x)[:30])
def test_the_same_units_measuring_the_patient_are_read(
    note: str, facts: list[tuple[str, float]]
) -> None:
    read = {(fact.kind, fact.value) for fact in extract_facts(note)}
    assert set(facts) <= read, read


def test_a_joint_named_before_a_size_does_not_make_it_an_angle() -> None:
    """ "hip width 16", "shoulder height 22": lengths of the patient (no unit after them), never
    a hip or shoulder range of motion; the twin "hip abd 16°" is one."""
    facts = extract_facts("Seating measures: hip width 16, shoulder height 22. Hip abd 16°.")
    assert [(f.kind, f.value) for f in facts if f.kind == "rom"] == [("rom", 16)]


def test_a_draft_that_moves_a_setting_is_not_asked_to_carry_it_as_a_measurement() -> None:
    note = "Bed mobility: rolling mod I, HOB 30°. R knee flex AROM 95°."
    draft = "Objective: rolls with modified independence. Right knee flexion AROM 95°."
    assert verify(note, draft).missing == []
