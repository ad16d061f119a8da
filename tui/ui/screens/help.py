"""Every key, generated from the keymap table with the clinic's remaps applied, plus the ids a
clinic uses to remap them in context.toml."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tui.ui.keymap import bindings_for, help_rows
from tui.ui.widgets.keybar import KeyBar

NOTE = (
    "Arrows, PgUp/PgDn and Home/End move inside the focused list or text. "
    'Remap any key by its id in context.toml, e.g. [ui.keys] approve = "A".'
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings_for("help")

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(NOTE, classes="dialog-note", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("Key", "Does", "Where", Text("id (for [ui.keys])"))
        for row in help_rows(self.keymap):
            table.add_row(*(Text(cell) for cell in row), key=row[-1])
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
