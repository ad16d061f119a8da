"""The billing audit on notes written by other hands (heldout6's classes, drawn wide in new
words): per-code minutes left out under a stated total, payer lines that name their plan or
state their unit rule, codes outside the therapy tables, billing lines read only in part or
sending their units elsewhere, "timed" before a test, skilled words only in the header, and a
tab-separated export whose first column names the rows. Every rule has a twin that must not
fire."""

from __future__ import annotations

import pytest

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import AuditRules, audit_note
from tui.core.checks.billing.billing import Billing
from tui.core.checks.billing.payer_rules import configured_name, stated_rule
from tui.core.checks.billing.units import split_units
from tui.core.checks.extract import extract_billing
from tui.core.checks.layouts.grids import grids
from tui.core.intake.notes import Note

HEADER = (
    "Patient: Oona Brightwater\nMRN: 750101\nDate: 2031-09-02\nVisit: 4\nDiscipline: PT\n"
    "Payer: {payer}\nDiagnosis: L ankle sprain, S93.402D\n\n"
)
CARE = "Ankle pain 3/10 on stairs; single-leg stance 12 s with cues for hip strategy.\n"
RULES = AuditRules(payer_rules={"aetna": "per_code", "bluecross": "per_code", "medicare": "cms"})


def make(body: str, payer: str = "Medicare") -> Note:
    return note_from_text(HEADER.format(payer=payer) + CARE + body)


def codes(body: str, payer: str = "Medicare") -> list[str]:
    return [finding.code for finding in audit_note(make(body, payer), RULES).findings]


def billed(body: str) -> dict[str, int]:
    return dict(extract_billing(HEADER.format(payer="Medicare") + CARE + body).billed)


# -- per-code minutes are optional when the total timed minutes are stated ------------------------


def test_a_code_without_minutes_is_judged_on_the_stated_total() -> None:
    body = (
        "Ther ex 24 min, progressed band.\nPeroneal taping and proprioceptive drills on foam.\n"
        "Timed minutes 38; treatment time 38 min.\nBilled: 97110 x2, 97112 x1\n"
    )
    assert codes(body) == []
    assert codes(body.replace("97112 x1", "97112 x2")) == ["UNITS_OVER_BILLED"]


def test_without_a_stated_total_a_code_without_minutes_is_missing_them() -> None:
    body = (
        "Ther ex 24 min, progressed band.\nPeroneal taping and proprioceptive drills on foam.\n"
        "Treatment time 38 min.\nBilled: 97110 x2, 97112 x1\n"
    )
    assert "TIMED_MINUTES_MISSING" in codes(body)


def test_a_per_code_payer_gives_the_only_code_without_minutes_the_rest_of_the_total() -> None:
    body = (
        "Ther ex 20 min with cues.\nTalocrural glides grade III.\n"
        "Timed total 30 min, session total 30 min.\nBilled: 97110 x1, 97140 x1\n"
    )
    audit = audit_note(make(body, "Aetna"), RULES)
    assert [f.code for f in audit.findings] == []
    assert audit.units_allowed == 2
    assert codes(body.replace("97140 x1", "97140 x2"), "Aetna") == ["UNITS_OVER_BILLED"]


def test_per_code_codes_sharing_the_rest_are_judged_only_when_no_split_fits() -> None:
    body = (
        "Scapular setting with cues, then PROM and inferior glides.\n"
        "Timed total 34 min, session total 34 min.\nBilled: 97110 x1, 97140 x1\n"
    )
    audit = audit_note(make(body, "BlueCross"), RULES)
    assert [f.code for f in audit.findings] == []
    assert audit.units_allowed is None  # 2 or 3 units, by how the 34 min were split
    over = body.replace("97110 x1, 97140 x1", "97110 x2, 97140 x2")
    assert codes(over, "BlueCross") == ["UNITS_OVER_BILLED"]


def test_a_code_left_no_minutes_by_the_others_is_missing_them_or_over_billed() -> None:
    body = (
        "Neuro re-ed 24 min with sEMG biofeedback for the last 10 min, cues to breathe.\n"
        "Total timed 24 min. Total treatment 24 min.\nBilled: 97112 x1, 90912 x1\n"
    )
    assert codes(body) == ["TIMED_MINUTES_MISSING"]
    assert codes(body.replace("97112 x1", "97112 x2")) == ["UNITS_OVER_BILLED"]


def test_split_units_spans_every_split_of_the_minutes() -> None:
    assert split_units(30, 2) == (2, 2)
    assert split_units(34, 2) == (2, 3)
    assert split_units(0, 3) == (0, 0)


# -- the payer line: plan names and the rule it states ---------------------------------------------


@pytest.mark.parametrize(
    ("payer", "rule"),
    [
        ("Cigna — per-code units (no 8-minute rule)", "per_code"),
        ("Cigna Open Access (each code rounded on its own)", "per_code"),
        ("Regence Blue Shield - follows Medicare 8 minute rule", "cms"),
        ("BlueCross Medicare Advantage (CMS timed-unit rule)", "cms"),
        ("Medicaid (CMS 8-minute rule)", "cms"),
        ("Humana Medicare Advantage", None),
        ("Medicare Part B (LTC)", None),
    ],
)
def test_a_payer_line_states_its_rule_or_none(payer: str, rule: str | None) -> None:
    assert stated_rule(payer) == rule


def test_a_plan_name_is_its_configured_payer_only_as_whole_words() -> None:
    names = ["Aetna", "Medicare", "BlueCross"]
    assert configured_name("Aetna Choice POS II", names) == "aetna"
    assert configured_name("Medicare Part B (LTC)", names) == "medicare"
    assert configured_name("Aetnacare Plus", names) is None
    assert configured_name("UnitedHealthcare", names) is None


TEN_AND_TEN = (
    "Ther ex 10 min: heel raises progressed.\nGait training 10 min with cues.\n"
    "Total timed 20 min. Total treatment 20 min.\nBilled: 97110 x1, 97116 x1\n"
)


def test_a_stated_per_code_rule_allows_a_unit_per_code() -> None:
    assert codes(TEN_AND_TEN, "Cigna (each code rounded on its own)") == []
    assert codes(TEN_AND_TEN, "Aetna Choice POS II") == []


def test_a_stated_8_minute_rule_wins_over_the_clinics_default_for_the_name() -> None:
    assert codes(TEN_AND_TEN, "BlueCross (Medicare Advantage, 8-min rule applies)") == [
        "UNITS_OVER_BILLED"
    ]
    assert codes(TEN_AND_TEN, "BlueCross") == []
    assert codes(TEN_AND_TEN, "Cigna") == ["UNITS_OVER_BILLED"]  # unknown: the default rule


# -- codes outside the therapy tables --------------------------------------------------------------


def test_a_strapping_code_with_its_units_is_billed() -> None:
    body = (
        "MLD 25 min.\nMulti-layer compression wrap, thigh to toes.\n"
        "Garment donning taught 10 min.\nTotal timed 35 min, total treatment 45 min.\n"
        "Billed: 97140 x1, 29582 x1, 97535 x1\n"
    )
    assert billed(body) == {"97140": 1, "29582": 1, "97535": 1}
    assert codes(body) == []


def test_a_bare_five_digit_number_on_a_billing_line_is_no_code() -> None:
    body = "Ther ex 30 min.\nTotal timed 30 min, total treatment 30 min.\n"
    assert billed(body + "Billed: 97110 x2 (auth 48213)\n") == {"97110": 2}
    assert codes(body + "Billed: 97110 x2 (auth 48213)\n") == []


def test_biofeedback_minutes_are_timed() -> None:
    body = (
        "Biofeedback training 90912 15 min with cues to relax.\n97112 18 min: pelvic timing.\n"
        "Timed total 33 min; total treatment 33 min.\nCharges: 90912 x1; 97112 x1\n"
    )
    assert codes(body) == []


# -- billing lines read in part, or sending their units elsewhere ----------------------------------


UNITS_ELSEWHERE = [
    "Billed: 97140 & 97110 (refer to flowsheet)",
    "Charges: 97110, 97530 - units on the charge slip",
    "Billing: 97112, 97140 - units as on the superbill",
    "CPT: 97110 97140 (units to be confirmed)",
]


@pytest.mark.parametrize("line", UNITS_ELSEWHERE)
def test_units_sent_elsewhere_cannot_be_read(line: str) -> None:
    body = "Ther ex 20 min.\nManual 18 min.\nTotal timed 38 min. Total treatment 38 min.\n"
    audit = audit_note(make(body + line + "\n"), RULES)
    assert [f.code for f in audit.findings] == ["BILLING_UNREADABLE"]
    assert audit.findings[0].line == 13
    assert dict(audit.billed) == {}


def test_a_counted_line_may_point_elsewhere_for_details() -> None:
    body = (
        "Ther ex 26 min.\nManual 12 min.\nTotal timed 38 min. Total treatment 38 min.\n"
        "Billed: 97110 x2, 97140 x1 (see flowsheet for exercise details)\n"
    )
    assert codes(body) == []
    assert billed(body) == {"97110": 2, "97140": 1}


def test_an_unreadable_line_still_needs_minutes_and_totals() -> None:
    body = "Glides grade III, pulleys.\nBilled: 97140 + 97110 (see flowsheet) ... total 45\n"
    assert codes(body) == ["BILLING_UNREADABLE", "TIMED_MINUTES_MISSING", "TOTAL_TIME_MISSING"]


@pytest.mark.parametrize(
    "line",
    ["Billed: 97110 x2 + manual therapy", "Billed: 97110 x2, 97140", "Billed: 97140 x1, 97110"],
)
def test_half_a_billing_line_is_never_judged(line: str) -> None:
    body = "Ther ex 25 min.\nManual therapy 12 min.\nTotal timed 37 min. Total treatment 37 min.\n"
    assert codes(body + line + "\n") == ["BILLING_UNREADABLE"]


@pytest.mark.parametrize(
    "line",
    [
        "Billed: 97110 x2, manual therapy 97140 x1",
        "Billed: 97110 x2, 97140 x1; gait training not billed",
        "Billed: 97110 x2 (ther ex), 97140 x1",
        "Billed: 97110 x2, 97140 x1, 97010",
    ],
)
def test_a_whole_billing_line_is_read(line: str) -> None:
    body = "Ther ex 26 min.\nManual therapy 12 min.\nTotal timed 38 min. Total treatment 38 min.\n"
    assert "BILLING_UNREADABLE" not in codes(body + line + "\n")
    assert billed(body + line + "\n")["97110"] == 2


def test_units_in_brackets_before_each_code_are_theirs() -> None:
    body = "Ther ex 15 min.\nBalance 15 min.\nTotal timed 30 min. Total treatment 30 min.\n"
    assert billed(body + "Billed: (1) 97110, (1) 97112\n") == {"97110": 1, "97112": 1}


# -- "timed" before a test is not the total timed minutes ------------------------------------------


@pytest.mark.parametrize(
    "test",
    [
        "Timed 25 foot walk 8.9 s.",
        "We also timed 10 meter walk: 9.6 seconds.",
        "Timed 5 x sit to stand 17 s.",
        "Repeated the timed 25-foot walk: 7.9 s.",
    ],
)
def test_a_timed_test_is_no_total(test: str) -> None:
    body = f"{test}\nTher ex 15 min.\nBalance training 12 min.\nTotal treatment 27 min.\n"
    assert extract_billing(HEADER.format(payer="Medicare") + body).stated_timed_minutes is None
    keyed = body + "Timed: 27 min.\n"
    assert extract_billing(HEADER.format(payer="Medicare") + keyed).stated_timed_minutes == 27


# -- skilled care is not shown by the header lines -------------------------------------------------


COPIED = (
    "Pt performed established program per flowsheet: NuStep 12 min, seated marches. Pain 0/10. "
    "No changes made.\nTher ex 30 min. Gait 8 min.\nTotal timed 38 min, total treatment 38 min.\n"
    "Billed: 97110 x2, 97116 x1\n"
)


def test_skilled_words_only_in_the_header_show_no_skilled_care() -> None:
    header = (
        "Patient: Oona Brightwater\nMRN: 750101\nDate: 2031-09-02\nVisit: 6\n"
        "Last progress report: visit 2 (re-evaluation)\nDiscipline: PT\nPayer: Medicare\n"
        "Diagnosis: Deconditioning, R53.81\nPrecautions: fall risk, needs cues for safety\n\n"
    )
    found = [f.code for f in audit_note(note_from_text(header + COPIED), RULES).findings]
    assert found == ["SKILLED_JUSTIFICATION_MISSING"]
    progressed = COPIED.replace("No changes made.", "Progressed sit to stand, cues for hands.")
    found = [f.code for f in audit_note(note_from_text(header + progressed), RULES).findings]
    assert found == []


# -- a tab-separated export whose first column names the rows --------------------------------------


def _export(heading: str, rows: list[str]) -> str:
    return HEADER.format(payer="Medicare") + heading + "\n" + "\n".join(rows) + "\n"


def test_a_named_first_column_of_a_tab_export_labels_its_rows() -> None:
    rows = [
        "Pain now\t3/10\tknee",
        "Ther ex 97110\t24 min\tstep-ups, cues",
        "Gait training 97116\t14 min\tcane",
        "Total timed\t38 min\t",
        "Total treatment\t38 min\t",
        "Units billed\t97110 x2; 97116 x1\t",
    ]
    billing = extract_billing(_export("Line\tEntry\tNote", rows))
    assert billing.stated_timed_minutes == 38
    assert billing.timed_minutes_by_code == {"97110": 24, "97116": 14}


def test_row_numbers_in_the_first_column_are_still_left_out() -> None:
    rows = [
        "1\tTher ex 97110\t15 min",
        "2\tTher act 97530\t10 min",
        "3\tTotal timed\t25 min",
        "4\tTotal treatment\t25 min",
        "5\tBilled\t97110 x1; 97530 x1",
    ]
    billing = extract_billing(_export("Row\tItem\tValue", rows))
    assert billing.stated_timed_minutes == 25
    assert billing.timed_minutes_by_code == {"97110": 15, "97530": 10}


# -- a clause that opens with a code and closes with its minutes -----------------------------------


def test_minutes_closing_a_code_led_clause_are_the_codes() -> None:
    body = (
        "Tx: 97530 reaching into upper cupboards, laundry carry, cued for trunk lean 16 min; "
        "97535 shower-chair transfers, long-handled sponge, web-space stretch 12 min.\n"
    )
    minutes = extract_billing(HEADER.format(payer="Medicare") + body).timed_minutes_by_code
    assert minutes == {"97530": 16, "97535": 12}


@pytest.mark.parametrize(
    "line",
    [
        "97110: bike 8 min, then step-downs progressed to 10 lb, cues for knee over toe.",
        "97110: bike 10 min",
        "97110 ther ex; home walking 20 min daily",
        "97112: balance on foam. Treadmill walk 10 min",
    ],
)
def test_a_dose_inside_a_code_led_line_is_no_service_time(line: str) -> None:
    minutes = extract_billing(HEADER.format(payer="Medicare") + line + "\n").timed_minutes_by_code
    assert minutes.get("97110") is None and minutes.get("97112") is None


# -- the patient's progress is not the program progressed ------------------------------------------


REPEATED = (
    "Pt completed her usual program, same as last visit: putty, wrist curls 3 x 10. No changes.\n"
    "A: {assessment}\nTher ex 32 min. Total timed 32 min, total treatment 32 min.\n"
    "Billed: 97110 x2\n"
)


@pytest.mark.parametrize(
    "assessment",
    ["Progressing per protocol.", "Pt is progressing well.", "ROM is progressing as expected."],
)
def test_the_patients_progress_shows_no_skilled_care(assessment: str) -> None:
    assert _repeated(assessment) == ["SKILLED_JUSTIFICATION_MISSING"]


@pytest.mark.parametrize(
    "assessment",
    ["Curls progressed to 2 lb today.", "Progressing to single-leg work next set, cues given."],
)
def test_a_program_progressed_is_skilled_care(assessment: str) -> None:
    assert _repeated(assessment) == []


def _repeated(assessment: str) -> list[str]:
    text = HEADER.format(payer="Medicare") + "Pain 2/10.\n" + REPEATED.format(assessment=assessment)
    return [finding.code for finding in audit_note(note_from_text(text), RULES).findings]


def test_traction_by_hand_billed_as_manual_therapy_gives_manual_its_minutes() -> None:
    body = (
        "Cervical traction by hand and suboccipital release 15 min, then ther ex 10 min.\n"
        "Total timed 25 min; total treatment 25 min.\n"
    )
    billing = extract_billing(
        HEADER.format(payer="Medicare") + body + "Billed: 97140 x1, 97110 x1\n"
    )
    assert billing.timed_minutes_by_code == {"97140": 15, "97110": 10}
    mechanical = extract_billing(
        HEADER.format(payer="Medicare") + body + "Billed: 97012 x1, 97110 x1\n"
    )
    assert mechanical.untimed_minutes_by_code == {"97012": 15}


# -- templates and exports: leaders, headings over charges, described counts ----------------------


def _billing(body: str) -> Billing:
    return extract_billing(HEADER.format(payer="Medicare") + body)


def test_totals_keyed_with_dot_leaders_are_read() -> None:
    body = "Total timed minutes..........: 42\nTotal treatment minutes......: 50\n"
    billing = _billing(body)
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (42, 50)
    assert _billing("Timed Up and Go........: 12 s\n").stated_timed_minutes is None


@pytest.mark.parametrize(
    "heading", ["TODAY'S TREATMENT / BILLING", "Services and charges:", "## Billing\n"]
)
def test_a_heading_that_ends_in_billing_bills_the_item_lines_below(heading: str) -> None:
    body = f"{heading}\n97110 ther ex x2 ....... 26 min\n97140-59 manual x1 ....... 12 min\n"
    assert dict(_billing(body).billed) == {"97110": 2, "97140": 1}


def test_a_heading_with_no_item_lines_below_bills_nothing() -> None:
    body = "## Billing\nEvaluation 45 min; total treatment time 45 min. 97162 x1.\n"
    billing = _billing(body)
    assert dict(billing.billed) == {"97162": 1}
    assert billing.untimed_minutes_by_code == {"97162": 45}


def test_a_described_charge_line_bills_its_count() -> None:
    assert dict(_billing("97165 OT eval, low complexity x1 ....... 40 min\n").billed) == {
        "97165": 1
    }
    assert dict(_billing("97110 ther ex 3 x 10 squats 15 min\n").billed) == {}


@pytest.mark.parametrize("dose", ["moist heat 10 min PRN", "paraffin 10 min as needed at home"])
def test_minutes_of_a_home_dose_as_needed_are_no_service(dose: str) -> None:
    body = f"Plan: 2x/wk; {dose}.\nTherapeutic exercise 20 min.\n"
    assert _billing(body).untimed_minutes_by_code == {}
    assert _billing("Moist heat 10 min to the shoulder.\n").untimed_minutes_by_code == {"97010": 10}


def test_minutes_only_the_total_gives_judge_no_allocation() -> None:
    body = (
        "MLD 25 min.\nSelf-bandaging taught with daughter.\nBandaging 15 min ...... 97140\n"
        "Total timed 58 min; total treatment 58 min.\nBilled: 97140 x3, 97535 x1\n"
    )
    assert codes(body) == []
    assert codes(body.replace("97140 x3", "97140 x4")) == ["UNITS_OVER_BILLED"]


# -- other voices: Spanish and British keys, aides and co-signatures, minutes said twice -----------


def test_spanish_totals_and_services_are_read() -> None:
    body = (
        "reeducación neuromuscular 20 min - transferencias de peso.\n"
        "Tiempo cronometrado total 20 min; tiempo total de tratamiento 30 min.\n"
    )
    billing = _billing(body)
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (20, 30)
    assert billing.timed_minutes_by_code == {"97112": 20}
    assert _billing("Tiempo: 20 min de espera.\n").stated_timed_minutes is None


def test_a_british_rx_total_is_the_treatment_time() -> None:
    assert _billing("Total Rx time 44 min.\n").stated_treatment_minutes == 44
    assert _billing("Rx: paracetamol 1 g, 44 min before.\n").stated_treatment_minutes is None


@pytest.mark.parametrize(
    "line",
    [
        "Standing frame 15 min, aide supervised (not billed).",
        "Supervising OTR co-signature: pending",
        "Supervising PT on site (general supervision).",
    ],
)
def test_supervision_by_others_is_no_skilled_care(line: str) -> None:
    text = (
        HEADER.format(payer="Medicare") + "Pain 1/10. Same as prior visits, no changes.\n"
        "Ther ex 30 min. Total timed 30 min; total treatment 30 min.\nBilled: 97110 x2\n" + line
    )
    found = [f.code for f in audit_note(note_from_text(text), RULES).findings]
    assert found == ["SKILLED_JUSTIFICATION_MISSING"]
    skilled = text.replace("no changes.", "no changes; supervised stair descent with cues.")
    assert [f.code for f in audit_note(note_from_text(skilled), RULES).findings] == []


def test_minutes_said_again_for_a_concurrent_service_are_not_new_minutes() -> None:
    body = "E-stim unattended 15 min, with moist heat during the same 15 min.\n"
    assert _billing(body + "Billed: G0283 x1\n").untimed_minutes_by_code == {"G0283": 15}
    apart = "E-stim unattended 15 min, then moist heat 10 min.\nBilled: G0283 x1, 97010 x1\n"
    assert _billing(apart).untimed_minutes_by_code == {"G0283": 15, "97010": 10}


# -- exports: comma-separated rows, pipes only between cells, grouping columns ---------------------


def test_a_comma_separated_charge_export_is_read_as_a_table() -> None:
    body = (
        "cpt,mod,qty,mins,note\n97110,GP,2,27,scap stab\n97140,GP,1,11,glides\n"
        "timed_total,,,38,\nvisit_total,,,38,\n"
    )
    billing = _billing(body)
    assert dict(billing.billed) == {"97110": 2, "97140": 1}
    assert billing.timed_minutes_by_code == {"97110": 27, "97140": 11}


@pytest.mark.parametrize(
    "prose",
    [
        "Pt reports pain, stiffness, and fatigue.\nShe walks, cooks, and drives, 3 days a week.\n",
        "Goals: walk 500 ft, climb 12 steps, carry 10 lb.\nHEP: bridges, clams, 2 x 10.\n",
    ],
)
def test_prose_with_commas_is_no_table(prose: str) -> None:
    assert grids(HEADER.format(payer="Medicare") + prose) == []


def test_pipes_only_between_cells_make_a_table_under_a_heading_row() -> None:
    body = (
        "Service | CPT | Minutes | Units\nGlides | 97110 | 12 | 1\nPinch tasks | 97530 | 10 | 1\n"
    )
    billing = _billing(body)
    assert dict(billing.billed) == {"97110": 1, "97530": 1}
    assert billing.timed_minutes_by_code == {"97110": 12, "97530": 10}


def test_printed_pairs_with_pipes_are_left_to_the_column_readers() -> None:
    body = (
        "Elbow flexion MMT R/L   5/5 | 5/5   4/5 | 4+/5\n"
        "Wrist ext MMT R/L   4/5 | 4-/5   3/5 | 3+/5\n"
    )
    assert grids(HEADER.format(payer="Medicare") + body) == []


def test_a_grouping_first_column_leaves_the_names_to_the_next() -> None:
    rows = [
        '"Section","Item","Value"',
        '"Subjective","Pain now","2"',
        '"Subjective","Sleep","6 h"',
        '"Treatment","Therapeutic exercise","14 min"',
        '"Treatment","Manual therapy","9 min"',
        '"Totals","Timed minutes","23"',
        '"Totals","Treatment minutes","23"',
    ]
    billing = _billing("\n".join(rows) + "\n")
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (23, 23)


def test_a_row_read_as_a_sentence_gives_its_code_the_minutes_before_it() -> None:
    billing = _billing("- Tendon glides 12 min; CPT 97110; Units 1.\n")
    assert (dict(billing.billed), billing.timed_minutes_by_code) == (
        {"97110": 1},
        {"97110": 12},
    )
    assert _billing("- 97110; Units 1. Bike 12 min.\n").timed_minutes_by_code == {}


# -- an HL7 message's transaction segments ---------------------------------------------------------


def test_hl7_transaction_segments_bill_their_quantity() -> None:
    body = (
        "FT1|1|||20310818||CG|97110^Therapeutic exercise|||2||||||||||GP\n"
        "FT1|2|||20310818||CG|97116^Gait training|||1||||||||||GP\n"
        "NTE|1||Ther ex 25 min, gait training 13 min. Total timed minutes 38; total treatment 38\n"
    )
    billing = _billing(body)
    assert dict(billing.billed) == {"97110": 2, "97116": 1}
    assert billing.unreadable == ()


def test_other_hl7_segments_and_odd_quantities_bill_nothing() -> None:
    body = (
        "OBX|2|NM|DHI^Dizziness Handicap Inventory||38|score^^0-100||||F\n"
        "FT1|1|||20310818||CG|97110^Therapeutic exercise|||TBD||||||||||GP\n"
    )
    assert dict(_billing(body).billed) == {}


@pytest.mark.parametrize(
    "line",
    [
        "Billed: 97530 x2 - functional tasks incl. ADL training",
        "Billed: 97110 x2 for exercise before gait training practice",
    ],
)
def test_a_service_named_inside_a_description_is_no_bare_item(line: str) -> None:
    body = "Ther act 26 min.\nTotal timed 26 min. Total treatment 26 min.\n"
    assert "BILLING_UNREADABLE" not in codes(body + line + "\n")


def test_a_charge_line_outside_the_billing_lines_still_gives_its_minutes() -> None:
    body = "## Assessment\n- 97165 OT eval, low complexity x1 ....... 40 min\n"
    assert _billing(body).untimed_minutes_by_code == {"97165": 40}
    prose = "## Assessment\n- 97165 was billed. Next visit 40 min\n"
    assert _billing(prose).untimed_minutes_by_code == {}
