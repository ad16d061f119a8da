"""A timed code's unit as its descriptor defines it, which is no service's minutes.

Billing lines copy a code's descriptor beside the code: "97129 x1 (first 15 min) + 97130 x3",
"97110 therapeutic exercise (each 15 min) x2", "97530, per 15-minute unit". The 15 there is the
length of one unit, the same on every note, and reading it as minutes the service ran invents
a 15-minute service (and a timed total) the note never documented. "each / per / every 15 min"
defines a unit wherever it stands; "first 15 min" only in a parenthesis or right after a code
("bike first 15 min" may be a dose). The words are data (billing.toml [unit_definitions]); the
pattern is tried only where a "15" is followed by a minutes word, so most notes cost one scan.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.billing.billing_patterns import CODE
from tui.core.checks.tables import billing_section
from tui.core.checks.text.alternation import either

_MINUTES = r"[ \t]*-?[ \t]*(?:min(?:ute)?s?\b\.?|mins?\b)(?:[ \t]*-?[ \t]*units?\b)?"


@cache
def _definitions() -> re.Pattern[str]:
    """The descriptor's words with the unit's length and a minutes word (group "unit")."""
    section = billing_section("unit_definitions")

    def words(key: str) -> str:
        found = sorted((str(w) for w in section.get(key, ())), key=len, reverse=True)
        return either(r"[ \t]+".join(map(re.escape, w.split())) for w in found)

    every, opening, lengths = words("every"), words("opening"), words("lengths")
    return re.compile(
        rf"(?<![\w'])(?P<unit>(?:{every})[ \t]+(?:{lengths}){_MINUTES})"
        rf"|(?<=\()[ \t]*(?P<aside>(?:{opening})[ \t]+(?:{lengths}){_MINUTES})(?=[ \t]*\))"
        rf"|(?<![\w.]){CODE}(?!\d)(?:[ \t]*[x\u00d7][ \t]*\d)?[ \t,-]*"
        rf"(?P<led>(?:{opening})[ \t]+(?:{lengths}){_MINUTES})",
        re.IGNORECASE,
    )


def unit_definition_spans(text: str) -> list[tuple[int, int]]:
    """Where the text defines a code's unit ("each 15 min", "(first 15 minutes)")."""
    spans = []
    for match in _definitions().finditer(text):
        group = next(g for g in ("unit", "aside", "led") if match.group(g) is not None)
        spans.append(match.span(group))
    return spans
