"""Pilot tests of the editor: nothing typed is lost (autosave after a pause, on leaving, on
quitting, across a killed app); signed text is never edited; diff and versions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import DataTable

from tests.conftest import signer
from tests.ui.conftest import RecordingApp, open_editor, press_on, ready_ids, review_of, wait_until
from tui.core.service import ClinicService
from tui.ui.screens import editor as editor_module
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.diff import DiffScreen
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.versions import VersionsScreen

SIZE = (100, 30)


def current(app: RecordingApp) -> Screen[Any]:
    """The active screen, re-read on every call (so type checkers do not pin one narrowing)."""
    return app.screen


async def test_leaving_autosaves_and_quitting_keeps_the_text(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        review = await press_on(pilot, draft_id, "e")
        editor = current(app)
        assert isinstance(editor, EditorScreen)
        await pilot.press("x", "escape")
        assert review.is_current, "esc closes the editor without a question"
        versions = service.versions(draft_id)
        assert [v.origin for v in versions] == ["model", "autosave"]
        assert versions[-1].text == "x" + original
        await pilot.press("e", "y")
        await pilot.press("ctrl+q")
    assert not app.is_running
    assert service.text(draft_id) == "yx" + original, "quitting autosaves the open editor"


async def test_autosave_after_a_pause_survives_a_killed_app(
    monkeypatch: pytest.MonkeyPatch, clinic_root: Path, service: ClinicService
) -> None:
    monkeypatch.setattr(editor_module, "AUTOSAVE_SECONDS", 0.2)
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    first = RecordingApp(ClinicService.open(clinic_root))
    async with first.run_test(size=SIZE) as pilot:
        review_of(first).table.select_draft(draft_id)
        await pilot.press("e", "h", "i")
        editor = current(first)
        assert isinstance(editor, EditorScreen)
        assert await wait_until(pilot, lambda: not editor.dirty), "autosaved after the pause"
        # The connection drops here: the app is gone without closing the editor.
        first.session.service.close()
    latest = service.versions(draft_id)[-1]
    assert (latest.origin, latest.text) == ("autosave", "hi" + original)

    second = RecordingApp(ClinicService.open(clinic_root))
    async with second.run_test(size=SIZE) as pilot:
        review = review_of(second)
        review.table.select_draft(draft_id)
        # The preview follows the cursor after a rest timer, which a busy machine runs late.
        assert await wait_until(pilot, lambda: review.preview.shown_text == "hi" + original)
        await pilot.press("e")
        reopened = current(second)
        assert isinstance(reopened, EditorScreen)
        assert reopened.text_area.text == "hi" + original, "reopening shows the last autosave"
    second.session.service.close()


async def test_save_makes_a_version(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, draft_id, "e", "ctrl+o")
        assert app.said("No changes")
        await pilot.press("z", "ctrl+o")
        assert app.said("Saved as version 2")
        await pilot.press("escape")
    assert [v.origin for v in service.versions(draft_id)] == ["model", "edit"]


async def test_an_approved_draft_refuses_editing(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    service.approve(draft_id, signer(service))
    async with app.run_test(size=SIZE) as pilot:
        review = await press_on(pilot, draft_id, "e")
        assert review.is_current
        assert app.said("signed; a signed document is never edited", "warning")
        assert app.said("Press n to add a signed addendum")
        await pilot.press("v")
        versions = current(app)
        assert isinstance(versions, VersionsScreen)
        await pilot.press("r")
        assert versions.is_current, "restore is not offered on a signed draft"
    assert len(service.versions(draft_id)) == 1
    with pytest.raises(Exception, match="signed"):
        service.save_edit(draft_id, "silent change")


async def test_signed_elsewhere_while_editing_keeps_the_text(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, draft_id)
        other = ClinicService.open(service.clinic.paths.root)
        other.approve(draft_id, signer(other))
        other.close()
        await pilot.press("z", "ctrl+o")
        assert editor.is_current
        assert editor.text_area.text.startswith("z")
        assert app.said("Your text is still here", "error")
        await pilot.press("escape")
        assert not editor.is_current
        assert app.said("Kept in .chartdesk/unsaved/draft-", "warning")
    assert len(service.versions(draft_id)) == 1
    kept = list((service.clinic.paths.state / "unsaved").glob(f"draft-{draft_id}-*.md"))
    assert [path.read_text()[:1] for path in kept] == ["z"], "closing keeps what was typed"


async def test_diff_and_restore_from_the_editor(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, draft_id)
        editor.text_area.load_text("Completely new text\n")
        await pilot.press("ctrl+r")
        diff = current(app)
        assert isinstance(diff, DiffScreen)
        assert "+Completely new text" in diff.lines
        assert any(line.startswith("-") for line in diff.lines[2:])
        await pilot.press("escape", "ctrl+t")
        versions = current(app)
        assert isinstance(versions, VersionsScreen)
        assert [v.n for v in versions.versions] == [2, 1], "autosaved before browsing"
        await pilot.press("down", "r")
        question = current(app)
        assert isinstance(question, ConfirmScreen), "a restore asks first"
        await pilot.press("n")
        assert current(app) is versions and len(service.versions(draft_id)) == 2
        await pilot.press("r", "y")
        back = current(app)
        assert isinstance(back, EditorScreen) and back is editor
        assert back.text_area.text == original
        assert not back.dirty
    assert [v.origin for v in service.versions(draft_id)] == ["model", "autosave", "restore"]


async def test_versions_name_the_clinician_and_the_offline_drafter(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        review = review_of(app)
        review.table.select_draft(draft_id)
        review.current_preview()
        assert "version 1 (drafted offline)" in review.preview.text.plain
        assert "(model)" not in review.preview.text.plain
        editor = await open_editor(pilot, draft_id)
        await pilot.press("x", "ctrl+o", "ctrl+t")
        versions = current(app)
        assert isinstance(versions, VersionsScreen)
        table = versions.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)][:3] for i in range(table.row_count)]
        assert rows == [["2", "edited", "Alex Rivera"], ["1", "drafted offline", "chartdesk"]]
        assert editor.version.author == "Alex Rivera"


async def test_autosave_keeps_one_working_version_per_editing_session(
    app: RecordingApp, service: ClinicService
) -> None:
    """Autosaves update the session's one working version in place (its checks start again,
    so the sign gate never trusts the checks of the text it replaced); an explicit save makes
    it an edit, and typing after that starts the next version."""
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, draft_id)
        for typed in ("a", "b", "c"):
            await pilot.press(typed)
            assert editor.autosave()
        assert [(v.n, v.origin) for v in service.versions(draft_id)] == [
            (1, "model"),
            (2, "autosave"),
        ]
        assert service.text(draft_id) == "abc" + original
        draft = service.draft(draft_id)
        assert draft.checking and service.store.version_checks(draft_id, 2) is None
        service.check_version(draft_id)
        assert not service.draft(draft_id).checking
        await pilot.press("d")
        assert editor.autosave()
        assert service.draft(draft_id).checking, "new text in place: checked again"
        await pilot.press("ctrl+o")
        assert [(v.n, v.origin) for v in service.versions(draft_id)] == [
            (1, "model"),
            (2, "edit"),
        ]
        await pilot.press("e")
        assert editor.autosave()
        await pilot.press("escape")
    versions = service.versions(draft_id)
    assert [(v.n, v.origin) for v in versions] == [(1, "model"), (2, "edit"), (3, "autosave")]
    assert versions[1].text == "abcd" + original and versions[2].text == "abcde" + original
    gate = service.gate(draft_id)
    assert gate.version_n == 3 and gate.version_sha256 == versions[2].sha256


def test_checks_of_a_rewritten_working_version_are_never_stored_for_the_new_text(
    service: ClinicService,
) -> None:
    draft_id = ready_ids(service)[0]
    text = service.text(draft_id)
    working = service.autosave(draft_id, text + "\nfirst", base_n=1)
    stale = service.store.version(draft_id, working.n)
    assert stale is not None
    service.autosave(draft_id, text + "\nsecond", base_n=working.n, in_place=True)
    service.check_version(draft_id, version=stale)  # a check of the old text finishing late
    assert service.store.version_checks(draft_id, working.n) is None
    assert service.draft(draft_id).checking
    signer_ = signer(service)
    with pytest.raises(Exception, match="changed"):
        service.approve(draft_id, signer_, expected_sha256=stale.sha256)
