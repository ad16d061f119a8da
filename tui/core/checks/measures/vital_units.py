"""Vital signs known by their unit alone: "Vitals: 138/76, 72 bpm, 97% RA, 14 breaths/min",
"recovered to 96 bpm".

Beats and breaths per minute are units only a heart or a lung rate has, so a value in one is
that rate without its name (kind "other", CONVENTIONS.md). A beat set for an exercise
("metronome 100 bpm") and a limit ("keep below 120 bpm") are claimed before this reader
(layouts/vital_rows.claim_vital_limits); a rate in a sentence that names no vital sign, a
target, a zone or a maximum before the value in its clause, a plan's or a goal's clause, or a
range ("120-135 bpm") is no reading. The units, ranges and words are data (measures.toml
[vital_units], [heart_rates] targets, not_when and planned, [body_weight] vital_words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.others import not_yet_done
from tui.core.checks.tables import body_weight_words, measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.unit_led import unit_led


@dataclass(frozen=True)
class _Rate:
    """A rate read by its unit: the sign it is, its unit and the range a reading has."""

    sign: str
    unit: str
    low: int
    high: int
    pattern: re.Pattern[str]
    leading: str


@dataclass(frozen=True)
class _Words:
    rates: tuple[_Rate, ...]
    targets: re.Pattern[str]
    vitals: re.Pattern[str]


@cache
def _words() -> _Words:
    rates = []
    for sign, spec in measures_section("vital_units").items():
        written = either(spec.get("units", ()))
        rates.append(
            _Rate(
                sign=str(sign),
                unit=str(spec.get("unit", "")),
                low=int(spec["range"][0]),
                high=int(spec["range"][1]),
                # never the upper end of a range ("120-135 bpm") nor a number in a longer one
                pattern=re.compile(
                    rf"(?<![\w./\u2013-])(\d{{1,3}})[ \t]*(?:{written})(?![\w/])", re.IGNORECASE
                ),
                leading=written,
            )
        )
    hearts = measures_section("heart_rates")
    targets = [*hearts.get("targets", ()), *hearts.get("not_when", ()), *hearts.get("planned", ())]
    vitals = body_weight_words().get("vital_words", ())
    return _Words(
        rates=tuple(rates),
        targets=re.compile(rf"(?<![\w-])(?:{either(targets)})(?![\w-])", re.IGNORECASE),
        vitals=re.compile(rf"\b(?:{either(vitals)})\b", re.IGNORECASE),
    )


def read_vital_units(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each rate written in its own unit that no reader took (see the module)."""
    words = _words()
    text = scanner.text
    for rate in words.rates:
        for match in unit_led(rate.pattern, rate.leading).finditer(text):
            start, end = match.span(1)
            if not scanner.free(start, end) or not rate.low <= int(match.group(1)) <= rate.high:
                continue
            if _not_a_reading(scanner, words, start, match.end()):
                continue
            label = rate.sign + attribute(scanner, start, end, after_side=False).previous
            scanner.emit(
                facts, "other", int(match.group(1)), (start, match.end()), label, unit=rate.unit
            )


def _not_a_reading(scanner: Scanner, words: _Words, start: int, end: int) -> bool:
    """A rate in a header, a goal or a plan, in a sentence that names no vital sign (a beat set
    for gait: "auditory cue 96 bpm", "with 60 bpm metronome"), after a target's or a maximum's
    word in its clause or in the clause a bracket opening it follows ("bike at 80% of HR (122
    bpm)", "(age-predicted max 180 bpm)"), or ending a range ("120-135 bpm"): set for the
    patient, not measured."""
    if scanner.in_header(start) or scanner.in_goal(start) or not_yet_done(scanner, start, end):
        return True
    text = scanner.text
    if not words.vitals.search(text, scanner.sentence_before(start), scanner.sentence_after(end)):
        return True
    opened = scanner.clause_start(start)
    clause = text[opened:start]
    if not clause.strip() and text[opened - 1 : opened] == "(":
        clause = text[scanner.clause_start(opened - 1) : opened]
    return bool(words.targets.search(clause)) or bool(_RANGE_END.search(clause))


# A number and a dash right before the rate: the rate ends a range ("HR 120-135 bpm").
_RANGE_END = re.compile(r"\d[ \t]*[-\u2013][ \t]*\Z")
