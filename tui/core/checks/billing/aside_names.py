"""Minutes whose service is named in the bracket right after them ("Kitchen retraining 18 min
(self-care): ...", "HEP instruction 12 min (ther ex)"): the words before the minutes describe
what was done, the bracket says which service it was billed as.

A bracket may also hold the minutes and then the service they were ("(30 min, group)", "(10
min, 1:1 ther ex)"): the bracket is the whole statement, minutes and name, with at most a word
for how the service was given (billing.toml [aside_names] delivery) between them.

Read only when the bracket holds the service's name and nothing else, and the words before the
minutes in their clause name no service, dose nothing ("bike 8 min (ther ex)" is the bike's
dose) and hold no other number. "Seated rest 4 min (between ther ex sets)" says more than a name
and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from tui.core.checks.billing.code_minutes import CodeMinutes
from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import Led, led

_MINUTES_THEN_BRACKET = re.compile(
    r"(?<![\w.])(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b|')\.?[ \t]*\([ \t]*$", re.IGNORECASE
)
_BRACKET_CLOSES = re.compile(r"[ \t]*\)")
_CLAUSE_START = re.compile(r"[^,;:.()\n]*$")
_WORDS_BEFORE = 60


def aside_named_minutes(
    text: str,
    names: Iterable[tuple[int, int, str]],
    names_in: Callable[[int, int], bool],
    dosed: Callable[[str], bool],
) -> list[CodeMinutes]:
    """`names` gives each service name's (start, end, code); `names_in` says whether a range
    names a service, `dosed` whether words name an exercise that minutes after them dose."""
    found = []
    for start, end, code in names:
        before = _MINUTES_THEN_BRACKET.search(text, max(0, start - 24), start)
        closes = _BRACKET_CLOSES.match(text, end)
        if before is None or closes is None:
            continue
        clause = _CLAUSE_START.search(text, max(0, before.start() - _WORDS_BEFORE), before.start())
        if clause is None:
            continue
        words = clause.group()
        if (
            not words.strip()
            or any(ch.isdigit() for ch in words)
            or dosed(words)
            or names_in(clause.start(), before.start())
        ):
            continue
        found.append(
            CodeMinutes(
                code=code,
                minutes=int(before.group(1)),
                start=clause.start() + len(words) - len(words.lstrip()),
                minutes_start=before.start(1),
                minutes_end=before.end(1),
                end=closes.end(),
            )
        )
    return found


@cache
def _minutes_bracket() -> Led:
    """ "(30 min, group)", "(10 min; 1:1 ther ex)": minutes, a separator, at most a delivery
    word, then the words to the bracket's close."""
    words = [str(word) for word in billing_section("aside_names").get("delivery", [])]
    delivery = either(re.escape(word) for word in words)
    return led(
        re.compile(
            r"\([ \t]*(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b|')\.?[ \t]*[,;][ \t]*"
            rf"(?:(?:{delivery})[ \t]+)?([A-Za-z][^()\n\d,;]{{0,40}}?)[ \t]*\)",
            re.IGNORECASE,
        ),
        r"\(",
    )


def _bracket_names() -> dict[str, str]:
    names = billing_section("aside_names").get("names", {})
    return {str(name).lower(): str(code) for name, code in names.items()}


def bracketed_minutes(text: str, code_of: Callable[[str], str | None]) -> list[CodeMinutes]:
    """Brackets that hold minutes and the service they were and nothing else ("(30 min,
    group)"); `code_of` gives a service name's code, or None when the words name none."""
    found = []
    names = _bracket_names()
    for bracket in _minutes_bracket().finditer(text):
        words = bracket.group(2).strip()
        code = names.get(words.lower()) or code_of(words)
        if code is None:
            continue
        found.append(
            CodeMinutes(
                code=code,
                minutes=int(bracket.group(1)),
                start=bracket.start(1),
                minutes_start=bracket.start(1),
                minutes_end=bracket.end(1),
                end=bracket.end(),
            )
        )
    return found
