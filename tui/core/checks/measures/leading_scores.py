"""A score written before its instrument's name at the start of a line or sentence.

Some therapists write the value first ("3.1 JFLS-20 global (IE 4.6).", "42 ODI today", "- 61
VISA-A"). The number is the instrument's score only where nothing else can own it: it opens its
line or sentence, the name has no score of its own after it, and no noun after the name says
the number counts something ("3 FIM items", "2 TUG trials"). The name must be a listed
instrument or carry a form's digits or hyphen ("PFDI-20", "VISA-A"): a bare acronym after a
number at a line's start is as often a count of a thing ("2 SIJ mobs"). A deadline after the name
("- 20 ODI by discharge") makes the number a target.
"""

from __future__ import annotations

import re

from tui.core.checks.names import counted_after, deadline_words, instrument_wholes
from tui.core.checks.tables import MeasureDef

# The number, its maximum or unit, and the blanks before the name, the number opening its line
# or sentence (after a bullet or a short heading with its colon: "Subj: 3.1 ...", "- 42 ODI",
# "41/56 Berg", "44% ODI", "12.4 s TUG").
_OPENS = re.compile(
    r"(?:^|(?<=[.;!?])[ \t]+)[ \t]*(?:[-*\u2022>][ \t]*)?(?:[A-Za-z]{1,12}[ \t]*:[ \t]*)?"
    r"(\d{1,3}(?:\.\d+)?)(?:[ \t]*(?:%|/[ \t]*(\d{1,3})(?![\d.])|(?:s|sec|m|ft|reps)\b))?"
    r"[ \t]+\Z",
    re.MULTILINE,
)
_REACH = 40
# After the name: up to two words, then the clause ends or a bracket opens ("global (IE 4.6)").
_CLAUSE_AFTER = re.compile(r"(?:[ \t]+[a-z][a-z'-]*){0,2}[ \t]*(?:[.,;(]|$)", re.MULTILINE)


def leading_score(
    text: str, measure: MeasureDef, name: str, span: tuple[int, int]
) -> re.Match[str] | None:
    """The score written before the name at `span`, or None; group 1 is the number, group 2
    its maximum where one is written."""
    start, end = span
    if measure.high is None and not re.search(r"[\d-]", name):
        return None
    line_start = text.rfind("\n", max(0, start - _REACH), start) + 1
    found = _OPENS.search(text, max(line_start, start - _REACH), start)
    if found is None or found.start(1) < line_start:
        return None
    after = _CLAUSE_AFTER.match(text, end)
    if counted_after().match(text, end) or after is None:
        return None
    if any(word.casefold() in deadline_words() for word in after.group().split()[:1]):
        return None  # "- 20 ODI by discharge": a target with its deadline
    wholes = instrument_wholes().get(measure.name)
    if found.group(2) and wholes and float(found.group(2)) not in wholes:
        return None  # "2/5 DGI": out of a whole DGI does not have, no DGI score
    return found
