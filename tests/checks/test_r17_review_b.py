"""Round 17 review (b): wrong readings the merged rules made, each with the right reading kept."""

from __future__ import annotations

import pytest

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing, extract_facts


def _others(text: str) -> list[tuple[float | int | str, str | None]]:
    return [(fact.value, fact.unit) for fact in extract_facts(text) if fact.kind == "other"]


@pytest.mark.parametrize(
    "text",
    [
        "Isokinetic knee extension at 60°/s peak torque 110 Nm; nystagmus none.",
        "Isokinetic knee ext at 60°/s and 180°/s; no nystagmus.",
    ],
)
def test_a_speed_with_a_test_named_in_a_later_clause_is_no_velocity(text: str) -> None:
    assert not any(unit == "°/s" for _, unit in _others(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nystagmus 3°/s left-beating.", 3),
        ("Spontaneous nystagmus at 4 deg/sec rightward, gaze-evoked none.", 4),
        ("Caloric: total R 18°/s, L 22°/s.", 22),
    ],
)
def test_a_velocity_with_its_test_before_it_or_in_its_clause_is_read(text: str, value: int) -> None:
    assert (value, "°/s") in _others(text)


def test_a_direction_in_another_clause_names_no_gain_test() -> None:
    assert _others("Lateral lunges 2x10; strength gains 1.5 since eval.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Horizontal gain 0.68 R.", 0.68),
        ("vHIT: R lateral canal gain 0.61; L lateral 0.94 (norm > 0.80).", 0.94),
        ("Head impulse test: gain R 1.02, L 0.98.", 1.02),
    ],
)
def test_a_gain_of_a_named_test_or_direction_is_read(text: str, value: float) -> None:
    assert (value, None) in _others(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hold time was 10 seconds for each stretch.",
        "Hold time: 10 seconds for each stretch.",
        "Balance time 12 seconds per rep on foam.",
    ],
)
def test_a_time_given_to_every_repetition_is_a_dose(text: str) -> None:
    assert _others(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wheelie balance time: 28 s with spotter strap.", 28),
        ("Single leg stance on the right was 12 seconds.", 12),
        ("Endurance on the left is 21 seconds.", 21),
    ],
)
def test_a_held_time_with_no_dose_after_it_is_read(text: str, value: int) -> None:
    assert any(found == value for found, _ in _others(text))


@pytest.mark.parametrize(
    "text",
    [
        "Endre Szabo, 81M, fall at home.",
        "Quinn McAllister, 26M, polytrauma.",
        "Referral: Osei (64F) s/p R TKA.",
        "Pt is a 64F retired teacher.",
    ],
)
def test_an_age_and_sex_mark_after_a_name_is_no_distance(text: str) -> None:
    assert _others(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gait distance, 150M with RW.", 150),
        ("6MWT: distance walked, 320 M; HR 110.", 320),
        ("2MWT distance (95 m), 6MWT distance (310 M).", 310),
    ],
)
def test_metres_in_capitals_after_a_lower_case_word_are_read(text: str, value: int) -> None:
    assert any(fact.value == value and fact.unit == "m" for fact in extract_facts(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10MWT 1.1 m/s meets criteria for community ambulator.", 1.1),
        ("TUG 14 s exceeds the fall-risk cut-off.", 14),
    ],
)
def test_a_value_said_to_reach_a_reference_is_the_patients(text: str, value: float) -> None:
    assert any(fact.value == value for fact in extract_facts(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("TUG 13.5 s cut-off for falls risk.", 13.5),
        ("Gait 0.8 m/s (1.0 m/s community threshold).", 1.0),
    ],
)
def test_a_value_before_a_reference_word_is_the_reference(text: str, value: float) -> None:
    assert not any(fact.value == value for fact in extract_facts(text))


def _services(text: str) -> list[tuple[str | None, int | None]]:
    return [(fact.cpt, fact.minutes) for fact in extract_billing(text).services]


def test_a_time_cell_without_minutes_is_a_tests_time() -> None:
    text = "97110 x1\nTherapeutic exercise    Minutes: 15\nGait speed (10MWT)    Time: 12\n"
    assert _services(text) == [("97110", 15)]


def test_a_time_cell_with_minutes_and_a_bare_minutes_cell_are_read() -> None:
    text = (
        "97110 x1, 97116 x1\nTherapeutic exercise (bridges)    Time: 14 min\n"
        "Gait training (stairs, curbs)    Minutes: 10\n"
    )
    assert _services(text) == [("97110", 14), ("97116", 10)]


@pytest.mark.parametrize(
    "text",
    [
        "Aquatic session: temp 94, HR 104 after laps.",
        "Hydrotherapy tank temp 96 with HR 98.",
        "Limb temp 34.8 L vs 33.1 R (IR thermometer); HR 76.",
        "Foot temp 36 bilat; BP 130/80.",
        "Temp 100 for fluidotherapy, pulse 80.",
    ],
)
def test_a_bare_temperature_of_water_or_a_part_is_no_vital_sign(text: str) -> None:
    assert not any(unit and unit.startswith("°") for _, unit in _others(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Temp 97.9  Pulse 84  BP 146/78", 97.9),
        ("temp 36.8 pulse 70 resp 16 spo2 98%", 36.8),
        ("Temp 99.1 Pulse 90 - after hot pack.", 99.1),
        ("BP 128/76, HR 72, SpO2 97% on room air, temp 98.2", 98.2),
    ],
)
def test_a_bare_temperature_among_vital_signs_is_read(text: str, value: float) -> None:
    assert any(found == value and unit for found, unit in _others(text))


# -- a value taken today in a copied-forward note ---------------------------------------------

AUDIT_HEADER = "Patient: Test Person\nDate: 2101-02-01\nDiscipline: PT\nPayer: Medicare\n\n"
BILLING = "Ther ex 30 min. Total timed 30 min; total treatment time 30 min.\nBilled 97110 x2.\n"
BASELINE = "FUNCTIONAL_BASELINE_MISSING"


def _codes(body: str) -> list[str]:
    note = note_from_text(AUDIT_HEADER + body + BILLING)
    return [finding.code for finding in audit_note(note).findings]


def test_a_value_said_taken_today_is_a_baseline_beside_another_things_no_change() -> None:
    body = (
        "Routine exercises as before.\n"
        "Knee flex 115° today (was 105° last wk, no change in pain).\n"
    )
    assert BASELINE not in _codes(body)


def test_a_value_written_unchanged_in_a_copied_forward_note_stays_no_baseline() -> None:
    body = "Routine exercises as before.\nKnee flex 112° (unchanged from last wk).\n"
    assert BASELINE in _codes(body)
