"""The idle lock hides every patient datum until the OS password or the clinic PIN is entered."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.conftest import run_cli
from tests.fakes.pam import pam_service
from tests.ui.conftest import RecordingApp, edit_context, ready_ids, wait_until
from tui.core.security.os_password import current_user
from tui.core.security.pin import set_pin
from tui.core.security.unlock import Unlocker
from tui.core.service import ClinicService
from tui.ui import app as app_module
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.lock import LockScreen
from tui.ui.screens.review import ReviewScreen

SIZE = (100, 30)
PIN = "2468"
LOCK_ACTIONS = frozenset({"lock", "unlock_failed", "unlock"})
FAST_KDF = 2**10  # the real cost is 2**15; tests need the logic, not the slowness


def screen_text(app: RecordingApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def lock_actions(service: ClinicService) -> list[str]:
    """The lock's entries in the audit log, in order. An "open" the queue recorded from a
    worker thread just before the lock may land after it on a busy machine; it is not the
    lock's business."""
    entries = (json.loads(line) for line in service.clinic.paths.audit_log.open())
    return [e["action"] for e in entries if e["action"] in LOCK_ACTIONS]


class IdleClock:
    """The monotonic clock the idle lock reads, moved by the test: a busy machine's pauses
    between the test's steps are not idle time, so the lock comes when the test says."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now


async def test_idle_lock_hides_patient_data_until_the_pin(
    clinic_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_context(clinic_root, "lock", "idle_minutes", 0.01)  # 0.6 s, checked every 0.15 s
    clock = IdleClock()
    monkeypatch.setattr(app_module, "time", clock)
    service = ClinicService.open(clinic_root)
    set_pin(service.clinic.paths.state, PIN, n=FAST_KDF)
    patients = {d.patient for d in service.drafts()}
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert any(p in screen_text(app) for p in patients)
        clock.now = 0.5
        await pilot.pause(0.5)  # several idle checks, all short of the idle time
        assert app.screen is review, "not locked before the idle time"
        clock.now = 1.0
        assert await wait_until(pilot, lambda: isinstance(app.screen, LockScreen))
        assert await wait_until(pilot, lambda: "locked" in screen_text(app))
        text = screen_text(app)
        assert not any(p in text for p in patients), "no patient name on the lock screen"
        assert review.preview.shown_text is None

        await pilot.press("question_mark", "ctrl+p")
        assert isinstance(app.screen, LockScreen), "help and the palette stay closed"

        app.screen.query_one(Input).value = "1111"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "Wrong PIN" in screen_text(app))
        assert isinstance(app.screen, LockScreen)
        app.screen.query_one(Input).value = PIN
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: app.screen is review)
        assert await wait_until(pilot, lambda: any(p in screen_text(app) for p in patients))
    assert lock_actions(service)[-3:] == ["lock", "unlock_failed", "unlock"]
    service.close()


async def test_locking_autosaves_the_editor(app: RecordingApp, service: ClinicService) -> None:
    draft_id = ready_ids(service)[0]
    original = service.text(draft_id)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        assert isinstance(review, ReviewScreen)
        review.table.select_draft(draft_id)
        await pilot.press("e", "w", "ctrl+l")
        assert isinstance(app.screen, LockScreen)
        assert isinstance(app.screen_stack[-2], EditorScreen)
        assert await wait_until(pilot, lambda: "No clinic PIN is set" in screen_text(app))
        assert service.text(draft_id) == "w" + original, "autosaved when the screen locked"
    assert service.text(draft_id) == "w" + original


async def test_quitting_while_locked_needs_the_unlock(clinic_root: Path) -> None:
    """ctrl+q (and q) on a locked screen leave it locked: quitting would hand whoever stands
    at the screen the shell that started chartdesk, and the database behind it."""
    service = ClinicService.open(clinic_root)
    set_pin(service.clinic.paths.state, PIN, n=FAST_KDF)
    patients = {d.patient for d in service.drafts()}
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LockScreen)
        await pilot.press("ctrl+q")
        refused = "Unlock first: quitting needs the password or PIN too."
        assert await wait_until(pilot, lambda: refused in screen_text(app))
        assert app.is_running and isinstance(app.screen, LockScreen)
        text = screen_text(app)
        assert not any(p in text for p in patients)
        await pilot.press("q", "ctrl+q")
        assert app.is_running and isinstance(app.screen, LockScreen)
        assert app.screen.query_one(Input).value == "q", "q is only a character here"

        app.screen.query_one(Input).value = ""
        app.last_input = 10**9
        await pilot.press(*PIN, "enter")
        assert await wait_until(pilot, lambda: app.screen is review)
        await pilot.press("ctrl+q")
        assert await wait_until(pilot, lambda: not app.is_running)
    service.close()


async def test_with_nothing_to_unlock_the_screen_says_how_to_set_a_pin_and_takes_it(
    clinic_root: Path,
) -> None:
    """No PIN and no usable OS password (a clinic account whose password is locked): the lock
    screen names the command, and a PIN set from another terminal unlocks it at once."""
    service = ClinicService.open(clinic_root)
    root = service.clinic.paths.root
    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        await pilot.press("ctrl+l")
        assert await wait_until(pilot, lambda: "No clinic PIN is set" in screen_text(app))
        shown_help = str(app.screen.query_one("#lock-help", Static).content)
        assert f"Set a PIN from another terminal (chartdesk pin --clinic {root})" in shown_help
        await pilot.press("ctrl+q")
        assert app.is_running, "still no way around the lock"

        set_pin(service.clinic.paths.state, PIN, n=FAST_KDF)  # `chartdesk pin` elsewhere
        app.last_input = 10**9
        await pilot.press(*PIN, "enter")
        assert await wait_until(pilot, lambda: app.screen is review)
    service.close()


async def test_failed_attempts_are_counted_across_restarts(clinic_root: Path) -> None:
    """Quitting and starting again must not reset the count (nor the wait it earns)."""
    service = ClinicService.open(clinic_root)
    state = service.clinic.paths.state
    set_pin(state, PIN, n=FAST_KDF)
    for attempt, expected in (("1111", "1 failed attempt)"), ("2222", "2 failed attempts")):
        restarted = RecordingApp(service)
        async with restarted.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+l", *attempt, "enter")
            assert await wait_until(pilot, lambda a=restarted, e=expected: e in screen_text(a))
    counter = state / "unlock-failures"
    assert stat.S_IMODE(counter.stat().st_mode) == 0o600
    assert json.loads(counter.read_text()) == {"count": 2}

    app = RecordingApp(service)
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        await pilot.press("ctrl+l", *PIN, "enter")
        assert await wait_until(pilot, lambda: app.screen is review)
    assert not counter.exists(), "a success starts the count again"
    service.close()


async def test_the_os_password_unlocks_through_pam(clinic_root: Path, tmp_path: Path) -> None:
    """Real libpam with a throwaway service: the OS password and the PIN are both offered."""
    password = "s3cret os password"
    service = ClinicService.open(clinic_root)
    state = service.clinic.paths.state
    set_pin(state, PIN, n=FAST_KDF)
    unlocker = Unlocker(state, pam_service(tmp_path / "pam", password), current_user())
    app = RecordingApp(service, unlocker=unlocker)
    patients = {d.patient for d in service.drafts()}
    async with app.run_test(size=SIZE) as pilot:
        review = app.screen
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LockScreen)
        prompt = f"Password of {current_user()}, or the clinic PIN:"
        assert await wait_until(pilot, lambda: prompt in screen_text(app))
        text = screen_text(app)
        assert not any(p in text for p in patients)

        await pilot.press(*"not it", "enter")
        assert await wait_until(pilot, lambda: "Wrong password or PIN" in screen_text(app))
        assert isinstance(app.screen, LockScreen)
        app.last_input = 10**9
        await pilot.press(*password, "enter")
        assert await wait_until(pilot, lambda: app.screen is review)
    assert lock_actions(service)[-3:] == ["lock", "unlock_failed", "unlock"]
    entries = [json.loads(line) for line in service.clinic.paths.audit_log.open()]
    assert entries[-1]["method"] == "os_password"
    assert password not in service.clinic.paths.audit_log.read_text()
    service.close()


async def test_a_broken_pam_service_says_why(clinic_root: Path, tmp_path: Path) -> None:
    service = ClinicService.open(clinic_root)
    working = pam_service(tmp_path / "pam", "pw")
    broken = type(working)("no-such-service", working.confdir)
    app = RecordingApp(service, unlocker=Unlocker(service.clinic.paths.state, broken, "me"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        assert await wait_until(pilot, lambda: "Password of me:" in screen_text(app))
        await pilot.press("x", "enter")
        assert await wait_until(
            pilot, lambda: "cannot be checked: PAM could not start" in screen_text(app)
        )
        assert isinstance(app.screen, LockScreen)
    service.close()


def test_init_says_how_to_set_the_pin(tmp_path: Path) -> None:
    root = tmp_path / "clinic"
    result = run_cli("init", str(root))

    assert result.returncode == 0, result.stderr
    assert f"chartdesk pin --clinic {root}" in result.stdout
    assert "password is locked" in result.stdout
