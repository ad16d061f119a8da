"""Tables whose rows carry their own part of the note ("| Subjective | Pain | 3/10 |").

An EHR's export often prints the whole visit as one table with a column naming each row's part
(Subjective, Vitals, Exam, Assessment, Plan; or the letters S, O, A, P), the part written once
and left blank on the rows under it. Such a table is no one measure's table: each row goes to
the section its part names, as a note written in parts would put it. A column is read so only
where every cell of it names a part and at least two of the note's main parts appear
(`[section_column]` in offline.toml); a column of areas examined ("Strength", "Gait") or one
naming a single part keeps its table whole.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from tui.core.checks.layouts.grids import Grid
from tui.core.drafting.offline_data import offline_section


@cache
def _main_parts() -> tuple[frozenset[str], int]:
    spec = offline_section("section_column")
    return frozenset(spec.get("main_parts", ())), int(spec.get("least", 2))


def parted_rows(grid: Grid, part_topic: Callable[[str], str]) -> tuple[tuple[str, str], ...]:
    """Each data row as a statement without its part's cell, and the topic of that part, for a
    table with a column naming each row's part (a blank cell is the part of the row above);
    () for any other table."""
    widths = {len(row) for row in grid.rows}
    if len(grid.rows) < _ROWS or len(widths) != 1 or min(widths) < _COLUMNS:
        return ()
    main, least = _main_parts()
    for column in range(min(widths) - 1):  # the last column holds what was written
        # a table without a heading row may be read as having one: its first row is data
        # when its cell names a part ("| S | Sleeping through |")
        headed = grid.headed and not part_topic(grid.rows[0][column].text)
        data = grid.rows[1:] if headed else grid.rows
        topics = _column_topics([row[column].text for row in data], part_topic)
        if topics and len(set(topics) & main) >= least:
            said = [
                _statement([cell.text for at, cell in enumerate(row) if at != column])
                for row in data
            ]
            return tuple((text, topic) for text, topic in zip(said, topics, strict=True) if text)
    return ()


def _statement(cells: list[str]) -> str:
    """A row's cells as a line of a note: what the row names, then what it says ("Pain: 3/10;
    R shoulder"); a first cell with no words (a time, "09:04") opens the line as it is."""
    kept = [cell.strip() for cell in cells if cell.strip()]
    if len(kept) < _COLUMNS:
        return kept[0] if kept else ""
    if not any(ch.isalpha() for ch in kept[0]):
        return " ".join(kept)
    if len(kept[0].split()) > _LABEL_WORDS:
        return "; ".join(kept)  # a first cell that says something is no label of the others
    return f"{kept[0]}: {'; '.join(kept[1:])}"


_LABEL_WORDS = 5


_ROWS = 2
_COLUMNS = 2


def _column_topics(cells: list[str], part_topic: Callable[[str], str]) -> tuple[str, ...]:
    """Each cell's part, filled down over blank cells; () when a cell names none."""
    topics: list[str] = []
    for cell in cells:
        topic = part_topic(cell) if cell.strip() else (topics[-1] if topics else "")
        if not topic:
            return ()
        topics.append(topic)
    return tuple(topics)
