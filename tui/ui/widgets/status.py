"""The one-line status bar: the clinic's name, the drafter, and how many drafts wait in each
state (the counts the queue is filtered by)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from tui.ui.widgets.queue import status_style

# Waiting work first; in-flight states only when there are any. "ready" reads as "waiting".
_ALWAYS = (("ready", "waiting"), ("failed", "failed"), ("approved", "signed"),
           ("rejected", "rejected"))  # fmt: skip
_WHEN_ANY = (("queued", "queued"), ("drafting", "drafting"))


def counts_text(counts: Mapping[str, int], narrow: bool = False) -> Text:
    """Drafts per state; on a narrow screen only the states that have any (waiting always)."""
    parts: list[Text] = []
    for status, word in (*_WHEN_ANY, *_ALWAYS):
        count = counts.get(status, 0)
        wanted = count or status == "ready" if narrow else (status, word) in _ALWAYS or count
        if wanted:
            parts.append(Text.assemble((str(count), status_style(status)), f" {word}"))
    return Text(" · " if narrow else "  ").join(parts)


class StatusBar(Horizontal):
    def __init__(self, clinic_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clinic_name = clinic_name
        self._counts: Mapping[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Label(self._clinic_name, id="clinic-name", markup=False)
        yield Label(id="drafter", markup=False)
        yield Label(id="counts")

    def show_counts(self, counts: Mapping[str, int]) -> None:
        self._counts = dict(counts)
        self.query_one("#counts", Label).update(counts_text(counts, self.size.width < 70))

    def on_resize(self) -> None:
        if self._counts:
            self.show_counts(self._counts)

    def show_drafter(self, text: str) -> None:
        self.query_one("#drafter", Label).update(text)
