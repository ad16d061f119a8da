"""Asked when the editor closes with unsaved changes: nothing typed is thrown away silently."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from tui.ui.keymap import bindings_for

Choice = Literal["save", "discard", "cancel"]


class UnsavedScreen(ModalScreen[Choice]):
    BINDINGS = bindings_for("unsaved")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Unsaved changes", classes="dialog-title")
            yield Static("This draft has changes that are not saved as a version yet.")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (s)", id="save", variant="primary", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)
                yield Button("Keep editing (esc)", id="cancel", compact=True)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("save", "discard", "cancel"):
            self.action_choose(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss("save" if choice == "save" else "discard" if choice == "discard" else "cancel")
