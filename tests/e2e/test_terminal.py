"""End to end: the installed `chartdesk` in a real pseudo-terminal, driven by keys, read back
through a terminal emulator (pyte), as a clinician over SSH would use it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.clinics import copy_clinic
from tui.core.service import ClinicService

CHARTDESK = Path(sys.executable).with_name("chartdesk")
COLS, ROWS = 100, 30
WAIT_SECONDS = 30.0
"""Generous: a wait costs nothing once the screen matches, and a busy 2-core machine starts
and stops chartdesk (a Python process importing Textual) in seconds, not tenths."""

pytestmark = pytest.mark.skipif(not CHARTDESK.exists(), reason="chartdesk is not installed")


class Term:
    """A chartdesk process in a pty, with the screen as a terminal would show it."""

    def __init__(self, clinic: Path, cols: int = COLS, rows: int = ROWS) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "SSH_"))}
        env.update(TERM="xterm-256color", LANG="C.UTF-8")
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()  # every byte the terminal received
        self.child = pexpect.spawn(
            str(CHARTDESK),
            ["--clinic", str(clinic), "--no-mouse"],
            env=env,
            dimensions=(rows, cols),
            timeout=WAIT_SECONDS,
        )

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, seconds: float = 0.05) -> None:
        try:
            while True:
                data = self.child.read_nonblocking(65536, timeout=seconds)
                self.raw += data
                self.stream.feed(data)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return

    def wait(self, condition: Callable[[str], bool], timeout: float = WAIT_SECONDS) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump()
            if condition(self.text()):
                return self.text()
        raise AssertionError(f"screen never matched; it shows:\n{self.text()}")

    def wait_for(self, *needles: str, timeout: float = WAIT_SECONDS) -> str:
        return self.wait(lambda screen: all(n in screen for n in needles), timeout)

    def wait_drawn(self, needle: str, since: int = 0, timeout: float = WAIT_SECONDS) -> None:
        """Wait until `needle` was sent to the terminal after byte `since`, even if a later
        frame (an idle lock on a fast timer) has covered it by the time the test looks."""
        wanted = needle.encode()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump()
            if wanted in self.raw[since:]:
                return
        raise AssertionError(f"{needle!r} was never drawn; the screen shows:\n{self.text()}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.child.send(key)
            self.pump(0.1)

    def close(self) -> None:
        if self.child.isalive():
            self.child.kill(signal.SIGKILL)
        self.child.close(force=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("e2e") / "clinic"
    command = [str(CHARTDESK), "demo", str(root), "--no-open"]
    subprocess.run(command, check=True, capture_output=True)
    return root


@pytest.fixture
def term(demo: Path) -> Iterator[Term]:
    terminal = Term(demo)
    yield terminal
    terminal.close()


ESC, CTRL_Q = "\x1b", "\x11"


def test_review_edit_and_sign_from_the_keyboard(term: Term, demo: Path) -> None:
    term.wait_for("Queue", "Dana Whitfield", "keys")
    term.press("j")
    term.wait(lambda s: "James Okafor ·" in s)
    term.press("?")
    term.wait_for("Keys", "Approve and sign")
    term.press(ESC)
    term.wait(lambda s: "[cursor_down]" not in s)  # the help's action ids are gone: it closed
    term.press("e")
    term.wait_for("Editing", "James Okafor")
    term.press("# E2E check")
    term.press(ESC)
    term.wait_for("Queue", "autosave")
    term.press("a")
    term.wait_for("Approve and sign", "Sign as", "UNITS_OVER_BILLED", "needs a reason")
    term.press("y")  # typed into the reason: signing over an ERROR takes a reason, not a key
    term.press("es, units billed as agreed with the payer\r")
    term.wait_for("Signed")
    signed = sorted(p.name for p in (demo / "approved").rglob("*okafor*"))
    assert [name.split("-2.")[-1] for name in signed] == ["fhir.json", "json", "md", "pdf"]
    assert (demo / "approved" / "2026-11-03").is_dir()
    term.press(CTRL_Q)
    term.child.expect(pexpect.EOF, timeout=WAIT_SECONDS)
    term.child.close()
    assert term.child.exitstatus == 0


def test_a_dropped_connection_keeps_the_last_autosave(demo: Path) -> None:
    first = Term(demo, cols=60, rows=24)
    try:
        first.wait_for("Queue", "waiting")
        first.press("e")
        first.wait_for("Editing")
        first.press("XYZZY ")
        first.wait_for("autosaved")
    finally:
        first.close()  # SIGKILL: the SSH connection is gone, nothing runs on exit
    second = Term(demo, cols=60, rows=24)
    try:
        second.wait_for("Queue", "waiting")
        second.press("e")
        second.wait_for("Editing", "XYZZY")
    finally:
        second.close()


def test_an_idle_screen_locks_and_the_pin_typed_in_one_burst_unlocks(
    demo: Path, tmp_path: Path
) -> None:
    """The idle lock in a real terminal: patient names vanish, ctrl+q does not leave it, and a
    PIN that arrives in one read with its enter (as over a slow SSH link) unlocks."""
    clinic = tmp_path / "clinic"
    copy_clinic(demo, clinic)
    context = clinic / "context.toml"
    text = context.read_text().replace("idle_minutes = 5", "idle_minutes = 0.1")
    context.write_text(text.replace("os_password = true", "os_password = false"))
    subprocess.run([str(CHARTDESK), "pin", "--clinic", str(clinic), "--stdin"],
                   input="2468\n", text=True, check=True, capture_output=True)  # fmt: skip
    term = Term(clinic)
    try:
        # The lock may come before the test looks (6 s on a busy machine): the queue must have
        # been drawn, then covered.
        term.wait_drawn("Dana Whitfield")
        locked = term.wait_for("chartdesk is locked", "Clinic PIN")
        assert "Dana Whitfield" not in locked
        term.press(CTRL_Q)
        term.wait_for("Unlock first")
        assert term.child.isalive(), "quitting a locked screen needs the unlock"
        unlocked_from = len(term.raw)
        term.child.send("2468\r")
        term.wait_drawn("Dana Whitfield", since=unlocked_from)  # it may lock again at once
    finally:
        term.close()


def _pids_of(clinic: Path) -> list[int]:
    found = subprocess.run(["pgrep", "-f", f"python .*chartdesk --clinic {clinic} "],
                           capture_output=True, text=True)  # fmt: skip
    return [int(pid) for pid in found.stdout.split()]


def _wait_gone(clinic: Path, timeout: float = WAIT_SECONDS) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pids_of(clinic):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("how", ["hangup", "terminal-closed-under-a-wrapper"])
def test_a_vanished_terminal_keeps_the_edit_and_ends_the_process(
    demo: Path, tmp_path: Path, how: str
) -> None:
    """SSH drops: chartdesk gets SIGHUP, or (under a wrapper such as `make` that keeps the
    signal from it) only sees its terminal end. Either way the open edit is saved and the
    process exits instead of spinning on a dead terminal."""
    clinic = tmp_path / "clinic"
    copy_clinic(demo, clinic)
    term = Term(clinic)
    if how == "terminal-closed-under-a-wrapper":
        term.close()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "SSH_"))}
        env.update(TERM="xterm-256color", LANG="C.UTF-8")
        term.child = pexpect.spawn(
            "/bin/sh", ["-c", f"{CHARTDESK} --clinic {clinic} --no-mouse; true"],
            env=env, dimensions=(ROWS, COLS), timeout=WAIT_SECONDS,
        )  # fmt: skip
    try:
        term.wait_for("Queue", "Dana Whitfield")
        term.press("e")
        term.wait_for("Editing")
        term.press("VANISHED.")
        # On screen first, to the last key (a space would not show): keys still in the terminal
        # or held by the key gate when it goes never reached the editor (a busy machine draws
        # a frame between two keys of one read).
        term.wait_for("VANISHED.")
        (pid,) = _pids_of(clinic)
        if how == "hangup":
            os.kill(pid, signal.SIGHUP)
        else:
            os.close(term.child.child_fd)  # the terminal goes; sh keeps SIGHUP from chartdesk
            term.child.child_fd = -1
        assert _wait_gone(clinic), "chartdesk is still running"
    finally:
        for pid in _pids_of(clinic):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            term.child.close(force=True)
    service = ClinicService.open(clinic)
    try:
        assert any(service.text(d.id).startswith("VANISHED.") for d in service.drafts())
    finally:
        service.close()
