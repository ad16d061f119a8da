"""Pilot tests of the review actions beyond sign and reject: regenerate with the in-process
drafter, cancel, filters, the source pane, addenda, handout export, clipboard, the today panel
and the command palette."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pypdf
import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from tests.conftest import signer
from tests.ui.conftest import RecordingApp, edit_context, ready_ids, review_of, wait_until
from tui.core.service import ClinicService
from tui.ui.keymap import ACTIONS_BY_ID, display_keys
from tui.ui.screens import review as review_module
from tui.ui.screens.addendum import AddendumScreen
from tui.ui.screens.approve import ApproveScreen
from tui.ui.screens.diff import DiffScreen
from tui.ui.screens.instruction import InstructionScreen
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.today import TodayBar

SIZE = (100, 30)


def audit_actions(service: ClinicService) -> list[str]:
    path = service.clinic.paths.audit_log
    lines = path.read_text().splitlines() if path.exists() else []
    return [json.loads(line)["action"] for line in lines]


async def test_regenerate_and_live_drafts_with_the_in_process_drafter(
    service: ClinicService,
) -> None:
    draft_id = ready_ids(service)[0]
    app = RecordingApp(service, drafter=True)
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        assert await wait_until(pilot, lambda: review.session.drafter is not None)
        review.table.select_draft(draft_id)
        await pilot.press("g")
        assert isinstance(app.screen, InstructionScreen)
        app.screen.query_one(Input).value = "shorter assessment"
        await pilot.press("enter")
        assert app.said("offline drafter cannot follow instructions", "error")
        assert len(service.versions(draft_id)) == 1, "an ignored instruction makes no version"

        service.save_edit(draft_id, service.text(draft_id) + "\nA line the drafter never wrote.")
        await pilot.press("g", "enter")
        assert await wait_until(pilot, lambda: len(service.versions(draft_id)) == 3, 10)
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "ready")
        assert [v.origin for v in service.versions(draft_id)] == ["model", "edit", "regenerate"]

        before = review.table.total
        note = service.clinic.paths.inbox / "2026-11-09_doe-sam_soap.txt"
        note.write_text(
            "Patient: Sam Doe\nDate: 2026-11-09\nDiscipline: PT\n\n"
            "Knee flexion 110 deg, pain 3/10 after gait training.\n"
        )
        assert await wait_until(pilot, lambda: review.table.total == before + 1, 10)
        assert await wait_until(pilot, lambda: "ready" in review.table.cells_at(before)["status"])
    assert "regenerate" in audit_actions(service)


async def test_cancel_a_queued_draft(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[1]
    service.regenerate(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.press("x")
        assert app.said("Drafting cancelled")
        await pilot.press("x")
        assert app.said("only a draft being drafted can be cancelled", "warning")
    draft = service.draft(draft_id)
    assert draft.status == "ready" and "cancelled" in draft.reason
    assert "cancel" in audit_actions(service)


async def test_filter_by_text_and_status(app: RecordingApp, service: ClinicService) -> None:
    rejected = ready_ids(service)[0]
    service.reject(rejected, "duplicate")
    total = len(service.drafts())
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        table = review.table
        await pilot.press("slash", "o", "s", "e", "i")
        assert table.row_count == 1
        assert "Kwame Osei" in table.cells_at(0)["patient"]
        assert await wait_until(pilot, lambda: review.preview.draft_id == table.selected_id)
        assert "/osei" in str(table.border_title)
        await pilot.press("enter")
        assert table.has_focus and table.row_count == 1, "enter keeps the filter"
        await pilot.press("escape")
        assert table.row_count == total, "esc on the queue clears a kept filter"
        await pilot.press("slash", "o", "s", "e", "i", "slash", "escape")
        assert table.row_count == total, "esc in the filter line clears it"
        await pilot.press("f")
        assert table.status_filter == "waiting"
        assert table.row_count == total - 1
        for _ in range(4):
            await pilot.press("f")
        assert table.status_filter == "rejected"
        assert table.row_count == 1 and table.selected_id == rejected
        await pilot.press("slash", "s", "o", "a", "p")
        assert table.row_count == 1, "text and status filters combine"
        await pilot.press("escape", "f")
        assert table.status_filter == "superseded"
        await pilot.press("f")
        assert table.status_filter == "all" and table.row_count == total
        await pilot.press("f", "f")
        assert table.status_filter == "drafting" and table.row_count == 0
        # The pane follows once the cursor rests: wait for this filter's message, not only for
        # an empty pane (the filter before this one left the pane empty too).
        drafting = "No draft matches status drafting"
        assert await wait_until(pilot, lambda: drafting in review.preview.text.plain)
        assert review.preview.draft_id is None
        empty = review.preview.text.plain
        assert "esc clears" in empty
        assert "inbox" not in empty
        await pilot.press("escape")
        assert table.status_filter == "all" and table.row_count == total
        await pilot.press("slash", *"zzzz")
        assert table.row_count == 0
        older = "No older document in the store matches either"
        assert await wait_until(pilot, lambda: older in review.preview.text.plain)


async def test_source_note_beside_the_draft(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    note = service.source_note(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        review.table.select_draft(draft_id)
        await pilot.press("s")
        assert review.show_source and review.source.display
        assert not review.table.display, "draft and note take the width"
        assert review.source.draft_id == draft_id
        assert review.source.border_subtitle == note.name
        assert note.text.splitlines()[0] in review.source.text.plain
        await pilot.press("escape")
        assert not review.show_source and review.table.display


async def test_diff_from_the_queue(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    service.save_edit(draft_id, service.text(draft_id) + "\nAdded by the clinician.")
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.press("d")
        assert isinstance(app.screen, DiffScreen)
        assert "+Added by the clinician." in app.screen.lines
        await pilot.press("d")
        assert isinstance(app.screen, ReviewScreen)


async def test_addendum_to_a_signed_draft(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    service.approve(draft_id, signer(service))
    signed = {p: p.read_bytes() for p in service.clinic.paths.approved.rglob("*") if p.is_file()}
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        review.table.select_draft(ready_ids(service)[0])
        await pilot.press("n")
        assert app.said("not signed", "warning"), "a ready draft is edited, not appended"
        review.table.select_draft(draft_id)
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, AddendumScreen)
        await pilot.press("ctrl+o")
        assert app.said("The addendum is empty")
        screen.text_area.insert("Pain rose to 5/10 that evening (phone call).")
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ApproveScreen)
        await pilot.press("y")
        assert review.is_current
        assert any(n.title == "Addendum signed" for n in app.notices)
        assert "Addendum 1" in (review.preview.shown_text or "")
    for path, data in signed.items():
        assert path.read_bytes() == data, "the signed original is never touched"
    files = sorted(service.clinic.paths.approved.rglob(f"*-{draft_id}-addendum-1*"))
    assert [p.name.split("addendum-1")[1] for p in files] == [".fhir.json", ".json", ".md", ".pdf"]
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o400
    resource = json.loads(files[0].read_text())
    assert resource["relatesTo"][0]["code"] == "appends"
    assert resource["docStatus"] == "amended"
    versions = service.versions(draft_id)
    assert versions[-1].origin == "addendum"
    assert service.draft(draft_id).status == "approved"
    assert "addendum" in audit_actions(service)


async def test_export_a_signed_handout(app: RecordingApp, service: ClinicService) -> None:
    hep = next(d.id for d in service.drafts() if d.skill == "hep_clinical")
    soap = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        review.table.select_draft(hep)
        await pilot.press("p")
        assert app.said("only a signed handout is exported", "warning")
        service.approve(hep, signer(service))
        await pilot.press("p")
        assert app.said("Print it on A4 or Letter")
        review.table.select_draft(soap)
        await pilot.press("p")
        assert app.said("not a patient handout", "warning")
    page = next(service.clinic.paths.exports.rglob("*.html"))
    html = page.read_text()
    assert "@page a4 { size: A4; }" in html and "@page letter { size: letter; }" in html
    assert "<script" not in html
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    assert "export" in audit_actions(service)
    pdf = page.with_suffix(".pdf")  # the handout PDF, made like a signed document's
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    text = " ".join(pypdf.PdfReader(pdf).pages[0].extract_text().split())
    assert service.draft(hep).patient in text


async def test_copy_is_off_unless_the_clinic_allows_it(
    clinic_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is the last thing audited: the "open" of the draft the cursor rests on is made
    an hour away, so a busy machine's second between start and copy does not record it after."""
    monkeypatch.setattr(review_module, "OPEN_AFTER_SECONDS", 3600.0)
    service = ClinicService.open(clinic_root)
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert app.said("Copying is off", "warning")
    service.close()
    assert "copy" not in audit_actions(ClinicService.open(clinic_root))

    edit_context(clinic_root, "ui", "clipboard", True)
    service = ClinicService.open(clinic_root)
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert app.said("Copied")
        assert app.clipboard == service.text(review_of(app).table.selected_id or 0)
    entry = json.loads(service.clinic.paths.audit_log.read_text().splitlines()[-1])
    assert entry["action"] == "copy" and len(entry["sha256"]) == 64
    service.close()


async def test_today_panel(app: RecordingApp, service: ClinicService) -> None:
    first, second = ready_ids(service)[:2]
    service.save_edit(first, service.text(first) + "\nOne more line.")
    service.approve(first, signer(service), reason="billing reviewed with the office")
    service.approve(second, signer(service), reason="billing reviewed with the office")
    for draft_id, at in ((first, "09:05"), (second, "09:15")):  # on the test's fixed morning
        service.store.db.execute(
            "UPDATE approvals SET signed_at = ? WHERE draft_id = ?",
            (f"2026-11-06T{at}:00+00:00", draft_id),
        )
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(TodayBar)
        assert await wait_until(pilot, lambda: "signed" in str(bar.render()))
        text = str(bar.render())
        drafted = len(service.drafts())
        assert f"Today: {drafted} drafted, 2 signed" in text
        assert "100% of drafted words kept" in text, "an added line keeps every drafted word"
        assert "signed 10 min after drafting (median)" in text, "median of 5 and 15 minutes"


async def test_palette_lists_each_action_once_with_its_key(
    app: RecordingApp, service: ClinicService
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        review.table.select_draft(ready_ids(service)[0])
        commands = list(app.get_system_commands(review))
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles)), "no command twice"
        by_title = {c.title: c.help for c in commands}
        for action_id in ("edit", "approve", "reject", "filter", "skills", "quit_app", "help"):
            action = ACTIONS_BY_ID[action_id]
            assert by_title[action.description] == f"key: {display_keys(action.key)}"
        for action_id in ("addendum", "export", "cancel_drafting", "command_palette", "quit"):
            assert ACTIONS_BY_ID[action_id].description not in titles, action_id
        draft = service.draft(review.table.selected_id or 0)
        offered = {t.removeprefix("Draft this note with ") for t in titles if "with" in t}
        names = {skill.id: skill.name for skill in service.skill_list()}
        assert names["progress_report"] in offered
        assert names["billing_audit"] not in offered, "the day's audit drafts from no note"
        assert names["hep_patient"] not in offered, "a second pass drafts from a first pass"
        assert names[draft.skill] not in offered, "g drafts again with the same Skill"
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        before = len(service.drafts())
        selected = review.table.selected_id
        app.draft_with(review, "progress_report")
        assert len(service.drafts()) == before + 1
        new = service.drafts()[-1]
        assert (
            new.skill == "progress_report" and new.note_id == service.draft(selected or 0).note_id
        )


async def test_palette_offers_a_signed_draft_only_what_a_signed_draft_takes(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    service.approve(draft_id, signer(service), reason="billing reviewed")
    async with app.run_test(size=SIZE):
        review = review_of(app)
        review.table.select_draft(draft_id)
        titles = {c.title for c in app.get_system_commands(review)}
        assert ACTIONS_BY_ID["addendum"].description in titles
        for action_id in ("edit", "approve", "reject", "regenerate", "identify"):
            assert ACTIONS_BY_ID[action_id].description not in titles, action_id


async def test_resting_on_a_draft_records_one_open(
    service: ClinicService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows the cursor passes over are not opened; the one it rests on is, once. While the
    cursor moves the rest is made an hour long, so a busy machine's gap between two keys is
    not taken for a rest; then a second session rests for the real time."""
    rest = review_module.OPEN_AFTER_SECONDS
    monkeypatch.setattr(review_module, "OPEN_AFTER_SECONDS", 3600.0)
    moving = RecordingApp(service)
    async with moving.run_test(size=SIZE) as pilot:
        review = review_of(moving)
        await pilot.press("j", "k", "j")
        assert await wait_until(
            pilot,
            lambda: (
                review.table.cursor_row == 1 and review.preview.draft_id == review.table.selected_id
            ),
        )
        await moving.workers.wait_for_complete()
        assert "open" not in audit_actions(service), "moving over rows is not opening them"

    monkeypatch.setattr(review_module, "OPEN_AFTER_SECONDS", rest)
    resting = RecordingApp(service)
    async with resting.run_test(size=SIZE) as pilot:
        review = review_of(resting)
        assert await wait_until(pilot, lambda: "open" in audit_actions(service))
        rested_on = review.table.selected_id
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: review.reading)
        await resting.workers.wait_for_complete()
    opens = [
        json.loads(line)
        for line in service.clinic.paths.audit_log.read_text().splitlines()
        if '"open"' in line
    ]
    assert len(opens) == 1, "one record per draft, however it is opened"
    assert opens[0]["draft"] == rested_on
    assert set(opens[0]) >= {"draft", "sha256", "user", "prev"}
