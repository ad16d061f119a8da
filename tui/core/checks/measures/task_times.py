"""The time a counted or measured task took, read as a result: "5 medium buttons on a board in
72 s (140 s)", "Ran 30 ft in 8.4 s".

A clinician reads "N things in T" two ways: where T is a window the test sets ("12 beads in 60
s", "9 reps in 30 s") the count is the result; otherwise the task was the same and the watch
measured it, so the time is the result (`other` in s, CONVENTIONS: times that are no named
test's result) and the count only frames it. The windows tests set are data (measures.toml
[task_times] windows); a time equal to one is left to the readers of counts. A bare time in
a bracket right after the result ("(140 s)", "(was 2 min)") is the same task's time before.
A dose ("3 x 10 in 30 s"), a goal and a home program's line are never read.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.tolerances import walled
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

_MULTIPLIED = re.compile(r"(?:\bx|\u00d7|\d[ \t]*x)[ \t]*\Z", re.IGNORECASE)


@cache
def _windows() -> frozenset[float]:
    """The windows, in seconds, a test sets for counting (measures.toml [task_times])."""
    return frozenset(float(v) for v in measures_section("task_times").get("windows", ()))


@cache
def _program() -> re.Pattern[str]:
    """Words before the time that make its line a program's or a goal's."""
    words = measures_section("task_times").get("programs", ())
    return re.compile(rf"\b(?:{either([str(w) for w in words])})", re.IGNORECASE)


@cache
def _in_seconds() -> re.Pattern[str]:
    """A unit of seconds as written (measures.toml [task_times] seconds); any other is minutes."""
    units = either(str(unit) for unit in measures_section("task_times").get("seconds", ()))
    return re.compile(rf"(?:{units})", re.IGNORECASE)


@cache
def _unit() -> str:
    """A task's time unit, seconds or minutes (measures.toml [task_times])."""
    table = measures_section("task_times")
    units = [str(unit) for key in ("seconds", "minutes") for unit in table.get(key, ())]
    return rf"(?P<unit>{either(units)})"


@cache
def _task() -> re.Pattern[str]:
    """A count, the task's words and the time it took ("5 buttons in 72 s"), no dose after."""
    return re.compile(
        rf"(?<![\d./:x\u00d7-])(?P<count>{NUM})[ \t]*"
        rf"(?P<noun>[A-Za-z][A-Za-z'/-]*(?:[ \t]+[A-Za-z'/-]+){{0,4}}?)"
        rf"[ \t]+in[ \t]+(?P<value>{NUM})[ \t]*{_unit()}\b"
        r"(?![ \t]*(?:x\b|\u00d7|each|per\b|/))",
        re.IGNORECASE,
    )


@cache
def _earlier() -> re.Pattern[str]:
    """The time the same task took before, bracketed right after ("(140 s)", "(was 2 min)")."""
    return re.compile(
        rf"[ \t]*\([ \t]*(?:(?:was|prev\w*|IE|initial\w*|eval\w*|last\w*)[ \t:]*)?"
        rf"(?P<value>{NUM})[ \t]*{_unit()}[ \t]*\)",
        re.IGNORECASE,
    )


def read_task_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each time a counted task took (see the module)."""
    text = scanner.text
    for match in _task().finditer(text):
        start, end = match.span("value")
        seconds = _seconds(match.group("value"), match.group("unit"))
        if seconds in _windows() or not _takes(scanner, start, end):
            continue
        line_start, _ = scanner.line(start)
        if _MULTIPLIED.search(text, max(line_start, match.start() - 8), match.start()):
            continue
        if _program().search(text, line_start, start) or walled(scanner, start):
            continue
        clause = max(line_start, scanner.clause_start(match.start()))
        noun = labels.join(
            labels.context_words(text[clause : match.start()], 3),
            labels.context_words(match.group("noun"), 4),
        )
        found = attribute(scanner, start, end)
        label = labels.join(found.side, labels.without_sides(noun)) + found.previous
        _emit(scanner, facts, match, label)
        earlier = _earlier().match(text, match.end())
        if earlier is None or not _takes(scanner, *earlier.span("value")):
            continue
        # a bare time in brackets after the task's time is the same task's time before (a
        # norm or the other side names itself: "(norm 60 s)", "(L 140 s)")
        _emit(scanner, facts, earlier, labels.join(label, labels.PREVIOUS))


def _seconds(value: str, unit: str) -> float:
    """The time in seconds, to compare with a test's windows."""
    return float(value) * (1 if _in_seconds().fullmatch(unit) else 60)


def _takes(scanner: Scanner, start: int, end: int) -> bool:
    """A time no fact holds, outside the header and the goals ("in 72 s" is blocked as a
    duration; the task's words decide)."""
    return not (scanner.claimed(start, end) or scanner.in_header(start) or scanner.in_goal(start))


def _emit(scanner: Scanner, facts: list[Fact], match: re.Match[str], label: str) -> None:
    """The time as written: seconds in s, minutes in min ("1 mile in 18 min")."""
    written = match.group("value")
    value: int | float = float(written) if "." in written else int(written)
    unit = "s" if _in_seconds().fullmatch(match.group("unit")) else "min"
    scanner.emit(facts, "other", value, (match.start("value"), match.end("unit")), label, unit=unit)
