"""The billing audit on units and minutes written in shapes the sample notes never used: units
keyed after the code or on the next line, a units column before the code, corrections, blank
counts, summed minutes. Each reading has a twin that must not be read that way, and every line
that bills what cannot be read says so (BILLING_UNREADABLE naming the line), never a guess."""

from __future__ import annotations

import pytest

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import AuditRules, audit_note
from tui.core.checks.extract import extract_billing
from tui.core.intake.notes import Note

HEADER = (
    "Patient: Juno Marsh\nMRN: 740202\nDate: 2031-06-02\nVisit: 4\nDiscipline: PT\n"
    "Payer: Medicare\nDiagnosis: R knee OA, M17.11\n\n"
)
CARE = "Knee ache 4/10 after gardening; squats to 60 deg with cues for hip hinge.\n"
HEADER_LINES = HEADER.count("\n") + CARE.count("\n")


def make(body: str) -> Note:
    return note_from_text(HEADER + CARE + body)


def codes(body: str) -> list[str]:
    return [finding.code for finding in audit_note(make(body)).findings]


def billed(body: str) -> dict[str, int]:
    return dict(extract_billing(HEADER + CARE + body).billed)


def minutes(body: str) -> dict[str, int]:
    billing = extract_billing(HEADER + CARE + body)
    return {**billing.timed_minutes_by_code, **billing.untimed_minutes_by_code}


TOTALS = "Timed total 30 min; treatment total 30 min.\n"


# -- units keyed after the code, or on the line below ---------------------------------------------


def test_units_keyed_after_the_code_are_its_units() -> None:
    body = "Leg press and step-ups 30 min.\n" + TOTALS + "CPT 97110 -- units = 2\n"
    assert billed(body) == {"97110": 2}
    assert codes(body) == []


def test_zero_units_keyed_after_a_code_bill_nothing() -> None:
    body = (
        "Ther ex 30 min. Gait 6 min.\nTimed total 36 min; treatment total 36 min.\n"
        "CPT 97110 -- units = 2\nCPT 97116 -- units = 0\n"
    )
    assert billed(body) == {"97110": 2}


def test_a_charge_form_gives_each_code_its_units_on_the_next_line() -> None:
    body = "Ther ex 30 min.\n" + TOTALS + "Procedure: 97110\nUnits: 2\n"
    assert billed(body) == {"97110": 2}


def test_a_units_line_that_is_not_right_below_the_code_is_not_its_units() -> None:
    body = "Ther ex 30 min.\n" + TOTALS + "Billed: 97110 x2\nNext visit Thursday.\nUnits: 3\n"
    assert billed(body) == {"97110": 2}


# -- a units column before the code, a total row labelled after its minutes ------------------------


def test_a_table_with_its_units_column_first_bills_each_row() -> None:
    body = (
        "| Units | Code | Min | Intervention |\n|---|---|---|---|\n"
        "| 1 | 97140 | 12 | Patellar mobs |\n| 1 | 97110 | 14 | Quad sets |\n"
        "| 2 | | 26 | Total timed |\n\nTotal treatment time 26 min.\n"
    )
    billing = extract_billing(HEADER + CARE + body)
    assert dict(billing.billed) == {"97140": 1, "97110": 1}
    assert billing.timed_minutes_by_code == {"97140": 12, "97110": 14}
    assert billing.stated_timed_minutes == 26
    assert codes(body) == []


def test_a_table_total_row_without_the_word_timed_is_not_the_timed_total() -> None:
    body = (
        "| Units | Code | Min | Intervention |\n|---|---|---|---|\n"
        "| 1 | 97140 | 12 | Patellar mobs |\n| 1 | 97018 | 10 | Paraffin |\n"
        "| 1 | | 22 | Session total |\n"
    )
    assert extract_billing(HEADER + CARE + body).stated_timed_minutes is None


# -- no charge in brackets, corrections -----------------------------------------------------------


@pytest.mark.parametrize("written", ["97018 [no charge]", "97018 [n/c]", "97018 0 (n/c)"])
def test_a_code_charged_nothing_in_brackets_bills_nothing(written: str) -> None:
    body = "Ther ex 30 min. Paraffin 10 min.\n" + ("Timed total 30 min; treatment total 40 min.\n")
    assert billed(body + f"Billed: 97110 x2, {written}\n") == {"97110": 2}


def test_a_bracketed_count_is_still_a_count() -> None:
    body = "Ther ex 30 min. Paraffin 10 min.\nTimed total 30 min; treatment total 40 min.\n"
    assert billed(body + "Billed: 97110 [2], 97018 [1]\n") == {"97110": 2, "97018": 1}


@pytest.mark.parametrize(
    "line",
    ["Billed: 97530 x3, amended to x2", "Billed: 97530 x3 (changed to 2 units)"],
)
def test_a_correction_bills_the_units_it_puts_in_place(line: str) -> None:
    body = "Ther act 30 min: carrying tasks.\n" + TOTALS + line + "\n"
    assert billed(body) == {"97530": 2}
    assert codes(body) == []


def test_a_change_of_activity_is_not_a_correction_of_units() -> None:
    body = "Ther act 30 min.\n" + TOTALS + "Billed: 97530 x2 (changed to standing tasks)\n"
    assert billed(body) == {"97530": 2}


# -- a lone digit after a code ---------------------------------------------------------------------


def test_a_lone_digit_after_each_code_is_its_units() -> None:
    body = "Ther ex 20 min. Manual 10 min.\n" + TOTALS + "Billed: 97110 1, 97140 1\n"
    assert billed(body) == {"97110": 1, "97140": 1}


def test_minutes_after_a_code_are_not_units() -> None:
    body = "Ther ex and manual.\n" + TOTALS + "Billed: 97110 18 min x1, 97140 12 min x1\n"
    assert billed(body) == {"97110": 1, "97140": 1}
    assert minutes(body) == {"97110": 18, "97140": 12}


# -- a "Charges:" heading over items led by the service's name -------------------------------------


def test_charge_items_led_by_a_name_are_read_under_their_heading() -> None:
    body = (
        TOTALS + "Charges:\n* Neuro re-ed 97112 (1 unit, 16 min)\n"
        "* Ther ex 97110 (1 unit, 14 min)\n"
    )
    assert billed(body) == {"97112": 1, "97110": 1}
    assert minutes(body) == {"97112": 16, "97110": 14}


def test_a_bullet_without_a_code_ends_the_charge_list() -> None:
    body = "Ther ex 30 min.\n" + TOTALS + "Charges:\n- 97110 x2\n- rest breaks 5 min, not billed\n"
    assert billed(body) == {"97110": 2}
    assert minutes(body) == {"97110": 30}


# -- minutes written as a sum, a key that ends in minutes ------------------------------------------


def test_a_sum_right_after_a_service_is_that_services_minutes() -> None:
    body = (
        "Gait training 8 + 9 = 17 min on ramps.\nTher ex 13 min.\n"
        "Total timed 30 min. Total treatment 30 min.\nBilled: 97116 x1, 97110 x1\n"
    )
    assert minutes(body) == {"97116": 17, "97110": 13}
    assert extract_billing(HEADER + CARE + body).stated_timed_minutes == 30
    assert codes(body) == []


def test_a_sum_on_a_minutes_line_is_still_the_timed_total() -> None:
    body = "Ther ex 20 min. Manual 10 min.\nMinutes: 20 + 10 = 30\nBilled: 97110 x1, 97140 x1\n"
    assert extract_billing(HEADER + CARE + body).stated_timed_minutes == 30


def test_a_number_opening_the_description_is_not_the_minutes() -> None:
    body = "Ther act 24 min: 2-person carry of a box, cues for lift.\n" + TOTALS
    assert minutes(body) == {"97530": 24}


def test_a_key_naming_a_service_and_minutes_still_gives_them() -> None:
    body = "Ther act minutes: 24\n" + TOTALS
    assert minutes(body) == {"97530": 24}


# -- what cannot be read is said, with its line ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Billed: 97110 x ?, 97140 x ?",
        "Billed: 97110 x__, 97140 x__",
        "CPT: 97110 / 97140 / units 3",
        "Billed: NMR/gait 2 units",
        "Charges: ther ex, manual",
        "Billing: TE and MT (units on the flowsheet)",
    ],
)
def test_a_billing_line_that_cannot_be_read_is_said_with_its_line(line: str) -> None:
    body = "Ther ex 20 min. Manual 10 min.\n" + TOTALS + line + "\n"
    audit = audit_note(make(body))
    assert [f.code for f in audit.findings] == ["BILLING_UNREADABLE"]
    finding = audit.findings[0]
    assert finding.line == HEADER_LINES + 3
    assert "None" not in finding.message
    assert audit.units_allowed is None
    assert dict(audit.billed) == {}


@pytest.mark.parametrize(
    "line",
    [
        "Billed: 97110 x1, 97140 x1",
        "Billed: NMR x1, gait x1",
        "Charges: ther ex (1), manual (1)",
        "Billing: 1 unit each of 97110 and 97140",
    ],
)
def test_twins_that_say_each_codes_units_are_read(line: str) -> None:
    body = "Ther ex 20 min. Manual 10 min.\n" + TOTALS + line + "\n"
    assert "BILLING_UNREADABLE" not in codes(body)
    assert sum(billed(body).values()) == 2


def test_a_sentence_about_charges_that_bills_nothing_is_not_a_billing_line() -> None:
    body = (
        "Ther ex 30 min.\n"
        + TOTALS
        + "Billed: 97110 x2\nCharges reviewed with pt re: ther ex copay.\n"
    )
    assert codes(body) == []


# -- unattended e-stim billed as G0283 -------------------------------------------------------------


def test_unattended_estim_minutes_go_to_the_g_code_billed() -> None:
    body = (
        "Ther ex 23 min with cues.\nUnattended e-stim 15 min, lumbar.\n"
        "Timed 23 min; total 38 min.\nBilled: 97110 x2, G0283 x1\n"
    )
    assert minutes(body) == {"97110": 23, "G0283": 15}
    assert codes(body) == []


def test_unattended_estim_billed_as_97014_keeps_its_code() -> None:
    body = (
        "Ther ex 23 min with cues.\nUnattended e-stim 15 min, lumbar.\n"
        "Timed 23 min; total 38 min.\nBilled: 97110 x2, 97014 x1\n"
    )
    assert minutes(body) == {"97110": 23, "97014": 15}


# -- counts written as a quantity, before the name, after leaders; plain-text columns ------------


def test_a_quantity_after_the_code_is_its_units() -> None:
    body = "Ther ex 30 min.\n" + TOTALS + "Charge: 97110-GP qty: 2\n"
    assert billed(body) == {"97110": 2}


def test_units_before_a_service_name_are_that_services_units() -> None:
    body = (
        "Ther act 18 min. Self-care 12 min.\n"
        + TOTALS
        + "I billed one unit of ther act and one unit of self-care.\n"
    )
    assert billed(body) == {"97530": 1, "97535": 1}


def test_units_before_a_name_and_its_code_in_brackets() -> None:
    body = (
        "Ther act 18 min. Self-care 12 min.\n"
        + TOTALS
        + "Billed: 1 u ther act (97530), 1 u self-care (97535)\n"
    )
    assert billed(body) == {"97530": 1, "97535": 1}


def test_one_count_after_a_name_is_not_read_again_before_the_next() -> None:
    body = "Ther act 18 min. Self-care 12 min.\n" + TOTALS + "Billed: ther act 2 units, self-care\n"
    assert billed(body) != {"97530": 2, "97535": 2}


def test_units_after_dot_leaders_and_the_codes_name() -> None:
    body = TOTALS + "Units billed:\n97530 ther act ........ 1\n97535 self-care ....... 1\n"
    assert billed(body) == {"97530": 1, "97535": 1}


def test_plain_text_columns_under_a_heading_bill_each_row() -> None:
    body = (
        "Ther act and self-care as below.\n\n"
        "CPT     Description           Qty   Min\n"
        "97530   Therapeutic activity  1     18\n"
        "97535   Self-care training    1     12\n\n" + TOTALS
    )
    assert billed(body) == {"97530": 1, "97535": 1}
    assert minutes(body) == {"97530": 18, "97535": 12}
    assert codes(body) == []


def test_columns_without_a_units_heading_are_not_charges() -> None:
    body = (
        "CPT     Description           Min\n97530   Therapeutic activity  18\n\n"
        + TOTALS
        + "Billed: 97530 x2\n"
    )
    assert billed(body) == {"97530": 2}


def test_a_column_row_without_its_units_cannot_be_read() -> None:
    body = "CODE   MOD   UNITS   MIN\n97530  GO            18\n\n" + TOTALS
    assert codes(body) == ["BILLING_UNREADABLE"]


# -- counts glued to the code, names with bare counts, names left without units --------------------


def test_a_count_glued_before_the_code_is_its_units() -> None:
    body = "Ther act 18 min. Self-care 12 min.\n" + TOTALS + "Billed: 1x97530, 1x97535\n"
    assert billed(body) == {"97530": 1, "97535": 1}


def test_a_bare_count_after_each_name_on_a_units_line() -> None:
    body = "Ther act 18 min. Self-care 12 min.\n" + TOTALS + "Units: ther act 1, self-care 1\n"
    assert billed(body) == {"97530": 1, "97535": 1}


@pytest.mark.parametrize(
    "line",
    ["Billed: 97530x, 97535x", "Billed: ther act 1 self-care 1", "Billed: ther act 1, self-care"],
)
def test_a_name_or_code_left_without_its_count_makes_the_line_unreadable(line: str) -> None:
    body = "Ther act 18 min. Self-care 12 min.\n" + TOTALS + line + "\n"
    assert codes(body) == ["BILLING_UNREADABLE"]


def test_a_name_inside_an_aside_needs_no_count() -> None:
    body = "Ther act 30 min.\n" + TOTALS + "Billed: ther act x2 (cues for self-care)\n"
    assert billed(body) == {"97530": 2}
    assert codes(body) == []


# -- totals written in other words -----------------------------------------------------------------


def totals_of(line: str) -> tuple[int | None, int | None]:
    billing = extract_billing(HEADER + CARE + "Ther ex 30 min.\n" + line + "\nBilled: 97110 x2\n")
    return billing.stated_timed_minutes, billing.stated_treatment_minutes


@pytest.mark.parametrize(
    "line",
    [
        "30 minutes of timed care, 36 minutes total",
        "Session: 36 min (timed 30)",
        "TCM 30; total session 36 min",
        "30 timed min / 36 total min",
        "Tx duration 36 min; timed codes 30 min",
    ],
)
def test_totals_written_in_other_words_are_read(line: str) -> None:
    assert totals_of(line) == (30, 36)


def test_a_session_count_is_not_the_treatment_time() -> None:
    assert totals_of("Session: 4 of 12. Timed 30 min.") == (30, None)


def test_minutes_of_a_timed_walk_after_a_service_are_not_the_timed_total() -> None:
    assert totals_of("Gait: 12 min of timed walking drills. Timed 30 min, total 36 min.") == (
        30,
        36,
    )


# -- one service's minutes in parts, an "x" before the minutes -------------------------------------


@pytest.mark.parametrize("written", ["Ther act 12 min + 6 min", "Ther act 12 + 6 min"])
def test_minutes_written_in_parts_are_added(written: str) -> None:
    assert minutes(written + " (lifting, then carrying).\n" + TOTALS) == {"97530": 18}


def test_a_sum_with_its_result_is_not_added_again() -> None:
    assert minutes("Ther act 12 + 6 = 18 min.\n" + TOTALS) == {"97530": 18}


def test_minutes_after_an_x_are_the_services() -> None:
    assert minutes("Ther act x18 min: carrying.\n" + TOTALS) == {"97530": 18}


def test_sets_times_minutes_are_not_the_services_minutes() -> None:
    assert "97530" not in minutes("Ther act 3x6 min intervals.\n" + TOTALS)


# -- skilled care and function in other words ------------------------------------------------------

PLAIN = "Patient: Juno Marsh\nMRN: 740202\nDate: 2031-06-02\nVisit: 4\nDiscipline: PT\n" + (
    "Payer: Medicare\nDiagnosis: R knee OA, M17.11\n\n"
)


def plain_codes(body: str) -> list[str]:
    return [
        f.code
        for f in audit_note(note_from_text(PLAIN + body + TOTALS + "Billed: 97110 x2\n")).findings
    ]


@pytest.mark.parametrize(
    "care",
    [
        "lunges, needed 2 reminders to keep the knee behind the toes",
        "step-ups, upgraded to a 6 in box after good control",
        "squats, regressed to a higher chair when pain rose",
        "wall sits with hands-on help at the knee",
        "leg press, increased the load to 40 lb",
    ],
)
def test_skilled_care_written_in_other_words_is_seen(care: str) -> None:
    body = f"Walks 2 blocks before knee ache.\nTher ex 30 min: {care}.\n"
    assert plain_codes(body) == []


def test_a_list_of_exercises_alone_still_shows_no_skilled_care() -> None:
    body = "Walks 2 blocks before knee ache.\nTher ex 30 min: bike, bridges, clamshells, squats.\n"
    assert plain_codes(body) == ["SKILLED_JUSTIFICATION_MISSING"]


@pytest.mark.parametrize(
    "status",
    [
        "Carries the laundry basket upstairs now.",
        "Back to gardening for an hour.",
        "Puts on shoes seated.",
    ],
)
def test_function_written_as_what_the_patient_does_is_a_baseline(status: str) -> None:
    body = f"{status}\nTher ex 30 min with cues for alignment.\n"
    assert plain_codes(body) == []


def test_tolerating_treatment_is_not_a_functional_status() -> None:
    body = "Pt tolerated treatment well.\nTher ex 30 min with cues for alignment, bike 10 min.\n"
    assert plain_codes(body) == ["FUNCTIONAL_BASELINE_MISSING"]


# -- episode headers in other words ----------------------------------------------------------------


def episode_codes(extra: str, visit: int = 12) -> list[str]:
    header = f"Patient: Juno Marsh\nMRN: 740202\nDate: 2031-06-02\nVisit: {visit}\n{extra}"
    body = "Discipline: PT\nPayer: Medicare\nDiagnosis: R knee OA, M17.11\n\n" + CARE
    note = note_from_text(header + body + "Ther ex 30 min.\n" + TOTALS + "Billed: 97110 x2\n")
    return [f.code for f in audit_note(note).findings]


def test_last_pr_in_the_header_starts_the_reporting_period() -> None:
    assert episode_codes("Last PR: visit 2\n") == ["PROGRESS_REPORT_DUE"]
    assert episode_codes("Last PR: visit 5\n") == []


def test_a_plan_of_care_certified_date_in_the_header_counts_to_recertification() -> None:
    assert episode_codes("Plan of care certified: 2031-02-20\n") == ["RECERTIFICATION_DUE"]
    assert episode_codes("Plan of care certified: 2031-05-20\n") == []


def test_a_service_named_in_an_aside_takes_no_minutes_after_it() -> None:
    body = "Tx: MLD 20 min (manual therapy), wrapping 10 min with instruction.\n" + TOTALS
    assert minutes(body) == {"97140": 20}


def test_a_service_named_before_its_bracketed_minutes_keeps_them() -> None:
    assert minutes("Manual therapy (20 min), patellar mobs.\n" + TOTALS) == {"97140": 20}


# -- rows of cells with no heading, bundled codes, codes joined by a dash -------------------------


def test_a_headless_row_whose_numbers_agree_gives_units_and_minutes() -> None:
    body = "Ther act | carrying tasks | GO | 2 | 26\n".replace("Ther act", "97530") + TOTALS
    assert billed(body) == {"97530": 2}
    assert minutes(body) == {"97530": 26}


def test_a_headless_row_whose_numbers_disagree_cannot_be_read() -> None:
    body = "97530 | carrying tasks | GO | 3 | 26\n" + TOTALS
    assert billed(body) == {}
    assert codes(body) == ["BILLING_UNREADABLE"]


def test_a_bundled_code_bills_nothing() -> None:
    body = "Ther ex 30 min. Hot pack 8 min.\nTimed total 30 min; treatment total 38 min.\n"
    assert billed(body + "Billed: 97110 x2, 97010 - bundled\n") == {"97110": 2}


def test_codes_joined_by_a_dash_with_one_count_cannot_be_read() -> None:
    body = "Ther ex 20 min. Manual 10 min.\n" + TOTALS + "Billed: 97110-97140 x2\n"
    assert codes(body) == ["BILLING_UNREADABLE"]


def test_a_code_with_its_modifier_after_a_dash_is_still_read() -> None:
    body = "Ther ex 30 min.\n" + TOTALS + "Billed: 97110-GP x2\n"
    assert billed(body) == {"97110": 2}


def test_a_code_in_brackets_after_a_name_keeps_the_minutes_that_follow() -> None:
    body = "PT re-eval (97164) 25 min: goals reviewed.\nTher ex 30 min.\n" + TOTALS
    body += "Billed: 97164 x1, 97110 x2\n"
    assert minutes(body) == {"97164": 25, "97110": 30}


def test_a_per_code_payer_gives_the_one_code_without_minutes_what_the_total_leaves() -> None:
    # per-code minutes are optional under a stated total (billing-rules.md): 35 - 20 = 15 min
    body = (
        "Ther ex 20 min with cues. Taping with instruction in self-taping.\n"
        "Timed total 35 min; treatment total 35 min.\nBilled: 97110 x1, 97535 x1\n"
    )
    note = note_from_text(HEADER.replace("Medicare", "BlueCross") + CARE + body)
    audit = audit_note(note, AuditRules(payer_rules={"bluecross": "per_code"}))
    assert audit.rule == "per_code"
    assert [f.code for f in audit.findings] == []
    assert audit.units_allowed == 2
    over = body.replace("97535 x1", "97535 x2")
    note = note_from_text(HEADER.replace("Medicare", "BlueCross") + CARE + over)
    audit = audit_note(note, AuditRules(payer_rules={"bluecross": "per_code"}))
    assert [f.code for f in audit.findings] == ["UNITS_OVER_BILLED"]


def test_under_the_8_minute_rule_the_stated_total_still_judges_the_units() -> None:
    body = (
        "Ther ex 20 min with cues. Taping with instruction in self-taping.\n"
        "Timed total 35 min; treatment total 35 min.\nBilled: 97110 x2, 97535 x2\n"
    )
    assert codes(body) == ["UNITS_OVER_BILLED"]


# -- numbered charge lists, bracketed modifiers, a "Codes:" line, bracketed names ---------------


def test_a_numbered_list_under_a_billing_heading_is_read() -> None:
    body = "Ther ex 20 min. Manual 10 min.\n" + TOTALS + "Billed:\n1. 97110 x1\n2. 97140 x1\n"
    assert billed(body) == {"97110": 1, "97140": 1}


def test_modifiers_in_brackets_stand_between_the_code_and_its_count() -> None:
    body = "Ther ex 20 min. Manual 10 min.\n" + TOTALS + "Codes: 97110 [GP] x1, 97140 (59, GP) x1\n"
    assert billed(body) == {"97110": 1, "97140": 1}


def test_a_count_in_brackets_is_not_a_modifier() -> None:
    body = "Ther ex 30 min.\n" + TOTALS + "Billed: 97110 (2)\n"
    assert billed(body) == {"97110": 2}


def test_a_codes_line_of_diagnoses_bills_nothing() -> None:
    body = "Ther ex 30 min.\n" + TOTALS + "Billed: 97110 x2\nCodes: M17.11, M25.561\n"
    assert billed(body) == {"97110": 2}
    assert codes(body) == []


def test_a_bracketed_name_and_leaders_before_the_count() -> None:
    body = (
        "Ther ex 20 min. Manual 10 min.\n"
        + TOTALS
        + "Billing:\n 97110 (TE) .... 1\n 97140 (MT) .... 1\n"
    )
    assert billed(body) == {"97110": 1, "97140": 1}
