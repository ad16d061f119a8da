"""Pilot tests of the editor: unsaved changes are never dropped silently; signed text is never
edited."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from tests.ui.conftest import RecordingApp, ready_ids
from tui.core.context import Clinician
from tui.core.service import ClinicService
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.review import ReviewScreen
from tui.ui.screens.unsaved import UnsavedScreen

SIZE = (100, 30)
SIGNER = Clinician("Alex Rivera", "PT, DPT", "PT")


def current(app: RecordingApp) -> Screen[Any]:
    """The active screen, re-read on every call (so type checkers do not pin one narrowing)."""
    return app.screen


async def test_leaving_with_unsaved_changes_asks(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        review = current(app)
        assert isinstance(review, ReviewScreen)
        review.table.select_draft(draft_id)
        await pilot.press("e")
        editor = current(app)
        assert isinstance(editor, EditorScreen)
        await pilot.press("x")
        await pilot.press("escape")
        assert isinstance(current(app), UnsavedScreen)
        await pilot.press("escape")
        assert editor.is_current, "keep editing"
        assert editor.text_area.text == "x" + original

        await pilot.press("ctrl+q")
        assert app.is_running, "quitting with unsaved edits is refused"
        assert app.said("unsaved changes", "warning")

        await pilot.press("escape", "d")
        assert review.is_current, "discard closes the editor"
        assert len(service.versions(draft_id)) == 1

        await pilot.press("e", "y", "escape")
        assert isinstance(current(app), UnsavedScreen)
        await pilot.press("s")
        assert review.is_current, "save closes the editor"
    versions = service.versions(draft_id)
    assert [v.text for v in versions] == [original, "y" + original]


async def test_leaving_without_changes_does_not_ask(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        review = current(app)
        assert isinstance(review, ReviewScreen)
        review.table.select_draft(draft_id)
        await pilot.press("e", "ctrl+o", "escape")
        assert review.is_current
        assert app.said("No changes")
    assert len(service.versions(draft_id)) == 1


async def test_an_approved_draft_refuses_editing(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    service.approve(draft_id, SIGNER)
    async with app.run_test(size=SIZE) as pilot:
        review = current(app)
        assert isinstance(review, ReviewScreen)
        review.table.select_draft(draft_id)
        await pilot.press("e")
        assert review.is_current
        assert app.said("signed; a signed document is never edited", "warning")
    assert len(service.versions(draft_id)) == 1


async def test_signed_elsewhere_while_editing_keeps_the_text(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        review = current(app)
        assert isinstance(review, ReviewScreen)
        review.table.select_draft(draft_id)
        await pilot.press("e")
        editor = current(app)
        assert isinstance(editor, EditorScreen)
        other = ClinicService.open(service.clinic.paths.root)
        other.approve(draft_id, SIGNER)
        other.close()
        await pilot.press("z", "ctrl+o")
        assert editor.is_current
        assert editor.dirty
        assert editor.text_area.text.startswith("z")
        assert app.said("Your text is still here", "error")
    assert len(service.versions(draft_id)) == 1
