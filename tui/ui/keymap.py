"""The one table of every key the review app answers to.

Each screen's ``BINDINGS`` is generated from `ACTIONS`, each binding carries its action id so a
clinic can remap it in context.toml (``[ui.keys] approve = "A"``, applied with
`App.set_keymap`), and the help screen lists the same table. One table means help can never
drift from what the keys really do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

from textual.binding import Binding, BindingType

Scope = Literal["app", "queue", "editor", "approve", "reject", "unsaved", "help"]

SCOPE_TITLES: Final[Mapping[Scope, str]] = {
    "app": "Everywhere",
    "queue": "Review queue",
    "editor": "Editor",
    "approve": "Approve and sign",
    "reject": "Reject",
    "unsaved": "Unsaved changes",
    "help": "Help",
}

# Keys that terminals, SSH clients or tmux swallow or rewrite (ctrl+m is enter, ctrl+i is tab,
# ctrl+s is XOFF, ctrl+enter is indistinguishable from enter in most terminals, and F-keys are
# missing on phone keyboards).
_UNSAFE_KEYS: Final = frozenset({"ctrl+enter", "ctrl+s", "ctrl+m", "ctrl+i", "ctrl+j"})
_FUNCTION_KEY: Final = re.compile(r"(?:\w+\+)*f\d{1,2}")
_KEY_NAMES: Final = {"question_mark": "?", "escape": "esc", "slash": "/", "space": "space"}


@dataclass(frozen=True)
class KeyAction:
    """One bindable action.

    `id` is what config remaps, `key` the default (comma-separated alternatives), `description`
    what help says, and `footer` the short word shown in the footer (none: not shown there, to
    keep a 60-column footer readable).
    """

    id: str
    key: str
    action: str
    description: str
    scope: Scope
    footer: str = ""
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.footer or self.description,
            show=bool(self.footer),
            priority=self.priority,
            tooltip=self.description,
            id=self.id,
        )


# fmt: off
ACTIONS: Final[tuple[KeyAction, ...]] = (
    KeyAction("help", "question_mark", "app.show_help", "Show all keys", "app", footer="keys"),
    KeyAction("command_palette", "ctrl+p", "app.command_palette", "Command palette", "app",
              priority=True),
    KeyAction("quit_app", "ctrl+q", "app.request_quit", "Quit (refused with unsaved edits)", "app",
              priority=True),
    KeyAction("cursor_down", "j", "cursor_down", "Next draft", "queue"),
    KeyAction("cursor_up", "k", "cursor_up", "Previous draft", "queue"),
    KeyAction("open", "enter", "open", "Open the draft full-size to read it", "queue",
              footer="open", priority=True),
    KeyAction("close_draft", "escape", "close_draft", "Back to the queue", "queue", footer="back"),
    KeyAction("edit", "e", "edit", "Edit the draft (each save is a new version)", "queue",
              footer="edit"),
    KeyAction("approve", "a", "approve", "Approve and sign (asks to confirm)", "queue",
              footer="sign"),
    KeyAction("reject", "r", "reject", "Reject with a reason", "queue", footer="reject"),
    KeyAction("switch_pane", "tab", "switch_pane", "Switch between queue and draft", "queue"),
    KeyAction("quit", "q", "app.request_quit", "Quit", "queue", footer="quit"),
    KeyAction("save", "ctrl+o", "save", "Save as a new version", "editor", footer="save"),
    KeyAction("leave_editor", "escape", "leave", "Close the editor (asks if unsaved)", "editor",
              footer="close"),
    KeyAction("sign", "y", "sign", "Sign as the chosen clinician", "approve", footer="sign"),
    KeyAction("cancel_sign", "n,escape", "cancel", "Cancel, do not sign", "approve",
              footer="cancel"),
    KeyAction("confirm_reject", "enter", "submit", "Reject with the reason typed", "reject",
              footer="reject", priority=True),
    KeyAction("cancel_reject", "escape", "cancel", "Cancel, keep the draft", "reject",
              footer="cancel"),
    KeyAction("unsaved_save", "s", "choose('save')", "Save, then close", "unsaved", footer="save"),
    KeyAction("unsaved_discard", "d", "choose('discard')", "Discard the changes", "unsaved",
              footer="discard"),
    KeyAction("unsaved_cancel", "c,escape", "choose('cancel')", "Keep editing", "unsaved",
              footer="keep editing"),
    KeyAction("close_help", "escape,q,question_mark", "close", "Close help", "help",
              footer="close"),
)
# fmt: on

ACTIONS_BY_ID: Final[Mapping[str, KeyAction]] = {action.id: action for action in ACTIONS}


def bindings_for(scope: Scope) -> list[BindingType]:
    """The Textual bindings of one scope, for a screen's ``BINDINGS``."""
    return [action.binding() for action in ACTIONS if action.scope == scope]


def is_unsafe(key: str) -> bool:
    """True for a key that SSH, tmux or a phone keyboard may never deliver."""
    key = key.strip().lower()
    return key in _UNSAFE_KEYS or bool(_FUNCTION_KEY.fullmatch(key))


def check_remaps(remaps: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split the clinic's ``[ui.keys]`` into a usable keymap and problems to show.

    An unknown id or a key that would only work on some terminals is reported and ignored, so a
    typo in context.toml never leaves an action without a key.
    """
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for action_id, keys in remaps.items():
        if action_id not in ACTIONS_BY_ID:
            problems.append(f"[ui.keys] {action_id}: no such action (see ? for the list)")
            continue
        parts = [part.strip() for part in keys.split(",") if part.strip()]
        unsafe = [part for part in parts if is_unsafe(part)]
        if unsafe:
            why = f"{', '.join(unsafe)} may not reach the app over SSH or tmux"
        elif not parts:
            why = "no key given"
        else:
            keymap[action_id] = ",".join(parts)
            continue
        problems.append(f"[ui.keys] {action_id} = {keys!r}: {why}; keeping the default")
    return keymap, problems


def display_keys(keys: str) -> str:
    """Keys as a person types them: ``question_mark`` is ``?``, ``escape`` is ``esc``."""
    shown = []
    for key in keys.split(","):
        *modifiers, name = key.strip().split("+")
        shown.append("+".join([*modifiers, _KEY_NAMES.get(name, name)]))
    return " / ".join(shown)


def effective_keys(action: KeyAction, keymap: Mapping[str, str]) -> str:
    """The key(s) an action answers to once the clinic's remaps are applied."""
    return keymap.get(action.id, action.key)


def help_rows(keymap: Mapping[str, str]) -> Iterable[tuple[str, str, str, str]]:
    """(keys, description, where, id) for every action, in table order, for the help screen;
    key and meaning first so a 60-column screen shows what matters."""
    for action in ACTIONS:
        keys = display_keys(effective_keys(action, keymap))
        yield keys, action.description, SCOPE_TITLES[action.scope], action.id
