"""Acting on typed text only after every key typed before the action has reached its widget.

A priority binding runs as soon as the app takes its key from the app's queue, but the keys
typed just before it were only forwarded to the focused widget's own queue and may not be
applied yet. Over SSH, "duplicate note⏎" often arrives in one read: the reason would be cut
short, a password checked half-typed, an edit autosaved without its last words. Running the
action as a callback queued on the focused widget puts it behind those keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App


def after_typed_keys(app: App[Any], action: Callable[[], object]) -> None:
    """Run `action` once the focused widget has handled every key already sent to it."""
    focused = app.focused
    if focused is None:
        action()
    else:
        focused.call_later(action)
