"""One rule picks a note's Skill wherever it is drafted: --skill, the note's Skill: header, the
inbox folder, the file name's suffix, the clinic default. A running drafter uses Skills added
after it started, and reads again the notes that failed for want of one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.intake.conftest import note_bytes, running_pipeline, wait_until
from tui.cli import main
from tui.core.clinic import init_clinic
from tui.core.service import ClinicService
from tui.core.skills.files import new_skill

BODY = "\n- pain 3/10 at rest, walked 20 minutes today, HEP reviewed\n"


@pytest.fixture
def service(tmp_path: Path) -> ClinicService:
    return ClinicService.open(init_clinic(tmp_path / "clinic").root)


def _ingest(service: ClinicService, rel: str, text: str) -> str:
    path = service.clinic.paths.inbox / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    result = service.ingest(path)
    assert result.status == "drafted", result.reason
    return service.draft(result.draft_id or 0).skill


@pytest.mark.parametrize(
    ("rel", "header", "expected"),
    [
        ("2026-11-06_test-ann_soap.txt", "Skill: progress_report\n", "progress_report"),
        ("progress_report/2026-11-06_test-ann_soap.txt", "", "progress_report"),
        ("discharge_summary/a.txt", "Skill: progress_report\n", "progress_report"),
        ("2026-11-06_test-ann_progress.txt", "", "progress_report"),
        ("2026-11-06_test-ann_nonsense.txt", "", "soap_note"),
        ("plain.txt", "", "soap_note"),
    ],
    ids=[
        "header-over-name",
        "folder-over-name",
        "header-over-folder",
        "name",
        "unknown-name",
        "default",
    ],
)
def test_header_then_folder_then_file_name_then_default(
    service: ClinicService, rel: str, header: str, expected: str
) -> None:
    text = f"Patient: Ann Test\nDate: 2026-11-06\nDiscipline: PT\n{header}{BODY}"
    assert _ingest(service, rel, text) == expected


def test_chartdesk_draft_follows_the_same_rule(
    service: ClinicService, capsys: pytest.CaptureFixture[str]
) -> None:
    root = service.clinic.paths.root
    note = service.clinic.paths.inbox / "progress_report" / "2026-11-06_test-ann_soap.txt"
    note.parent.mkdir()
    note.write_text(f"Patient: Ann Test\nDate: 2026-11-06\nDiscipline: PT\n{BODY}")
    assert main(["draft", str(note), "--clinic", str(root), "--json"]) == 0
    assert '"skill": "progress_report"' in capsys.readouterr().out, "the folder, as in watch"


async def test_a_running_drafter_uses_a_skill_made_after_it_started(tmp_path: Path) -> None:
    root = init_clinic(tmp_path / "clinic").root
    inbox = root / "inbox"
    async with running_pipeline(root) as running:
        (inbox / "peds_soap").mkdir()
        (inbox / "peds_soap" / "early.txt").write_bytes(note_bytes(1))
        [early] = await running.settled("inbox/peds_soap/early.txt")
        assert early["status"] == "failed" and "unknown Skill 'peds_soap'" in early["reason"]
        new_skill(root / "skills", running.service.clinic.skills, "peds_soap", "soap_note")
        (inbox / "peds_soap" / "late.txt").write_bytes(note_bytes(2))
        [late] = await running.settled("inbox/peds_soap/late.txt")
        assert late["status"] == "ready" and late["skill"] == "peds_soap"

        def early_drafted() -> bool:
            entries = running.entry("inbox/peds_soap/early.txt")
            return [e["status"] for e in entries] == ["ready"]

        await wait_until(early_drafted, 10)
        assert running.entry("inbox/peds_soap/early.txt")[0]["skill"] == "peds_soap"


@pytest.mark.parametrize(
    ("billing", "discipline", "expected"),
    [
        ("Billed: 97162 x1, 97110 x1 (12 min). Total timed 12 min.", "PT", "pt_initial_eval"),
        ("CPT 97166 x1; 97535 x1 14 min", "OT", "ot_initial_eval"),
        ("97168 x1 (re-eval 30 min)", "OT", "re_evaluation"),
        ("Re-eval (97164) due at visit 10. Billed 97110 x2 (26 min).", "PT", "soap_note"),
        ("97110 x2 (26 min)", "PT", "soap_note"),
    ],
    ids=["pt-eval", "ot-eval", "re-eval", "re-eval-only-planned", "treatment-only"],
)
def test_a_note_that_bills_an_evaluation_is_drafted_as_one(
    service: ClinicService, billing: str, discipline: str, expected: str
) -> None:
    text = f"Patient: Ann Test\nDate: 2026-11-06\nDiscipline: {discipline}\n{BODY}{billing}\n"
    assert _ingest(service, "plain.txt", text) == expected


def test_what_the_clinician_named_wins_over_the_billing(service: ClinicService) -> None:
    header = "Patient: Ann Test\nDate: 2026-11-06\nDiscipline: PT\nSkill: soap_note\n"
    text = f"{header}{BODY}97162 x1\n"
    assert _ingest(service, "a.txt", text) == "soap_note"
    assert _ingest(service, "progress_report/b.txt", text.replace("Skill: soap_note\n", "")) == (
        "progress_report"
    )


def test_planning_imports_the_checks_only_for_a_note_that_names_a_code() -> None:
    """The service starts without the checks' clinical tables (the review app's first frame
    waits for none of them); a note with no code of the table never loads them."""
    script = (
        "import sys; import tui.core.service; "
        "from tui.core.skills.billed_documents import billed_document; "
        "assert billed_document('pain 3/10, walked 20 min') == ''; "
        "print('tui.core.checks.extract' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
