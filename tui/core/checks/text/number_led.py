"""Number-first patterns tried only at the number starts just before their telling word.

Many "not a measurement" patterns open with a number and say what it is with a word after it,
past a unit or an optional word ("3 falls", "90° needed", "15 cm box", "2 more weeks"). Python's
engine tries such a pattern at every digit of the note. Here the telling words' fixed first
letters are found with one literal search of the lower-cased note; the note's number starts
(found once for every reader, `anchored.number_starts`) are walked back from each word while
the characters between stay ones a match may hold there; the pattern is tried only at those:
the same matches, in the same leftmost, non-overlapping order as `finditer`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.core.checks.text.anchored import Anchored, number_starts, search_at
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.word_index import each_alternative, group_end

# What may stand between a number's first digit and the telling word: the number itself, a
# unit ("cm", "deg\w*", "°", "%"), blanks, an optional word, a second number ("2/10").
_BETWEEN = r"\w\s.\-/°%\"'+"
_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_OPTIONAL = ("?", "*")


@dataclass(frozen=True)
class NumberLed(Anchored):
    """`pattern`, each of whose matches starts where a number starts and holds, after it, a
    match of `anchor` (fixed words, digit-free, lower case) with only `_BETWEEN` characters
    from the number's start to the word."""

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        return search_at(self.pattern, text, self._starts(text, lowered(text)))

    def starts(self, low: str) -> list[int]:
        return self._starts(low, low)

    def _starts(self, text: str, low: str) -> list[int]:
        numbers = number_starts(text)
        broken = _BREAK.search
        found: list[int] = []
        floor = 0  # number starts before an earlier word were walked already
        for hit in self.anchor.finditer(low):
            word = hit.start()
            run = []
            index = bisect.bisect_left(numbers, word) - 1
            clear = word  # no break between `clear` and the word
            while index >= 0 and numbers[index] >= floor:
                start = numbers[index]
                if broken(low, start, clear) is not None:
                    break
                run.append(start)
                clear = start
                index -= 1
            found += reversed(run)
            floor = word
        return found


_BREAK = re.compile(rf"[^{_BETWEEN}]")


def number_led(pattern: re.Pattern[str], words: str | None = None) -> re.Pattern[str] | NumberLed:
    """`pattern` (a number first, then `words`, a regular expression of its telling words,
    after characters of `_BETWEEN`) tried only at the number starts before those words; the
    plain pattern when the words have no fixed, digit-free first letters to search for."""
    leads = fixed_starts(words if words is not None else pattern.pattern)
    if not leads or any(_unfit(lead) for lead in leads):
        return pattern
    ordered = sorted(set(leads), key=lambda lead: (-len(lead), lead))
    anchor = re.compile("|".join(re.escape(lead) for lead in ordered))
    return NumberLed(pattern, anchor)


def _unfit(lead: str) -> bool:
    """A lead that is empty, holds a digit or a character no match holds before its word."""
    return not lead or any(ch.isdigit() or _BREAK.match(ch) for ch in lead)


def fixed_starts(body: str) -> tuple[str, ...] | None:
    """The fixed text (lower case) each match of `body` starts with, one or more per
    alternative ("or (?:less|more)" gives "or less" and "or more"; an optional group first
    gives its words and what follows it), or None when an alternative has none."""
    return each_alternative(body, _fixed)


def _fixed(source: str) -> list[str] | None:
    """The fixed starts of one alternative; a start that cannot go on ends where it stops."""
    text, index = _literal(source, 0)
    rest = source[index:]
    if rest.startswith("(?:"):
        close = group_end(rest, 3)
        if close is None:
            return [text] if text else None
        inner = fixed_starts(rest[3:close])
        after = rest[close + 1 : close + 2]
        if after in _OPTIONAL and not text:
            tail = _fixed(rest[close + 2 :])
            if inner is None or tail is None:
                return None
            return [*inner, *tail]
        if inner is None or after in (*_OPTIONAL, "+", "{"):
            return [text] if text else None
        return [text + part for part in inner]
    return [text] if text else None


def _literal(source: str, index: int) -> tuple[str, int]:
    """The plain characters from `index` (an escaped punctuation mark is one), lower-cased,
    and where they stop; a character made optional by a quantifier is left out."""
    chars: list[str] = []
    while index < len(source):
        char = source[index]
        step = 1
        if char == "\\":
            escaped = source[index + 1 : index + 2]
            if not escaped or escaped.isalnum():
                break  # \d, \s, \b: a class or an assertion
            char, step = escaped, 2
        elif char in _SPECIAL:
            break
        after = source[index + step : index + step + 1]
        if after in ("?", "*", "{"):
            break
        chars.append(char.lower())
        index += step
        if after == "+":
            break
    return "".join(chars), index
