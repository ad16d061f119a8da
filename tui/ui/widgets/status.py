"""The one-line status bar: the clinic's name and how many drafts wait in each state."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from tui.ui.widgets.queue import status_style

# Waiting work first; in-flight states only when there are any.
_ALWAYS = ("ready", "failed", "approved", "rejected")
_WHEN_ANY = ("queued", "drafting")


def counts_text(counts: Mapping[str, int]) -> Text:
    parts: list[Text] = []
    for status in (*_WHEN_ANY, *_ALWAYS):
        count = counts.get(status, 0)
        if status in _ALWAYS or count:
            parts.append(Text.assemble((str(count), status_style(status)), f" {status}"))
    return Text("  ").join(parts)


class StatusBar(Horizontal):
    def __init__(self, clinic_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clinic_name = clinic_name

    def compose(self) -> ComposeResult:
        yield Label(self._clinic_name, id="clinic-name", markup=False)
        yield Label(id="counts")

    def show_counts(self, counts: Mapping[str, int]) -> None:
        self.query_one("#counts", Label).update(counts_text(counts))
