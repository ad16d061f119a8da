"""Quitting ends the process promptly, even while a slow check or record is still running.

A check or record stuck in a worker thread (here: the audit record of opening a draft, waiting
for the audit log's lock, which this test holds) used to keep the process alive after ctrl+q:
the terminal was back at the shell, but the old process still owned it, and keys typed for the
shell went astray. The lock is held for the whole test, so without the fix the process could
never end; with it, ctrl+q ends it at once.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from tests.clinics import copy_clinic
from tests.e2e.test_terminal import CHARTDESK, CTRL_Q, Term, pytestmark

__all__ = ["pytestmark"]


@pytest.fixture(scope="module")
def demo_clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("quit") / "clinic"
    subprocess.run(
        [str(CHARTDESK), "demo", str(root), "--no-open"], check=True, capture_output=True
    )
    return root


@pytest.fixture
def held_audit_log(demo_clinic: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the demo clinic whose audit log another process holds locked."""
    clinic = tmp_path / "clinic"
    copy_clinic(demo_clinic, clinic)
    fd = os.open(clinic / ".chartdesk" / "audit.log", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield clinic
    finally:
        os.close(fd)


def test_ctrl_q_ends_the_process_while_a_record_waits_in_a_thread(held_audit_log: Path) -> None:
    term = Term(held_audit_log)
    try:
        term.wait_for("Queue", "Dana Whitfield")
        term.press("\r")  # open the draft: its audit record waits for the held lock
        term.wait_for("Subjective")
        term.pump(0.5)
        term.press(CTRL_Q)
        term.child.expect(pexpect.EOF, timeout=20)
        term.child.close()
        assert term.child.exitstatus == 0
    finally:
        term.close()
