"""`n` on a signed document: write and sign an addendum. The signed original is never edited;
the addendum becomes its own signed files beside it and a version of the draft.

Until it is signed the addendum text is kept in a private file under .chartdesk/ (saved a few
seconds after typing stops and on closing), so a dropped connection does not lose it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from tui.core.errors import ChartdeskError
from tui.core.records.store import Draft
from tui.core.review.rules import shown_title
from tui.ui.keymap import bindings_for
from tui.ui.screens.approve import SignRequest
from tui.ui.screens.editor import AUTOSAVE_SECONDS, markdown_area
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar

ADDENDUM_NOTE = (
    "The addendum is written to approved/ beside the original (Markdown, PDF, JSON and FHIR, "
    "linked to it) and can never be changed."
)


class AddendumScreen(Screen[bool]):
    """Dismisses with True when an addendum was signed."""

    BINDINGS = bindings_for("addendum")

    def __init__(self, session: Session, draft: Draft) -> None:
        super().__init__()
        self.session = session
        self.draft = draft
        self.kept_text = session.service.addendum_draft(draft.id)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            Text.assemble(
                ("Addendum to ", "bold"),
                shown_title(self.draft),
                " · the signed text above it is not changed",
            ),
            id="editor-header",
        )
        yield markdown_area(self.kept_text)
        yield KeyBar()

    def on_mount(self) -> None:
        self.text_area.focus()

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#editor-text", TextArea)

    @property
    def dirty(self) -> bool:
        return self.text_area.text != self.kept_text

    @on(TextArea.Changed, "#editor-text")
    def _changed(self) -> None:
        if self._timer is None:
            self._timer = self.set_timer(AUTOSAVE_SECONDS, self.autosave)
        else:
            self._timer.reset()

    def autosave(self) -> bool:
        self._timer = None
        if not self.dirty:
            return True
        text = self.text_area.text
        try:
            self.session.service.save_addendum_draft(self.draft.id, text)
        except OSError as exc:
            self.notify(f"Addendum not kept: {exc}", severity="error", markup=False)
            return False
        self.kept_text = text
        return True

    def action_leave(self) -> None:
        self.autosave()
        self.dismiss(False)

    def action_sign(self) -> None:
        if not self.text_area.text.strip():
            self.notify("The addendum is empty.", severity="warning", markup=False)
            return
        if not self.session.clinicians:
            self.notify("context.toml lists no clinicians; nobody can sign.", severity="error")
            return
        self.autosave()
        screen = self.session.sign_screen(
            self.draft, None, heading="Sign addendum", note=ADDENDUM_NOTE
        )
        self.app.push_screen(screen, self._sign)

    def _sign(self, request: SignRequest | None) -> None:
        if request is None:
            return
        service = self.session.service
        try:
            signer = self.session.authenticate(request)
            files = service.add_addendum(self.draft.id, self.text_area.text, signer)
        except (ChartdeskError, OSError) as exc:
            self.notify(str(exc), title="Addendum not signed", severity="error", markup=False)
            return
        clinician = signer.clinician
        self.kept_text = ""
        where = self.session.service.relative(files[0])
        self.notify(
            f"{shown_title(self.draft)}\nSigned by {clinician.signature}\n{where}",
            title="Addendum signed",
            markup=False,
        )
        self.dismiss(True)
