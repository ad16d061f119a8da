"""`g`: draft again, with an optional instruction ("shorter assessment"). The new text becomes
the next version of the same draft; the old text stays in its history."""

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


class InstructionScreen(ModalScreen[str | None]):
    """Dismisses with the instruction ("" for none) or None when cancelled."""

    BINDINGS = bindings_for("instruction")

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Draft again", classes="dialog-title")
            yield Static(Text(shown_title(self.draft), style="bold"))
            yield Label("Instruction (optional):")
            yield Input(placeholder="e.g. shorter assessment", id="instruction")
            yield Static("The current text stays in the draft's versions.", classes="dialog-note")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#instruction", Input).focus()

    def action_submit(self) -> None:
        self.dismiss(clean_reason(self.query_one("#instruction", Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
