"""Dates a note writes as month and day only ("last visit (2/24)", "186 lb on 3/9").

A draft written from such a note spells the day out ("on February 24") and must not be told the
date is not in the note. A month/day pair inside one of the note's facts ("pain 4/10", "MMT 4/5",
"FIM 3/7") is a score, never a date, so an invented "April 10" is not backed by a pain rating.
The note is read for these only when a draft date is otherwise unsupported.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable
from datetime import date

# A month/day pair with no year: not part of a longer slash, dot or dash run ("3/4/31") and
# not a decimal.
_MONTH_DAY = re.compile(r"(?<![\d/.\-])(\d{1,2})/(\d{1,2})(?![\d/]|\.\d)")


# A month's name, capitalised as a date writes it ("May 5", never "may"), whole or short.
_MONTH = (
    r"(?:"
    + "|".join(sorted({*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"}, key=len)[::-1])
    + r")\.?"
)
_DAY_BEFORE_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![A-Za-z])")
_MONTH_BEFORE_DAY = re.compile(rf"(?<![A-Za-z]){_MONTH}\s+(?:the\s+)?$")


def day_of_named_month(text: str, span: tuple[int, int]) -> bool:
    """True when the number at `span` is the day of a month named beside it ("on 14 February",
    "Feb 14th"): a date, never a measurement, however a reader labelled it."""
    start, end = span
    written = text[start:end]
    if not written.isdigit() or not 1 <= int(written) <= _LONGEST_MONTH:
        return False
    return bool(
        _DAY_BEFORE_MONTH.match(text, end)
        or _MONTH_BEFORE_DAY.search(text[max(0, start - 15) : start])
    )


_LONGEST_MONTH = 31


def month_days(text: str, fact_spans: Iterable[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """The (month, day) pairs written as "M/D" outside the facts' spans."""
    spans = sorted(fact_spans)
    starts = [start for start, _ in spans]
    found = set()
    for match in _MONTH_DAY.finditer(text):
        start, end = match.span()
        if _inside(spans, starts, start, end):
            continue
        month, day = int(match.group(1)), int(match.group(2))
        if _real_day(month, day):
            found.add((month, day))
    return frozenset(found)


def month_day(written: str) -> tuple[int, int] | None:
    """The (month, day) a reading written "M/D" can be ("3/22" in "rehab 3/22-4/8"), if any."""
    match = _MONTH_DAY.fullmatch(written.strip())
    if match is None:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    return (month, day) if _real_day(month, day) else None


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when [start, end) overlaps a span; the spans are sorted by start."""
    index = bisect.bisect_left(starts, end) - 1
    return any(spans[i][1] > start for i in range(max(0, index - 2), index + 1))


def _real_day(month: int, day: int) -> bool:
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True
