"""Number-first patterns tried only at the numbers followed by the character their word opens.

Many "not a measurement" patterns open with a number, blanks, and then a unit or a word
("\\d(?<![\\d.]\\d)\\d*(?:\\.\\d+)?[ \\t]*(?:cm|mm|in)[ \\t]+apart"). Python's engine tries each
of them at every digit of the note. Everything such a pattern reads before its word is a digit,
a dot or a blank, and its word starts on none of those, so the word starts exactly where the
note's run of digits, dots and blanks from the number's first digit ends. The runs are found
once for every pattern, filed by the character that ends them, and a pattern is tried only at
the numbers whose run ends on a character its word can start with: the same matches, in the
same leftmost, non-overlapping order as `finditer`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from heapq import merge

from tui.core.checks.text.anchored import Anchored, number_starts, search_at
from tui.core.checks.text.lowered import lowered
from tui.core.checks.text.number_led import fixed_starts
from tui.core.checks.text.word_index import alternatives, group_end

# A number's first digit, checked to follow no digit: "\d(?<![\d.]\d)", "\d(?<![\w.]\d)".
_FIRST_DIGIT = re.compile(r"\\d\(\?<!\[(?P<set>(?:[^\]\\]|\\.)*)\]\\d\)")
# What a pattern may read between that digit and its word: digits, a decimal part, blanks.
_RUN_PART = re.compile(
    r"\\d(?:[*+?]|\{\d*(?:,\d*)?\})"
    r"|\(\?:\\\.\\d(?:[*+?]|\{\d*(?:,\d*)?\})?\)\?"
    r"|(?:\[ \\t\]|\\s| )(?:[*+?]|\{\d*(?:,\d*)?\})?"
)
# A run of the characters those parts read, from a number's first digit.
_RUN = re.compile(r"\d[\d.\s]*")
_IN_RUN = re.compile(r"[\d.\s]")
# An optional mark: "%?", "-?", "\\.?".
_OPTIONAL_MARK = re.compile(r"(?P<mark>\\[^\w\s]|[^\\.^$*+?{}\[\]|()\w\s])\?(?![?+])")


@dataclass(frozen=True)
class NumberFollowed(Anchored):
    """`pattern`, each of whose matches starts on a number's first digit and reads only digits,
    dots and blanks before a word that opens on one of `leads` (lower case)."""

    leads: str = ""

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        return search_at(self.pattern, text, self._starts(text))

    def starts(self, low: str) -> list[int]:
        return self._starts(low)

    def _starts(self, text: str) -> list[int]:
        followers = _followers(text)
        lists = [followers[char] for char in self.leads if char in followers]
        return lists[0] if len(lists) == 1 else list(merge(*lists))


def number_followed(pattern: re.Pattern[str]) -> re.Pattern[str] | NumberFollowed:
    """`pattern` tried only at the numbers followed by its word (see the module), or as it was
    when it is not written as a number, blanks and a word with fixed first characters."""
    if pattern.flags & re.VERBOSE or len(alternatives(pattern.pattern)) != 1:
        return pattern
    first = _FIRST_DIGIT.match(pattern.pattern)
    if first is None or not re.search(r"\\[dw]", first.group("set")):
        return pattern
    firsts = _word_firsts(pattern.pattern[first.end() :])
    if firsts is None:
        return pattern
    leads = "".join(sorted(firsts))
    return NumberFollowed(pattern, re.compile(re.escape(leads)), leads=leads)


def _word_firsts(source: str) -> set[str] | None:
    """The characters (lower case) the first character that is no digit, dot or blank of a
    match of `source` can be, after digits, decimals and blanks; an optional group or mark
    first adds its own first characters to those of what follows it, a group first gives
    those of each of its ways. None when some way through `source` has no such fixed
    character."""
    index = 0
    while (part := _RUN_PART.match(source, index)) is not None:
        index = part.end()
    rest = source[index:]
    if rest.startswith("(?:"):
        close = group_end(rest, 3)
        if close is None:
            return None
        ways = alternatives(rest[3:close])
        after, quantifier = rest[close + 1 :], rest[close + 1 : close + 3]
        if quantifier[:1] == "?" and quantifier[1:] not in ("?", "+"):
            return _union([_word_firsts(way) for way in ways] + [_word_firsts(after[1:])])
        if quantifier[:1] in ("?", "*", "+", "{"):
            return None
        return _union([_word_firsts(way + after) for way in ways])
    mark = _OPTIONAL_MARK.match(rest)
    if mark is not None:
        char = mark.group("mark").removeprefix("\\").lower()
        return _union([{char} if _word_first(char) else None, _word_firsts(rest[mark.end() :])])
    leads = fixed_starts(rest)
    if not leads or not all(lead and _word_first(lead[0]) for lead in leads):
        return None
    return {lead[0] for lead in leads}


def _union(found: list[set[str] | None]) -> set[str] | None:
    """All the characters of every way, or None when one way has none."""
    if any(way is None for way in found):
        return None
    return set().union(*(way for way in found if way is not None))


def _word_first(char: str) -> bool:
    """A character a word may open with here: no digit, dot or blank, and no letter of a
    script with cases other than ASCII (the lower-cased text keeps those as written)."""
    return _IN_RUN.match(char) is None and (char.isascii() or char.upper() == char.lower())


@lru_cache(maxsize=4)
def _followers(text: str) -> dict[str, list[int]]:
    """Character that ends a run of digits, dots and blanks (lower case) -> the number starts
    in the runs it ends, ascending; found once a text for every pattern."""
    low = lowered(text)
    numbers = number_starts(text)
    found: dict[str, list[int]] = {}
    for run in _RUN.finditer(text):
        start, end = run.span()
        first = bisect.bisect_left(numbers, start)
        last = bisect.bisect_left(numbers, end, first)
        found.setdefault(low[end : end + 1], []).extend(numbers[first:last])
    return found
