"""Patterns run only where they can match: at the characters or words each match must hold.

A "not a measurement" pattern such as "10 x 3" or "98.6 °F" is searched over the whole note, so
Python's engine tries it at every position. Most of them cannot match without a rare literal (an
"x", a "°", a "/") that stands either at the match's start or right after a run of a few kinds of
characters (the number and its spaces). `Anchored` finds those literals with one fast search of
the lower-cased note, walks back over the run before each, and tries the pattern only at those
positions: the same matches, in the same leftmost, non-overlapping order as `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from tui.core.checks.text.lowered import lowered

# A long text (a whole note) is blocked by extraction and verification alike: keep its matches.
REMEMBERED_FROM = 10_000


@dataclass(frozen=True)
class Anchored:
    """`pattern`, each of whose matches holds a match of `anchor` (searched in the lower-cased
    text, so written in lower case). With `before` empty a match starts where the anchor starts;
    otherwise it starts on a character of `first` and every character between its start and the
    anchor is one of `before` (lower case). The anchor's own characters are never in `before`."""

    pattern: re.Pattern[str]
    anchor: re.Pattern[str]
    before: frozenset[str] = frozenset()
    first: frozenset[str] = frozenset()

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if len(text) >= REMEMBERED_FROM:
            return iter(_remembered(self, text))
        return self.scan(text)

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        """The matches, searched afresh (`finditer` remembers them for a long text)."""
        return search_at(self.pattern, text, self.starts(lowered(text)))

    def starts(self, low: str) -> list[int]:
        """Every position a match can start at, ascending, each once."""
        hits = self.anchor.finditer(low)
        if not self.before:
            return [hit.start() for hit in hits]
        before, first = self.before, self.first
        found: list[int] = []
        floor = 0  # the run before an earlier anchor was walked already
        for hit in hits:
            anchor = hit.start()
            run = []
            at = anchor - 1
            while at >= floor and low[at] in before:
                if low[at] in first:
                    run.append(at)
                at -= 1
            found += reversed(run)
            floor = anchor
        return found


def search_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match starts at one of `starts`
    (ascending, each once): leftmost first, none overlapping, tried only there."""
    match = pattern.match
    end = 0
    for start in starts:
        if start < end:
            continue
        found = match(text, start)
        if found is not None:
            end = max(found.end(), start + 1)
            yield found


# A digit after no digit, the check written after the digit so the engine skips to digits.
_NUMBER_START = re.compile(r"\d(?<!\d\d)")


@lru_cache(maxsize=4)
def number_starts(text: str) -> list[int]:
    """Where a number starts (a digit, of any script, after no digit), found once a text."""
    return [found.start() for found in _NUMBER_START.finditer(text)]


@lru_cache(maxsize=128)
def _remembered(pattern: Anchored, text: str) -> tuple[re.Match[str], ...]:
    return tuple(pattern.scan(text))


DIGITS = frozenset("0123456789")
# A number and the blanks after it: "10 x", "98.6 °", "3\n/".
NUMBER_RUN = frozenset("0123456789. \t\n\r\f\v")


def anchored(pattern: re.Pattern[str], anchor: str, before: str = "", first: str = "") -> Anchored:
    """`pattern` tried only at its anchor (a regular expression in lower case), or after a run
    of `before` characters that starts on one of `first` (default: the number's digits)."""
    run = frozenset(before)
    return Anchored(pattern, re.compile(anchor), run, frozenset(first) if first else DIGITS & run)


def number_then(pattern: re.Pattern[str], anchor: str) -> Anchored:
    """`pattern`, a number then blanks then `anchor`: "10 x 3", "98.6 °F", "3 /wk"."""
    return anchored(pattern, anchor, "".join(NUMBER_RUN))
