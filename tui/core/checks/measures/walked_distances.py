"""Distances the patient walked or sent a ball, read as results: "Walks the dog 0.75 mi",
"amb 0.5 mi w/o rest", "Walked to the market and back about 1.5 miles", "Amb w/ RW 2 x 120 ft
SBA", "Gait: RW, 90 ft + 60 ft with 1 seated rest", "Kicks a large ball 3 ft forward", "Broad
jump 10 in".

A distance walked is a direct measure of the patient (`other`, CONVENTIONS: "walked 150 ft").
Three shapes escape the general distance reading: a walk in miles (a unit no other reader
takes), a walk repeated ("2 x 150 ft"), which the dose rules block as a multiplier, and the
second walk of a sum ("90 ft + 60 ft"). Each is read only in a sentence whose words before the
distance say the patient walked (data: measures.toml [walked_distances] walks), and never where
an exercise walks ("band walk 3 x 20 ft", "sled push 4 x 40 ft"), a place is described ("lives 3
mi from the clinic"), someone else walks ("Neighbour walks 2 miles"), or a goal, a wish or a
plan is said. A ball kicked or thrown and a broad or long jump ("kicks ball 6 ft", "broad jump
10 in") are a child's measured skills, read the same way after their own words; a height jumped
from or over is equipment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.place_distances import describes_place
from tui.core.checks.text.alternation import either, letter_words
from tui.core.checks.text.other_people import relation_words
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.section_words import measure_words

_MILES = re.compile(
    r"(?<![\d./])(?P<value>\d+(?:\.\d+)?|\.\d+)[ \t]*(?P<unit>mi|miles?)\b"
    r"(?![ \t]*(?:/|per\b|an?[ \t]+h(?:ou)?r\b))",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"[(,;]")


@dataclass(frozen=True)
class _Words:
    walk: re.Pattern[str]
    exercise: re.Pattern[str]
    not_walked: re.Pattern[str]
    skill: re.Pattern[str]
    someone: re.Pattern[str]
    bouts: re.Pattern[str]
    summed: re.Pattern[str]
    summed_before: re.Pattern[str]
    skill_distance: re.Pattern[str]
    unit_names: dict[str, str]


@cache
def _words() -> _Words:
    data = measure_words("walked_distances")
    words, listed = data.words, data.either
    flags = re.IGNORECASE
    return _Words(
        walk=letter_words(words("walks")),
        exercise=letter_words(words("exercises")),
        not_walked=letter_words(words("not_walked")),
        skill=letter_words(words("skills")),
        someone=re.compile(
            rf"(?<![A-Za-z])(?:{either(list(relation_words()))}|{listed('others')})"
            r"(?![A-Za-z])",
            flags,
        ),
        # Bouts of a walk: a count of one to six, a multiplier, then each bout's distance.
        bouts=re.compile(
            r"(?<![\d.])[1-6][ \t]*(?:x|\u00d7)[ \t]*(?P<value>\d{1,4})[ \t]*"
            rf"(?P<unit>{listed('walk_units')})\b(?![ \t]*/)",
            flags,
        ),
        # The next walk of a sum ("90 ft + 60 ft with 1 seated rest"), after a distance with its
        # unit.
        summed=re.compile(
            rf"\+[ \t]*(?P<value>\d{{1,4}})[ \t]*(?P<unit>{listed('walk_units')})\b(?![ \t]*/)",
            flags,
        ),
        summed_before=re.compile(rf"\d[ \t]*(?:{listed('walk_units')})[ \t]*\Z", flags),
        # A ball's or a jump's distance, never a height jumped from or over (equipment).
        skill_distance=re.compile(
            r"(?<![\d./-])(?P<value>\d{1,3}(?:\.\d+)?)[ \t]*"
            rf"(?P<unit>{listed('skill_units')})\b"
            rf"(?![ \t]*/)(?![ \t]*(?:{listed('equipment')})\b)",
            flags,
        ),
        unit_names=data.names("unit_names"),
    )


def read_walked_distances(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each walk in miles, each walk in bouts and each ball's or jump's distance (see the
    module)."""
    text = scanner.text
    words = _words()
    patterns = ((_MILES, words.walk), (words.bouts, words.walk), (words.summed, words.walk))
    for pattern, trigger in (*patterns, (words.skill_distance, words.skill)):
        for match in pattern.finditer(text):
            start, end = match.span("value")
            if pattern is words.summed and not words.summed_before.search(
                text, max(0, match.start() - 12), match.start()
            ):
                continue
            if (
                scanner.claimed(start, end)
                or scanner.in_header(start)
                or scanner.in_goal(start)
                or scanner.in_demands(start)
            ):
                continue
            line_start, _ = scanner.line(start)
            opening = max(line_start, scanner.sentence(start)[0])
            said = trigger.search(text, opening, start)
            if said is None or not _walked(scanner, said, match):
                continue
            found = attribute(scanner, start, end)
            clause = max(opening, scanner.clause_start(start))
            name = labels.context_words(text[clause:start], 4) or labels.context_words(
                text[opening:start], 4
            )
            label = labels.join(found.side, labels.without_sides(name)) + found.previous
            unit = match.group("unit").lower()
            written = match.group("value")
            value: int | float = float(written) if "." in written else int(written)
            scanner.emit(
                facts,
                "other",
                value,
                (start, match.end("unit")),
                label,
                unit=words.unit_names.get(unit, unit),
            )


def _walked(scanner: Scanner, said: re.Match[str], match: re.Match[str]) -> bool:
    """True when the words from the walk's word to the distance, and the clause after it, say
    the patient walked it: no exercise, no place, no one else, no wish, goal or plan."""
    words = _words()
    text = scanner.text
    line_start, line_end = scanner.line(match.start())
    opening = max(line_start, scanner.sentence(match.start())[0])
    before = text[opening : match.start()]
    if words.exercise.search(before) or words.not_walked.search(before):
        return False
    if words.someone.search(before):
        return False
    after_end = min(line_end, scanner.sentence(match.start())[1])
    # the clause after it, up to a bracket (a norm bracketed after is the norm's: "(norm 40 in)")
    aside = _ASIDE.search(text, match.end(), after_end)
    if words.not_walked.search(text, match.end(), aside.start() if aside else after_end):
        return False
    return not describes_place(scanner, match.start("value"), match.end("unit"))
