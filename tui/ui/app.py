"""The review app: the queue, the draft, the editor and sign-off, all from the keyboard.

`run_app` is the entry point `tui.cli` calls. The app owns session-wide concerns only (keymap,
theme, help, quitting safely, clipboard policy); the screens do the review work.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from tui.core.service import ClinicService
from tui.ui.keymap import bindings_for, check_remaps
from tui.ui.screens.editor import EditorScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.review import ReviewScreen
from tui.ui.session import Session

DEFAULT_THEME = "nord"


class ChartdeskApp(App[int], inherit_bindings=False):
    """Bindings come only from the keymap table (hence no inherited App bindings)."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "chartdesk"
    BINDINGS = bindings_for("app")

    def __init__(self, service: ClinicService) -> None:
        super().__init__()
        keymap, self.key_problems = check_remaps(service.context.ui.keys)
        self.session = Session(service, keymap)
        if os.environ.get("SSH_CONNECTION"):
            self.animation_level = "none"

    def get_default_screen(self) -> Screen[None]:
        return ReviewScreen(self.session)

    def on_mount(self) -> None:
        self.set_keymap(dict(self.session.keymap))
        wanted = self.session.service.context.ui.theme or DEFAULT_THEME
        if wanted in self.available_themes:
            self.theme = wanted
        else:
            self.theme = DEFAULT_THEME
            self.notify(
                f"[ui] theme {wanted!r} is not a known theme", severity="warning", markup=False
            )
        for problem in self.key_problems:
            self.notify(problem, title="context.toml", severity="warning", timeout=10, markup=False)

    def action_show_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.session.keymap))

    def action_request_quit(self) -> None:
        """Quit, unless an editor holds text that is not saved as a version yet."""
        if any(isinstance(s, EditorScreen) and s.dirty for s in self.screen_stack):
            self.notify(
                "The editor has unsaved changes: save (ctrl+o) or close it (esc) first.",
                title="Not quitting",
                severity="warning",
                markup=False,
            )
            return
        self.exit(0)

    def copy_to_clipboard(self, text: str) -> None:
        """Copy inside the app only, unless the clinic allows the terminal clipboard: over SSH
        the terminal clipboard is another machine, and drafts are patient data."""
        if self.session.service.context.ui.clipboard:
            super().copy_to_clipboard(text)
        else:
            self._clipboard = text


def run_app(service: ClinicService, mouse: bool | None = None) -> int:
    """Run the review app on a clinic; `mouse=None` follows context.toml's ``[ui] mouse``."""
    app = ChartdeskApp(service)
    use_mouse = service.context.ui.mouse if mouse is None else mouse
    result = app.run(mouse=use_mouse)
    return result if isinstance(result, int) else (app.return_code or 0)
