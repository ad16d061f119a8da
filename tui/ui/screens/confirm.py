"""A yes/no question before an action that changes a draft's text from a dialog where one key
too many would do it silently (restoring an old version): y does it, n or esc does not."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.ui.keymap import bindings_for
from tui.ui.widgets.keybar import KeyBar


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for yes."""

    BINDINGS = bindings_for("confirm")

    def __init__(self, heading: str, question: str, note: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.question = question
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield Static(Text(self.question))
            if self.note:
                yield Static(Text(self.note), classes="dialog-note")
        yield KeyBar()

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
