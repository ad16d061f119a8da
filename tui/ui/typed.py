"""Keys typed in one burst (one read from the terminal) are handled as if typed one by one.

Over SSH several keys often arrive in one read: "/reyes", "r" and a reason, a PIN and its
enter. Textual routes every key of the read at once, to whatever has focus at that moment,
and runs priority bindings at once too; the effects of the first key (the filter opening, a
dialog being pushed, text reaching an input) come later. So letters meant for a new filter
ran the queue's bindings (r: reject, e: edit), an enter submitted a dialog before its text
had arrived, and an autosave could miss the last words typed.

`KeyGate` holds each key until the one before it has been handled and has settled: the
widget it went to has processed it, any copy that bubbled up has reached the app, and a
screen it pushed has mounted and taken focus. Keys typed at human speed never wait. Whether a
widget still has messages waiting is read from Textual 8's message queues (pinned <9 in
pyproject; tests/ui/test_key_gate.py and test_batched_keys.py exercise it).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, Final

from textual.app import App
from textual.dom import DOMNode
from textual.events import Key, Paste
from textual.screen import Screen
from textual.timer import Timer

SETTLE_LIMIT: Final = 1.0
"""Seconds a key may be held at most: a stuck action never freezes the keyboard."""
MAX_ROUNDS: Final = 8
"""Times to look for widgets with messages waiting before letting the next key go."""


class KeyGate:
    """Lets the app take one terminal key at a time (see the module docstring)."""

    def __init__(self, app: App[Any], handle: Callable[[Key | Paste], Awaitable[None]]) -> None:
        self._app = app
        self._handle = handle
        self._held: deque[Key | Paste] = deque()
        self._busy = False
        self._generation = 0
        self._watchdog: Timer | None = None

    @property
    def holding(self) -> int:
        return len(self._held)

    async def take(self, key: Key | Paste) -> None:
        """Handle `key` (or pasted text) now, or after the keys before it have settled."""
        if self._busy:
            self._held.append(key)
            return
        await self._run(key)

    async def _run(self, key: Key | Paste) -> None:
        self._busy = True
        self._generation += 1
        generation = self._generation
        app = self._app
        target: DOMNode = app.focused or app.screen
        screen = app.screen
        self._watchdog = app.set_timer(SETTLE_LIMIT, lambda: self._release(generation))
        await self._handle(key)
        self._settle_up(target, screen, generation)

    def _settle_up(self, node: DOMNode, screen: Screen[Any], generation: int) -> None:
        """Wait for `node` to process what it was sent, then its parent (a key it did not
        handle bubbles up), up to the screen; then the app, which resolves bindings."""

        def next_step() -> None:
            parent = node.parent
            if isinstance(node, Screen) or parent is None or parent is self._app:
                self._later(self._app, lambda: self._settle_screen(screen, generation))
            else:
                self._settle_up(parent, screen, generation)

        self._later(node, next_step)

    def _settle_screen(self, before: Screen[Any], generation: int) -> None:
        """A screen pushed or popped by the key must mount and take focus first (its focus
        request goes through the app's queue: look again after it)."""
        app = self._app
        if app.screen is not before:
            self._later(app.screen, lambda: self._later(app, lambda: self._when_quiet(generation)))
        else:
            self._later(app, lambda: self._when_quiet(generation))

    def _when_quiet(self, generation: int, rounds: int = 0) -> None:
        """Release once no widget of the screen on top has messages waiting: what the key set
        off (an Input's Submitted message, a dismissal, a command palette's command) has run.
        Each round waits behind the busiest widget, then the app."""
        if generation != self._generation:
            return
        app = self._app
        waiting = [node for node in app.screen.walk_children(with_self=True)
                   if not node._message_queue.empty()]  # fmt: skip
        if not waiting or rounds >= MAX_ROUNDS:
            self._release(generation)
            return

        def look_again() -> None:
            self._later(app, lambda: self._when_quiet(generation, rounds + 1))

        self._later(waiting[-1], look_again)

    def _later(self, pump: DOMNode, callback: Callable[[], object]) -> None:
        """`callback` after what `pump` has queued; at once if it no longer runs."""
        if not pump.call_later(callback):
            callback()

    def _release(self, generation: int) -> None:
        if generation != self._generation or not self._busy:
            return  # a late step of a key the watchdog already let go
        if self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog = None
        self._busy = False
        if self._held:
            self._busy = True  # the next held key runs on the app's next turn, before new ones
            if not self._app.call_later(self._run_held):
                self._held.clear()  # the app is closing

    async def _run_held(self) -> None:
        self._busy = False
        if self._held:
            await self._run(self._held.popleft())
