"""A bug in the review app never prints note text (issue 13, item 3): Textual's own crash
report shows a traceback with every frame's locals — the draft, the text being typed. chartdesk
ends with one line instead, keeps the open edit in .chartdesk/unsaved/, and logs the
exception's type and places only. Run in a real pseudo-terminal, with a bug planted in a copy
of the app for this test."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

SECRET = "Zebulon-Typed-Secret"
CRASHING_APP = """
import sys
from pathlib import Path
from tui.core.service import ClinicService
from tui.ui.app import run_app
from tui.ui.screens.editor import EditorScreen

def buggy_diff(self):
    typed_text = self.text_area.text  # a local holding note text, as any frame may
    raise RuntimeError("a planted bug")

EditorScreen.action_diff = buggy_diff
sys.exit(run_app(ClinicService.open(Path(sys.argv[1])), mouse=False, drafter=False))
"""


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    root = tmp_path / "clinic"
    chartdesk = Path(sys.executable).with_name("chartdesk")
    subprocess.run([str(chartdesk), "demo", str(root), "--no-open"], check=True,
                   capture_output=True)  # fmt: skip
    return root


def test_a_crash_shows_one_line_and_keeps_the_typed_text(clinic: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "SSH_"))}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    screen = pyte.Screen(100, 30)
    stream = pyte.ByteStream(screen)
    child = pexpect.spawn(sys.executable, ["-c", CRASHING_APP, str(clinic)], env=env,
                          dimensions=(30, 100), timeout=15)  # fmt: skip
    output = bytearray()

    def pump(until: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                data = child.read_nonblocking(65536, timeout=0.1)
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                return
            output.extend(data)
            stream.feed(data)
            if until in "\n".join(screen.display):
                return

    try:
        pump("Queue")
        child.send("e")
        pump("Editing")
        child.send(SECRET)
        pump(SECRET)
        child.send("\x12")  # ctrl+r: the planted bug
        child.expect(pexpect.EOF, timeout=15)
        output.extend(child.before or b"")
        stream.feed(child.before or b"")
    finally:
        child.close(force=True)
    after_exit = bytes(output).rsplit(b"\x1b[?1049l", 1)[-1].decode("utf-8", "replace")
    assert "chartdesk stopped on an internal error (RuntimeError)" in after_exit
    assert SECRET not in after_exit and "typed_text" not in after_exit
    assert "Traceback" not in after_exit
    assert child.exitstatus == 1
    kept = list((clinic / ".chartdesk" / "unsaved").glob("draft-*.md"))
    assert kept and SECRET in kept[0].read_text()
    log = (clinic / ".chartdesk" / "app.log").read_text()
    assert "RuntimeError" in log and SECRET not in log and "a planted bug" not in log
