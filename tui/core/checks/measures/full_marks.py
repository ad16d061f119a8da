"""A full "10/10" that names nothing is full marks or a full count, never the patient's pain:
"Grasp release: at table 10/10, at shoulder height 7/10, overhead 3/10", "Terminal device
opening at waist 10/10, at mouth 8/10".

A bare 0-10 rating with no rating word near is read as pain (measures/scores.py), because a
patient's pain is the thing most often rated in a therapy note. But a clinician never writes
the worst pain there is without saying it is pain ("pain 10/10", "10/10 at worst"): a ten out of
ten that names no pain is a task done every time, a score at its ceiling or a test passed. The
other fractions over ten of its sentence are the same list (the task in other positions or
blocks), so none of them is pain either. A sentence (or a heading line above it) with a pain
word, a word only pain is rated at (measures.toml [full_marks] pain_only: "worst", "flare")
or a body part named as the thing rated ("Knee: 10/10 this morning", not "at shoulder height")
keeps its ratings. The fractions are claimed for no reader: a count of successes is
optional in every set, never a required fact. Asked only of a rating already found to name
nothing: one search of its sentence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tui.core.checks.tables import MeasureDef, measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.scan import Scanner

_FULL = re.compile(r"(?<![\w./])10[ \t]*(?:/[ \t]*|out[ \t]+of[ \t]+)10(?![\d.]*\d)", re.I)
_OVER_TEN = re.compile(r"(?<![\w./])\d{1,2}[ \t]*/[ \t]*10(?![\d.]*\d)")
# A body part named as a place the task was done at ("at shoulder height", "behind the back"),
# not as the thing rated.
_PLACE = re.compile(
    r"\b(?:at|to|behind|above|below|over|from|toward|towards|past|near|by|across)[ \t]+"
    r"(?:(?:the|his|her|their|my)[ \t]+)?\Z",
    re.IGNORECASE,
)

# A heading line: any line ending in a colon, or a few words standing alone with no number and
# no sentence's end ("Back pain" over "Today: 10/10, yesterday 8/10").
_HEADING = re.compile(r".*:|[ \t>*#-]*[A-Za-z][A-Za-z' /()-]{0,40}")


@cache
def _pain_only() -> re.Pattern[str]:
    """Words only a pain is rated at, which make an unnamed 10/10 a pain rating."""
    found = either(measures_section("full_marks").get("pain_only", ()))
    return re.compile(rf"\b(?:{found})\b", re.IGNORECASE)


def _names_pain(scanner: Scanner, start: int, end: int) -> bool:
    """Whether the text from `start` to `end`, or a heading line right above it (ending in a
    colon, or a few words alone), names pain."""
    line_start, _ = scanner.line(start)
    above = scanner.line(line_start - 1) if line_start else None
    return _sentence_names_pain(scanner.text, start, end, above)


@lru_cache(maxsize=256)
def _sentence_names_pain(text: str, start: int, end: int, above: tuple[int, int] | None) -> bool:
    """`_names_pain` for a sentence and the line above it, searched once per sentence: once per
    rating in it made a long sentence with a 10/10 cost its length per rating (quadratic)."""
    if words().pain.search(text, start, end) or _pain_only().search(text, start, end):
        return True
    for region in words().regions.finditer(text, start, end):
        if not _PLACE.search(text, max(start, region.start() - 16), region.start()):
            return True  # "Knee: 10/10 this morning": the knee is rated, its pain
    if above is None:
        return False
    heading = text[above[0] : above[1]].rstrip()
    return _HEADING.fullmatch(heading) is not None and words().pain.search(heading) is not None


@lru_cache(maxsize=256)
def _full_mark_in(text: str, start: int, end: int) -> bool:
    """Whether the sentence holds a full 10/10, looked for once per sentence: once per rating
    in it made a long sentence of ratings cost its length per rating (quadratic)."""
    return _FULL.search(text, start, end) is not None


def unnamed_full_marks(scanner: Scanner, start: int) -> bool:
    """True (and the sentence's fractions over ten claimed) when the rating at `start`, which
    names nothing, stands in a sentence with a full 10/10 and no word of pain."""
    sentence_start, sentence_end = scanner.sentence(start)
    text = scanner.text
    if not _full_mark_in(text, sentence_start, sentence_end):
        return False
    if _names_pain(scanner, sentence_start, sentence_end):
        return False
    for fraction in _OVER_TEN.finditer(text, sentence_start, sentence_end):
        if scanner.free(*fraction.span()):
            scanner.claim(*fraction.span())
    return True


def pain_scale_limit(text: str, measure: MeasureDef, start: int, limit: int) -> int:
    """Where a pain scale's scores end after its name: at a word of another thing rated ("VAS
    dyspnoea 2/10", "pain 3/10 on VAS, SOB 2/10"), whose rating is that thing's, not pain."""
    if measure.kind != "pain":
        return limit
    other = words().not_pain.search(text, start, limit)
    return other.start() if other is not None else limit
