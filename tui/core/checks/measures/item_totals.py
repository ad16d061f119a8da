"""The total after an instrument's item scores, and the subtests after a standard score.

"Alberta Infant Motor Scale (corrected age): prone 8, supine 8, sitting 4, standing 2; total
22" gives the items and then the instrument's own score: a clinician reads "total 22" as the
score of the instrument whose items stand before it on the line, though a semicolon ends the
item reading's run. "Beery VMI standard score 82 (initial 74); visual perception supplemental
91; motor coordination 77" gives a battery's standard score and then its supplementary tests'
scores, each a score of the battery. Both need the instrument's scores read first on the line:
a "total" after anything else (minutes, a count of items) and a list after a score of no kind
("Berg 41/56; flexion 110") are left to their own readers.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner

_TOTAL = re.compile(
    rf"[;,][ \t]*(?:and[ \t]+)?total(?:[ \t]+score)?[ \t]*[:=]?[ \t]*(?P<value>{NUM})"
    r"(?P<whole>[ \t]*/[ \t]*\d{1,3})?(?!\d|\.\d|[ \t]*(?:%|\u00b0|[A-Za-z]))"
)
_SUBTEST = re.compile(
    rf"[ \t]*[;,][ \t]*(?:and[ \t]+)?(?P<name>[A-Za-z][A-Za-z&/'-]*(?:[ \t]+[A-Za-z&/'-]+){{0,3}})"
    rf"[ \t]+(?P<value>{NUM})(?![\d/%\u00b0]|\.\d|[ \t]*[A-Za-z])"
)
_BRACKET = re.compile(r"[ \t]*\([^()\n]*\)")
_BARE_BRACKET = re.compile(rf"[ \t]*\([ \t]*({NUM})[ \t]*\)")
_STANDARD = re.compile(
    r"\b(?:standard score|std\.? score|scaled score|scale score|SS|T-?score|index score)\b"
    r"[ \t]*:?[ \t]*\Z",
    re.IGNORECASE,
)
_LEAST_ITEMS = 2
_MOST_SUBTESTS = 6


def read_item_totals(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read a total after item scores, and subtests after a standard score."""
    text = scanner.text
    for found in _TOTAL.finditer(text):
        if _fact_at(scanner, facts, found.start("value")):
            continue  # (a number blocked or passed over is fine: the billing reader blocks
            # every "total N", and the items' reader stops at the semicolon)
        items = _items_before(scanner, facts, found.start())
        if len(items) < _LEAST_ITEMS or len({fact.measure for fact in items}) != 1:
            continue
        measure = items[0].measure or ""
        whole = found.group("whole")
        unit = f"/{whole.split('/')[1].strip()}" if whole else None
        end = found.end("whole") if whole else found.end("value")
        value = to_number(found.group("value"))
        scanner.emit(
            facts,
            "outcome",
            value,
            (found.start("value"), end),
            measure,
            unit=unit,
            measure=measure,
        )
    for fact in list(facts):
        if fact.kind == "outcome" and fact.measure:
            _subtests(scanner, facts, fact)


def _fact_at(scanner: Scanner, facts: list[Fact], start: int) -> bool:
    origin = scanner.span(start, start + 1)[0]
    return any(fact.span[0] <= origin < fact.span[1] for fact in facts)


def _items_before(scanner: Scanner, facts: list[Fact], at: int) -> list[Fact]:
    """The item scores read on the line before `at` (each labelled past its instrument)."""
    line_start, _ = scanner.line(at)
    start, end = scanner.span(line_start, at)
    return [
        fact
        for fact in facts
        if fact.kind == "outcome"
        and fact.measure
        and start <= fact.span[0] < end
        and fact.label.replace(" (previous)", "") != fact.measure
    ]


def _subtests(scanner: Scanner, facts: list[Fact], fact: Fact) -> None:
    """The subtests listed after a battery's standard score, each with its score."""
    text = scanner.text
    start = _normalised_start(scanner, fact)
    if start is None:
        return
    line_start, line_end = scanner.line(start)
    if _STANDARD.search(text, max(line_start, start - 30), start) is None:
        return
    at = _end_of_value(text, start)
    bracket = _BRACKET.match(text, at)
    # "8 (5); Fine Motor Integration 7 (6)": each subtest's bracket is read as the first one's
    mirrored = (
        _bracket_fact(scanner, facts, text, bracket.start(), bracket.end()) if bracket else None
    )
    at = bracket.end() if bracket is not None else at
    for _ in range(_MOST_SUBTESTS):
        listed = _SUBTEST.match(text, at, line_end)
        if listed is None or not scanner.free(*listed.span("value")):
            return
        label = labels.join(fact.measure or "", listed.group("name"))
        value = to_number(listed.group("value"))
        scanner.emit(facts, "outcome", value, listed.span("value"), label, measure=fact.measure)
        at = listed.end()
        own = _BARE_BRACKET.match(text, at, line_end)
        if (
            own is not None
            and mirrored is not None
            and "previous" in mirrored.label
            and scanner.free(*own.span(1))
        ):
            # only an earlier score's bracket is mirrored: a bare bracket read as nothing said
            # what it holds is left to the readers of legends
            scanner.emit(
                facts,
                "outcome",
                to_number(own.group(1)),
                own.span(1),
                f"{label} (previous)",
                measure=fact.measure,
            )
        if own is not None:
            at = own.end()


def _bracket_fact(
    scanner: Scanner, facts: list[Fact], text: str, start: int, end: int
) -> Fact | None:
    """The fact read inside the bracket after the first score ("(5)", "(initial 74)")."""
    del text
    low, high = scanner.span(start, end)
    return next((fact for fact in facts if low <= fact.span[0] < high), None)


def _normalised_start(scanner: Scanner, fact: Fact) -> int | None:
    """Where the fact's value starts in the scanner's text (its span is the original's)."""
    line_start, _ = scanner.line(min(fact.span[0], len(scanner.text) - 1))
    low, high = max(0, line_start - 200), min(len(scanner.text), fact.span[0] + 200)
    offsets = scanner.norm.offsets
    if offsets is None:
        return fact.span[0] if low <= fact.span[0] < high else None
    if offsets.size == len(scanner.text) > 0:
        # the first position of the window whose character starts at the fact's: positions'
        # sources only grow, so it is the first of the whole text's (found by bisection) when
        # that lies in the window, else the window's first position when it still maps there
        first = offsets.position_of(fact.span[0])
        if first is None or first >= high:
            return None
        if first >= low:
            return first
        return low if offsets.start_at(low) == fact.span[0] else None
    for at in range(low, high):
        if scanner.span(at, at + 1)[0] == fact.span[0]:
            return at
    return None


def _end_of_value(text: str, start: int) -> int:
    found = re.compile(NUM).match(text, start)
    return found.end() if found is not None else start
