"""A throwaway PAM service for tests: the real libpam, a real module stack, a known password.

The service file lives in a temporary configuration directory (Linux-PAM's pam_start_confdir),
so tests never touch /etc/pam.d or a real account. Its auth stack is pam_exec with
``expose_authtok``, which hands the typed password to a script that compares it with the one
the test chose; its account stack is pam_permit (or pam_deny, for a locked account).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.core.security.os_password import PamCheck

SERVICE = "chartdesk-test"
CHECKER = """#!{python}
import sys
typed = sys.stdin.buffer.read().rstrip(b"\\0").rstrip(b"\\n")
sys.exit(0 if typed == {password!r} else 1)
"""


def pam_service(folder: Path, password: str, *, account: str = "pam_permit.so") -> PamCheck:
    """A PamCheck whose service accepts exactly `password` (skips where PAM cannot run)."""
    folder.mkdir(parents=True, exist_ok=True)
    checker = folder / "check-password"
    checker.write_text(CHECKER.format(python=sys.executable, password=password.encode()))
    checker.chmod(0o700)
    confdir = folder / "pam.d"
    confdir.mkdir(exist_ok=True)
    (confdir / SERVICE).write_text(
        f"auth required pam_exec.so expose_authtok quiet {checker}\naccount required {account}\n"
    )
    check = PamCheck(SERVICE, confdir)
    problem = check.problem()
    if problem:
        pytest.skip(f"PAM cannot run here: {problem}")
    return check
