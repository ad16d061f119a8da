"""Minutes in phone shorthand: "TE 17m", "MT 9m", "tot timed 26m / tot tx 26m".

A glued "m" is metres as often as minutes ("walked 17m", "6MWT 320m"), so it is read as minutes
only in a note that writes its own session totals that way: a total of the session ("tot timed",
"total tx") is a time, never a distance, and a note writes its minutes one way throughout. In
such a note a glued "m" after a service name is read as a prime is (checks.billing.named_minutes):
never above a service's most minutes, never after a walk.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# A session total keyed "tot"/"total" with its kind, then the number and a glued "m" closing the
# clause ("tot timed 26m / tot tx 26m", "total treatment: 40m."), never "timed 10m walk".
_SHORT_TOTAL = re.compile(
    r"(?<![\w])tot(?:al)?s?\.?[ \t]+(?P<key>timed|tx|treatment|rx|session|visit)"
    r"(?:[ \t]+(?:time|min))?[ \t]*[:=]?[ \t]*(?P<minutes>\d{1,3})m"
    r"(?=[ \t]*(?:$|[/,;.)|]))",
    re.IGNORECASE | re.MULTILINE,
)
# A number with a glued "m" and nothing glued after it ("17m", not "1m/s", "2m2", "10mg").
_GLUED_M = re.compile(r"(?<![\w.])(\d{1,2})(m)(?![A-Za-z0-9'/\u00b2]|\.\d)")


@dataclass(frozen=True)
class ShortTotal:
    """A session total in shorthand: timed or the whole treatment, its minutes and its span."""

    timed: bool
    minutes: int
    start: int
    end: int
    digits: tuple[int, int]


def short_totals(text: str) -> Iterator[ShortTotal]:
    """Each session total the note writes with a glued "m"."""
    for match in _SHORT_TOTAL.finditer(text):
        yield ShortTotal(
            timed=match.group("key").lower() == "timed",
            minutes=int(match.group("minutes")),
            start=match.start(),
            end=match.end(),
            digits=(match.start("minutes"), match.end("minutes") + 1),
        )


@lru_cache(maxsize=8)
def writes_minutes_as_m(text: str) -> bool:
    """True when the note states a session total with a glued "m"."""
    return _SHORT_TOTAL.search(text) is not None


def glued_minutes(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The numbers with a glued "m" in text[start:end] of a note that writes minutes that way
    (none in any other note): group 1 the number, group 2 the "m"."""
    if not writes_minutes_as_m(text):
        return []
    return list(_GLUED_M.finditer(text, start, end))
