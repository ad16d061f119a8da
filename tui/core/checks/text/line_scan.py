"""Patterns searched only on the lines that hold a word every match of them needs.

A reader's pattern searched over a whole note ("(?<![\\w-])(?P<test>Phalen...)", "^[^\\n]*?
\\bdynamometry") is tried by Python's engine at every position of every line, though most lines
hold none of the words it is made of. Read from the pattern's own parse: when no part of it (a
lookaround included) can match a line end and every match needs one of a few literal words
("dynamometry", "hhd", "(" ...), a match lies inside one line that holds such a word, on the
match itself or in a lookaround beside it. Those lines are found with plain substring searches
of the lower-cased note, and the pattern is searched only over them (runs of neighbouring lines
at once): the same matches, in the same order, as a search of the whole note.

A search over a stretch `pos`..`endpos` still sees the characters before `pos` (a lookbehind, a
word boundary, a line start) and, since the stretch ends after the line's own line end, the
line end after it; a match can start at `endpos` only if it may be empty, and such a pattern is
searched whole, as is one whose "$" means the text's end, one whose parse this module does not
know (the parser is the re module's own), and a note where the words stand on most lines.
"""

from __future__ import annotations

import re
import re._parser as _parser  # the parse of a pattern, as the re module compiles it
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tui.core.checks.text.lowered import lowered

# More words than this for one part of a pattern: searching for each costs more than it saves.
_MOST_WORDS = 24
# A note where the words stand on more than this share of its lines is searched whole.
_MOST_LINES = 0.25
# A shorter text is searched whole: as fast, and its lower-cased copy is not kept in place of
# a long note's (lowered.py keeps a few).
_LINES_FROM = 2_000
# Parts kept per pattern to choose from for each note (the rarest there is searched for).
_CHOICES = 4
_CATEGORIES_WITH_NEWLINE = frozenset({"CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


class _Unknown(Exception):
    """A part of a parse this module does not read: the pattern is searched whole."""


@dataclass(frozen=True)
class _Plan:
    """The sets of lower-case words of which every match needs one (each set one part of the
    pattern: one of its words stands on the match's line)."""

    choices: tuple[tuple[str, ...], ...]


def line_scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, searched only over the lines that can hold a match."""
    plan = None if len(text) < _LINES_FROM else _plan(pattern)
    if plan is None:
        return pattern.finditer(text)
    stretches = _stretches(plan, text)
    if stretches is None:
        return pattern.finditer(text)
    return _searched(pattern, text, stretches)


def _searched(
    pattern: re.Pattern[str], text: str, stretches: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    finditer = pattern.finditer
    for start, end in stretches:
        yield from finditer(text, start, end)


def _stretches(plan: _Plan, text: str) -> list[tuple[int, int]] | None:
    """The runs of lines holding one of the rarest set's words, each with its line end; None
    when the words stand on too many lines for the search to pay."""
    low = lowered(text)
    words = _rarest(plan, low, _MOST_LINES * (low.count("\n") + 1))
    if words is None:
        return None
    lines = sorted({line for word in words for line in _lines_holding(low, word)})
    merged: list[tuple[int, int]] = []
    for start, end in lines:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _rarest(plan: _Plan, low: str, most: float) -> tuple[str, ...] | None:
    """The set whose words stand fewest times in `low`, if no more than `most` times; each set
    is counted only until it passes the best so far."""
    best: tuple[str, ...] | None = None
    for words in plan.choices:
        count = 0
        for word in words:
            count += low.count(word)
            if count > most:
                break
        else:
            best, most = words, count
    return best


def _lines_holding(low: str, word: str) -> Iterator[tuple[int, int]]:
    """Each line of `low` holding `word`: its start and the position after its line end."""
    size = len(low)
    at = low.find(word)
    while at >= 0:
        start = low.rfind("\n", 0, at) + 1
        end = low.find("\n", at + len(word))
        end = size if end < 0 else end + 1
        yield start, end
        at = low.find(word, end) if end < size else -1


@lru_cache(maxsize=1024)
def _plan(pattern: re.Pattern[str]) -> _Plan | None:
    """The pattern's sets of needed words, or None when it must be searched whole."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if tree.state.flags & re.DOTALL or tree.getwidth()[0] == 0:
            return None
        multiline = bool(tree.state.flags & re.MULTILINE)
        _check_lines(tree, multiline)
        choices = _needed(tree)
    except (_Unknown, TypeError, ValueError, IndexError, AttributeError, re.error):
        return None
    usable = sorted(
        (words for words in choices if len(words) <= _MOST_WORDS),
        key=_rarity,
        reverse=True,
    )
    return _Plan(tuple(dict.fromkeys(usable))[:_CHOICES]) if usable else None


def _check_lines(items: Iterable[Any], multiline: bool) -> None:
    """Raise _Unknown unless no node of the parse can match a line end (or "$" is the text's
    end), lookarounds included."""
    for op, argument in items:
        name = str(op)
        if name == "LITERAL":
            _fail_if(argument == ord("\n"))
        elif name == "NOT_LITERAL":
            _fail_if(argument != ord("\n"))
        elif name == "IN":
            _fail_if(_class_has_newline(argument))
        elif name == "AT":
            _fail_if(str(argument) == "AT_END" and not multiline)
        elif name == "SUBPATTERN":
            _fail_if(bool(argument[1] & (re.DOTALL | re.MULTILINE)))
            _fail_if(bool(argument[2] & re.MULTILINE))
            _check_lines(argument[-1], multiline)
        elif name in _REPEATS or name in ("ASSERT", "ASSERT_NOT"):
            _check_lines(argument[-1], multiline)
        elif name == "BRANCH":
            for branch in argument[1]:
                _check_lines(branch, multiline)
        elif name == "ATOMIC_GROUP":
            _check_lines(argument, multiline)
        elif name != "ANY":  # "." takes no line end (a pattern reading it so was refused)
            raise _Unknown(name)


def _fail_if(condition: bool) -> None:
    if condition:
        raise _Unknown


def _class_has_newline(members: Iterable[Any]) -> bool:
    """Whether a character class may match a line end."""
    found = False
    negated = False
    for op, argument in members:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            found = found or argument == ord("\n")
        elif name == "RANGE":
            found = found or argument[0] <= ord("\n") <= argument[1]
        elif name == "CATEGORY":
            found = found or str(argument) in _CATEGORIES_WITH_NEWLINE
        else:
            raise _Unknown(name)
    return found != negated


def _needed(items: list[Any]) -> list[tuple[str, ...]]:
    """The sets of words a match of the sequence `items` needs one of (each set from one
    part): runs of literal ASCII characters, alternatives whose every branch needs a word,
    repeats taken at least once, groups and positive lookarounds (newline-free, so their words
    stand on the match's line)."""
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, argument in items:
        name = str(op)
        if name == "LITERAL" and argument < 128:
            run.append(chr(argument).lower())
            continue
        if run:
            found.append(("".join(run),))
            run = []
        found += _part_needs(name, argument)
    if run:
        found.append(("".join(run),))
    return found


def _part_needs(name: str, argument: Any) -> list[tuple[str, ...]]:
    """The word sets one node of a sequence needs (none when it needs no word)."""
    if name in ("SUBPATTERN", "ASSERT"):
        return _needed(argument[-1])
    if name in _REPEATS and argument[0] >= 1:
        return _needed(argument[-1])
    if name == "ATOMIC_GROUP":
        return _needed(argument)
    if name == "BRANCH":
        return _either(argument[1])
    if name == "IN":
        letters = [chr(arg) for op, arg in argument if str(op) == "LITERAL"]
        if len(letters) == len(argument) and all(letter.isascii() for letter in letters):
            return [tuple(sorted({letter.lower() for letter in letters}))]
    return []


def _either(branches: list[Any]) -> list[tuple[str, ...]]:
    """One set for an alternation: the best set of each branch, joined; none when a branch
    needs no word."""
    words: set[str] = set()
    for branch in branches:
        choices = _needed(branch)
        if not choices:
            return []
        best: tuple[str, ...] = max(choices, key=_rarity)
        words.update(best)
    return [tuple(sorted(words))]


def _rarity(words: tuple[str, ...]) -> tuple[int, int]:
    """How rare a set's words are likely to be: longer shortest word, then fewer words."""
    return min(len(word) for word in words), -len(words)
