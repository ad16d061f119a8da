"""The words the score-shape readers turn on (data/score_shapes.toml), loaded once.

Kept as data so a clinic's wording can be added without touching the readers: the words that
mark a version, the last words of a name an acronym glosses, and the words that make a
bracket's score an earlier one or a target.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.tables import instrument_words


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    text = (files("tui.core") / "data" / "score_shapes.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def words(section: str, key: str) -> frozenset[str]:
    """One word list of score_shapes.toml, folded to lower case."""
    return frozenset(word.casefold() for word in _data().get(section, {}).get(key, ()))


@cache
def gloss_nouns() -> frozenset[str]:
    """Last words of a written-out instrument's name (the glosses' and measures.toml's)."""
    nouns = instrument_words().get("test_nouns", ())
    return words("glosses", "nouns") | frozenset(noun.casefold() for noun in nouns)
