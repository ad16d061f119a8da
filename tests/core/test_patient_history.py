"""The patient's episode from the store (real SQLite): last report, certification, and the
audit that uses them, through ClinicService.check and `chartdesk audit --clinic`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.checks.billing.audit import audit_note
from tui.core.checks.billing.history import EVAL, REPORT, skill_role
from tui.core.intake.notes import read_note
from tui.core.intake.pipeline import draft_queued
from tui.core.records.store import iso_day, patient_key
from tui.core.service import ClinicService

BODY = (
    "- pt reports pain 4/10 with stairs\n"
    "- R knee AROM 0-118 deg\n"
    '- ther ex 26 min: step ups w/ VC for alignment, progressed to 6" step\n'
    "- gait training 12 min: SPC on stairs, cues for sequencing\n"
    "Total timed minutes: 38\nTotal treatment time: 38 min\n"
    "Billed: 97110 x2, 97116 x1\n"
)
EVAL_BODY = "- initial evaluation, R knee OA, pain 6/10, AROM 0-100 deg, plan of care 2x/wk\n"


def note_text(
    day: str,
    visit: int | None = None,
    *,
    patient: str = "Dana Whitfield",
    mrn: str = "480221",
    discipline: str = "PT",
    skill: str = "",
    extra: str = "",
    body: str = BODY,
) -> str:
    lines = [f"Patient: {patient}", f"MRN: {mrn}", f"Date: {day}"]
    lines += [f"Visit: {visit}"] if visit is not None else []
    lines += [f"Discipline: {discipline}", "Payer: Medicare"]
    lines += [f"Skill: {skill}"] if skill else []
    lines += [extra] if extra else []
    return "\n".join(lines) + "\n\n" + body


def drop(service: ClinicService, name: str, text: str) -> Path:
    """Put a note in the inbox and record it (no drafting: the history reads notes only)."""
    path = service.clinic.paths.inbox / name
    path.write_text(text, encoding="utf-8")
    result = service.ingest(path)
    assert result.status == "drafted", result.reason
    return path


def evaluation(service: ClinicService, day: str = "2026-10-01", **kwargs: object) -> None:
    text = note_text(day, 1, skill="pt_initial_eval", body=EVAL_BODY, **kwargs)  # type: ignore[arg-type]
    drop(service, f"{day}_eval-{kwargs.get('mrn', 'x')}.txt", text)


def codes_for(service: ClinicService, path: Path) -> list[str]:
    note = read_note(path)
    return [f.code for f in audit_note(note, history=service.patient_history(note)).findings]


# -- the store query ---------------------------------------------------------------------------


def test_names_match_in_any_order_case_or_accent() -> None:
    assert patient_key("Whitfield, Dana") == patient_key("dana  WHITFIELD") == "dana whitfield"
    assert patient_key("Renée Dubois") == patient_key("Renee Dubois")
    assert patient_key("Baby Boy 2") == "2 baby boy"
    assert patient_key("") == ""


def test_days_are_read_as_clinicians_write_them() -> None:
    assert iso_day("2026-11-02") == "2026-11-02"
    assert iso_day("11/02/2026") == "2026-11-02"
    assert iso_day("Tue 2026-11-2") == "2026-11-02"
    assert iso_day("2026-02-30") == "" and iso_day("soon") == ""


def test_patient_notes_are_the_patients_readable_notes_up_to_a_day(
    service: ClinicService,
) -> None:
    evaluation(service)
    drop(service, "a.txt", note_text("2026-10-03", 2, patient="Whitfield, Dana"))
    drop(service, "b.txt", note_text("10/06/2026", 3))
    drop(service, "c.txt", note_text("2026-10-08", 4))
    drop(service, "other.txt", note_text("2026-10-03", 2, patient="James Okafor"))
    rows = service.store.patient_notes("DANA WHITFIELD", until="2026-10-06")
    assert [(r.day, r.visit, r.skill) for r in rows] == [
        ("2026-10-01", 1, "pt_initial_eval"),
        ("2026-10-03", 2, "soap_note"),
        ("2026-10-06", 3, "soap_note"),
    ]
    assert rows[0].head.startswith("Patient: Dana Whitfield\nMRN: 480221")
    assert len(service.store.patient_notes("Dana Whitfield")) == 4
    assert service.store.patient_notes("") == []


def test_skill_roles() -> None:
    assert skill_role("progress_report") == REPORT
    assert skill_role("re_evaluation", "evaluation") == REPORT
    assert skill_role("discharge_summary") == REPORT
    assert skill_role("pt_initial_eval") == EVAL
    assert skill_role("clinic_intake", "evaluation") == EVAL
    assert skill_role("soap_note", "note") == ""


# -- the history -------------------------------------------------------------------------------


def test_the_evaluation_is_day_one_of_the_first_reporting_period(
    service: ClinicService, tmp_path: Path
) -> None:
    evaluation(service)
    ninth = tmp_path / "9.txt"
    ninth.write_text(note_text("2026-10-28", 9))
    tenth = tmp_path / "10.txt"
    tenth.write_text(note_text("2026-10-30", 10))
    assert service.patient_history(read_note(ninth)).last_progress_report_visit == 0
    assert codes_for(service, ninth) == ["PROGRESS_REPORT_SOON"]
    assert codes_for(service, tenth) == ["PROGRESS_REPORT_DUE"]


def test_a_progress_report_in_the_store_restarts_the_count(
    service: ClinicService, tmp_path: Path
) -> None:
    evaluation(service)
    drop(service, "pr.txt", note_text("2026-10-30", 10, skill="progress_report"))
    later = tmp_path / "later.txt"
    later.write_text(note_text("2026-11-03", 12))
    assert service.patient_history(read_note(later)).last_progress_report_visit == 10
    assert codes_for(service, later) == []
    due = tmp_path / "due.txt"
    due.write_text(note_text("2026-11-20", 20))
    assert codes_for(service, due) == ["PROGRESS_REPORT_DUE"]


def test_the_later_of_store_and_header_wins(service: ClinicService, tmp_path: Path) -> None:
    evaluation(service)
    paper = tmp_path / "paper.txt"
    paper.write_text(note_text("2026-10-30", 12, extra="Last progress report: visit 10"))
    assert codes_for(service, paper) == []


def test_reports_of_another_patient_discipline_or_mrn_do_not_count(
    service: ClinicService, tmp_path: Path
) -> None:
    evaluation(service)
    report = "progress_report"
    drop(service, "ot.txt", note_text("2026-10-20", 7, discipline="OT", skill=report))
    drop(service, "twin.txt", note_text("2026-10-20", 7, mrn="999999", skill=report))
    drop(service, "else.txt", note_text("2026-10-20", 7, patient="Ann Other", skill=report))
    tenth = tmp_path / "10.txt"
    tenth.write_text(note_text("2026-10-30", 10))
    assert service.patient_history(read_note(tenth)).last_progress_report_visit == 0
    assert codes_for(service, tenth) == ["PROGRESS_REPORT_DUE"]


def test_later_notes_are_not_history(service: ClinicService, tmp_path: Path) -> None:
    evaluation(service)
    drop(service, "pr.txt", note_text("2026-11-20", 20, skill="progress_report"))
    tenth = tmp_path / "10.txt"
    tenth.write_text(note_text("2026-10-30", 10))
    assert codes_for(service, tenth) == ["PROGRESS_REPORT_DUE"]


def test_without_visit_numbers_treatment_days_are_counted(
    service: ClinicService, tmp_path: Path
) -> None:
    drop(service, "pr.txt", note_text("2026-10-01", skill="progress_report"))
    for index, day in enumerate(("2026-10-03", "2026-10-06", "2026-10-06", "2026-10-08")):
        drop(service, f"d{index}.txt", note_text(day, body=BODY + f"- extra set {index}\n"))
    today = tmp_path / "today.txt"
    today.write_text(note_text("2026-10-10"))
    assert service.patient_history(read_note(today)).visits_since_progress_report == 4


def test_certification_from_the_evaluation_or_a_header(
    service: ClinicService, tmp_path: Path
) -> None:
    evaluation(service, "2026-08-01")
    soon = tmp_path / "soon.txt"
    soon.write_text(note_text("2026-10-25", 5, extra="Last progress report: visit 4"))
    assert service.patient_history(read_note(soon)).certification_date == date(2026, 8, 1)
    assert codes_for(service, soon) == ["RECERTIFICATION_SOON"]
    late = tmp_path / "late.txt"
    late.write_text(note_text("2026-11-02", 6, extra="Last progress report: visit 4"))
    assert codes_for(service, late) == ["RECERTIFICATION_DUE"]
    header = "Last progress report: visit 4\nCertification date: 2026-10-20"
    drop(service, "recert.txt", note_text("2026-10-21", 5, extra=header, body=BODY + "- recert\n"))
    assert codes_for(service, late) == []


def test_a_re_evaluation_is_its_own_plan_of_care(service: ClinicService, tmp_path: Path) -> None:
    evaluation(service, "2026-06-01")
    reeval = tmp_path / "reeval.txt"
    reeval.write_text(note_text("2026-09-10", 30, skill="re_evaluation"))
    note = read_note(reeval)
    assert service.patient_history(note, "re_evaluation").certification_date == date(2026, 9, 10)


# -- where the history is used -----------------------------------------------------------------


def test_check_audits_drafts_with_the_history(service: ClinicService) -> None:
    evaluation(service)
    drop(service, "2026-10-30_whitfield-dana_soap.txt", note_text("2026-10-30", 10))
    draft_queued(service)
    soap = next(d for d in service.drafts() if d.skill == "soap_note")
    assert [f["code"] for f in soap.checks["findings"]] == ["PROGRESS_REPORT_DUE"]


def test_audit_command_reads_the_clinic_history(
    service: ClinicService, clinic_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluation(service)
    tenth = tmp_path / "10.txt"
    tenth.write_text(note_text("2026-10-30", 10))
    assert main(["audit", str(tenth), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"][0]["findings"] == []
    assert main(["audit", str(tenth), "--clinic", str(clinic_dir), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["notes"][0]["findings"]
    assert [f["code"] for f in findings] == ["PROGRESS_REPORT_DUE"]
