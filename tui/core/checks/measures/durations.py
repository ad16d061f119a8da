"""A time written in two units, read as one value in seconds: "hallway 60 m in 1 min 40 s",
"crawl under the mock crawlspace 4 min 30 s", "treadmill 11 min 30 s at 1.2 mph".

A time kept to the second was read off a stopwatch: nobody prescribes "6 min 40 s" of
anything, so such a time is a result even without a test's name (tests/eval/CONVENTIONS.md: "2
min 05 s" is 125 s). It is left out where its words make it a dose or a target: a hold, a rest,
an on/off cycle, a bound ("under", "within", "up to"), a goal. Words are data (measures.toml
[durations]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.unit_led import unit_led

_SECONDS_IN_MINUTE = 60
# "4 min 30 s", "2 min, 05 sec", "1 min and 40 seconds", "2m 30s"; the seconds below 60.
_TWO_UNITS = re.compile(
    r"(?<![\w.:/])(?P<min>\d{1,3})[ \t]*(?:min|mins|minutes?|m)\.?,?[ \t]*(?:and[ \t]+)?"
    r"(?P<sec>[0-5]?\d)[ \t]*(?:s|secs?|seconds?)\b(?![ \t]*(?:/|off\b|on\b))",
    re.IGNORECASE,
)
# Where `_TWO_UNITS` can match once its minutes are read: their unit, then the seconds' first
# digit (the search starts there, text/unit_led.py).
_MINUTES_THEN_SECONDS = r"m(?:inutes?|ins?)?\.?,?[ \t]*(?:and[ \t]+)?\d"
_WORD3 = re.compile(r"[A-Za-z]{3}")


@cache
def _not_results() -> re.Pattern[str]:
    """Words before a time that make it a dose or a target, not a result (measures.toml)."""
    data = measures_section("durations")
    return re.compile(rf"(?<!\w)(?:{either(data.get('not_results', ()))})\W*\Z", re.IGNORECASE)


@cache
def _dose_words() -> re.Pattern[str]:
    """Words anywhere in the clause that make its time a dose (measures.toml)."""
    data = measures_section("durations")
    return re.compile(rf"\b(?:{either(data.get('dose_words', ()))})\b", re.IGNORECASE)


def read_durations(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every free time in two units outside goals and doses, as one value in seconds."""
    text = scanner.text
    for match in unit_led(_TWO_UNITS, _MINUTES_THEN_SECONDS).finditer(text):
        start, end = match.span()
        if not scanner.free(start, end) or scanner.in_goal(start) or scanner.in_header(start):
            scanner.block(*match.span("sec"))  # "05 s" of "8 min 05 s" is no time on its own
            continue
        clause = text[scanner.clause_start(start) : start]
        if _not_results().search(clause) or _dose_words().search(clause):
            scanner.block(start, end)
            continue
        if not _WORD3.search(clause):
            clause = text[scanner.sentence_before(start) : start]
        found = attribute(scanner, start, end)
        named = labels.without_sides(labels.context_words(clause, 5)) or "time"
        label = labels.join(found.side, named) + found.previous
        seconds = int(match.group("min")) * _SECONDS_IN_MINUTE + int(match.group("sec"))
        scanner.emit(facts, "other", seconds, (start, end), label, unit="s")
