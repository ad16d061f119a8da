"""Results of tests named in Title Case that the instrument table does not list.

A therapist writes a test the way its authors named it ("Rapid Pace Walk 7.2 s", "Trails B
142 s", "Functional Reach 9 in"): two or more capitalised words, or a capitalised word and a
form letter, straight before a number with a unit of time, of errors or points, or of distance.
The notation says it is a test, not a list of names: the result is read under the name as
written, with its unit, so a draft that changes or invents one is checked like any other.

The reader is led by the units (found once in the whole note, see lexicon.Led), then looks back
from the number for the name; a number nothing else read, with a name of this shape right before
it and a unit right after, is the only thing taken. Dates, codes, doses, vertebral levels and
headings have no such unit, or are blocked before this pass.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.scores import milliseconds_at
from tui.core.checks.tables import (
    instrument_words,
    item_stop_words,
    measure_defs,
    not_instruments,
)
from tui.core.checks.text.lexicon import NUM, Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# A capitalised word ("Rapid", "Box-and-Block", "Jebsen's") or a form letter or number ("A",
# "B", "2") after one.
_WORD = r"[A-Z][a-z][\w'-]*"
_NEXT_WORD = rf"[ \t]+(?:(?:of|and|the|for|&)[ \t]+)?(?:{_WORD}|[A-Z](?![\w'-])|\d(?![\w.'-]))"
_NAME_BEFORE = re.compile(
    rf"(?<![\w'/-])({_WORD}(?:{_NEXT_WORD}){{1,4}})"
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[:=-][ \t]*)?\Z"
)
_NUMBER_BEFORE = re.compile(rf"(?<![\w./-])({NUM})[ \t]*\Z")
_LOOK_BACK = 80
_BRACKET_AFTER = re.compile(r"[ \t]*\([^()\n]{1,60}\)")


def read_titled(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A free number with a test's unit after it and a Title Case name before it."""
    text = scanner.text
    found = []
    for unit in _units().finditer(text):
        number = _NUMBER_BEFORE.search(text, max(0, unit.start() - 12), unit.start())
        if number is None:
            continue
        if not scanner.free(*number.span(1)) and not milliseconds_at(scanner, number.start(1)):
            continue
        if scanner.in_header(number.start(1)):
            continue
        floor = max(scanner.sentence(number.start(1))[0], number.start(1) - _LOOK_BACK)
        name = _NAME_BEFORE.search(text, floor, number.start(1))
        if name is None or scanner.is_blocked(*name.span(1)):
            continue
        written = _trimmed(name.group(1))
        line_start = scanner.line(name.start(1))[0]
        if not written or _program().search(
            text, max(line_start, floor - _LOOK_BACK), name.start(1)
        ):
            continue
        start = name.end(1) - len(written)
        found.append((*_measure_and_part(scanner, written, start), start, number, unit))
    for index, (measure, part, start, number, unit) in enumerate(found):
        _, limit = scanner.sentence(start)
        if index + 1 < len(found):
            limit = min(limit, found[index + 1][2])
        _emit(scanner, facts, (measure, part), number, unit, limit)


# The instrument a part belongs to: a name before a colon earlier in the sentence ("Trails:
# Part A 38 s, Part B 96 s").
_HEADING = re.compile(r"([A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]*){0,3})[ \t]*:")


def _measure_and_part(scanner: Scanner, written: str, start: int) -> tuple[str, str]:
    """A part of a test ("Part A", "Trial 2") is the part of the test named before a colon
    earlier in the sentence; any other name is its own test."""
    words = written.split()
    parts = {word.lower() for word in instrument_words().get("titled_parts", ())}
    if len(words) != 2 or words[0].lower() not in parts:
        return written, ""
    sentence_start, _ = scanner.sentence(start)
    headings = list(_HEADING.finditer(scanner.text, max(sentence_start, start - _LOOK_BACK), start))
    if not headings or scanner.is_blocked(*headings[-1].span(1)):
        return written, ""
    return headings[-1].group(1), written


def _emit(
    scanner: Scanner,
    facts: list[Fact],
    named: tuple[str, str],
    number: re.Match[str],
    unit: re.Match[str],
    limit: int,
) -> None:
    """The test's result, then what a bracket straight after it says of the same test ("(2
    errors)", "(was 9.8 s)")."""
    if scanner.claimed(*number.span(1)):
        return
    written, part = named
    said = _unit_name(unit.group())
    label = labels.join(written, part, "errors" if said == "errors" else "")
    scanner.emit(
        facts,
        "outcome",
        to_number(number.group(1)),
        (number.start(1), unit.end()),
        label,
        unit=said,
        measure=written,
    )
    bracket = _BRACKET_AFTER.match(scanner.text, unit.end())
    if bracket is None or bracket.end() > limit:
        return
    for other in _bracketed().finditer(scanner.text, bracket.start(), bracket.end()):
        if not scanner.free(*other.span(1)):
            continue
        found = attribute(scanner, other.start(1), other.end(), floor=unit.end())
        said = _unit_name(other.group(2))
        label = labels.join(written, part, "errors" if said == "errors" else "") + found.previous
        scanner.emit(
            facts,
            "outcome",
            to_number(other.group(1)),
            (other.start(1), other.end()),
            label,
            unit=said,
            measure=written,
        )


def _trimmed(name: str) -> str:
    """The name without sentence words before it; "" when it is no test's name: a listed
    instrument's (read by its own rules), anatomy, a unit, or an abbreviation that is not an
    instrument."""
    stop = {word.lower() for word in instrument_words().get("test_name_stop", ())}
    words = name.split()
    while words and words[0].lower() in stop:
        words = words[1:]
    if len(words) < 2 or not words[0][:1].isupper():
        return ""
    item_stop = item_stop_words() - _quantity_words()
    named = [word for word in words if not word[:1].islower()]  # not "of", "and"
    if any(word.lower() in item_stop or word.upper() in not_instruments() for word in named):
        return ""
    joined = " ".join(words)
    if labels.mentions(joined.replace("-", " ")):
        return ""
    if any(joined.lower() in (alias.lower() for alias in m.aliases) for m in measure_defs()):
        return ""
    return joined


_UNIT_NAMES = {"sec": "s", "secs": "s", "second": "s", "seconds": "s", "msec": "ms",
               "millisecond": "ms", "milliseconds": "ms", "error": "errors", "point": "points",
               "pts": "points", "inch": "in", "inches": "in", "feet": "ft"}  # fmt: skip


@cache
def _quantity_words() -> frozenset[str]:
    """Words that name what a test measures ("Clinical Reaction Time"): part of a name."""
    return frozenset(word.lower() for word in instrument_words().get("quantity_words", ()))


def _unit_name(written: str) -> str:
    folded = written.lower()
    return _UNIT_NAMES.get(folded, folded)


@cache
def _program() -> re.Pattern[str]:
    """Words that make the names on a line exercises, not tests (measures.toml [instruments]
    titled_not_on_line)."""
    words = instrument_words().get("titled_not_on_line", ())
    return re.compile(rf"\b(?:{'|'.join(words) or '(?!x)x'})\b", re.IGNORECASE)


@cache
def _bracketed() -> re.Pattern[str]:
    """A value with a test's unit inside the bracket after a result ("(was 6 in)", "(2 errors)")."""
    words = instrument_words()
    units = "|".join((*words.get("titled_times", ()), *words.get("titled_distances", ())))
    return re.compile(rf"(?<![\w./-])({NUM})[ \t]*({units})\b", re.IGNORECASE)


@cache
def _units() -> Led:
    """A test's unit at the start of a word, with what may follow it."""
    words = instrument_words()
    times = "|".join(words.get("titled_times", ()))
    distances = "|".join(words.get("titled_distances", ()))
    then = "|".join(words.get("titled_then", ())) or "\\Z"
    pattern = re.compile(rf"(?:{times}|{distances})\b(?=[ \t]*(?:{then}))", re.IGNORECASE)
    return led(pattern, times, distances)
