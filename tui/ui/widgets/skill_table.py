"""The Skill library as a table, and the detail of the highlighted Skill.

Cells are always `Text` (a Skill name or a problem message is data, never markup). A file that
failed to load is a row of its own, keyed by its path, so a broken clinic override sits next to
the built-in it meant to replace and both stay visible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from tui.core.skills.edit import SkillEntry

# Which Skill, where it comes from (an override is marked) and its name come first, so a narrow
# pane shows them without scrolling sideways; kind and disciplines follow.
COLUMNS: Final = (
    ("state", ""),
    ("id", "Id"),
    ("source", "Source"),
    ("name", "Name"),
    ("kind", "Kind"),
    ("disciplines", "PT/OT"),
)
_MAX_NAME: Final = 28
PathLabel = Callable[[SkillEntry], str]


def source_label(entry: SkillEntry) -> str:
    """Built-in or clinic; a clinic Skill that replaces a built-in says so."""
    if entry.source == "builtin":
        return "built-in"
    return "overrides built-in" if entry.overrides_builtin else "clinic"


def state_text(entry: SkillEntry) -> Text:
    if not entry.loaded:
        return Text("✗", style="bold red")
    if entry.problems:
        return Text("!", style="bold yellow")
    return Text("✓", style="green")


def row_cells(entry: SkillEntry) -> tuple[Text, ...]:
    return (
        state_text(entry),
        Text(entry.id, style="bold" if entry.source == "clinic" else ""),
        Text(source_label(entry), style="cyan" if entry.source == "clinic" else ""),
        Text(_clip(entry.name), style="" if entry.loaded else "red"),
        Text(entry.kind or "–"),
        Text("/".join(entry.disciplines) or "–"),
    )


def _clip(value: str) -> str:
    return value if len(value) <= _MAX_NAME else value[: _MAX_NAME - 1] + "…"


class SkillTable(DataTable[Text]):
    """One row per Skill file; `show` keeps the cursor on the same file across reloads."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.entries: dict[str, SkillEntry] = {}

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    def show(self, entries: Iterable[SkillEntry], select: str | None = None) -> None:
        keep = select or self.selected_key
        self.clear()
        self.entries = {}
        for entry in entries:
            self.entries[entry.key] = entry
            self.add_row(*row_cells(entry), key=entry.key)
        if keep in self.entries:
            self.move_cursor(row=self.get_row_index(keep))

    @property
    def selected_key(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value
        return key if isinstance(key, str) else None

    @property
    def selected(self) -> SkillEntry | None:
        key = self.selected_key
        return self.entries.get(key) if key else None

    def select_id(self, skill_id: str) -> None:
        """Put the cursor on the row of `skill_id` (the clinic one when both exist)."""
        rows = [e for e in self.entries.values() if e.id == skill_id]
        rows.sort(key=lambda e: e.source != "clinic")
        if rows:
            self.move_cursor(row=self.get_row_index(rows[0].key))


def detail_text(entry: SkillEntry | None, where: PathLabel) -> Text:
    """What the detail pane says about one entry; problems as ``FILE:LINE: field: message``."""
    if entry is None:
        return Text("No Skills.")
    lines: list[Text] = [Text.assemble((entry.id, "bold"), f" — {entry.name}")]
    origin = "clinic" if entry.source == "clinic" else "built-in"
    facts = [origin, entry.kind, ", ".join(entry.disciplines), where(entry)]
    lines.append(Text(" · ".join(f for f in facts if f), style="dim"))
    skill = entry.skill
    if entry.overrides_builtin:
        lines.append(Text(f"Overrides the built-in {entry.id}.", style="cyan"))
    if skill is not None:
        if skill.description:
            lines.append(Text(skill.description))
        lines.append(Text.assemble(("Sections: ", "bold"), ", ".join(skill.sections)))
        extra = [f"max_tokens {skill.max_tokens}"]
        if skill.next:
            extra.append(f"then {skill.next} (two-pass)")
        if skill.max_grade:
            extra.append(f"reading grade ≤ {skill.max_grade:g}")
        extra += [name for name, on in (("verify", skill.verify), ("audit", skill.audit)) if on]
        lines.append(Text(" · ".join(extra)))
        if skill.aliases:
            lines.append(Text.assemble(("Aliases: ", "bold"), ", ".join(skill.aliases)))
    if entry.problems:
        title = "Warnings:" if entry.loaded else "Not loaded:"
        lines.append(Text(title, style="bold yellow" if entry.loaded else "bold red"))
        for problem in entry.problems:
            lines.append(Text(f"{where(entry)}:{problem.line}: {problem.field}: {problem.message}"))
        if not entry.loaded:
            lines.append(Text("Press e to fix it in the editor.", style="dim"))
    return Text("\n").join(lines)


class SkillDetail(VerticalScroll):
    """The highlighted Skill: description, sections, chain, checks and any problems."""

    def compose(self) -> ComposeResult:
        yield Static(id="skill-detail-text")

    def show(self, entry: SkillEntry | None, where: PathLabel) -> None:
        self.query_one("#skill-detail-text", Static).update(detail_text(entry, where))
        self.scroll_home(animate=False)
