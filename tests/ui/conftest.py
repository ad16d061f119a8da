"""Fixtures for the review app's Pilot tests: a real demo clinic per test, and a notice log.

The demo clinic (sample notes drafted offline) is built once per session, its timestamps pinned
to one fixed morning, and copied for each test, so every test starts from the same store
without paying for drafting again and screenshots never depend on the clock.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from textual.pilot import Pilot

from tests.clinics import copy_clinic
from tui.cli import make_demo
from tui.core.security.unlock import Unlocker
from tui.core.service import ClinicService
from tui.ui.app import ChartdeskApp
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.review import ReviewScreen

FIXED_STAMP = "2026-11-06T09:00:00.000+00:00"
FIXED_NOW = datetime(2026, 11, 6, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: str


class RecordingApp(ChartdeskApp):
    """The real app, keeping every notification so tests can read what the clinician saw."""

    def __init__(self, service: ClinicService, **kwargs: Any) -> None:
        kwargs.setdefault("clock", lambda: FIXED_NOW)
        # The clinic PIN only, whatever PAM this machine has (tests of the OS password pass
        # their own Unlocker with a throwaway PAM service).
        kwargs.setdefault("unlocker", Unlocker(service.clinic.paths.state, None, "clinician"))
        super().__init__(service, **kwargs)
        self.notices: list[Notice] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        if not self.locked:
            title = str(kwargs.get("title", ""))
            severity = str(kwargs.get("severity", "information"))
            self.notices.append(Notice(str(message), title, severity))
        super().notify(message, *args, **kwargs)

    def said(self, fragment: str, severity: str | None = None) -> bool:
        return any(
            fragment in n.message and (severity is None or n.severity == severity)
            for n in self.notices
        )


@pytest.fixture(scope="session", autouse=True)
def utc_local_time() -> Iterator[None]:
    """Local time is UTC in these tests, so "today" and version times render the same."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


RunBefore = Callable[[Pilot[Any]], Awaitable[None] | None]


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """pytest-textual-snapshot's `snap_compare`, with every cursor held still before the
    screenshot: a focused input shows its cursor, as when it was just focused. A blinking cursor
    hides itself every half second, and a busy 2-core machine can take longer than that between
    the last key and the screenshot."""

    def compare(app: ChartdeskApp, *, run_before: RunBefore | None = None, **options: Any) -> bool:
        async def then_still(pilot: Pilot[Any]) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            for widget in pilot.app.screen.query("Input, TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]

        return snap_compare(app, run_before=then_still, **options)

    return compare


def pin_timestamps(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE drafts SET created_at = ?, updated_at = ?, ready_at = CASE WHEN ready_at"
            " IS NULL THEN NULL ELSE ? END",
            (FIXED_STAMP, FIXED_STAMP, FIXED_STAMP),
        )
        conn.execute("UPDATE draft_versions SET created_at = ?", (FIXED_STAMP,))
        conn.execute("UPDATE notes SET received_at = ?", (FIXED_STAMP,))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "clinic"
    make_demo(root).close()
    pin_timestamps(root / ".chartdesk" / "state.db")
    return root


@pytest.fixture
def clinic_root(demo_template: Path, tmp_path: Path) -> Path:
    return copy_clinic(demo_template, tmp_path / "clinic")


@pytest.fixture
def service(clinic_root: Path) -> Iterator[ClinicService]:
    svc = ClinicService.open(clinic_root)
    yield svc
    svc.close()


@pytest.fixture
def app(service: ClinicService) -> RecordingApp:
    return RecordingApp(service)


def ready_ids(service: ClinicService) -> list[int]:
    ids = [d.id for d in service.drafts("ready")]
    assert len(ids) >= 2, "the demo clinic should have ready drafts"
    return ids


def edit_context(root: Path, table: str, key: str, value: object) -> None:
    """Set one key of the clinic's context.toml (e.g. ``[lock] idle_minutes``)."""
    context = root / "context.toml"
    document = tomlkit.parse(context.read_text())
    document.setdefault(table, tomlkit.table())[key] = value
    context.write_text(tomlkit.dumps(document))


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 30.0
) -> bool:
    """Let the app run until `condition` holds (workers, timers, polls), or time out. The
    timeout is generous: it costs nothing when the condition holds, and a busy 2-core machine
    runs timers and workers late."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def review_of(app: RecordingApp) -> ReviewScreen:
    """The review screen, asserting it is the one shown."""
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def press_on(pilot: Pilot[Any], draft_id: int, *keys: str) -> ReviewScreen:
    """Put the queue's cursor on a draft and press `keys`; the review screen."""
    screen = review_of(pilot.app)
    screen.table.select_draft(draft_id)
    await pilot.press(*keys)
    return screen


async def open_editor(pilot: Pilot[Any], draft_id: int) -> EditorScreen:
    """Put the queue's cursor on a draft and press e: the editor on that draft."""
    await press_on(pilot, draft_id, "e")
    editor = pilot.app.screen
    assert isinstance(editor, EditorScreen)
    return editor


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs mounted for the test: a disk that can really fill up. Mounting needs
    root (as the CI machine and this sandbox run); elsewhere the test is skipped."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def fill_disk(folder: Path) -> Path:
    """Fill the file system holding `folder` to the last byte; returns the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while os.write(fd, b"\0" * size):
                    pass
    finally:
        os.close(fd)
    return filler
