"""The word lists of the readers of structured exports (data/exports.toml), loaded once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def export_words(section: str, name: str) -> tuple[str, ...]:
    """One list of exports.toml, lower case, longest first (for alternations)."""
    text = files("tui.core").joinpath("data", "exports.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get(section, {})
    items = table.get(name, []) if isinstance(table, dict) else []
    return tuple(sorted({str(item).lower() for item in items}, key=len, reverse=True))
