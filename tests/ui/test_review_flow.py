"""Pilot tests of the review flow on a real demo clinic: open, edit, save, approve, reject."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import stat
from pathlib import Path

import tomlkit
from fhir.resources.R4B.documentreference import DocumentReference
from textual.widgets import Input, OptionList, Static

from tests.ui.conftest import RecordingApp, copy_clinic, ready_ids, review_of, wait_until
from tui.cli import DEMO_PIN
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService
from tui.ui.screens.approve import ApproveScreen
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.reject import RejectScreen
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.flow import FlowLine

SIZE = (100, 30)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def draft_elsewhere(root: Path, note: Path) -> None:
    """What the drafter process does with a new note, on its own connection."""
    drafter = ClinicService.open(root)
    try:
        drafter.ingest(note)
        draft_queued(drafter, owner="test")
    finally:
        drafter.close()


async def test_queue_lists_every_draft_and_follows_the_cursor(
    app: RecordingApp, service: ClinicService
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        drafts = service.drafts()
        assert screen.table.row_count == len(drafts)
        first, second = drafts[0].id, drafts[1].id
        assert screen.table.selected_id == first
        assert screen.preview.draft_id == first
        await pilot.press("j")
        assert screen.table.selected_id == second
        assert await wait_until(pilot, lambda: screen.preview.draft_id == second)
        await pilot.press("k")
        assert await wait_until(pilot, lambda: screen.preview.draft_id == first)
        await pilot.press("down")
        assert await wait_until(pilot, lambda: screen.preview.draft_id == second)


async def test_the_draft_pane_follows_a_resting_cursor_and_an_action_never_lags(
    app: RecordingApp, service: ClinicService
) -> None:
    """Moving the cursor draws only the rows; the draft it rests on is drawn once. A key that
    acts on the draft (here a, sign) shows that draft first, however fast it follows j."""
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        shown: list[int | None] = []
        load = screen.load_preview

        def counting() -> None:
            load()
            shown.append(screen.preview.draft_id)

        screen.load_preview = counting  # type: ignore[method-assign]
        screen.table.action_cursor_down()
        screen.table.action_cursor_down()
        screen.table.action_cursor_down()
        third = screen.table.selected_id
        assert shown == [], "nothing drawn while the cursor moves"
        assert await wait_until(pilot, lambda: shown == [third])
        screen.table.action_cursor_up()
        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        assert modal.draft.id == screen.table.selected_id != third
        assert screen.preview.draft_id == modal.draft.id, "the pane shows what is signed"


async def test_enter_opens_the_draft_and_escape_returns(app: RecordingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        await pilot.press("enter")
        assert screen.reading
        assert screen.preview.has_focus
        assert not screen.table.display
        await pilot.press("j")
        assert screen.preview.draft_id == screen.table.selected_id
        await pilot.press("escape")
        assert not screen.reading
        assert screen.table.has_focus
        await pilot.press("tab")
        assert screen.preview.has_focus
        await pilot.press("tab")
        assert screen.table.has_focus


async def test_open_edit_save_approve(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        screen.table.select_draft(draft_id)
        listed = screen.table.listed()
        next_id = next(i for i, status in listed[listed.index((draft_id, "ready")) + 1 :]
                       if status == "ready")  # fmt: skip
        await pilot.press("enter", "e")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.text_area.text == original
        area = editor.text_area
        area.move_cursor(area.document.end)
        await pilot.press("enter", "o", "k")
        assert editor.dirty
        await pilot.press("ctrl+o")
        assert not editor.dirty
        versions = service.versions(draft_id)
        assert [v.n for v in versions] == [1, 2]
        assert versions[0].text == original
        assert versions[1].text == original + "\nok"
        assert versions[1].origin == "edit"
        assert app.said("version 2")
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.preview.shown_text == original + "\nok"

        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        document = service.draft(draft_id).skill
        shown = str(modal.query_one("#approve-title", Static).render())
        assert document.replace("_", " ") in shown and document not in shown, "no Skill ids"
        assert modal.current.clinician.key == "arivera"
        assert not modal.current.needs_pin, "the account's own clinician signs with y"
        await pilot.press("y")
        assert app.screen is screen
        flow = screen.query_one(FlowLine)
        assert screen.table.selected_id == next_id, "the cursor moved on to the next draft"
        assert flow.message.startswith("Signed ")
        assert document not in flow.message.split(" as ")[0], "the document in words"

    draft = service.draft(draft_id)
    assert draft.status == "approved"
    approval = service.store.approval(draft_id)
    assert approval is not None and approval["clinician"] == "Alex Rivera"
    folder = service.clinic.paths.approved / draft.date
    md = next(folder.glob(f"*-{draft_id}.md"))
    record_path = md.with_suffix(".json")
    fhir_path = md.with_suffix(".fhir.json")
    assert md.stem in flow.message, "the summary says where the signed record went"
    assert sorted(approval["files"]) == sorted(
        service.relative(p) for p in (md, record_path, fhir_path, md.with_suffix(".pdf"))
    )
    for path in (md, record_path, fhir_path):
        assert stat.S_IMODE(path.stat().st_mode) & 0o222 == 0, "signed files are read-only"
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, "signed files are private"
    record = json.loads(record_path.read_text())
    document = md.read_text()
    assert record["text"] == document
    assert approval["sha256"] == record["sha256"]
    assert record["sha256"] == sha256(md.read_bytes())
    assert record["files"]["markdown"]["sha256"] == sha256(md.read_bytes())
    assert record["files"]["fhir"]["sha256"] == sha256(fhir_path.read_bytes())
    assert record["clinician"] == "Alex Rivera" and record["credentials"] == "PT, DPT"
    assert record["draft_version"] == 2
    note_bytes = (service.clinic.paths.root / draft.note_path).read_bytes()
    assert record["source_note_sha256"] == sha256(note_bytes)
    header, body = document.split("\n\n", 1)
    assert header == (
        f"Patient: Dana Whitfield | MRN: {draft.mrn} | DOB: {draft.dob} | "
        "Date of service: 2026-11-02"
    )
    assert draft.mrn and draft.dob, "the note's MRN and DOB travel into the record"
    assert body.startswith(original + "\nok")
    assert record["mrn"] == draft.mrn and record["dob"] == draft.dob

    resource = json.loads(fhir_path.read_text())
    assert resource["resourceType"] == "DocumentReference"
    assert (resource["status"], resource["docStatus"]) == ("current", "final")
    attachment = resource["content"][0]["attachment"]
    assert base64.b64decode(attachment["data"]) == md.read_bytes()
    assert attachment["hash"] == base64.b64encode(hashlib.sha1(md.read_bytes()).digest()).decode()
    assert resource["authenticator"]["display"] == "Alex Rivera, PT, DPT"
    assert resource["subject"]["display"] == draft.patient
    assert resource["subject"]["identifier"]["value"] == draft.mrn
    DocumentReference.model_validate(resource)

    entry = json.loads(service.clinic.paths.audit_log.read_text().splitlines()[-1])
    assert entry["action"] == "approve"
    assert entry["sha256"] == record["sha256"]
    assert entry["json_sha256"] == sha256(record_path.read_bytes())
    assert entry["fhir_sha256"] == sha256(fhir_path.read_bytes())
    assert service.audit_log.verify().ok


async def test_nobody_signs_as_another_clinician_without_their_pin(
    app: RecordingApp, service: ClinicService
) -> None:
    """The account signs as its own clinician; choosing a colleague asks for the colleague's
    signing PIN, and a wrong PIN signs nothing."""
    draft_id = next(d.id for d in service.drafts("ready") if d.discipline == "PT")
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        screen.table.select_draft(draft_id)
        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        assert modal.query_one(OptionList).option_count == len(service.context.clinicians)
        assert modal.current.clinician.key == "arivera"
        await pilot.press("down", "down")
        assert modal.current.clinician.key == "spatel" and modal.current.needs_pin
        await pilot.press("y")
        assert isinstance(app.screen, ApproveScreen), "no PIN typed: nothing signed"
        assert "signing PIN" in str(modal.query_one("#sign-error", Static).render())
        assert modal.query_one("#pin", Input).has_focus
        await pilot.press(*"9999", "enter")
        assert app.said("wrong signing PIN", "error")
    assert service.draft(draft_id).status == "ready"
    assert service.store.approval(draft_id) is None


async def test_a_colleague_signs_with_their_pin(app: RecordingApp, service: ClinicService) -> None:
    draft_id = next(d.id for d in service.drafts("ready") if d.discipline == "OT")
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        assert modal.current.clinician.key == "jlee", "an OT document offers the OT first"
        assert modal.query_one("#pin", Input).has_focus
        await pilot.press(*DEMO_PIN, "enter")
        await pilot.pause()
    approval = service.store.approval(draft_id)
    assert approval is not None and approval["clinician"] == "Jordan Lee"
    assert approval["auth"] == "pin"


async def test_a_document_of_one_discipline_is_not_signed_by_the_other(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = next(d.id for d in service.drafts("ready") if d.discipline == "PT")
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        await pilot.press("down")
        assert modal.current.clinician.key == "jlee"
        assert "cannot sign a PT document" in str(
            modal.query_one("#signer-problem", Static).render()
        )
        await pilot.press("tab", *DEMO_PIN, "enter")
        assert isinstance(app.screen, ApproveScreen)
    assert service.draft(draft_id).status == "ready"


async def test_approving_a_draft_that_is_not_ready_is_refused(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    service.reject(draft_id, "duplicate note")
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.press("a")
        assert isinstance(app.screen, ReviewScreen)
        assert app.said("cannot be signed", "warning")


async def test_a_draft_changed_elsewhere_is_not_signed_unseen(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.press("a")
        other = ClinicService.open(service.clinic.paths.root)
        other.save_edit(draft_id, "changed in another session")
        other.close()
        await pilot.press("y")
        assert app.said("changed in another session", "error")
    assert service.draft(draft_id).status == "ready"


async def test_reject_needs_a_reason(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        screen.table.select_draft(draft_id)
        await pilot.press("r")
        modal = app.screen
        assert isinstance(modal, RejectScreen)
        await pilot.press("enter")
        assert app.screen is modal, "an empty reason is refused"
        assert "required" in str(modal.query_one("#reason-error").render())
        await pilot.press("space", "space", "enter")
        assert app.screen is modal, "a blank reason is refused"
        assert service.draft(draft_id).status == "ready"
        modal.query_one(Input).value = "wrong patient"
        await pilot.press("enter")
        assert app.screen is screen
        assert (
            "rejected" in screen.table.cells_at(screen.table.get_row_index(str(draft_id)))["status"]
        )
    draft = service.draft(draft_id)
    assert draft.status == "rejected"
    assert draft.reason == "wrong patient"


async def test_reject_can_be_cancelled(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.press("r", "n", "o", "escape")
        assert isinstance(app.screen, ReviewScreen)
    assert service.draft(draft_id).status == "ready"


async def test_new_drafts_from_another_process_appear_in_place(
    app: RecordingApp, service: ClinicService, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        before = screen.table.row_count
        await pilot.press("j", "j")
        selected = screen.table.selected_id
        note = service.clinic.paths.inbox / "2026-11-09_doe-sam_soap.txt"
        note.write_text(
            "Patient: Sam Doe\nDate: 2026-11-09\nDiscipline: PT\n\n"
            "Knee flexion 110 deg, pain 3/10 after gait training.\n"
        )
        await asyncio.to_thread(draft_elsewhere, service.clinic.paths.root, note)
        for _ in range(40):  # the screen polls every POLL_SECONDS
            await pilot.pause(0.1)
            if screen.table.row_count > before:
                break
        assert screen.table.row_count == before + 1
        assert screen.table.selected_id == selected, "the cursor stays on its draft"
        assert "Sam Doe" in screen.table.cells_at(before)["patient"]


async def test_a_single_clinician_signs_without_a_choice(
    demo_template: Path, tmp_path: Path
) -> None:
    root = copy_clinic(demo_template, tmp_path / "clinic")
    context = root / "context.toml"
    document = tomlkit.parse(context.read_text())
    clinicians = document["clinicians"]
    del clinicians[1:]  # type: ignore[attr-defined]
    context.write_text(tomlkit.dumps(document))
    service = ClinicService.open(root)
    app = RecordingApp(service)
    try:
        draft_id = next(d.id for d in service.drafts("ready") if d.discipline == "PT")
        async with app.run_test(size=SIZE) as pilot:
            review_of(app).table.select_draft(draft_id)
            await pilot.press("a")
            modal = app.screen
            assert isinstance(modal, ApproveScreen)
            assert not modal.query(OptionList)
            assert modal.current.clinician.name == "Alex Rivera"
            await pilot.press("y")
        assert service.draft(draft_id).status == "approved"
    finally:
        service.close()
