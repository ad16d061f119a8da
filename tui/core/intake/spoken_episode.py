"""The visit number and the last progress report a dictated opening says without a colon.

A dictated note opens in sentences: "..., date of service February twentieth, visit twelve,
Medicare Part B. Last progress note was, uh, the initial evaluation at visit one on January
ninth." The episode rules need the visit (PROGRESS_REPORT_DUE counts from it) just as they do
from a typed header ("Visit: 12", "Last progress report: visit 1 (eval)"). Read only in the
opening characters and only when no header gave the field; the visit is the first "visit N"
that is no part of the report's sentence, and the report's visit is the one in the sentence that
opens with "last progress note/report". Numbers may be digits or words up to ninety-nine.
"""

from __future__ import annotations

import re
from typing import Final

from tui.core.checks.text.number_words import TEENS, TENS, UNITS

_OPENING_CHARS: Final = 800
_WORD_VALUES: Final = {**UNITS, **TEENS, **TENS}
_WORDS: Final = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
_NUMBER: Final = rf"(?:\d{{1,3}}|(?:{_WORDS})(?:[ \t-]+(?:{'|'.join(UNITS)}))?)"
# "visit twelve", "visit number six", "visit #12": never "visits", "visit 3x/wk"
_VISIT: Final = re.compile(
    rf"(?<![\w-])visit(?:[ \t]+number|[ \t]*#|[ \t]+no\.?)?[ \t]+(?P<n>{_NUMBER})\b"
    r"(?![ \t]*(?:x\b|/|times\b|per\b|a[ \t]+week))",
    re.IGNORECASE,
)
# "Last progress note was, uh, the initial evaluation at visit one": up to its sentence's end
_REPORT: Final = re.compile(
    r"(?<![\w-])last[ \t]+(?:progress[ \t]+(?:note|report)|PN|re-?eval(?:uation)?)\b"
    r"(?P<said>[^.\n]{0,120})",
    re.IGNORECASE,
)

_EVALUATION: Final = re.compile(r"\b(?:initial\s+)?eval(?:uation)?\b", re.IGNORECASE)
_RE_EVALUATION: Final = re.compile(r"\bre-?eval", re.IGNORECASE)


def _value(words: str) -> int:
    if words.isdigit():
        return int(words)
    return sum(_WORD_VALUES[w] for w in re.findall(r"[a-z]+", words.lower()))


def spoken_episode(text: str) -> dict[str, str]:
    """{"visit": "12", "last_progress_report": "visit 1 (evaluation)"} as a dictated opening
    says them; a field it does not say is left out."""
    opening = text[:_OPENING_CHARS]
    fields: dict[str, str] = {}
    report = _REPORT.search(opening)
    if report:
        words = report.group("said")
        said = _VISIT.search(words)
        if said:
            evaluation = _EVALUATION.search(words) and not _RE_EVALUATION.search(words)
            fields["last_progress_report"] = f"visit {_value(said.group('n'))}" + (
                " (evaluation)" if evaluation else ""
            )
    for visit in _VISIT.finditer(opening):
        if report and report.start() <= visit.start() < report.end():
            continue
        fields["visit"] = str(_value(visit.group("n")))
        break
    return fields
