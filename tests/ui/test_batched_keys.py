"""Keys that arrive in one read, as they do over a slow SSH link: text and the key that acts on
it are queued together, and the action must see every character typed before it."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from tests.fakes.pam import pam_service
from tests.ui.conftest import RecordingApp, open_editor, press_on, ready_ids, review_of, wait_until
from tui.core.security.os_password import current_user
from tui.core.security.unlock import Unlocker
from tui.core.service import ClinicService
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.instruction import InstructionScreen
from tui.ui.screens.lock import LockScreen
from tui.ui.screens.reject import RejectScreen
from tui.ui.screens.review import ReviewScreen

SIZE = (100, 30)
_NAMED = {
    "/": "slash",
    " ": "space",
    "\r": "enter",
    "\x1b": "escape",
    "\x0f": "ctrl+o",
    "\x0c": "ctrl+l",
    "\x11": "ctrl+q",
    "\x10": "ctrl+p",
}


def locked_by_pam(service: ClinicService, folder: Path, password: str) -> RecordingApp:
    """The app with a throwaway PAM service that accepts `password` as the OS password."""
    check = pam_service(folder, password)
    return RecordingApp(
        service, unlocker=Unlocker(service.clinic.paths.state, check, current_user())
    )


async def one_read(pilot: Pilot[object], data: str) -> None:
    """Queue every key of `data` on the app before it handles the first (the driver's order)."""
    for char in data:
        pilot.app.post_message(events.Key(_NAMED.get(char, char), char))
    await pilot.pause()
    await pilot.pause()


async def test_a_reject_reason_typed_with_its_enter_is_kept_whole(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, draft_id, "r")
        assert isinstance(app.screen, RejectScreen)
        await one_read(pilot, "duplicate of the 9am note\r")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
    assert service.draft(draft_id).reason == "duplicate of the 9am note"


async def test_a_regenerate_instruction_typed_with_its_enter_is_kept_whole(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, draft_id, "g")
        dialog = app.screen
        assert isinstance(dialog, InstructionScreen)
        results: list[str | None] = []
        dialog.dismiss = results.append  # type: ignore[assignment,method-assign]
        await one_read(pilot, "shorter assessment\r")
        assert results == ["shorter assessment"]


async def test_the_os_password_typed_with_its_enter_unlocks(
    clinic_root: Path, tmp_path: Path
) -> None:
    password = "fast typist"
    service = ClinicService.open(clinic_root)
    app = locked_by_pam(service, tmp_path / "pam", password)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LockScreen)
        await one_read(pilot, password + "\r")
        assert await wait_until(pilot, lambda: app.screen is review)
    service.close()


async def test_edits_typed_just_before_lock_or_quit_are_saved(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, draft_id, "e")
        assert isinstance(app.screen, EditorScreen)
        await one_read(pilot, "Seen with interpreter. \x0c")
        assert await wait_until(pilot, lambda: isinstance(app.screen, LockScreen))
        assert service.text(draft_id) == "Seen with interpreter. " + original
        app.pop_screen()
        app.locked = False
        await pilot.pause()
        await one_read(pilot, "Pain 3/10. \x11")
        assert await wait_until(pilot, lambda: not app.is_running)
    assert service.text(draft_id) == "Seen with interpreter. Pain 3/10. " + original


async def test_text_typed_with_the_key_that_opens_the_filter_is_the_query(
    app: RecordingApp, service: ClinicService
) -> None:
    """ "/reyes" in one read: the letters are the filter query, not r (reject), e (edit)..."""
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        await one_read(pilot, "/reyes")
        assert await wait_until(pilot, lambda: screen.filter_input.value == "reyes")
        assert app.screen is screen, "no dialog opened"
        assert screen.table.row_count == 1
    assert not [d for d in service.drafts() if d.status != "ready"]


async def test_a_reason_typed_with_the_reject_key_lands_in_the_dialog(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.pause()
        await one_read(pilot, "rwrong patient\r")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "rejected")
    assert service.draft(draft_id).reason == "wrong patient"


async def test_text_typed_with_the_edit_key_goes_into_the_editor(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        review_of(app).table.select_draft(draft_id)
        await pilot.pause()
        await one_read(pilot, "eNo pain today. ")
        assert await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen))
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert await wait_until(pilot, lambda: editor.text_area.text.startswith("No pain today. "))
        assert editor.text_area.text == "No pain today. " + original


async def test_a_double_enter_in_a_dialog_submits_once(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        screen = await press_on(pilot, draft_id, "r")
        await one_read(pilot, "dup\r\r")
        assert await wait_until(pilot, lambda: service.draft(draft_id).status == "rejected")
        assert app.screen is screen, "the queue is still there (the second enter was a no-op)"
    assert service.draft(draft_id).reason == "dup"


async def test_two_passwords_in_one_read_are_two_counted_attempts(
    clinic_root: Path, tmp_path: Path
) -> None:
    service = ClinicService.open(clinic_root)
    app = locked_by_pam(service, tmp_path / "pam", "right")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        lock = app.screen
        assert isinstance(lock, LockScreen)
        await one_read(pilot, "wrong1\rwrong2\r")
        assert await wait_until(pilot, lambda: lock.failures.count() >= 1 and not lock.checking)
        await pilot.pause(0.3)
        assert isinstance(app.screen, LockScreen)
    failed = [line for line in service.clinic.paths.audit_log.read_text().splitlines()
              if '"unlock_failed"' in line]  # fmt: skip
    assert len(failed) == lock.failures.count(), "every check that ran is in the audit log"
    service.close()


async def test_a_filter_typed_fast_never_signs(app: RecordingApp, service: ClinicService) -> None:
    """ "/kay" and "/day" hold a (sign) and y (confirm): in one read they are still a query."""
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        await one_read(pilot, "/kay\x1b/day\r")
        assert await wait_until(pilot, lambda: screen.filter_input.value == "day")
        assert app.screen is screen
    assert all(d.status == "ready" for d in service.drafts())


async def test_a_palette_command_and_escape_in_one_read(
    app: RecordingApp, service: ClinicService
) -> None:
    """ctrl+p, a command, enter and esc together: the command runs and esc closes what it
    opened, instead of the palette being dismissed twice (which popped the queue itself)."""
    async with app.run_test(size=SIZE) as pilot:
        screen = review_of(app)
        await one_read(pilot, "\x10Show all keys\r")
        assert await wait_until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await one_read(pilot, "\x1b")
        assert await wait_until(pilot, lambda: app.screen is screen)
        assert app.is_running


async def test_pasted_text_keeps_its_place_among_typed_keys(
    app: RecordingApp, service: ClinicService
) -> None:
    draft_id = ready_ids(service)[0]
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, draft_id)
        for event in (events.Key("a", "a"), events.Key("b", "b"), events.Paste("PASTE"),
                      events.Key("c", "c")):  # fmt: skip
            app.post_message(event)
        assert await wait_until(pilot, lambda: editor.text_area.text.startswith("abPASTEc"))


async def test_a_new_skill_id_and_its_first_line_in_one_read(app: RecordingApp) -> None:
    """The dialog's enter goes through Input.Submitted; the text after it still waits for the
    Skill editor it opens."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("K")
        assert await wait_until(pilot, lambda: type(app.screen).__name__ == "SkillsScreen")
        await pilot.press("n")
        # The dialog up and its field focused first: keys read before it opens go to the list.
        assert await wait_until(
            pilot,
            lambda: (
                type(app.screen).__name__ == "NewSkillScreen"
                and type(app.focused).__name__ == "Input"
            ),
        )
        await one_read(pilot, "burst_skill\r# first line")
        assert await wait_until(pilot, lambda: type(app.screen).__name__ == "SkillEditorScreen")
        editor = app.screen
        assert await wait_until(
            pilot,
            lambda: editor.text_area.text.startswith("# first line"),  # type: ignore[attr-defined]
        )
