"""Scores a draft writes on instruments no table lists, that no reader takes as facts.

"Bournemouth Neck Questionnaire 36/70", "the Spurling score was 2": a draft may give a score on
an instrument chartdesk does not know, changed or invented, in a phrasing no reader takes as a
fact, and then no rule checks it. Two shapes are read here from the draft: a score out of a
whole ("36/70"), which the note backs only by writing the same count and whole or the count
itself; and a number after a capitalised name and a word that says it is a score ("score",
"index", "scale", "questionnaire"), which the note backs only by writing the number in a
sentence about the same thing; a number right after a name written like an instrument's
("Peak METs 4.3") is held to the same. Numbers that are the draft's facts (checked already),
dates and the note's own month/day pairs are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.core.checks.text.numbers import Normalized
from tui.core.checks.verify.verify_words import either, listed

# A count out of a whole, not part of a date or a longer slash run, not a decimal's part.
_OUT_OF = re.compile(r"(?<![\d./\-])(\d+(?:\.\d+)?)\s*/\s*(\d+)(?![\d/]|\.\d|-\d)")
# A capitalised name (one to five words), a word that says a score, then its number.
_NAMED = re.compile(
    rf"\b((?:[A-Z][\w'\-]*\s+){{1,5}})(?:{either(listed('score_names', 'words'))})\b"
    r"[^\d\n.;]{0,15}?(?<![\d.])(\d+(?:\.\d+)?)(?![\d/]|\.\d)"
)
# A name written like an instrument's, two capitals or more ("METs", "PRWE", "PDQ-39"), then its
# number right after it: "Peak METs 4.3". A number with a unit or out of a whole, a range or a
# date is read elsewhere; five digits or more are a code ("CPT 97110"), no score.
_ACRONYM_LED = re.compile(
    r"(?<![A-Za-z0-9\-])((?=(?:[0-9a-z\-]*[A-Z]){2})[A-Za-z][A-Za-z0-9\-]{2,})"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+)(?<![\d.])(\d{1,4}(?:\.\d+)?)"
    r"(?![\d/]|\.\d|[ \t]*(?:-|\u2013|to|/)[ \t]*\d|[ \t]*[A-Za-z%\u00b0'])"
)
# Capitalised words that name no instrument (a sentence's first word, a pronoun).
_NOT_A_NAME = frozenset({"the", "his", "her", "their", "a", "an", "today", "this", "on", "at"})


def out_of_scores(draft: Normalized) -> Iterator[tuple[float, float, int]]:
    """(count, whole, where the count starts in the normalised text) of each "x/y"."""
    for match in _OUT_OF.finditer(draft.text):
        yield float(match.group(1)), float(match.group(2)), match.start(1)


def named_scores(draft: Normalized) -> Iterator[tuple[str, float, int]]:
    """(name, value, where the value starts in the normalised text) of each number after a
    capitalised name and a score word."""
    for match in _NAMED.finditer(draft.text):
        words = match.group(1).split()
        if all(word.lower() in _NOT_A_NAME for word in words):
            continue
        yield " ".join(words), float(match.group(2)), match.start(2)
    for match in _ACRONYM_LED.finditer(draft.text):
        yield match.group(1), float(match.group(2)), match.start(2)
