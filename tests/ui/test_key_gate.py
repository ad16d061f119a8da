"""KeyGate on a minimal app: keys of one read run in order, each after the last settled, and
a widget that never settles cannot freeze the keyboard."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.ui import typed
from tui.ui.typed import KeyGate


class Ask(ModalScreen[str]):
    BINDINGS = [Binding("enter", "done", priority=True)]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        yield Input(id="answer")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_done(self) -> None:
        self.dismiss(self.query_one(Input).value)


class Slow(Static, can_focus=True):
    """Holds every key until the test lets it go (a stuck handler). Released by an event, not
    after a time, so a busy machine cannot let it finish before the gate's limit does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.release = asyncio.Event()
        self.stuck = False

    async def on_key(self, event: events.Key) -> None:
        self.stuck = True
        await self.release.wait()
        self.stuck = False


class Gated(App[None]):
    BINDINGS = [Binding("a", "ask"), Binding("x", "mark", priority=True)]  # noqa: RUF012

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[str] = []
        self.marked_at = 0.0
        self.gate = KeyGate(self, super().on_event)

    def compose(self) -> ComposeResult:
        yield Slow("slow", id="slow")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.gate.take(event)
            return
        await super().on_event(event)

    def action_ask(self) -> None:
        self.push_screen(Ask(), self.answers.append)

    def action_mark(self) -> None:
        self.marked_at = time.monotonic()


async def _marked(app: Gated, timeout: float = 30.0) -> bool:
    """Wait for x's action, on the loop's own clock: `pilot.pause` would wait for the stuck
    widget. Generous, as it costs nothing once x has run."""
    deadline = time.monotonic() + timeout
    while not app.marked_at and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    return bool(app.marked_at)


def _read(app: App[Any], keys: list[tuple[str, str | None]]) -> None:
    for key, char in keys:
        app.post_message(events.Key(key, char))


async def test_a_dialog_opened_by_the_first_key_gets_the_rest() -> None:
    app = Gated()
    async with app.run_test() as pilot:
        app.set_focus(None)  # keys go to the screen, not the slow widget
        await pilot.pause()
        _read(app, [("a", "a"), *[(c, c) for c in "yes"], ("enter", "\r")])
        for _ in range(40):
            await pilot.pause(0.02)
            if app.answers:
                break
        assert app.answers == ["yes"]


async def test_a_stuck_widget_holds_keys_only_so_long(monkeypatch: Any) -> None:
    monkeypatch.setattr(typed, "SETTLE_LIMIT", 0.3)
    app = Gated()
    async with app.run_test() as pilot:
        slow = app.query_one(Slow)
        slow.focus()
        await pilot.pause()
        sent = time.monotonic()
        _read(app, [("k", "k"), ("x", "x")])  # k goes to the stuck widget; x waits for it
        try:
            assert await _marked(app), "the held key ran"
            assert slow.stuck, "x ran while the widget still held k, not after it let go"
            assert app.marked_at - sent >= 0.25, "x was held for the settle limit first"
        finally:
            slow.release.set()
