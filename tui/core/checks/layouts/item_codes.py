"""Codes an instrument scored item by item writes in place of an item's level when the
activity was not scored: Section GG's 07 (refused), 09 (not applicable), 10 (not attempted:
environment) and 88 (not attempted: medical condition or safety).

Such a code is no score, but it is an item of the list: a reader of an item list skips it
and goes on to the next item, where a number out of the scale's range would end the list.
The codes are data (data/item_scores.toml [not_attempted]), one list per instrument, as are
the words of a heading whose arrow leads to a goal (its items' second levels are targets).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def _table() -> dict[str, object]:
    text = (files("tui.core") / "data" / "item_scores.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _codes() -> dict[str, frozenset[str]]:
    table = _table().get("not_attempted", {})
    assert isinstance(table, dict)
    return {str(name): frozenset(str(code) for code in codes) for name, codes in table.items()}


def not_attempted(measure: str) -> frozenset[str]:
    """The codes, as written, that `measure` puts where an item was not scored."""
    return _codes().get(measure, frozenset())


@cache
def arrow_goal_words() -> tuple[str, ...]:
    """Words of a heading whose arrow leads to a goal ("(now -> d/c goal)"), lower case."""
    found = _table().get("arrow_goal_words", [])
    return tuple(str(word).casefold() for word in found) if isinstance(found, list) else ()


@cache
def earlier_column_words() -> tuple[str, ...]:
    """Fragments naming a column of an earlier visit in a heading ("(admission / today)")."""
    found = _table().get("earlier_column_words", [])
    return tuple(str(word) for word in found) if isinstance(found, list) else ()


@cache
def not_part_words() -> frozenset[str]:
    """Words naming another kind of fact, which end a run of an instrument's parts (lower
    case)."""
    table = _table().get("part_runs", {})
    found = table.get("not_part_words", []) if isinstance(table, dict) else []
    return (
        frozenset(str(word).casefold() for word in found)
        if isinstance(found, list)
        else frozenset()
    )
