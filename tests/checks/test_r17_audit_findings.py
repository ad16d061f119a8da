"""Round 17, findings: a facility's name is no skilled care, a tape or watch measure is an
assessment, and a copied-forward note's unchanged values and dosed exercises are no functional
baseline (each rule with the findings it must not make)."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note

HEADER = "Patient: Test Person\nDate: 2101-02-01\nDiscipline: PT\nPayer: Medicare\n\n"
BILLING = "Ther ex 30 min. Total timed 30 min; total treatment time 30 min.\nBilled 97110 x2.\n"
SKILLED = "SKILLED_JUSTIFICATION_MISSING"
BASELINE = "FUNCTIONAL_BASELINE_MISSING"


def _codes(body: str) -> list[str]:
    return [finding.code for finding in audit_note(note_from_text(HEADER + body)).findings]


# -- the setting's name ------------------------------------------------------------------------


def test_a_skilled_nursing_facility_is_no_skilled_care() -> None:
    body = (
        "SKILLED NURSING FACILITY - PT DAILY NOTE\nRoutine exercises completed as on prior days: "
        "seated marches, LAQ. Pain 2/10.\n" + BILLING
    )
    assert SKILLED in _codes(body)


def test_a_skilled_unit_is_no_skilled_care() -> None:
    body = "Unit 3 (skilled unit). Same program as last session. Pain 2/10.\n" + BILLING
    assert SKILLED in _codes(body)


def test_skilled_care_named_in_a_nursing_facility_still_counts() -> None:
    body = (
        "Skilled nursing facility. Same program as last session. Progressed LAQ to 3 lb after "
        "she cleared 2 lb. Pain 2/10.\n" + BILLING
    )
    assert SKILLED not in _codes(body)


# -- measured by tape or watch -----------------------------------------------------------------


def test_a_scar_measured_with_a_tape_shows_assessment() -> None:
    body = "Scar 6.2 cm long, 0.4 cm wide.\n" + BILLING
    assert SKILLED not in _codes(body)


def test_hold_times_show_assessment() -> None:
    body = "Side bridge hold R 42 s, L 31 s.\n" + BILLING
    assert SKILLED not in _codes(body)


def test_vital_signs_alone_show_no_assessment() -> None:
    body = "BP 128/76, HR 72. Walked laps.\n" + BILLING
    assert SKILLED in _codes(body)


def test_a_measure_in_a_copied_forward_note_shows_no_assessment() -> None:
    body = "Same as prior visits. Scar 6.2 cm long.\n" + BILLING
    assert SKILLED in _codes(body)


# -- functional baseline -----------------------------------------------------------------------


def test_an_unchanged_value_in_a_copied_forward_note_is_no_baseline() -> None:
    body = "S: Same as last visit.\nO: Established program.\nR knee flexion 112 (unchanged).\n"
    assert BASELINE in _codes(body + BILLING)


def test_a_value_said_no_change_from_last_week_is_no_baseline() -> None:
    body = (
        "Pt did her exercises as before.\n"
        "L shoulder flex AROM 128 deg - no change from last week.\n"
    )
    assert BASELINE in _codes(body + BILLING)


def test_an_unchanged_value_in_an_ordinary_note_is_a_baseline() -> None:
    body = "Progressed bridges to single leg.\nR knee flexion 112 (unchanged).\n"
    assert BASELINE not in _codes(body + BILLING)


def test_a_new_value_in_a_copied_forward_note_is_a_baseline() -> None:
    body = "Same as last visit.\nR knee flexion 118 today.\n"
    assert BASELINE not in _codes(body + BILLING)


def test_exercises_named_with_sets_are_no_functional_status() -> None:
    body = "Wall sits 3x30s, mini squats 2x15, 2 x 10 sit-to-stands.\n"
    assert BASELINE in _codes(body + BILLING)


def test_an_activity_the_patient_does_is_functional_status() -> None:
    body = "Mini squats 2x15. Able to climb one flight of stairs with a rail.\n"
    assert BASELINE not in _codes(body + BILLING)


def test_an_exercise_named_with_x1_doses_no_activity_after_it() -> None:
    body = "VOR x1 progressed to standing on foam.\n"
    assert BASELINE not in _codes(body + BILLING)


def test_an_unchanged_word_in_the_next_sentence_carries_no_value() -> None:
    body = "Pain 1/10. Same as prior visits, no changes.\n"
    assert BASELINE not in _codes(body + BILLING)
