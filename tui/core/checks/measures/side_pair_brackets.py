"""Side pairs followed by a bracket of the earlier pair: each earlier value takes its side.

"Heel raises R 20, L 27 (prior 12, 15)" gives today's counts side by side, then the earlier
visit's counts in the same order: 12 is the right's, 15 the left's. The readers of a sided list
take the bracket's values one by one, and give both (or only the first) the side written last;
after every reader, this pass gives each bracketed value the label of the today's value in its
place, as an earlier one, and reads a bracketed value no reader took. Only sides written before
their values (R, L, right, left, rt, lt), as many values in the bracket as sides before it, and
a bracket opened by a word of an earlier time (legends.toml earlier and earlier_pair_openers)
are read: "(goal 25, 30)" or "(norm 30, 32)" is no earlier pair. One search over the text.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.labels import PREVIOUS, without_sides
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import SIDE_NAMES
from tui.core.checks.text.numbers import to_number
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

_NUMBER = r"\d{1,4}(?:\.\d+)?"
# A value's unit, if written: degrees, a share, a time, a load, a length or a count.
_UNIT = r"(?:[ \t]*(?:°|%|#|(?:deg|s|secs?|min|kg|lbs?|N|cm|mm|m|ft|in|reps?)\.?(?![A-Za-z])))?"
# A muscle grade's sign and its whole, if written ("4+/5").
_GRADE = r"(?:[ \t]*[+-](?![\w.]))?(?:[ \t]*/[ \t]*5(?![\d.]))?"


# A side and its value; atomic, so it matches one way only and a long list of pairs fails in
# linear time (backtracking into each pair's optional unit was exponential in the list's length).
_PAIR = rf"(?>(?<![\w-]){SIDE_WORD}\.?[ \t]*:?[ \t]*{_NUMBER}{_GRADE}{_UNIT})"
# Two or more pairs in a row: today's values.
_RUN = re.compile(rf"{_PAIR}(?:[ \t]*[,;/][ \t]*{_PAIR})+", re.IGNORECASE)


@cache
def _bracket() -> re.Pattern[str]:
    """The earlier pair's bracket, matched where a run of pairs ends (one try per run)."""
    words = legend_words()
    openers = either((*words.get("earlier_pair_openers", ()), *words["earlier"]))
    value = rf"(?>{_NUMBER}{_GRADE}{_UNIT})"
    return re.compile(
        rf"[ \t]*\([ \t]*(?:{openers})(?![\w-])[ \t]*:?[ \t]*"
        # set apart by commas only: "1/26" in a bracket is a date
        rf"(?P<values>{value}(?:[ \t]*[,;][ \t]*{value})+)"
        r"[ \t]*\)",
        re.IGNORECASE,
    )


_ONE_PAIR = re.compile(
    rf"(?<![\w-])(?P<side>{SIDE_WORD})\.?[ \t]*:?[ \t]*(?P<value>{_NUMBER})", re.IGNORECASE
)
# A value, never a grade's whole ("3/5": the 5 is no value).
_ONE_VALUE = re.compile(rf"(?<![/\d.])(?P<value>{_NUMBER})")


def mark_side_pair_brackets(
    scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]
) -> None:
    """Give each value of an earlier pair's bracket the side of today's value in its place."""
    text = scanner.text
    for run in _RUN.finditer(text):
        bracket = _bracket().match(text, run.end())
        if bracket is None:
            continue
        today = list(_ONE_PAIR.finditer(text, *run.span()))
        earlier = list(_ONE_VALUE.finditer(text, *bracket.span("values")))
        if len(today) != len(earlier):
            continue
        for pair, value in zip(today, earlier, strict=True):
            _place(scanner, facts, pair, value)


def _fact_at(scanner: Scanner, facts: list[Fact], start: int, end: int) -> int | None:
    at = scanner.span(start, end)[0]
    for index, fact in enumerate(facts):
        if fact.span[0] == at and fact.kind != "service":
            return index
    return None


def _place(scanner: Scanner, facts: list[Fact], pair: re.Match[str], value: re.Match[str]) -> None:
    model_index = _fact_at(scanner, facts, *pair.span("value"))
    if model_index is None:
        return
    model = facts[model_index]
    side = SIDE_NAMES[pair.group("side").lower()]
    name = " ".join(without_sides(model.label.replace(PREVIOUS, " ")).split())
    label = f"{side} {name} {PREVIOUS}".strip()
    found = _fact_at(scanner, facts, *value.span("value"))
    if found is not None:
        if facts[found].kind == model.kind:
            facts[found] = dataclasses.replace(facts[found], label=label)
        return
    if not scanner.free(*value.span("value")):
        return
    scanner.emit(
        facts,
        model.kind,
        to_number(value.group("value")),
        value.span("value"),
        label,
        unit=model.unit,
        measure=model.measure,
    )
