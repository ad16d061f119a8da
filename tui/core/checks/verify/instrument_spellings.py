"""Whether two names written for an instrument the tables do not list are one instrument.

A note and the draft made from it name such an instrument their own ways: "Vancouver 5/13"
and "Vancouver Scar Scale 5/13", "DVA: 3 lines" and "Dynamic visual acuity: 3 lines". Two
names are one instrument when their letters agree, when one is the other's first words, or
when one is an abbreviation the other's initials spell. Verification asks this only of names
outside the tables, and only where the values agree, so a loose match costs no support.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z']*|\d+")
# Words an abbreviation skips ("Timed Up and Go" is TUG, "Test of Visual Perception" TVP).
_SKIPPED = frozenset({"of", "and", "the", "for", "to", "in", "on", "a"})
_SHORTEST_ABBREVIATION = 2
_LONGEST_ABBREVIATION = 8
# Words a name may be split into beyond its own ("VORx1" written "VOR x1").
_SPLIT = 2


def same_instrument(one: str, other: str) -> bool:
    """True when the two written names can be one instrument (see the module's rules)."""
    return _same_words(_words(one), _words(other))


def _same_words(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    if not first or not second:
        return False
    if _letters(first) == _letters(second):
        return True
    shorter, longer = sorted((first, second), key=len)
    if longer[: len(shorter)] == shorter and any(len(word) > 3 for word in shorter):
        return True
    return _abbreviates(first, second) or _abbreviates(second, first)


def names_in(text: str, name: str) -> bool:
    """True when `text` holds a run of words that is the instrument `name`."""
    wanted = _words(name)
    if not wanted:
        return False
    words = _words(text)
    # the longest run a name can match: its own words, or, for an abbreviation, one word
    # for each of its letters and the small words between
    spelled = len(wanted[0]) if len(wanted) == 1 else 0
    reach = max(len(wanted) + _SPLIT, 2 * min(spelled, _LONGEST_ABBREVIATION))
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + reach) + 1):
            if same_instrument(" ".join(words[start:end]), name):
                return True
    return False


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _WORD.findall(name))


def _letters(words: tuple[str, ...]) -> str:
    return "".join(words)


def _abbreviates(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "dva" and ("dynamic", "visual", "acuity"): the short name is one word whose letters
    are the initials of the long name's words (the small words skipped or not)."""
    if len(short) != 1 or len(long) < 2:
        return False
    letters = short[0]
    if not _SHORTEST_ABBREVIATION <= len(letters) <= _LONGEST_ABBREVIATION:
        return False
    initials = "".join(word[0] for word in long)
    content = "".join(word[0] for word in long if word not in _SKIPPED)
    return letters in (initials, content)


class WordIndex:
    """A text's words indexed once, to ask of many names whether the text names each anywhere
    without reading the whole text for each (a long draft names many instruments)."""

    def __init__(self, text: str) -> None:
        found = list(_WORD.finditer(text))
        self._words = tuple(match.group().casefold() for match in found)
        self._offsets = tuple(match.start() for match in found)
        self._at: dict[str, list[int]] = {}
        self._initial: dict[str, list[int]] = {}
        for position, word in enumerate(self._words):
            self._at.setdefault(word, []).append(position)
            self._initial.setdefault(word[0], []).append(position)
        self._asked: dict[str, tuple[int, ...]] = {}

    def names(self, name: str) -> bool:
        """True when a run of the text's words is the instrument `name` (as `names_in`)."""
        return bool(self.named_at(name))

    def named_at(self, name: str) -> tuple[int, ...]:
        """Where in the text each run of words that is the instrument `name` starts."""
        if name not in self._asked:
            starts = sorted(set(self._starts(name)))
            self._asked[name] = tuple(
                self._offsets[start] for start in starts if self._matches(start, name)
            )
        return self._asked[name]

    def _starts(self, name: str) -> list[int]:
        """Where a run naming `name` can start: at its first word, at a word its letters begin
        with ("VOR x1"), at its initials written as a word, or (for an abbreviation) at a word
        with its first letter whose next word has its second."""
        wanted = _words(name)
        if not wanted:
            return []
        letters = _letters(wanted)
        starts = list(self._at.get(wanted[0], ()))
        for end in range(2, len(letters)):
            starts += self._at.get(letters[:end], ())
        if len(wanted) > 1:
            starts += self._at.get("".join(word[0] for word in wanted), ())
            starts += self._at.get("".join(w[0] for w in wanted if w not in _SKIPPED), ())
        elif _SHORTEST_ABBREVIATION <= len(letters) <= _LONGEST_ABBREVIATION:
            starts += [at for at in self._initial.get(letters[0], ()) if self._spells(at, letters)]
        return starts

    def _spells(self, at: int, letters: str) -> bool:
        """The word after `at`, or after a small word there, begins with the second letter."""
        for word in self._words[at + 1 : at + 3]:
            if word[0] == letters[1]:
                return True
            if word not in _SKIPPED:
                return False
        return False

    def _matches(self, start: int, name: str) -> bool:
        wanted = _words(name)
        spelled = len(wanted[0]) if len(wanted) == 1 else 0
        reach = max(len(wanted) + _SPLIT, 2 * min(spelled, _LONGEST_ABBREVIATION))
        end = min(len(self._words), start + reach)
        return any(
            _same_words(self._words[start:stop], wanted) for stop in range(start + 1, end + 1)
        )
