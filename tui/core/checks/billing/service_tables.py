"""A table of services is the note's record of them: its minutes column says which code the
minutes went to, so a code the table lists is counted from the table, not again from the prose
that describes the same treatment ("Ther ex 23 min: bridges, clams ..." above a table with
"| Ther ex | 97110 | 23 |" is one service of 23 minutes, not two). A row whose service cell
describes the treatment in the clinician's words ("| Loading program: isometrics ... | 97110 |
26 |") still gives its code the minutes of its minutes column, and the table's "Total" row is
the total of the services it lists: the timed total when every code it lists is timed."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import minutes_heading, service_time_heading
from tui.core.checks.layouts.grids import Cell, Grid, grids
from tui.core.checks.tables import billing_tables

_CODE_CELL = re.compile(r"^[*_ ]*(9\d{4}|G\d{4})(?:[ \t-]*[A-Z0-9]{2})*[*_ ]*$")
_MINUTES_CELL = re.compile(r"^[*_ ]*(\d{1,3})[ \t]*(?:min|mins|minutes|')?[*_ ]*$", re.IGNORECASE)
_TOTAL_CELL = re.compile(
    r"^[*_ ]*total(?P<timed>[ \t]+timed)?(?:[ \t]+(?:minutes|mins?|time))?[*_ :]*$", re.IGNORECASE
)
# A row giving both totals in one cell under one label ("| Total timed / treatment | | 35 / 35 |",
# "| Total timed/total | 38/45 |"): the first value is the timed total, the second the session's.
_PAIRED_TOTAL_CELL = re.compile(
    r"^[*_ ]*total[ \t]+timed[ \t]*/[ \t]*(?:total[ \t]*)?(?:treatment|tx|session|time)?"
    r"(?:[ \t]+(?:minutes|mins?|time))?[*_ :]*$",
    re.IGNORECASE,
)
_PAIRED_MINUTES_CELL = re.compile(
    r"^[*_ ]*(\d{1,3})[ \t]*(?:min|mins)?[ \t]*/[ \t]*(\d{1,3})[ \t]*(?:min|mins|minutes)?[*_ ]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TableTotal:
    """A services table's "Total" row: its minutes, its line, whether all it sums is timed."""

    minutes: int
    start: int
    end: int
    timed: bool
    labelled_timed: bool = False  # the row says so ("Total timed"), wherever its label is
    treatment: int | None = None  # the session's total given beside it ("35 / 35")


@dataclass(frozen=True)
class _Services:
    """One table of services read: each code's minutes cell and the total row, if any."""

    rows: tuple[tuple[str, Cell], ...]
    total: TableTotal | None


def tabled(text: str, services: Sequence[Fact]) -> list[Fact]:
    """The services with the prose mentions of a code that a table of `text` lists left out,
    and the table's own minutes for a code none of its rows gave a service."""
    spans = sorted((grid.lines[0][0], grid.lines[-1][1]) for grid in grids(text) if grid.lines)
    if not spans:
        return list(services)
    starts = [start for start, _ in spans]

    def in_table(fact: Fact) -> bool:
        index = bisect.bisect_right(starts, fact.span[0]) - 1
        return index >= 0 and fact.span[0] < spans[index][1]

    codes = {fact.cpt for fact in services if in_table(fact)}
    kept = [fact for fact in services if in_table(fact) or fact.cpt not in codes]
    added = [fact for fact in _row_services(text) if fact.cpt not in codes]
    listed = {fact.cpt for fact in added}
    kept = [fact for fact in kept if fact.cpt not in listed]
    return sorted([*kept, *added], key=lambda fact: fact.span)


def table_totals(text: str) -> list[TableTotal]:
    """The "Total" rows of the note's tables of services."""
    return [table.total for table in _tables(text) if table.total is not None]


def _row_services(text: str) -> list[Fact]:
    names = billing_tables()
    return [
        Fact(
            kind="service",
            value=int(_minutes(cell)),
            unit="min",
            cpt=code,
            minutes=int(_minutes(cell)),
            label=names.name_of(code),
            span=(cell.start, cell.end),
        )
        for table in _tables(text)
        for code, cell in table.rows
    ]


def _paired_total(row: Sequence[Cell], column: int, line: tuple[int, int]) -> TableTotal | None:
    """A row labelled with both totals whose minutes cell holds both ("35 / 35")."""
    both = _PAIRED_MINUTES_CELL.match(row[column].text)
    labelled = any(_PAIRED_TOTAL_CELL.match(cell.text) for i, cell in enumerate(row) if i != column)
    if both is None or not labelled:
        return None
    timed, treatment = int(both.group(1)), int(both.group(2))
    if timed > treatment:
        return None  # more timed minutes than the session held: not the two totals
    return TableTotal(timed, line[0], line[1], True, True, treatment)


def _minutes(cell: Cell) -> str:
    found = _MINUTES_CELL.match(cell.text)
    return found.group(1) if found else "0"


@lru_cache(maxsize=8)
def _tables(text: str) -> tuple[_Services, ...]:
    return tuple(table for grid in grids(text) if (table := _services(grid)) is not None)


def _services(grid: Grid) -> _Services | None:
    """A headed table with a minutes column whose rows each name one code."""
    if not grid.headed or len(grid.rows) < 2:
        return None
    column = next(
        (
            index
            for index, cell in enumerate(grid.rows[0])
            if minutes_heading().search(cell.text) or service_time_heading().search(cell.text)
        ),
        None,
    )
    if column is None:
        return None
    rows: list[tuple[str, Cell]] = []
    totals: list[tuple[Cell, tuple[int, int], bool]] = []
    paired: list[TableTotal] = []
    for row, line in zip(grid.rows[1:], grid.lines[1:], strict=False):
        if column < len(row) and (both := _paired_total(row, column, line)) is not None:
            paired.append(both)
            continue
        if column >= len(row) or not _MINUTES_CELL.match(row[column].text):
            continue
        found = [m.group(1) for cell in row if (m := _CODE_CELL.match(cell.text))]
        if len(found) == 1:
            rows.append((found[0], row[column]))
        elif not found:
            labels = [
                m
                for i, cell in enumerate(row)
                if i != column and (m := _TOTAL_CELL.match(cell.text))
            ]
            if any(label for label in labels):
                totals.append((row[column], line, any(label["timed"] for label in labels)))
    if not rows:
        return None
    total = paired[0] if len(paired) == 1 and not totals else None
    if len(totals) == 1 and not paired:
        timed = all(code in billing_tables().timed for code, _ in rows)
        cell, (start, end), labelled = totals[0]
        total = TableTotal(int(_minutes(cell)), start, end, timed or labelled, labelled)
    return _Services(tuple(rows), total)
