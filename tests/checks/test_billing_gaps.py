"""Billing layouts heldout5 showed the reader missing, in notes of our own: services named by
their equipment ("w/c mgmt", "orthosis fitting"), a no-charge code on the charge line, a
Markdown-bold total, a dotted export key, units not yet known. Each wrong note has a right twin
that must stay quiet (a false alarm is a bug as much as a miss)."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.billing.billing import Billing
from tui.core.checks.extract import extract_billing
from tui.core.intake.notes import Note

HEADER = (
    "Patient: Orla Quennell\nMRN: 700515\nDate: 2027-09-14\nVisit: 4\nDiscipline: OT\n"
    "Payer: BlueCross\nDiagnosis: L wrist fracture aftercare, S52.502D\n\n"
)
CARE = (
    "Pt reports L wrist stiffness 3/10 opening jars.\n"
    "L wrist extension 45 deg; graded grip work with tactile cues, progressed putty to red.\n"
)


def make(body: str) -> Note:
    return note_from_text(HEADER + CARE + body)


def codes(body: str) -> list[str]:
    return [finding.code for finding in audit_note(make(body)).findings]


def billing(body: str) -> Billing:
    return extract_billing(HEADER + CARE + body)


# -- services named by their equipment ----------------------------------------------------------


def test_shortened_wheelchair_management_is_97542() -> None:
    body = (
        "W/c mgmt 23 min: cushion check, brake use, propulsion on ramp.\n"
        "Timed 23 min; total 23 min.\nBilled: 97542 x2\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97542": 23}
    assert codes(body) == []


def test_wheelchair_minutes_billed_as_three_units_is_over_billed() -> None:
    body = (
        "W/c management 23 min: cushion check, brake use.\n"
        "Timed 23 min; total 23 min.\nBilled: 97542 x3\n"
    )
    assert codes(body) == ["UNITS_OVER_BILLED"]


def test_orthosis_minutes_are_97760() -> None:
    body = (
        "Ther ex 16 min: wrist AROM all planes.\n"
        "Orthosis fitting 12 min: thumb spica trimmed, strap moved.\n"
        "Timed 28 min; total 28 min.\nBilled: 97110 x1, 97760 x1\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97110": 16, "97760": 12}
    assert codes(body) == []


def test_orthosis_mentioned_without_minutes_is_no_service() -> None:
    body = (
        "Wears the resting orthosis at night only.\nTher ex 16 min: wrist AROM all planes.\n"
        "Timed 16 min; total 16 min.\nBilled: 97110 x1\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97110": 16}
    assert codes(body) == []


# -- a code charged nothing ---------------------------------------------------------------------


def test_a_code_marked_no_charge_bills_no_unit() -> None:
    body = (
        "Ther ex 23 min: wrist AROM, putty. Paraffin 8 min before ROM.\n"
        "Timed 23 min; total 31 min.\nCharges: 97110 x2 / 97018 no charge\n"
    )
    assert dict(billing(body).billed) == {"97110": 2}
    assert codes(body) == []


def test_the_same_code_charged_is_billed() -> None:
    body = (
        "Ther ex 23 min: wrist AROM, putty. Paraffin 8 min before ROM.\n"
        "Timed 23 min; total 31 min.\nCharges: 97110 x2 / 97018 x1\n"
    )
    assert dict(billing(body).billed) == {"97110": 2, "97018": 1}


def test_a_timed_code_not_charged_leaves_its_minutes_unbilled() -> None:
    body = (
        "Ther ex 23 min: wrist AROM. Manual 12 min: carpal glides.\n"
        "Timed 35 min; total 35 min.\nBilled: 97110 x2, 97140 (n/c)\n"
    )
    assert dict(billing(body).billed) == {"97110": 2}
    assert "UNITS_OVER_BILLED" not in codes(body)


# -- totals: a bold bare key, a camel-case export key ---------------------------------------------


def test_a_bold_total_followed_by_timed_is_the_timed_total() -> None:
    body = "Ther ex 27 min: wrist AROM.\n**Total** 27 min timed, 27 min total.\nBilled: 97110 x2\n"
    read = billing(body)
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (27, 27)
    assert codes(body) == []


def test_a_bare_total_without_timed_stays_the_treatment_total() -> None:
    body = "Ther ex 27 min: wrist AROM.\n**Total** 30 min.\nBilled: 97110 x2\n"
    read = billing(body)
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (None, 30)


def test_camel_case_export_keys_give_both_totals() -> None:
    body = (
        "Ther ex 27 min: wrist AROM.\nVisit.TotalTimedMin: 27\nVisit.TotalTreatmentMin: 27\n"
        "Billed: 97110 x2\n"
    )
    read = billing(body)
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (27, 27)
    assert codes(body) == []


def test_a_camel_case_total_that_disagrees_is_inconsistent() -> None:
    body = (
        "Ther ex 27 min: wrist AROM.\nVisit.TotalTimedMin: 41\nVisit.TotalTreatmentMin: 41\n"
        "Billed: 97110 x2\n"
    )
    assert "TOTAL_TIME_INCONSISTENT" in codes(body)


# -- billing written in a sentence ----------------------------------------------------------------


PROSE_CARE = "Ther ex 24 min: wrist AROM, putty. Manual 12 min: carpal glides.\n"


def test_billing_said_mid_sentence_with_units_each_is_read() -> None:
    body = (
        PROSE_CARE + "Timed 36 min, total 36 min. This visit I billed two units each of "
        "therapeutic exercise (97110) and manual therapy (97140).\n"
    )
    assert dict(billing(body).billed) == {"97110": 2, "97140": 2}
    assert codes(body) == ["UNITS_OVER_BILLED"]


def test_billing_said_mid_sentence_one_unit_each_is_right() -> None:
    body = (
        PROSE_CARE + "Timed 36 min, total 36 min. This visit I billed one unit each of "
        "therapeutic exercise (97110) and manual therapy (97140).\n"
    )
    assert dict(billing(body).billed) == {"97110": 1, "97140": 1}
    assert codes(body) == []


def test_a_total_written_as_minutes_in_total_is_read() -> None:
    body = (
        PROSE_CARE + "Time: 36 timed minutes and 36 minutes in total.\nBilled: 97110 x1, 97140 x1\n"
    )
    read = billing(body)
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (36, 36)


def test_things_counted_in_total_are_not_minutes() -> None:
    body = (
        PROSE_CARE + "Completed 3 circuits in total.\nTimed 36 min.\nBilled: 97110 x1, 97140 x1\n"
    )
    assert billing(body).stated_treatment_minutes is None


# -- units not yet known --------------------------------------------------------------------------


def test_a_code_whose_units_are_to_be_decided_makes_the_line_unreadable() -> None:
    body = PROSE_CARE + "Timed 36 min, total 36 min.\nBilled: 97110 x2, 97140 units to follow\n"
    read = billing(body)
    assert dict(read.billed) == {}
    found = codes(body)
    assert "BILLING_UNREADABLE" in found
    assert "UNITS_MISALLOCATED" not in found


def test_a_code_counted_in_units_beside_another_stays_readable() -> None:
    body = PROSE_CARE + "Timed 36 min, total 36 min.\nBilled: 97110 1 unit, 97140 1 unit\n"
    assert dict(billing(body).billed) == {"97110": 1, "97140": 1}
    assert codes(body) == []


# -- a service name billed under another code -----------------------------------------------------


def test_massage_minutes_follow_the_manual_therapy_code_billed() -> None:
    body = (
        "Ther ex 23 min: wrist AROM. Scar massage 9 min to volar incision.\n"
        "Timed 32 min, total 32 min.\nBilled: 97110 x1, 97140 x1\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97110": 23, "97140": 9}
    assert codes(body) == []


def test_massage_billed_as_massage_keeps_its_code() -> None:
    body = (
        "Ther ex 23 min: wrist AROM. Scar massage 9 min to volar incision.\n"
        "Timed 32 min, total 32 min.\nBilled: 97110 x1, 97124 x1\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97110": 23, "97124": 9}
    assert codes(body) == []


def test_massage_with_no_massage_or_manual_code_billed_is_minutes_not_billed() -> None:
    body = (
        "Ther ex 23 min: wrist AROM. Scar massage 9 min to volar incision.\n"
        "Timed 32 min, total 32 min.\nBilled: 97110 x1\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97110": 23, "97124": 9}


# -- bare numbers after service names on a minutes line -------------------------------------------


def test_bare_numbers_after_names_on_a_minutes_line_are_minutes() -> None:
    body = "Minutes: ther ex 22, manual 9.\nTimed 31, total 31.\nBilled: 97110 x1, 97140 x1\n"
    assert billing(body).minutes_by_code(timed=True) == {"97110": 22, "97140": 9}
    assert codes(body) == []


def test_bare_numbers_after_names_elsewhere_are_not_minutes() -> None:
    body = (
        "Ther ex 22 min: wrist curls 3, putty squeezes 20.\nManual 9 min.\n"
        "Timed 31 min, total 31 min.\nBilled: 97110 x1, 97140 x1\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97110": 22, "97140": 9}


def test_a_minutes_line_that_disagrees_with_its_total_is_inconsistent() -> None:
    body = "Minutes: ther ex 22, manual 9.\nTimed 45, total 45.\nBilled: 97110 x1, 97140 x1\n"
    assert "TOTAL_TIME_INCONSISTENT" in codes(body)


def test_codes_with_bare_minutes_on_a_minutes_line_are_counted_once() -> None:
    body = (
        "Ther ex 22 min: wrist AROM. Manual 9 min: carpal glides.\n"
        "Min: 97110 22 | 97140 9 | timed 31 | total 31\nBilled: 97110 x1, 97140 x1\n"
    )
    assert billing(body).minutes_by_code(timed=True) == {"97110": 22, "97140": 9}
    assert codes(body) == []
