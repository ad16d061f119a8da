"""Reject with a reason: the reason is required, because the queue and the audit trail show why
a draft was closed without a signature."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.core.records.store import Draft
from tui.core.review.rules import clean_reason, shown_title
from tui.ui.keymap import bindings_for
from tui.ui.widgets.keybar import KeyBar


class RejectScreen(ModalScreen[str | None]):
    BINDINGS = bindings_for("reject")

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Reject draft", classes="dialog-title")
            yield Static(Text(shown_title(self.draft), style="bold"))
            yield Label("Reason (required):")
            yield Input(placeholder="e.g. wrong patient, duplicate note", id="reason")
            yield Static("", id="reason-error", classes="dialog-error")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def action_submit(self) -> None:
        reason = clean_reason(self.query_one("#reason", Input).value)
        if not reason:
            self.query_one("#reason-error", Static).update("A reason is required to reject.")
            self.query_one("#reason", Input).add_class("-invalid")
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)
