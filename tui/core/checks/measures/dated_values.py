"""A value dated by the words straight after it: "TUG 13.9 s in January", "ODI 46% on 3/5",
"pain 5/10 at his January evaluation", "grip 12 kg back in March", "the 9.8 seconds he walked at
his October re-evaluation", "VMI 86 (from 1/12/2064 testing)".

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
_CLAUSE_END = r"(?=[ \t]*(?:[,;)\]]|\.(?!\d)|$|\n|and\b|vs\b))"


@cache
def _dated() -> re.Pattern[str]:
    table = legend_words()
    by = either(table.get("dated_by", ()))
    qualifiers = either(table.get("month_qualifiers", ()))
    events = either(table.get("dated_events", ()))
    return re.compile(
        # a bracket may open before the words ("86 (from 1/12/2064 testing, for reference)")
        rf"{_UNIT}[ \t]*,?[ \t]*\(?[ \t]*{_TOLD}(?:{by})[ \t]+(?:(?:{qualifiers})(?:[ \t]+|-))?"
        rf"(?:of[ \t]+)?(?:{_MONTH}(?![A-Za-z])(?:[ \t]+(?:\d{{4}}|{events}))?"
        rf"|{_NUMERIC}(?:[ \t]+(?:{events})(?![A-Za-z]))?{_CLAUSE_END})",
        re.IGNORECASE | re.MULTILINE,
    )


def dated_earlier(text: str, pos: int) -> bool:
    """True when the words from `pos` (a value's end, its unit read) date it to another day
    than the note's."""
    found = _dated().match(text, pos)
    if found is None:
        return False
    when = _visit(text)
    if when is None:
        return False
    if found.group("month"):
        return MONTH_NAMES.get(found.group("month")[:3].lower()) != when.month
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
    return note_date(text)


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
