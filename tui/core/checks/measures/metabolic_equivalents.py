"""A workload in metabolic equivalents (METs) that the patient reached or that a test
estimated: "Est METs 4.2 on treadmill (3.1 at program entry)", "arm ergometer, est. 3.2 METs",
"functional capacity 5.8 METs".

Cardiac rehabilitation writes METs as often for a prescription or a limit ("progress toward
5-6 METs", "avoid tasks above 7 METs") as for a reading, so a value is read only when its clause
sets neither: no range and no target or limit word before it. An earlier value bracketed after
it ("(3.1 at program entry)") is read as previous when the words every reader shares for an
earlier time (legends.toml earlier, earlier_after, pre_program) say so. `other` with unit METs
(CONVENTIONS.md: a physiological quantity measured directly). Words are data (measures.toml
[metabolic_equivalents]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

# Not one end of a range ("3-4 METs", "5 to 6 METs"), a ratio nor a percentage.
_LONE = rf"(?<![\d.\-/])(?P<value>{NUM})(?![\d.]|[ \t]*(?:%|(?:-|–|to\b|/)[ \t]*\d))"
_RANGE_BEFORE = re.compile(r"\d[ \t]*(?:-|–|to)[ \t]*\Z", re.IGNORECASE)
# An earlier value bracketed after the reading ("(3.1 at program entry)", "(IE 2.9)").
_BRACKET = re.compile(
    rf"[ \t]*(?:[A-Za-z][^\d\n.;:,()]{{0,30}}?)?\((?P<before>[^()\n\d]{{0,20}}?)"
    rf"(?P<value>{NUM})(?P<after>[ \t]*[^()\n\d]{{0,25}})\)"
)

# A unit of the bracket's own ("(2.5 mph)", "(4%)"): a setting, not an earlier workload.
_OWN_UNIT = re.compile(
    r"[ \t]*(?:%|mph|km|kph|m/s|W\b|watts?|bpm|min|s\b|sec|lbs?|kg)", re.IGNORECASE
)


@dataclass(frozen=True)
class _Words:
    after_name: re.Pattern[str]
    before_name: re.Pattern[str]
    targets: re.Pattern[str]
    earlier: re.Pattern[str]


@cache
def _words() -> _Words:
    data = measures_section("metabolic_equivalents")
    names = either(data.get("names", ()))
    return _Words(
        # "METs 4.2", "est. METs: 4.2", "MET level of 3.2"
        after_name=re.compile(
            rf"\b(?:{names})(?![\w-])[ \t]*(?::|=|of|was|were|reached)?[ \t]*{_LONE}",
            re.IGNORECASE,
        ),
        # "4.2 METs", "3.2 est METs"; never a compound unit ("600 MET-min/week")
        before_name=re.compile(
            rf"{_LONE}[ \t]*(?:(?:est(?:imated)?|peak|max(?:imal)?)\.?[ \t]+)?(?:{names})(?![\w-])",
            re.IGNORECASE,
        ),
        targets=re.compile(
            rf"(?<![\w])(?:{either(data.get('targets', ()))})(?![\w])", re.IGNORECASE
        ),
        earlier=_earlier_words(),
    )


def _earlier_words() -> re.Pattern[str]:
    """The words every reader shares for an earlier time (legends.toml): an earlier visit's
    ("IE", "was", "baseline", "admission", "entry"), a time said after a value ("at program
    entry", "at onset") and a score before a program ("pre", "pre-test")."""
    shared = legend_words()
    words = (*shared["earlier"], *shared["earlier_after"], *shared["pre_program"])
    return re.compile(rf"(?<![\w])(?:{either(words)})(?![\w])", re.IGNORECASE)


def read_metabolic_equivalents(
    scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]
) -> None:
    """Each workload in METs read (see the module), and an earlier one bracketed after it."""
    words = _words()
    text = scanner.text
    for pattern in (words.after_name, words.before_name):
        for match in line_scan(pattern, text):
            start, end = match.span("value")
            if not _reading(scanner, words, start, end):
                continue
            _emit(scanner, facts, start, end, earlier=False)
            bracket = _BRACKET.match(text, match.end())
            if bracket is not None and _earlier(scanner, words, bracket):
                _emit(scanner, facts, *bracket.span("value"), earlier=True)


def _earlier(scanner: Scanner, words: _Words, bracket: re.Match[str]) -> bool:
    """The bracket's value is no other fact's, has no unit of its own, and its words say it
    is an earlier one. A block is no bar: the bracket right after a reading is a stronger cue
    than the machine word before it ("on treadmill (3.1 at program entry)" is no speed)."""
    start, end = bracket.span("value")
    if scanner.claimed(start, end) or scanner.in_goal(start) or _OWN_UNIT.match(bracket["after"]):
        return False
    said = f"{bracket.group('before')} {bracket.group('after')}"
    return bool(words.earlier.search(said)) or attribute(scanner, start, end).prior


def _reading(scanner: Scanner, words: _Words, start: int, end: int) -> bool:
    """A value free to read, not a range's end, and not set as a target or a limit."""
    if not scanner.free(start, end) or scanner.in_goal(start) or scanner.in_header(start):
        return False
    if _RANGE_BEFORE.search(scanner.text, max(0, start - 8), start):
        return False
    return not words.targets.search(scanner.text, scanner.clause_start(start), start)


def _emit(scanner: Scanner, facts: list[Fact], start: int, end: int, *, earlier: bool) -> None:
    found = attribute(scanner, start, end)
    clause = scanner.text[scanner.clause_start(start) : start]
    named = labels.without_sides(labels.context_words(clause, 4)) or "METs"
    previous = " (previous)" if earlier else found.previous
    value = (
        float(scanner.text[start:end])
        if "." in scanner.text[start:end]
        else int(scanner.text[start:end])
    )
    scanner.emit(facts, "other", value, (start, end), named + previous, unit="METs")
