"""A total followed by its parts per code ("Total timed 40 min (97110 16, 97140 12, 97530 12)",
"timed 38' [97112 18 / 97530 11 / 97140 9]"): each code's minutes, taken only when the parts
add up to a total (8 minutes or more, named "total" or "timed") written right before them, so
a bracket of codes with units ("(97110 2, 97140 1)") or any other list of numbers is never read
as minutes.

Found by the bracket that opens with a code, so no pass tries every position of the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = re.compile(r"[(\[][ \t]*(?=(?:9\d{4}|G\d{4})(?!\d))")
_PART = re.compile(
    r"[ \t]*(?P<code>9\d{4}|G\d{4})(?:[ \t]*-?[ \t]*(?:GP|GO|GN|59|KX|CQ|CO)\b)*[ \t]*[:=\-]?"
    r"[ \t]*(?P<minutes>\d{1,3})(?![\d.:])[ \t]*(?:min(?:ute)?s?\b|mins\b|')?[ \t]*"
    r"(?P<sep>[,;/]|(?=[)\]]))",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"[ \t]*[)\]]")
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|timed)\b[^\n\d]{0,24}?(?<![\w.])(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b|')?"
    r"[ \t]*$",
    re.IGNORECASE,
)
# Fewer minutes bill nothing; a sum of unit counts this small is no total of minutes.
_LEAST_TOTAL = 8


@dataclass(frozen=True)
class Part:
    """One code's minutes in a total's breakdown, and where the pair is written."""

    code: str
    minutes: int
    start: int
    end: int


def total_parts(text: str) -> list[Part]:
    """Each code's minutes from the breakdowns that follow a total they add up to."""
    found: list[Part] = []
    for opening in _OPEN.finditer(text):
        total = _TOTAL_BEFORE.search(text, max(0, opening.start() - 48), opening.start())
        if total is None or int(total.group(1)) < _LEAST_TOTAL:
            continue
        parts = []
        at = opening.end()
        while (part := _PART.match(text, at)) is not None:
            parts.append(part)
            at = part.end()
        if len(parts) < 2 or _CLOSE.match(text, at) is None:
            continue
        if sum(int(part.group("minutes")) for part in parts) != int(total.group(1)):
            continue
        found += [
            Part(p["code"].upper(), int(p["minutes"]), p.start("code"), p.end("minutes"))
            for p in parts
        ]
    return found
