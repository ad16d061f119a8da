"""The review app: the queue, the draft, the editor and sign-off, all from the keyboard.

`run_app` is the entry point `tui.cli` calls. The app owns session-wide concerns only (keymap,
theme, the idle lock, the in-process drafter, help and the command palette, quitting safely,
clipboard policy); the screens do the review work.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.filter import LineFilter
from textual.screen import Screen

from tui.core.background import use_background_executor
from tui.core.service import ClinicService
from tui.ui.drafter import DrafterEvent, make_pipeline
from tui.ui.keymap import bindings_for, check_remaps
from tui.ui.render import NoControlCharacters
from tui.ui.screens.review import BACKGROUND_START_SECONDS, ReviewScreen
from tui.ui.session import Session
from tui.ui.typed import KeyGate

if TYPE_CHECKING:
    from tui.core.intake.pipeline import PipelineEvent
    from tui.core.security.unlock import Unlocker

DEFAULT_THEME = "nord"
ANSI_THEME = "ansi-dark"
log = logging.getLogger(__name__)
IDLE_CHECK_SECONDS = 5.0
TERMINAL_CHECK_SECONDS = 2.0
TERMINAL_GONE_EXIT = 129
STORE_LOST_EXIT = 2
# Actions a locked screen still answers to: quitting, and the lock screen's own.
_WHILE_LOCKED = frozenset({"request_quit", "unlock"})


class ChartdeskApp(App[int], inherit_bindings=False):
    """Bindings come only from the keymap table (hence no inherited App bindings)."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "chartdesk"
    BINDINGS = bindings_for("app")

    def __init__(
        self,
        service: ClinicService,
        *,
        drafter: bool = False,
        clock: Callable[[], datetime] | None = None,
        unlocker: Unlocker | None = None,
        greeting: str = "",
    ) -> None:
        super().__init__()
        self.greeting = greeting
        keymap, self.key_problems = check_remaps(service.context.ui.keys)
        self.session = Session(service, keymap, unlocker=unlocker)
        if clock is not None:
            self.session.clock = clock
        self.locked = False
        self.last_input = time.monotonic()
        self.key_gate = KeyGate(self, super().on_event)
        self._no_controls = NoControlCharacters()
        self._terminal_fd = -1
        self._leaving = False
        self._want_drafter = drafter
        self.review = ReviewScreen(self.session)
        self._theme_problem = self._choose_theme()
        if os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"):
            self.animation_level = "none"

    def get_default_screen(self) -> Screen[None]:
        return self.review

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the guard that keeps control characters from notes, file
        names and model answers out of every line drawn (tui.ui.render)."""
        return [*super().get_line_filters(), self._no_controls]

    def on_mount(self) -> None:
        self.set_keymap(dict(self.session.keymap))
        if self._theme_problem:
            self.notify(self._theme_problem, severity="warning", markup=False)
        for problem in self.key_problems:
            self.notify(problem, title="context.toml", severity="warning", timeout=10, markup=False)
        if self.greeting:
            self.notify(self.greeting, timeout=12, markup=False)
        idle = self.idle_seconds
        if idle > 0:
            self.set_interval(min(IDLE_CHECK_SECONDS, max(idle / 4, 0.05)), self.lock_if_idle)
        if self._want_drafter:
            self.set_timer(BACKGROUND_START_SECONDS, self.start_drafter)
        terminal = sys.__stdin__
        if not self.is_headless and terminal is not None and terminal.isatty():
            self._terminal_fd = terminal.fileno()
            self.set_interval(TERMINAL_CHECK_SECONDS, self._check_terminal)
            with contextlib.suppress(NotImplementedError, RuntimeError):
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.terminal_gone)

    def _choose_theme(self) -> str:
        """Set the clinic's theme, else a readable ANSI theme on a 16-colour terminal; a
        problem to report once mounted. Chosen before mounting, so the first styling pass is
        the only one."""
        wanted = self.session.service.context.ui.theme
        if not wanted and self.console.color_system in ("standard", "windows"):
            wanted = ANSI_THEME
        wanted = wanted or DEFAULT_THEME
        if wanted in self.available_themes:
            self.theme = wanted
            return ""
        self.theme = DEFAULT_THEME
        return f"[ui] theme {wanted!r} is not a known theme"

    # The drafter --------------------------------------------------------------------------------

    def start_drafter(self) -> None:
        """Run the clinic's pipeline here (it waits if another process holds the drafter lock)."""
        pipeline = make_pipeline(self.session.service)

        def forward(event: PipelineEvent) -> None:
            self.review.post_message(DrafterEvent(event))

        pipeline.subscribe(forward)
        self.session.drafter = pipeline
        self.run_worker(pipeline.run(), name="drafter", group="drafter", exit_on_error=False)

    async def on_unmount(self) -> None:
        drafter = self.session.drafter
        stop = getattr(drafter, "stop", None)
        if stop is not None:
            stop()

    # The idle lock ------------------------------------------------------------------------------

    @property
    def idle_seconds(self) -> float:
        return float(self.session.service.context.idle_minutes) * 60.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.last_input = time.monotonic()
            if isinstance(event, events.Key) and not event.is_forwarded:
                await self.key_gate.take(event)  # one key at a time (tui.ui.typed)
                return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            await self.key_gate.take(event)  # pasted text keeps its place among the keys
            return
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        if not self.locked and time.monotonic() - self.last_input >= self.idle_seconds:
            self.action_lock()

    def action_lock(self) -> None:
        """Hide all patient data now: keep open edits, clear messages, cover every screen."""
        if self.locked:
            return
        self.autosave_editors()
        self.locked = True
        self.clear_notifications()
        self.review.hide_patient_data()
        self.session.service.record_lock("lock", self.session.signer_name)
        from tui.ui.screens.lock import LockScreen

        self.push_screen(LockScreen(self.session), self._unlocked)

    def _unlocked(self, _result: None) -> None:
        self.locked = False
        self.last_input = time.monotonic()
        self.review.restore_patient_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.locked or action in _WHILE_LOCKED

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        """Messages often name a patient: none are shown while the screen is locked."""
        if not self.locked:
            super().notify(message, *args, **kwargs)

    # Help and the command palette ---------------------------------------------------------------

    def action_show_help(self) -> None:
        from tui.ui.screens.help import HelpScreen, screen_scopes

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        queue = isinstance(screen, ReviewScreen)
        self.push_screen(HelpScreen(self.session.keymap, screen_scopes(screen), queue_words=queue))

    def action_show_skills(self) -> None:
        from tui.ui.screens.skills import SkillsScreen

        if not any(isinstance(s, SkillsScreen) for s in self.screen_stack):
            self.push_screen(SkillsScreen(self.session))

    def action_show_audit(self) -> None:
        from tui.ui.screens.audit import AuditScreen

        if not any(isinstance(s, AuditScreen) for s in self.screen_stack):
            self.push_screen(AuditScreen(self.session))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette: each action that makes sense on this screen (and for the selected
        draft) once, with its key, and new drafts of the selected note (tui.ui.palette)."""
        from tui.ui.palette import commands, skill_commands

        if self.locked:
            return
        for command in super().get_system_commands(screen):
            if command.title == "Theme":
                yield command
        service = self.session.service
        draft = None
        if isinstance(screen, ReviewScreen) and screen.table.selected_id is not None:
            draft = service.draft(screen.table.selected_id)
        yield from commands(screen, self.session.keymap, self.run_action, service, draft)
        if isinstance(screen, ReviewScreen) and draft is not None:
            yield from skill_commands(draft, service, partial(self.draft_with, screen))

    def draft_with(self, screen: ReviewScreen, skill_id: str) -> None:
        from tui.core.errors import ChartdeskError

        draft_id = screen.table.selected_id
        if draft_id is None:
            return
        try:
            new_id = self.session.service.draft_with(draft_id, skill_id, self.session.signer_name)
        except ChartdeskError as exc:
            self.notify(str(exc), title="Not drafted", severity="error", markup=False)
            return
        if self.session.drafter is not None:
            self.session.drafter.wake()
        screen.refresh_draft(new_id)
        self.notify(f"Draft {new_id} queued with {skill_id}.", title="Drafting", markup=False)

    # Leaving ------------------------------------------------------------------------------------

    def _check_terminal(self) -> None:
        """Textual keeps reading a terminal that has gone (an SSH connection dropped under a
        wrapper such as `make`, which keeps the hangup signal from this process) and spins on
        its end of input. A hung-up terminal has no foreground process group."""
        try:
            os.tcgetpgrp(self._terminal_fd)
        except OSError:
            self.terminal_gone()

    def terminal_gone(self) -> None:
        """The terminal went away: keep every open edit (autosaved, or a Skill's text in
        unsaved/), then exit with 129 as a process killed by SIGHUP would."""
        if self._leaving:
            return
        self._leaving = True
        self.autosave_editors()
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_unsaved", None)
            if callable(keep):
                keep()
        self.exit(TERMINAL_GONE_EXIT)

    def _handle_exception(self, error: Exception) -> None:
        """A bug ends the app, but never as Textual's traceback: its locals would print the draft
        and the text being typed to the terminal. Open edits are kept in .chartdesk/unsaved/,
        the log records the exception's type and places (no message, no locals), and one line
        says what happened. (Textual's own handler, replaced here, renders `show_locals=True`.)"""
        log.error("the review app stopped on an internal error", exc_info=error)
        self._keep_open_edits()
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises the first exception in tests
            self._exception = error
            self._exception_event.set()
        self.panic(
            Text(
                f"chartdesk stopped on an internal error ({type(error).__name__}). Open edits are "
                "kept in .chartdesk/unsaved/; .chartdesk/app.log says where it happened "
                "(it holds no note text)."
            )
        )

    def _keep_open_edits(self) -> None:
        """Write every open editor's unsaved text to .chartdesk/unsaved/ (never raises)."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_unsaved", None)
            if callable(keep):
                with contextlib.suppress(Exception):
                    keep()

    def store_lost(self, message: str) -> None:
        """state.db was deleted or replaced under this session: nothing more may be written
        to it. Open edits go to .chartdesk/unsaved/ (not to a store nobody reads), then the app
        ends with the reason."""
        if self._leaving:
            return
        self._leaving = True
        self._keep_open_edits()
        self.exit(STORE_LOST_EXIT, return_code=STORE_LOST_EXIT, message=message)

    def autosave_editors(self) -> bool:
        """Autosave every open draft or addendum editor; False if one could not be saved."""
        ok = True
        for screen in self.screen_stack:
            autosave = getattr(screen, "autosave", None)
            if callable(autosave):
                ok = bool(autosave()) and ok
        return ok

    def action_request_quit(self) -> None:
        """Quit after autosaving open edits; refused while a Skill has unsaved text or an edit
        could not be saved (so it is not lost), and while the screen is locked (whoever is at
        a locked screen must not get the shell behind it)."""
        if self.locked:
            from tui.ui.screens.lock import LockScreen

            for screen in self.screen_stack:
                if isinstance(screen, LockScreen):
                    screen.refuse_quit()
            return
        saved = self.autosave_editors()
        skill_editors = sys.modules.get("tui.ui.screens.skills_editor")  # imported when opened
        skill_dirty = skill_editors is not None and any(
            isinstance(s, skill_editors.SkillEditorScreen) and s.dirty for s in self.screen_stack
        )
        if skill_dirty or not saved:
            self.notify(
                "The editor has text that is not saved: save (ctrl+o) or close it (esc) first.",
                title="Not quitting",
                severity="warning",
                markup=False,
            )
            return
        self.exit(0)

    # The clipboard ------------------------------------------------------------------------------

    def copy_to_clipboard(self, text: str) -> None:
        """Copy inside the app only, unless the clinic allows the terminal clipboard: over SSH
        the terminal clipboard is another machine, and drafts are patient data. Every copy that
        leaves the app is recorded in the audit log (by hash)."""
        if self.session.service.context.ui.clipboard:
            super().copy_to_clipboard(text)
            draft = getattr(self.screen, "draft", None)
            draft_id = getattr(draft, "id", None)
            self.session.service.record_copy(draft_id, text, self.session.signer_name)
        else:
            self._clipboard = text

    def copy_draft_text(self, draft_id: int, text: str) -> None:
        """`c` in the queue: the shown text to the terminal clipboard, if the clinic allows."""
        if not self.session.service.context.ui.clipboard:
            self.notify(
                "Copying is off: the clipboard may be on another machine over SSH. "
                "[ui] clipboard = true in context.toml allows it (each copy is recorded).",
                title="Not copied",
                severity="warning",
                markup=False,
            )
            return
        super().copy_to_clipboard(text)
        self.session.service.record_copy(draft_id, text, self.session.signer_name)
        self.notify("Copied (recorded in the audit log).", title="Copied", markup=False)


def run_app(
    service: ClinicService, mouse: bool | None = None, drafter: bool = True, greeting: str = ""
) -> int:
    """Run the review app on a clinic; `mouse=None` follows context.toml's ``[ui] mouse``.
    With `drafter`, this process also drafts (when no other process holds the drafter lock)."""
    from tui.core.logs import configure_file

    configure_file(service.clinic.paths.state / "app.log")  # never over the screen, no note text
    app = ChartdeskApp(service, drafter=drafter, greeting=greeting)
    use_mouse = service.context.ui.mouse if mouse is None else mouse
    result = asyncio.run(_run(app, use_mouse))
    return result if isinstance(result, int) else (app.return_code or 0)


async def _run(app: ChartdeskApp, mouse: bool) -> int | None:
    """`App.run`, with blocking work on threads that cannot keep the process alive after
    quitting (a slow check must not hold the terminal the clinician is back at)."""
    use_background_executor()
    return await app.run_async(mouse=mouse)
