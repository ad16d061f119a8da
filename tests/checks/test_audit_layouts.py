"""The billing audit on more layouts of minutes, totals and charges: units written elsewhere,
totals written value first and as sums, a run-in "Billing." heading, counts of things after a
"timed" word, clock times beside codes. Notes of our own; each wrong note has a right twin that
must stay quiet (a false alarm is a bug as much as a miss)."""

from __future__ import annotations

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.billing.billing import Billing
from tui.core.checks.extract import extract_billing
from tui.core.intake.notes import Note

HEADER = (
    "Patient: Bram Tillery\nMRN: 700202\nDate: 2027-08-03\nVisit: 3\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: R shoulder impingement, M75.41\n\n"
)
CARE = (
    "Pt reports R shoulder ache 4/10 reaching overhead.\n"
    "R shoulder flexion 150 deg; scapular setting with tactile cues, progressed band to green.\n"
)


def make(body: str) -> Note:
    return note_from_text(HEADER + CARE + body)


def codes(body: str) -> list[str]:
    return [finding.code for finding in audit_note(make(body)).findings]


def billing(body: str) -> Billing:
    return extract_billing(HEADER + CARE + body)


# -- units written elsewhere --------------------------------------------------------------------


def test_codes_whose_units_are_on_a_flowsheet_are_unreadable_not_one_unit_each() -> None:
    body = (
        "Ther ex 24 min; manual 14 min.\n"
        "Total timed 38 min, total treatment 38 min.\n"
        "Charge codes: 97110 + 97140 (units on flowsheet)\n"
    )
    read = billing(body)
    assert dict(read.billed) == {}
    audit = audit_note(make(body))
    assert [f.code for f in audit.findings] == ["BILLING_UNREADABLE"]
    assert audit.findings[0].line == HEADER.count("\n") + CARE.count("\n") + 3
    assert audit.units_allowed is None


def test_see_the_charge_sheet_for_units_is_unreadable() -> None:
    body = (
        "Ther ex 24 min. Timed 24 min; total 24 min.\nBilled: 97110 - see charge sheet for units\n"
    )
    assert codes(body) == ["BILLING_UNREADABLE"]


def test_codes_with_their_units_counted_stay_readable() -> None:
    body = (
        "Ther ex 24 min; manual 14 min.\n"
        "Total timed 38 min, total treatment 38 min.\n"
        "Charge codes: 97110 2 units, 97140 1 unit\n"
    )
    assert dict(billing(body).billed) == {"97110": 2, "97140": 1}
    assert codes(body) == []


# -- totals written value first, and sums -------------------------------------------------------


def test_a_sum_of_minutes_gives_the_timed_total() -> None:
    body = (
        "Ther ex 24 min; manual 14 min.\n"
        "Time: 24 + 14 = 38 min total timed, 46 min total (hot pack 8 min after).\n"
        "Billed: 97110 x2, 97140 x1, 97010 x1\n"
    )
    read = billing(body)
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (38, 46)
    assert codes(body) == []


def test_an_unlabelled_sum_on_a_minutes_line_is_the_timed_total() -> None:
    body = "Ther ex 24 min, manual 14 min\nMinutes 24 + 14 = 38\nBilled: 97110 x2, 97140 x1\n"
    read = billing(body)
    assert read.stated_timed_minutes == 38
    assert codes(body) == ["TOTAL_TIME_MISSING"]  # the treatment time is still not stated


def test_a_wrong_sum_disagrees_with_the_services() -> None:
    body = (
        "Ther ex 24 min, manual 14 min\n"
        "Minutes: 24 + 14 = 45 total timed; 45 total\n"
        "Billed: 97110 x2, 97140 x1\n"
    )
    assert codes(body) == ["TOTAL_TIME_INCONSISTENT"]


def test_totals_after_their_values_in_brackets_and_slashes() -> None:
    body = (
        "Ther ex 24 min, manual 14 min.\n"
        "Charges 97110 x2 (24 min), 97140 x1 (14 min) = 38 min timed / 40 total\n"
    )
    read = billing(body)
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (38, 40)
    assert codes(body) == []
    bracketed = "Ther ex 24 min, manual 14 min. Session 40 min total (38 timed).\n"
    read = billing(bracketed + "Billed: 97110 x2, 97140 x1\n")
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (38, 40)


def test_counts_and_small_bare_numbers_before_total_are_not_minutes() -> None:
    body = (
        "Ther ex 24 min, manual 14 min. Did 10 timed reps of sit to stand, 3 timed trials.\n"
        "Total treatment 45 min.\n"
        "Billed: 97110 x2, 97140 x1 (14 min) = 3 total\n"
    )
    read = billing(body)
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (None, 45)
    assert codes(body) == ["TOTAL_TIME_MISSING"]


def test_a_timed_count_of_things_is_not_the_timed_total() -> None:
    body = (
        "Ther act 9 min: coin pick-up, timed: 12 coins in 40 s.\n"
        "Ther ex 16 min. Total timed 25 min; total 25 min.\n"
        "Billed: 97530 x1, 97110 x1\n"
    )
    assert billing(body).stated_timed_minutes == 25
    assert codes(body) == []
    wrong = body.replace("Total timed 25 min", "Total timed 35 min")
    assert codes(wrong) == ["TOTAL_TIME_INCONSISTENT"]


# -- a run-in "Billing." heading ---------------------------------------------------------------


def test_a_run_in_billing_heading_is_a_billing_line() -> None:
    body = (
        "Billing. 97164 x1 (re-evaluation 30 min); 97110 x2 (exercise 26 min). "
        "Timed 26 min; total 56 min.\n"
    )
    read = billing(body)
    assert dict(read.billed) == {"97164": 1, "97110": 2}
    assert {f.cpt: f.minutes for f in read.services} == {"97164": 30, "97110": 26}
    assert codes(body) == []
    over = body.replace("97110 x2", "97110 x3")
    assert codes(over) == ["UNITS_OVER_BILLED"]


# -- clock times and modifiers beside codes ---------------------------------------------------


def test_a_clock_time_after_a_code_is_not_its_units() -> None:
    body = "Timed 38 min; total 38 min.\nBilled: 97110-GP: 2:05-2:30 pm, 97140-GP: 2:30-2:43 pm\n"
    assert dict(billing(body).billed) == {"97110": 1, "97140": 1}


# -- a table of services described in the clinician's words -----------------------------------


TABLE = (
    "| Intervention | Code | Min |\n"
    "|---|---|---|\n"
    "| Scapular control: wall slides 3 x 10, prone Y/T 2 x 12 with 1 kg | 97110 | 27 |\n"
    "| Reaching to shelf, carrying 5 kg basket up 4 steps | 97530 | 12 |\n"
    "| **Total** | | **39** |\n"
)


def test_a_services_table_gives_each_code_its_minutes_and_the_timed_total() -> None:
    body = TABLE + "\nCharges: 97110 x2, 97530 x1. Treatment time 39 min.\n"
    read = billing(body)
    assert {f.cpt: f.minutes for f in read.services} == {"97110": 27, "97530": 12}
    assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (39, 39)
    assert codes(body) == []
    over = body.replace("97530 x1", "97530 x2")
    assert codes(over) == ["UNITS_OVER_BILLED"]


def test_a_total_row_beside_an_untimed_code_is_not_the_timed_total() -> None:
    table = TABLE.replace("| **Total** | | **39** |", "| Hot pack | 97010 | 10 |\n| Total | | 49 |")
    read = billing(table + "\nCharges: 97110 x2, 97530 x1, 97010 x1.\n")
    assert read.stated_timed_minutes is None
    assert read.stated_treatment_minutes == 49


def test_minutes_with_the_code_written_after_them_are_that_codes() -> None:
    body = (
        "Stair negotiation w/ rail, step-over-step cues 12 min - 97116\n"
        "Standing balance on foam, perturbations 14 min (97112)\n"
        "Timed 26 min; total 26 min.\nBilled: 97116 x1, 97112 x1\n"
    )
    read = billing(body)
    assert {f.cpt: f.minutes for f in read.services} == {"97116": 12, "97112": 14}
    assert codes(body) == []
    assert codes(body.replace("97112 x1", "97112 x2")) == ["UNITS_OVER_BILLED"]


# -- services timed by the clock ---------------------------------------------------------------


def test_clock_ranges_beside_services_are_their_minutes() -> None:
    body = (
        "Ther ex 0905-0930: rows, presses. Manual therapy 0930-0943: GH glides gr III.\n"
        "0943-0951 on table - 97010 moist heat\n"
        "Total timed 38 min; total treatment 46 min.\n"
        "Billed: 97110 x2, 97140 x1, 97010 x1\n"
    )
    read = billing(body)
    assert {f.cpt: f.minutes for f in read.services} == {"97110": 25, "97140": 13, "97010": 8}
    assert codes(body) == []
    assert codes(body.replace("97140 x1", "97140 x2")) == ["UNITS_OVER_BILLED"]


def test_a_session_range_naming_its_services_times_the_session_not_a_service() -> None:
    body = (
        "Session 0900-0945: ther ex and manual therapy.\n"
        "Ther ex 30 min, manual 15 min. Total timed 45 min.\n"
        "Billed: 97110 x2, 97140 x1\n"
    )
    read = billing(body)
    assert {f.cpt: f.minutes for f in read.services} == {"97110": 30, "97140": 15}
    assert read.stated_treatment_minutes == 45
    assert codes(body) == []
    # two timed codes billed, so the timed total is no one code's (checks.billing.sole_code)
    seen = "Seen 2:00-2:40 pm for ther ex.\nTotal timed 40 min.\nBilled: 97110 x2, 97140 x1\n"
    assert {f.cpt: f.minutes for f in billing(seen).services} == {}


def test_codes_with_modifiers_and_pm_clock_times_on_the_billing_line() -> None:
    body = (
        "Total timed 38 min; total treatment 38 min.\n"
        "Billed: 97110-GP (2:05-2:30 pm) x2, 97140 GP 59 (2:30-2:43 pm) x1\n"
    )
    read = billing(body)
    assert dict(read.billed) == {"97110": 2, "97140": 1}
    assert {f.cpt: f.minutes for f in read.services} == {"97110": 25, "97140": 13}
    assert codes(body) == []
    short = body.replace("2:30-2:43 pm", "2:30-2:36 pm").replace("38 min", "31 min")
    assert codes(short) == ["UNITS_OVER_BILLED"]


# -- skilled care: denied cues, section labels, tests performed --------------------------------

ROUTINE = (
    "Patient: Odile Marsh\nMRN: 700303\nDate: 2027-08-04\nVisit: 7\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: Generalized weakness, M62.81\n\n"
    "S: No new complaints.\n"
    "O: Exercises from the flowsheet, same as prior visits: bike 10 min, sit to stand 2x10,\n"
    "   heel raises 2x15. Pt completed all w/o cues. Standing tolerance 12 min.\n"
    "Assessment: tolerated well.\n"
    "Plan: continue.\n"
    "Ther ex 30 min. Total timed 30 min; total treatment 30 min.\nBilled: 97110 x2\n"
)


def test_denied_cues_and_a_section_label_are_not_skilled_care() -> None:
    assert [f.code for f in audit_note(note_from_text(ROUTINE)).findings] == [
        "SKILLED_JUSTIFICATION_MISSING"
    ]
    cued = ROUTINE.replace("Pt completed all w/o cues.", "Verbal cues for knee alignment.")
    assert [f.code for f in audit_note(note_from_text(cued)).findings] == []


TESTED = (
    "Patient: Ines Corvo\nMRN: 700404\nDate: 2027-08-05\nVisit: 2\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: Cervicogenic dizziness, R42\n\n"
    "Dizziness 3/10 turning in bed.\n"
    "Cervical AROM rotation R 60 deg, L 72 deg. DHI 38/100. Deep neck flexor hold 18 s.\n"
    "Tx: Physical performance test 20 min (VOR, smooth pursuit, DNF endurance). "
    "NMR 15 min - gaze stability x1 seated 3 x 30 s.\n"
    "Timed 35 min. Total 35 min.\nBilled: 97750 x1, 97112 x1\n"
)


def test_a_session_of_tests_with_results_shows_assessment() -> None:
    assert [f.code for f in audit_note(note_from_text(TESTED)).findings] == []
    bare = TESTED.replace(
        "Cervical AROM rotation R 60 deg, L 72 deg. DHI 38/100. Deep neck flexor hold 18 s.\n", ""
    )
    assert [f.code for f in audit_note(note_from_text(bare)).findings] == [
        "SKILLED_JUSTIFICATION_MISSING"
    ]


# -- total timed beside total treatment time ---------------------------------------------------


def test_timed_and_untimed_minutes_added_up_to_the_treatment_time() -> None:
    services = "Ther ex 25 min, manual 13 min, hot pack 7 min.\n"
    billed = "Billed: 97110 x2, 97140 x1, 97010 x1\n"
    for totals in (
        "Total treatment time (incl. untimed): 45 min; timed: 38 min\n",
        "Time: 38 min timed + 7 min untimed = 45 min total\n",
    ):
        read = billing(services + totals + billed)
        assert (read.stated_timed_minutes, read.stated_treatment_minutes) == (38, 45)
        assert codes(services + totals + billed) == []
    short = "Time: 38 min timed + 7 min untimed = 40 min total\n"
    assert codes(services + short + billed) == ["TOTAL_TIME_INCONSISTENT"]


# -- a prime after gait: feet, or minutes in a note that logs services with primes ----------


def test_gait_with_a_prime_is_minutes_where_every_service_line_is_written_so() -> None:
    body = (
        "Tx: Ther ex 18' (step-ups 4 in, lateral band walks).\n"
        "    Manual 10' (patellar mobs, STM quad).\n"
        "    Gait 11' (stairs reciprocal w/ rail, curb step).\n"
        "Total timed 39 min; total 39 min.\nBilled: 97110 x1, 97140 x1, 97116 x1\n"
    )
    read = billing(body)
    assert {f.cpt: f.minutes for f in read.services} == {"97110": 18, "97140": 10, "97116": 11}
    assert codes(body) == []


def test_gait_with_a_prime_stays_feet_in_a_note_of_minutes_words() -> None:
    body = (
        "Ther ex 18 min: step-ups, band walks.\n"
        "Gait 40' (RW, CGA), cues for step length.\n"
        "Total timed 18 min; total 18 min.\nBilled: 97110 x1\n"
    )
    read = billing(body)
    assert {f.cpt: f.minutes for f in read.services} == {"97110": 18}
    assert codes(body) == []


def test_care_the_patient_cannot_do_without_is_skilled_care() -> None:
    listed = ROUTINE.replace(", same as prior visits:", ":")
    needed = listed.replace(
        "Pt completed all w/o cues.", "Unable to rise from the low mat without tactile cues."
    )
    assert [f.code for f in audit_note(note_from_text(needed)).findings] == []
    unaided = listed.replace(
        "Pt completed all w/o cues.", "Rose from the low mat without tactile cues."
    )
    assert [f.code for f in audit_note(note_from_text(unaided)).findings] == [
        "SKILLED_JUSTIFICATION_MISSING"
    ]


# -- an evaluation billed in words ------------------------------------------------------------


def test_an_evaluation_billed_by_discipline_and_complexity_gets_its_code() -> None:
    body = (
        "Eval 40 min (history, systems review, LEFS, gait analysis); ther ex 15 min.\n"
        "Timed 15 min; total 55 min.\n"
        "Billed: PT eval (moderate complexity) x1, ther ex x1\n"
    )
    read = billing(body)
    assert dict(read.billed) == {"97162": 1, "97110": 1}
    assert {f.cpt: f.minutes for f in read.services} == {"97162": 40, "97110": 15}
    assert codes(body) == []
    twice = body.replace("complexity) x1", "complexity) x2")
    assert codes(twice) == ["UNTIMED_CODE_MULTIPLE_UNITS"]
    reeval = "Re-eval 25 min.\nBilled: OT re-eval x1\n"
    assert dict(billing(reeval).billed) == {"97168": 1}


def test_an_evaluation_billed_without_discipline_or_complexity_is_not_guessed() -> None:
    for charge in ("eval x1", "PT eval x1", "moderate complexity eval x1"):
        read = billing(f"Eval 40 min; ther ex 15 min.\nBilled: {charge}, 97110 x1\n")
        assert dict(read.billed) == {"97110": 1}
