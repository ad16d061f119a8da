"""Lines that close with the code of what they describe ("MLD 25 min (neck, axilla) ......
97140", "• aerobic + resistance circuit 24 min at RPE 11-13 (97110)", "Bandaging 15 min
.... 97140"): the one minutes value on such a line is that code's time, whatever the words
before it call the service.

Only lines whose last token is a code are looked at (found by the code), a line with a second
code or a second minutes value is left alone (a charge line, a list of doses), and so is a line
whose minutes directly follow an exercise's dose word ("bike 10 min ... (97110)": the bike's
dose, not the service's time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Found by the code's first character, so the search skips straight to candidates; what stands
# before the code (a space, leader dots or a bracket) is checked after.
_CODE_CLOSING = re.compile(
    r"(?P<code>[9G]\d{4})(?:[ \t]*-?[ \t]*(?:GP|GO|GN|59|KX|CQ|CO)\b)*[ \t]*[)\]]?[ \t.;]*$",
    re.MULTILINE,
)
_BEFORE_CODE = re.compile(r"(?:\.{2,}|[ \t])[ \t]*[(\[]?[ \t]*$")
_ANY_CODE = re.compile(r"(?<![\w.])(?:9\d{4}|G\d{4})(?!\d)")
_MINUTES = re.compile(
    r"(?<![\w.+/])(?P<value>\d{1,3})[ \t]*(?:min(?:ute)?s?|mins)\b(?![ \t]*(?:/|per|each|x\b))",
    re.IGNORECASE,
)
# A line that bills or totals rather than describes: its codes are charges.
_NOT_A_SERVICE = re.compile(
    r"\b(?:total|billed|billing|bill|charges?|units?|CPT codes?)\b|(?:x|\u00d7)[ \t]*\d[ \t]*$",
    re.IGNORECASE,
)
# A home program's dose ("HEP: walk 20 min daily (97110)") is no service given in the session.
_HOME = re.compile(r"\b(?:HEP|home|daily|per day|a day|x/d|x/day)\b|/day\b", re.IGNORECASE)
_OPENING = re.compile(r"[ \t]*(?:[-*\u2022>]|\[[xX]\]|\d{1,2}[.)])?[ \t]*")


@dataclass(frozen=True)
class CodedLine:
    """A line's minutes and the code that closes it, with where each is written."""

    code: str
    minutes: int
    minutes_start: int
    minutes_end: int
    code_start: int
    code_end: int


def coded_lines(text: str, dose_before: Callable[[str], bool]) -> list[CodedLine]:
    """The lines of `text` that end with a code and hold one minutes value before it;
    `dose_before` says whether the words before the minutes name an exercise they dose."""
    found = []
    for closing in _CODE_CLOSING.finditer(text):
        line_start = text.rfind("\n", 0, closing.start()) + 1
        lead = _BEFORE_CODE.search(text, max(line_start, closing.start() - 80), closing.start())
        if lead is None:
            continue
        body = text[line_start : lead.start()]
        if _ANY_CODE.search(body) or _NOT_A_SERVICE.search(body) or _HOME.search(body):
            continue
        minutes = list(_MINUTES.finditer(text, line_start, lead.start()))
        if len(minutes) != 1:
            continue
        value = minutes[0]
        words = text[_OPENING.match(text, line_start).end() : value.start()]  # type: ignore[union-attr]
        last = words.split()[-1:] if words.strip() else []
        if not re.search(r"[A-Za-z]{3}", words) or (last and dose_before(last[0])):
            continue
        found.append(
            CodedLine(
                code=closing.group("code").upper(),
                minutes=int(value.group("value")),
                minutes_start=value.start("value"),
                minutes_end=value.end(),
                code_start=closing.start("code"),
                code_end=closing.end("code"),
            )
        )
    return found
