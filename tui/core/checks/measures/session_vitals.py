"""Vital signs before and after a bout, read today: "6MWT 320 m. HR 78->112, SpO2 97->93%".

An arrow between two values usually leads from an earlier visit's to today's ("Berg 41 -> 48"),
and the readers label the value it leads from `previous`. A vital sign is different: it is
taken at rest and again after the walk, the stairs or the exercise of this visit, and an arrow
between two heart rates in a sentence about that bout joins today's two readings. The label is
taken back only for a vital sign (measures.toml [session_vitals] labels), only when an arrow
follows it, and only in a sentence (or the one before it) that names an exertion and names no
earlier time ([attribution] prior_before)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import PREVIOUS
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# Right after a vital sign's value: its unit, then the arrow.
_ARROW_AFTER = re.compile(r"[ \t]*(?:%|bpm|mmHg)?[ \t]*(?:-{1,2}>|=>|[\u2192\u21d2\u2794\u27f6])")


@dataclass(frozen=True)
class _Words:
    labels: re.Pattern[str]
    exertion: re.Pattern[str]
    earlier: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("session_vitals")
    prior = measures_section("attribution").get("prior_before", ())
    return _Words(
        labels=re.compile(rf"^(?:{either(data.get('labels', ()))})\b", re.IGNORECASE),
        exertion=re.compile(rf"(?<![\w-])(?:{either(data.get('exertion', ()))})(?![\w-])", re.I),
        earlier=re.compile(rf"(?<![\w-])(?:{either(prior)})(?![\w-])", re.IGNORECASE),
    )


def unmark_session_vitals(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Take `previous` back from each vital sign an arrow leads from to this visit's reading
    after a bout named in its sentence."""
    words = _words()
    for index, fact in enumerate(facts):
        if fact.kind != "other" or PREVIOUS not in fact.label:
            continue
        if not words.labels.match(fact.label):
            continue
        if _ARROW_AFTER.match(scanner.norm.original, fact.span[1]) is None:
            continue
        start = normalised(scanner, fact.span[0])
        if start is None or not _about_a_bout(scanner, start, words):
            continue
        facts[index] = replace(fact, label=" ".join(fact.label.replace(PREVIOUS, " ").split()))


def _about_a_bout(scanner: Scanner, start: int, words: _Words) -> bool:
    """The value's sentence, or the one before it, names an exertion of this visit, and
    neither names an earlier time (each looked at within the scanner's window)."""
    sentence_start = scanner.sentence_before(start)
    before_start = scanner.sentence_before(max(0, sentence_start - 2)) if sentence_start else 0
    window = scanner.text[max(before_start, start - _REACH) : scanner.sentence_after(start)]
    return bool(words.exertion.search(window)) and not words.earlier.search(window)


# How far before a vital sign its bout may be named: the sentence before it, at most this far
# (a long line of readings is never searched whole for each of them).
_REACH = 160
