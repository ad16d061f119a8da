"""The end-of-day audit on a real demo clinic: the day's notes, grouping by patient, the
Markdown report, its export, and `chartdesk audit --day`."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.clinics import copy_clinic
from tests.drafting.conftest import PNG
from tui.cli import main, make_demo
from tui.core.errors import ChartdeskError
from tui.core.review.day_audit import (
    audit_days,
    build_day_audit,
    default_day,
    export_day_audit,
    parse_day,
    render_markdown,
    step_day,
)
from tui.core.service import ClinicService

DAY = date(2026, 11, 6)
STAMP = "2026-11-06T18:00:00+00:00"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("day-audit") / "clinic"
    make_demo(root).close()
    return root


@pytest.fixture
def root(demo: Path, tmp_path: Path) -> Path:
    return copy_clinic(demo, tmp_path / "clinic")


@pytest.fixture
def service(root: Path) -> Iterator[ClinicService]:
    svc = ClinicService.open(root)
    yield svc
    svc.close()


def drop(service: ClinicService, name: str, data: bytes) -> None:
    path = service.clinic.paths.inbox / name
    path.write_bytes(data)
    assert service.ingest(path).status == "drafted"


def test_days_with_notes_and_the_default_day(service: ClinicService) -> None:
    days = audit_days(service)
    assert days == [date(2026, 11, d) for d in (2, 3, 4, 5, 6)]
    assert default_day(days, date(2026, 11, 4)) == date(2026, 11, 4)
    assert default_day(days, date(2027, 1, 1)) == DAY
    assert default_day([], date(2027, 1, 1)) == date(2027, 1, 1)
    assert step_day(days, date(2026, 11, 4), -1) == date(2026, 11, 3)
    assert step_day(days, date(2026, 12, 25), -1) == DAY
    assert step_day(days, DAY, 1) is None


def test_the_day_is_grouped_by_patient_with_the_draft_to_open(service: ClinicService) -> None:
    audit = build_day_audit(service, DAY)
    groups = {group.patient: group for group in audit.patients}
    assert sorted(groups) == [
        "Ken Nakamura", "Kwame Osei", "Nadia Haddad", "Rita Castellano", "Theo Brandt",
    ]  # fmt: skip
    (ken,) = groups["Ken Nakamura"].notes
    assert service.draft(ken.draft_id or 0).note_id == ken.note_id
    assert [f.code for f in ken.findings] == [
        "TIMED_MINUTES_MISSING",
        "TOTAL_TIME_MISSING",
        "SKILLED_JUSTIFICATION_MISSING",
        "FUNCTIONAL_BASELINE_MISSING",
    ]
    assert groups["Theo Brandt"].notes[0].skipped == "nothing billed"
    assert audit.counts() == {"error": 2, "warning": 2, "info": 0}


def test_a_patients_notes_of_the_day_are_one_group(service: ClinicService) -> None:
    second = (
        "Patient: Nakamura, Ken\nDate: 2026-11-06\nVisit: 5\nDiscipline: PT\nPayer: Medicare\n\n"
        "- afternoon session: pain 3/10 after chin tucks, cues for posture\n"
        "- ther ex 15 min\nTotal timed minutes: 15\nTotal treatment time: 15 min\n"
        "Billed: 97110 x1\n"
    )
    drop(service, "ken-pm.txt", second.encode())
    drop(service, "2026-11-06_scan-sam_soap.png", PNG)
    unreadable = service.clinic.paths.inbox / "2026-11-06_empty-eve_soap.txt"
    unreadable.write_text("Patient: Eve Empty\n")
    assert service.ingest(unreadable).status == "failed"
    groups = {g.patient: g for g in build_day_audit(service, DAY).patients}
    assert len(groups["Ken Nakamura"].notes) == 2
    assert groups["Sam Scan"].notes[0].skipped.startswith("image note;")
    (eve,) = [n for n in build_day_audit(service, DAY).notes if n.file.startswith("2026-11-06_e")]
    assert eve.skipped.startswith("the note could not be read (") and eve.draft_id is not None


def test_only_the_latest_version_of_a_note_file_is_audited(service: ClinicService) -> None:
    path = service.clinic.paths.inbox / "2026-11-06_nakamura-ken_soap.txt"
    path.write_text(path.read_text() + "Total timed minutes: 40\nTotal treatment time: 40 min\n")
    assert service.ingest(path).status == "drafted"
    audit = build_day_audit(service, DAY)
    ken = [item for item in audit.notes if item.patient == "Ken Nakamura"]
    assert len(ken) == 1
    assert "TOTAL_TIME_MISSING" not in [f.code for f in ken[0].findings]


def test_the_episode_history_is_used(service: ClinicService) -> None:
    (reyes,) = build_day_audit(service, date(2026, 11, 4)).notes
    assert [f.code for f in reyes.findings] == ["PROGRESS_REPORT_DUE"]


def test_the_report_names_patients_and_findings_never_note_text(service: ClinicService) -> None:
    report = render_markdown(build_day_audit(service, DAY), generated=STAMP)
    assert report.startswith("# Billing audit 2026-11-06\n\nRiverside Physical")
    assert "5 notes of 5 patients: 2 errors, 2 warnings, 0 info." in report
    assert "## Ken Nakamura\n\n### 2026-11-06_nakamura-ken_soap.txt (soap_note, draft " in report
    assert "- **ERROR** `TIMED_MINUTES_MISSING`: Timed code(s) 97110" in report
    assert "established program repeated. *(keyword check)*" in report
    assert "### 2026-11-06_brandt-theo_handwriting.md" in report
    assert "Not audited: nothing billed." in report
    assert "chin tucks" not in report and "scap squeezes" not in report
    assert f"Generated by chartdesk {STAMP}. Heuristics: " in report
    empty = render_markdown(build_day_audit(service, date(2026, 1, 1)), generated=STAMP)
    assert "0 notes of 0 patients" in empty and "No notes are dated this day." in empty


def test_export_is_private_atomic_and_recorded(service: ClinicService, root: Path) -> None:
    audit = build_day_audit(service, DAY)
    path = export_day_audit(service, audit, "Alex Rivera")
    assert path == root / "exports" / "audit-2026-11-06.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8").startswith("# Billing audit 2026-11-06")
    assert export_day_audit(service, audit) == path, "a second export replaces the first"
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]
    lines = (root / ".chartdesk" / "audit.log").read_text(encoding="utf-8").splitlines()
    log = [json.loads(line) for line in lines]
    exports = [entry for entry in log if entry["action"] == "export_audit"]
    assert exports[0]["files"] == ["exports/audit-2026-11-06.md"]
    assert exports[0]["clinician"] == "Alex Rivera" and len(exports[0]["sha256"]) == 64


def test_audit_day_command(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["audit", "--day", "2026-11-06", "--clinic", str(root), "--export", "--json"]
    assert main(argv) == 1, "the day has ERROR findings"
    data = json.loads(capsys.readouterr().out)
    assert data["day"] == "2026-11-06" and data["counts"]["error"] == 2
    assert data["export"] == str(root / "exports" / "audit-2026-11-06.md")
    ken = next(entry for entry in data["notes"] if entry["patient"] == "Ken Nakamura")
    assert {"file", "patient", "timed_minutes", "units_allowed", "units_billed"} <= set(ken)
    assert {"code", "severity", "message", "source"} <= set(ken["findings"][0])
    assert isinstance(ken["draft_id"], int)
    assert data["patients"][0]["patient"] == "Ken Nakamura"
    assert main(["audit", "--day", "2026-11-04", "--clinic", str(root)]) == 1
    text = capsys.readouterr().out
    assert text.startswith("# Billing audit 2026-11-04") and "PROGRESS_REPORT_DUE" in text


def test_bad_days_are_one_line_errors(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ChartdeskError):
        parse_day("11/06/2026")
    for bad in (["--day", "2026-02-30"], ["--day", "tomorrow"], ["--day", "2026-11-06", "x.txt"]):
        assert main(["audit", *bad, "--clinic", str(root)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 3 and "Traceback" not in err
