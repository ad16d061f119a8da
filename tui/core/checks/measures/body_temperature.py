"""The patient's temperature among the vital signs: "temp 98.1 F", "(temp 36.9 C)", "T 98.4°F".

Temperatures are blocked as never a measurement (a pool's, a paraffin bath's, a room's), so the
body's is read here: only after a name of temperature (and when it was taken: "temp today"),
with the scale's letter, in the range of a living body, and with no word of water, a room or a
modality in its clause ("water temp 92°F" is out of range anyway). Words and ranges are data
(measures.toml [body_temperature]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led
from tui.core.checks.text.scan import Scanner


@dataclass(frozen=True)
class _Words:
    reading: Led
    not_words: re.Pattern[str]
    vital_words: re.Pattern[str]
    ranges: dict[str, tuple[float, float]]
    unwritten_ranges: dict[str, tuple[float, float]]


@cache
def _words() -> _Words:
    data = measures_section("body_temperature")
    names = [str(name) for name in data.get("names", ())]
    alternatives = either(names)
    not_words = either(data.get("not_words", ()))
    when = either(data.get("when", ()))
    return _Words(
        reading=led(
            re.compile(
                rf"\b(?P<name>{alternatives})[ \t]*(?:(?:{when})[ \t]*)?[:=]?[ \t]*"
                r"(?:was[ \t]+|of[ \t]+)?"
                r"(?P<value>\d{2,3}(?:\.\d)?)(?![\d.]\d)"
                r"(?:[ \t]*(?:°|deg(?:rees)?)?[ \t]*(?P<scale>[FC])\b"
                # no scale letter: only a bare reading ends here ("Temp 97.9  Pulse 84")
                r"|(?=[ \t]*(?:[,;)]|[ \t][ \t]|\n|\Z|[ \t]+[A-Za-z])))",
            ),
            *names,
        ),
        not_words=re.compile(rf"\b(?:{not_words})\b", re.IGNORECASE),
        vital_words=re.compile(rf"\b(?:{either(data.get('vital_words', ()))})\b"),
        ranges=_ranges(data.get("range", {})),
        unwritten_ranges=_ranges(data.get("unwritten_range", {})),
    )


def _ranges(table: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    return {str(scale): (float(low), float(high)) for scale, (low, high) in table.items()}


def read_body_temperature(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each temperature of the patient (see the module)."""
    words = _words()
    text = scanner.text
    for match in words.reading.finditer(text):
        start, end = match.span("value")
        if scanner.in_header(start) or scanner.claimed(start, end) or scanner.in_goal(start):
            continue
        value = float(match.group("value"))
        scale = match.group("scale") or _unwritten_scale(scanner, match, words)
        low, high = words.ranges.get(scale, (0.0, 0.0))
        if not low <= value <= high:
            continue
        if words.not_words.search(text, scanner.clause_start(match.start()), match.start()):
            continue
        if not match.group("scale") and _modality_after(scanner, match, words):
            continue
        scanner.emit(facts, "other", value, (start, match.end()), "temperature", unit=f"°{scale}")
        if match.group("scale"):
            _read_chain(scanner, facts, match.end(), scale, (low, high))


# A next reading of the same scale after the first, past a word of when ("Temp (tympanic) 36.7
# °C pre, 37.1 °C post"): written with its own letter, so no pool's or room's number is taken.
_NEXT = re.compile(
    r"(?:[ \t]+[A-Za-z-]{1,12})?[ \t]*[,;]?[ \t]*(?:(?:and|then|to|->|\u2192)[ \t]+)?"
    r"(?P<value>\d{2,3}(?:\.\d)?)(?![\d.]\d)[ \t]*(?:°|deg(?:rees)?)?[ \t]*(?P<scale>[FC])\b"
)


def _read_chain(
    scanner: Scanner, facts: list[Fact], pos: int, scale: str, bounds: tuple[float, float]
) -> None:
    """The readings chained after a temperature with its letter, each with the same letter."""
    while (found := _NEXT.match(scanner.text, pos)) is not None:
        start, end = found.span("value")
        value = float(found.group("value"))
        if found.group("scale") != scale or not bounds[0] <= value <= bounds[1]:
            return
        if scanner.claimed(start, end) or _words().not_words.search(scanner.text, pos, start):
            return  # "Temp 36.9 C water 34 C": the pool's
        scanner.emit(facts, "other", value, (start, found.end()), "temperature", unit=f"°{scale}")
        pos = found.end()


# How far along its line a bare temperature looks for another vital sign.
_VITALS_REACH = 120


def _unwritten_scale(scanner: Scanner, match: re.Match[str], words: _Words) -> str:
    """The scale of a temperature written with no letter ("Temp 97.9  Pulse 84  BP 146/78"):
    read only where its line names another vital sign and the temperature is named in a word
    ("temp", not a bare "T"), and only the one scale whose living range holds the value (the
    ranges of F and C do not meet); "" when either is not so."""
    if len(match.group("name")) < 3:
        return ""
    line_start, line_end = scanner.line(match.start())
    low = max(line_start, match.start() - _VITALS_REACH)
    high = min(line_end, match.end() + _VITALS_REACH)
    if not words.vital_words.search(scanner.text, low, high):
        return ""
    value = float(match.group("value"))
    held = [s for s, (bottom, top) in words.unwritten_ranges.items() if bottom <= value <= top]
    return held[0] if len(held) == 1 else ""


# The words right after a bare temperature, up to the next number or clause mark.
_WORDS_AFTER = re.compile(r"[^\d,;(\n]*")


def _modality_after(scanner: Scanner, match: re.Match[str], words: _Words) -> bool:
    """True when the words right after a bare temperature name water or a modality ("Temp 100
    for fluidotherapy"): with no letter, nothing else says it is the body's."""
    after = _WORDS_AFTER.match(scanner.text, match.end())
    return bool(after and words.not_words.search(after.group()))
