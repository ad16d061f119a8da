"""Dates a text gives, in any format, so a draft's date is checked against the note's days."""

from __future__ import annotations

import re
from datetime import date

from tui.core.checks.text.day_names import said_dates
from tui.core.checks.text.lexicon import (
    DATE_ISO,
    DATE_SLASH,
    DATE_WORDS,
    MONTH_NAMES,
    matches,
)
from tui.core.checks.text.numbers import normalize
from tui.core.checks.verify.lines import line_at


def dates_in(text: str) -> set[tuple[int, int, int]]:
    """Dates written in the text as (year, month, day); two-digit years read as 20xx; days
    said in words ("the fourteenth of July") too. Read in the text as written as well as
    normalised: a table's heading ("<th>Eval 01/05/2037</th>") is a date the note gives,
    however normalising rewrites the heading."""
    normalized = normalize(text).text
    found = _dates_written(_RANGE_DASH.sub(" ", normalized))
    return found if normalized == text else found | _dates_written(_RANGE_DASH.sub(" ", text))


def _dates_written(text: str) -> set[tuple[int, int, int]]:
    found: set[tuple[int, int, int]] = set()
    for match in matches(DATE_ISO, text):
        found.add((int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in matches(DATE_SLASH, text):
        year = int(match.group(4))
        year += 2000 if year < 100 else 0
        first, second = int(match.group(1)), int(match.group(3))
        found.add((year, first, second))
        found.add((year, second, first))
    for match in matches(DATE_WORDS, text):
        month_name = match.group(1) or match.group(5)
        day_text = match.group(2) or match.group(4)
        year_text = match.group(3) or match.group(6)
        month = MONTH_NAMES.get(month_name[:3].lower(), 0)
        found.add((int(year_text) if year_text else 0, month, int(day_text)))
    found |= said_dates(text)
    return {d for d in found if _plausible(d)}


# The dash of a date range between two full dates ("03/15/2032-05/09/2032"), read as a space so
# the second date is read too (the same length, so positions hold).
_RANGE_DASH = re.compile(r"(?<=\d)-(?=\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d))")


def _plausible(day: tuple[int, int, int]) -> bool:
    year, month, dom = day
    try:
        date(year or 2000, month, dom)
    except ValueError:
        return False
    return True


def in_a_date(text: str, at: int) -> bool:
    """True when the number at `at` is part of a date written in `text`."""
    line, start = line_at(text, at)
    return any(
        m.start() <= at - start < m.end()
        for pattern in (DATE_ISO, DATE_SLASH, DATE_WORDS)
        for m in pattern.finditer(line)
    )


def same_day_no_year(
    written: set[tuple[int, int, int]], known: frozenset[tuple[int, int, int]]
) -> bool:
    """A date written without a year matches any year the note gives for that day."""
    return any(
        year == 0 and any((m, d) == (km, kd) for _, km, kd in known) for year, m, d in written
    )
