"""The idle lock: a full screen (not a dialog over the queue) so no patient data shows.

It is left with the password of the OS account running chartdesk (checked by PAM) or the
clinic PIN set by `chartdesk pin` (scrypt), whichever this system and clinic allow (see
tui.core.security.unlock); both are checked in a worker thread, and repeated failures wait
longer, the count kept in the clinic folder so restarting does not reset it. Quitting needs
the unlock too: ctrl+q on this screen is refused, because whoever walks up to a locked screen
must not get the shell behind it. Where nothing can unlock yet (no PIN, and an OS password that
is locked or not usable here) the screen says how to set a PIN from another terminal, and takes
it at once.
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
from tui.core.security.unlock import OS_PASSWORD, PIN, FailureCount, Method, Unlocker
from tui.ui.keymap import bindings_for
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar

FREE_ATTEMPTS = 3
MAX_SECRET = 256
METHODS_CHECK_SECONDS = 2.0
QUIT_REFUSED = "Unlock first: quitting needs the password or PIN too."


def prompt_for(methods: tuple[Method, ...], user: str) -> str:
    """The label above the input: what this lock screen accepts."""
    if not methods or methods == (PIN,):
        return "Clinic PIN:"
    if methods == (OS_PASSWORD,):
        return f"Password of {user}:"
    return f"Password of {user}, or the clinic PIN:"


def how_to_set_a_pin(methods: tuple[Method, ...], unlocker: Unlocker, clinic: str) -> str:
    """What to do when no PIN is set: nothing may unlock at all, or only a password that a
    clinic login account may not have (locked, or shared by everyone)."""
    if PIN in methods:
        return ""
    command = f"chartdesk pin --clinic {clinic}"
    if OS_PASSWORD in methods:
        return (
            f"If the password of {unlocker.user} is locked or shared, set a clinic PIN from "
            f"another terminal ({command}); it works here at once."
        )
    return (
        "No clinic PIN is set and the OS password cannot be used here ("
        f"{unlocker.why_no_os_password()}). Set a PIN from another terminal ({command}), "
        "then type it here."
    )


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
        self.failures = FailureCount(service.clinic.paths.state)
        self.methods = self.unlocker.methods()
        self.checking = False

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="lock", classes="dialog"):
            yield Label("chartdesk is locked", classes="dialog-title")
            yield Static(
                "Patient data is hidden after the idle time in context.toml ([lock]).",
                markup=False,
            )
            yield Label(prompt_for(self.methods, self.unlocker.user), id="lock-prompt")
            secret = Input(password=True, id="secret", max_length=MAX_SECRET)
            secret.cursor_blink = False
            yield secret
            help_text = Static(self._help(), id="lock-help", markup=False)
            help_text.display = bool(help_text.content)
            yield help_text
            yield Static("", id="lock-error", classes="dialog-error")
            yield Static(
                "Quitting needs the unlock too; open edits were autosaved.",
                classes="dialog-note",
                markup=False,
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#secret", Input).focus()
        self.set_interval(METHODS_CHECK_SECONDS, self.refresh_methods)

    def _help(self) -> Text:
        root = str(self.session.service.clinic.paths.root)
        return Text(how_to_set_a_pin(self.methods, self.unlocker, root), style="yellow")

    def refresh_methods(self) -> None:
        """A PIN set from another terminal (or removed) changes what this screen takes."""
        methods = self.unlocker.methods()
        if methods != self.methods:
            self.methods = methods
            self.query_one("#lock-prompt", Label).update(
                Text(prompt_for(methods, self.unlocker.user))
            )
            shown = self.query_one("#lock-help", Static)
            shown.update(self._help())
            shown.display = bool(shown.content)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unlock":
            return not self.checking
        return True

    def refuse_quit(self) -> None:
        """ctrl+q while locked: say why nothing happens."""
        self.query_one("#lock-error", Static).update(Text(QUIT_REFUSED))

    def action_unlock(self) -> None:
        if self.checking:  # one check at a time, each one counted
            return
        self.refresh_methods()
        secret = self.query_one("#secret", Input)
        attempt, secret.value = secret.value, ""
        if attempt:
            self.checking = True
            self.query_one("#lock-error", Static).update("Checking…")
            self._check(attempt)

    @work(exclusive=True, group="unlock")
    async def _check(self, attempt: str) -> None:
        # Failed attempts beyond the first few wait longer each time (on top of the KDF's and
        # PAM's own delays), counted across restarts and sessions.
        delay = max(0, self.failures.count() - FREE_ATTEMPTS + 1) * 2.0
        if delay:
            await asyncio.sleep(min(delay, 30.0))
        try:
            method = await asyncio.to_thread(self.unlocker.check, attempt)
            problem = ""
        except ChartdeskError as exc:
            method, problem = None, str(exc)
        self.checking = False
        if method is not None:
            self.failures.reset()
            self.session.service.record_lock("unlock", self.session.signer_name, method=method)
            self.dismiss(None)
            return
        failures = self.failures.failed()
        self.session.service.record_lock("unlock_failed", self.session.signer_name, count=failures)
        attempts = f"{failures} failed attempt{'s' if failures > 1 else ''}"
        message = f"{refusal(self.methods)} ({attempts})."
        if problem:
            message = f"{message} The OS password cannot be checked: {problem}"
        self.query_one("#lock-error", Static).update(Text(message))
