"""Billing codes said aloud that are not 97xxx: "ninety five nine nine two" (95992, canalith
repositioning), "two oh five six one" (20561, dry needling).

Dictated notes say a code as its digits, one at a time or in pairs, and the transcript writes
the words. The 97xxx family has its own reader (text.numbers: "ninety seven one ten"); any other
run of number words read as five digits is a code only when the billing tables know the code,
so "flexion ninety five, nine degrees" stays an angle and a difference. The runs are looked for
only at a number word, so a note without one is not searched.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import billing_tables
from tui.core.checks.text.lexicon import led
from tui.core.checks.text.number_words import TEENS, TENS, UNITS

_DIGITS = {**UNITS, "oh": 0}
_TENS = "|".join(TENS)
_ONES = "|".join(sorted(_DIGITS, key=len, reverse=True))
_GROUP = rf"(?:{'|'.join(TEENS)}|(?:{_TENS})(?:[ \t-]+(?:{'|'.join(UNITS)}))?|{_ONES})"
_SEP = r"[ \t,-]+"
_RUN = re.compile(rf"\b{_GROUP}(?:{_SEP}{_GROUP}){{1,4}}\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_VALUES = {**_DIGITS, **TEENS, **TENS}


@cache
def _known_codes() -> frozenset[str]:
    tables = billing_tables()
    return frozenset(str(code) for code in (*tables.timed, *tables.untimed))


def _digits(group: str) -> str:
    """A group's digits: "ninety five" -> "95", "twenty" -> "20", "oh" -> "0"."""
    words = [w.lower() for w in _WORD.findall(group)]
    if words[0] in TENS or words[0] in TEENS:
        return str(sum(_VALUES[w] for w in words))
    return str(_DIGITS[words[0]])


_GROUP_RE = re.compile(_GROUP, re.IGNORECASE)


def spoken_codes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every known code outside 97xxx said as number words."""
    found = []
    runs = led(_RUN, "|".join(sorted(_VALUES, key=len, reverse=True)))
    for match in runs.finditer(text):
        digits = "".join(_digits(g.group()) for g in _GROUP_RE.finditer(match.group()))
        if len(digits) == 5 and not digits.startswith("97") and digits in _known_codes():
            found.append((match.start(), match.end(), digits))
    return found
