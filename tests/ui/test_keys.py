"""The keymap table: one source for bindings, remaps and help; no key SSH or tmux may eat."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding

from tests.ui.conftest import RecordingApp, copy_clinic
from tui.core.service import ClinicService
from tui.ui import screens
from tui.ui.app import ChartdeskApp
from tui.ui.keymap import (
    ACTIONS,
    ACTIONS_BY_ID,
    KeyAction,
    check_remaps,
    display_keys,
    is_unsafe,
)
from tui.ui.screens.approve import ApproveScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.reject import RejectScreen
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.textview import TextView


def bound_classes() -> list[type[Any]]:
    """The app and every screen or widget class in tui.ui.screens declaring its own BINDINGS."""
    found: list[type[Any]] = [ChartdeskApp]
    for module_info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"{screens.__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and value.__module__ == module.__name__
                and "BINDINGS" in vars(value)
            ):
                found.append(value)
    return found


def test_action_ids_are_unique() -> None:
    assert len(ACTIONS_BY_ID) == len(ACTIONS)


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.id)
def test_no_default_key_relies_on_keys_terminals_eat(action: KeyAction) -> None:
    keys = action.key.split(",")
    assert not any(is_unsafe(key) for key in keys)


def test_every_binding_comes_from_the_table() -> None:
    declared = {(a.id, a.key, a.action) for a in ACTIONS}
    bound = set()
    for owner in bound_classes():
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.id in ACTIONS_BY_ID, f"{owner.__name__} binds {binding.key} without id"
            bound.add((binding.id, binding.key, binding.action))
    assert bound == declared, "every action in the table is bound somewhere, and only those"


def test_unsafe_keys() -> None:
    for key in ("ctrl+s", "ctrl+enter", "ctrl+m", "ctrl+i", "f5", "shift+f2"):
        assert is_unsafe(key), key
    for key in ("ctrl+o", "a", "question_mark", "escape", "enter", "tab"):
        assert not is_unsafe(key), key


def test_remaps_are_checked() -> None:
    keymap, problems = check_remaps(
        {"approve": "A", "reject": "ctrl+s", "nope": "x", "edit": "E, ctrl+e"}
    )
    assert keymap == {"approve": "A", "edit": "E,ctrl+e"}
    assert any("nope" in p for p in problems)
    assert any("ctrl+s" in p and "reject" in p for p in problems)


def test_keys_are_shown_as_typed() -> None:
    assert display_keys("question_mark") == "?"
    assert display_keys("n,escape") == "n / esc"
    assert display_keys("ctrl+o") == "ctrl+o"


async def test_help_lists_this_screens_keys_first_then_the_global_ones(app: RecordingApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = _help_lines(help_screen)
        assert text.index("Review queue (this screen)") < text.index("Everywhere")
        for action in ACTIONS:
            shown = f"[{action.id}]" in text
            assert shown is (action.scope in ("queue", "filter", "app")), action.id
        assert text.count("esc ") <= 2, "only this screen's escapes, not eight"
        assert "What the queue and its header say" in text
        await pilot.press("escape", "e")
        app.action_show_help()  # ? types a "?" in the editor; the palette opens help there
        await pilot.pause()
        text = _help_lines(app.screen)
        assert text.startswith("Editor (this screen)") and "[save]" in text
        assert "[approve]" not in text, "the queue's keys are not the editor's"
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_help_is_readable_on_a_phone(app: RecordingApp) -> None:
    """At 60 columns every description is there whole, wrapped at words under itself."""
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("question_mark")
        view = app.screen.query_one("#help-keys", TextView)
        text = _help_lines(app.screen)
        assert max(len(line) for line in text.splitlines()) <= view.scrollable_content_region.width
        flowing = " ".join(text.split())
        for action in ACTIONS:
            if action.scope in ("queue", "app"):
                assert f"{action.description} [{action.id}]" in flowing, action.id
        cut = [word for word in text.split() if word.endswith("…") and len(word) > 1]
        assert cut == [], "no description cut short"


def _help_lines(screen: object) -> str:
    """The help text as drawn at the screen's width, every line (not only those in view)."""
    view = screen.query_one("#help-keys", TextView)  # type: ignore[attr-defined]
    view._wrap()
    return "\n".join("".join(segment.text for segment in line).rstrip() for line in view._lines)


async def test_context_toml_remaps_keys_by_id(demo_template: Path, tmp_path: Path) -> None:
    root = copy_clinic(demo_template, tmp_path / "clinic")
    context = root / "context.toml"
    context.write_text(
        context.read_text()
        + '\n[ui.keys]\napprove = "A"\nhelp = "H"\nreject = "ctrl+s"\nfrobnicate = "x"\n'
    )
    service = ClinicService.open(root)
    app = RecordingApp(service)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            assert app.said("frobnicate", "warning")
            assert app.said("ctrl+s", "warning")
            await pilot.press("a")
            assert isinstance(app.screen, ReviewScreen), "the default key is replaced"
            await pilot.press("A")
            assert isinstance(app.screen, ApproveScreen)
            await pilot.press("escape", "r")
            assert isinstance(app.screen, RejectScreen), "a bad remap keeps the default"
            await pilot.press("escape", "H")  # `h` is the patient screen's key
            help_screen = app.screen
            assert isinstance(help_screen, HelpScreen)
            assert "A       Approve and sign" in _help_lines(help_screen)
    finally:
        service.close()
