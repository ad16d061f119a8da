"""Repetitions a test counted, read as facts: "heel raises to fatigue L 22, R 30", "SL calf
raise to fatigue: 14 reps (eval), 27 reps today", "max 15 reps".

The count is the patient's result only in a sentence that says it was tested ([results]
tested_reps: "to fatigue", "max", "test") and never after a dose's words ("3 x 10 reps", "2 sets
of 15 reps") nor as a change ("up 4 reps", "5 reps better"); a goal's count is blocked with
the goal. The numbers are found from the word "rep" back over their digits (an anchored
search), so no pattern is tried at every position. The dose rules block every such count, so a
blocked count is still read when a test's words say it was counted.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.results import changed_count, dose_words_before, tested_words
from tui.core.checks.text.anchored import number_then
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

_REPS = number_then(
    re.compile(
        rf"(?<![\d./x])({NUM})[ \t]*(?:reps?|repetitions)\b"
        r"(?![ \t]*(?:x|of|@)[ \t]*\d|[ \t]*(?:per|each|/)(?![A-Za-z]))",
        re.IGNORECASE,
    ),
    "rep",
)
_MOST = 200
# A side said after the count ("initially 0 reps on the right").
_SIDE_AFTER = re.compile(r"[ \t]*(?:on[ \t]+the[ \t]+|on[ \t]+)?(right|left|R|L)\b", re.IGNORECASE)


def _side(text: str, clause: int, match: re.Match[str]) -> str:
    """The count's own side: in its clause before it, or said right after it; never a side of
    the clause before ("R 22 reps, L 27 reps (LSI 81%); initially 0 reps on the right")."""
    side = labels.parts_of(text[clause : match.start(1)]).side
    if side:
        return side
    after = _SIDE_AFTER.match(text, match.end())
    return after.group(1)[0].upper() if after else ""


# Counted to fatigue, said right after the count ("R heel raise 9 reps to fatigue (L 25 reps)").
_FATIGUE_AFTER = re.compile(
    r"[ \t]*(?:to|until|till)[ \t]+(?:fatigue|failure|exhaustion)\b", re.IGNORECASE
)
# Holds repeated ("6-second holds for 5 repetitions", "hold x 5 reps"): a dose, not a count.
_HELD = re.compile(r"\bhold(?:s|ing)?\b|\bfor[ \t]*\Z", re.IGNORECASE)
# The test's name ends at its colon, its first bracket or its first number.
_NAME_END = re.compile(r"[:(\[]|\d")


def _takes(scanner: Scanner, start: int, end: int) -> bool:
    """A count no fact holds, outside the header and the goals: the dose rules block every
    count of repetitions, and the words of a test decide (below)."""
    return not (scanner.claimed(start, end) or scanner.in_header(start) or scanner.in_goal(start))


def read_tested_reps(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each free count of repetitions in a sentence that says a test counted it."""
    text = scanner.text
    for match in _REPS.finditer(text):
        start, end = match.span(1)
        if not _takes(scanner, start, end) or float(match.group(1)) > _MOST:
            continue
        clause = scanner.clause_start(start)
        if dose_words_before().search(text, clause, start) or _HELD.search(text, clause, start):
            continue
        if changed_count(text, clause, start, match.end()):
            continue  # "up 4 reps", "5 reps better": a difference, not today's count
        sentence = scanner.sentence_before(start)
        if not tested_words().search(text, sentence, start) and not _FATIGUE_AFTER.match(
            text, match.end()
        ):
            continue
        found = attribute(scanner, start, end)
        opening = _NAME_END.search(text, sentence, start)
        words = labels.context_words(text[sentence : opening.start() if opening else start], 6)
        label = labels.join(_side(text, clause, match), labels.without_sides(words))
        label += found.previous
        value = float(match.group(1)) if "." in match.group(1) else int(match.group(1))
        scanner.emit(facts, "other", value, (start, match.end()), label, unit="reps")
