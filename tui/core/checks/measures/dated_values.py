"""A value dated by the words straight after it: "TUG 13.9 s in January", "ODI 46% on 3/5",
"pain 5/10 at his January evaluation", "grip 12 kg back in March", "the 9.8 seconds he walked at
his October re-evaluation", "VMI 86 (from 1/12/2064 testing)", "51/66 in 2131" (a year before
the visit's).

A month or a date right after a value says when it was measured. Another day than the visit's
(the note's date of service) makes it an earlier value; the visit's own date ("Berg 52/56 on
4/2" in the note of 2 April) keeps it current, and so does any date when the note gives none.
A month is read only capitalised or spelled out whole, so "may" the verb and "dec" for
decreased are no months; a numeric date only where its clause ends after it, so "4/5 on 3/5
trials" is a count. The words are data (legends.toml dated_by, month_qualifiers,
dated_events); one match at the value's end, so the reading is linear.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.evidence import note_date
from tui.core.checks.measures.labels import as_earlier, may_be_earlier
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import MONTH_NAMES
from tui.core.checks.text.scan import Scanner

_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Capitalised, short or whole ("Jan", "Sept."), or a whole name in any case ("february").
_MONTH = (
    r"(?P<month>(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
    rf"|(?:{_MONTH_WORDS}))"
)
# A numeric date: "3/5", "03/05/2044", or with dots or dashes and its year ("04.12.2034").
_NUMERIC = (
    r"(?P<first>\d{1,2})(?:/(?P<second>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?"
    r"|(?P<mark>[.-])(?P<dotted>\d{1,2})(?P=mark)(?P<dotted_year>\d{4}|\d{2}))(?![\d/]|\.\d)"
)
# A day and month with a dot and no year ("on 12.05"): a date only in a note that writes its
# dates so ("date 26.05.2099"), else a decimal ("on 12.05" is no reading anywhere else).
_DOTTED_DAY = r"(?P<day_dot>\d{1,2})\.(?P<month_dot>\d{2})(?![\d.]|\.\d)"
_DOTTED_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.])")
# The value's unit, when the reader stopped before it ("13.9 s", "48/80", "0.71 m/s", "8 letters
# per minute").
_UNIT = (
    r"(?:[ \t]*(?:°|%|m/s|/[ \t]*\d+(?:\.\d+)?|[A-Za-z]{1,8}\.?)(?![A-Za-z])"
    r"(?:[ \t]+per[ \t]+[a-z]{1,8}(?![A-Za-z]))?)?"
)
# A short clause of who measured or said it, between the value and its day ("the 9.8 seconds he
# walked at his October re-evaluation", "6/10 she said in March").
_TOLD = r"(?:(?:he|she|they|we|you|I)[ \t]+[a-z]{2,12}[ \t]+)?"
# A numeric date ends its clause ("46% on 3/5)", "on 03/05/2044."), so it is not a count.
# A dash set apart by spaces ends a clause too ("in 2131 - a decline": the scanner writes a dash
# so).
_CLAUSE_END = r"(?=[ \t]*(?:[,;)\]]|\.(?!\d)|$|\n|and\b|vs\b|(?<=[ \t])-[ \t]))"
# A year alone, maybe before an event ("51/66 in 2131", "52/66 at the 2132 review"): earlier
# when before the visit's year (a four-digit number ending its clause is read as no count).
_YEAR = r"(?P<year_only>\d{4})"


@cache
def _dated() -> re.Pattern[str]:
    table = legend_words()
    by = either(table.get("dated_by", ()))
    qualifiers = either(table.get("month_qualifiers", ()))
    events = either(table.get("dated_events", ()))
    return re.compile(
        # a bracket may open before the words ("86 (from 1/12/2064 testing, for reference)")
        # blanks possessive (no later piece opens with one): a long run of spaces after a
        # value split every way among them cost cubic time (1,000 spaces: 54 s)
        rf"{_UNIT}[ \t]*+,?[ \t]*+\(?[ \t]*+{_TOLD}(?:{by})[ \t]+(?:(?:{qualifiers})(?:[ \t]+|-))?"
        rf"(?:of[ \t]+)?(?:{_MONTH}(?![A-Za-z])(?:[ \t]+(?:\d{{4}}|{events}))?"
        rf"|{_NUMERIC}(?:[ \t]+(?:{events})(?![A-Za-z]))?{_CLAUSE_END}"
        rf"|{_DOTTED_DAY}{_CLAUSE_END}"
        rf"|{_YEAR}(?:[ \t]+(?:{events})(?![A-Za-z]))?{_CLAUSE_END})",
        re.IGNORECASE | re.MULTILINE,
    )


# A bracket holding nothing but a whole date right after a value ("raw score 78 (04/10/2099),
# not re-tested today", "Berg 41 (2099-03-02)"): the day the value was taken. A year is
# required, so "(4/10)" (a rating) and "(3/5)" (a grade) are never dates here.
_BRACKETED = re.compile(
    rf"{_UNIT}[ \t]*+\([ \t]*(?:(?P<first>\d{{1,2}})(?P<mark>[/.-])(?P<second>\d{{1,2}})(?P=mark)"
    r"(?P<year>\d{4})|(?P<iso>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2}))[ \t]*\)",
)


def _bracketed_earlier(found: re.Match[str], when: date) -> bool:
    """Whether a bracketed whole date names another day than the visit's."""
    if found.group("iso"):
        year, month, day = (int(found.group(key)) for key in ("iso", "iso_month", "iso_day"))
        return (year, month, day) != (when.year, when.month, when.day)
    first, second = int(found.group("first")), int(found.group("second"))
    if int(found.group("year")) != when.year:
        return True
    return (when.month, when.day) not in ((first, second), (second, first))


def dated_earlier(text: str, pos: int) -> bool:
    """True when the words from `pos` (a value's end, its unit read) date it to another day
    than the note's."""
    found = _dated().match(text, pos)
    if found is None:
        bracketed = _BRACKETED.match(text, pos)
        when = _visit(text) if bracketed is not None else None
        return bracketed is not None and when is not None and _bracketed_earlier(bracketed, when)
    when = _visit(text)
    if when is None:
        return False
    if found.group("year_only"):
        return int(found.group("year_only")) < when.year
    if found.group("month"):
        return MONTH_NAMES.get(found.group("month")[:3].lower()) != when.month
    if found.group("day_dot"):
        if _DOTTED_DATE.search(text) is None:
            return False  # "13.4 s on 12.05" in a note that writes no dotted dates
        day, month = int(found.group("day_dot")), int(found.group("month_dot"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return False
        return (when.month, when.day) != (month, day)
    first = int(found.group("first"))
    second = int(found.group("second") or found.group("dotted"))
    month, day = (first, second) if first <= 12 else (second, first)
    if month > 12 or not 1 <= day <= 31:
        return False
    year = found.group("year") or found.group("dotted_year")
    if year is not None and int(year[-2:]) != when.year % 100:
        return True
    return (when.month, when.day) not in ((month, day), (day, month))


@lru_cache(maxsize=8)
def _visit(text: str) -> date | None:
    return note_date(text) or _header_date(text)


# The visit's date written inside a header line, after another field ("MRN 9900027, date
# 26.05.2099", "...    Visit date: 05/19/2099", "MRN 9900011   DOS 2099-05-12"): the field
# opens the line or follows a comma, a semicolon, a bar or a run of spaces, so "Surgery date:
# 03/10/2099" or "DOB 08/02/2097" is never the visit's. A run of spaces is tried from its
# start only: tried inside it too, a long run cost cubic time (1,000 spaces: 54 s).
_HEADER_DATE = re.compile(
    r"(?:^|[,;|]|(?<![ \t])[ \t]{2,})[ \t]*(?:visit[ \t]+)?(?:date(?:[ \t]+of[ \t]+service)?|DOS)"
    r"[ \t]*:?[ \t]*(?:(?P<iso>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
    r"|(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})"
    r"|(?P<dot_day>\d{1,2})\.(?P<dot_month>\d{1,2})\.(?P<dot_year>\d{4}))(?![\d/.])",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINES = 6


def _header_date(text: str) -> date | None:
    """The visit's date in the note's first lines, written as a field among others."""
    head = "\n".join(text.lstrip().split("\n", _HEADER_LINES)[:_HEADER_LINES])
    found = _HEADER_DATE.search(head)
    if found is None:
        return None
    if found.group("iso"):
        parts = (found.group("iso"), found.group("iso_month"), found.group("iso_day"))
    elif found.group("year"):
        parts = (found.group("year"), found.group("month"), found.group("day"))
    else:
        parts = (found.group("dot_year"), found.group("dot_month"), found.group("dot_day"))
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


# A value as a reader took it, at its start: a signed number, maybe over its maximum.
_NUMBER = re.compile(r"[-+~]?\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?)?")


def mark_dated(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Label "(previous)" each value dated another day than the visit's, whichever reader
    took it."""
    if _visit(scanner.text) is None:
        return
    for index, fact in enumerate(facts):
        if not may_be_earlier(fact):
            continue
        start = normalised(scanner, fact.span[0])
        number = _NUMBER.match(scanner.text, start) if start is not None else None
        if number is not None and dated_earlier(scanner.text, number.end()):
            facts[index] = as_earlier(fact)
