"""A run of three or more numbers joined by slashes and closed by seconds after a test's name
is one time per condition: "mCTSIB 30/30/12/8 s" is four conditions' times, each `other` in
seconds (CONVENTIONS: a condition's time inside a test is other), never a score of 30 over 30.
A score over its maximum has two numbers; three or more with a time's unit are a list."""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.text.scan import Scanner

_NUMBER = r"\d+(?:\.\d+)?"
_RUN = re.compile(
    rf"{_NUMBER}(?:[ \t]*/[ \t]*{_NUMBER}){{2,}}[ \t]*(?:s|secs?|seconds)(?![A-Za-z])"
)
_ONE = re.compile(_NUMBER)


def split_time_runs(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Replace a score read from the start of a run of times with one time per number."""
    kept: list[Fact] = []
    for fact in facts:
        run = _run_at(scanner, fact) if (fact.unit or "").startswith("/") else None
        if run is None:
            kept.append(fact)
            continue
        kept.extend(_times(scanner, fact, run))
    facts[:] = kept


def _run_at(scanner: Scanner, fact: Fact) -> re.Match[str] | None:
    """The run of times an outcome's score opens, if any (the fact's span is the original
    text's; the run is read in the normalised one)."""
    if fact.kind != "outcome":
        return None
    start = normalised(scanner, fact.span[0])
    return None if start is None else _RUN.match(scanner.text, start)


def _times(scanner: Scanner, fact: Fact, run: re.Match[str]) -> list[Fact]:
    name = fact.measure or fact.label
    numbers = list(_ONE.finditer(run.string, run.start(), run.end()))
    return [
        Fact(
            kind="other",
            value=_value(number.group()),
            unit="s",
            label=f"{name} condition {position}".strip(),
            span=scanner.span(*number.span()),
        )
        for position, number in enumerate(numbers, start=1)
    ]


def _value(written: str) -> int | float:
    return float(written) if "." in written else int(written)
