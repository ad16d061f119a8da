"""The minutes of a session from the clock times a note gives ("1400-1435", "2:00-2:35 pm",
"in 0930 out 1012", "10:50a-11:20a"), for the billing audit's 8-minute rule.

A clock range is a time of day, never a measurement: its numbers are blocked for extraction
(``CLOCK_SPANS``). A session across midnight counts forward ("2350-0020" is 30 minutes), so its
minutes are never negative; a range longer than a session can be is not read as one. The words
that say a time is the session's are data (``data/billing.toml`` [clock]).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from tui.core.checks.text.alternation import either
from tui.core.checks.text.anchored import Anchored, number_starts, search_at
from tui.core.checks.text.lexicon import Led, led, word_first
from tui.core.checks.text.lowered import lowered

_DAY = 24 * 60
_HALF_DAY = 12 * 60


def _time(name: str) -> str:
    """A clock time: "2:35", "2:35 pm", "10:50a", "1435", "0930h" (named groups by `name`)."""
    return (
        rf"(?:(?P<{name}h>[01]?\d|2[0-3])[:.](?P<{name}m>[0-5]\d)"
        rf"|(?P<{name}hh>[01]\d|2[0-3])(?P<{name}mm>[0-5]\d)h?)"
        rf"(?:[ \t]*(?P<{name}ap>[ap])\.?(?:m\.?)?(?![a-z]))?"
    )


# A unit after the second number makes the range a quantity ("1400-1600 mL"), not times.
_NOT_AFTER = (
    r"(?!\d|:\d|\.\d|[ \t]*(?:ml|cc|ft|feet|m|meters?|metres?|steps|kcal|cal|cm|mm|kg|lbs?|mg"
    r"|units?|reps|sec|s|min|mins|minutes|%|\u00b0|deg\w*)(?![a-z]))"
)
_TO = r"[ \t]*(?:-|\u2013|\u2014|to|until|till|thru|through)[ \t]*"


@cache
def _words() -> dict[str, str]:
    """billing.toml [clock]: the words that open a session's times, its time in and out."""
    text = files("tui.core").joinpath("data", "billing.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get("clock", {})
    return {key: either(table.get(key, ())) for key in ("session", "in", "out")}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = _words()
    session, time_in, time_out = words["session"], words["in"], words["out"]
    in_out = re.compile(
        rf"\b(?:{time_in})[ \t]*[:=@-]?[ \t]*{_time('a')}[ \t]*[,;/|]?[ \t]*(?:and[ \t]+)?"
        rf"(?:{time_out})[ \t]*[:=@-]?[ \t]*{_time('b')}{_NOT_AFTER}",
        re.IGNORECASE,
    )
    ranged = re.compile(
        rf"(?:\b(?P<key>{session})\b[^\n\d]{{0,12}}?)?(?<![\w.:/-]){_time('a')}{_TO}"
        rf"{_time('b')}{_NOT_AFTER}",
        re.IGNORECASE,
    )
    return in_out, ranged


@cache
def session_words() -> re.Pattern[str]:
    """The words that make a clock range the session's ("Session", "Tx", "Seen")."""
    return re.compile(rf"\b(?:{_words()['session']})\b", re.IGNORECASE)


def _ranged_matches(text: str) -> Iterator[re.Match[str]]:
    """The ranged pattern's matches, tried only where one can start: at a session word or at
    a number (its first time has no digit before it). Tried at every position, its optional
    session word made it the slowest search of a long note."""
    low = lowered(text)
    words = _session_led()
    keys = [hit.start(1) for hit in words.word_after.finditer(low)]
    if words.starter.match(low):
        keys.insert(0, 0)
    starts = sorted({*number_starts(text), *keys})
    return search_at(_patterns()[1], text, starts)


@cache
def _in_out() -> re.Pattern[str] | Led | Anchored:
    """The in-and-out pattern, searched through its words of time in (lexicon.word_first)."""
    return word_first(_patterns()[0])


@cache
def _session_led() -> Led:
    return led(_patterns()[1], _words()["session"])


@dataclass(frozen=True)
class ClockRange:
    """A session's clock times as read: minutes between them and where they are written."""

    minutes: int
    start: int
    end: int
    keyed: bool


def clock_ranges(text: str) -> tuple[ClockRange, ...]:
    """Every readable clock range of a text (a range no session word names that could be a
    span of years, "2019-2021" or "in 2019, out 2021", is left out). The scanner, the totals
    and the services each ask for the same note's ranges: they are found once."""
    return _ranges(text)


@lru_cache(maxsize=4)
def _ranges(text: str) -> tuple[ClockRange, ...]:
    return tuple(_read_ranges(text))


def _read_ranges(text: str) -> Iterator[ClockRange]:
    in_out, ranged = _patterns()
    seen: set[int] = set()
    for pattern in (in_out, ranged):
        found = _ranged_matches(text) if pattern is ranged else _in_out().finditer(text)
        for match in found:
            named = pattern is ranged and bool(match.group("key"))
            minutes = _minutes(match)
            if minutes is None or match.start() in seen:
                continue
            if not named and not _plainly_clock(match):
                continue
            keyed = named or pattern is in_out
            seen.add(match.start())
            yield ClockRange(minutes, match.start(), match.end(), keyed)


def _minutes(match: re.Match[str]) -> int | None:
    """Minutes from the first time to the second, counted forward (across noon or midnight).

    With am/pm on both times they place them in the day; on one only ("2:00-2:35 pm") it is
    said once for both, and times on a 12-hour clock are counted on it."""
    start, end = _clock(match, "a"), _clock(match, "b")
    if match.group("aap") and match.group("bap"):
        minutes = (_in_day(end, match.group("bap")) - _in_day(start, match.group("aap"))) % _DAY
    else:
        day = _DAY if _on_24_hours(match) else _HALF_DAY
        minutes = (end - start) % day
    return minutes if 0 < minutes <= _MAX_SESSION_MINUTES else None


_MAX_SESSION_MINUTES = 240


def _clock(match: re.Match[str], name: str) -> int:
    """Minutes after the hour's start of day, as written."""
    hour = match.group(f"{name}h") or match.group(f"{name}hh")
    minute = match.group(f"{name}m") or match.group(f"{name}mm")
    return int(hour) * 60 + int(minute)


def _in_day(written: int, half: str) -> int:
    hour_12 = (written // 60) % 12
    return (hour_12 + (12 if half.lower() == "p" else 0)) * 60 + written % 60


def _on_24_hours(match: re.Match[str]) -> bool:
    """Four digits ("1435") or an hour past 12 is a 24-hour clock."""
    return any(
        match.group(f"{n}hh") is not None or int(match.group(f"{n}h")) > 12 for n in ("a", "b")
    )


def _plainly_clock(match: re.Match[str]) -> bool:
    """A range with no session word is a clock range when written as one: with a colon or
    am/pm, or four digits that cannot be a span of years."""
    if match.group("ah") or match.group("bh") or match.group("aap") or match.group("bap"):
        return True
    years = [int(match.group(f"{n}hh") + match.group(f"{n}mm")) for n in ("a", "b")]
    return not all(_FIRST_YEAR <= year <= _LAST_YEAR for year in years)


_FIRST_YEAR, _LAST_YEAR = 1950, 2099


def clock_spans(text: str) -> list[tuple[int, int]]:
    """Where a text gives clock ranges: never measurements."""
    return [(found.start, found.end) for found in clock_ranges(text)]
