"""The word lists verification reads from data/verify.toml, loaded once: which words say a
score was given, a value changed, a sentence is about strength, or a name is an instrument's."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from tui.core.checks.text import alternation


@cache
def verify_data() -> dict[str, Any]:
    """data/verify.toml as a table."""
    return tomllib.loads((files("tui.core") / "data" / "verify.toml").read_text(encoding="utf-8"))


def listed(table: str, key: str) -> tuple[str, ...]:
    """A list of verify.toml (regular-expression fragments, or words to escape where the
    table says so)."""
    return tuple(str(word) for word in verify_data().get(table, {}).get(key, ()))


def either(fragments: Iterable[str]) -> str:
    """The shared alternation (text/alternation.py) of regex fragments, longest first, so a
    longer word is tried before a word it starts with."""
    return alternation.either(sorted(fragments, key=len, reverse=True))
