"""A data section's word lists, for the readers that build their patterns from them.

One loader in place of the helper each reader kept (`listed`, `words`), each with its own
reading of the table: a list is read the same way everywhere, as strings, and as no words
(a pattern that never matches) where the table leaves it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from tui.core.checks.tables import measures_section, str_list
from tui.core.checks.text.alternation import either


class SectionWords:
    """The word lists of one table section, by key."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    def words(self, key: str) -> tuple[str, ...]:
        """The list under `key` as strings, empty when the section has none."""
        return str_list(self._data.get(key))

    def names(self, key: str) -> dict[str, str]:
        """The table under `key` as strings to strings (a spelling to the name it stands for),
        empty when the section has none: a reader of lists and a table reads both here."""
        value = self._data.get(key)
        if not isinstance(value, Mapping):
            return {}
        return {str(name): str(meant) for name, meant in value.items()}

    def either(self, key: str) -> str:
        """The list under `key` as one alternation of its fragments (`alternation.either`)."""
        return either(self.words(key))


@cache
def measure_words(section: str) -> SectionWords:
    """The word lists of measures.toml [section], read once for every reader of them."""
    return SectionWords(measures_section(section))
