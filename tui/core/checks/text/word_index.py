"""Where each word of a long note starts, found once, so a word-led pattern (lexicon.Led) is
tried only where one of its leading words can start instead of searching the note again.

The leading words of a pattern are derived from its own regular expression: each alternative
must start with a few fixed letters ("norm" of "norms?", "gain" of "gain(?:ed|s)?"); a word of
the note starting with those letters is where the pattern may match. A pattern with an
alternative that starts otherwise (a digit, "@", an optional group) is searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain

# A word: letters and digits after no letter or digit (a-z: the text searched is lower-cased).
_WORD = re.compile(r"(?<![a-z0-9])[a-z0-9]+")
# Groups an alternative may open with: plain, or with case-sensitivity ("(?-i:HA)"), which the
# lower-cased text searched can only widen.
_OPENERS = ("(?:", "(?-i:")
_FIXED = re.compile(r"[a-z0-9]*")
_QUANTIFIERS = ("?", "*", "{")
# Below this length a search of the text is cheaper than indexing its words; so is a text
# searched for the words of one or two patterns only (indexing costs a few searches).
INDEXED_FROM = 10_000
_SEARCHED_BEFORE_INDEXED = 2


def word_starts(lowered: str, body: str) -> list[int] | None:
    """Every position of `lowered` where a word starts with one of the fixed letters that
    begin each alternative of `body` (a regular expression in lower case), ascending; None when
    some alternative has no fixed first letters, or while the text is not worth indexing."""
    leads = index_leads(body)
    if leads is None:
        return None
    asked = _asked(lowered)
    asked[0] += 1
    if asked[0] <= _SEARCHED_BEFORE_INDEXED:
        return None
    return indexed_starts(lowered, leads)


def indexed_starts(lowered: str, leads: tuple[str, ...]) -> list[int]:
    """Where a word of `lowered` starting with one of `leads` starts, ascending."""
    index = _index(lowered)
    found = [
        starts
        for first in {lead[0] for lead in leads}
        for word, starts in index.get(first, {}).items()
        if word.startswith(leads)
    ]
    return sorted(chain.from_iterable(found))


@lru_cache(maxsize=4)
def _asked(lowered: str) -> list[int]:
    """How many patterns have asked for the words of this text (a counter, kept with it)."""
    return [0]


@lru_cache(maxsize=4)
def _index(lowered: str) -> dict[str, dict[str, list[int]]]:
    """First character -> word -> where it starts (a look-up reads the words of its letters)."""
    words: dict[str, list[int]] = {}
    for word in _WORD.finditer(lowered):
        starts = words.get(word.group())
        if starts is None:
            words[word.group()] = [word.start()]
        else:
            starts.append(word.start())
    index: dict[str, dict[str, list[int]]] = {}
    for text, starts in words.items():
        index.setdefault(text[0], {})[text] = starts
    return index


@lru_cache(maxsize=1024)
def leading_letters(body: str) -> tuple[str, ...] | None:
    """The fixed first letters of each alternative of `body`, or None if one has none."""
    return each_alternative(body, _leading)


@lru_cache(maxsize=1024)
def index_leads(body: str) -> tuple[str, ...] | None:
    """The letters a word must start with for `body` to match there, read further than
    `leading_letters`: through checks that take no characters ("(?<!or )below"), an optional
    group ("(?:modified )?borg": "modified" or "borg") and a class of letters ("[tt]emp"). The
    index only narrows where the pattern is tried, so a lead shorter than it could be costs
    time, never a match."""
    return _index_leads(body)


def _index_leads(body: str) -> tuple[str, ...] | None:
    """`index_leads` of a pattern or of a group inside one (groups are read once each, with
    their pattern, so only whole patterns are remembered)."""
    return each_alternative(body, _index_leading)


def _index_leading(alternative: str) -> tuple[str, ...] | None:
    rest = alternative[_checks_end(alternative) :]
    opener = next((o for o in _OPENERS if rest.startswith(o)), None)
    if opener is None:
        return _class_leads(rest) if rest.startswith("[") else _leading(rest)
    close = group_end(rest, len(opener))
    inner = None if close is None else _index_leads(rest[len(opener) : close])
    if close is None or inner is None:
        return None
    if rest[close + 1 : close + 2] not in _QUANTIFIERS:
        return inner
    # the group may be missing: a match starts with it or with what follows it
    following = _index_leading(rest[_quantifier_end(rest, close + 1) :])
    return None if following is None else inner + following


# Checks that take no characters, which a match may open with.
_LOOKAROUNDS = ("(?<!", "(?<=", "(?!", "(?=")


def _checks_end(source: str) -> int:
    """Where the checks `source` opens with (look-arounds, word boundaries) end."""
    index = 0
    while True:
        if source.startswith("\\b", index):
            index += 2
            continue
        look = next((look for look in _LOOKAROUNDS if source.startswith(look, index)), None)
        close = None if look is None else group_end(source, index + len(look))
        if close is None:
            return index
        index = close + 1


def _quantifier_end(source: str, start: int) -> int:
    """Where the quantifier at `start` ("?", "*", "{0,2}", and a lazy "?" after) ends."""
    end = source.index("}", start) + 1 if source[start] == "{" else start + 1
    return end + 1 if source[end : end + 1] in ("?", "+") else end


_LETTER_CLASS = re.compile(r"\[([a-z0-9]+)\]")


def _class_leads(source: str) -> tuple[str, ...] | None:
    """A class of letters and the fixed letters after it ("[tt]emp": "temp")."""
    found = _LETTER_CLASS.match(source)
    if found is None or source[found.end() : found.end() + 1] in _QUANTIFIERS:
        return None
    fixed = _leading(source[found.end() :])
    after = fixed[0] if fixed is not None and len(fixed) == 1 else ""
    return tuple(sorted({letter + after for letter in found.group(1)}))


def each_alternative(
    body: str, read: Callable[[str], Sequence[str] | None]
) -> tuple[str, ...] | None:
    """What `read` gives for every top-level alternative of `body`, joined; None when it gives
    nothing for one of them (that alternative has no fixed text to search from)."""
    found: list[str] = []
    for alternative in alternatives(body):
        read_one = read(alternative)
        if read_one is None:
            return None
        found += read_one
    return tuple(found)


def _leading(alternative: str) -> tuple[str, ...] | None:
    opener = next((o for o in _OPENERS if alternative.startswith(o)), None)
    if opener is not None:
        close = group_end(alternative, len(opener))
        if close is None or alternative[close + 1 : close + 2] in _QUANTIFIERS:
            return None  # an optional group first: no fixed first letters
        return leading_letters(alternative[len(opener) : close])
    fixed = _FIXED.match(alternative)
    letters = fixed.group() if fixed else ""
    if alternative[len(letters) : len(letters) + 1] in _QUANTIFIERS:
        letters = letters[:-1]  # "steps?": the "s" may be missing
    if not letters:
        return None
    return (letters,)


def alternatives(body: str) -> list[str]:
    """`body` split at its top-level "|" (none inside a group, a class or an escape)."""
    parts: list[str] = []
    depth, start, index = 0, 0, 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = class_end(body, index)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
        index += 1
    parts.append(body[start:])
    return parts


def group_end(source: str, start: int) -> int | None:
    """Where the group whose contents start at `start` closes (escapes and character classes
    skipped); the lexicon reads its patterns with it too."""
    depth, index = 0, start
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = class_end(source, index)
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
        index += 1
    return None


def class_end(source: str, start: int) -> int:
    """The index of the "]" closing the character class opened at `start`."""
    index = start + 1
    if source[index : index + 1] == "^":
        index += 1
    if source[index : index + 1] == "]":
        index += 1
    while index < len(source) and source[index] != "]":
        index += 2 if source[index] == "\\" else 1
    return index
