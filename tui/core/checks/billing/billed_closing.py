"""A sentence that closes by naming the code it was billed under ("Stair practice with rail, cues
for step-to, 12 min -- billed 97116.", "Epley R x2, 10 min incl. post-maneuver check -- billed
95992."): the sentence's one minutes value is that code's time.

A sentence with two minutes values or more does not say which is the code's, and gives none;
minutes dosed for home ("walk 20 min daily") are no one's. Found by the word "billed", so no pass
tries every position.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.checks.billing.code_minutes import CodeMinutes
from tui.core.checks.text.lexicon import led

_CLOSING = led(
    re.compile(
        r"billed(?:[ \t]+(?:as|under))?[ \t]+(?:CPT[ \t]*)?"
        r"((?:9\d{4}|G\d{4}))(?!\d)[ \t]*(?:[.;)]|$)",
        re.IGNORECASE | re.MULTILINE,
    ),
    "billed",
)
_MINUTES = re.compile(r"(?<![\w.])(\d{1,3})[ \t]*(?:min(?:ute)?s?\b|mins\b)", re.IGNORECASE)
# How far back the sentence is read: a sentence with no end stays linear.
_SENTENCE_MOST = 400
# A full stop before a word in lower case closes an abbreviation ("incl.", "approx."), not the
# sentence: the sentence goes on.
_GOES_ON = re.compile(r"[ \t]*[a-z]")
_HOME_DOSE = re.compile(r"\b(?:daily|a day|per day|/day|HEP|home)\b", re.IGNORECASE)


def billed_closing(text: str, sentence_start: Callable[[int], int]) -> list[CodeMinutes]:
    """The sentences of `text` that close on "billed CODE" with one minutes value before it;
    `sentence_start` gives where the sentence holding a position opens."""
    found = []
    for closing in _CLOSING.finditer(text):
        earliest = max(0, closing.start() - _SENTENCE_MOST)
        floor = max(text.rfind("\n", earliest, closing.start()) + 1, earliest)
        opening = max(sentence_start(closing.start()), floor)
        while opening > floor and _GOES_ON.match(text, opening):
            opening = max(sentence_start(opening - 1), floor)  # "10 min incl. post-maneuver"
        said = text[opening : closing.start()]
        minutes = list(_MINUTES.finditer(text, opening, closing.start()))
        if len(minutes) != 1 or _HOME_DOSE.search(said):
            continue
        found.append(
            CodeMinutes(
                code=closing.group(1).upper(),
                minutes=int(minutes[0].group(1)),
                start=minutes[0].start(1),
                minutes_start=minutes[0].start(1),
                minutes_end=minutes[0].end(),
                end=closing.end(1),
            )
        )
    return found
