"""Heart rates measured over a bout: a range ("HR 104-112", "pulse 98-117 across the bouts"),
both of whose ends were read off the monitor, and a peak ("HR peaked at 128 bpm", "heart rate
reached 114").

The same shape is written for a zone to work in ("target HR 100-112", "bike at HR 135-140",
"keep pulse 100-125 per protocol"), which is a target, never a reading: a range is read only
when no word of a target stands before the name in its clause, nor right after the range. A
clause that plans, permits or predicts the rate ("Pt will walk with HR up to 120 bpm", "Cleared
to exercise with HR up to 140", "HR expected approx 150 bpm") reports no bout, so none of its
rates is read; "HR up to 176." in a report of the bout is a peak. The words are data
(measures.toml [heart_rates]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import heart_rate_names, measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner

_BEATS = r"(?:[ \t]*(?:bpm|beats(?:[ \t]*/[ \t]*min)?))?"
_PLAUSIBLE = range(30, 231)
# What may stand between the name and a range: a colon, and a word or two of when ("during",
# "across the bouts" after it is left alone).
_GAP = r"[ \t]*[:=]?[ \t]*(?:(?:during|was|ranged?|range|from|of)[ \t]+){0,2}"


@dataclass(frozen=True)
class _Words:
    ranged: Led
    reached: Led
    target_before: re.Pattern[str]
    planned: re.Pattern[str]
    target_after: re.Pattern[str]
    timed: Led
    changed: Led
    carried: Led
    maximum: Led
    bout: re.Pattern[str]
    max_not: re.Pattern[str]
    max_limit_after: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("heart_rates")
    names = heart_rate_names()
    flags = re.IGNORECASE
    name = rf"\b(?:{either(names)})\b"
    targets = either(data.get("targets", ()))
    changed = either(data.get("changed", ()))
    return _Words(
        ranged=led(
            re.compile(
                rf"{name}{_GAP}(?<![\d.])(\d{{2,3}})[ \t]*(?:-|\u2013|to)[ \t]*(\d{{2,3}})"
                rf"(?!\d|\.\d|[%/]|[ \t]*%){_BEATS}",
                flags,
            ),
            *names,
        ),
        reached=led(
            re.compile(
                rf"{name}[ \t]+(?:{either(data.get('reached', ()))})[ \t]+(?:(?:at|to|of)[ \t]+)?"
                rf"(?<![\d.])(\d{{2,3}})(?!\d|\.\d|[%/]|[ \t]*(?:%|-[ \t]*\d)){_BEATS}",
                flags,
            ),
            *names,
        ),
        target_before=re.compile(rf"(?<![\w-])(?:{targets})(?![\w-])", flags),
        planned=re.compile(rf"(?<![\w'-])(?:{either(data.get('planned', ()))})(?![\w-])", flags),
        # "HR at stop 162 bpm", "heart rate after the walk 112 bpm": a few words of when, then
        # a value in beats (none of the words a target's or a maximum's)
        timed=led(
            re.compile(
                rf"{name}(?:[ \t]+(?!(?:{either(data.get('not_when', ()))})\b)"
                rf"[A-Za-z]+){{1,3}}[ \t]*:?[ \t]+(?<![\d.])(\d{{2,3}})[ \t]*(?:bpm|beats)\b",
                flags,
            ),
            *names,
        ),
        # "recovered to 96 bpm": a change the heart made, its value in beats
        changed=led(
            re.compile(
                rf"\b(?:{changed})[ \t]+(?:back[ \t]+)?to[ \t]+(?<![\d.])(\d{{2,3}})"
                r"[ \t]*(?:bpm|beats)\b",
                flags,
            ),
            *data.get("changed", ()),
        ),
        # "heart rate was 88 at rest and reached 112": a second reading of the rate named
        # before it in the clause, after "and" or "then"
        carried=led(
            re.compile(
                rf"{name}[ \t]*(?:was|is|of|:)?[ \t]*\d{{2,3}}(?:[ \t]*bpm)?[^\d\n.;,]{{0,30}}?"
                rf"\b(?:and|then)[ \t]+(?:{either(data.get('reached', ()))}|{changed})[ \t]+"
                r"(?:(?:at|to|of)[ \t]+)?(?<![\d.])(\d{2,3})(?!\d|\.\d|[%/]|[ \t]*(?:%|-[ \t]*\d))",
                flags,
            ),
            *names,
        ),
        # "HR max 112": a peak named after the rate, read only in a bout's sentence
        maximum=led(
            re.compile(
                rf"{name}[ \t]*(?:{either(data.get('maxima', ()))})[ \t]*[:=]?[ \t]*"
                r"(?<![\d.])(\d{2,3})(?!\d|\.\d|[%/]|[ \t]*(?:%|-[ \t]*\d))"
                rf"{_BEATS}",
                flags,
            ),
            *names,
        ),
        bout=re.compile(rf"(?<![\w-])(?:{either(data.get('bout', ()))})", flags),
        max_not=re.compile(rf"[ \t(]*(?:{either(data.get('max_not', ()))})\b", flags),
        max_limit_after=re.compile(
            rf"(?<![\w-])(?:{either(data.get('max_limit_after', ()))})(?![\w-])", flags
        ),
        target_after=re.compile(
            r"[ \t]*(?:\(|,)?[ \t]*(?:target|zone|goal|THR|per[ \t]+(?:protocol|MD|cardiology))\b",
            flags,
        ),
    )


# The dose an exercise may carry between its name and "at" ("home bike 20 min/day at HR 150").
_DOSE = (
    r"(?:[ \t]+\d{1,3}[ \t]*(?:min|mins|minutes)\b(?:[ \t]*(?:/[ \t]*(?:day|d|wk|week)"
    r"|(?:a|per)[ \t]+(?:day|week)|daily))?)?"
)


@cache
def _paced() -> re.Pattern[str]:
    data = measures_section("heart_rates")
    names = either(heart_rate_names())
    paced_not = either(data.get("paced_not", ()))
    return re.compile(
        rf"(?<![\w-])(?P<lead>(?:{paced_not})[ \t]+)?(?:{either(data.get('paced', ()))})"
        rf"{_DOSE}[ \t]+(?:at|@)[ \t]+(?:an?[ \t]+)?(?:{names})(?![\w-])[ \t]*(?:of[ \t]+)?[:=]?"
        r"[ \t]*(?<![\d.])(?P<value>\d{2,3})(?![\d.]\d|\d|[ \t]*[-\u2013%])",
        re.IGNORECASE,
    )


def block_paced_rates(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block the heart rate an exercise is done at ("bike at HR 150"): the intensity set for
    it, not a rate read off the monitor (measures.toml [heart_rates] paced)."""
    for match in _paced().finditer(scanner.text):
        if match.group("lead") is None:
            scanner.block(*match.span("value"))


def read_heart_rate_peaks(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A maximum named after the rate in a bout's sentence ("Tilt table 15 min, HR max 112"):
    read before the limits of vital signs are claimed, where "HR max 120" alone is a limit."""
    for match in _words().maximum.finditer(scanner.text):
        if _peak_of_bout(scanner, match):
            value = int(match.group(1))
            scanner.emit(facts, "other", value, match.span(1), "heart rate max", unit="bpm")


def read_heart_rates(scanner: Scanner, facts: list[Fact]) -> None:
    """Both ends of a measured range and a peak (see the module)."""
    words = _words()
    text = scanner.text
    for match in words.ranged.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low >= high or low not in _PLAUSIBLE or high not in _PLAUSIBLE:
            continue
        if not _measured(scanner, match) or words.target_after.match(text, match.end()):
            continue
        if scanner.free(*match.span(1)) and scanner.free(*match.span(2)):
            scanner.emit(facts, "other", low, match.span(1), "heart rate", unit="bpm")
            scanner.emit(facts, "other", high, match.span(2), "heart rate", unit="bpm")
    for match in words.reached.finditer(text):
        if _planned(scanner, match):
            continue
        if int(match.group(1)) in _PLAUSIBLE and scanner.free(*match.span(1)):
            scanner.emit(
                facts, "other", int(match.group(1)), match.span(1), "heart rate", unit="bpm"
            )
    for pattern in (words.timed, words.changed, words.carried):
        for match in pattern.finditer(text):
            value = int(match.group(1))
            checked = pattern is not words.changed
            if value in _PLAUSIBLE and scanner.free(*match.span(1)):
                if not _measured(scanner, match, checked=checked):
                    continue
                scanner.emit(facts, "other", value, match.span(1), "heart rate", unit="bpm")


def _measured(scanner: Scanner, match: re.Match[str], *, checked: bool = True) -> bool:
    """True when no word of a target stands before the name in its clause, nor in a goal (a
    change the heart made names no target: only the goal is checked when `checked` is off)."""
    if scanner.in_header(match.start()) or scanner.in_goal(match.start()):
        return False
    if _planned(scanner, match):
        return False
    if not checked:
        return True
    clause = scanner.text[scanner.clause_start(match.start()) : match.start()]
    return _words().target_before.search(clause) is None


def _peak_of_bout(scanner: Scanner, match: re.Match[str]) -> bool:
    """True when a maximum named after the rate ("HR max 112") is a free, plausible reading in
    a sentence that reports a bout, neither worked out, allowed nor a target."""
    words = _words()
    text = scanner.text
    if int(match.group(1)) not in _PLAUSIBLE or not scanner.free(*match.span(1)):
        return False
    if words.max_not.match(text, match.end()) or words.target_after.match(text, match.end()):
        return False
    if not _measured(scanner, match) or _stated_limit(scanner, match):
        return False
    start, end = scanner.sentence(match.start())
    return (
        words.bout.search(text, max(start, match.start() - 80), min(end, match.end() + 80))
        is not None
    )


_NEXT_NUMBER = re.compile(r"\d")
_HEADING = re.compile(r"^(?P<head>[^:\n]*):")


def _stated_limit(scanner: Scanner, match: re.Match[str]) -> bool:
    """True when a maximum is stated as a limit: a word of one later in its sentence, before the
    next number, which has its own ("HR max 115 during therapy session; do not exceed"), or a
    heading of planning words before it on its line ("Post-op precautions: HR max 120")."""
    words = _words()
    text = scanner.text
    _, end = scanner.sentence(match.start())
    line_start, line_end = scanner.line(match.start())
    end = min(end, line_end)
    number = _NEXT_NUMBER.search(text, match.end(), end)
    if words.max_limit_after.search(text, match.end(), number.start() if number else end):
        return True
    heading = _HEADING.match(text[line_start : match.start()])
    return heading is not None and words.planned.search(heading.group("head")) is not None


def _planned(scanner: Scanner, match: re.Match[str]) -> bool:
    """True when the clause up to the value plans, permits or predicts the rate ("Pt will walk
    with HR up to 120 bpm", "HR expected approx 150 bpm"): its mood, not the words right after
    the name, says whether the bout happened."""
    value = match.start(1)
    start = scanner.clause_start(match.start())
    return _words().planned.search(scanner.text, start, value) is not None
