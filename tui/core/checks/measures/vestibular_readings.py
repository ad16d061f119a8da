"""Readings of a vestibular test in the instrument's own units: a VOR or pursuit gain ("R
lateral canal gain 0.61; L lateral 0.94", "smooth pursuit gain 0.82") and a slow-phase velocity
of nystagmus ("3°/s left-beating", "caloric total R 18°/s").

Both are direct measures of the body (`other`, CONVENTIONS.md). Their numbers are blocked as
settings elsewhere (an isokinetic speed "60°/s", a "gain of 10°"), so they are read here only
in a sentence that names a vestibular test, with the value in the shape the instrument prints:
a gain is a bare decimal with no unit after it, a velocity a number in degrees per second. A
gain's sentence may list more gains ("L lateral 0.94"): the later bare decimals of the same
shape are gains too. Words are data (measures.toml [vestibular_readings]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.others import context_label
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

# A gain as the instrument prints it: 0.xx to 2.xx, never a range's end nor a ratio.
_GAIN_VALUE = r"(?<![\d.\-/])(?P<value>[0-2]\.\d{1,2})(?!\d|\.\d|[ \t]*(?:-|–|/)[ \t]*\d)"
# A bound before a value makes it a norm or a cut-off ("(normal < 6°/s)", "norm > 0.80").
_BOUND_BEFORE = re.compile(r"(?:[<>\u2264\u2265]|\bnorm\w*|\bcut-?off)[^,;()\d\n]{0,12}\Z", re.I)
_VELOCITY = re.compile(
    r"(?<![\d.\-/])(?P<value>\d{1,3}(?:\.\d)?)[ \t]*(?:°|deg(?:rees?)?)[ \t]*"
    r"(?:/|per[ \t]+)[ \t]*s(?:ec(?:onds?)?)?(?![A-Za-z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Words:
    gain: Led
    listed_gain: re.Pattern[str]
    gain_tests: re.Pattern[str]
    gain_directions: re.Pattern[str]
    nystagmus: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("vestibular_readings")
    units = either(data.get("units_after", ()))
    unitless = rf"(?![ \t]*(?:{units})(?![A-Za-z]))"
    return _Words(
        gain=led(
            re.compile(
                rf"\bgains?[ \t]*(?:(?:of|was|is|=|:)[ \t]*)?{_GAIN_VALUE}{unitless}",
                re.IGNORECASE,
            ),
            "gain",
        ),
        listed_gain=re.compile(rf"(?<![\d.\-/])(?P<value>[0-2]\.\d{{2}})(?!\d|\.\d){unitless}"),
        gain_tests=re.compile(rf"(?<![\w-])(?:{either(data.get('gain_tests', ()))})(?![\w])"),
        gain_directions=re.compile(
            rf"(?<![\w-])(?:{either(data.get('gain_directions', ()))})(?![\w])"
        ),
        nystagmus=re.compile(
            rf"(?<![\w])(?:{either(data.get('velocity_tests', ()))})(?![\w])", re.IGNORECASE
        ),
    )


def read_vestibular_readings(
    scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]
) -> None:
    """Each gain and slow-phase velocity of a vestibular test (see the module)."""
    words = _words()
    _read_gains(scanner, facts, words)
    _read_velocities(scanner, facts, words)


def _read_gains(scanner: Scanner, facts: list[Fact], words: _Words) -> None:
    text = scanner.text
    listed_to = 0  # the end of the last sentence whose listed gains were read
    for match in words.gain.finditer(text):
        end = scanner.sentence_after(match.end())
        if not _gain_tested(scanner, match, end, words):
            continue
        _emit(scanner, facts, match, unit=None)
        if match.end() < listed_to:
            continue
        for listed in words.listed_gain.finditer(text, match.end(), end):
            if scanner.free(*listed.span("value")):  # a norm or a setting is blocked
                _emit(scanner, facts, listed, unit=None)
        listed_to = end


def _gain_tested(scanner: Scanner, match: re.Match[str], end: int, words: _Words) -> bool:
    """True when the gain's sentence names a vestibular test, or its own clause a canal's or a
    plane's direction (a direction elsewhere in the sentence is an exercise's)."""
    text = scanner.text
    if words.gain_tests.search(text, scanner.sentence_before(match.start()), end):
        return True
    return bool(words.gain_directions.search(text, scanner.clause_start(match.start()), end))


# Where a velocity's clause ends after it: a test named past this mark is another clause's.
_CLAUSE_END = re.compile(r"[,;]")


def _read_velocities(scanner: Scanner, facts: list[Fact], words: _Words) -> None:
    """A velocity whose test is named before it in its sentence ("caloric total R 18°/s") or
    after it in its own clause ("3°/s left-beating"); a test named in a later clause leaves a
    speed of another kind ("isokinetic at 60°/s; no nystagmus") unread."""
    text = scanner.text
    for match in _VELOCITY.finditer(text):
        start, end = scanner.sentence_before(match.start()), scanner.sentence_after(match.end())
        mark = _CLAUSE_END.search(text, match.end(), end)
        if words.nystagmus.search(text, start, mark.start() if mark else end):
            _emit(scanner, facts, match, unit="°/s")


def _emit(scanner: Scanner, facts: list[Fact], match: re.Match[str], unit: str | None) -> None:
    """The value, unless a header, a goal or another fact holds it, or a bound makes it a
    norm."""
    start, end = match.span("value")
    if scanner.in_header(start) or scanner.in_goal(start) or scanner.claimed(start, end):
        return
    if _BOUND_BEFORE.search(scanner.text, max(0, start - 20), start):
        return
    label = context_label(scanner, start, end)
    scanner.emit(facts, "other", to_number(match.group("value")), (start, match.end()), label,
                 unit=unit)  # fmt: skip
