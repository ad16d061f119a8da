"""Domain scores listed on the lines under a heading that names an instrument:

    ASQ-3 (8-month questionnaire, scored for corrected age):
      Communication 45 (cutoff 33.06) - above
      Gross motor 20 (cutoff 30.61) - below

    DAYC-2 (parent interview), standard scores:
      Cognitive 88 (mean 100)

A clinician reads each line's first number as the score of the domain it names on the
instrument the heading names, whether or not any list knows the instrument. The heading must
name one by its shape: a listed instrument, an acronym with an edition or version ("ASQ-3",
"PedsQL 4.0"), or a written-out name ending in a test noun; a heading such as "Vitals:",
"Equipment:" or "ROM:" names none, and its lines are left to their own readers. A line's number
with a unit, a grade (/5) or a rating (/10) after it is no domain score, and the list ends at
the first line that is no "domain number" line.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import role_of, time_pair_data
from tui.core.checks.measures import labels
from tui.core.checks.measures.shape_words import gloss_nouns
from tui.core.checks.names import ACRONYM, listed, not_instrument_names, resolve
from tui.core.checks.tables import item_stop_words, not_instruments, vocabulary
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_HEADING = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<name>[A-Za-z][\w'-]*(?:[ \t]+[A-Za-z][\w'-]*){0,7})"
    r"(?P<version>[ \t]+(?:v[ \t]*)?\d(?:\.\d)?)?"
    r"(?P<rest>(?:[ \t]*\([^()\n]*\)|[ \t]*,?[ \t]*[A-Za-z][\w'-]*){0,6})[ \t]*:[ \t]*$",
    re.MULTILINE,
)
_LINE = re.compile(
    rf"[ \t]*(?:[-*\u2022][ \t]*)?(?P<domain>[A-Za-z][A-Za-z/&'-]*(?:[ \t]+[A-Za-z/&'-]+){{0,4}})"
    rf"[ \t]*[:=]?[ \t]+(?P<value>{NUM})(?P<whole>[ \t]*/[ \t]*\d{{1,3}})?"
    # a second number in its own column ("Walk  2   4") makes the lines a grid of unnamed
    # columns, no domain scores; a number opening a range ("0-75") is an arc, no score
    r"(?!\d|\.\d|[ \t]*(?:/|%|\u00b0|[A-Za-z])|[ \t]+\d|[ \t]*[-\u2013][ \t]*\d)"
    r"[^\n]*(?:\n|$)"
)
# A line that ends in a colon: only these can be headings, found first so the heading's
# pattern (whose runs of words can split many ways) never backtracks through ordinary lines.
_COLON_LINE = re.compile(r"^[^\n]*:[ \t]*$", re.MULTILINE)
_EDITION = re.compile(r"-\d")
_PROPER_EDITION = re.compile(r"[A-Z][a-z]+-(?:\d{1,2}|[IVX]{1,4})")
_MOST_LINES = 12


def read_heading_domains(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read the domain lines under each heading that names an instrument."""
    text = scanner.text
    for candidate in _COLON_LINE.finditer(text):
        heading = _HEADING.match(text, candidate.start())
        if heading is None:
            continue
        name = _longest(heading.group("name").split(), heading.group("version") is not None)
        if not name:
            continue
        at = heading.end() + 1
        for _ in range(_MOST_LINES):
            line = _LINE.match(text, at)
            if line is None:
                break
            if not scanner.free(*line.span("value")) and not _misread(scanner, facts, line):
                break
            if _dated_heading(line):
                break
            whole = line.group("whole")
            value = to_number(line.group("value"))
            unit = f"/{whole.split('/')[1].strip()}" if whole else None
            end = line.end("whole") if whole else line.end("value")
            label = labels.join(name, line.group("domain"))
            scanner.emit(
                facts, "outcome", value, (line.start("value"), end), label, unit=unit, measure=name
            )
            earlier = _earlier_after().match(text, end)
            if earlier is not None and scanner.free(*earlier.span("value")):
                scanner.emit(
                    facts,
                    "outcome",
                    to_number(earlier.group("value")),
                    earlier.span("value"),
                    f"{label} (previous)",
                    measure=name,
                )
            at = line.end()


# A month and day ("02/16", "2/16/2132"): under a time's word it dates a column, no score.
_MONTH_DAY = re.compile(r"(?:0?[1-9]|1[0-2])[ \t]*/[ \t]*(?:0?[1-9]|[12]\d|3[01])")
_TIME_ROLES = frozenset({"prior", "current", "timepoint"})


def _dated_heading(line: re.Match[str]) -> bool:
    """A table's heading row under the instrument, not a domain line: a time's word and a
    month and day ("Item   Eval 02/16   Today" under "SARA (...):" heads the visits' columns;
    "02/16" is the evaluation's date, never a score out of 16)."""
    whole = line.group("whole")
    written = line.group("value") + (whole or "")
    return (
        whole is not None
        and _MONTH_DAY.fullmatch(written.strip()) is not None
        and role_of(line.group("domain")) in _TIME_ROLES
    )


@cache
def _earlier_after() -> re.Pattern[str]:
    """The earlier column's value a time-pair heading gives a domain line after today's
    ("shoulder ER 2, eval 0" under "(today / visit 1):"; layouts/time_pairs.py writes the
    word, data/columns.toml [time_pairs] words)."""
    prior = re.escape(str(time_pair_data().get("words", {}).get("prior", "eval")))
    return re.compile(rf"[ \t]*,[ \t]*{prior}[ \t]+(?P<value>{NUM})(?![\d.]|[ \t]*/)")


def _misread(scanner: Scanner, facts: list[Fact], line: re.Match[str]) -> bool:
    """Drop the fact another reader made of a domain line when it read the domain as an
    instrument of its own ("Anticipatory 4/6" under "Mini-BESTest:") or a rating out of ten as
    pain where the domain names none ("Gait 8/10"): the line is the heading's domain score."""
    at = scanner.span(*line.span("value"))[0]
    domain = line.group("domain").strip()
    for index, fact in enumerate(facts):
        if fact.span[0] != at:
            continue
        own_name = fact.kind == "outcome" and (fact.measure or "").casefold() == domain.casefold()
        if own_name and not listed(domain):
            del facts[index]
            return True
        if fact.kind == "pain" and fact.label == "pain" and not _names_pain(domain):
            del facts[index]
            return True
        return False
    return False


def _names_pain(domain: str) -> bool:
    return any(
        re.search(rf"(?<![A-Za-z])(?:{word})(?![A-Za-z])", domain, re.IGNORECASE)
        for word in vocabulary().pain_words
    )


def _longest(words: list[str], versioned: bool) -> str:
    """The instrument the heading's longest leading run of words names ("Hemophilia Joint
    Health Score" before "item totals", "Bayley-4" before "scaled scores")."""
    for count in range(len(words), 0, -1):
        name = _instrument(" ".join(words[:count]), versioned=versioned and count == len(words))
        if name:
            return name
    return ""


def _body_or_side(word: str) -> bool:
    folded = word.casefold()
    return folded in _SIDES or folded in item_stop_words()


_SIDES = frozenset({"l", "r", "lt", "rt", "left", "right", "b", "bil", "bilat", "bilateral"})


def _instrument(written: str, *, versioned: bool) -> str:
    """The instrument a heading names by its shape, or "" when it names none."""
    words = written.split()
    if not words:
        return ""
    excluded = not_instruments() | not_instrument_names()
    if listed(written):
        return resolve(written)
    if len(words) == 1 and _PROPER_EDITION.fullmatch(written):
        return written  # "Bayley-4", "Vineland-3": a proper name with its edition
    if len(words) == 1 and ACRONYM.fullmatch(written) and written.upper() not in excluded:
        return written if versioned or _EDITION.search(written) else ""
    if (
        len(words) > 1
        and words[-1].casefold() in gloss_nouns()
        and words[0][0].isupper()
        and not any(_body_or_side(word) for word in words)
    ):
        return written  # "Alberta Infant Motor Scale", never "L index" (a finger's heading)
    return ""
