"""The idle lock: a full screen (not a dialog over the queue) so no patient data shows.

It is left with the password of the OS account running chartdesk (checked by PAM) or the
clinic PIN set by `chartdesk pin` (scrypt), whichever this system and clinic allow (see
tui.core.unlock); both are checked in a worker thread, and repeated failures wait longer. With
neither, the only way out is quitting (ctrl+q); open edits were autosaved when the screen locked.
"""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from tui.core.errors import ChartdeskError
from tui.core.unlock import OS_PASSWORD, PIN, Method, Unlocker
from tui.ui.keymap import bindings_for
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar

FREE_ATTEMPTS = 3
MAX_SECRET = 256


def prompt_for(methods: tuple[Method, ...], user: str) -> str:
    """The label above the input: what this lock screen accepts."""
    if methods == (PIN,):
        return "Clinic PIN:"
    if methods == (OS_PASSWORD,):
        return f"Password of {user}:"
    return f"Password of {user}, or the clinic PIN:"


def refusal(methods: tuple[Method, ...]) -> str:
    """What a wrong attempt is called."""
    if methods == (PIN,):
        return "Wrong PIN"
    if methods == (OS_PASSWORD,):
        return "Wrong password"
    return "Wrong password or PIN"


class LockScreen(Screen[None]):
    """Dismisses (None) when the OS password or the clinic PIN is entered."""

    BINDINGS = bindings_for("lock")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        service = session.service
        self.unlocker = session.unlocker or Unlocker.for_clinic(
            service.clinic.paths.state, service.context
        )
        self.methods = self.unlocker.methods()
        self.failures = 0
        self.checking = False

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="lock", classes="dialog"):
            yield Label("chartdesk is locked", classes="dialog-title")
            yield Static(
                "Patient data is hidden after the idle time in context.toml ([lock]).",
                markup=False,
            )
            if self.methods:
                yield Label(prompt_for(self.methods, self.unlocker.user), markup=False)
                secret = Input(password=True, id="secret", max_length=MAX_SECRET)
                secret.cursor_blink = False
                yield secret
            else:
                yield Static(
                    Text(
                        "No clinic PIN is set and the OS password cannot be used here ("
                        f"{self.unlocker.why_no_os_password()}), so this screen only closes by "
                        "quitting (ctrl+q). Set a PIN with `chartdesk pin`.",
                        style="yellow",
                    )
                )
            yield Static("", id="lock-error", classes="dialog-error")
            yield Static(
                "ctrl+q quits; open edits were autosaved.", classes="dialog-note", markup=False
            )
        yield KeyBar()

    def on_mount(self) -> None:
        for secret in self.query("#secret").results(Input):
            secret.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unlock":
            return bool(self.methods) and not self.checking
        return True

    def action_unlock(self) -> None:
        if self.checking:  # one check at a time, each one counted
            return
        secret = self.query_one("#secret", Input)
        attempt, secret.value = secret.value, ""
        if attempt:
            self.checking = True
            self.query_one("#lock-error", Static).update("Checking…")
            self._check(attempt)

    @work(exclusive=True, group="unlock")
    async def _check(self, attempt: str) -> None:
        # Failed attempts beyond the first few wait longer each time (on top of the KDF's and
        # PAM's own delays).
        delay = max(0, self.failures - FREE_ATTEMPTS + 1) * 2.0
        if delay:
            await asyncio.sleep(min(delay, 30.0))
        try:
            method = await asyncio.to_thread(self.unlocker.check, attempt)
            problem = ""
        except ChartdeskError as exc:
            method, problem = None, str(exc)
        self.checking = False
        if method is not None:
            self.session.service.record_lock("unlock", self.session.signer_name, method=method)
            self.dismiss(None)
            return
        self.failures += 1
        self.session.service.record_lock(
            "unlock_failed", self.session.signer_name, count=self.failures
        )
        attempts = f"{self.failures} failed attempt{'s' if self.failures > 1 else ''}"
        message = f"{refusal(self.methods)} ({attempts})."
        if problem:
            message = f"{message} The OS password cannot be checked: {problem}"
        self.query_one("#lock-error", Static).update(Text(message))
