"""A provocative test's time to symptoms: "Phalen L positive at 35 s", "Durkan's + in 20 sec".

The seconds a position was held before the symptoms came are a direct measure of the patient
(`other` in seconds, CONVENTIONS: a hold time is a direct measure). A negative test's time
("Phalen negative at 60 s") is the test's whole length with no symptoms, no result: it is
claimed so no reader of times takes it. The test's name, its verdict and the time are read in
one short clause; words are data (measures.toml [provocation_times]).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.section_words import measure_words


@cache
def _timed_verdict() -> re.Pattern[str]:
    """The test's name, a few words (a side), its verdict, then a time in seconds."""
    listed = measure_words("provocation_times").either
    tests, positive, negative = listed("tests"), listed("positive"), listed("negative")
    return re.compile(
        rf"(?<![\w-])(?P<test>{tests})(?P<between>[ \t:,]+(?:[A-Za-z]{{1,6}}[ \t:,]+){{0,3}}?)"
        rf"(?:(?P<positive>{positive})|(?P<negative>{negative}))"
        r"[ \t]*(?:(?:at|@|in|after|by|within)[ \t]+)?"
        r"(?P<value>\d{1,3}(?:\.\d+)?)[ \t]*(?:s|secs?|seconds?)\b",
        re.IGNORECASE,
    )


def read_provocation_times(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each positive provocative test's time to symptoms as `other` seconds; a negative one's
    time claimed unread."""
    for found in line_scan(_timed_verdict(), scanner.text):
        span = found.span("value")
        if not scanner.free(*span):
            continue
        if found.group("negative"):
            scanner.claim(*span)
            continue
        side = labels.parts_of(found.group("between")).side
        label = labels.join(side, found.group("test"), "positive")
        scanner.emit(facts, "other", to_number(found.group("value")), span, label, unit="s")
