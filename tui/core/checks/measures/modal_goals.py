"""Goals said in a clause rather than under a goal heading: a modal word and a later time.

"Berg 43/56 today; she should reach 48/56 by discharge", "TUG 13.1 s, expected to drop under 11 s
in 4 weeks", "hoping to be at 1.0 m/s before she returns to work": the clause says what a value
should, will or is hoped to be at a time after this visit, so its values are targets, whatever
the goal's wording. Both cues must be in the clause: a modal alone ("pain should settle, 2/10
today") or a time alone ("walked 300 ft in 6 min") states no goal. The words are data
(legends.toml goal_modals, goal_times); each clause is bounded, so the pass is linear.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner


@cache
def _modal() -> re.Pattern[str]:
    """A word that says what a value should or will be (legends.toml goal_modals)."""
    words = either(legend_words().get("goal_modals", ()))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def _later_time() -> re.Pattern[str]:
    """A time after this visit (legends.toml goal_times)."""
    words = either(legend_words().get("goal_times", ()))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


# What ends a clause: a comma, a semicolon, a full stop that is no decimal point, a bracket, or
# a conjunction that starts another clause ("she will return to work in 2 weeks and pain is
# 3/10": the pain is today's).
_CLAUSE_MARK = re.compile(r"[,;()\[\]]|\.(?!\d)|\b(?:and|but|while|although)\b", re.IGNORECASE)


def block_modal_goals(scanner: Scanner, _facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Block the values after a modal word in a clause that also names a later time ("she should
    reach 48/56 by discharge", "by week 8 it will be 120°"): the clause states a goal, so none of
    its values after the modal is this visit's measurement. The clause before it is untouched
    ("Berg 43/56 today; she should reach 48/56 by discharge")."""
    text = scanner.text
    for modal in _modal().finditer(text):
        start, end = _clause(scanner, modal.start())
        if _later_time().search(text, start, end):
            scanner.block(modal.end(), end)


def _clause(scanner: Scanner, position: int) -> tuple[int, int]:
    """The clause holding `position`, inside its sentence and line."""
    sentence_start, sentence_end = scanner.sentence(position)
    line_start, line_end = scanner.line(position)
    low, high = max(sentence_start, line_start), min(sentence_end, line_end)
    start = low
    for mark in _CLAUSE_MARK.finditer(scanner.text, max(low, position - _CLAUSE_REACH), position):
        start = mark.end()
    after = _CLAUSE_MARK.search(scanner.text, position, min(high, position + _CLAUSE_REACH))
    return start, after.start() if after else min(high, position + _CLAUSE_REACH)


# How far a clause reaches either side of its modal word, so a note of one line is read linearly.
_CLAUSE_REACH = 120
