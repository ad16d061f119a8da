"""Characters a pattern can never read: no part of it, a lookaround included, matches them.

A search that stops at a position cannot see what follows it, so a pattern searched up to each
of many positions of a long line ("the last legend before this value") is searched again over
the line's whole start for every value. A character the pattern can never match bounds every
attempt: an attempt that starts before it fails or ends there, whatever follows. Searches up to
two positions with such a character before both find the same matches before it, so those are
found once per line and only the stretch after the last such character is searched again.

The answer is read from the pattern's own parse, so it stays right whatever words its tables
hold; a pattern that could match any character (a dot, a negated class, a back-reference) has
no such character.
"""

from __future__ import annotations

import re
import re._parser as _parser  # the parse of a pattern, as the re module compiles it
from collections.abc import Iterable
from functools import cache
from typing import Any

# The characters that may bound a search: punctuation that sets a note's clauses apart.
CANDIDATES = ";,:()[]{}=<>!?\"'*#&+~^`$%"
_NESTED = frozenset(
    {"SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT", "ASSERT", "ASSERT_NOT"}
)
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


@cache
def never_read(pattern: re.Pattern[str], candidates: str = CANDIDATES) -> frozenset[str]:
    """The candidate characters that no part of `pattern` matches. A parse this module cannot
    walk (the parser is the re module's own, and its shapes may change between versions) gives
    none: every search then runs over the line's whole start, slower but the same."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        return frozenset(char for char in candidates if not _reads(tree, char))
    except (TypeError, ValueError, IndexError, AttributeError, re.error):
        return frozenset()


def _reads(items: Iterable[Any], char: str) -> bool:
    """True when some node of a parsed pattern (a sequence of (op, argument)) may match `char`."""
    for op, argument in items:
        name = str(op)
        if name == "AT":
            continue
        if name == "LITERAL":
            found = _same(chr(argument), char)
        elif name == "IN":
            found = _in_set(argument, char)
        elif name in _NESTED:  # the nested pattern is the argument's last part
            found = _reads(argument[-1], char)
        elif name == "BRANCH":
            found = any(_reads(branch, char) for branch in argument[1])
        elif name == "ATOMIC_GROUP":
            found = _reads(argument, char)
        else:  # any character, a negated literal, a back-reference, or a node not known here
            found = True
        if found:
            return True
    return False


def _in_set(members: Iterable[Any], char: str) -> bool:
    """True when a character class may match `char` (a negated class is taken to)."""
    for op, argument in members:
        name = str(op)
        if name == "NEGATE":
            return True
        if name == "LITERAL" and _same(chr(argument), char):
            return True
        if name == "RANGE" and any(argument[0] <= ord(c) <= argument[1] for c in _cases(char)):
            return True
        if name == "CATEGORY" and re.fullmatch(_CATEGORIES.get(str(argument), r"[\s\S]"), char):
            return True
        if name not in ("LITERAL", "RANGE", "CATEGORY"):
            return True
    return False


def _cases(char: str) -> set[str]:
    return {char, char.lower(), char.upper(), char.casefold()}


def _same(literal: str, char: str) -> bool:
    return bool(_cases(literal) & _cases(char))
