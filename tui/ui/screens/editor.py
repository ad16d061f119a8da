"""The editor: the draft's latest text in a TextArea; every save is a new version in the store.

Closing with unsaved changes asks save / discard / keep editing. If the draft is signed by
another session meanwhile, the save is refused by the store and the text stays in the editor,
so nothing typed is lost.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import LanguageDoesNotExist

from tui.core.errors import ChartdeskError
from tui.core.review import title
from tui.core.store import Draft, Version
from tui.ui.keymap import bindings_for
from tui.ui.screens.unsaved import Choice, UnsavedScreen
from tui.ui.session import Session


def markdown_area(text: str) -> TextArea:
    """A soft-wrapping TextArea, with Markdown highlighting when tree-sitter is installed."""
    try:
        return TextArea(text, language="markdown", soft_wrap=True, id="editor-text")
    except LanguageDoesNotExist:
        return TextArea(text, soft_wrap=True, id="editor-text")


class EditorScreen(Screen[bool]):
    """Dismisses with True when at least one new version was saved."""

    BINDINGS = bindings_for("editor")

    def __init__(self, session: Session, draft: Draft, version: Version) -> None:
        super().__init__()
        self.session = session
        self.draft = draft
        self.version = version
        self.saved_text = version.text
        self.saved_any = False

    def compose(self) -> ComposeResult:
        yield Static(id="editor-header")
        yield markdown_area(self.saved_text)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.text_area.focus()
        self._show_state()

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#editor-text", TextArea)

    @property
    def dirty(self) -> bool:
        return self.text_area.text != self.saved_text

    @on(TextArea.Changed, "#editor-text")
    def _show_state(self) -> None:
        state = ("● unsaved changes", "bold yellow") if self.dirty else ("saved", "green")
        self.query_one("#editor-header", Static).update(
            Text.assemble(
                ("Editing ", "bold"),
                title(self.draft),
                f" · version {self.version.n} · ",
                state,
            )
        )

    def action_save(self) -> bool:
        """Save the text as a new version; False (with a message) when the store refuses."""
        text = self.text_area.text
        try:
            version = self.session.service.save_edit(
                self.draft.id, text, clinician=self.session.signer_name
            )
        except ChartdeskError as exc:
            self.notify(
                f"{exc}. Your text is still here.",
                title="Not saved",
                severity="error",
                markup=False,
            )
            return False
        if version.n == self.version.n:
            self.notify("No changes to save.", markup=False)
        else:
            self.notify(f"Saved as version {version.n}.", title="Saved", markup=False)
            self.saved_any = True
        self.version = version
        self.saved_text = text
        self._show_state()
        return True

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(self.saved_any)
            return
        self.app.push_screen(UnsavedScreen(), self._after_question)

    def _after_question(self, choice: Choice | None) -> None:
        leave = choice == "discard" or (choice == "save" and self.action_save())
        if leave:
            self.dismiss(self.saved_any)
