"""Clauses that open with a code and close with its minutes ("97140 scar massage w/ silicone,
web-space stretch 12 min; 97110 tendon glides, putty 15 min; 97535 garment donning 10 min"):
the minutes that end the clause are the code's time, whatever the description between holds.

A lone clause whose last words are an exercise's dose ("97110: bike 10 min") keeps them a dose;
in a line of several such clauses, a list of charges, the closing minutes are each code's.
A clause may open a checklist's line ("[x] 97112 NMR: VOR x1 ... -- 18 min").
A clause ends at a semicolon, a line's end or a sentence's end (never at a charge line's leader
dots, "97165 OT eval x1 ....... 40 min"), and holds no other code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.checks.billing.billing_patterns import CODE
from tui.core.checks.billing.code_minutes import CodeMinutes

_CODE = CODE  # 9xxxx, Gxxxx and the tables' other codes (20561)
_MODIFIER = r"(?:[ \t]*-?[ \t]*(?:GP|GO|GN|59|KX|CQ|CO|X[EPSU])\b)*"
_CLAUSE = re.compile(
    rf"(?:^|(?<=[;:]))[ \t]*(?:[-*\u2022][ \t]*)?(?:\[[xX]\][ \t]*)?"
    rf"(?P<code>{_CODE}){_MODIFIER}(?![\d])"
    r"(?P<body>(?:[^;\n.\d]|\.{2,}|\.(?!\s|$)|\d(?!\d{0,2}[ \t]*(?:min|mins|minutes)\b))*?)"
    r"(?<![\w.])(?P<minutes>\d{1,3})[ \t]*(?P<unit>min(?:ute)?s?\b|mins\b)[ \t]*\)?"
    # the minutes end the clause, or key what was done ("20561 dry needling - 14 min: R ECRB")
    r"(?:[ \t]*\.?[ \t]*(?=;|\n|$)|\.(?=[ \t])|:(?=[ \t]))",
    re.IGNORECASE | re.MULTILINE,
)
_ANOTHER_CODE = re.compile(rf"(?<![\w.]){_CODE}(?!\d)")
_HOME_DOSE = re.compile(r"\b(?:daily|a day|per day|/day|x/d|HEP|home)\b", re.IGNORECASE)


def code_led_minutes(text: str, dose_before: Callable[[str], bool]) -> list[CodeMinutes]:
    """The clauses of `text` that open with a code and close with its minutes; `dose_before`
    says whether the words before the minutes name an exercise dosed by them ("bike")."""
    found = [
        match
        for match in _CLAUSE.finditer(text)
        if not _ANOTHER_CODE.search(match.group("body"))
        and not _HOME_DOSE.search(match.group("body"))
    ]
    per_line: dict[int, int] = {}
    for match in found:
        line = text.rfind("\n", 0, match.start()) + 1
        per_line[line] = per_line.get(line, 0) + 1
    clauses = []
    for match in found:
        line = text.rfind("\n", 0, match.start()) + 1
        last_words = re.split(r"[,(]", match.group("body"))[-1]
        if per_line[line] < 2 and dose_before(last_words):
            continue
        clauses.append(
            CodeMinutes(
                code=match.group("code").upper(),
                minutes=int(match.group("minutes")),
                start=match.start("code"),
                end=match.end("unit"),
                minutes_start=match.start("minutes"),
                minutes_end=match.end("minutes"),
            )
        )
    return clauses
