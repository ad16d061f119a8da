"""One regular expression alternative per fragment of a data list, each in its own group."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

NEVER: Final = r"(?!x)x"
"""A pattern that matches nowhere: what an empty list of words stands for."""


def either(fragments: Iterable[str]) -> str:
    """ "(?:a)|(?:b)" for the fragments, or a pattern that never matches when there are none
    (an empty alternation would match everywhere)."""
    return "|".join(f"(?:{fragment})" for fragment in fragments) or NEVER


def whole_words(fragments: Iterable[str]) -> re.Pattern[str]:
    """Any of the fragments as a whole word, in any case: no letter, digit, underscore or hyphen
    joined to either end (so "lag" is not found in "flagged" or "lag-time")."""
    return re.compile(rf"(?<![\w-])(?:{either(fragments)})(?![\w-])", re.IGNORECASE)


def letter_words(fragments: Iterable[str]) -> re.Pattern[str]:
    """Any of the fragments with no ASCII letter joined to either end, in any case: a digit may
    touch it ("3x/wk" holds "x/wk"), where `words_pattern` keeps digits apart too."""
    return re.compile(rf"(?<![A-Za-z])(?:{either(fragments)})(?![A-Za-z])", re.IGNORECASE)


def words_pattern(fragments: Iterable[str]) -> re.Pattern[str]:
    """Any of the fragments with no ASCII letter or digit joined to either end, in any case.

    Looser than `whole_words` on purpose: a hyphen, an underscore or a letter outside ASCII may
    touch it, so a table's word is found in a compound a note writes with a hyphen ("pain-free"
    holds "pain"); the pain, muscle-testing and billing tables read this way count those
    compounds, where `whole_words` keeps "lag" out of "lag-time".
    """
    return re.compile(rf"(?<![A-Za-z0-9])(?:{either(fragments)})(?![A-Za-z0-9])", re.IGNORECASE)
