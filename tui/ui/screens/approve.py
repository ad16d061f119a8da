"""The sign-off confirmation: names the draft and the clinician who signs, and nothing happens
until the clinician says yes. With several clinicians in context.toml the signer is picked here
(remembered for the session by the caller); the safe default button is Cancel."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.context import Clinician
from tui.core.review import title
from tui.core.store import Draft
from tui.ui.keymap import bindings_for
from tui.ui.widgets.keybar import KeyBar

SIGN_NOTE = (
    "The signed document is written to approved/ (Markdown, JSON and FHIR) and can never be "
    "changed; later corrections are signed addenda."
)


def preselect(
    clinicians: Sequence[Clinician], remembered: Clinician | None, discipline: str
) -> int:
    """Index of the clinician to offer first: the session's signer, else the draft's
    discipline, else the first listed."""
    if remembered is not None and remembered in clinicians:
        return clinicians.index(remembered)
    for index, clinician in enumerate(clinicians):
        if discipline and clinician.discipline.upper() == discipline.upper():
            return index
    return 0


class ApproveScreen(ModalScreen[Clinician | None]):
    BINDINGS = bindings_for("approve")

    def __init__(
        self,
        draft: Draft,
        clinicians: Sequence[Clinician],
        remembered: Clinician | None,
        *,
        heading: str = "Approve and sign",
        note: str = SIGN_NOTE,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.note = note
        self.draft = draft
        self.clinicians = tuple(clinicians)
        self.choice = preselect(self.clinicians, remembered, draft.discipline)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Static(Text(title(self.draft), style="bold"))
            summary = self.draft.check_summary
            if summary and summary != "clean":
                yield Static(
                    Text(f"Checks: {summary}. Read the draft before signing.", style="yellow")
                )
            if len(self.clinicians) > 1:
                yield Label("Sign as (↑/↓ to choose):")
                yield OptionList(
                    *(Option(c.signature, id=str(i)) for i, c in enumerate(self.clinicians)),
                    id="clinicians",
                )
            else:
                yield Static(Text.assemble("Sign as: ", (self.clinicians[0].signature, "bold")))
            yield Static(self.note, classes="dialog-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Sign (y)", id="sign", variant="success", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        if len(self.clinicians) > 1:
            options = self.query_one("#clinicians", OptionList)
            options.highlighted = self.choice
            options.focus()
        else:
            self.query_one("#cancel", Button).focus()

    @on(OptionList.OptionHighlighted, "#clinicians")
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.choice = event.option_index

    @property
    def clinician(self) -> Clinician:
        """The highlighted clinician, read from the list itself: keys typed together (↓ then y
        over a slow SSH link) arrive before the list's highlight message does."""
        for options in self.query("#clinicians").results(OptionList):
            if options.highlighted is not None:
                self.choice = options.highlighted
        return self.clinicians[self.choice]

    def action_sign(self) -> None:
        self.dismiss(self.clinician)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#sign")
    def _sign_pressed(self) -> None:
        self.action_sign()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
