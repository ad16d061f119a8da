"""A distance under the name of a walk test is that test's score.

Pulmonary and cardiac rehab sheets head a block with the test ("6 MINUTE WALK (REASSESSMENT)",
"Two-minute walk test:") and give its result on a line of its own ("Distance: 336 m (IE 281
m)"). Read as prose, the distance is a distance walked, not the test's score, and a draft that
changes it is not held to the test. The reader is led by the word "distance" (found once in
the note); it looks back from there, inside the block (no blank line between), for the name of
an instrument scored in metres, and takes only distances nothing else read.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import MeasureDef
from tui.core.checks.text.lexicon import NUM, led, measure_matcher
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_DISTANCE_KEY = led(
    re.compile(r"\bdistance(?:[ \t]+(?:walked|covered|ambulated))?[ \t]*[:=]?", re.I), "distance"
)
_DISTANCE = re.compile(rf"(?<![\w.])({NUM})[ \t]*(m|ft|meters?|metres?|feet)\b(?!/)", re.I)
_UNITS = {
    "m": "m",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "ft": "ft",
    "feet": "ft",
}
_LOOK_BACK = 400
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def read_walk_headings(scanner: Scanner, facts: list[Fact], measures: tuple[str, ...]) -> None:
    """Distances on a "Distance:" line scored as the walk test named above them."""
    text = scanner.text
    for key in _DISTANCE_KEY.finditer(text):
        line_start, line_end = scanner.line(key.start())
        test = _walk_test_before(scanner, line_start, measures)
        if test is None:
            continue
        for found in _DISTANCE.finditer(text, key.end(), line_end):
            if not scanner.free(*found.span(1)) or not test.in_range(to_number(found.group(1))):
                continue
            span = (found.start(1), found.end())
            prior = attribute(scanner, found.start(1), found.end()).previous
            label = labels.join(test.name) + prior
            unit = _UNITS[found.group(2).lower()]
            scanner.emit(
                facts,
                "outcome",
                to_number(found.group(1)),
                span,
                label,
                unit=unit,
                measure=test.name,
            )


def _walk_test_before(
    scanner: Scanner, line_start: int, measures: tuple[str, ...]
) -> MeasureDef | None:
    """The last instrument scored in metres named in the block before the line, if any."""
    text = scanner.text
    floor = max(0, line_start - _LOOK_BACK)
    blanks = list(_BLANK_LINE.finditer(text, floor, line_start))
    if blanks:
        floor = blanks[-1].end()
    matcher = measure_matcher(measures)
    named = None
    for match in matcher.pattern.finditer(text, floor, line_start):
        measure = matcher.measure(match.group())
        if measure is not None and measure.unit == "m":
            named = measure
    return named
