"""Days of the month said rather than written as a date: "the fourteenth of July", "the 3rd
of May 2027", "July the twenty-first". A dictation says a date this way, and the draft made
from it writes "July 14"; both must be read as the same day."""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.text.lexicon import MONTH_NAMES, Led, led
from tui.core.checks.text.number_words import ORDINALS, TENS

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"(?:,?[ \t]+(\d{4}))?"


@cache
def _patterns() -> tuple[Led, Led]:
    """The two ways a day is said, each tried only at its leading words (lexicon.led)."""
    ordinal = "|".join(sorted(ORDINALS, key=len, reverse=True))
    tens = "|".join(name for name, value in TENS.items() if value in (20, 30))
    # the tens may already be digits: the normaliser reads "twenty-first" as "20-first"
    day = rf"(\d{{1,2}}(?:st|nd|rd|th)|(?:(?:{tens}|[23]0)[ \t-]?)?(?:{ordinal}))"
    day_first = re.compile(rf"\bthe[ \t]+{day}[ \t]+of[ \t]+({_MONTH})\b{_YEAR}", re.IGNORECASE)
    month_first = re.compile(rf"\b({_MONTH})[ \t]+the[ \t]+{day}\b{_YEAR}", re.IGNORECASE)
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return led(day_first, "the"), led(month_first, *months)


def said_dates(text: str) -> set[tuple[int, int, int]]:
    """Each day said in words as (year, month, day); the year is 0 when none is said."""
    day_first, month_first = _patterns()
    found = set()
    for match in day_first.finditer(text):
        found.add(_day(match.group(1), match.group(2), match.group(3)))
    for match in month_first.finditer(text):
        found.add(_day(match.group(2), match.group(1), match.group(3)))
    return {day for day in found if day[1] and 1 <= day[2] <= 31}


def _day(day: str, month: str, year: str | None) -> tuple[int, int, int]:
    return (int(year) if year else 0, MONTH_NAMES.get(month[:3].lower(), 0), _day_number(day))


def _day_number(said: str) -> int:
    """ "14th" -> 14, "fourteenth" -> 14, "twenty-first" -> 21."""
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", said):
        return int(said[:-2])
    words = re.split(r"[ \t-]+|(?<=\d)(?=[a-z])", said.lower())
    return sum(
        int(word) if word.isdigit() else TENS.get(word, 0) + ORDINALS.get(word, 0) for word in words
    )
