"""The line or sentence around a position, for support that needs a value's own context.

A note writes an instrument's earlier score on the instrument's line where its reader leaves it
unread ("T25FW 9.8 s (mean of 2 trials; 11.2 s on 12/15/27)", "SPADI 68% / 18%"), and a draft
names a form of a test in words around its value ("the Timed Up and Go took 13.9 seconds; with a
cognitive task it took 19.6 seconds"). Both are read here from the value's position only, so no
pass over the whole text is added.
"""

from __future__ import annotations

import re

# A full stop that ends a sentence (not a decimal point).
_STOP = re.compile(r"\.(?!\d)")
# A word written like another instrument's name: two or more capitals and three characters or
# more ("FGA", "5xSTS", "QuickDASH").
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])(?=(?:[0-9a-z-]*[A-Z]){2})[A-Za-z0-9-]{3,}")


def line_at(text: str, position: int) -> tuple[str, int]:
    """The line holding `position`, and where it starts."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : len(text) if end < 0 else end], start


def part_at(text: str, position: int, stops: re.Pattern[str]) -> str:
    """The part of its line holding `position`, the line cut after each of `stops` (a sentence
    cut at full stops, a clause at semicolons too): only the one line is read."""
    line, start = line_at(text, position)
    offset = position - start
    begin = 0
    for stop in stops.finditer(line):
        if stop.end() > offset:
            return line[begin : stop.end()]
        begin = stop.end()
    return line[begin:]


def sentence_at(text: str, position: int) -> str:
    """The sentence holding `position`: its line cut at full stops (decimal points kept)."""
    return part_at(text, position, _STOP)


def acronyms(text: str, excluded: frozenset[str]) -> list[str]:
    """Words in `text` written like an instrument's name, other than `excluded` ones."""
    return [word for word in _ACRONYM.findall(text) if word.upper() not in excluded]
