"""An earlier score of the same scale in a bracket straight after a score: "HJHS total 12/124
(2099 visit: 9/124)", "MRC-SS 44/60 (first PT day: 31/60)", "Perme 19/32 (admit 1/12: 9/32)",
"Fugl-Meyer UE motor 38/66 (FM-UE at PR 02/26: 33/66)", "Rise from floor 5.9 s, full Gowers' with
hand on thigh (Sept 2131: 4.6 s)" (a remark of words between).

A clinician reads the bracket's fraction out of the same whole as the same scale's score at the
time the bracket names (a visit, the evaluation, admission, a date or a year). The readers of
scores stop at a year, a date or another name inside such a bracket, so the fraction is left
unread; it is read here, after them, as the earlier score of the score before the bracket. A
bracket that names a target or a norm ("(goal by d/c: 87/100)", "(cut-off: 45/56)") holds no
score of the patient. The words are data (score_shapes.toml [earlier_brackets]).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.shape_words import words
from tui.core.checks.names import listed
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

# The score's whole or unit after it, which the bracket's score repeats: "/124", " m", " s".
# A remark of how the test went may stand between the score and the bracket, words without a
# number ("Rise from floor 5.9 s, full Gowers' with hand on thigh (Sept 2131: 4.6 s)").
_BRACKETED = re.compile(
    rf"(?<![\d./])(?P<score>{NUM})(?P<tail>[ \t]*/[ \t]*\d{{1,3}}|[ \t]*(?:m|ft|s|sec|%|reps)\b)"
    r"(?:,?[ \t]+[A-Za-z][^()\d\n;:]{0,40}?)?"
    rf"[ \t]*\((?P<when>[^()\n]{{1,40}}?)[ \t]*[:=]?[ \t]*"
    rf"(?P<earlier>{NUM}(?P=tail))[ \t]*\)"
)
_WORD = re.compile(r"[A-Za-z][\w/'-]*")
_YEAR_OR_DATE = re.compile(r"(?<!\d)(?:(?:19|20|21)\d\d|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?!\d)")
_NUMBER = re.compile(NUM)


def read_bracket_earlier(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read the earlier score in a bracket after a score read as an instrument's."""
    text = scanner.text
    for found in _BRACKETED.finditer(text):
        earlier = found.span("earlier")
        if scanner.is_blocked(*earlier) or not _says_earlier(found.group("when")):
            continue
        fact = _score_at(scanner, facts, found.start("score"))
        if fact is None:
            continue
        if not scanner.free(*earlier) and (
            not scanner.claimed(*earlier)
            or _marked_earlier(scanner, facts, fact, earlier[0], found.group("when"))
        ):
            continue
        value = _NUMBER.match(found.group("earlier"))
        if value is None:
            continue
        number = float(value.group())
        label = fact.label.replace(" (previous)", "")
        scanner.emit(
            facts,
            "outcome",
            int(number) if number.is_integer() and "." not in value.group() else number,
            earlier,
            f"{label} (previous)",
            unit=fact.unit,
            measure=fact.measure,
        )


def _score_at(scanner: Scanner, facts: list[Fact], start: int) -> Fact | None:
    """The instrument's score read at `start`, if one was."""
    origin = scanner.span(start, start + 1)[0]
    for fact in facts:
        if fact.kind == "outcome" and fact.measure and fact.span[0] == origin:
            return fact
    return None


def _marked_earlier(scanner: Scanner, facts: list[Fact], fact: Fact, start: int, when: str) -> bool:
    """True when another reader took the bracket's score as a fact, which, when it is the same
    scale's, is marked as its earlier one, and when it was read under an unlisted name the
    bracket writes ("(03/24, no AFOs: 338 m)" is no score of an "AFOs"), is the scale's;
    False for a number taken as no fact (a reader that stopped at the bracket's year), which
    is read here."""
    origin = scanner.span(start, start + 1)[0]
    for index, other in enumerate(facts):
        if other.span[0] != origin:
            continue
        if other.measure == fact.measure and "previous" not in other.label:
            facts[index] = dataclasses.replace(other, label=f"{other.label} (previous)")
        elif (
            other.kind == "outcome"
            and other.measure
            and other.measure != fact.measure
            and not listed(other.measure)
            and other.measure.casefold() in when.casefold()
        ):
            label = fact.label.replace(" (previous)", "")
            facts[index] = dataclasses.replace(
                other, measure=fact.measure, label=f"{label} (previous)", unit=fact.unit
            )
        return True
    return False


def _says_earlier(when: str) -> bool:
    said = {word.casefold() for word in _WORD.findall(when)}
    if said & _not_when() or any(" " in word and word in when.casefold() for word in _not_when()):
        return False
    return bool(said & _when()) or _YEAR_OR_DATE.search(when) is not None


@cache
def _when() -> frozenset[str]:
    return words("earlier_brackets", "when")


@cache
def _not_when() -> frozenset[str]:
    return words("earlier_brackets", "not_when")


def says_earlier(when: str) -> bool:
    """True when a bracket's words name an earlier time and no target or norm ("eval",
    "pre-op", a date; not "goal"): shared with the brackets after a run of parts."""
    return _says_earlier(when)
