"""The word lists of the readers of structured exports (data/exports.toml), loaded once."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def export_table(section: str) -> Mapping[str, Any]:
    """One table of exports.toml, empty when the file has none: the one reading of the file
    for its word lists and its numbers (template_fields' min_fields)."""
    text = files("tui.core").joinpath("data", "exports.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get(section, {})
    return table if isinstance(table, dict) else {}


@cache
def export_words(section: str, name: str) -> tuple[str, ...]:
    """One list of exports.toml, lower case, longest first (for alternations)."""
    items = export_table(section).get(name, [])
    return tuple(sorted({str(item).lower() for item in items}, key=len, reverse=True))
