"""An instrument's names and the numbers written after them: its aliases, its forms ("TUG" and
"TUG-cognitive"), and the run of values a mention opens.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tui.core.checks.extract import non_measurements
from tui.core.checks.names import names_instrument
from tui.core.checks.tables import measure_defs
from tui.core.checks.text.numbers import ANY_NUMBER
from tui.core.checks.verify.fact_keys import known_measures, label_words
from tui.core.checks.verify.name_runs import (
    GAP,
    spelled_loosely,
)


def measure_aliases(measure: str) -> tuple[str, ...]:
    return next((m.aliases for m in measure_defs() if m.name == measure), (measure,))


@cache
def alias_words(measure: str) -> frozenset[str]:
    """Every word of every name of an instrument ("timed", "and", "tug" for TUG)."""
    return frozenset(word for alias in measure_aliases(measure) for word in label_words(alias))


# After a measure's value, the next value of the same measure: a unit, a separator, then a
# lower-case qualifier or a side ("| fast 1.21", ", L 24").
_QUALIFIED_NEXT = re.compile(
    r"[ \t]*(?:[a-z%/\u00b0]+(?:/[a-z]+)?)?[ \t]*[,;|/]?[ \t]*(?:[a-z][a-z \t-]{0,20}|[RL])"
    r"[ \t]*[:=]?[ \t]*(\d+(?:\.\d+)?)"
)

# After a measure's value, its value at the next time an arrow leads to ("17/28 -> 22/28",
# "0.92 -> 1.12 m/s"): a whole or a unit, then the arrow.
_ARROW_NEXT = re.compile(
    r"(?:[ \t]*/[ \t]*\d+)?[ \t]*(?:[a-z%\u00b0]+(?:/[a-z]+)?)?[ \t]*(?:->|\u2192|=>)[ \t]*"
    r"(\d+(?:\.\d+)?)"
)


def next_value(text: str, at: int) -> re.Match[str] | None:
    return _QUALIFIED_NEXT.match(text, at) or _ARROW_NEXT.match(text, at)


WHOLE_UNIT = re.compile(r"/[ \t]*(\d+)")


@cache
def spelled(measure: str) -> re.Pattern[str]:
    """The instrument's name in any of its spellings, as whole words."""
    names = "|".join(re.escape(a) for a in measure_aliases(measure))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{names})(?![A-Za-z0-9])", re.IGNORECASE)


@lru_cache(maxsize=32)
def names_measure(text: str, measure: str) -> bool:
    return names_instrument(text, measure)


@cache
def variants(measure: str) -> tuple[str, ...]:
    """The listed instruments that are a form of this one or of which it is a form: their
    names share a head ("TUG" and "TUG-cognitive", "HOOS" and "HOOS JR"). A note that names the
    test and then its variant ("timed up and go 11.4 s, with the cognitive task 15.9") supports
    the draft's score on the variant."""
    return tuple(
        other
        for other in known_measures()
        if other != measure and (is_head_of(other, measure) or is_head_of(measure, other))
    )


def is_head_of(head: str, name: str) -> bool:
    return name.startswith(head) and not name[len(head) : len(head) + 1].isalnum()


@lru_cache(maxsize=256)
def numbers_after_name(text: str, name: str, original: str = "") -> frozenset[float]:
    """The numbers written after each mention of `name` (a measure the tables may not know):
    the next number on its line with only a few words between ("tracing: 5/8" gives 5), then
    each further one that a lower-case qualifier or a side introduces ("10MWT comfortable
    0.86 m/s | fast 1.21 m/s"). Another name in capitals ends the run, so "DHI 30, SF-36"
    gives 30, never 36; with the `original` text, a number its readers block (a threshold, a
    goal) is left out. Found once per text and name however many draft values ask."""
    pattern = re.compile(rf"{spelled_loosely(name)}{GAP}({ANY_NUMBER.pattern})", re.IGNORECASE)
    found: set[float] = set()
    # a threshold, a goal or a dose after the name ("Berg < 45") is no score of the test
    scanner = non_measurements(original) if original else None
    for match in pattern.finditer(text):
        if scanner is not None and scanner.is_blocked(match.start(1), match.end(1)):
            continue
        found.add(float(match.group(1)))
        at = match.end()
        while (step := next_value(text, at)) is not None:
            found.add(float(step.group(1)))
            at = step.end()
    return frozenset(found)


# After a measure's mention, its first number: a few characters without a digit or line break.
FIRST_AFTER = re.compile(rf"{GAP}({ANY_NUMBER.pattern})")


def names_measure_in(text: str, name: str) -> bool:
    """True when `text` names the measure `name` in any of its spellings."""
    return names_instrument(text, name)
