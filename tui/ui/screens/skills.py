"""The Skills screen: the built-in and clinic Skills, the files that failed to load, and the doors
to edit, copy and try them.

The list is rebuilt from the service's registry every time the screen comes back (after a save
or a new Skill), so it always shows what drafts started now would use.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.core.errors import ChartdeskError
from tui.core.skills.edit import (
    EditTarget,
    SkillEntry,
    display_path,
    edit_target,
    library,
    read_skill_text,
)
from tui.core.skills.files import new_skill
from tui.ui.keymap import bindings_for
from tui.ui.screens.skills_dialogs import NewSkillScreen
from tui.ui.screens.skills_editor import SkillEditorScreen
from tui.ui.screens.skills_try import start_try
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar
from tui.ui.widgets.skill_table import SkillDetail, SkillTable

STACK_BELOW_COLUMNS = 90
_ID = re.compile(r"[a-z][a-z0-9_]*")
_ID_RULE = "use lower-case letters, digits and _, starting with a letter"


class SkillsScreen(Screen[None]):
    BINDINGS = bindings_for("skills")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (STACK_BELOW_COLUMNS, "-wide")]  # noqa: RUF012
    DEFAULT_CSS = """
    SkillsScreen #skills-header {
        height: 1;
        background: $panel;
        padding: 0 1;
    }
    SkillsScreen #skills-panes {
        height: 1fr;
        layout: horizontal;
    }
    SkillsScreen #skills-table, SkillsScreen #skill-detail {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
    }
    SkillsScreen #skills-table:focus, SkillsScreen #skill-detail:focus {
        border: round $accent;
        border-title-color: $accent;
    }
    SkillsScreen #skills-table {
        width: 3fr;
    }
    SkillsScreen #skill-detail {
        width: 38;
        padding: 0 1;
    }
    SkillsScreen.-narrow #skills-panes {
        layout: vertical;
    }
    SkillsScreen.-narrow #skills-table, SkillsScreen.-narrow #skill-detail {
        width: 1fr;
    }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.service = session.service

    def compose(self) -> ComposeResult:
        yield Static(id="skills-header")
        with Container(id="skills-panes"):
            yield SkillTable(id="skills-table")
            yield SkillDetail(id="skill-detail")
        yield KeyBar()

    @property
    def table(self) -> SkillTable:
        return self.query_one(SkillTable)

    def on_mount(self) -> None:
        self.table.border_title = "Skills"
        self.query_one(SkillDetail).border_title = "Skill"
        self.table.focus()

    def on_screen_resume(self) -> None:
        """Shown first, or back from the editor: list what is on disk now."""
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        """Re-read the clinic's Skills from disk (a file may have been changed outside too)."""
        clinic = self.service.clinic
        entries = library(clinic.reload_skills(), clinic.paths.skills)
        self.table.show(entries)
        if select_id:
            self.table.select_id(select_id)
        failed = sum(1 for e in entries if not e.loaded)
        clinic_count = sum(1 for e in entries if e.source == "clinic" and e.loaded)
        summary = f"{len(entries) - failed} Skills loaded · {clinic_count} from the clinic"
        if failed:
            summary += f" · {failed} failed to load"
        self.query_one("#skills-header", Static).update(summary)
        self._show_detail()

    def where(self, entry: SkillEntry) -> str:
        return display_path(entry.path, self.service.clinic.paths.root)

    @on(DataTable.RowHighlighted, "#skills-table")
    def _show_detail(self) -> None:
        self.query_one(SkillDetail).show(self.table.selected, self.where)

    @on(DataTable.RowSelected, "#skills-table")
    def _selected(self) -> None:
        """Enter on a row: the table answers it in key order (a screen-level priority binding
        would run before the cursor moves typed just ahead of it)."""
        self.action_edit()

    # Actions ------------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        entry = self.table.selected
        if entry is None:
            return
        try:
            target = edit_target(entry, self.service.clinic.paths.skills)
        except ChartdeskError as exc:
            self.notify(str(exc), title="Cannot edit", severity="error", markup=False)
            return
        self.app.push_screen(SkillEditorScreen(self.session, target))

    def action_new(self) -> None:
        entry = self.table.selected
        if entry is None or entry.skill is None:
            self.notify(
                "Pick a Skill that loads to copy from (this one failed to load).",
                title="Cannot copy",
                severity="warning",
                markup=False,
            )
            return
        source = entry.skill

        def created(new_id: str | None) -> None:
            if new_id is None:
                return
            skills = self.service.clinic.paths.skills
            try:
                path = new_skill(skills, self.service.clinic.skills, new_id, source.id)
                text = read_skill_text(path)
            except ChartdeskError as exc:
                self.notify(str(exc), title="Not created", severity="error", markup=False)
                return
            self.reload(select_id=new_id)
            self.app.push_screen(SkillEditorScreen(self.session, EditTarget(path, text)))

        self.app.push_screen(NewSkillScreen(source.id, self.check_new_id), created)

    def check_new_id(self, value: str) -> str | None:
        """Why `value` cannot be a new Skill's id, or None."""
        if not _ID.fullmatch(value):
            return _ID_RULE
        if value in self.service.clinic.skills.skills:
            return f"a Skill {value!r} already exists; pick another id or edit that one"
        if (self.service.clinic.paths.skills / f"{value}.toml").exists():
            return f"skills/{value}.toml already exists in the clinic"
        return None

    def action_try(self) -> None:
        entry = self.table.selected
        if entry is None or entry.skill is None:
            self.notify(
                "This Skill failed to load: fix it (e) before trying it.",
                title="Cannot try",
                severity="warning",
                markup=False,
            )
            return
        start_try(self, self.session, entry.skill)
