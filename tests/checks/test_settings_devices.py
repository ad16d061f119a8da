"""Settings of a machine are not the patient (issue 12): ventilator, oxygen, electrical
stimulation, ultrasound, pool jets, metronome and exercise machines. Each note of our own with a
setting has a twin where the same number, unit or word is the patient's response and must still
be read."""

from __future__ import annotations

import pytest

from tui.core.checks.extract import extract_facts

# (note, values that must not be read as a fact)
SETTINGS = [
    ("Resp: on vent, PS 12 / PEEP 6, FiO2 35%; tolerated sitting EOB 8 min.", [12, 6, 35]),
    ("Vent settings AC 16, FiO2 50% at start of session.", [16, 50]),
    ("O2: HFNC 30 L/min at 45%, pt alert.", [30, 45]),
    ("Pt on 3 L nasal cannula throughout, no distress.", [3]),
    ("Quad e-stim: Russian 10/50, 2500 Hz, 35 mA to tolerance.", [10, 50, 2500, 35]),
    ("FES to ant tib: pulse width 250 us, 35 pps, ramp 2 s.", [250, 35, 2]),
    ("TENS 80 Hz, 150 usec, sensory level for home use.", [80, 150]),
    ("US 1 MHz, 1.2 W/cm2, 50% duty over lateral hip, 8 min.", [1, 1.2, 50]),
    ("Pool: resisted forward walking against jets at 60% x 4 laps.", [60]),
    ("Gait w/ metronome at 96, cues for step length.", [96]),
    ("Warm-up NuStep level 6 x 8 min, UBE at 30 W.", [6, 30]),
    ("Walked on TM 1.4 mph for conditioning.", [1.4]),
]
# Twins: the patient's responses in the same sessions, which must still be read.
RESPONSES = [
    ("Resp: on vent, SpO2 94%, HR 102 during EOB sitting.", [("other", 94), ("other", 102)]),
    ("On 2 L NC at rest; after gait SpO2 88%, RPE 15.", [("other", 88), ("other", 15)]),
    ("Treadmill walking HR 118, BP 142/80 at end.", [("other", 118), ("other", "142/80")]),
    ("After NMES quad: pain 2/10, quad lag 10 deg.", [("pain", 2), ("other", 10)]),
    ("Pool walking then SpO2 97%, fatigue 4/10 noted.", [("other", 97)]),
    ("Grip 70% of uninvolved side after TENS.", [("other", 70)]),
]


@pytest.mark.parametrize(("note", "values"), SETTINGS, ids=lambda x: str(x)[:30])
def test_a_machine_setting_is_not_a_fact(note: str, values: list[float]) -> None:
    read = [fact.value for fact in extract_facts(note)]
    assert not [value for value in values if value in read], read


@pytest.mark.parametrize(("note", "expected"), RESPONSES, ids=lambda x: str(x)[:30])
def test_the_patients_response_beside_a_machine_is_read(
    note: str, expected: list[tuple[str, float | str]]
) -> None:
    read = {(fact.kind, fact.value) for fact in extract_facts(note)}
    assert set(expected) <= read, read


def test_minutes_on_a_machine_stay_minutes() -> None:
    """ "ultrasound 8 min" is the service's time, left to the readers of minutes; the level
    set on the bike is not a fact."""
    facts = extract_facts("Tx: NuStep level 4 for warm-up; ultrasound 8 min over CEO.")
    assert 4 not in [fact.value for fact in facts]
    assert [fact.value for fact in facts if fact.kind == "service"] == [8]


# Angles of a prosthesis, a test position or an orthosis, and targets of the plan: not the
# patient's range or distance today.
POSITIONS_AND_TARGETS = [
    ("Alignment: socket set in 5 deg flexion, foot toe-out.", [5]),
    ("Quad strength (dynamometer, 75 deg knee flex) R 62% of L.", [75]),
    ("Hip abd isometrics @ 20° abd, 5 x 10 s.", [20]),
    ("Resting hand splint adjusted (wrist 20°, MCP 60° flex) for night.", [20, 60]),
    ("Plan: advance community walking to 600 ft next wk.", [600]),
    ("No deep knee flexion under load for 3 more weeks.", [3]),
    ("Seen in CCU bed 22 then room 410B for gait.", [22, 410]),
]
# Twins: the patient's own range and distance in the same visits, which must still be read.
PATIENT_READINGS = [
    ("Knee flex AROM 0-118° after the brace was removed.", [("rom", 118)]),
    ("Socket fit ok; R hip ext AROM 10°.", [("rom", 10)]),
    ("Gait: progressed to 450 ft w/ RW today.", [("other", 450)]),
    ("Knee flexion AROM 96° at 3 wks post-op.", [("rom", 96)]),
    ("Supine in bed: HR 84, SpO2 93%.", [("other", 84), ("other", 93)]),
]


@pytest.mark.parametrize(("note", "values"), POSITIONS_AND_TARGETS, ids=lambda x: str(x)[:30])
def test_positions_of_a_test_or_device_and_plan_targets_are_not_facts(
    note: str, values: list[float]
) -> None:
    read = [fact.value for fact in extract_facts(note)]
    assert not [value for value in values if value in read], read


@pytest.mark.parametrize(("note", "expected"), PATIENT_READINGS, ids=lambda x: str(x)[:30])
def test_the_patients_range_and_distance_beside_a_device_are_read(
    note: str, expected: list[tuple[str, float]]
) -> None:
    read = {(fact.kind, fact.value) for fact in extract_facts(note)}
    assert set(expected) <= read, read
