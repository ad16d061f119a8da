"""Every version of a draft, newest first, with its text, where it came from and who made it;
`r` restores one as a new version after a confirmation (history is never rewritten, so a
restore can itself be undone)."""

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
from tui.core.review.rules import origin_label, shown_title
from tui.ui.keymap import bindings_for
from tui.ui.render import markdown_text
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar


def when(stamp: str) -> str:
    """A version's time in the machine's local time, to the minute."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%b %d %H:%M")
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
            yield Static(Text(shown_title(self.draft), style="bold"))
            yield DataTable(id="version-list", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="version-scroll"):
                yield Static(id="version-text")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#version-list", DataTable)
        table.add_columns("#", "What", "By", "When", "Chars")
        backend = self.draft.backend
        for version in self.versions:
            drafted = version.origin in ("model", "regenerate")
            table.add_row(
                Text(str(version.n)),
                Text(origin_label(version.origin, backend)),
                Text(version.author or ("chartdesk" if drafted else "–")),
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
        """Ask first: a restore replaces the text on screen (as a new version)."""
        version = self.selected
        if version is None:
            return
        from tui.ui.screens.confirm import ConfirmScreen

        latest = self.versions[0].n if self.versions else version.n
        if version.n == latest:
            self.notify(f"Version {version.n} is already the current text.", markup=False)
            return
        question = (
            f"Restore version {version.n} ({origin_label(version.origin, self.draft.backend)},"
            f" {when(version.created_at)}) as version {latest + 1}?"
        )
        note = f"Version {latest} stays in the history; the restored text is checked again."
        screen = ConfirmScreen("Restore a version", question, note)
        self.app.push_screen(screen, lambda yes: self._restore(version) if yes else None)

    def _restore(self, version: Version) -> None:
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
