"""Set who and when a draft's note is about: patient, date of service, MRN, date of birth.

A note without a header drafts as "(no patient named) · no date" and cannot be signed: a record
must belong to a patient and a visit. The clinician sets the fields here (the note file itself
is never changed); each change is kept in the store and the audit log, and the draft is checked
again with the new identity.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.core.intake.notes import note_day
from tui.core.records.store import Draft
from tui.core.review.rules import shown_title
from tui.ui.keymap import bindings_for
from tui.ui.widgets.keybar import KeyBar

FIELDS = (
    ("patient", "Patient (full name)", "e.g. Dana Whitfield"),
    ("date", "Date of service", "YYYY-MM-DD"),
    ("mrn", "MRN (optional)", "medical record number"),
    ("dob", "Date of birth (optional)", "YYYY-MM-DD"),
)


class IdentifyScreen(ModalScreen[dict[str, str] | None]):
    """Dismisses with the fields as typed (only those changed), or None."""

    BINDINGS = bindings_for("identify")

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft
        self.values = {
            "patient": draft.patient,
            "date": draft.date,
            "mrn": draft.mrn,
            "dob": draft.dob,
        }

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Patient and date of service", classes="dialog-title")
            yield Static(Text(shown_title(self.draft), style="bold"))
            for key, label, hint in FIELDS:
                yield Label(label)
                yield Input(self.values[key], placeholder=hint, id=f"field-{key}")
            yield Static("", id="identify-error", classes="dialog-error")
            yield Static(
                "The note file is not changed; the change is recorded as an edit.",
                classes="dialog-note",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        first = "patient" if not self.draft.patient else "date"
        self.query_one(f"#field-{first}", Input).focus()

    def typed(self) -> dict[str, str]:
        return {
            key: " ".join(self.query_one(f"#field-{key}", Input).value.split())
            for key, _label, _hint in FIELDS
        }

    def action_submit(self) -> None:
        typed = self.typed()
        problem = ""
        if not typed["patient"]:
            problem = "A patient name is required."
        elif note_day(typed["date"]) is None:
            problem = "The date of service must be a date (YYYY-MM-DD or MM/DD/YYYY)."
        elif typed["dob"] and note_day(typed["dob"]) is None:
            problem = "The date of birth must be a date (YYYY-MM-DD or MM/DD/YYYY)."
        if problem:
            self.query_one("#identify-error", Static).update(problem)
            return
        self.dismiss({key: value for key, value in typed.items() if value != self.values[key]})

    def action_cancel(self) -> None:
        self.dismiss(None)
