"""The sign gate as a clinician meets it in the app (issue 11): what is shown as checked is
the version on screen, the sign dialog lists every open item of that version, and a record
needs a patient, a date, one open draft per visit and a real signer."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from textual.widgets import Button, Input, Static

from tests.ui.conftest import RecordingApp, open_editor, press_on, review_of, wait_until
from tui.cli import DEMO_PIN
from tui.core.intake.pipeline import draft_queued
from tui.core.service import ClinicService
from tui.ui.screens.approve import ApproveScreen
from tui.ui.screens.identify import IdentifyScreen
from tui.ui.screens.review import ReviewScreen

SIZE = (100, 30)


def pane_text(screen: ReviewScreen) -> str:
    return screen.preview.text.plain


def gate_text(modal: ApproveScreen) -> str:
    return str(modal.query_one("#gate-items", Static).render())


async def ready_note(service: ClinicService, name: str, text: str) -> int:
    """A note dropped in the inbox and drafted (in a thread: the drafter runs its own loop)."""
    target = service.clinic.paths.inbox / name
    target.write_text(text)
    draft_id = service.ingest(target).draft_id
    assert draft_id is not None
    await asyncio.to_thread(draft_queued, service)
    return draft_id


def whitfield(service: ClinicService) -> int:
    return next(d.id for d in service.drafts("ready") if d.patient == "Dana Whitfield")


async def test_an_edited_value_is_checked_shown_and_needs_a_reason(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = whitfield(service)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, draft_id)
        text = editor.text_area.text
        assert "LEFS 38/80" in text
        editor.text_area.load_text(text.replace("LEFS 38/80", "LEFS 44/80"))
        await pilot.press("ctrl+o", "escape")
        screen = review_of(app)
        assert await wait_until(pilot, lambda: "Not supported by the note" in pane_text(screen))
        shown = pane_text(screen)
        assert "Checks: clean" not in shown
        assert "UNSUPPORTED_VALUE" in shown and "text line" in shown

        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        assert "44" in gate_text(modal) and "needs a reason" in gate_text(modal)
        assert modal.query_one("#reason", Input).has_focus
        await pilot.press("y", "enter")
        assert isinstance(app.screen, ApproveScreen), "a one-letter reason is not a reason"
        await pilot.press(*" re-scored today", "enter")
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "approved")
    approval = service.store.approval(draft_id)
    assert approval is not None and approval["override_codes"] == ["UNSUPPORTED_VALUE"]
    assert approval["override_reason"] == "y re-scored today"


async def test_a_note_with_no_header_is_identified_before_it_is_signed(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = await ready_note(
        service, "voice-memo.txt", "- pain 3/10 at rest, walked 20 min today\n"
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        assert await wait_until(pilot, lambda: str(draft_id) in screen.table.rows)
        await press_on(pilot, draft_id, "a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        assert "Cannot be signed until fixed" in gate_text(modal)
        assert "names no patient" in gate_text(modal)
        assert modal.query_one("#sign", Button).disabled
        await pilot.press("y")
        assert isinstance(app.screen, ApproveScreen)
        await pilot.press("escape", "i")
        dialog = app.screen
        assert isinstance(dialog, IdentifyScreen)
        await pilot.press(*"Ann Test", "tab", *"2026-11-02", "tab", *"A-77", "enter")
        assert isinstance(app.screen, ReviewScreen)
        assert app.said("Set: patient, date, mrn")
        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        assert "Cannot be signed" not in gate_text(modal)
        await pilot.press("y")
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "approved")
    md = next(service.clinic.paths.approved.rglob(f"*-{draft_id}.md"))
    assert md.read_text().startswith("Patient: Ann Test | MRN: A-77 | Date of service: 2026-11-02")


async def test_a_corrected_note_supersedes_and_the_old_draft_cannot_be_signed(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = whitfield(service)
    note = service.clinic.paths.root / service.draft(draft_id).note_path
    note.write_text(note.read_text().replace("97110 x2", "97110 x3"))
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        service.ingest(note)
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "superseded")
        new = service.draft(draft_id).superseded_by
        assert new is not None
        assert await wait_until(pilot, lambda: str(new) in screen.table.rows)
        await press_on(pilot, draft_id, "a")
        assert isinstance(app.screen, ReviewScreen)
        assert app.said(f"replaced by draft {new} from the corrected note", "warning")
        assert await wait_until(pilot, lambda: f"replaced by draft {new}" in pane_text(screen))
    assert service.draft(draft_id).status == "superseded"


async def test_a_handout_with_codes_and_shorthand_is_flagged(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = await ready_note(
        service,
        "hep.txt",
        "Patient: Kwame Osei\nDate: 2026-11-06\nSkill: hep_patient\n\n"
        "- calf stretch against a wall, hold thirty seconds, three times a day\n",
    )
    text = service.text(draft_id).replace(
        "## Stay Safe", "- ankle DF AROM 12 deg\n- Billed: 97530 x2\n\n## Stay Safe"
    )
    service.save_edit(draft_id, text)
    async with app.run_test(size=SIZE) as pilot:
        screen = await press_on(pilot, draft_id)
        assert await wait_until(pilot, lambda: "HANDOUT_CODE" in pane_text(screen))
        shown = pane_text(screen)
        assert "97530" in shown and "AROM" in shown
        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        assert "HANDOUT_SHORTHAND" in gate_text(modal) and "needs a reason" in gate_text(modal)


async def test_an_assistant_signs_and_the_supervisor_cosigns(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = whitfield(service)
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, draft_id, "a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen)
        await pilot.press("down", "down")
        assert modal.current.clinician.key == "spatel"
        await pilot.press("y", *DEMO_PIN, "enter")
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "approved")
        screen = review_of(app)
        assert screen.table.selected_id != draft_id, "the flow moved on to the next draft"
        await pilot.press("k")
        assert screen.table.selected_id == draft_id
        assert await wait_until(pilot, lambda: "awaiting co-signature" in pane_text(screen))
        assert "awaiting co-signature by Alex Rivera" in pane_text(screen)

        await pilot.press("a")
        modal = app.screen
        assert isinstance(modal, ApproveScreen) and modal.heading == "Co-sign"
        assert [c.clinician.key for c in modal.choices] == ["arivera"]
        await pilot.press("y")
        assert await wait_until(pilot, lambda: app.said("Co-signed by Alex Rivera"))
        assert "co-signed by Alex Rivera" in pane_text(screen)
    approval = service.store.approval(draft_id)
    assert approval is not None and approval["cosigned"]["clinician"] == "Alex Rivera"
    record = next(service.clinic.paths.approved.rglob(f"*-{draft_id}-cosigned.json"))
    assert json.loads(record.read_text())["signed_by"]["clinician"] == "Sam Patel"


async def test_a_signed_offline_draft_has_no_banner_or_machine_list(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = whitfield(service)
    async with app.run_test(size=SIZE) as pilot:
        screen = await press_on(pilot, draft_id)
        banner = "from the drafter, not part of the document"
        assert await wait_until(pilot, lambda: banner in pane_text(screen))  # once it rests
        await pilot.press("a", "y")
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "approved")
    signed = next(Path(service.clinic.paths.approved).rglob(f"*-{draft_id}.md")).read_text()
    assert "Drafted offline" not in signed and "Measurements found" not in signed
