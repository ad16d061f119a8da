"""Whether a note documents a functional baseline: a measurement, or what the patient can do.

Two things look like a baseline and are not one. An exercise named with its sets and reps
("mini squats 2x15", "wall sits 3x30s", "2 x 10 sit-to-stands") is what the patient was given to
do, not what they can do, though its name is an activity's. And in a note that says it repeated
an established program ("same as prior visits", "no changes"), a measurement written as
unchanged ("knee AROM 3-118 (unchanged)", "128 deg - no change from last week") is carried
forward from an earlier visit, not taken in this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import billing_section, billing_tables
from tui.core.checks.text.alternation import words_pattern

MEASUREMENT_KINDS = frozenset({"pain", "rom", "mmt", "outcome", "strength", "girth", "other"})

# Sets by reps or by a hold ("2x15", "3 x 10", "3x30s", "x10"), within the same clause as the
# activity's name, after it; before it, sets and reps both written ("2 x 10 sit-to-stands",
# "2x10 mini squats"), since "VOR x1 progressed to standing" names an exercise, no dose.
_SETS = r"(?<![A-Za-z])(?:\d{1,2}[ \t]*)?[x\u00d7][ \t]*\d{1,3}(?![\d.])"
_DOSE_AFTER = re.compile(rf"[^\n,;.:()]{{0,24}}?{_SETS}", re.IGNORECASE)
_DOSE_BEFORE = re.compile(
    r"(?<![\w.])\d{1,2}[ \t]*[x\u00d7][ \t]*\d{1,3}[ \t]+(?:[A-Za-z']+[ \t]+)?(?:[A-Za-z']+-)*$",
    re.IGNORECASE,
)


def baseline_shown(body: str, facts: Iterable[Fact]) -> bool:
    """True when the note holds a measurement taken in the session or says what the patient
    can and cannot do."""
    copied = words_pattern(billing_tables().unskilled_terms).search(body) is not None
    if any(
        fact.kind in MEASUREMENT_KINDS and not (copied and _carried(body, fact)) for fact in facts
    ):
        return True
    return any(not _dosed(body, match) for match in _functional().finditer(body))


@cache
def _functional() -> re.Pattern[str]:
    return words_pattern(billing_tables().functional_terms)


@cache
def _carried_words() -> re.Pattern[str]:
    """Words that say a value is the earlier one (billing.toml [audit] carried)."""
    return words_pattern(str(word) for word in billing_section("audit").get("carried", ()))


# Where a value's sentence ends: a full stop before a space or the line's end, a semicolon.
_SENTENCE_END = re.compile(r"\.(?=\s|$)|;|\n")


@cache
def _taken_today() -> re.Pattern[str]:
    """Words right after a value that say it was taken today (billing.toml [audit] taken_today)."""
    words = words_pattern(str(word) for word in billing_section("audit").get("taken_today", ()))
    return re.compile(rf"[ \t]*(?:{words.pattern})", words.flags)


def _carried(body: str, fact: Fact) -> bool:
    """True when the fact's sentence says its value has not changed since before, and no word
    right after the value says it was taken today."""
    start, end = fact.span
    if _taken_today().match(body, end):
        return False
    line_start = body.rfind("\n", 0, start) + 1
    ends = (found.end() for found in _SENTENCE_END.finditer(body, line_start, start))
    opening = max(ends, default=line_start)
    closing = _SENTENCE_END.search(body, end)
    stop = len(body) if closing is None else closing.start()
    return _carried_words().search(body, opening, stop) is not None


def _dosed(body: str, match: re.Match[str]) -> bool:
    """True when the activity's name is an exercise's, dosed in sets and reps beside it."""
    if _DOSE_AFTER.match(body, match.end()):
        return True
    line_start = body.rfind("\n", 0, match.start()) + 1
    return _DOSE_BEFORE.search(body, max(line_start, match.start() - 32), match.start()) is not None
