"""How long the patient kept a position or a task going, read as a result: "Standing
tolerance at sink 4 min before needing to sit", "VOR x1 tolerance: horizontal 60 s ...;
vertical 45 s", "Sit EOB 6 min with SBA", "Grooming standing at sink 6 min, CGA".

A clinician reads such a time as a measure of the patient (`other`, CONVENTIONS: times that are
no named test's result), as the therapist watched it end. Two shapes say so:

- a word of tolerance ("tolerance", "tolerated") takes every time after it in its sentence; a
  heading's line holding such a word and no number ("Positional tolerance   Observed") takes
  the times of the lines below it, up to a blank line;
- a position ("sat", "standing", "EOB", "stoop") takes the time after it when the words right
  after the time say how it was done or why it ended: an assist level ("with SBA", ", CGA",
  "with minimal assistance") or "before needing to sit".

A time no other reader holds is read even where the dose rules blocked it ("for 90 seconds"):
the words around it decide. A bare "x" after a position ("Tolerated sitting EOB x 12 min") is how
long it lasted, as charting writes it. It is never read as a dose (a count or a multiplier with
it, a home program's line), a bound ("by", "within", ">"), a goal, a treatment's minutes (a session,
an activity or a billed code between the words and the time), a time the patient rested, nor in
a stretch blocked as no measurement (a job's demands). The hours a device is worn are left out
(the sets file them both ways). Words are data (measures.toml [tolerances]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM, Led, led
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.section_words import measure_words

_UNIT = r"(?P<unit>s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?)"
_TIME = re.compile(
    rf"(?<![\d.:/])(?P<value>{NUM})[ \t]*{_UNIT}\b(?![ \t]*(?:/|per)[ \t]*(?:wk|week))"
)
_UNITS = {"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s", "h": "h", "hr": "h"}
_HOURS = ("hrs", "hour", "hours")
# Between a position and its time: words only, no number and no clause's end.
_GAP = r"[^\d\n.;:]{0,60}?"
_DIGIT = re.compile(r"\d")
# A heading's line: a few words, no sentence in it, the tolerance word among its first words
# ("Positional tolerance        Observed      Stopped because", "Sitting tolerance:").
_HEADING = re.compile(r"[ \t#*>-]*(?:[A-Za-z/-]+[ \t]+){0,3}tol[^.;,\n]*\Z", re.IGNORECASE)
# A multiplier before the time ("3 x 30 s", "x 2 min") or a count or frequency after it ("30 s x
# 3", "10 min 2x/day", "5 min daily"): a dose.
_DOSE_BEFORE = re.compile(r"(?:\bx|×|\d[ \t]*x)[ \t]*\Z", re.IGNORECASE)
# A bare "x" after a position's words ("Tolerated sitting EOB x 12 min"): the time it lasted, as
# charting writes it, unless a count stands before the "x" ("3 x 1 min" is a dose).
_BARE_X = re.compile(r"[A-Za-z)][ \t]+x[ \t]*\Z", re.IGNORECASE)
_DOSE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:x[ \t]*\d|×|\d+[ \t]*(?:x|×|reps?|sets?|times)\b|reps?\b|sets?\b|each\b"
    r"|per[ \t]+(?:rep|set|day)|daily\b|/[ \t]*d(?:ay)?\b|BID\b|TID\b|QID\b)",
    re.IGNORECASE,
)
# A line's key: its words up to a colon or its first number ("Rest breaks: 1 min seated").
_KEY = re.compile(r"[ \t>*-]*[^\d\n:]{1,40}(?=:|[ \t]\d)")


@dataclass(frozen=True)
class _Words:
    tolerance: Led
    position: Led
    how_after: re.Pattern[str]
    not_result: re.Pattern[str]
    dose_line: re.Pattern[str]
    bound_before: re.Pattern[str]
    advised: re.Pattern[str]
    noun_after: re.Pattern[str]
    posture: re.Pattern[str]


@cache
def _words() -> _Words:
    listed = measure_words("tolerances").words
    flags = re.IGNORECASE
    tolerance, positions = listed("tolerance"), listed("positions")
    return _Words(
        tolerance=led(re.compile(rf"\b(?:{either(tolerance)})\b", flags), *tolerance),
        position=led(
            re.compile(
                rf"\b(?:{either(positions)})\b{_GAP}(?<![\d.])(?P<value>{NUM})[ \t]*{_UNIT}\b",
                flags,
            ),
            *positions,
        ),
        # a few words may come first ("stood 3 min at RW with CGA", "for 5 min to brush
        # teeth, SBA", "12 min during cooking (CGA)")
        how_after=re.compile(
            rf"(?:[ \t]+[A-Za-z/]+){{0,3}}?[ \t]*[,(]?[ \t]*(?:with[ \t]+|w/[ \t]*|and[ \t]+)?"
            rf"(?:{either(listed('how_after'))})",
            flags,
        ),
        not_result=re.compile(rf"\b(?:{either(listed('not_results'))})", flags),
        dose_line=re.compile(rf"\b(?:{either(listed('dose_lines'))})", flags),
        bound_before=re.compile(
            rf"(?<![A-Za-z])(?:{either(listed('bounds_before'))})[ \t]*\Z", flags
        ),
        advised=re.compile(rf"\b(?:{either(listed('advised'))})\b", flags),
        noun_after=re.compile(rf"[ \t]*(?:{either(listed('nouns_after'))})\b", flags),
        posture=re.compile(rf"\b(?:{either(positions)})\b", flags),
    )


def read_tolerances(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each time a position, a task or a device was tolerated (see the module)."""
    words = _words()
    text = scanner.text
    for match in words.tolerance.finditer(text):
        start, end = _scope(scanner, match)
        clause = scanner.clause_start(match.start())
        if words.advised.search(text, scanner.line(match.start())[0], match.start()):
            continue
        for time in _TIME.finditer(text, match.end(), end):
            if (
                _bracketed(text, match.end(), time.start())
                and not attribute(scanner, *time.span("value")).prior
            ):
                continue  # "[15 min of it in the recliner]": a part, unless an earlier time
            if _result(scanner, time, max(start, clause)):
                _emit(scanner, facts, time, match.start())
    for found in words.position.finditer(text):
        if not words.how_after.match(text, found.end()):
            continue
        if words.advised.search(text, scanner.line(found.start())[0], found.start()):
            continue
        if _result(scanner, found, found.start()):
            _emit(scanner, facts, found, found.start())


def _bracketed(text: str, start: int, end: int) -> bool:
    """True when a bracket opened between `start` and `end` is still open at `end`."""
    stretch = text[start:end]
    return stretch.count("(") + stretch.count("[") > stretch.count(")") + stretch.count("]")


def _scope(scanner: Scanner, match: re.Match[str]) -> tuple[int, int]:
    """Where the times of a tolerance word are: the rest of its sentence, or the lines below
    when its line holds no number (a heading or a table's header row)."""
    text = scanner.text
    line_start, line_end = scanner.line(match.start())
    if _DIGIT.search(text, line_start, line_end) is None and _HEADING.match(
        text, line_start, line_end
    ):
        blank = text.find("\n\n", line_end)
        return line_start, len(text) if blank < 0 else blank
    return match.start(), scanner.sentence(match.start())[1]


def _result(scanner: Scanner, time: re.Match[str], since: int) -> bool:
    """A time read as the patient's: free, no goal, no dose, no bound, no treatment's words."""
    words = _words()
    text = scanner.text
    start, end = time.span("value")
    # The dose rules block "for 90 seconds" and "6 h/day" everywhere: a time no fact holds is
    # taken when the words around it make it a tolerance (as measures/tested_reps.py does).
    if scanner.claimed(start, end) or scanner.in_header(start) or scanner.in_goal(start):
        return False
    line_start, _ = scanner.line(start)
    clause = max(since, scanner.clause_start(start), line_start)
    if walled(scanner, start):
        return False
    if _DOSE_BEFORE.search(text, max(0, start - 8), start) and not _lasted(scanner, clause, start):
        return False
    if _DOSE_AFTER.match(text, time.end("unit")):
        return False
    key = _KEY.match(text, line_start)
    if words.not_result.search(text, clause, start) or words.dose_line.search(
        text, line_start, start
    ):
        return False
    if key is not None and words.not_result.search(key.group()):
        return False
    if words.bound_before.search(text, clause, start):
        return False
    return not words.noun_after.match(text, time.end("unit"))


def _lasted(scanner: Scanner, clause: int, start: int) -> bool:
    """True when a bare "x" before the time follows a position named in its clause
    ("Tolerated sitting EOB x 12 min", "up in chair x 2 hrs"): how long the position lasted."""
    text = scanner.text
    return (
        _BARE_X.search(text, max(clause, start - 12), start) is not None
        and _words().posture.search(text, clause, start) is not None
    )


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def walled(scanner: Scanner, start: int) -> bool:
    """True when the first word of a number's line is blocked: the line is no measurement of
    the patient (a job's demands, a set-up line, the lines under such a heading), which the
    readers that take blocked doses must leave."""
    line_start, _ = scanner.line(start)
    first = _FIRST_WORD.search(scanner.text, line_start, start)
    return first is not None and scanner.is_blocked(first.start(), first.end())


def _emit(scanner: Scanner, facts: list[Fact], time: re.Match[str], since: int) -> None:
    """The time as `other` in s, min or h, named by the words from `since` (the tolerance word
    or the position) to it, within its sentence and line."""
    start, end = time.span("value")
    found = attribute(scanner, start, end)
    line_start, _ = scanner.line(start)
    sentence, _ = scanner.sentence(start)
    opening = max(since, line_start, sentence)
    # a later item of a list is named by its own clause ("...; vertical 45 s", ", kneel 8 min")
    clause = max(opening, scanner.clause_start(start))
    name = labels.context_words(scanner.text[clause:start], 5) or labels.context_words(
        scanner.text[opening:start], 5
    )
    label = labels.join(found.side, labels.without_sides(name)) + found.previous
    written = time.group("value")
    value: int | float = float(written) if "." in written else int(written)
    unit_word = time.group("unit").lower()
    unit = "h" if unit_word in _HOURS else _UNITS.get(unit_word, "min")
    scanner.emit(facts, "other", value, (start, time.end("unit")), label, unit=unit)
