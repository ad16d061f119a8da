"""One bracket after a run of an instrument's parts holding each part's earlier score, in the
parts' order: "symptom severity 3.1, physical function 2.6 (eval 3.6 / 3.0)", "Symptom
Severity 1.6, Functional Status 2.1 (pre-op 3.4 / 3.0)".

A clinician reads the bracket's numbers as the parts' scores at the time the bracket names, one
for each part written before it. The bracket is read only when its words name an earlier time
(bracket_earlier.says_earlier: not a goal or a norm), it holds as many numbers as the parts
just before it on its line, those parts are one instrument's scores with no whole written
("41/56 (eval 22/56)" is a fraction, read by bracket_earlier.py), and nothing else was read
between them.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.bracket_earlier import says_earlier
from tui.core.checks.measures.facts_by_span import FactsBySpan
from tui.core.checks.text.lexicon import NUM
from tui.core.checks.text.scan import Scanner

_PAIRED = re.compile(
    r"\((?P<when>[A-Za-z][^()\d\n]{0,25}?)[ \t]*[:=]?[ \t]*"
    rf"(?P<values>{NUM}(?:[ \t]*/[ \t]*{NUM}){{1,5}})[ \t]*\)"
)
_VALUE = re.compile(NUM)


def read_part_brackets(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read each part's earlier score from the one bracket after the run."""
    text = scanner.text
    if "/" not in text:
        return
    by_span = FactsBySpan(facts)
    for found in _PAIRED.finditer(text):
        if not says_earlier(found.group("when")):
            continue
        values = list(_VALUE.finditer(found.group("values")))
        parts = _parts_before(scanner, by_span, found.start(), len(values))
        if parts is None:
            continue
        offset = found.start("values")
        spans = [(offset + value.start(), offset + value.end()) for value in values]
        taken = not all(scanner.free(*span) for span in spans)
        if taken and not _taken_by_parts(scanner, by_span, parts[0].measure, found.span("values")):
            continue
        for part, value, span in zip(parts, values, spans, strict=True):
            number = float(value.group())
            written = int(number) if number.is_integer() and "." not in value.group() else number
            scanner.emit(
                facts,
                "outcome",
                written,
                span,
                f"{part.label} (previous)",
                unit=part.unit,
                measure=part.measure,
            )
            by_span.add(facts[-1])
    by_span.settle()


def _parts_before(
    scanner: Scanner, by_span: FactsBySpan, start: int, count: int
) -> list[Fact] | None:
    """The `count` facts read last before `start` on its line, when they are one instrument's
    parts scored today with no whole, and the last ends just before the bracket."""
    line_start = scanner.span(scanner.line(start)[0], scanner.line(start)[0] + 1)[0]
    origin = scanner.span(start, start + 1)[0]
    before = by_span.starting(line_start, origin)
    parts = before[-count:]
    if len(parts) != count:
        return None
    measure = parts[0].measure
    if not measure or any(
        part.kind != "outcome"
        or part.measure != measure
        or "previous" in part.label
        or (part.unit or "").startswith("/")
        for part in parts
    ):
        return None
    between = scanner.text[_position(scanner, parts[-1].span[1]) : start]
    return parts if between.strip(" \t%") == "" else None


def _position(scanner: Scanner, original: int) -> int:
    """The normalised position of an original offset (the end of a fact's span)."""
    offsets = scanner.norm.offsets
    if offsets is None:
        return original
    found = offsets.position_of(original)
    return found if found is not None else original


def _taken_by_parts(
    scanner: Scanner, by_span: FactsBySpan, measure: str | None, span: tuple[int, int]
) -> bool:
    """True when every fact read inside the bracket's numbers is the instrument's own (another
    reader took "40/35" as its earlier scores under one part's name, or "35 / 41" of "35 / 41 /
    20" as a fraction): those facts are dropped, to be read again one a part; False, leaving
    them, when one is anything else. Found by span, not by a search of every fact."""
    inside = by_span.starting(*scanner.span(*span))
    if not inside or any(fact.kind != "outcome" or fact.measure != measure for fact in inside):
        return False
    by_span.drop(inside)
    return True
