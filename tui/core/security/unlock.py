"""What unlocks an idle review screen: the clinic PIN, or the password of the OS account that
runs chartdesk (checked by PAM, see tui.core.security.os_password).

The lock screen offers whichever of the two works here: a PIN once `chartdesk pin` has set
one, the OS password unless context.toml turns it off (``[lock] os_password = false``, e.g.
for a shared front-desk account whose password everybody knows) or the system has no PAM.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from tui.core.clinic import PRIVATE_FILE, write_private
from tui.core.context import ClinicContext
from tui.core.security.bounded_read import FileRefused, read_bounded
from tui.core.security.os_password import PamCheck, current_user
from tui.core.security.pin import check_pin, has_pin

Method = Literal["pin", "os_password"]
PIN: Final = "pin"
OS_PASSWORD: Final = "os_password"
FAILURES_FILE: Final = "unlock-failures"


@dataclass(frozen=True)
class Unlocker:
    """Checks what is typed on the lock screen. `os_password` is None when the OS password is
    not accepted; `user` is the account whose password is."""

    state_dir: Path
    os_password: PamCheck | None
    user: str

    @classmethod
    def for_clinic(cls, state_dir: Path, context: ClinicContext) -> Unlocker:
        user = current_user()
        check = PamCheck(context.pam_service) if context.os_password_unlock and user else None
        return cls(state_dir, check, user)

    def methods(self) -> tuple[Method, ...]:
        """What the lock screen can accept now (empty: only quitting leaves it)."""
        methods: list[Method] = []
        if has_pin(self.state_dir):
            methods.append(PIN)
        if self.os_password is not None and not self.os_password.problem():
            methods.append(OS_PASSWORD)
        return tuple(methods)

    def why_no_os_password(self) -> str:
        """Why the OS password is not offered ("" when it is)."""
        if self.os_password is None:
            if not self.user:
                return f"user id {os.getuid()} has no account name"
            return "the clinic turned it off ([lock] os_password = false)"
        return self.os_password.problem()

    def check(self, attempt: str) -> Method | None:
        """Which secret `attempt` is, or None. Slow (scrypt, PAM's fail delay): call it off the
        UI thread. Raises PamUnavailable (one line) when PAM is set up wrong, so the lock
        screen can say why the password is refused."""
        if not attempt:
            return None
        if check_pin(self.state_dir, attempt):
            return PIN
        if self.os_password is not None and self.os_password.check(self.user, attempt):
            return OS_PASSWORD
        return None


@dataclass(frozen=True)
class FailureCount:
    """Failed unlock attempts since the last success, kept in ``.chartdesk/unlock-failures``
    (0600) rather than in memory: quitting and starting again (or opening a second session)
    must not start the count, and the wait it earns, from zero. Sessions of one clinic share
    it; an flock keeps their read-add-write steps apart."""

    state_dir: Path

    @property
    def path(self) -> Path:
        return self.state_dir / FAILURES_FILE

    def count(self) -> int:
        """Failed attempts so far (0 when none was recorded or the file is unreadable)."""
        try:
            data = json.loads(read_bounded(self.path, 4096))
            return max(0, int(data["count"]))
        except (OSError, FileRefused, ValueError, KeyError, TypeError):
            return 0

    def failed(self) -> int:
        """Record one more failed attempt; the new count."""
        with self._locked():
            count = self.count() + 1
            write_private(self.path, json.dumps({"count": count}).encode("utf-8"))
        return count

    def reset(self) -> None:
        """An unlock succeeded: the count starts again."""
        with self._locked():
            self.path.unlink(missing_ok=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        fd = os.open(self.state_dir / f"{FAILURES_FILE}.lock", os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
