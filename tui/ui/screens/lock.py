"""The idle lock: a full screen (not a dialog over the queue) so no patient data shows.

It is left with the clinic PIN set by `chartdesk pin` (checked with scrypt in a worker thread,
slower after repeated failures). The OS password is not offered: see tui.core.pin. Without a
PIN the only way out is quitting (ctrl+q); open edits were autosaved when the screen locked.
"""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from tui.core.pin import check_pin, has_pin
from tui.ui.keymap import bindings_for
from tui.ui.session import Session

FREE_ATTEMPTS = 3


class LockScreen(Screen[None]):
    """Dismisses (None) when the right PIN is entered."""

    BINDINGS = bindings_for("lock")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.state_dir = session.service.clinic.paths.state
        self.failures = 0
        self.checking = False

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="lock", classes="dialog"):
            yield Label("chartdesk is locked", classes="dialog-title")
            yield Static(
                "Patient data is hidden after the idle time in context.toml ([lock]).",
                markup=False,
            )
            if has_pin(self.state_dir):
                yield Label("Clinic PIN:")
                pin = Input(password=True, id="pin", max_length=64)
                pin.cursor_blink = False
                yield pin
            else:
                yield Static(
                    Text(
                        "No clinic PIN is set, so this screen only closes by quitting (ctrl+q); "
                        "open edits were autosaved. Set a PIN with `chartdesk pin`.",
                        style="yellow",
                    )
                )
            yield Static("", id="lock-error", classes="dialog-error")
            yield Static(
                "ctrl+q quits; open edits were autosaved.", classes="dialog-note", markup=False
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        for pin in self.query("#pin").results(Input):
            pin.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unlock":
            return bool(self.query("#pin")) and not self.checking
        return True

    def action_unlock(self) -> None:
        pin = self.query_one("#pin", Input)
        attempt, pin.value = pin.value, ""
        if attempt:
            self.checking = True
            self.query_one("#lock-error", Static).update("Checking…")
            self._check(attempt)

    @work(exclusive=True, group="unlock")
    async def _check(self, attempt: str) -> None:
        # Failed attempts beyond the first few wait longer each time (on top of scrypt's cost).
        delay = max(0, self.failures - FREE_ATTEMPTS + 1) * 2.0
        if delay:
            await asyncio.sleep(min(delay, 30.0))
        ok = await asyncio.to_thread(check_pin, self.state_dir, attempt)
        self.checking = False
        if ok:
            self.session.service.record_lock("unlock", self.session.signer_name)
            self.dismiss(None)
            return
        self.failures += 1
        self.session.service.record_lock(
            "unlock_failed", self.session.signer_name, count=self.failures
        )
        self.query_one("#lock-error", Static).update(
            f"Wrong PIN ({self.failures} failed attempt{'s' if self.failures > 1 else ''})."
        )
