"""The editor: the draft's latest text in a TextArea; each editing session adds one version.

Nothing typed is lost: the text is autosaved a few seconds after typing stops, at the latest
every `AUTOSAVE_MAX_SECONDS` while typing goes on, and when the editor closes, the screen locks
or the app quits; an SSH connection that drops loses at most those seconds, and reopening the
draft shows the last autosave. The first autosave of a session makes its working version
(origin ``autosave``); later ones update that version in place, so the history shows the
clinician's steps, not one version every few seconds. An explicit save (ctrl+o) makes the
working version an ``edit`` and ends it: what is typed after starts the next one. Every text
saved is checked again before it can be signed. If the draft is signed by another session
meanwhile, the store refuses the save and the text stays in the editor.
"""

from __future__ import annotations

import contextlib
import os
import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import LanguageDoesNotExist

from tui.core.errors import ChartdeskError, NoSpace
from tui.core.records.store import Draft, Version
from tui.core.review.rules import origin_label, shown_title
from tui.core.service import SavedUnlogged
from tui.ui.keymap import bindings_for
from tui.ui.screens.diff import DiffScreen, diff_for
from tui.ui.screens.versions import VersionsScreen
from tui.ui.session import Session
from tui.ui.widgets.keybar import KeyBar

AUTOSAVE_SECONDS = 3.0
AUTOSAVE_MAX_SECONDS = 15.0
RETRY_SECONDS = 5.0
"""How often a save that failed for want of disk space is tried again."""


def markdown_area(text: str, *, id: str = "editor-text") -> TextArea:
    """A soft-wrapping TextArea, with Markdown highlighting when tree-sitter is installed."""
    # A blinking cursor repaints twice a second: over SSH that is traffic for nothing.
    blink = not (os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"))
    try:
        area = TextArea(text, language="markdown", soft_wrap=True, id=id)
    except LanguageDoesNotExist:
        area = TextArea(text, soft_wrap=True, id=id)
    area.cursor_blink = blink
    return area


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
        self._timer: Timer | None = None
        self._dirty_since: float | None = None
        self._save_failed = False
        self._leave_armed = False
        self._retry: Timer | None = None
        self._working: int | None = None
        """The version this session autosaves into (updated in place), once it has one."""

    def compose(self) -> ComposeResult:
        yield Static(id="editor-header")
        yield markdown_area(self.saved_text)
        yield KeyBar()

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
    def _changed(self) -> None:
        self._show_state()
        if not self.dirty:
            return
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if now - self._dirty_since >= AUTOSAVE_MAX_SECONDS:
            self.autosave()
        elif self._timer is None:
            self._timer = self.set_timer(AUTOSAVE_SECONDS, self.autosave)
        else:
            self._timer.reset()

    def _show_state(self, note: str = "") -> None:
        if self._save_failed:
            state = ("● not saved (see message)", "bold red")
        elif self.dirty:
            state = ("● editing", "bold yellow")
        else:
            state = (note or "saved", "green")
        self.query_one("#editor-header", Static).update(
            Text.assemble(
                ("Editing ", "bold"),
                shown_title(self.draft),
                f" · version {self.version.n}"
                f" ({origin_label(self.version.origin, self.draft.backend)}) · ",
                state,
            )
        )

    def _store(self, origin: str) -> bool:
        """Save the text: into this session's working version when it has one, else as a new
        version; False (with one message) when the store refuses."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.text_area.text
        # A second explicit save after a refusal replaces the other session's version.
        force = self._save_failed and origin == "edit"
        in_place = not force and self._working == self.version.n
        try:
            version = self.session.service.save_edit(
                self.draft.id,
                text,
                origin=origin,
                clinician=self.session.signer_name,
                base_n=None if force else self.version.n,
                in_place=in_place,
            )
        except SavedUnlogged as exc:
            self.notify(str(exc), title="Audit log", severity="warning", markup=False)
            version = exc.version
        except NoSpace as exc:
            self._no_space(str(exc), origin)
            return False
        except ChartdeskError as exc:
            if not self._save_failed or origin == "edit":
                self.notify(
                    f"{exc}. Your text is still here.",
                    title="Not saved",
                    severity="error",
                    markup=False,
                )
            self._save_failed = True
            self._show_state()
            return False
        self._save_failed = False
        if self._retry is not None:
            self._retry.stop()
            self._retry = None
        if version.n != self.version.n or in_place:
            self.saved_any = True
        # An autosave starts (or goes on with) the working version; a save ends it.
        self._working = version.n if origin == "autosave" else None
        self.version = version
        self.saved_text = text
        self._dirty_since = None
        self._show_state("autosaved" if origin == "autosave" else "saved")
        return True

    def _no_space(self, message: str, origin: str) -> None:
        """The disk is full: the text stays on screen, and saving is tried again every few
        seconds until there is room (or the clinician closes the editor, which keeps it in
        .chartdesk/unsaved/ if that can be written)."""
        if not self._save_failed or origin == "edit":
            self.notify(
                f"{message}. Your text stays here and is saved as soon as there is room.",
                title="Not saved: disk full",
                severity="error",
                timeout=10,
                markup=False,
            )
        self._save_failed = True
        self._show_state()
        if self._retry is None:
            self._retry = self.set_interval(RETRY_SECONDS, self.autosave)

    def keep_unsaved(self) -> None:
        """Keep typed text that is not in a version yet in .chartdesk/unsaved/ (when the store
        cannot take it any more)."""
        if self.dirty:
            with contextlib.suppress(OSError):
                self.session.service.keep_unsaved(
                    f"draft-{self.draft.id}", ".md", self.text_area.text
                )

    def autosave(self) -> bool:
        """Keep what was typed (called by the timer, on leaving, locking and quitting)."""
        if not self.dirty:
            return True
        return self._store("autosave")

    def action_save(self) -> bool:
        before = self.version.n
        working = self._working == before
        if not self.dirty and not working:
            self.notify("No changes to save.", markup=False)
            return True
        if not self._store("edit"):
            return False
        if self.version.n == before and not working:
            self.notify("No changes to save.", markup=False)
        else:
            self.notify(f"Saved as version {self.version.n}.", title="Saved", markup=False)
        return True

    def action_leave(self) -> None:
        """Close, autosaving first. If the text cannot be saved as a version (signed elsewhere,
        disk full), it is kept in .chartdesk/unsaved/ before the editor closes; only if even
        that fails does a second esc close without it."""
        if self.autosave() or self._leave_armed:
            self.dismiss(self.saved_any)
            return
        try:
            kept = self.session.service.keep_unsaved(
                f"draft-{self.draft.id}", ".md", self.text_area.text
            )
        except OSError:
            self._leave_armed = True
            self.notify(
                "The text cannot be saved anywhere now. Press esc again to close without it, or "
                "copy it first.",
                severity="warning",
                markup=False,
            )
            return
        self.notify(
            f"Kept in {self.session.service.relative(kept)}; reopen the draft to use it.",
            title="Not saved as a version",
            severity="warning",
            markup=False,
        )
        self.dismiss(self.saved_any)

    def action_diff(self) -> None:
        self.autosave()
        model = self.session.service.model_version(self.draft.id)
        if model is None:
            self.notify("No model draft to compare with.", severity="warning", markup=False)
            return
        lines = diff_for(model, self.text_area.text, self.version.n)
        self.app.push_screen(DiffScreen(shown_title(self.draft), lines))

    def action_versions(self) -> None:
        self.autosave()
        screen = VersionsScreen(self.session, self.draft, can_restore=True)
        self.app.push_screen(screen, self._restored)

    def _restored(self, version: Version | None) -> None:
        if version is None:
            return
        self._working = None
        self.version = version
        self.saved_text = version.text
        self.saved_any = True
        self.text_area.load_text(version.text)
        self._show_state("restored")
