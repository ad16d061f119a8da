"""Minutes whose service is named in the bracket right after them ("Kitchen retraining 18 min
(self-care): ...", "HEP instruction 12 min (ther ex)"): the words before the minutes describe
what was done, the bracket says which service it was billed as.

Read only when the bracket holds the service's name and nothing else, and the words before the
minutes in their clause name no service, dose nothing ("bike 8 min (ther ex)" is the bike's
dose) and hold no other number. "Seated rest 4 min (between ther ex sets)" says more than a name
and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from tui.core.checks.billing.code_minutes import CodeMinutes

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
