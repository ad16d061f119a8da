"""An earlier reading in a bracket led by its date, right after today's value: "standard score
36 (Sep 2064: 31)", "17/30 (eval 01/2065: 11/30)", "84 (2078-08-14: 77)".

The clinician writes today's value first and the value of the day the bracket names after a
colon; read as prose, the date parts the value from its name (so it is lost) or gives it no
time (so it reads as today's). The date and its colon are written for reading as "previous"
("36 (previous 31)"), mapped to the date, so the score readers take the value as the name's
earlier score. A date is only one that cannot be a score: a month's name (with a year or a day
after it), or numbers with a four-digit year ("01/2065", "8/14/2078", "2078-08-14"); the
visit's own date (when the note gives one) is left as written, and so is a bracket whose words
name no earlier time ("(due Mar 2079: 52)", "(norm 2079: 30 kg)": a target's or a norm's date;
the earlier-time words are measures.toml [attribution] prior_before). The search is anchored on a
bracket after a number, so a note is read in linear time.
"""

from __future__ import annotations

import re
from datetime import date

from tui.core.checks.layouts.columns import says_earlier
from tui.core.checks.measures.evidence import note_date
from tui.core.checks.text.lexicon import MONTH_NAMES
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.pieces import Piece

_MONTH = (
    r"(?P<month>(?-i:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)"
    r"(?:[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?)?[ \t]+(?P<year>\d{4})"
)
_NUMERIC = (
    r"(?P<first>\d{1,2})/(?:(?P<second>\d{1,2})/)?(?P<nyear>\d{4})"
    r"|(?P<iyear>\d{4})-(?P<imonth>\d{1,2})(?:-(?P<iday>\d{1,2}))?"
)
# A value (a number, maybe over its maximum or with a unit word), a bracket, at most two words
# naming the time ("eval", "initial testing"), the date, a colon and the earlier value.
_DATED = re.compile(
    r"(?<=\d)(?:[ \t]*(?:/[ \t]*\d+|%|[A-Za-z]{1,6}\.?))?[ \t]*\("
    r"(?P<words>(?:[ \t]*[A-Za-z][A-Za-z-]*){0,2})[ \t]*"
    rf"(?P<date>(?:{_MONTH}|{_NUMERIC}))[ \t]*[:=][ \t]*(?=[-+]?\d)",
    re.IGNORECASE,
)


def dated_bracket_pieces(text: str) -> list[Piece]:
    """Each bracketed date before an earlier value written as "previous", mapped to the date."""
    if "(" not in text:
        return []
    when = note_date(text)
    pieces = []
    for found in line_scan(_DATED, text):
        if when is not None and _same_day(found, when):
            continue
        if found.group("words").strip() and not says_earlier(found.group("words")):
            continue
        start, end = found.start("date"), found.end()
        pieces.append(Piece(start, end, "previous ", start, found.end("date")))
    return pieces


def _same_day(found: re.Match[str], when: date) -> bool:
    """Whether the bracket's date is the visit's own (its month, when it names no day)."""
    if found.group("month"):
        month = MONTH_NAMES.get(found.group("month")[:3].lower())
        year, day = found.group("year"), found.group("day")
    elif found.group("iyear"):
        month = int(found.group("imonth"))
        year, day = found.group("iyear"), found.group("iday")
    else:
        first, second = int(found.group("first")), found.group("second")
        month, day, year = first, second, found.group("nyear")
    same_month = month == when.month and int(year) == when.year
    return same_month and (day is None or int(day) == when.day)
