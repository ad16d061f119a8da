"""The weight of pads after a pad test, in grams: "24-h pad weight: 86 g (eval 240 g; mild < 100
g)", "One-hour pad test: 6 g (initial 22 g)"; and the pads the patient uses a day, the count a
continence diary keeps: "Pads 3/day (light) vs 5/day at eval", "1 pad/day (was 3)", "Pads/day
:: 3 (was 6 at eval)". A count of pads is a measurement only per day and outside a goal or a
target ("reduce to 1 pad/day"); an earlier count said right after it is read when its words say
it is earlier.

Grams are read only after the test's name, so a monofilament's "(2 g)" or a sodium limit is
never taken, and the reader runs before the readers of instrument scores so "pad test 6 g" keeps
its unit. An earlier weight opening the bracket right after is read when its words say it is
earlier ("eval", "initial").
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_LABEL = "pad weight"
_GRAMS = r"(?<![\w.])(\d{1,4}(?:\.\d+)?)[ \t]*(?:g|grams?)\b"
_PAD_WEIGHT: Led = led(
    re.compile(rf"\bpad[ \t]+(?:weight|wt|test)s?\b[^\n\d;.]{{0,25}}?{_GRAMS}", re.IGNORECASE),
    "pad",
)
_EARLIER = re.compile(rf"[ \t]*\([ \t]*[A-Za-z][\w -]{{0,20}}?[ \t:]+{_GRAMS}", re.IGNORECASE)


def read_pad_tests(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each pad test's weight in grams and an earlier weight bracketed after it."""
    text = scanner.text
    for match in _PAD_WEIGHT.finditer(text):
        if not scanner.free(*match.span(1)) or scanner.in_goal(match.start(1)):
            continue
        _emit(scanner, facts, match, "")
        earlier = _EARLIER.match(text, match.end())
        if earlier is None or not scanner.free(*earlier.span(1)):
            continue
        found = attribute(scanner, earlier.start(1), earlier.end(1))
        if found.prior:
            _emit(scanner, facts, earlier, found.previous)


def _emit(scanner: Scanner, facts: list[Fact], match: re.Match[str], previous: str) -> None:
    span = (match.start(1), match.end())
    value = to_number(match.group(1))
    scanner.emit(facts, "other", value, span, _LABEL + previous, unit="g")


_COUNT = r"(\d{1,2})(?![\d.])"
_PER_DAY = r"[ \t]*x?[ \t]*(?:/|per|a|each)[ \t]*day\b"
# "1 pad/day", "Pads 3/day", "pad use 1 per day", "Pads/day :: 3": the count and its period.
_PAD_COUNT: Led = led(
    re.compile(
        rf"(?<![\w./]){_COUNT}[ \t]*pads?{_PER_DAY}"
        rf"|\bpads?(?:[ \t]+(?:use|used|count|worn|changes?))?[ \t]*:*[ \t]*{_COUNT}{_PER_DAY}"
        rf"|\bpads?[ \t]*/[ \t]*day[ \t]*:+[ \t]*{_COUNT}",
        re.IGNORECASE,
    ),
    "pad",
    r"\d",
)
# The earlier count right after: "(was 3)", "(was 6 at eval)", "(light) vs 5/day at eval".
_EARLIER_COUNT = re.compile(
    rf"[ \t]*(?:\([^()\n\d]{{0,12}}?{_COUNT}(?:{_PER_DAY})?[^()\n\d]{{0,20}}\)"
    rf"|(?:[ \t]*\([^()\n\d]{{0,15}}\))?,?[ \t]*(?:vs\.?|from)[ \t]+{_COUNT}{_PER_DAY}"
    r"[ \t]+(?:at|on|in)[ \t]+[A-Za-z]+)",
    re.IGNORECASE,
)
_PERIOD = re.compile(_PER_DAY, re.IGNORECASE)
# A count the plan aims at ("reduce to 1 pad/day", "goal 0 pads/day").
_AIMED = re.compile(r"\b(?:to|goal|target|aim\w*|reduce|wean\w*)\b", re.IGNORECASE)


def read_pad_counts(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each count of pads a day outside a goal, and an earlier count said right after it."""
    text = scanner.text
    for match in _PAD_COUNT.finditer(text):
        group = next(index for index in (1, 2, 3) if match.group(index) is not None)
        span = match.span(group)
        # the rules of doses block a count a day ("3/day"); the pads make it the patient's
        if scanner.claimed(*span) or scanner.in_goal(span[0]) or scanner.in_header(span[0]):
            continue
        if _AIMED.search(text, scanner.clause_start(match.start()), match.start()):
            continue
        found = attribute(scanner, *span)
        if found.prior:
            continue  # an earlier count is read with the one it follows
        scanner.emit(facts, "other", int(match.group(group)), span, "pads per day")
        earlier = _EARLIER_COUNT.match(text, match.end())
        if earlier is None:
            continue
        index = 1 if earlier.group(1) is not None else 2
        before = earlier.span(index)
        period = _PERIOD.match(text, before[1])  # "5/day at eval": the words after the period
        said = (before[0], period.end()) if period else before
        if not scanner.claimed(*before) and attribute(scanner, *said).prior:
            value = int(earlier.group(index))
            scanner.emit(facts, "other", value, before, "pads per day (previous)")
