"""Grades in rows under a heading about tone are that scale's, never muscle grades: under
"Modified Ashworth (pre-injection 27/12 -> today)", "L toe flexors .... 2 -> 1" grades the
muscle's spasticity (CONVENTIONS: a spasticity grade is no `mmt`). The readers of muscle grades
look for tone words in the grade's own sentence; a table's heading is a line of its block
above. Each grade looks back a few lines of its block at most, and each block's heading is
found once. The words are the muscle grades' own (measures.toml [mmt] not_context)."""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures.listed_values import normalised
from tui.core.checks.tables import mmt_words
from tui.core.checks.text.alternation import words_pattern
from tui.core.checks.text.scan import Scanner

# How many lines above a grade its table's heading may be.
_LINES_BACK = 12
_BLANK = re.compile(r"[ \t]*")
# A muscle test's own marks: a grade out of five, or the test's name.
_MUSCLE_TEST = re.compile(r"/[ \t]*5(?!\d)|\bMMT\b|\bmanual muscle\b|\bstrength\b", re.IGNORECASE)


@cache
def _tone_words() -> re.Pattern[str]:
    return words_pattern(mmt_words().get("not_context", ()))


def drop_tone_grades(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Remove each muscle grade read in a row under a heading that names tone or its scale."""
    if not any(fact.kind == "mmt" for fact in facts):
        return
    headed: dict[int, bool] = {}
    tested: dict[int, bool] = {}
    kept = []
    for fact in facts:
        if fact.kind == "mmt" and _under_tone(scanner, fact.span[0], headed, tested):
            continue
        kept.append(fact)
    facts[:] = kept


def _under_tone(
    scanner: Scanner, at: int, headed: dict[int, bool], tested: dict[int, bool]
) -> bool:
    """The first line of the grade's block (up to a blank line, a few lines up) names tone,
    and the grade's own line names no muscle test (each line searched once, however many
    grades it holds: a long line of grades is no quadratic search)."""
    start = normalised(scanner, at)
    heading = None if start is None else _heading_line(scanner, start)
    if heading is None or start is None or _muscle_tested(scanner, start, tested):
        return False
    if heading not in headed:
        start, end = scanner.line(heading)
        text = scanner.text
        tone = _tone_words().search(text, start, end)
        headed[heading] = bool(tone) and not _MUSCLE_TEST.search(text, start, end)
    return headed[heading]


def _muscle_tested(scanner: Scanner, at: int, tested: dict[int, bool]) -> bool:
    """The line holding `at` names a muscle test, by the line's start, searched once."""
    start, end = scanner.line(at)
    if start not in tested:
        tested[start] = _MUSCLE_TEST.search(scanner.text, start, end) is not None
    return tested[start]


def _heading_line(scanner: Scanner, at: int) -> int | None:
    """The start of the line heading the grade's block: the first line above it, within reach,
    after a blank line or the text's start; None when the grade's line opens its block."""
    text = scanner.text
    line_start, _ = scanner.line(at)
    position, heading = line_start, None
    for _ in range(_LINES_BACK):
        if position == 0:
            return heading
        above, _ = scanner.line(position - 1)
        if _BLANK.fullmatch(text, above, position - 1):
            return heading
        heading, position = above, above
    return None
