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

from tui.core.checks.tables import instrument_words, measure_defs
from tui.core.checks.text.lexicon import alternation, measure_matcher


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


def instrument_key(measure: str) -> str:
    """What every written name of one instrument shares: a listed instrument's own name, else
    the first word of the name as written with its form letters and numbers ("Trails B",
    "PFDI-20"), in lower case. A note writes "Vancouver 5/13" and its draft "Vancouver Scar
    Scale 5/13"; a dictation "rapid pace walk" and the draft "Rapid Pace Walk test": one
    instrument each time. Two different instruments would share a key only by sharing their
    first word, and a value would still have to match."""
    name = resolve(measure)
    if name in _known_names():
        return name
    words = [w for w in re.findall(r"[^\W_]+", name.casefold()) if w not in _generic_words()]
    if not words:
        return name.casefold()
    forms = [word for word in words[1:] if len(word) == 1 or any(ch.isdigit() for ch in word)]
    return "".join([words[0], *forms])


@cache
def _known_names() -> frozenset[str]:
    return frozenset(measure.name for measure in measure_defs())


@cache
def _generic_words() -> frozenset[str]:
    """Nouns that end a written-out test's name ("scale", "test"): measures.toml [instruments]
    test_nouns."""
    return frozenset(word.casefold() for word in instrument_words().get("test_nouns", ()))
