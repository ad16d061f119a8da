"""What unlocks an idle review screen: the clinic PIN, or the password of the OS account that
runs chartdesk (checked by PAM, see tui.core.os_password).

The lock screen offers whichever of the two works here: a PIN once `chartdesk pin` has set
one, the OS password unless context.toml turns it off (``[lock] os_password = false``, e.g.
for a shared front-desk account whose password everybody knows) or the system has no PAM.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from tui.core.context import ClinicContext
from tui.core.os_password import PamCheck, current_user
from tui.core.pin import check_pin, has_pin

Method = Literal["pin", "os_password"]
PIN: Final = "pin"
OS_PASSWORD: Final = "os_password"


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
