"""How far a goal phrase reaches in its sentence.

A goal that heads what follows ("Goal: amb 300 ft; stairs 12 steps", "STG 2 - ...") makes the
whole sentence a target. A goal written inline ("target 6 ft cadence drill; amb 200 ft w/ RW")
is one clause: what the patient did after the semicolon is a measurement of this visit.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either

# After the goal word: a number or a bracket, then a mark that makes it a heading.
_HEADING = re.compile(r"[ \t]*(?:#?[ \t]*\d+[a-z]?[ \t]*|\([^()\n]{0,30}\)[ \t]*)?[:=)\-\u2013]")


# A goal word heading its line with a full stop ("Goals. In 4 weeks: TUG < 18 s ..."): what
# follows on the line are the goals.
_LINE_HEAD = re.compile(
    r"[ \t#*>-]*(?:(?:short|long)[- ]term[ \t]+|functional[ \t]+|patient[ \t]+)?"
    r"(?:STGs?|LTGs?|goals?|objectives)",
    re.IGNORECASE,
)
_FULL_STOP = re.compile(r"[ \t]*\.[ \t]+\S")
# A goal word heading its line with a colon and a time frame ("GOALS: 4 wk - TUG < 20 s; ...
# 8 wk - walks 300 ft", "Goals: in 6 weeks ..."): every sentence on the line states a goal.
_TIMEFRAME_COLON = re.compile(
    r"[ \t]*:[ \t]*(?:(?:in|by|within)[ \t]+\d|\d+[ \t]*-?[ \t]*"
    r"(?:wks?|weeks?|mos?|months?|days?|visits?|sessions?)(?![A-Za-z]))",
    re.IGNORECASE,
)

# A goal word heading its line with a colon and a numbered list ("GOALS: 1. TUG under 13.5 s -
# met. 2. Mini-BESTest 20/28 - not met."): every item on the line is a goal, whatever its status.
_NUMBERED_COLON = re.compile(r"[ \t]*:[ \t]*(?:#?1[.)][ \t]|\(1\)|1[ \t]*[-:\u2013][ \t])")


# A goal's status written after it on its line ("LTG 1: amb 300 ft -> now 220 ft CGA", "Berg
# >= 45/56 -> today 42/56", "5xSTS < 15 s -> 14.2 s today"): an arrow (typographic arrows are
# commas in the normalised text) or a dash, then a word of this visit, or a value and one. Blanks
# and an arrow's dashes start only where their run does: a match inside a run has one at its
# start too, and a search along a long run of blanks or dashes would walk the rest of the run
# from each.
_STATUS = re.compile(
    r"(?<![ \t])[ \t]*(?:(?<!-)-+>|=>|,|[ \t]-{1,2}|\u2013|\u2014)[ \t]*"
    r"(?:(?:now|today|currently|this visit)\b"
    r"|\d+(?:\.\d+)?(?:[ \t]*(?:/[ \t]*\d+|[A-Za-z%\u00b0/]{1,4}))?[ \t]+(?:now|today)\b)",
    re.IGNORECASE,
)


def goal_end(text: str, word_end: int, sentence_end: int) -> int:
    """Where the goal starting with a word ending at `word_end` stops: its status written after
    it (the patient's value of this visit); else the line's end for a goal word heading its
    line with a full stop or with a colon and a time frame (up to a sentence of this visit),
    the sentence's end for a heading goal, else the first semicolon in the sentence."""
    status = _STATUS.search(text, word_end, sentence_end)
    if status is not None:
        sentence_end = status.start()
    line_start = text.rfind("\n", 0, word_end) + 1
    framed = status is None and (
        _TIMEFRAME_COLON.match(text, word_end) or _NUMBERED_COLON.match(text, word_end)
    )
    if (_FULL_STOP.match(text, word_end) or framed) and _LINE_HEAD.fullmatch(
        text, line_start, word_end
    ):
        line_end = text.find("\n", word_end)
        line_end = len(text) if line_end < 0 else line_end
        return _before_this_visit(text, sentence_end, line_end) if framed else line_end
    bracketed = _bracket_end(text, line_start, word_end, sentence_end)
    if bracketed is not None:
        return bracketed  # "HR 108 (target 95-115), BP 158/80": the target is the bracket's
    if _HEADING.match(text, word_end):
        return sentence_end
    semicolon = text.find(";", word_end, sentence_end)
    return sentence_end if semicolon < 0 else semicolon


# A sentence of a goal line that says it is this visit's ("L ankle DF 12° today."): a value,
# not a goal.
_THIS_VISIT = re.compile(r"\b(?:today|now|currently|this visit)\b", re.IGNORECASE)
_NEXT_SENTENCE = re.compile(r"\.[ \t]+(?=\S)")


def _before_this_visit(text: str, sentence_end: int, line_end: int) -> int:
    """The goal line's end, or the start of its first sentence after the goal's own that holds
    a word of this visit."""
    position = sentence_end
    while position < line_end:
        following = _NEXT_SENTENCE.search(text, position, line_end)
        stop = following.start() if following else line_end
        if _THIS_VISIT.search(text, position, stop):
            return position
        if following is None:
            return line_end
        position = following.end()
    return line_end


_BRACKET_REACH = 16


def _bracket_end(text: str, line_start: int, word_end: int, sentence_end: int) -> int | None:
    """The end of the bracket a goal word opens ("(target 95-115, ...)"), or None when the
    word is not the first thing in a bracket; a clause in it led by a word of another time
    ("(target 120 deg, IE 95 deg)") is a measurement again."""
    opening = text.rfind("(", max(line_start, word_end - _BRACKET_REACH), word_end)
    if opening < 0 or text.find(")", opening, word_end) >= 0:
        return None
    closing = text.find(")", word_end, sentence_end)
    if closing < 0:
        return None
    other_time = _other_time().search(text, word_end, closing)
    return closing if other_time is None else other_time.start()


@cache
def _other_time() -> re.Pattern[str]:
    """A clause led by a word of an earlier time or of this visit (legends.toml)."""
    words = legend_words()
    times = either((*words["earlier"], *words["later"]))
    return re.compile(rf"[,;][ \t]*(?:at[ \t]+)?(?:{times})(?![\w-])", re.IGNORECASE)
