"""What context.toml's ``[ui]`` table asks of the review app, checked the way the app applies
it, so `chartdesk skills check` reports the same problems the app would warn about at start:
a key remapped to an action that does not exist or to a key that may never arrive over SSH
(`tui.ui.keymap.remap_problem`), and a theme Textual does not have."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual.theme import BUILTIN_THEMES

from tui.core.context import UISettings
from tui.core.tomlschema import Problem
from tui.ui.keymap import remap_problem


def unknown_theme(name: str) -> str:
    """Why `name` cannot be the app's theme ("" when it can, or when none is set)."""
    if not name or name in BUILTIN_THEMES:
        return ""
    return f"{name!r} is not a known theme ({', '.join(sorted(BUILTIN_THEMES))})"


def ui_problems(ui: UISettings, path: Path, lines: Mapping[str, int]) -> list[Problem]:
    """Every problem of the ``[ui]`` table, located in context.toml."""
    problems = []
    for action_id, keys in ui.keys.items():
        why = remap_problem(action_id, keys)
        if why:
            line = lines.get(f"ui.keys.{action_id}", lines.get("ui.keys", 1))
            problems.append(Problem(str(path), line, f"ui.keys.{action_id}", why))
    theme = unknown_theme(ui.theme)
    if theme:
        problems.append(Problem(str(path), lines.get("ui.theme", 1), "ui.theme", theme))
    return problems
