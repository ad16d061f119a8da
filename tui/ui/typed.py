"""Keys typed in one burst (one read from the terminal) are handled as if typed one by one.

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
from textual.events import Key
from textual.widget import Widget


def after_typed_keys(app: App[Any], action: Callable[[], object]) -> None:
    """Run `action` once the focused widget has handled every key already sent to it."""
    focused = app.focused
    if focused is None:
        action()
    else:
        focused.call_later(action)


class KeyRoutes:
    """Where the app sent each key it took from the terminal, so a key that comes back up
    unhandled can be checked against where focus is now.

    Textual sends a key to whatever has focus when it reads the key, and resolves bindings
    when the key bubbles back up, against whatever has focus *then*. When one read holds "/"
    and "reyes", the letters were already sent to the queue table before "/" opened the
    filter, and would run the table's bindings (r: reject, e: edit) instead of being typed.
    A key whose route no longer matches the focus is sent on to the new focus instead, as it
    would have been had it been typed a moment later.
    """

    LIMIT = 256

    def __init__(self) -> None:
        self._routes: dict[int, tuple[Key, Widget]] = {}

    def remember(self, key: Key, target: Widget) -> None:
        if len(self._routes) >= self.LIMIT:  # keys a widget consumed never come back up
            self._routes.pop(next(iter(self._routes)))
        self._routes[id(key)] = (key, target)

    def reroute(self, key: Key, here: Widget) -> bool:
        """Send `key` on to `here` if it was routed elsewhere; False when it is where it was
        sent (its bindings apply)."""
        route = self._routes.pop(id(key), None)
        if route is None or route[0] is not key or route[1] is here:
            return False
        again = Key(key.key, key.character)
        self.remember(again, here)
        here._forward_event(again)
        return True
