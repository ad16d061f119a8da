"""Distances of a place, not of a walk: "bedroom to bathroom about 25 ft", "mailbox 120 ft down
a gravel drive", "classroom is 220 ft from the cafeteria", "(shared laundry room, 40 m down the
hall)".

A home, a school or a ward is described by how far one place is from another, in the same units
a walk is measured in. Such a distance is the place's when nothing in its sentence before it nor
in its clause after it says someone travelled ("walked 80 ft bedroom to kitchen" is a walk), and
the words around it relate two places: a place word right after it ("down the hall", "from the
bus loop"), a route right before it ("kitchen to front door 40 ft") or a verb of being ("is 220
ft"). The words are data (measures.toml [distances]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

_CLAUSE_END = re.compile(r"[,;.\n]")
# A route before the distance: a place "to" a place of a word or two, then at most an estimate's
# word ("bedroom to bathroom about ").
_ROUTE = re.compile(
    r"\b[A-Za-z]{3,}[ \t]+to[ \t]+(?:the[ \t]+)?[A-Za-z]{3,}(?:[ \t]+[A-Za-z]{3,})?"
    r"[ \t]+(?:(?:about|approx\w*|roughly|around|~)[ \t]*)?\Z",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Words:
    travelled: re.Pattern[str]
    place_after: re.Pattern[str]
    being: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("distances")
    return _Words(
        travelled=re.compile(rf"(?<!\w)(?:{either(data.get('travelled', ()))})(?!\w)", re.I),
        place_after=re.compile(rf"[ \t]*(?:{either(data.get('place_after', ()))})(?!\w)", re.I),
        being=re.compile(rf"(?<!\w)(?:{either(data.get('being', ()))})[ \t]*\Z", re.I),
    )


def describes_place(scanner: Scanner, start: int, end: int) -> bool:
    """True for a distance between two places that no one is said to have travelled (see the
    module); `start` and `end` span the distance with its unit."""
    words = _words()
    text = scanner.text
    sentence = scanner.sentence_before(start)
    stop = _CLAUSE_END.search(text, end)
    clause_end = stop.start() if stop else len(text)
    if words.travelled.search(text, sentence, start) or words.travelled.search(
        text, end, clause_end
    ):
        return False
    before = text[scanner.clause_start(start) : start]
    return bool(
        words.place_after.match(text, end) or _ROUTE.search(before) or words.being.search(before)
    )
