"""A full disk loses nothing typed and shows no traceback (issue 13, item 3): the editor says
"Not saved: disk full" in one line, keeps the text on screen, and saves it as soon as there
is room. Runs on a real 4 MB tmpfs filled to the last byte."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import RecordingApp, copy_clinic, fill_disk, open_editor, wait_until
from tui.core.service import ClinicService
from tui.ui.screens.editor import EditorScreen

SIZE = (100, 30)


async def test_saving_on_a_full_disk_keeps_the_text_and_saves_it_later(
    demo_template: Path, small_disk: Path
) -> None:
    root = copy_clinic(demo_template, small_disk / "clinic")
    service = ClinicService.open(root)
    app = RecordingApp(service)
    draft_id = next(d.id for d in service.drafts("ready"))
    typed = "\nA line typed while the disk is full."
    try:
        async with app.run_test(size=SIZE) as pilot:
            editor = await open_editor(pilot, draft_id)
            filler = fill_disk(small_disk)
            editor.text_area.insert(typed, editor.text_area.document.end)
            await pilot.press("ctrl+o")
            assert app.said("disk is full", "error")
            assert isinstance(app.screen, EditorScreen) and typed in editor.text_area.text
            assert len(service.versions(draft_id)) == 1
            assert not [n for n in app.notices if "Traceback" in n.message]

            filler.unlink()
            assert await wait_until(pilot, lambda: len(service.versions(draft_id)) == 2, 12)
            assert service.versions(draft_id)[-1].text.endswith(typed)
            assert not editor.dirty
    finally:
        service.close()


async def test_leaving_the_editor_on_a_full_disk_keeps_the_text_somewhere(
    demo_template: Path, small_disk: Path
) -> None:
    root = copy_clinic(demo_template, small_disk / "clinic")
    service = ClinicService.open(root)
    app = RecordingApp(service)
    draft_id = next(d.id for d in service.drafts("ready"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            editor = await open_editor(pilot, draft_id)
            filler = fill_disk(small_disk)
            editor.text_area.insert("\nkept line", editor.text_area.document.end)
            await pilot.press("escape")
            assert isinstance(app.screen, EditorScreen), "nowhere to keep it: the editor stays"
            assert app.said("cannot be saved anywhere")
            filler.unlink()
            await pilot.press("escape")
            assert not isinstance(app.screen, EditorScreen)
        assert service.versions(draft_id)[-1].text.endswith("kept line")
    finally:
        service.close()
