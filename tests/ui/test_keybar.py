"""The key bar: one line of keys from the first frame, help always in sight, keys clickable."""

from __future__ import annotations

from textual.binding import Binding

from tests.ui.conftest import RecordingApp, wait_until
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.keybar import KeyBar, shown_keys


def _bar_text(app: RecordingApp) -> str:
    return app.screen.query_one(KeyBar).render().plain


def test_one_key_per_action_in_binding_order() -> None:
    bindings = [
        (Binding("enter", "open", "open", id="open"), True),
        (Binding("o", "open", "open", id="open_alt"), True),
        (Binding("x", "hidden", "hidden", show=False), True),
        (Binding("question_mark", "app.show_help", "keys", id="help"), True),
        (Binding("a", "approve", "sign", id="approve"), False),
    ]
    display = {"enter": "⏎", "o": "o", "x": "x", "question_mark": "?", "a": "a"}
    keys = shown_keys(bindings, display)
    assert [(k.display, k.description) for k in keys] == [("⏎", "open"), ("?", "keys"),
                                                          ("a", "sign")]  # fmt: skip
    assert [k.pinned for k in keys] == [False, True, False]
    assert not keys[-1].enabled


async def test_the_first_frame_has_the_keys(app: RecordingApp) -> None:
    async with app.run_test(size=(100, 30)):
        text = _bar_text(app)
        assert "⏎ open" in text and "a sign" in text and "q quit" in text
        assert text.rstrip().endswith("? keys")


async def test_a_phone_screen_keeps_help_in_sight(app: RecordingApp) -> None:
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        text = _bar_text(app)
        assert len(text) == 60
        assert text.rstrip().endswith("? keys"), "help is pinned to the right"
        assert "…" not in text and "⏎ open" in text and "a sign" in text
        assert "q quit" not in text, "a key that does not fit is left out whole, not cut"


async def test_clicking_a_key_presses_it(app: RecordingApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        column = _bar_text(app).index("? keys")
        assert await pilot.click(KeyBar, offset=(column, 0))
        assert await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "esc close" in _bar_text(app), "the bar follows the screen"


def test_a_disabled_key_is_dimmed_and_not_clickable() -> None:
    from rich.style import Style

    bar = KeyBar._assemble(
        shown_keys([(Binding("a", "approve", "sign", id="approve"), False)], {"a": "a"}),
        Style(bold=True),
        Style(),
    )
    spans = [span for span in bar.spans if bar.plain[span.start : span.end].strip()]
    assert spans and all(isinstance(s.style, Style) and s.style.dim for s in spans)
    assert all("@click" not in (s.style.meta if isinstance(s.style, Style) else {})
               for s in spans)  # fmt: skip
