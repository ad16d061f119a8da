"""In a real pseudo-terminal, the bytes chartdesk writes never carry a note's escape sequences.

The installed `chartdesk` runs on a clinic whose names, note bodies and file names hold OSC 52,
OSC 0/2, OSC 8, ``ESC [2J``, a C1 CSI and a bidi override (tests/hostile.py); every byte the
terminal receives while the queue, a draft and its source note are shown is searched for them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pexpect

from tests.e2e.test_terminal import CHARTDESK, CTRL_Q, Term, pytestmark
from tests.hostile import FORBIDDEN, hostile_clinic

__all__ = ["pytestmark"]


def test_no_escape_from_a_note_reaches_the_terminal(tmp_path: Path) -> None:
    assert CHARTDESK.exists()
    clinic = hostile_clinic(tmp_path / "clinic")
    term = Term(clinic)
    try:
        term.wait_for("Queue", "Dana␛]52")
        term.press("\r")
        term.wait_for("Subjective")
        term.press("s")
        term.wait_for("␛]8;;https://example.org")
        term.press("j")
        term.pump(0.3)
        term.press(CTRL_Q)
        term.child.expect(pexpect.EOF, timeout=10)
        term.pump(0.1)
    finally:
        term.close()
    raw = bytes(term.raw)
    assert b"Dana" in raw
    for sequence in FORBIDDEN:
        assert sequence not in raw, sequence
    pointer_shapes = re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", raw)  # Textual's own OSC 22
    assert b"\x07" not in pointer_shapes
