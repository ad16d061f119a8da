"""Five chair rises timed, written the other way round: "sit to stand x5 in 14.2 s", "stood
from a standard chair five times in 18.4 seconds", "5 STS in 16 s". The test is the five times
sit to stand (5xSTS) though its name is not written; the time is its score.

The reader is led by the words of standing up (found once in the note) and works inside the
sentence: five repetitions, then "in" and a time in seconds, nothing else read there first.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.text.lexicon import NUM, led
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_MEASURE = "5xSTS"
_RISES = led(
    re.compile(
        r"\b(?:sit[ \t-]*to[ \t-]*stand|STS|chair[ \t]+(?:rises?|stands?)|stood)\b"
        r"[^.;\n\d]{0,50}?"
        r"(?:x[ \t]*5\b|\b5[ \t]*(?:x\b|times\b|reps?\b|repetitions\b))"
        rf"[ \t]*(?:in|=|:)[ \t]*(?P<value>{NUM})[ \t]*(?P<unit>s|sec|secs|seconds)\b",
        re.IGNORECASE,
    ),
    "sit",
    "sts",
    "chair",
    "stood",
)


def read_chair_rises(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Five sit-to-stands timed in seconds, read as the 5xSTS score."""
    for match in _RISES.finditer(scanner.text):
        span = (match.start("value"), match.end("unit"))
        if not scanner.free(*span):
            continue
        value = to_number(match.group("value"))
        scanner.emit(facts, "outcome", value, span, _MEASURE, unit="s", measure=_MEASURE)
