"""Every version of a draft, newest first, with its text; `r` restores one as a new version
(history is never rewritten, so a restore can itself be undone)."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tui.core.errors import ChartdeskError
from tui.core.records.store import Draft, Version
from tui.core.review.rules import title
from tui.ui.keymap import bindings_for
from tui.ui.render import markdown_text
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar


def when(stamp: str) -> str:
    """A version's time in the machine's local time, to the minute."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16]


class VersionsScreen(ModalScreen[Version | None]):
    """Dismisses with the restored version, or None."""

    BINDINGS = bindings_for("versions")

    def __init__(self, session: Session, draft: Draft, *, can_restore: bool) -> None:
        super().__init__()
        self.session = session
        self.draft = draft
        self.can_restore = can_restore
        self.versions = list(reversed(session.service.versions(draft.id)))

    def compose(self) -> ComposeResult:
        with Vertical(id="versions", classes="dialog"):
            yield Label("Versions", classes="dialog-title")
            yield Static(Text(title(self.draft), style="bold"))
            yield DataTable(id="version-list", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="version-scroll"):
                yield Static(id="version-text")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#version-list", DataTable)
        table.add_columns("#", "Origin", "By", "When", "Chars")
        for version in self.versions:
            table.add_row(
                Text(str(version.n)),
                Text(version.origin),
                Text(version.author or "–"),
                Text(when(version.created_at)),
                Text(str(len(version.text))),
                key=str(version.n),
            )
        table.focus()
        self._show(0)

    @property
    def selected(self) -> Version | None:
        row = self.query_one("#version-list", DataTable).cursor_row
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            self.query_one("#version-text", Static).update(markdown_text(self.versions[row].text))

    @on(DataTable.RowHighlighted, "#version-list")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore":
            return self.can_restore
        return True

    def action_restore(self) -> None:
        version = self.selected
        if version is None:
            return
        try:
            restored = self.session.service.restore_version(
                self.draft.id, version.n, self.session.signer_name
            )
        except ChartdeskError as exc:
            self.notify(str(exc), title="Not restored", severity="error", markup=False)
            return
        self.notify(
            f"Version {version.n} restored as version {restored.n}.",
            title="Restored",
            markup=False,
        )
        self.dismiss(restored)

    def action_close(self) -> None:
        self.dismiss(None)
