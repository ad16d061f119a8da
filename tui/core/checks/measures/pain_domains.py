"""An instrument's pain domain written after its score with a dash or a semicolon: "SRS-22r mean
3.9 -- function 4.2, pain 3.6", "KOOS 60; pain 55, symptoms 70".

A questionnaire with a pain subscale (instruments.toml `items` holding "pain": KOOS, HOOS,
WOMAC, SPADI, PRWE, SRS-22r) reports it as "pain N" beside its total. Inside a bracket after
the total the instrument's parts reader takes it; after a dash or a semicolon it read as the
patient's pain rating, a false pain on every such note. So: a free bare "pain N" (no "/10",
no unit) whose sentence already holds a score of such an instrument, read before it, with no
rating word between but the instrument's own domains and a value in the instrument's range, is
that instrument's pain domain (an outcome labelled "<name> pain") where another domain is
listed before it or the value cannot be a 0-10 rating ("pain 3.6", "pain 55"); "SPADI 40, pain
6" stays the patient's rating. Twin: "SRS-22r 4.1. Back pain 3/10" is pain (a
new sentence, and a rating over ten). Runs before the rating readers; one search per "pain N".
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import MeasureDef
from tui.core.checks.text.lexicon import measure_matcher, words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_PAIN_SCORE = re.compile(
    r"\bpain[ \t]*[:=]?[ \t]*(\d{1,3}(?:\.\d{1,2})?)(?![\d.])"
    r"(?![ \t]*(?:/|out[ \t]+of|%|[A-Za-z]))",
    re.IGNORECASE,
)


def _scored_before(facts: list[Fact], start: int, end: int) -> Fact | None:
    """The last outcome read between `start` and `end` (the sentence before the pain word)."""
    scored = [
        fact
        for fact in facts
        if fact.kind == "outcome" and fact.measure and start <= fact.span[0] < end
    ]
    return max(scored, key=lambda fact: fact.span[0], default=None)


def _with_pain_item(name: str) -> MeasureDef | None:
    measure = measure_matcher(()).measure(name)
    if measure is None or not any(item.casefold() == "pain" for item in measure.items):
        return None
    return measure


@cache
def _item_words(items: tuple[str, ...]) -> re.Pattern[str]:
    """An instrument's domain names as words, compiled once per instrument."""
    names = sorted((re.escape(item) for item in items), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(names)})\b", re.IGNORECASE)


# The separator before the next item of a list of domains.
_NEXT_ITEM = re.compile(r"[ \t]*[,;][ \t]*")


def _domain_next(domains: re.Pattern[str], text: str, end: int) -> bool:
    """Whether the next item of the list after the pain score at `end` is another of the
    instrument's domains with its own score ("pain 8, stiffness 4")."""
    separator = _NEXT_ITEM.match(text, end)
    if separator is None:
        return False
    domain = domains.match(text, separator.end())
    return (
        domain is not None
        and re.match(r"[ \t]*[:=]?[ \t]*\d", text[domain.end() : domain.end() + 6]) is not None
    )


def read_pain_domains(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Each free "pain N" after a score of an instrument with a pain subscale in its sentence."""
    text = scanner.text
    vocab = words()
    for match in line_scan(_PAIN_SCORE, text):
        start, end = match.span(1)
        if scanner.in_header(start) or not scanner.free(start, end):
            continue
        sentence_start = scanner.sentence_before(match.start())
        scored = _scored_before(facts, sentence_start, match.start())
        if scored is None or scored.measure is None:
            continue
        measure = _with_pain_item(scored.measure)
        value = to_number(match.group(1))
        if measure is None or not measure.in_range(value):
            continue
        between = text[scored.span[1] : match.start()]
        domains = _item_words(measure.items)
        # a domain listed before it, or as the next of the list ("WOMAC 38; pain 8, stiffness 4")
        listed = domains.search(between) is not None or _domain_next(domains, text, match.end())
        if vocab.pain.search(between) or vocab.not_pain.search(domains.sub(" ", between)):
            continue  # "SPADI 40; back pain 6 today": another rating said between
        if not listed and value == int(value) and value <= 10:
            continue  # "SPADI 40, pain 6": a whole 0-10 with no domain listed is the patient's
        label = f"{measure.name} pain"
        scanner.emit(facts, "outcome", value, (start, end), label, measure=measure.name)
