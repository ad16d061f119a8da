"""Small questions the Skills screens ask: a new Skill's id, the note to try a Skill on, and what
to do with unsaved Skill text.

Each answers through `dismiss` (None: cancelled), so the calling screen decides what happens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.skills.trial import NoteChoice
from tui.ui.keymap import bindings_for
from tui.ui.widgets.keybar import KeyBar

IdCheck = Callable[[str], str | None]


# What the unsaved-changes question answers.
Choice = Literal["save", "discard", "cancel"]


class NewSkillScreen(ModalScreen[str | None]):
    """Asks the id of a new clinic Skill copied from `from_id`; refuses ids that cannot work."""

    BINDINGS = bindings_for("skill_dialog")

    def __init__(self, from_id: str, check: IdCheck) -> None:
        super().__init__()
        self.from_id = from_id
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="new-skill", classes="dialog"):
            yield Label(f"New Skill from {self.from_id}", classes="dialog-title", markup=False)
            yield Static(
                "Id of the new Skill (lower-case letters, digits and _); it is saved as "
                "skills/<id>.toml in the clinic.",
                markup=False,
            )
            yield Input(placeholder=f"e.g. {self.from_id}_clinic", id="new-skill-id")
            yield Static("", id="new-skill-error", classes="dialog-error", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        value = event.value.strip()
        self._error(self.check(value) if value else "")

    def _error(self, message: str | None) -> None:
        self.query_one("#new-skill-error", Static).update(message or "")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        value = self.query_one(Input).value.strip()
        problem = self.check(value) if value else "type the new Skill's id"
        if problem:
            self._error(problem)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NotePickerScreen(ModalScreen[NoteChoice | None]):
    """Which stored note to try a Skill on; notes already drafted with that Skill come first."""

    BINDINGS = bindings_for("skill_dialog")

    def __init__(self, skill_id: str, choices: Sequence[NoteChoice]) -> None:
        super().__init__()
        self.skill_id = skill_id
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="note-picker", classes="dialog"):
            yield Label(f"Try {self.skill_id} on which note?", classes="dialog-title", markup=False)
            yield OptionList(
                *(Option(Text(c.label), id=str(c.note_id)) for c in self.choices),
                id="note-options",
            )
            yield Static(
                "The draft is shown, never queued or saved.", classes="dialog-note", markup=False
            )
        yield KeyBar()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.choices else None
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and 0 <= index < len(self.choices):
            self.dismiss(self.choices[index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class SkillUnsavedScreen(ModalScreen[Choice]):
    """Asked when the Skill editor closes with unsaved text (same keys as the draft editor's)."""

    BINDINGS = bindings_for("unsaved")

    def compose(self) -> ComposeResult:
        with Vertical(id="skill-unsaved", classes="dialog"):
            yield Label("Unsaved Skill", classes="dialog-title")
            yield Static(
                "This Skill has changes that are not saved. Only valid text can be saved.",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (s)", id="save", variant="primary", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)
                yield Button("Keep editing (esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss("save" if choice == "save" else "discard" if choice == "discard" else "cancel")
