"""The audit: every finding code fires when it should and stays quiet when it should not."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from tests.checks.conftest import SYNTHETIC, note_from_text
from tui.core.checks.billing.audit import (
    FINDING_CODES,
    AuditRules,
    PatientHistory,
    audit_note,
)
from tui.core.intake.notes import Note, read_note

HEADER = (
    "Patient: Test Person\nMRN: 999001\nDate: 2026-12-20\nVisit: {visit}\n{extra}Discipline: PT\n"
    "Payer: {payer}\nDiagnosis: R knee OA, M17.11\n\n"
)
GOOD_BODY = (
    "- pt reports pain 4/10 with stairs\n"
    "- R knee AROM 0-118 deg\n"
    '- ther ex 26 min: step ups w/ VC for alignment, progressed to 6" step\n'
    "- gait training 12 min: SPC on stairs, cues for sequencing\n"
    "- CP 10 min\n"
    "Total timed minutes: 38\nTotal treatment time: 48 min\n"
    "Billed: 97110 x2, 97116 x1, 97010 x1\n"
)


def make(body: str = GOOD_BODY, visit: int = 4, payer: str = "Medicare", extra: str = "") -> Note:
    return note_from_text(HEADER.format(visit=visit, payer=payer, extra=extra) + body)


def codes(
    note: Note, rules: AuditRules | None = None, history: PatientHistory | None = None
) -> list[str]:
    return [finding.code for finding in audit_note(note, rules, history).findings]


def test_a_well_documented_note_has_no_findings() -> None:
    assert codes(make()) == []


# -- each code: fires, and stays quiet on the fixed version -----------------------------------

CASES = {
    "UNITS_OVER_BILLED": (GOOD_BODY.replace("97110 x2", "97110 x3"), GOOD_BODY),
    "UNITS_UNDER_BILLED": (GOOD_BODY.replace("97110 x2", "97110 x1"), GOOD_BODY),
    "UNITS_MISALLOCATED": (
        GOOD_BODY.replace("97110 x2, 97116 x1", "97110 x1, 97116 x2"),
        GOOD_BODY,
    ),
    "TIMED_MINUTES_MISSING": (GOOD_BODY.replace("97116 x1", "97140 x1"), GOOD_BODY),
    "TOTAL_TIME_MISSING": (GOOD_BODY.replace("Total treatment time: 48 min\n", ""), GOOD_BODY),
    "TOTAL_TIME_INCONSISTENT": (
        GOOD_BODY.replace("Total timed minutes: 38", "Total timed minutes: 45"),
        GOOD_BODY,
    ),
    "UNTIMED_CODE_MULTIPLE_UNITS": (GOOD_BODY.replace("97010 x1", "97010 x2"), GOOD_BODY),
    "SKILLED_JUSTIFICATION_MISSING": (
        "- pt did his exercises\n- ther ex 30 min: bike, SLR, bridges\n- pain 3/10\n"
        "Total timed minutes: 30\nTotal treatment time: 30 min\nBilled: 97110 x2\n",
        "- pt did his exercises\n- ther ex 30 min: bike, SLR, bridges, progressed to 3 lb\n"
        "- pain 3/10\nTotal timed minutes: 30\nTotal treatment time: 30 min\nBilled: 97110 x2\n",
    ),
    "FUNCTIONAL_BASELINE_MISSING": (
        "- ther ex 30 min: bridges w/ cues\nTotal timed minutes: 30\n"
        "Total treatment time: 30 min\nBilled: 97110 x2\n",
        "- pt reports difficulty with stairs\n- ther ex 30 min: bridges w/ cues\n"
        "Total timed minutes: 30\nTotal treatment time: 30 min\nBilled: 97110 x2\n",
    ),
    "BILLING_UNREADABLE": (
        GOOD_BODY.replace("Billed: 97110 x2, 97116 x1, 97010 x1", "Billed: 97110/97116 x3"),
        GOOD_BODY,
    ),
    "PLAN_GOAL_MISALIGNED": (
        GOOD_BODY + "STG: climb stairs with R knee pain under 2/10 in 3 wks\n"
        "Plan: shoulder ROM program, scapular strengthening\n",
        GOOD_BODY + "STG: climb stairs with R knee pain under 2/10 in 3 wks\n"
        "Plan: progress knee strengthening, stair training\n",
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_finding_fires_on_the_flawed_note(code: str) -> None:
    flawed, _fixed = CASES[code]
    assert codes(make(flawed)) == [code]


@pytest.mark.parametrize("code", sorted(CASES))
def test_finding_is_quiet_on_the_fixed_note(code: str) -> None:
    _flawed, fixed = CASES[code]
    assert code not in codes(make(fixed))


def test_progress_report_due_soon_and_quiet() -> None:
    header = "Last progress report: visit {}\n"
    assert codes(make(visit=10, extra=header.format(0))) == ["PROGRESS_REPORT_DUE"]
    assert codes(make(visit=15, extra=header.format(4))) == ["PROGRESS_REPORT_DUE"]
    assert codes(make(visit=9, extra=header.format(1))) == ["PROGRESS_REPORT_SOON"]
    assert codes(make(visit=8, extra=header.format(0))) == ["PROGRESS_REPORT_SOON"]
    assert codes(make(visit=7, extra=header.format(0))) == []
    assert codes(make(visit=12, extra=header.format(10))) == []


def test_progress_report_needs_to_know_the_last_report() -> None:
    assert codes(make(visit=12)) == []
    history = PatientHistory(last_progress_report_visit=2)
    assert codes(make(visit=12), history=history) == ["PROGRESS_REPORT_DUE"]
    assert codes(make(visit=3), history=PatientHistory(visits_since_progress_report=9)) == [
        "PROGRESS_REPORT_SOON"
    ]


def test_a_progress_report_note_is_not_told_a_report_is_due() -> None:
    note = make(visit=10, extra="Last progress report: visit 0\nSkill: progress_report\n")
    assert codes(note) == []


def test_a_re_evaluation_is_the_report() -> None:
    body = GOOD_BODY.replace("97010 x1", "97010 x1, 97164 x1")
    assert codes(make(body, visit=10, extra="Last progress report: visit 0\n")) == []


def test_one_code_without_minutes_takes_what_the_stated_total_leaves() -> None:
    # per-code minutes are optional under a stated total: 38 - 26 = 12 min of gait training
    body = GOOD_BODY.replace("- gait training 12 min:", "- gait training:")
    assert codes(make(body)) == []
    # which code the units went to is not judged on minutes only the total gives
    misallocated = body.replace("97110 x2, 97116 x1", "97110 x1, 97116 x2")
    assert codes(make(misallocated)) == []


def test_a_documented_service_left_unbilled_is_under_billing() -> None:
    body = GOOD_BODY.replace("97110 x2, 97116 x1", "97110 x2")
    assert codes(make(body)) == ["UNITS_UNDER_BILLED"]


def test_payer_interval_from_the_rules() -> None:
    rules = AuditRules(payer_progress_visits={"medicare": 12})
    note = make(visit=10, extra="Last progress report: visit 0\n")
    assert codes(note, rules) == ["PROGRESS_REPORT_SOON"]


def test_recertification_due_and_soon() -> None:
    history = PatientHistory(certification_date=date(2026, 9, 1))
    assert "RECERTIFICATION_DUE" in codes(make(), history=history)
    history = PatientHistory(certification_date=date(2026, 9, 25))
    assert "RECERTIFICATION_SOON" in codes(make(), history=history)
    history = PatientHistory(certification_date=date(2026, 11, 25))
    assert codes(make(), history=history) == []
    note = make(extra="Certification date: 2026-09-01\n")
    assert "RECERTIFICATION_DUE" in codes(note)


@pytest.mark.parametrize("written", ["09/01/2026", "9/1/2026", "2026-9-1"])
def test_recertification_reads_dates_as_clinicians_write_them(written: str) -> None:
    """US-order dates in the header and the certification line count the same days."""
    note = note_from_text(
        HEADER.replace("Date: 2026-12-20", "Date: 12/20/2026").format(
            visit=4, payer="Medicare", extra=f"Certification date: {written}\n"
        )
        + GOOD_BODY
    )
    assert "RECERTIFICATION_DUE" in codes(note)


def test_per_code_payer_rule() -> None:
    body = (
        "- pain 4/10 with reaching, cues for form\n- ther ex 10 min\n- gait training 10 min\n"
        "Total timed minutes: 20\nTotal treatment time: 20 min\nBilled: 97110 x1, 97116 x1\n"
    )
    cms = audit_note(make(body, payer="Cigna"))
    assert [f.code for f in cms.findings] == ["UNITS_OVER_BILLED"]
    assert cms.units_allowed == 1
    rules = AuditRules(payer_rules={"cigna": "per_code"})
    per_code = audit_note(make(body, payer="Cigna"), rules)
    assert per_code.findings == [] and per_code.units_allowed == 2 and per_code.rule == "per_code"


def test_nothing_billable_means_no_billing_findings() -> None:
    body = "- bike 10 min\n- chin tucks 3x10\n- continue POC\n"
    assert codes(make(body)) == []
    school = read_note(SYNTHETIC / "2026-12-14_nguyen-tam_school.md")
    assert audit_note(school).findings == []


def test_total_timed_minutes_without_per_code_minutes_is_enough() -> None:
    body = (
        "- pt reports pain 3/10, difficulty with stairs\n- ther ex w/ VC: SLR, bridges\n"
        "Total timed minutes: 30\nTotal treatment time: 30 min\nBilled: 97110 x2\n"
    )
    assert codes(make(body)) == []
    assert codes(make(body.replace("x2", "x3"))) == ["UNITS_OVER_BILLED"]


def test_no_minutes_at_all_is_also_a_missing_total() -> None:
    body = (
        GOOD_BODY.replace("ther ex 26 min:", "ther ex:")
        .replace("gait training 12 min:", "gait:")
        .replace("Total timed minutes: 38\n", "")
    )
    assert codes(make(body)) == ["TIMED_MINUTES_MISSING", "TOTAL_TIME_MISSING"]


def test_treatment_time_below_timed_plus_untimed() -> None:
    body = GOOD_BODY.replace("Total treatment time: 48 min", "Total treatment time: 40 min")
    audit = audit_note(make(body))
    assert [f.code for f in audit.findings] == ["TOTAL_TIME_INCONSISTENT"]
    assert "40" in audit.findings[0].message


@dataclass
class _Payer:
    name: str
    timed_rule: str = "cms"
    requirements: tuple[str, ...] = ()
    progress_report_visits: int = 10


@dataclass
class _Context:
    payers: dict[str, _Payer] = field(default_factory=dict)
    measures: tuple[str, ...] = ()
    timed_codes: dict[str, str] = field(default_factory=dict)
    untimed_codes: dict[str, str] = field(default_factory=dict)
    plain_language: dict[str, str] = field(default_factory=dict)


def test_rules_from_a_context_object() -> None:
    ctx = _Context(
        payers={"Aetna": _Payer("Aetna", "per_code", progress_report_visits=12)},
        measures=("Mini-BESTest",),
        timed_codes={"97799": "unlisted timed"},
        untimed_codes={"97799": "ignored"},
    )
    rules = AuditRules.from_context(ctx)
    assert rules.rule_for("aetna ") == "per_code"
    assert rules.rule_for("Medicare") == "cms"
    assert rules.progress_interval_for("AETNA") == 12
    assert "97799" in rules.timed_codes and "97799" not in rules.untimed_codes
    assert rules.measures == ("Mini-BESTest",)
    assert AuditRules.from_context(object()) == AuditRules()


def test_rules_from_the_real_clinic_context() -> None:
    context = pytest.importorskip("tui.core.context")
    from tui.core.resources import example_context

    rules = AuditRules.from_context(context.load_context(example_context()))
    assert rules.rule_for("Medicare") == "cms"


def test_clinic_timed_code_is_audited() -> None:
    body = (
        "- pain 3/10 w/ reaching\n- dry needling 20 min w/ assessment of response\n"
        "Total timed minutes: 20\nTotal treatment time: 20 min\nBilled: 97799 x2\n"
    )
    rules = AuditRules(extra_timed_codes={"97799": "dry needling"})
    assert codes(make(body), rules) == ["UNITS_OVER_BILLED"]


def test_to_json_shape() -> None:
    audit = audit_note(read_note(SYNTHETIC / "2026-12-11_kim-joon_soap.txt"))
    data = audit.to_json()
    assert {"file", "patient", "timed_minutes", "units_allowed", "units_billed", "findings"} <= set(
        data
    )
    assert data["timed_minutes"] == 20 and data["units_allowed"] == 1 and data["units_billed"] == 2
    finding = data["findings"][0]
    assert finding == {
        "code": "UNITS_OVER_BILLED",
        "severity": "error",
        "message": finding["message"],
        "source": "rules",
        "line": 16,
    }
    note = read_note(SYNTHETIC / "2026-12-11_kim-joon_soap.txt")
    assert note.text.splitlines()[15].lower().startswith("billed")


def test_scanned_notes_are_not_audited_from_text() -> None:
    note = Note(path=Path("2026-12-20_scan-pat_soap.png"), sha256="0", kind="image", body="")
    audit = audit_note(note)
    assert audit.findings == [] and audit.units_billed == 0


EXPECTED_SYNTHETIC = {
    "2026-12-01_avery-sam_soap.txt": [],
    "2026-12-02_baptiste-lena_soap.txt": ["UNITS_OVER_BILLED"],
    "2026-12-03_chen-wei_soap.txt": ["PROGRESS_REPORT_SOON"],
    "2026-12-04_diaz-maria_soap.txt": [],
    "2026-12-05_evans-ruth_ot.txt": [],
    "2026-12-06_fox-daniel_soap.txt": ["UNITS_OVER_BILLED"],
    "2026-12-07_garcia-luis_soap.txt": [],
    "2026-12-08_hill-ava_soap.txt": [
        "SKILLED_JUSTIFICATION_MISSING",
        "FUNCTIONAL_BASELINE_MISSING",
    ],
    "2026-12-09_ito-ken_soap.txt": ["UNITS_OVER_BILLED"],
    "2026-12-10_jones-mia_soap.txt": ["UNITS_MISALLOCATED"],
    "2026-12-11_kim-joon_soap.txt": ["UNITS_OVER_BILLED"],
    "2026-12-12_lopez-ana_soap.txt": ["TOTAL_TIME_INCONSISTENT"],
    "2026-12-13_moore-eli_soap.txt": ["PROGRESS_REPORT_SOON"],
    "2026-12-14_nguyen-tam_school.md": [],
    "2026-12-15_owens-kate_eval.txt": [],
    "2026-12-16_park-hana_soap.txt": ["UNITS_OVER_BILLED"],
    "2026-12-17_quinn-rob_soap.txt": ["UNTIMED_CODE_MULTIPLE_UNITS"],
    "2026-12-18_rossi-gina_soap.txt": ["PLAN_GOAL_MISALIGNED"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_SYNTHETIC))
def test_synthetic_notes_audit(name: str) -> None:
    assert codes(read_note(SYNTHETIC / name)) == EXPECTED_SYNTHETIC[name]


def test_every_finding_code_is_exercised() -> None:
    exercised = set(CASES) | {"PROGRESS_REPORT_DUE", "PROGRESS_REPORT_SOON"}
    exercised |= {"RECERTIFICATION_DUE", "RECERTIFICATION_SOON"}
    assert exercised == set(FINDING_CODES)


def test_unreadable_billing_names_its_line_and_checks_no_units(tmp_path: Path) -> None:
    """Units grouped over several codes are never guessed: the finding says which line."""
    body = GOOD_BODY.replace(
        "Billed: 97110 x2, 97116 x1, 97010 x1", "Units: 3 total for 97110 + 97116"
    )
    note = make(body)
    audit = audit_note(note)
    [finding] = [f for f in audit.findings if f.code == "BILLING_UNREADABLE"]
    assert note.text.splitlines()[finding.line - 1].startswith("Units: 3 total")
    assert "could not be read" in finding.message and f"line {finding.line}" in finding.message
    assert audit.units_allowed is None
    assert not {"UNITS_OVER_BILLED", "UNITS_UNDER_BILLED"} & {f.code for f in audit.findings}
    path = tmp_path / "2026-12-20_person-test_soap.txt"
    path.write_text(note.text, encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, "-m", "tui.cli", "audit", str(path)], capture_output=True, text=True
    )
    assert "None" not in shown.stdout and f"(note line {finding.line})" in shown.stdout


def test_every_rule_finding_rests_on_a_line_of_the_whole_note() -> None:
    """Billing findings point at the billing line, counted from the top of the header."""
    note = make(GOOD_BODY.replace("97110 x2", "97110 x3"))
    [finding] = audit_note(note).findings
    assert note.text.splitlines()[finding.line - 1].startswith("Billed: 97110 x3")
