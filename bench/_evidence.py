"""The evidence a fact stands on, read from the fact and the words around its number.

A measuring aid for bench/_evidence_table.py, not a part of the checks: it was written to gate
facts that stand on weak evidence, and the counts showed those facts are as often right as the
rest (see docs/evidence_table.md), so nothing in chartdesk calls it.

A fact is filed under the strongest evidence it has: a named instrument ("Berg 41/56"), a
column or row heading (a table's cell), a unit written with the number ("22 kg"), a labelled
field ("Pain: 3"), a scale's denominator ("4/5"), an instrument-shaped name the tables do not
list, or only weaker cues: a word beside the number in its clause, a label from further away (a
heading, a sentence's topic), or its place alone. The classes and the words that mark them are
data (bench/evidence.toml); bench/_evidence_table.py counts true and false facts per class on
the development sets.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measure_defs

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z]{2}")
# Marks that end a clause: a word beyond one is not the number's neighbour.
_CLAUSE_MARKS = (",", ";", "(", ")", "|", ".", "\n")


@dataclass(frozen=True)
class _Rules:
    order: tuple[str, ...]
    unit_after: re.Pattern[str]
    denominator_after: re.Pattern[str]
    field_before: re.Pattern[str]
    column_marks: tuple[str, ...]
    aligned_gaps: int
    reach: int


@cache
def _rules() -> _Rules:
    data: dict[str, Any] = tomllib.loads(
        (Path(__file__).with_name("evidence.toml")).read_text(encoding="utf-8")
    )
    units = sorted((str(unit) for unit in data["units"]), key=len, reverse=True)
    marks = "".join(re.escape(str(mark)) for mark in data["field_marks"])
    return _Rules(
        order=tuple(str(name) for name in data["order"]),
        unit_after=re.compile(rf"[ \t]?(?:{'|'.join(units)})(?![A-Za-z])", re.IGNORECASE),
        denominator_after=re.compile(r"[ \t]*/[ \t]*\d"),
        # the field's mark, then at most an opening sign or a range's first end ("0-115")
        field_before=re.compile(
            rf"[{marks}][ \t]*[~(≈]?[ \t]*(?:-?\d+(?:\.\d+)?[ \t]*(?:-|–|to)[ \t]*)?\Z"
        ),
        column_marks=tuple(str(mark) for mark in data["column_marks"]),
        aligned_gaps=int(data["aligned_gaps"]),
        reach=int(data["reach"]),
    )


def evidence_class(fact: Fact, text: str, measures: Sequence[str] = ()) -> str:
    """The strongest evidence `fact` stands on; `text` is the text its span points into."""
    found = evidence_of(fact, text, measures)
    return next(name for name in _rules().order if name in found)


def evidence_order() -> tuple[str, ...]:
    """The evidence classes from strongest to weakest."""
    return _rules().order


def evidence_of(fact: Fact, text: str, measures: Sequence[str] = ()) -> frozenset[str]:
    """Every class of evidence a fact has ("none" always, the floor of the order)."""
    found = {"none"}
    if fact.kind == "service":
        found.add("service")
    if fact.measure and (fact.measure in _known() or fact.measure in measures):
        found.add("named")
    elif fact.measure:
        found.add("shaped")
    if fact.label.strip():
        found.add("topic")
    number = _number_at(fact, text)
    if number is None:
        return frozenset(found)
    start, end = number
    rules = _rules()
    line_start = text.rfind("\n", max(0, start - 4 * rules.reach), start) + 1
    line_end = text.find("\n", end, end + 4 * rules.reach)
    line = text[line_start : end + 4 * rules.reach if line_end < 0 else line_end]
    if _in_columns(line, rules):
        found.add("heading")
    if rules.unit_after.match(text, end, min(len(text), end + 16)):
        found.add("unit")
    if rules.denominator_after.match(text, end, min(len(text), end + 6)):
        found.add("scale")
    before = max(line_start, start - rules.reach)
    if rules.field_before.search(text, before, start):
        found.add("field")
    clause = max(before, *(text.rfind(mark, before, start) + 1 for mark in _CLAUSE_MARKS))
    after = text[end : min(len(text), end + rules.reach)]
    after = after[: min((i for i in map(after.find, _CLAUSE_MARKS) if i >= 0), default=len(after))]
    if _WORD.search(text, clause, start) or _WORD.search(rules.unit_after.sub("", after, 1)):
        found.add("word")
    return frozenset(found)


def _number_at(fact: Fact, text: str) -> tuple[int, int] | None:
    """The span of the fact's number in `text`: the first number inside its span."""
    start, end = fact.span
    if not 0 <= start < end <= len(text):
        return None
    match = _NUMBER.search(text, start, end)
    return match.span() if match else None


def _in_columns(line: str, rules: _Rules) -> bool:
    """A line laid out as a table's row: a column mark or aligned gaps between cells."""
    if any(mark in line for mark in rules.column_marks):
        return True
    return len(re.findall(r"\S {2,}(?=\S)", line)) >= rules.aligned_gaps


@cache
def _known() -> frozenset[str]:
    return frozenset(measure.name for measure in measure_defs())
