"""The other values of a list whose legend names each value, when a reader took only one.

"Grip 52/38 lb R/L": the grip reader takes "38 lb" (the number its unit follows) and leaves 52,
though the legend says 52 is the right hand's grip. A value of such a list is the same measure
as the one read, with the side or timepoint its place in the legend gives (`legends`). Only
lists with a legend are completed: without one, "52/38" may be a ratio or a score out of a
maximum. Each fact already read is looked at once, on its own line.
"""

from __future__ import annotations

import dataclasses
import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels, legends
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

_NUMBER = re.compile(r"([-+~]?)(\d+(?:\.\d+)?)([ \t]*[+-](?!\d))?")
_LISTED_KINDS = frozenset({"rom", "mmt", "strength", "girth", "outcome", "other"})
_PREVIOUS = " (previous)"
_DEFICIT = " (deficit)"


def read_listed(scanner: Scanner, facts: list[Fact], measures: tuple[str, ...]) -> None:
    """For each fact read from a value of a list, the list's other values: those of a list
    with a legend, then those of a run sharing one unit after one label."""
    _read_legend_lists(scanner, facts)
    _read_runs(scanner, facts)


# A run of bare values written after one label and its colon (or the legend bracket closing the
# label) and closed by one unit, whose last value a reader took ("MCP flex (index-small): 70, 75,
# 80, 80 deg", "grip, 3 trials: 20, 22, 21 kg", "Shoulder flexion: right 160, left 120 degrees"):
# every value of the run is the label's, one per digit or trial, with the side written before
# it. The value read must carry a unit of an angle, a length or a force, and nothing but commas
# and sides lies between the run's values; a value with its own name ("MCP 50°, IP 75") is no
# run, and without the colon "Grip trials 3, 24 kg" counts trials, it lists no grips. A side
# opening the run stands for the colon ("Grip L 58, 61, 60 lb"), and a side holds for the
# values after it up to the next side (the three trials are all the left hand's).
_RUN_KINDS = frozenset({"rom", "girth", "strength"})
_SIDE = SIDE_WORD
_RUN = re.compile(
    rf"(?:(?<=[:)])[ \t]*|(?<=[ \t])(?={_SIDE}[ \t]+\d))"
    rf"((?:(?:{_SIDE}[ \t]+)?\d+(?:\.\d+)?[ \t]*,[ \t]*)+)({_SIDE}[ \t]+)?$",
    re.IGNORECASE,
)
_RUN_VALUE = re.compile(rf"(?:({_SIDE})[ \t]+)?(\d+(?:\.\d+)?)", re.IGNORECASE)
_RUN_END = re.compile(r"[ \t]*(?:°|deg\w*|cm|mm|kg|lbs?|N)[ \t]*(?:[.;(]|$)", re.MULTILINE)
_RUN_REACH = 60


def _read_runs(scanner: Scanner, facts: list[Fact]) -> None:
    """For each fact read from the last value of a run, the run's other values; a value a
    reader already took as the same kind stays as it is."""
    for index, fact in enumerate(list(facts)):
        if fact.kind not in _RUN_KINDS:
            continue
        start = normalised(scanner, fact.span[0])
        if start is None:
            continue
        line_start, _ = scanner.line(start)
        run = _RUN.search(scanner.text, max(line_start, start - _RUN_REACH), start)
        value_end = _RUN_VALUE.match(scanner.text, start)
        if run is None or value_end is None or not _RUN_END.match(scanner.text, value_end.end()):
            continue
        values = list(_RUN_VALUE.finditer(scanner.text, *run.span(1)))
        taken = {normalised(scanner, other.span[0]) for other in facts if other.kind == fact.kind}
        if not all(scanner.free(*value.span(2)) or value.start(2) in taken for value in values):
            continue
        heading = _heading_side(scanner, values, run)
        if heading and not labels.parts_of(fact.label).side:
            facts[index] = dataclasses.replace(fact, label=labels.join(heading, fact.label))
        side = heading
        for value in values:
            side = labels.side_name(value.group(1)) if value.group(1) else side
            if value.start(2) not in taken:
                _emit(scanner, facts, fact, value.span(2), legends.Position(side=side, prior=None))
        last = _RUN_VALUE.match(scanner.text, start)
        if side and not labels.parts_of(facts[index].label).side and last and not last.group(1):
            facts[index] = dataclasses.replace(fact, label=labels.join(side, facts[index].label))


# A side closing the label of a run, right before its colon ("three trials R: 14, 15, 17 kg").
_HEADING_SIDE = re.compile(rf"(?<![A-Za-z0-9])({_SIDE})[ \t]*:[ \t]*$", re.IGNORECASE)


def _heading_side(scanner: Scanner, values: list[re.Match[str]], run: re.Match[str]) -> str:
    """The side that closes the label of a run with no side of its own: every value's side."""
    if run.group(2) or any(value.group(1) for value in values):
        return ""
    line_start, _ = scanner.line(run.start())
    heading = _HEADING_SIDE.search(scanner.text, line_start, run.start(1))
    return labels.side_name(heading.group(1)) if heading else ""


def _read_legend_lists(scanner: Scanner, facts: list[Fact]) -> None:
    """For each fact read from a value of a list with a legend, the list's other values."""
    original = scanner.norm.original
    for fact in list(facts):
        if fact.kind not in _LISTED_KINDS or not _listed_in(original, fact.span[0]):
            continue
        start = normalised(scanner, fact.span[0])
        if start is None:
            continue
        line = scanner.line(start)
        member = legends.member_of(scanner.text, line, start)
        if member is None:
            continue
        for index, span in enumerate(legends.member_spans(scanner.text, line, member)):
            if index == member.index or not scanner.free(*span):
                continue
            place = legends.position(scanner.text, line, member, index)
            if not place.side and place.prior is None:
                continue
            _emit(scanner, facts, fact, span, place)


def _emit(
    scanner: Scanner, facts: list[Fact], read: Fact, span: tuple[int, int], place: legends.Position
) -> None:
    number = _NUMBER.match(scanner.text, *span)
    if number is None:
        return
    sign, digits, grade = number.group(1), number.group(2), (number.group(3) or "").strip()
    value: int | float | str
    base = read.label.replace(_PREVIOUS, "").replace(_DEFICIT, "")
    if read.kind == "mmt":
        value = f"{digits}{grade}"
    elif grade:
        return  # a grade sign on a value that is not a grade: not the same measure
    else:
        value = to_number(digits)
    if sign == "-" and read.kind != "rom":
        return
    if place.side:
        base = labels.join(place.side, labels.without_sides(base))
    prior = place.prior if place.prior is not None else _PREVIOUS in read.label
    label = base + (_PREVIOUS if prior else "") + (_DEFICIT if sign == "-" else "")
    scanner.emit(
        facts,
        read.kind,
        value,
        (number.start(2) if sign != "-" else number.start(), number.end()),
        label,
        unit=read.unit,
        measure=read.measure,
    )


def _listed_in(text: str, start: int) -> bool:
    """The value at `start` of the original text is one of a list on its line (looked at in
    the original first: mapping a position to the normalised text costs more)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return legends.in_list(line, start - line_start)


def normalised(scanner: Scanner, original: int) -> int | None:
    """The normalised position whose character starts at an original offset, if any (a binary
    search: the map from normalised to original positions only grows)."""
    offsets = scanner.norm.offsets
    return original if offsets is None else offsets.position_of(original)
