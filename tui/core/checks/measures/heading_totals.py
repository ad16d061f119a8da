"""A "Total" row under an instrument's subscales is the instrument's own score: "SCIM III
(today / at discharge):" over "Self-care 9/20", "Mobility 6/10" and "Total 51/100 (42/100)" is
SCIM III 51 and 42, never a measure called "Total". The instrument is the one whose score opens
the block (the rows up to a blank line above), looked for within a bounded reach so a long line
of totals costs each total a few hundred characters at most. Words and reach are data
(instrument_results.toml [totals])."""

from __future__ import annotations

import bisect
import dataclasses
import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.measures.result_words import total_reach, total_words
from tui.core.checks.text.scan import Scanner

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def name_totals(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Give each outcome read under a total's word the measure of its block's instrument."""
    words = total_words()
    totals = [i for i, f in enumerate(facts) if f.kind == "outcome" and _is_total(f, words)]
    if not totals:
        return
    order = sorted(range(len(facts)), key=lambda i: facts[i].span)
    starts = [facts[i].span[0] for i in order]
    for index in totals:
        total = facts[index]
        at = normalised(scanner, total.span[0])
        if at is None:
            continue
        opened = scanner.span(*(_block_start(scanner.text, at),) * 2)[0]
        first = bisect.bisect_left(starts, opened)
        measure = _opening_measure([facts[i] for i in order[first:]], total.span[0], words)
        if measure is not None:
            label = f"{measure} {total.label}"  # "SCIM III Total (previous)", as drafts write it
            facts[index] = dataclasses.replace(total, measure=measure, label=label)


def _is_total(fact: Fact, words: frozenset[str]) -> bool:
    return (fact.measure or "").lower() in words


def _block_start(text: str, at: int) -> int:
    """Where the block of rows holding `at` starts: after the last blank line within reach."""
    start = max(0, at - total_reach())
    blanks = [blank.end() for blank in _BLANK_LINE.finditer(text, start, at)]
    return blanks[-1] if blanks else start


def _opening_measure(block: list[Fact], before: int, words: frozenset[str]) -> str | None:
    """The measure of the block's first outcome before `before` that names an instrument."""
    for fact in block:
        if fact.span[0] >= before:
            return None
        if fact.kind == "outcome" and fact.measure and not _is_total(fact, words):
            return fact.measure
    return None
