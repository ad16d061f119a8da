"""Patient measurements written with a unit of time: rates of performance ("11 letters/min",
"reading 90 wpm") and tolerances ("sitting tolerance 25 min").

They are read before the looser passes so a tolerance's minutes are never taken as a service's
minutes or a dose, and a rate's number is never left unclassified. The units and nouns are data
(tui/core/data/patient_rates.toml).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.others import not_yet_done
from tui.core.checks.text.alternation import either
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_DATA = files("tui.core") / "data" / "patient_rates.toml"


@dataclass(frozen=True)
class _Patterns:
    rate: re.Pattern[str]
    rate_units: tuple[tuple[re.Pattern[str], str], ...]
    tolerance: re.Pattern[str]
    tolerance_units: tuple[tuple[re.Pattern[str], str], ...]
    task: re.Pattern[str]
    tolerated: re.Pattern[str]
    task_units: tuple[tuple[re.Pattern[str], str], ...]


@cache
def _patterns() -> _Patterns:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    rates = {str(k): str(v) for k, v in data.get("rates", {}).items()}
    tolerance = data.get("tolerance", {})
    nouns = [str(noun) for noun in tolerance.get("nouns", [])]
    between = [str(word) for word in tolerance.get("between", [])]
    units = {str(k): str(v) for k, v in tolerance.get("units", {}).items()}
    rate = re.compile(rf"(?<![\w./])(\d+(?:\.\d+)?)[ \t]*({either(rates)})(?![\w/])", re.IGNORECASE)
    tolerance_pattern = re.compile(
        rf"\b({either(nouns)})\b(?:[ \t]*(?:{either(between)})(?![\w]))*[ \t]*"
        rf"(\d+(?:\.\d+)?)[ \t]*({either(units)})\b",
        re.IGNORECASE,
    )
    tasks = data.get("task_times", {})
    task_units = {str(k): str(v) for k, v in tasks.get("units", {}).items()}
    task = re.compile(
        rf"(?<![\w./])(?P<value>\d+(?:\.\d+)?)[ \t]*(?P<unit>{either(task_units)})[ \t]+to[ \t]+"
        rf"(?:{either(tasks.get('verbs', ()))})\b"
        rf"(?:[^\n()\d]{{0,40}}?\([ \t]*(?:{either(tasks.get('earlier', ()))})"
        rf"[ \t:]*(?P<earlier>\d+(?:\.\d+)?)[ \t]*(?P<earlier_unit>{either(task_units)})\b)?",
        re.IGNORECASE,
    )
    tolerated = re.compile(
        rf"\b(?:{either(tolerance.get('verbs', ()))})\b[^\d\n.;,]{{0,40}}?"
        rf"(?<![\w.])(\d+(?:\.\d+)?)[ \t]*({either(units)})\b[ \t]+"
        rf"(?:{either(tolerance.get('limits', ()))})\b",
        re.IGNORECASE,
    )
    return _Patterns(
        task=task,
        tolerated=tolerated,
        task_units=tuple(
            (re.compile(rf"(?:{k})\Z", re.IGNORECASE), v) for k, v in task_units.items()
        ),
        rate=rate,
        rate_units=tuple((re.compile(rf"(?:{k})\Z", re.IGNORECASE), v) for k, v in rates.items()),
        tolerance=tolerance_pattern,
        tolerance_units=tuple(
            (re.compile(rf"(?:{k})\Z", re.IGNORECASE), v) for k, v in units.items()
        ),
    )


def _unit(written: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, unit in table:
        if pattern.match(written):
            return unit
    return written.lower()


def _label(scanner: Scanner, pos: int, fallback: str) -> str:
    """The words of the clause before `pos` ("copying", "sitting tolerance"). A clause of one
    word is a column heading or a bare verb ("Far-point copy speed; Score 6 letters/min"), so
    the clause before it names the value when it holds no number of its own."""
    start = scanner.clause_start(pos)
    words = labels.context_words(scanner.text[start:pos], 6)
    sentence = scanner.sentence_before(pos)
    if len(words.split()) <= 1 and start > sentence:
        before = scanner.text[scanner.clause_start(start - 1) : start]
        if not any(ch.isdigit() for ch in before):
            words = labels.context_words(before + " " + words, 6)
    return words or fallback


def _earlier(scanner: Scanner, start: int, end: int) -> str:
    """The label's mark of an earlier value, for a rate or tolerance the words around it make
    an earlier one ("(last month 14 letters/min)", "previously 11 wpm", "(was 10 min at
    eval)"), read as every other value's timepoint is (attribution.py)."""
    return attribute(scanner, start, end, after_side=False).previous


def read_patient_rates(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Rates per minute and tolerances in minutes, as the patient's own measurements."""
    patterns = _patterns()
    for match in line_scan(patterns.tolerance, scanner.text):
        if not scanner.free(match.start(2), match.end(2)):
            continue
        scanner.emit(
            facts,
            "other",
            to_number(match.group(2)),
            (match.start(2), match.end()),
            _label(scanner, match.end(1), match.group(1).lower())
            + _earlier(scanner, match.start(2), match.end()),
            unit=_unit(match.group(3), patterns.tolerance_units),
        )
    for match in line_scan(patterns.tolerated, scanner.text):
        if scanner.free(match.start(1), match.end(1)) and not scanner.in_goal(match.start()):
            scanner.emit(
                facts,
                "other",
                to_number(match.group(1)),
                (match.start(1), match.end(2)),
                labels.context_words(scanner.text[match.start() : match.start(1)], 5),
                unit=_unit(match.group(2), patterns.tolerance_units),
            )
    for match in patterns.task.finditer(scanner.text):
        _task_time(scanner, facts, match, patterns)
    for match in patterns.rate.finditer(scanner.text):
        if not scanner.free(match.start(1), match.end(1)):
            continue
        scanner.emit(
            facts,
            "other",
            to_number(match.group(1)),
            (match.start(), match.end()),
            _label(scanner, match.start(), "rate") + _earlier(scanner, match.start(), match.end()),
            unit=_unit(match.group(2), patterns.rate_units),
        )


# Words before a task's time that make it a time given, not taken ("allow 15 min to finish").
_ALLOWED = re.compile(r"\b(?:allow(?:s|ed|ing)?|give[sn]?|budget(?:ed)?|schedul\w*|set)\b", re.I)


def _task_time(
    scanner: Scanner, facts: list[Fact], match: re.Match[str], patterns: _Patterns
) -> None:
    """ "11 min to complete (was 18 min on 03/02)": the task's time, and its earlier time when a
    bracket right after gives one in the same unit."""
    if not scanner.free(*match.span("value")) or scanner.in_goal(match.start()):
        return
    if not_yet_done(scanner, match.start(), match.end("unit")) or _ALLOWED.search(
        scanner.text, scanner.clause_start(match.start()), match.start()
    ):
        return  # "will need 10 min to complete", "allow 15 min to finish": a plan's time
    unit = _unit(match.group("unit"), patterns.task_units)
    label = _label(scanner, match.start(), "task time")
    scanner.emit(
        facts,
        "other",
        to_number(match.group("value")),
        (match.start(), match.end("unit")),
        label,
        unit=unit,
    )
    earlier = match.group("earlier")
    if earlier is None or _unit(match.group("earlier_unit"), patterns.task_units) != unit:
        return
    if scanner.free(*match.span("earlier")):
        span = (match.start("earlier"), match.end("earlier_unit"))
        scanner.emit(facts, "other", to_number(earlier), span, f"{label} (previous)", unit=unit)
