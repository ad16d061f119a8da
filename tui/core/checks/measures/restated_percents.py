"""A score over its maximum restated as a percent is one score: "NDI 18/50 = 36%", "LEFS
52/80 (65%)". The percent is the same reading in another unit, so it is no second fact (a
direct measure in % beside the score would be a false fact). Only a percent that equals the
fraction before it, within rounding, and only after a fraction read as the score of an
instrument the tables list (instruments.toml), is dropped:
"Berg 41/56 (was 35)" keeps everything, and "letters formed 17/24 = 71%" keeps its percent."""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.names import listed
from tui.core.checks.text.scan import Scanner

# The fraction just before the percent, then "=", "(" or "~" and nothing else.
_FRACTION_BEFORE = re.compile(
    r"(\d+(?:\.\d+)?)[ \t]*/[ \t]*(\d+(?:\.\d+)?)[ \t]*(?:=|\(|~|≈|->|→)[ \t]*$"
)
_LOOK_BACK = 24


def drop_restated_percents(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Remove each percent that restates the score over its maximum written just before it."""
    scored = {
        fact.span[0]
        for fact in facts
        if fact.kind == "outcome" and fact.measure and listed(fact.measure)
    }
    facts[:] = [fact for fact in facts if not _restates(scanner, fact, scored)]


def _restates(scanner: Scanner, fact: Fact, scored: set[int]) -> bool:
    """The percent equals the fraction just before it, and that fraction was read as a listed
    instrument's score ("17/24 = 71%" of letters formed is a count and its percent)."""
    if fact.unit != "%" or not isinstance(fact.value, int | float):
        return False
    start = normalised(scanner, fact.span[0])
    if start is None:
        return False
    text = scanner.text
    fraction = _FRACTION_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    if fraction is None:
        return False
    if scanner.span(*fraction.span(1))[0] not in scored:
        return False
    score, whole = float(fraction.group(1)), float(fraction.group(2))
    return whole > 0 and abs(score / whole * 100 - float(fact.value)) <= 1.0
