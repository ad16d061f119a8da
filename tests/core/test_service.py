"""ClinicService end to end on a real clinic folder: ingest, plan, draft offline, sign, reject."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import sample_notes, signer
from tui.core.clinic import DrafterLock
from tui.core.errors import ChartdeskError
from tui.core.intake.pipeline import draft_queued
from tui.core.security.audit_log import AuditLog
from tui.core.service import ClinicService


def _drop(service: ClinicService, source: Path, name: str | None = None) -> Path:
    target = service.clinic.paths.inbox / (name or source.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return target


def test_each_sample_note_gets_its_skill(service: ClinicService) -> None:
    planned = {}
    for path in sample_notes():
        result = service.ingest(_drop(service, path))
        assert result.status == "drafted", result.reason
        planned[path.name] = service.draft(result.draft_id or 0).skill
    assert planned["2026-11-02_whitfield-dana_soap.txt"] == "soap_note"
    assert planned["2026-11-05_lindqvist-ola_ot-eval.txt"] == "ot_initial_eval"
    assert planned["2026-11-06_brandt-theo_handwriting.md"] == "handwriting_report"


def test_same_content_twice_is_one_draft(service: ClinicService) -> None:
    source = sample_notes()[0]
    first = service.ingest(_drop(service, source))
    second = service.ingest(_drop(service, source, "copy-of-note.txt"))
    assert (first.status, second.status) == ("drafted", "duplicate")
    assert len(service.drafts()) == 1


def test_inbox_subfolder_names_the_skill(service: ClinicService, tmp_path: Path) -> None:
    note = tmp_path / "plain.txt"
    note.write_text(
        "Patient: Ann Test\nDate: 2026-11-06\nDiscipline: PT\n\n"
        "- pain 3/10 at rest, walked 20 minutes today\n"
    )
    result = service.ingest(_drop(service, note, "progress_report/plain.txt"))
    assert service.draft(result.draft_id or 0).skill == "progress_report"


def test_unknown_skill_header_fails_the_note_with_a_reason(
    service: ClinicService, tmp_path: Path
) -> None:
    note = tmp_path / "n.txt"
    note.write_text(
        "Patient: Ann Test\nSkill: telepathy_report\n\n- pain 3/10 at rest, walked 5 min\n"
    )
    result = service.ingest(_drop(service, note))
    assert result.status == "failed"
    assert "unknown Skill" in result.reason and "Skill: header" in result.reason
    assert "telepathy" not in result.reason, "header text never goes into a reason (or a log)"
    assert service.queue_json()["drafts"][0]["status"] == "failed"


def test_offline_draft_sign_and_record(service: ClinicService) -> None:
    source = sample_notes()[0]
    draft_id = service.ingest(_drop(service, source)).draft_id or 0
    assert draft_queued(service) == 1
    draft = service.draft(draft_id)
    assert draft.status == "ready" and draft.backend == "offline"
    edited = service.text(draft_id) + "\nClinician addition.\n"
    service.save_edit(draft_id, edited)
    files = service.approve(draft_id, signer(service))
    md, js = files[:2]
    assert md.parent.parent == service.clinic.paths.approved
    assert stat.S_IMODE(md.stat().st_mode) == 0o400
    record = json.loads(js.read_text())
    assert record["clinician"] == "Alex Rivera" and record["credentials"] == "PT, DPT"
    assert record["source_note_sha256"] == draft.note_sha256
    assert md.read_text() == record["text"]
    assert "Clinician addition." in record["text"]
    assert service.draft(draft_id).status == "approved"
    with pytest.raises(ChartdeskError, match="addendum"):
        service.save_edit(draft_id, "silent change")
    with pytest.raises(ChartdeskError):
        service.approve(draft_id, signer(service))
    report = AuditLog(service.clinic.paths.audit_log).verify()
    assert report.ok and report.entries >= 2
    assert "Clinician addition" not in service.clinic.paths.audit_log.read_text()


def test_reject_with_reason(service: ClinicService) -> None:
    draft_id = service.ingest(_drop(service, sample_notes()[1])).draft_id or 0
    draft_queued(service)
    with pytest.raises(ChartdeskError, match="reason"):
        service.reject(draft_id, "")
    service.reject(draft_id, "wrong visit number")
    assert service.draft(draft_id).status == "rejected"
    assert service.queue_json("rejected")["drafts"][0]["reason"] == "wrong visit number"


def test_queue_json_contract(service: ClinicService) -> None:
    for path in sample_notes():
        service.ingest(_drop(service, path))
    draft_queued(service)
    drafts = service.queue_json()["drafts"]
    assert len(drafts) == len(sample_notes())
    for entry in drafts:
        assert {"id", "note", "patient", "skill", "status", "created"} <= set(entry)
        assert entry["status"] == "ready"


def test_two_pass_hep_runs_on_the_signed_first_pass(service: ClinicService) -> None:
    source = (
        Path(__file__).resolve().parents[2] / "tui/core/data/demo/2026-11-06_osei-kwame_hep.txt"
    )
    first = service.ingest(_drop(service, source)).draft_id or 0
    draft_queued(service)
    assert service.draft(first).skill == "hep_clinical"
    signed_text = service.text(first).replace(
        "## Progression Criteria", "- calf stretch 3x30s daily\n\n## Progression Criteria"
    )
    service.save_edit(first, signed_text)
    service.approve(first, signer(service))
    children = [d for d in service.drafts() if d.parent_id == first]
    assert [d.skill for d in children] == ["hep_patient"]
    draft_queued(service)
    child = service.draft(children[0].id)
    assert child.status == "ready"
    handout = service.text(child.id)
    assert "calf stretch" in handout.lower()  # each drafted statement opens with a capital
    assert "## When to call your therapist" in handout
    grade = child.checks["readability"]
    assert grade["max_grade"] == 6 and grade["grade"] <= 6, grade


def test_an_edit_on_a_replaced_version_is_refused_and_kept(service: ClinicService) -> None:
    draft_id = service.ingest(_drop(service, sample_notes()[0])).draft_id or 0
    draft_queued(service)
    base = service.store.latest_version(draft_id)
    assert base is not None
    service.save_edit(draft_id, "session B's edit", base_n=base.n)
    with pytest.raises(ChartdeskError, match="another session saved version 2") as info:
        service.autosave(draft_id, "session A's edit", base_n=base.n)
    assert service.text(draft_id) == "session B's edit"
    kept = list((service.clinic.paths.state / "unsaved").iterdir())
    assert [p.read_text() for p in kept] == ["session A's edit"]
    assert "reopen the draft" in str(info.value)
    service.save_edit(draft_id, "session A's edit")  # an explicit second save replaces it
    assert service.text(draft_id) == "session A's edit"


def test_drafting_the_queue_waits_for_no_one_and_takes_no_one_s_work(
    service: ClinicService,
) -> None:
    """`chartdesk demo` drafts through the pipeline; with a drafter running elsewhere (it
    holds the lock) it says so instead of racing it for the same jobs."""
    note = service.clinic.paths.inbox / sample_notes()[0].name
    note.write_bytes(sample_notes()[0].read_bytes())
    service.ingest(note)
    other = DrafterLock(service.clinic.paths.drafter_lock)
    assert other.try_acquire()
    try:
        with pytest.raises(ChartdeskError, match="another drafter is running"):
            draft_queued(service)
        assert [d.status for d in service.drafts()] == ["queued"]
    finally:
        other.release()
    assert draft_queued(service) == 1
    assert [d.status for d in service.drafts()] == ["ready"]
