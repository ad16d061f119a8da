"""Fractions over ten that count things, never a rating: "Copying 10 lowercase letters: 6/10
legible, 4/10 touched baseline (last month 3/10 and 2/10)", "found 10/10 w/ 1 verbal cue",
"Monofilament ... absent 6/10 sites ... absent 8/10".

A bare "N/10" with no rating word near is read as the patient's pain, so a count written the
same way must be taken first. Three shapes say a count: a word of finding or doing right
before the fraction ("found", "absent", "legible"; measures.toml [counted_tens] before), unless
a pain word leads to it ("pain absent 0/10"); a counted noun right after it ("7/10 principles
recalled"; [not_measurements] counted) with no pain word before it in its line; and a line
headed by the ten things counted ("Copying 10 lowercase letters:"), whose fractions after the
colon are all out of those ten. The fractions are claimed, for no reader to take. Runs before
the readers of ratings; one pass over the fractions, each line looked at once: linear.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section, not_measurement_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.scan import Scanner

_OVER_TEN = re.compile(r"(?<![\w./])\d{1,2}[ \t]*/[ \t]*10(?!\d|\.\d)")
# The ten things a line counts, before its colon: "Copying 10 lowercase letters:", "10 trials:".
# The things are a plural noun, never a time ("standing 10 min:", "10 mins:" time a stand).
_TEN_HEAD = re.compile(
    r"(?<![\w./])(?:10|ten)[ \t]+(?:[A-Za-z-]+[ \t]+){0,3}"
    r"(?!(?:mins|minutes|secs|seconds|hrs|hours|days|weeks|wks|months|yrs|years)\b)"
    r"[A-Za-z-]{2,}s[ \t]*:",
    re.IGNORECASE,
)
_PAIN_REACH = 30


@cache
def _before() -> re.Pattern[str]:
    """A word of finding or doing right before the fraction."""
    found = either(measures_section("counted_tens").get("before", ()))
    return re.compile(rf"(?<![\w-])(?:{found})[ \t]*:?[ \t]*\Z", re.IGNORECASE)


@cache
def _noun_after() -> re.Pattern[str]:
    """A counted noun right after the fraction (measures.toml [not_measurements] counted): the
    ten are things ("7/10 principles", "6/10 items"), never a scale's points. No word may stand
    between, so "4/10 most days" stays a rating for the pain word before it to claim."""
    nouns = either(not_measurement_words().get("counted", ()))
    return re.compile(rf"[ \t]+(?:{nouns})(?![\w-])", re.IGNORECASE)


def block_counted_tens(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Claim each fraction over ten that counts what a word before it found or a line's head
    names."""
    del facts  # a count is no fact
    text = scanner.text
    pain = words().pain
    headed: dict[int, int] = {}  # a line's start -> where its head of ten things ends (or -1)
    for match in _OVER_TEN.finditer(text):
        start, end = match.span()
        if scanner.in_header(start) or not scanner.free(start, end):
            continue
        line_start, _ = scanner.line(start)
        if line_start not in headed:
            head = _TEN_HEAD.search(text, line_start, start)
            headed[line_start] = head.end() if head is not None else -1
        if 0 <= headed[line_start] <= start and not pain.search(text, headed[line_start], end + 8):
            scanner.claim(start, end)  # "Copying 10 lowercase letters: 6/10 legible"
            continue
        floor = max(line_start, start - _PAIN_REACH)
        if _noun_after().match(text, end) and not pain.search(text, floor, start):
            scanner.claim(start, end)  # "7/10 principles recalled": ten things, seven of them
            continue
        said = _before().search(text, floor, start)
        if said is None or pain.search(text, floor, said.start()):
            continue
        if not pain.match(text, end + 1) and not pain.match(text, end):
            scanner.claim(start, end)  # "found 10/10", "absent 8/10"
