"""The Skill editor: TOML in a highlighted TextArea, validated as you type, saved only when valid.

The text is saved exactly as typed (comments and layout are the clinician's), atomically, and
only after the same checks the library runs on load, chains included, have passed. Validation
waits for a pause in typing (`VALIDATE_DELAY`) so a long prompt stays fluid to edit. A built-in
is opened as a clinic copy: saving writes ``skills/<id>.toml`` in the clinic, which overrides the
built-in; the built-in file is never written. After a save the service's registry is reloaded,
so drafts started from then on use the new version (each draft records the Skill's hash).
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import LanguageDoesNotExist

from tui.core.skills.edit import EditTarget, TextCheck, check_text, display_path
from tui.core.skills.files import SkillInvalid, save_skill_text
from tui.ui.keymap import bindings_for
from tui.ui.screens.skills_dialogs import Choice, SkillUnsavedScreen
from tui.ui.screens.skills_try import start_try
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar
from tui.ui.widgets.skill_problems import ProblemsPanel, located

VALIDATE_DELAY = 0.3
STACK_BELOW_COLUMNS = 90


def toml_area(text: str) -> TextArea:
    """A TextArea with TOML highlighting when tree-sitter's TOML grammar is installed."""
    try:
        return TextArea(
            text, language="toml", soft_wrap=True, show_line_numbers=True, id="skill-text"
        )
    except LanguageDoesNotExist:
        return TextArea(text, soft_wrap=True, show_line_numbers=True, id="skill-text")


class SkillEditorScreen(Screen[bool]):
    """Dismisses with True when the Skill was saved at least once."""

    BINDINGS = bindings_for("skill_editor")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (STACK_BELOW_COLUMNS, "-wide")]  # noqa: RUF012
    DEFAULT_CSS = """
    SkillEditorScreen #skill-editor-header {
        height: auto;
        background: $panel;
        padding: 0 1;
    }
    SkillEditorScreen #skill-editor-body {
        height: 1fr;
        layout: horizontal;
    }
    SkillEditorScreen #skill-text {
        width: 1fr;
        height: 1fr;
    }
    SkillEditorScreen #skill-problems {
        width: 38;
        height: 1fr;
        padding: 0 1;
        border-left: solid $success;
    }
    SkillEditorScreen #skill-problems.-invalid {
        border-left: solid $error;
    }
    SkillEditorScreen.-narrow #skill-editor-body {
        layout: vertical;
    }
    SkillEditorScreen.-narrow #skill-problems {
        width: 1fr;
        height: 6;
        border-left: none;
        border-top: solid $success;
    }
    SkillEditorScreen.-narrow #skill-problems.-invalid {
        border-top: solid $error;
    }
    """

    def __init__(self, session: Session, target: EditTarget) -> None:
        super().__init__()
        self.session = session
        self.service = session.service
        self.target = target
        self.saved_text = target.text
        self.saved_any = False
        self.check = TextCheck(None)
        self.checked_text: str | None = None
        self._timer: Timer | None = None
        self._next_problem = 0

    def compose(self) -> ComposeResult:
        yield Static(id="skill-editor-header")
        with Container(id="skill-editor-body"):
            yield toml_area(self.target.text)
            yield ProblemsPanel(id="skill-problems")
        yield KeyBar()

    def on_mount(self) -> None:
        self.text_area.focus()
        self.validate()

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#skill-text", TextArea)

    @property
    def dirty(self) -> bool:
        return self.text_area.text != self.saved_text

    def keep_unsaved(self) -> None:
        """The terminal is gone and the text cannot be checked or saved as the Skill: keep it
        in the clinic's unsaved/ folder instead of losing it."""
        if self.dirty:
            self.service.keep_unsaved(f"skill-{self.target.path.stem}", ".toml",
                                      self.text_area.text)  # fmt: skip

    @property
    def where(self) -> str:
        return display_path(self.target.path, self.service.clinic.paths.root)

    # Validating ---------------------------------------------------------------------------------

    @on(TextArea.Changed, "#skill-text")
    def _changed(self) -> None:
        self._show_state()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(VALIDATE_DELAY, self.validate)

    def validate(self) -> TextCheck:
        """Check the text now (also what save and try do, never trusting a stale result)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.text_area.text
        self.check = check_text(self.target.path, text, self.service.clinic.skills)
        self.checked_text = text
        self.query_one(ProblemsPanel).show(self.check, text)
        self._next_problem = 0
        self._show_state()
        return self.check

    @property
    def checked(self) -> bool:
        """Whether `check` is the result for the text on screen (no validation pending)."""
        return self._timer is None and self.checked_text == self.text_area.text

    def _show_state(self) -> None:
        if self.target.copy_of_builtin:
            saved = ("● not saved yet", "bold yellow")
        elif self.dirty:
            saved = ("● unsaved", "bold yellow")
        else:
            saved = ("saved", "green") if self.saved_any else ("no changes", "")
        first = Text.assemble(("Skill ", "bold"), (self.where, "bold"), " · ", saved)
        lines = [first]
        if self.target.copy_of_builtin:
            note = "Copy of the built-in: saving creates this file, which then overrides it."
            lines.append(Text(note, style="cyan"))
        self.query_one("#skill-editor-header", Static).update(Text("\n").join(lines))

    def action_goto_problem(self) -> None:
        """Put the cursor on the next problem (line and column), cycling through them."""
        problems = located(self.validate(), self.text_area.text)
        if not problems:
            self.notify("No problems: the Skill is valid.", markup=False)
            return
        where, _problem = problems[self._next_problem % len(problems)]
        self._next_problem += 1
        column = (where.column or 1) - 1
        self.text_area.cursor_location = (max(where.line - 1, 0), max(column, 0))
        self.text_area.scroll_cursor_visible(center=True, animate=False)
        self.text_area.focus()

    # Saving and leaving -------------------------------------------------------------------------

    def action_save(self) -> bool:
        """Save the text as typed when it is valid; False (text kept, reasons shown) otherwise."""
        text = self.text_area.text
        check = self.validate()
        if check.skill is None:
            first = located(check, text)[0] if check.problems else None
            reason = f"{first[0]}: {first[1].field}: {first[1].message}" if first else "invalid"
            self.notify(
                f"The Skill has {len(check.problems)} problem(s); first at {reason}",
                title="Not saved",
                severity="error",
                markup=False,
            )
            return False
        try:
            skill = save_skill_text(self.target.path, text)
        except SkillInvalid as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return False
        except OSError as exc:
            self.notify(f"{self.where}: {exc.strerror}", title="Not saved", severity="error",
                        markup=False)  # fmt: skip
            return False
        registry = self.service.clinic.reload_skills()
        self.service.audit_log.append(
            "skill_save", self.session.signer_name, skill=skill.id, sha256=skill.sha256,
            files=[self.where],
        )  # fmt: skip
        self.saved_text = text
        self.saved_any = True
        self.target = replace(self.target, copy_of_builtin=False, exists=True, text=text)
        loaded = registry.get(skill.id)
        if loaded is not None and loaded.sha256 == skill.sha256:
            message = f"Saved {self.where}. Drafts started from now use this version."
            self.notify(message, title="Saved", markup=False)
        else:
            self.notify(
                f"Saved {self.where}, but the library did not load it; see the Skills list.",
                title="Saved",
                severity="warning",
                markup=False,
            )
        self.validate()
        return True

    def action_try(self) -> None:
        """Try the text as typed (saved or not) on a stored note, when it is valid."""
        check = self.validate()
        if check.skill is None:
            self.notify(
                "Fix the problems first: only a valid Skill can be tried.",
                title="Cannot try",
                severity="warning",
                markup=False,
            )
            return
        start_try(self, self.session, check.skill, unsaved=self.dirty)

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(self.saved_any)
            return
        self.app.push_screen(SkillUnsavedScreen(), self._after_question)

    def _after_question(self, choice: Choice | None) -> None:
        leave = choice == "discard" or (choice == "save" and self.action_save())
        if leave:
            self.dismiss(self.saved_any)
