"""Patterns that open with checks before their first character, tried only where it stands.

A pattern such as "(?:^|(?<=[(:=]))/\\s?\\d+" (from the data's tables) or
"(?<![\\d/.])(?:0?[1-9]|1[0-2])/(?:19|20)\\d\\d" opens with zero-width checks, so Python's engine
cannot skip ahead and tries it at every position of the note. Read from the expression itself:
when every match must start on a literal or a class of symbols, the pattern is tried only where
one stands (`anchored.Anchored`, anchor at the start), or in the run of blanks right before
one when the symbol may follow blanks ("(?<=\\bprior)[ \\t]*\\(": `BlanksFirst`); when it must
start on a digit that no digit precedes, only at the note's number starts, found once for every
reader. Anything else is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.core.checks.text.anchored import Anchored, anchored, number_starts, search_at
from tui.core.checks.text.lexicon import Led
from tui.core.checks.text.word_index import alternatives, class_end, group_end

_LOOKAROUNDS = ("(?<!", "(?<=", "(?!", "(?=")
_OPTIONAL = ("?", "*", "{")
_SPECIAL = frozenset("\\.^$*+?{}[]|()")
# A check that no digit of any script stands before: "(?<![\d./])", "(?<![\w.])".
_NO_DIGIT_BEFORE = re.compile(r"\(\?<!\[(?:[^\]\\]|\\.)*\\[dw](?:[^\]\\]|\\.)*\]\)")


@dataclass(frozen=True)
class AtNumbers(Anchored):
    """`pattern`, each of whose matches starts on a digit no digit precedes: tried only at the
    text's number starts."""

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        return search_at(self.pattern, text, number_starts(text))

    def starts(self, low: str) -> list[int]:
        return number_starts(low)


@dataclass(frozen=True)
class BlanksFirst(Anchored):
    """`pattern`, each of whose matches starts on its anchor or on a character of `before` (the
    blanks a match may open with) in the run of them right before the anchor: tried only
    there."""

    def starts(self, low: str) -> list[int]:
        before = self.before
        found: list[int] = []
        floor = 0  # the run before an earlier anchor was walked already
        for hit in self.anchor.finditer(low):
            anchor = hit.start()
            at = anchor
            while at > floor and low[at - 1] in before:
                at -= 1
            found += range(at, anchor + 1)
            floor = anchor + 1
        return found


# Blanks a match may open with before its first symbol ("\s*" is left out: it also takes
# Unicode spaces, which a run walked over ASCII blanks would miss).
_BLANK_RUNS = {"[ \\t]*": " \t", "[\\t ]*": " \t", " *": " "}


def first_char(pattern: re.Pattern[str] | Led | Anchored) -> re.Pattern[str] | Led | Anchored:
    """`pattern` tried only where its first character can stand (see the module), or as it
    was."""
    if not isinstance(pattern, re.Pattern):
        return pattern
    anchors: list[str] = []
    blanks = ""
    numbers = True
    for alternative in alternatives(pattern.pattern):
        checks, rest = _checks(alternative)
        if rest is None:
            return pattern
        numbers = numbers and _digit_led(rest) and _NO_DIGIT_BEFORE.search(checks) is not None
        run = next((run for run in _BLANK_RUNS if rest.startswith(run)), "")
        anchor = _symbol(rest[len(run) :], pattern.flags)
        if anchor is not None and checks:  # a literal first is found fast as written
            anchors.append(anchor)
            blanks += _BLANK_RUNS.get(run, "")
    if numbers:
        return AtNumbers(pattern, re.compile(r"\d"))
    if len(anchors) == len(alternatives(pattern.pattern)):
        if blanks:
            return BlanksFirst(pattern, re.compile("|".join(anchors)), frozenset(blanks))
        return anchored(pattern, "|".join(anchors))
    return pattern


def _checks(source: str) -> tuple[str, str | None]:
    """The zero-width checks `source` opens with and what follows them (None when a group
    holds more than checks)."""
    index = 0
    while index < len(source):
        if source.startswith(_LOOKAROUNDS, index):
            width = 4 if source.startswith("(?<", index) else 3
            close = group_end(source, index + width)
            if close is None:
                return source[:index], None
            index = close + 1
        elif source.startswith("(?:", index):
            close = group_end(source, index + 3)
            if close is None or source[close + 1 : close + 2] in (*_OPTIONAL, "+"):
                break
            inner = source[index + 3 : close]
            if not all(_zero_width(part) for part in alternatives(inner)):
                break
            index = close + 1
        elif source.startswith("^", index):
            index += 1
        else:
            break
    return source[:index], source[index:]


def _zero_width(source: str) -> bool:
    """An alternative that is checks only: "^", or one look-around or several in a row."""
    if source == "^":
        return True
    index = 0
    while index < len(source):
        if not source.startswith(_LOOKAROUNDS, index):
            return False
        close = group_end(source, index + (4 if source.startswith("(?<", index) else 3))
        if close is None:
            return False
        index = close + 1
    return bool(source)


def _symbol(source: str, flags: int) -> str | None:
    """The first character as an anchor in the lower-cased text: a literal that is no letter or
    digit, or a class of such literals; None for anything else, or when it is optional."""
    if source.startswith("["):
        end = class_end(source, 0)
        body = source[1:end]
        chars = re.sub(r"\\(.)", r"\1", body)
        if body.startswith("^") or re.search(r"\\[A-Za-z0-9]", body) or "-" in chars:
            return None
        after = source[end + 1 : end + 2]
        text = chars
    elif source.startswith("\\") and len(source) > 1 and not source[1].isalnum():
        text, after = source[1], source[2:3]
    elif source and source[0] not in _SPECIAL:
        text, after = source[0], source[1:2]
    else:
        return None
    if not text or after in _OPTIONAL or any(ch.isalnum() or ch == "_" for ch in text):
        return None
    if flags & re.IGNORECASE and not text.isascii():
        return None  # a non-ASCII symbol may have another case the lower-cased text keeps
    return "[" + "".join(re.escape(ch) for ch in text) + "]"


def _digit_led(source: str) -> bool:
    """Every match of `source` starts on a digit: "\\d", "[0-9]", "1" or a group of such."""
    if source.startswith("0?"):
        return _digit_led(source[2:])
    if source.startswith("(?:"):
        close = group_end(source, 3)
        if close is None or source[close + 1 : close + 2] in _OPTIONAL:
            return False
        return all(_digit_led(part) for part in alternatives(source[3:close]))
    if source.startswith("\\d"):
        return source[2:3] not in _OPTIONAL
    if source.startswith("["):
        end = class_end(source, 0)
        body = source[1:end]
        return bool(re.fullmatch(r"(?:\d-\d|\d)+", body)) and source[end + 1 : end + 2] not in (
            _OPTIONAL
        )
    return source[:1].isdigit() and source[1:2] not in _OPTIONAL
