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
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.measures.result_words import total_reach, total_words
from tui.core.checks.names import listed, resolve
from tui.core.checks.text.alternation import either
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A heading line of its own naming what the rows under it score ("SARA (Scale for the
# Assessment and Rating of Ataxia):"): its name, before any bracket, then the colon.
_HEADING_LINE = re.compile(
    r"^[ \t]*(?P<name>[A-Za-z][\w' -]{0,60}?)[ \t]*(?:\([^()\n]*\))?[ \t]*:[ \t]*$", re.M
)


def read_heading_totals(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """A total row of a table under a heading naming a listed instrument ("SARA (...):" over
    its items' rows and "Sum   17   14.5"): each number is the instrument's score, one a column
    (mark_timepoint_columns makes an earlier column's previous). Items are left to their
    readers: only the row a total's word names is the instrument's."""
    text = scanner.text
    for row in _total_row().finditer(text):
        numbers = list(_ROW_NUMBER.finditer(text, row.end("name"), row.end()))
        if not numbers or not all(scanner.free(*number.span()) for number in numbers):
            continue
        measure = _heading_measure(text, _block_start(text, row.start()), row.start())
        if measure is None:
            continue
        label = f"{measure} {row.group('name').strip()}"
        for number in numbers:
            value = to_number(number.group())
            scanner.emit(facts, "outcome", value, number.span(), label, measure=measure)


_ROW_NUMBER = re.compile(r"(?<![\w./])\d{1,3}(?:\.\d{1,2})?(?![\w./])")


@cache
def _total_row() -> re.Pattern[str]:
    """A row named by a total's word, then numbers set apart as columns are, and nothing else."""
    names = either(sorted(total_words(), key=len, reverse=True))
    return re.compile(
        rf"^[ \t]*(?P<name>(?:{names}))[ \t]*:?(?:(?:[ \t]{{2,}}|\t|[ \t]*:[ \t]*)"
        r"\d{1,3}(?:\.\d{1,2})?)+[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    )


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
        measure = _opening_measure(
            [facts[i] for i in order[first:]], total.span[0], words
        ) or _heading_measure(scanner.text, _block_start(scanner.text, at), at)
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


def _heading_measure(text: str, start: int, at: int) -> str | None:
    """The listed instrument a heading line of the block names, where no score opens the block:
    "SARA (...):" over a table of its items' scores and a "TOTAL" row (the items are no
    outcome of their own, so no fact names the instrument)."""
    found = None
    for heading in _HEADING_LINE.finditer(text, start, at):
        if listed(heading.group("name")):
            found = resolve(heading.group("name"))
    return found
