"""One resolver of instrument names for extraction, verification and the offline drafter.

Notes write an instrument many ways: its abbreviation, a version that is the same instrument
("Modified Oswestry" is the ODI), its written-out name ("dizziness handicap inventory" is the
DHI), in capitals or, in a dictation, in lower case. Every reader asks this module which
instrument a written name is, so "DHI 46" in a draft and "dizziness handicap inventory
forty-six" in the note are one fact. The names are data (instruments.toml); a name that is not
listed is its own instrument, under the name written (the list is never complete).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tui.core.checks.lexicon import alternation, measure_matcher
from tui.core.checks.tables import measure_defs


def resolve(written: str, measures: Sequence[str] = ()) -> str:
    """The instrument a written name is: a listed instrument's name, or the name as written."""
    found = measure_matcher(tuple(measures)).measure(written.strip())
    return found.name if found is not None else written.strip()


def names_instrument(text: str, name: str) -> bool:
    """True when `text` names the instrument `name` in any of its spellings (or, for a name
    that is not listed, as written)."""
    return _spellings(name).search(text) is not None


@cache
def _spellings(name: str) -> re.Pattern[str]:
    """Every way of writing one instrument, as a pattern of whole words."""
    aliases = next((m.aliases for m in measure_defs() if m.name == name), (name,))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternation(aliases)})(?![A-Za-z0-9])", re.IGNORECASE)
