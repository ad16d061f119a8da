"""`d`: what the clinician changed, as a line diff from the model's draft to the current text.

The base is the model's latest draft of the document (its first version unless it was
regenerated), so the diff shows exactly the human edits that signing would carry.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.core.records.store import Version
from tui.core.review.rules import unified_diff
from tui.ui.keymap import bindings_for
from tui.ui.widgets.keybar import KeyBar


def diff_for(model: Version, current: str, current_n: int) -> list[str]:
    return unified_diff(
        model.text, current, f"model draft (version {model.n})", f"current (version {current_n})"
    )


def diff_text(lines: Sequence[str]) -> Text:
    if not lines:
        return Text("No changes: the text is the model's draft as drafted.", style="italic")
    styled = []
    for line in lines:
        if line.startswith(("+++", "---")):
            styled.append(Text(line, style="bold"))
        elif line.startswith("@@"):
            styled.append(Text(line, style="cyan"))
        elif line.startswith("+"):
            styled.append(Text(line, style="green"))
        elif line.startswith("-"):
            styled.append(Text(line, style="red"))
        else:
            styled.append(Text(line, style="dim"))
    return Text("\n").join(styled)


class DiffScreen(ModalScreen[None]):
    BINDINGS = bindings_for("diff")

    def __init__(self, heading: str, lines: Sequence[str]) -> None:
        super().__init__()
        self.heading = heading
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(id="diff", classes="dialog"):
            yield Label("Changes from the model's draft", classes="dialog-title")
            yield Static(Text(self.heading, style="bold"))
            with VerticalScroll(id="diff-scroll"):
                yield Static(diff_text(self.lines), id="diff-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#diff-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
