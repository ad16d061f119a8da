"""Try a Skill on a stored note: the exact prompt beside the draft it produces, in tabs.

The prompt is shown as `Prompt.as_text()` renders it, with the cache boundary highlighted, so
the clinician sees what a model server would cache and what varies per note. The draft runs in
a worker (a model backend may stream for a while) and is never queued or saved.
"""

from __future__ import annotations

from typing import Any

from rich.markdown import Markdown
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from tui.core.drafting.base import Backend, DraftingError
from tui.core.errors import ChartdeskError
from tui.core.skills.registry import Skill
from tui.core.skills.trial import (
    NoteChoice,
    TryPass,
    TryRun,
    check_lines,
    note_choices,
    try_skill,
    upstream_of,
    uses_previous,
)
from tui.ui.keymap import bindings_for
from tui.ui.screens.skills_dialogs import NotePickerScreen
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar

BOUNDARY_MARK = "=== cache boundary"


def prompt_text(text: str) -> Text:
    """The prompt with its block headers bold and the cache boundary standing out."""
    lines = []
    for line in text.splitlines():
        if line.startswith(BOUNDARY_MARK):
            lines.append(Text(line, style="bold reverse yellow"))
        elif line.startswith("=== "):
            lines.append(Text(line, style="bold cyan"))
        else:
            lines.append(Text(line))
    return Text("\n").join(lines)


def pass_header(index: int, count: int, step: TryPass) -> Text:
    where = f"pass {index} of {count}: " if count > 1 else ""
    made = step.backend + (f" / {step.model}" if step.model else "")
    facts = [f"{where}{step.skill.id}", f"max_tokens {step.prompt.max_tokens}"]
    if step.error:
        facts.append("failed")
    elif step.source != "drafted":
        facts.append(step.source)
    elif made:
        facts.append(f"drafted by {made}")
    return Text(" · ".join(facts), style="bold")


def draft_body(step: TryPass) -> list[Text | Markdown]:
    if step.error:
        return [Text(f"Not drafted: {step.error}", style="bold red")]
    checks = [
        Text(line, style="green" if severity == "ok" else "yellow")
        for severity, line in check_lines(step.checks, step.skill)
    ]
    return [*checks, Markdown(step.text)]


def start_try(screen: Screen[Any], session: Session, skill: Skill, unsaved: bool = False) -> None:
    """Ask which stored note to try `skill` on, then show the Try. A second-pass Skill prefers
    notes that already have its first pass."""
    service = session.service
    upstream = upstream_of(skill, service.clinic.skills) if uses_previous(skill) else None
    choices = note_choices(service.drafts(), (upstream or skill).id)
    if not choices:
        screen.notify(
            "No stored notes to try it on yet: drop a note in the clinic's inbox/ folder.",
            title="Cannot try",
            severity="warning",
            markup=False,
        )
        return

    def chosen(note: NoteChoice | None) -> None:
        if note is not None:
            screen.app.push_screen(TryScreen(session, skill, note, unsaved=unsaved))

    screen.app.push_screen(NotePickerScreen(skill.id, choices), chosen)


class TryScreen(Screen[None]):
    BINDINGS = bindings_for("skill_try")

    def __init__(
        self,
        session: Session,
        skill: Skill,
        note: NoteChoice,
        backend: Backend | None = None,
        unsaved: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.skill = skill
        self.note = note
        self.backend = backend
        self.unsaved = unsaved
        self.run: TryRun | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="try-header")
        with TabbedContent(id="try-tabs"), TabPane("Drafting…", id="try-wait-tab"):
            yield Static("Drafting…")
        yield KeyBar()

    def _title(self) -> Text:
        which = " (text as typed, not saved)" if self.unsaved else ""
        return Text.assemble(
            ("Try ", "bold"),
            (self.skill.id, "bold"),
            which,
            f" on {self.note.label} · nothing is queued or saved",
        )

    def on_mount(self) -> None:
        self.draft()

    @work(exclusive=True, exit_on_error=False)
    async def draft(self) -> None:
        try:
            run = await try_skill(self.session.service, self.skill, self.note, self.backend)
        except (ChartdeskError, DraftingError, OSError) as exc:
            await self._show_failure(str(exc))
            return
        except Exception as exc:  # an unexpected backend failure must not leave "Drafting…"
            await self._show_failure(f"{type(exc).__name__}: {exc}")
            return
        await self._show(run)

    async def _show_failure(self, reason: str) -> None:
        tabs = self.query_one(TabbedContent)
        await tabs.clear_panes()
        await tabs.add_pane(
            TabPane("Failed", Static(Text(f"Could not try: {reason}", style="bold red")))
        )

    async def _show(self, run: TryRun) -> None:
        self.run = run
        tabs = self.query_one(TabbedContent)
        await tabs.clear_panes()
        count = len(run.passes)
        for index, step in enumerate(run.passes, start=1):
            prefix = f"{index} " if count > 1 else ""
            header = pass_header(index, count, step)
            prompt = VerticalScroll(
                Static(header), Static(prompt_text(step.prompt_text)), classes="try-pane"
            )
            body = VerticalScroll(
                Static(header), *(Static(part) for part in draft_body(step)), classes="try-pane"
            )
            await tabs.add_pane(TabPane(f"{prefix}Prompt", prompt, id=f"prompt-{index}"))
            await tabs.add_pane(TabPane(f"{prefix}Draft", body, id=f"draft-{index}"))
        tabs.active = f"draft-{count}"
        self._focus_active()

    def _focus_active(self) -> None:
        pane = self.query_one(TabbedContent).active_pane
        if pane is not None:
            pane.query_one(VerticalScroll).focus()

    def _move(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if tabs.active not in ids:
            return
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]
        self._focus_active()

    def action_next_tab(self) -> None:
        self._move(1)

    def action_previous_tab(self) -> None:
        self._move(-1)

    def action_close(self) -> None:
        self.dismiss(None)
