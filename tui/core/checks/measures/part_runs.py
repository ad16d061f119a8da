"""A run of an instrument's parts, each written with its earlier score in a bracket: "BOT-2
Fine Motor Precision scale score 8 (5); Fine Motor Integration 7 (6); Manual Dexterity 9 (7)",
"WeeFIM self-care 31 (24); mobility 29 (26); cognition 27 (25)".

A clinician reads the parts after the first one as the same instrument's, whatever their names:
the run repeats one shape, "name score (bracket)", clause after clause. The reader of an
instrument's parts (instrument_parts.py) stops at the first bracket, and a name it does not
know ("Upper-Limb Coordination 10") is read as an instrument of its own. Here, after a part's
score read under an instrument, the next clause is read as its next part when it has the same
shape: a bracket after both scores or after neither. The next part's bracket is its earlier
score when the first part's bracket was read as that part's earlier score (the note or its
heading said so); a bracket read as nothing (a percentile, "(7th %ile)") is left alone. A clause
naming a listed instrument, or a score with a unit, is no part of the run.
"""

from __future__ import annotations

import dataclasses
import re

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.item_codes import not_part_words
from tui.core.checks.measures.instrument_parts import is_part
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.measures.scores import read_scores
from tui.core.checks.names import listed
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

# A part's score (no unit, no whole), and the bracket after it, if any.
_SCORED = re.compile(
    rf"(?P<score>{NUM})(?!\d|\.\d|[ \t]*[/%])(?:[ \t]*\((?P<bracket>[^()\n]{{1,30}})\))?"
)
# A part of a run: one to four words naming it, then (after a space, maybe a colon) its score
# with no unit, then its own bracket, if any; shared by a run's first part after an
# instrument's colon (`_LEAD`) and each next part (`_NEXT`).
_PART_WORDS = r"(?P<words>[A-Za-z][\w/-]*(?:[ \t]+[A-Za-z][\w/-]*){0,3}?)"
_PART_SCORE = (
    rf"(?P<score>{NUM})(?!\d|\.\d|[ \t]*(?:[/%\u00b0]|[A-Za-z]))"
    r"(?:[ \t]*\((?P<bracket>[^()\n]{1,30})\))?"
)
# The next clause: a semicolon (or comma), the part's words, its score and bracket.
_NEXT = re.compile(
    rf"[ \t]*[;,][ \t]*(?:and[ \t]+)?{_PART_WORDS}[ \t]*[:=]?[ \t]+{_PART_SCORE}"
    r"(?=[ \t]*(?:[;,.]|\n|\Z))"
)
# A word written as an instrument's name of its own: a hyphenated acronym ("PHQ-9", "FABQ-W")
# or four capitals and more ("PSEQ"); a part is named in words or a short acronym ("ADL").
_OTHER_NAME = re.compile(r"[A-Z][A-Za-z]*[A-Z]-[A-Za-z0-9]+|[A-Z]{4,}[A-Za-z0-9]*")
_BARE = re.compile(rf"[ \t]*(?P<number>{NUM})[ \t]*")


# A line naming an instrument before its colon, then a run of its parts: "PDMS-3 scaled scores,
# 6-month scores in parentheses: Body Control 7 (5), Body Transport 8 (6)". Tried only on lines
# with a colon and a bracket or a semicolon after it (a cheap precondition).
_LEAD = re.compile(
    rf"(?m)^(?P<before>[^\n:]{{2,90}}):[ \t]*{_PART_WORDS}[ \t]+{_PART_SCORE}(?=[ \t]*[;,])"
)
_NAME_WORD = re.compile(r"[A-Za-z][\w-]*")
# A test's name with its edition: capitals, a hyphen and a number ("PDMS-3", "BOT-2").
_EDITION = re.compile(r"[A-Z]{2,}[A-Za-z]*-\d{1,2}")


def read_part_runs(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """For each part's score read under an instrument, the next parts of its run; first the
    runs led by an instrument's name before a colon."""
    _read_leads(scanner, facts)
    index = 0
    while index < len(facts):
        fact = facts[index]
        index += 1
        if fact.kind != "outcome" or not fact.measure or "previous" in fact.label:
            continue
        if not is_part(fact):
            continue
        start = normalised(scanner, fact.span[0])
        first = _SCORED.match(scanner.text, start) if start is not None else None
        if first is None:
            continue
        _read_next(scanner, facts, fact, first)


def _read_next(scanner: Scanner, facts: list[Fact], fact: Fact, first: re.Match[str]) -> None:
    """Read the clause after `first` (the score of `fact`) as the instrument's next part."""
    text = scanner.text
    line_end = scanner.line(first.end())[1]
    part = _NEXT.match(text, first.end(), line_end)
    if part is None or (first.group("bracket") is None) != (part.group("bracket") is None):
        return
    words = part.group("words")
    if listed(words) or any(listed(word) or _OTHER_NAME.fullmatch(word) for word in words.split()):
        return  # "; Berg 44", "; PHQ-9 4": another instrument
    if any(word.casefold() in not_part_words() for word in words.split()):
        return  # "; grip 22": another kind of fact
    measure = measure_named(fact.measure or "")
    value_start, value_end = part.span("score")
    if not measure.in_range(float(part.group("score"))):
        return
    if scanner.free(value_start, value_end):
        read_scores(scanner, facts, measure, value_start, value_end, qualifier=words)
    elif not _renamed(scanner, facts, measure.name, words, value_start):
        return
    earlier = _earlier_of(scanner, facts, fact, first)
    if earlier is None or part.group("bracket") is None:
        return
    mark = " (previous)" if "previous" in earlier.label else ""
    bare = _BARE.fullmatch(part.group("bracket"))
    if bare is None:
        return
    span = (
        part.start("bracket") + bare.start("number"),
        part.start("bracket") + bare.end("number"),
    )
    origin = scanner.span(*span)[0]
    if any(other.span[0] == origin for other in facts):
        _renamed(scanner, facts, measure.name, words, span[0], mark=mark)
        return
    if not scanner.free(*span):
        return
    number = float(bare.group("number"))
    value = int(number) if number.is_integer() and "." not in bare.group("number") else number
    label = f"{measure.name} {words}{mark}"
    scanner.emit(facts, "outcome", value, span, label, measure=measure.name)


def _earlier_of(
    scanner: Scanner, facts: list[Fact], fact: Fact, first: re.Match[str]
) -> Fact | None:
    """The score read in the first part's bracket under the same instrument, if any: its
    earlier score, marked previous by the words around it or, later, by its heading ("baseline
    in parentheses")."""
    if first.group("bracket") is None:
        return None
    bare = _BARE.fullmatch(first.group("bracket"))
    if bare is None:
        return None
    origin = scanner.span(first.start("bracket") + bare.start("number"), first.end("bracket"))[0]
    for other in facts:
        if other.span[0] == origin and other.measure == fact.measure:
            return other
    return None


def _renamed(
    scanner: Scanner,
    facts: list[Fact],
    measure: str,
    words: str,
    start: int,
    *,
    mark: str = "",
) -> bool:
    """A part's score another reader took as an unlisted instrument's named by the part's
    words ("Upper-Limb Coordination 10"): filed under the run's instrument; True too when it
    was read under the run's instrument already. False when the score was taken as something
    else (the run ends there)."""
    origin = scanner.span(start, start + 1)[0]
    for index, other in enumerate(facts):
        if other.span[0] != origin:
            continue
        if other.kind != "outcome" or not other.measure:
            return False
        if other.measure == measure:
            return True
        if listed(other.measure) or other.measure.casefold() not in words.casefold():
            return False
        label = f"{measure} {words}{mark}"
        facts[index] = dataclasses.replace(other, measure=measure, label=label)
        return True
    return False


def _read_leads(scanner: Scanner, facts: list[Fact]) -> None:
    """The first part of a run after a colon, when the words before the colon name a listed
    instrument and the next clause has the first part's shape; the run goes on from it."""
    text = scanner.text
    for lead in _LEAD.finditer(text):
        measure_name = _instrument_in(lead.group("before"))
        if measure_name is None or listed(lead.group("words")):
            continue
        if any(word.casefold() in not_part_words() for word in lead.group("words").split()):
            continue
        following = _NEXT.match(text, lead.end(), scanner.line(lead.end())[1])
        if following is None or (lead.group("bracket") is None) != (
            following.group("bracket") is None
        ):
            continue
        measure = measure_named(measure_name)
        start, end = lead.span("score")
        if not measure.in_range(float(lead.group("score"))) or not scanner.free(start, end):
            continue
        label = f"{measure.name} {lead.group('words')}"
        scanner.emit(
            facts,
            "outcome",
            _number(lead.group("score")),
            (start, end),
            label,
            measure=measure.name,
        )
        bracket = lead.group("bracket")
        bare = _BARE.fullmatch(bracket) if bracket is not None else None
        if bare is not None:
            span = (
                lead.start("bracket") + bare.start("number"),
                lead.start("bracket") + bare.end("number"),
            )
            if scanner.free(*span):
                number = _number(bare.group("number"))
                scanner.emit(facts, "outcome", number, span, label, measure=measure.name)


def _instrument_in(words: str) -> str | None:
    """The instrument the words name: a listed one (one word or two: "Sensory Profile"), or
    the first word when it is written as a test's edition ("PDMS-3", "BOT-2")."""
    found: list[str] = _NAME_WORD.findall(words)
    for size in (2, 1):
        for index in range(len(found) - size + 1):
            name = " ".join(found[index : index + size])
            if listed(name):
                return name
    if found and _EDITION.fullmatch(found[0]) and found[0].casefold() not in not_part_words():
        return found[0]
    return None


def _number(written: str) -> int | float:
    number = float(written)
    return int(number) if number.is_integer() and "." not in written else number
