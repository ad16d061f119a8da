"""An instrument's subscales as rows under a heading that names it: "SCIM III (today / at rehab
discharge):" over "Self-care 9/20 (6/20)", "Mobility (room & toilet) 6/10 (4/10)" and "Total
51/100 (42/100)". Each row is the instrument's score on that subscale, never a rating of the
row's words ("6/10" under an instrument is no pain), and the row named by a total's word is the
instrument's own score. A bracket over the row's same maximum is its earlier score where the
heading's bracket writes this visit's word, a slash and another time ("today / at discharge");
other legends are left to the readers of bracket headings. Two rows at least make a table;
rows end at a blank line or the first line of another shape, so each line is read once."""

from __future__ import annotations

import bisect
import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import columns
from tui.core.checks.measures.instruments import measure_named
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.measures.result_words import (
    not_table_instruments,
    rating_wholes,
    total_words,
)
from tui.core.checks.names import listed, not_instrument_names
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner

# A heading line ending in a colon, whose name is written in capitals ("SCIM III", "WeeFIM",
# "KOOS"), the last such name before its bracket or colon.
_HEADING = re.compile(r"^[ \t]*(?P<head>[^\n:]{2,120}):[ \t]*$", re.MULTILINE)
_NAME = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z]*[A-Z][A-Za-z]*[A-Z][\w-]*(?:[ \t]+(?:[IVX]{1,4}|\d{1,2}))?)"
    r"(?![\w-])"
)
# A row (a bullet may lead it, as a draft copies it): its words, then a score over its maximum
# (the slash tight after the score: "4 / 2" is two values), then maybe the same maximum's
# bracket.
_ROW = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]+)?(?P<item>[A-Za-z][^\d\n:]*?)"
    r"(?:[ \t]*:[ \t]*|[ \t]{2,}|[ \t]+(?=\d))"
    r"(?P<score>\d+(?:\.\d+)?)/[ \t]*(?P<whole>\d+)"
    r"(?:[ \t]+\([ \t]*(?P<was>\d+(?:\.\d+)?)[ \t]*/[ \t]*(?P=whole)[ \t]*\))?[ \t]*$"
)
# A row of two values set apart by a spaced slash ("shoulder abduction 4 / 2"): today's and the
# earlier one, under a heading whose legend says so ("(0-7; today / visit 1 on 01/13)").
_PAIR_ROW = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]+)?(?P<item>[A-Za-z][^\d\n:]*?)[ \t]*:?[ \t]+"
    r"(?P<score>\d+(?:\.\d+)?)[ \t]+/[ \t]+(?P<was>\d+(?:\.\d+)?)[ \t]*$"
)
# A heading set apart by spaces: a listed instrument's name, then two cells naming times
# ("Modified Mallet (L)          today    08/2141"), read as a table's headings are; a bullet may
# lead it, as a draft copies it, and the scanner closes a date before spaces with a semicolon
# ("10/2155; today").
_SPACED_HEADING = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]+)?(?P<head>[A-Za-z][^\n\t]*?)(?:[ \t]{2,}|\t)[ \t]*"
    r"(?P<first>[^\s;]+(?: [^\s;]+)?)(?:[ \t]{2,}|\t|;[ \t]+)[ \t]*(?P<second>\S+(?: \S+)?)[ \t]*$",
    re.MULTILINE,
)
# A row under it: the item's words, then a value under each time, apart by two spaces at least
# ("  global abduction            3        2", "  total      13/25    10/25").
_COLUMN_ROW = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]+)?(?P<item>[A-Za-z][^\d\n:]*?)(?:[ \t]*:[ \t]*|[ \t]{2,})"
    r"(?P<score>\d+(?:\.\d+)?)(?:[ \t]*/[ \t]*(?P<whole>\d+))?[ \t]{2,}"
    r"(?P<was>\d+(?:\.\d+)?)(?:[ \t]*/[ \t]*(?P<was_whole>\d+))?[ \t]*$"
)
_MIN_ROWS = 2
# A date written in a heading's cell: a month and year or a full date.
_DATED = re.compile(r"(?:\d{1,2}/)?\d{1,2}/(?:\d{2}|\d{4})|[A-Z][a-z]{2,8}\.?[ ]?(?:'\d{2}|\d{4})")
# A name in Title Case ending in an instrument's noun ("Active Movement Scale").
_TITLED = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+[ \t]+){1,5}"
    r"(?:Scale|Measure|Index|Inventory|Questionnaire|Battery|Profile)(?![\w-])"
)
# A shouted word, no name: five or more capitals with no digit or hyphen ("COGNITION").
_SHOUTED = re.compile(r"[A-Z]{5,}")


@cache
def _now_then() -> re.Pattern[str]:
    """A heading's bracket writing this visit's word, a slash, then another time."""
    later = either(legend_words()["later"])
    target = either(legend_words()["target"])
    return re.compile(
        rf"\([^()\n]*(?<![\w-])(?:{later})(?![\w-])[ \t]*/[ \t]*(?!(?:{target})(?![\w-]))\w",
        re.IGNORECASE,
    )


def read_subscale_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read each table of an instrument's subscale rows under its named heading."""
    text = scanner.text
    before, retaken = len(facts), list[tuple[int, int]]()
    for heading in _HEADING.finditer(text):
        head = heading.group("head")
        name = _instrument(head)
        if name is None:
            continue
        earlier = bool(_now_then().search(head))
        rows = _rows(scanner, heading.end(), _ROW)
        if not rows and earlier:
            rows = _rows(scanner, heading.end(), _PAIR_ROW)
        if len(rows) < _MIN_ROWS or not _subscales(rows):
            continue
        retaken.extend(_retaken(scanner, rows))
        for row in rows:
            _emit_row(scanner, facts, name, row, earlier=earlier)
    for heading in _SPACED_HEADING.finditer(text):
        timed = _timed_heading(heading)
        if timed is None:
            continue
        name, roles = timed
        rows = _rows(scanner, heading.end(), _COLUMN_ROW)
        if len(rows) < _MIN_ROWS:
            continue
        retaken.extend(_retaken(scanner, rows))
        for row in rows:
            _emit_columns(scanner, facts, name, row, roles)
    if retaken:
        _drop_retaken(facts, before, retaken)


def _timed_heading(heading: re.Match[str]) -> tuple[str, tuple[str, str]] | None:
    """The listed instrument a spaced heading names and its two columns' roles (this visit's
    and an earlier one's, in the heading's order), or None for any other line: a heading of
    sides, of goals or of an unlisted name ("CROM (inclinometer)  today  04/06") is left to the
    layout readers."""
    named = re.split(r"[(,]", heading.group("head"))[0].strip()  # "Mallet scale, R", "(L)"
    if not named or not listed(named):
        return None
    found = columns([heading.group("head"), heading.group("first"), heading.group("second")], 0)
    roles = (
        _dated_role(found[1].role, heading.group("first")),
        _dated_role(found[2].role, heading.group("second")),
    )
    if sorted(roles) != ["current", "prior"]:
        return None
    return measure_named(named).name, roles


def _instrument(head: str) -> str | None:
    """The instrument a heading names: its last name in capitals before any bracket, unless
    it is a shouted word ("VITALS"), a value's or a section's name ("BMI", "MMT")."""
    named = head.split("(")[0]
    names = [match.group("name") for match in _NAME.finditer(named)]
    if not names:
        titled = _TITLED.search(named)
        return measure_named(titled.group()).name if titled else None
    name = names[-1]
    never = not_instrument_names() | not_table_instruments()
    if _SHOUTED.fullmatch(name) or name.upper() in never:
        return None
    return measure_named(name).name


def _subscales(rows: list[re.Match[str]]) -> bool:
    """Scores within their maxima, none a grade's, and one at least over no rating's maximum;
    rows of two values need no maximum."""
    if "whole" not in rows[0].re.groupindex:
        return True
    wholes = [int(row.group("whole")) for row in rows]
    if any(float(row.group("score")) > whole for row, whole in zip(rows, wholes, strict=True)):
        return False
    return min(wholes) > min(rating_wholes()) and any(w not in rating_wholes() for w in wholes)


def _rows(scanner: Scanner, after: int, shape: re.Pattern[str]) -> list[re.Match[str]]:
    """The rows under a heading, up to a blank line or a line of another shape."""
    text = scanner.text
    rows: list[re.Match[str]] = []
    position = after + 1
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        row = shape.fullmatch(text, position, end)
        if row is None or not _readable(scanner, row):
            break
        rows.append(row)
        position = end + 1
    return rows


def _readable(scanner: Scanner, row: re.Match[str]) -> bool:
    """The row's score is free, or taken by a reader of layouts that runs before the names
    ("wrist/finger extension 7 / 6" read as two angles): the heading says what it is."""
    start, end = row.span("score")
    return scanner.free(start, end) or not scanner.is_blocked(start, end)


def _retaken(scanner: Scanner, rows: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The spans of the rows' values that an earlier reader had taken, in the original text."""
    return [
        scanner.span(*row.span(group))
        for row in rows
        for group in ("score", "was")
        if row.group(group) and not scanner.free(*row.span(group))
    ]


def _drop_retaken(facts: list[Fact], before: int, spans: list[tuple[int, int]]) -> None:
    """Drop the facts, among the first `before`, that an earlier reader made of values the
    rows read again: one pass over the facts, a search among the sorted spans for each."""
    spans.sort()
    starts = [start for start, _ in spans]

    def overlaps(fact: Fact) -> bool:
        index = bisect.bisect_right(starts, fact.span[1] - 1) - 1
        return index >= 0 and spans[index][1] > fact.span[0]

    facts[:] = [f for i, f in enumerate(facts) if i >= before or not overlaps(f)]


def _emit_row(
    scanner: Scanner, facts: list[Fact], name: str, row: re.Match[str], *, earlier: bool
) -> None:
    """Today's score and, where the row gives one, the earlier score: the same item, maximum
    and instrument, the earlier one marked so only when the heading puts it first."""
    item = " ".join(row.group("item").split())
    label = item if item.lower() in total_words() else f"{name} {item}"
    unit = f"/{row.group('whole')}" if "whole" in row.re.groupindex else None
    scores = [("score", label)]
    if row.group("was") is not None:
        scores.append(("was", f"{label} (previous)" if earlier else label))
    for group, written in scores:
        value = _number(row.group(group))
        scanner.emit(facts, "outcome", value, row.span(group), written, unit=unit, measure=name)
    scanner.claim(row.start("score"), row.end())  # the maxima and brackets: no values


def _dated_role(role: str, cell: str) -> str:
    """A date's column beside this visit's is an earlier visit's: a month and year ("08/2141",
    "Aug 2141") the table readers leave unnamed."""
    return "prior" if role == "other" and _DATED.fullmatch(cell) else role


def _emit_columns(
    scanner: Scanner, facts: list[Fact], name: str, row: re.Match[str], roles: tuple[str, str]
) -> None:
    """Each value of a row under a spaced heading of times: the instrument's score on the row's
    item (its own score on a total's row), earlier under the earlier time's column."""
    item = " ".join(row.group("item").split())
    label = item if item.lower() in total_words() else f"{name} {item}"
    for (value, whole), role in zip((("score", "whole"), ("was", "was_whole")), roles, strict=True):
        unit = f"/{row.group(whole)}" if row.group(whole) else None
        written = f"{label} (previous)" if role == "prior" else label
        scanner.emit(
            facts,
            "outcome",
            _number(row.group(value)),
            row.span(value),
            written,
            unit=unit,
            measure=name,
        )
    scanner.claim(row.start("score"), row.end())


def _number(written: str) -> int | float:
    return float(written) if "." in written else int(written)
