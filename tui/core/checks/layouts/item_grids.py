"""Grids of an instrument's items: a heading naming an instrument scored per item (FIM, COPM,
PSFS), with the time points its columns hold ("FIM (admit -> today):", "COPM performance,
initial / now"), then one item a line with a score per time point ("Transfers toilet  2 -> 3",
"Eating 7", "LB dressing: 3 (was 1)").

Each score is the instrument's with the item's name as its label; a score under an earlier time
point is labelled previous, one under a goal is a target and never a fact. A row whose count of
scores does not match the heading's time points, or whose score is beyond one item's range (a
total), ends the grid: the layout no longer says what its numbers are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import columns
from tui.core.checks.layouts.item_lists import EARLIER, instrument_names
from tui.core.checks.measures import labels
from tui.core.checks.tables import MeasureDef, measure_defs
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.scan import Scanner

_ARROW = r"(?:-{1,2}>|=>|>|\u2192|\u21d2|\u2794)"
# Time points in a heading, set apart by arrows, slashes, commas, "to"/"vs" or column spaces.
_TIME_SPLIT = re.compile(
    rf"[ \t]*{_ARROW}[ \t]*|[/,|]|\b(?:to|and|vs)\b\.?|[ \t]{{2,}}|\t|[()\[\]:]"
)
_DIGIT = re.compile(r"\d")
_TIME_ROLES = frozenset({"prior", "current", "timepoint", "goal", "measured"})
# One score: one or two digits, with the item's scale after it at most ("5/7").
_SCORE = r"(?<![\d.])(\d{1,2})(?:/(\d{1,2}))?(?![\d.]|/\d)"
# Between two scores: an arrow (the text read has "," for a drawn arrow), a bar or blanks.
_BETWEEN = rf"(?:[ \t]*(?:{_ARROW}|[|,])[ \t]*|[ \t]+)"
# One row: a bullet, the item's name (words, no number: a number would be read as its score),
# a colon or blanks, then the scores, then remarks ("(hemiwalker 75 ft)", "- mod A").
_ROW = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]+)?"
    r"(?P<name>[A-Za-z][A-Za-z /&'.-]{0,50}?(?:\([A-Za-z /&'.-]{1,30}\))?)"
    r"[ \t]*(?::[ \t]*|[ \t]+|(?<=\))(?=\d))"
    rf"(?P<scores>{_SCORE}(?:{_BETWEEN}{_SCORE}){{0,5}})"
    r"(?P<rest>(?:[ \t]*[(,;\u2013-][^\n]*|[ \t]+[A-Za-z][^\n]*)?)[ \t.;]*(?:\n|\Z)"
)
_ONE_SCORE = re.compile(_SCORE)


@dataclass(frozen=True)
class _Times:
    """What the heading says each score of a row is: `roles` in order, empty when the heading
    names no time point (a row then holds one score, or an earlier -> later pair)."""

    roles: tuple[str, ...]


@cache
def _headings() -> tuple[tuple[re.Pattern[str], MeasureDef], ...]:
    """A heading line per instrument scored per item: its name, with words before it and time
    points after it, ending the line with a colon or not."""
    found = []
    for measure in measure_defs():
        if not measure.multi or measure.numbered_items:
            continue
        heading = re.compile(
            rf"(?m)^[ \t#*>]*(?P<before>[^\n\d:]{{0,40}}?)\b(?:{instrument_names(measure)})\b"
            rf"(?P<after>[^\n:]{{0,60}}?)(?P<colon>:?)[ \t*]*\n"
        )
        found.append((heading, measure))
    return tuple(found)


def _times(words: Sequence[str]) -> _Times | None:
    """The time points a heading's words name, in order; None when a part holding a number is
    no time point (a total or a score: the line is no heading)."""
    parts = [part.strip() for text in words for part in _TIME_SPLIT.split(text) if part.strip()]
    found = columns(["item", *parts], 0)[1:]
    if any(
        column.role not in _TIME_ROLES and _DIGIT.search(part)
        for column, part in zip(found, parts, strict=True)
    ):
        return None
    roles = (column.role for column in found if column.role in _TIME_ROLES)
    return _Times(tuple("current" if role == "measured" else role for role in roles))


def read_item_grids(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Scores of the items listed under an instrument's heading, each labelled by its item and
    its time point."""
    text = scanner.text
    for heading, measure in _headings():
        for match in heading.finditer(text):
            times = _times((match.group("before"), match.group("after")))
            if times is None or not (match.group("colon") or times.roles):
                continue  # a sentence naming the instrument heads nothing
            pos = match.end()
            while (row := _ROW.match(text, pos)) is not None:
                # a row named by a pain word ("Pain 4 -> 2" under "FIM (admit -> today):") is a
                # rating among the items, not one of them: the pain readers read it
                if not words().pain.match(row.group("name").strip()) and not _read_row(
                    scanner, facts, measure, times, row
                ):
                    break
                pos = row.end()


def _roles_of(times: _Times, scores: int, arrowed: bool) -> tuple[str, ...] | None:
    """What each of a row's scores is, or None when the heading does not say."""
    if times.roles:
        return times.roles if len(times.roles) == scores else None
    if scores == 1:
        return ("current",)
    if scores == 2 and arrowed:
        return ("prior", "current")
    return None


def _read_row(
    scanner: Scanner, facts: list[Fact], measure: MeasureDef, times: _Times, row: re.Match[str]
) -> bool:
    """Read one row; False when it is not a row of the grid (the grid has ended)."""
    offset = row.start("scores")
    scores = [
        score
        for score in _ONE_SCORE.finditer(row.group("scores"))
        if score.group(2) is None or measure.item_in_range(int(score.group(2)))
    ]
    if len(scores) != len(_ONE_SCORE.findall(row.group("scores"))):
        return False
    between = row.group("scores")[scores[0].end() : scores[-1].start()]
    roles = _roles_of(times, len(scores), bool(re.search(_ARROW, between)))
    values = [int(score.group(1)) for score in scores]
    if roles is None or not all(measure.item_in_range(value) for value in values):
        return False
    spans = [(offset + score.start(1), offset + score.end(1)) for score in scores]
    if not all(scanner.free(*span) for span in spans):
        return True
    label = labels.join(measure.name, " ".join(row.group("name").rstrip(" \t-./&'").split()))
    for role, value, span in zip(roles, values, spans, strict=True):
        if role == "goal":
            scanner.claim(*span)
        elif role == "current":
            scanner.emit(facts, "outcome", value, span, label, measure=measure.name)
        else:
            scanner.emit(facts, "outcome", value, span, label + " (previous)", measure=measure.name)
    _read_earlier(scanner, facts, measure, label, row, roles)
    return True


def _read_earlier(
    scanner: Scanner,
    facts: list[Fact],
    measure: MeasureDef,
    label: str,
    row: re.Match[str],
    roles: Sequence[str],
) -> None:
    """An earlier score written after a row's only score: "Eating 5 (was 3)"."""
    earlier = EARLIER.search(row.group("rest"))
    if earlier is None or tuple(roles) != ("current",):
        return
    span = (row.start("rest") + earlier.start(1), row.start("rest") + earlier.end(1))
    value = int(earlier.group(1))
    if measure.item_in_range(value) and scanner.free(*span):
        scanner.emit(facts, "outcome", value, span, label + " (previous)", measure=measure.name)
