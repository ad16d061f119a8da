"""The billing audit on billing written in other ways: charge blocks, keyed exports, episode
counting, plan versus goals by body quarter. Notes of our own, each with a twin that must stay
quiet (a false alarm is a bug as much as a miss)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import note_from_text
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.extract import extract_billing
from tui.core.intake.notes import Note

HEADER = (
    "Patient: Ada Quill\nMRN: 700101\nDate: 2027-08-02\nVisit: {visit}\n{extra}Discipline: PT\n"
    "Payer: Medicare\nDiagnosis: L hip OA, M16.12\n\n"
)
CARE = (
    "Pt reports L hip ache 5/10 after gardening.\n"
    "L hip flexion 100 deg, abduction 25 deg; gait w/ cane, cues for step length.\n"
)


def make(body: str, visit: int = 4, extra: str = "") -> Note:
    return note_from_text(HEADER.format(visit=visit, extra=extra) + CARE + body)


def codes(note: Note) -> list[str]:
    return [finding.code for finding in audit_note(note).findings]


def billing_of(body: str) -> tuple[dict[str, int], dict[str, int]]:
    billing = extract_billing(HEADER.format(visit=4, extra="") + CARE + body)
    return dict(billing.billed), billing.timed_minutes_by_code


def test_a_charge_block_of_minutes_and_a_units_line_bill_each_code_once() -> None:
    body = (
        "CHARGES\n"
        "  97110 therapeutic exercise ...... 24 min\n"
        "  97112 neuromuscular re-ed ....... 14 min\n"
        "  Timed: 38 min    Total: 38 min\n"
        "  Units: 97110 x2, 97112 x1\n"
    )
    assert billing_of(body) == ({"97110": 2, "97112": 1}, {"97110": 24, "97112": 14})
    assert codes(make(body)) == []


def test_units_written_after_the_name_and_minutes_are_the_codes_units() -> None:
    body = (
        "Charges:\n"
        "  97530 Ther act ....... 27 min ..... 2 units\n"
        "  97010 Hot pack ....... 10 min ..... 2 units\n"
        "  Total timed 27 / Total treatment 37\n"
    )
    assert billing_of(body)[0] == {"97530": 2, "97010": 2}
    assert codes(make(body)) == ["UNTIMED_CODE_MULTIPLE_UNITS"]
    fixed = body.replace("10 min ..... 2 units", "10 min ..... 1 unit")
    assert codes(make(fixed)) == []


def test_minutes_after_the_units_belong_to_the_code_not_to_the_text_name() -> None:
    body = (
        "Manual: cross-friction massage to glute med, 11 min.\n"
        "Billing - 97140 x1 (11'); 97110 x1 (13'). Timed min 24; total time 24 min.\n"
    )
    assert billing_of(body) == ({"97140": 1, "97110": 1}, {"97140": 11, "97110": 13})
    assert codes(make(body)) == []


def test_keyed_export_minutes_and_totals() -> None:
    body = (
        "[interventions]\n"
        "97110_therex_min: 20 (bridges, clams, step-ups)\n"
        "Gait training min: 9\n"
        "timed_total_min: 29\n"
        "treatment_total_min: 29\n"
        "billed: 97110 x1; 97116 x1\n"
    )
    billed, minutes = billing_of(body)
    assert (billed, minutes) == ({"97110": 1, "97116": 1}, {"97110": 20, "97116": 9})
    assert codes(make(body)) == []


def test_units_for_a_group_of_codes_are_unreadable_and_the_finding_quotes_the_line() -> None:
    body = "Timed 33 min; total 33 min.\nCharges:\n  97110/97112 x2\n"
    note = make(body)
    audit = audit_note(note)
    [finding] = [f for f in audit.findings if f.code == "BILLING_UNREADABLE"]
    assert '("97110/97112 x2")' in finding.message
    assert note.text.splitlines()[finding.line - 1].strip() == "97110/97112 x2"
    assert audit.units_allowed is None


def test_a_code_charged_without_units_anywhere_still_bills_one_unit() -> None:
    body = "Total timed 24 min, total treatment 24 min.\nCharges: 97110 (24 min)\n"
    assert billing_of(body)[0] == {"97110": 1}
    assert codes(make(body)) == ["UNITS_UNDER_BILLED"]


def test_a_stated_total_is_the_total_a_sum_is_only_documented() -> None:
    billing = extract_billing("ther ex 26 min\nmanual 12 min\nBilled: 97110 x2, 97140 x1\n")
    assert billing.total_timed_minutes is None
    assert billing.documented_timed_minutes == 38


# -- plan versus goals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "plan"),
    [
        ("STG: stairs with L knee pain under 2/10", "Plan: hip abductor and glute strengthening"),
        ("LTG: turn head to check blind spot, neck pain 2/10", "Plan: scapular retraction, UT STM"),
        ("Goal: DF 10 deg w/ knee extended to climb stairs", "Plan: ankle mobility, calf raises"),
        ("LTG: reach top shelf w/ R shoulder", "Plan: scapular stabilization, thoracic ext"),
    ],
)
def test_care_of_the_same_quarter_of_the_body_is_aligned(goal: str, plan: str) -> None:
    body = f"{goal}\n{plan}\nTotal timed 24 min; total 24 min.\nBilled: 97110 x2\n"
    assert "PLAN_GOAL_MISALIGNED" not in codes(make(body))


def test_a_plan_for_the_other_quarter_of_the_body_is_misaligned() -> None:
    body = (
        "STG: walk 500 ft with L ankle pain under 3/10\n"
        "Plan: R shoulder ROM and scapular setting\n"
        "Total timed 24 min; total 24 min.\nBilled: 97110 x2\n"
    )
    assert codes(make(body)) == ["PLAN_GOAL_MISALIGNED"]


# -- the reporting period starts at the evaluation --------------------------------------------

BILLED = "Ther ex 25 min w/ cues. Total timed 25 min; total 25 min.\nBilled: 97110 x2\n"


@pytest.mark.parametrize(
    ("visit", "last", "expected"),
    [
        (10, "visit 1", ["PROGRESS_REPORT_DUE"]),  # visits 1-10: ten treatment days
        (10, "visit 1 (IE)", ["PROGRESS_REPORT_DUE"]),
        (9, "visit 1", ["PROGRESS_REPORT_SOON"]),
        (19, "visit 10", ["PROGRESS_REPORT_SOON"]),  # a report at 10 restarts after 10
        (20, "visit 10 (progress note 2027-07-20)", ["PROGRESS_REPORT_DUE"]),
        (7, "visit 1 (evaluation)", []),
    ],
)
def test_progress_report_counting(visit: int, last: str, expected: list[str]) -> None:
    note = make(BILLED, visit=visit, extra=f"Last progress report: {last}\n")
    assert codes(note) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Billing: 97110 x2, 97014 billed as G0283 x1",
        "Charges:\n  97110 x2\n  97014 (G0283) x1",
        "Billed: 97110 x2; 97014 -> G0283 x1",
        "Billed: 97110 x2, G0283 x1 (97014 for commercial plans)",
        "Billed: 97110 x2, 97014/G0283 x1",
    ],
)
def test_unattended_estim_under_both_its_codes_is_one_unit(line: str) -> None:
    body = "Ther ex 30 min w/ cues; IFC unattended 15 min.\nTotal timed 30 min; total 45 min.\n"
    assert billing_of(body + line + "\n")[0] == {"97110": 2, "G0283": 1}
    assert codes(make(body + line + "\n")) == []


def test_both_codes_each_with_units_are_two_charges() -> None:
    assert billing_of("Billed: 97014 x1, G0283 x1\n")[0] == {"97014": 1, "G0283": 1}


ROWS = {
    "export rows": (
        "Interventions:\n97110 | Therapeutic exercise | 23 min | 2 units\n"
        "97140 | Manual therapy | 15 min | 1 unit\nTimed total 38 min | Treatment total 38 min\n"
    ),
    "markdown table": (
        "| CPT | Service | Minutes | Units |\n|---|---|---|---|\n| 97110 | Ther ex | 23 | 2 |\n"
        "| 97140 | Manual | 15 | 1 |\n\nTotal timed: 38 min; total treatment: 38 min.\n"
    ),
    "bullets": (
        "Billing:\n- 97110 ther ex: 23 min, 2 units\n- 97140 manual: 15 min, 1 unit\n"
        "Total timed 38 / total 38\n"
    ),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_charge_rows_without_a_billing_word_are_read(name: str) -> None:
    assert billing_of(ROWS[name]) == ({"97110": 2, "97140": 1}, {"97110": 23, "97140": 15})
    assert codes(make(ROWS[name])) == []


def test_a_code_named_in_passing_bills_nothing_without_units() -> None:
    body = "Ther ex 23 min (97110), 3 sets x 10 of bridges; manual 15 min (97140).\n"
    assert billing_of(body)[0] == {}


@pytest.mark.parametrize(
    ("written", "timed", "treatment"),
    [
        ("Timed 38 min. TTT 38 min.", 38, 38),
        ("Timed 38 min. Time in 10:02, time out 10:40.", 38, 38),
        ("Timed 38 min. In: 12:50 / Out: 1:28 pm", 38, 38),
        ("Timed 38 min. Session 9:00 to 9:38.", 38, 38),
        ("Tx time: 38 min (all timed)", 38, 38),
        ("Total treatment time 48 min; timed 38 min.", 38, 48),
    ],
)
def test_totals_written_other_ways(written: str, timed: int, treatment: int) -> None:
    body = f"Ther ex 23 min w/ cues; manual 15 min.\n{written}\nBilled: 97110 x2, 97140 x1\n"
    billing = extract_billing(HEADER.format(visit=4, extra="") + CARE + body)
    assert (billing.stated_timed_minutes, billing.stated_treatment_minutes) == (timed, treatment)
    assert codes(make(body)) == []


def test_clock_times_that_are_not_a_session_give_no_total() -> None:
    body = "Pt arrived 9:55, seen 10:00. Ther ex 23 min; manual 15 min. Timed 38 min.\n"
    assert codes(make(body + "Billed: 97110 x2, 97140 x1\n")) == ["TOTAL_TIME_MISSING"]


@pytest.mark.parametrize(
    "line",
    [
        "Billed: 2x 97110, 1x 97140",
        "Billed: 2 units 97110, 1 unit 97140",
        "Billed: 97110 - 2 units 97140 - 1 unit",
        "CPT codes: 97110(2); 97140(1)",
    ],
)
def test_units_before_or_after_their_codes(line: str) -> None:
    body = f"Ther ex 23 min w/ cues; manual 15 min.\nTimed 38; Total 38.\n{line}\n"
    assert billing_of(body)[0] == {"97110": 2, "97140": 1}
    assert codes(make(body)) == []


def test_units_counted_without_any_code_say_the_billing_could_not_be_read() -> None:
    body = "Ther ex 38 min w/ cues.\nTimed 38 min; total 38 min.\n"
    body += "Billed: ther ex and manual, 3 units\n"
    audit = audit_note(make(body))
    assert [f.code for f in audit.findings] == ["BILLING_UNREADABLE"]
    assert audit.units_allowed is None


def test_a_dose_in_a_table_cell_is_not_the_services_minutes() -> None:
    body = (
        "| Service | CPT | Details | Minutes |\n|---|---|---|---|\n"
        "| Gait training | 97116 | 8 min continuous on TM, cues for stride | 12 |\n"
        "| Ther ex | 97110 | bike 6 min, bridges 3x10 | 26 |\n"
        "| **Total timed** | | | **38** |\n| **Total treatment** | | | **38** |\n\n"
        "Billed: 97110 x2, 97116 x1\n"
    )
    assert billing_of(body)[1] == {"97116": 12, "97110": 26}
    assert codes(make(body)) == []


@pytest.mark.parametrize(
    "header",
    [
        "Cert date: 04/20/2027",
        "POC date: 2027-04-20",
        "Certification period: 04/20/2027 - 07/18/2027",
        "POC cert date: 4/20/27",
    ],
)
def test_the_plan_of_care_date_headed_other_ways(header: str) -> None:
    note = note_from_text(
        f"Patient: Ada Quill\nDate: 2027-08-02\nVisit: 4\nPayer: Medicare\n{header}\n\n"
        + CARE
        + BILLED
    )
    assert codes(note) == ["RECERTIFICATION_DUE"]  # 104 days after 2027-04-20


def test_a_recertification_due_date_is_not_the_certification() -> None:
    note = note_from_text(
        "Patient: Ada Quill\nDate: 2027-08-02\nVisit: 4\nPayer: Medicare\n"
        "Recert due: 2027-05-01\n\n" + CARE + BILLED
    )
    assert codes(note) == []


def test_last_progress_note_headed_other_ways() -> None:
    note = make(BILLED, visit=16, extra="Last PN: visit 6\n")
    assert codes(note) == ["PROGRESS_REPORT_DUE"]
