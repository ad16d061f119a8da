"""Scores of an instrument's parts written after its score, in the next clause: "QuickDASH 29.5;
Work module 43.8", "PROMIS-29 42, pain interference domain 58", "BCTQ symptom scale 2.1,
function 2.4".

A part is recognised by its shape, not by a list of instruments: a noun naming a part of an
instrument ("module", "domain", "subscale"; instruments.toml [names] part_nouns) ends its name,
or, after a score that is already a part's ("symptom scale 2.1", "physical function 42"), a word
of what a questionnaire scores ("function", "fatigue") names the next part. A listed
instrument's plain score is never continued by such a word: "Berg 45/56, confidence 60 %" is
no Berg score. Each part is read by the ordinary reader of scores under the same instrument.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.measures.scores import read_scores
from tui.core.checks.names import part_nouns, scored_subjects
from tui.core.checks.text.lexicon import DEGREES, NUM
from tui.core.checks.text.scan import Scanner

_SCORE = re.compile(rf"{NUM}(?:[ \t]*/[ \t]*\d{{1,3}}|[ \t]*%)?")
# The next clause: a comma or semicolon, up to four words ending on the part's name, its score.
_PART = re.compile(
    r"[ \t]*[;,][ \t]*(?:and[ \t]+)?"
    r"(?P<words>(?:[A-Za-z][\w/-]*[ \t]+){0,3}?[A-Za-z][\w/-]*)[ \t]*[:=]?[ \t]*"
    rf"(?P<value>{NUM}(?:[ \t]*/[ \t]*\d{{1,3}}|[ \t]*%)?)"
    rf"(?!\d|\.\d|[ \t]*(?:{DEGREES}|[/x]|(?i:s|secs?|kg|lbs?|cm|mm|m|ft|reps?|min)\b)"
    # "module 2 of 4": a count of the parts, not a part's score
    r"|[ \t]+(?i:of|out[ \t]+of)[ \t]+\d)"
)


def read_instrument_parts(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """For each outcome read, the scores of the instrument's parts written after it; a part
    read is followed in turn ("work module 43.8, sports module 62.5")."""
    index = 0
    while index < len(facts):
        fact = facts[index]
        index += 1
        if fact.kind != "outcome" or not fact.measure:
            continue
        start = normalised(scanner, fact.span[0])
        score = _SCORE.match(scanner.text, start) if start is not None else None
        if score is None:
            continue
        part = _PART.match(scanner.text, score.end(), scanner.line(score.end())[1])
        if part is None or not scanner.free(*part.span("value")):
            continue
        words = part.group("words")
        if not _names_part(words) and not (_is_part(fact) and _scored_subject(words)):
            continue
        value_start, value_end = part.span("value")
        read_scores(
            scanner, facts, measure_named(fact.measure), value_start, value_end, qualifier=words
        )


def _names_part(words: str) -> bool:
    """True when the words end on a noun naming an instrument's part, after a name of its own
    ("Work module"; "module" alone names no part)."""
    split = words.split()
    return len(split) > 1 and split[-1].casefold() in _part_nouns()


def _is_part(fact: Fact) -> bool:
    """True when a score is already a part's: its label names more than its instrument
    ("PROMIS physical function"), or its instrument's name ends on a part's noun ("symptom
    scale")."""
    measure = fact.measure or ""
    label = fact.label.replace("(previous)", "").strip()
    extra = label.casefold().startswith(measure.casefold()) and len(label) > len(measure)
    return extra or _names_part(measure)


def _scored_subject(words: str) -> bool:
    """A word of what a questionnaire scores, alone or after one word that says which
    ("function", "physical function", "fatigue")."""
    split = words.casefold().split()
    return len(split) <= _SUBJECT_WORDS and split[-1] in scored_subjects()


_SUBJECT_WORDS = 2


@cache
def _part_nouns() -> frozenset[str]:
    return frozenset(noun.casefold() for noun in part_nouns())


def is_part(fact: Fact) -> bool:
    """True when a score read is already an instrument part's (see _is_part): the runs of parts
    (part_runs.py) continue only from such a score."""
    return _is_part(fact)
