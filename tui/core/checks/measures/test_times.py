"""Times of the trials and conditions inside a test: "mCTSIB: cond 1 30 s, cond 4 11 s",
"T25FW 7.8 s trial 1, 8.4 s trial 2", "14.6 s on the 1st trial", "Romberg EO 30 s, EC 7 s".

A time in seconds is a dose as often as a result, so it is read here only when the text numbers
it as a trial or a condition, or names it by the eyes and surface of a balance test the line
names: a therapist numbers the trials of what was measured, never the holds of a program. Each
is `other` in seconds (CONVENTIONS.md: a condition's or a trial's time inside a test is not the
test's score). Read before the outcome readers, so a condition's time is never taken as the
test's score. A dose after the time or a home program on its line leaves it. Words are data
(measures.toml [test_times]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.hold_times import dosed
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM, Led, led
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

_TIME = rf"(?P<value>{NUM})[ \t]*(?:s|secs?|seconds?)\b"
_TIMES = re.compile(rf"(?<![\w./]){_TIME}")
# A side written after a turn's time, past its count of steps ("4.2 s / 7 steps R").
_SIDE_AFTER = re.compile(
    r"[ \t]*(?:/[ \t]*\d+[ \t]*steps?)?[ \t]*\b(R|L|right|left)\b(?![ \t]*\d)", re.IGNORECASE
)
_UNIT_AFTER = re.compile(r"[ \t]*(?:s|secs?|seconds?)\b", re.IGNORECASE)
# A bracket of what the condition is between its name and its time ("cond 4 (foam, EC): 18 s").
_ASIDE = r"(?:\([^()\n\d]{0,25}\)[ \t]*)?"
_SEPARATOR = r"[ \t]*(?:[:=]|-+)?[ \t]*"


@dataclass(frozen=True)
class _Words:
    numbered: Led
    numbered_after: re.Pattern[str]
    conditions: Led
    balance_tests: re.Pattern[str]
    turns: re.Pattern[str]
    bound_before: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("test_times")
    indexed, ordinals = either(data.get("indexed", ())), either(data.get("ordinals", ()))
    index = rf"(?:(?:{indexed})[ \t]*#?[ \t]*\d{{1,2}}(?![\d.])|(?:{ordinals})[ \t]+(?:{indexed}))"
    eyes, surfaces = either(data.get("eyes", ())), either(data.get("surfaces", ()))
    surface = rf"(?:on[ \t]+)?(?:{surfaces})"
    condition = (
        rf"(?:{eyes})(?:[ \t]*[,/]?[ \t]*{surface})?"
        rf"|{surface}[ \t]*[,/]?[ \t]*(?:{eyes})"
    )
    flags = re.IGNORECASE
    return _Words(
        numbered=led(
            re.compile(rf"\b{index}[ \t]*{_ASIDE}{_SEPARATOR}{_TIME}", flags),
            *data.get("indexed", ()),
            *data.get("ordinals", ()),
        ),
        numbered_after=re.compile(
            rf"(?<![\w./]){_TIME}[ \t]*[,(]?[ \t]*(?:(?:on|in)[ \t]+)?(?:the[ \t]+)?{index}",
            flags,
        ),
        conditions=led(
            re.compile(rf"\b(?:{condition})\b[ \t]*{_ASIDE}{_SEPARATOR}{_TIME}", flags),
            *data.get("eyes", ()),
            "on",
            *data.get("surfaces", ()),
        ),
        balance_tests=re.compile(rf"\b(?:{either(data.get('balance_tests', ()))})\b", flags),
        turns=re.compile(rf"(?<![\w.])(?:{either(data.get('turns', ()))})\b", flags),
        bound_before=re.compile(rf"(?:{either(data.get('bounds', ()))})[ \t]*\Z", flags),
    )


def read_test_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each trial's or condition's time in seconds (see the module)."""
    words = _words()
    text = scanner.text
    for match in words.numbered.finditer(text):
        _emit(scanner, facts, match)
    for match in line_scan(words.numbered_after, text):
        _emit(scanner, facts, match)
    for match in words.conditions.finditer(text):
        line_start, _ = scanner.line(match.start())
        if words.balance_tests.search(text, line_start, match.start("value")):
            _emit(scanner, facts, match)
    turns = list(line_scan(words.turns, text))
    for index, turn in enumerate(turns):
        _, sentence_end = scanner.sentence(turn.start())
        if index + 1 < len(turns):  # the next turn's times are its own: each read once
            sentence_end = min(sentence_end, turns[index + 1].start())
        for match in _TIMES.finditer(text, turn.end(), sentence_end):
            if not words.bound_before.search(text, max(0, match.start() - 12), match.start()):
                _emit(scanner, facts, match, turn.group())


def _emit(scanner: Scanner, facts: list[Fact], match: re.Match[str], named: str = "") -> None:
    """The time, labelled by its line's words before it (or by the turn `named`), unless it is
    taken, a target or a dose."""
    start, end = match.span("value")
    if not scanner.free(start, end) or scanner.in_goal(start) or scanner.in_header(start):
        return
    unit_end = _UNIT_AFTER.match(scanner.text, end)
    stop = unit_end.end() if unit_end else end
    if dosed(scanner, start, stop):
        return
    found = attribute(scanner, start, stop)
    if named:  # "360° turn": the turn names the time, and a side after the time is its own
        side_after = _SIDE_AFTER.match(scanner.text, stop)
        side = labels.side_name(side_after.group(1)) if side_after else found.side
        label = f"{side} {' '.join(named.split())}".strip()
    else:
        which = _which(match)
        label = labels.join(found.side, _test_name(scanner, match.start(), match.end()), which)
    label += found.previous
    written = match.group("value")
    value: int | float = float(written) if "." in written else int(written)
    scanner.emit(facts, "other", value, (start, stop), label, unit="s")


# A number standing alone (not the "25" of "T25FW" or the "5" of "5xSTS").
_FIRST_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?!\w)")
# A SOAP section's letter opening the line ("O: Romberg EO 30 s"): no part of the test's name.
_SECTION_LETTER = re.compile(r"[ \t]*[SOAP][ \t]*:[ \t]*")
_NAME_WORD = re.compile(r"[A-Za-z][\w+.-]*[\w+]|[A-Za-z]")
_PUNCTUATION = re.compile(r"[\s:=()\-/,]+")
# How far into its line a test's name is looked for: it opens the line, and a long line is not
# read again from its start for each of its values.
_NAME_REACH = 240
_UNIT_WORDS = frozenset({"s", "sec", "secs", "second", "seconds", "on", "in", "the"})


def _test_name(scanner: Scanner, start: int, end: int) -> str:
    """The words that open the time's line before its first number and its first trial or
    condition: the test's name ("mCTSIB", "SLS R", "T25FW", "Timed stair ascent")."""
    line_start, _ = scanner.line(start)
    opening = _SECTION_LETTER.match(scanner.text, line_start)
    line_start = opening.end() if opening else line_start
    reach = min(end, line_start + _NAME_REACH)
    first = _FIRST_NUMBER.search(scanner.text, line_start, min(start, reach))
    stop = first.start() if first else min(start, reach)
    for pattern in (_words().numbered, _words().conditions):
        marked = pattern.pattern.search(scanner.text, line_start, reach)
        stop = min(stop, marked.start()) if marked else stop
    named = " ".join(_NAME_WORD.findall(scanner.text, line_start, stop)[-4:])
    return labels.without_sides(named)


def _which(match: re.Match[str]) -> str:
    """The trial or condition the time is of ("condition 4", "eyes closed foam", "2nd trial"),
    as the match wrote it on either side of the time."""
    before = match.string[match.start() : match.start("value")]
    after = match.string[match.end("value") : match.end()]
    words = _PUNCTUATION.sub(" ", f"{before} {after}").split()
    return " ".join(word for word in words if word.lower() not in _UNIT_WORDS)
