"""The offline drafter's data (``data/offline.toml``), parsed once for every module that reads it.

Placement, dictation, interviews, letters and e-mail furniture each take their own section; one
cached parse keeps a process from reading and parsing the same file ten times.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def offline_table() -> Mapping[str, Any]:
    """The whole of offline.toml (read-only by convention: callers never mutate it)."""
    text = files("tui.core").joinpath("data", "offline.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def offline_section(name: str) -> Mapping[str, Any]:
    """One top-level table of offline.toml, empty when the file has none of that name."""
    section = offline_table().get(name, {})
    return section if isinstance(section, Mapping) else {}
