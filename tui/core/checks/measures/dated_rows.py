"""Rows led by their dates: the rows of days before the visit hold earlier values.

A hand or ROM log keeps one row per visit, each opened by its date ("  2/25/2102: 0-70 /
15-74 / 5-38", "- 12/12/2119: flex 95, abd 80, ER 20"); a sentence may be led by a few words
and its date before a colon in the same way ("At eval (03/04): supine HR 72", "Treadmill test
(04/01): HR 164"), unless its lead says the date is the latest result's ("Re-administered 3/12:",
"Rescored 4/2:": legends.toml dated_lead_latest). The row of the visit's own date is
today's and every row dated before it is an earlier visit's, whichever reader took its values.
The visit's date is the header's ("Date: 2120-01-09", "DOS 03/04/2102"); with none, a row is
earlier when a row of its block (the dated rows around it, up to a blank line) is dated after
it. A row dated after the visit (a planned visit) is left as written, and so is a date that
does not lead its row ("pain 3/10 since 2/25"), a value after the row's first sentence or
after a word of this visit ("12/20/2119 - TKA R. Knee flex 100 today"), a date with no year
when the visit's date is unknown, and a date not followed by a colon, a bar, a dash or a gap,
which may be a score ("3/4 trials"). The header labels are data (legends.toml
visit_date_labels). Each fact looks at its own line and, with no visit date, the lines of its
block, so the pass stays near linear.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.evidence import note_date
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.tables import attribution_words
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.scan import Scanner

_DATE = (
    r"(?:(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
    r"|(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?)"
)
# A row's opening: indentation, a bullet or a table's bar, the date, then its end mark.
_ROW = re.compile(
    rf"[ \t]*(?:[-*\u2022>][ \t]*|\|[ \t]*)?{_DATE}(?![\d/])"
    r"[ \t]*(?::|\||[ \t]-[ \t]|\t|[ \t]{2,})"
)
# A sentence led by a few words and its date before a colon ("At eval (03/04): supine HR 72",
# "Buffalo Concussion Treadmill Test (04/01): ... HR 164", "BCTT 04/01: HR 164"): the date is
# the sentence's, as a row's is.
_LED = re.compile(
    rf"[ \t]*(?:[-*\u2022>][ \t]*)?[A-Za-z][A-Za-z0-9 '&/.-]{{0,50}}?[ \t]*"
    rf"(?P<open>\()?(?(open)[ \t]*|(?<=[ \t])){_DATE}(?![\d/])(?(open)[ \t]*\))[ \t]*:"
)
_SENTENCE_END = re.compile(r"[.;!?](?:[ \t]|$)")
_HEADER_LINES = 8
_BLOCK_LINES = 12
# A date without its year up to this many days after the visit is a planned one of this year;
# further on, it is of the year before.
_AHEAD_DAYS = 60


@cache
def _visit_label() -> re.Pattern[str]:
    labels = either(legend_words().get("visit_date_labels", ()))
    # ("**DOS:** 2114-04-06": markup may stand around the colon)
    return re.compile(rf"(?<![\w-])(?:{labels})[ \t*_]*:?[ \t*_]*{_DATE}(?![\d/])", re.IGNORECASE)


def _as_date(match: re.Match[str], year: int | None) -> date | None:
    """The date a match names; a date without its year takes `year` (None: no date)."""
    if match["iso_year"]:
        parts = (int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
    else:
        if match["year"]:
            written = int(match["year"])
            year = written + 2000 if written < 100 else written
        if year is None:
            return None
        parts = (year, int(match["month"]), int(match["day"]))
    try:
        return date(*parts)
    except ValueError:
        return None


def visit_date(text: str) -> date | None:
    """The visit's date: the header's "Date:" line, or a labelled date in the first lines."""
    found = note_date(text)
    if found is not None:
        return found
    head_end = 0
    for _ in range(_HEADER_LINES):
        head_end = text.find("\n", head_end + 1)
        if head_end < 0:
            head_end = len(text)
            break
    match = _visit_label().search(text, 0, head_end)
    return None if match is None else _as_date(match, None)


def _row_date(text: str, line_start: int, line_end: int, year: int | None) -> date | None:
    match = _ROW.match(text, line_start, line_end)
    return None if match is None else _as_date(match, year)


def _block_dates(text: str, line_start: int) -> list[date]:
    """The dates of the dated rows next to the row at `line_start` (up to a blank line or an
    undated line), the row's own included."""
    dates: list[date] = []
    for step in (-1, 1):
        position = line_start
        for _ in range(_BLOCK_LINES):
            if step < 0:
                if position <= 0:
                    break
                position = text.rfind("\n", 0, position - 1) + 1
            else:
                end = text.find("\n", position)
                if end < 0:
                    break
                position = end + 1
            end = text.find("\n", position)
            found = _row_date(text, position, len(text) if end < 0 else end, None)
            if found is None:
                break
            dates.append(found)
    return dates


@cache
def _latest() -> re.Pattern[str]:
    return whole_words(legend_words().get("dated_lead_latest", ()))


@cache
def _current() -> re.Pattern[str]:
    return whole_words(attribution_words().get("current", ()))


def _ends_row(between: str) -> bool:
    """Between the date and the value a sentence ends or a word of this visit stands
    ("12/20/2119 - TKA R. Knee flex 100 today"): the date is an event's, not the row's."""
    return _SENTENCE_END.search(between) is not None or _current().search(between) is not None


def mark_dated_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value of a row led by a date before the visit's. The rows are
    read in the note as written: the normalised text may repeat a heading inside each row."""
    text = scanner.norm.original
    visit = visit_date(text)
    for index, fact in enumerate(facts):
        if may_be_earlier(fact) and _earlier(text, fact.span[0], visit):
            facts[index] = as_earlier(fact)


def _earlier(text: str, start: int, visit: date | None) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    end = len(text) if line_end < 0 else line_end
    match = _ROW.match(text, line_start, end)
    if match is None:
        match = _LED.match(text, line_start, end)
        if match is not None and _latest().search(match.group()):
            return False  # "Re-administered 3/12:": the latest result, reported today
    if match is None or start < match.end() or _ends_row(text[match.end() : start]):
        return False
    row = _as_date(match, None if visit is None else visit.year)
    if row is None:
        return False
    if visit is not None:
        if (row - visit).days > _AHEAD_DAYS and match["year"] is None:
            # "12/12:" in a note of 01/09 is last December's
            row = _as_date(match, visit.year - 1) or row
        return row < visit
    return any(other > row for other in _block_dates(text, line_start))
