"""Comma-separated rows pasted from an EHR's export, placed row by row as the records they are.

A flowsheet export writes one record a line, its fields in quotes
(`"Objective","R ankle PF","45 deg",""`): its first field names the part of the note the record
belongs to, the others what was recorded. A charge export writes bare fields
(`2,97110,GP,KX,24,Therapeutic exercise`): an export holding a billing code is a charge
export, its header and totals included. The layouts reader (`delimited_fields`) splits the
fields, the one splitter the checks use too; the drafter takes such rows out of the note before
tables are read (`linearize`), places each where its part or its charge says, and leaves out a
record's first field (the part of the note, which the draft's section now says). A run of rows
that names no part and bills nothing (a table of measures) stays a table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.core.checks.layouts.delimited import delimited_fields

_DELIMITER = ","
_CODE = re.compile(r"^(?:9\d{4}|G\d{4})$")
_HEADER_WORDS = 2
# a value in a field: a digit that starts a number ("R 4/5", "12 s"); "modifier_1" is a name
_VALUE_DIGIT = re.compile(r"(?<![A-Za-z_])\d")
# another layout's line: a pipe table, a tab-separated row
_OTHER_LAYOUT = re.compile(r"[|\t]")


@dataclass(frozen=True)
class CsvRow:
    """One exported row: its fields, whether a field is a billing code, whether it only names
    the columns, and the row as written after its first field."""

    fields: tuple[str, ...]
    charge: bool
    header: bool
    rest: str
    line: str


@dataclass(frozen=True)
class ExportRow:
    """A row as the drafter places it: its text, and the topic it goes to ("" when the part
    it sits in decides); `skip` for a record's column names."""

    text: str
    topic: str
    skip: bool = False


def csv_row(line: str) -> CsvRow | None:
    """The row a line of an export is, or None when the line is no comma-separated row."""
    stripped = line.strip()
    if _OTHER_LAYOUT.search(stripped):
        return None
    spans = delimited_fields(stripped, _DELIMITER)
    if spans is None:
        return None
    fields = tuple(stripped[start:end].replace('""', '"').strip() for start, end in spans)
    charge = any(_CODE.match(field) for field in fields)
    # "Section","Item","Value","Comment", "units,cpt,modifier_1": column names, a word or two
    # each and no value
    header = all(len(field.split()) <= _HEADER_WORDS for field in fields) and not any(
        _VALUE_DIGIT.search(field) for field in fields
    )
    after = stripped.find(_DELIMITER, spans[0][1])
    return CsvRow(fields, charge, header, stripped[after + 1 :].strip(), stripped)


def export_rows(
    lines: Sequence[str], part_topic: Callable[[str], str], read: Callable[[str], str]
) -> dict[int, ExportRow]:
    """The lines of `lines` that are rows of an export placed row by row, by index: each run
    of comma-separated rows whose first fields mostly name parts of the note (`part_topic`)
    or that bills a code. `read` is how the checks read a table (`linearize`): a record is
    written as they read the export without its part column ("Pain now: 2/10; worst 5/10"),
    so the draft's reader reads the values the note's reader did."""
    found: dict[int, ExportRow] = {}
    index = 0
    while index < len(lines):
        run: list[tuple[int, CsvRow]] = []
        while index < len(lines) and (row := csv_row(lines[index])) is not None:
            run.append((index, row))
            index += 1
        index += 1
        found.update(_placed_run(run, part_topic, read))
    return found


def _placed_run(
    run: list[tuple[int, CsvRow]], part_topic: Callable[[str], str], read: Callable[[str], str]
) -> dict[int, ExportRow]:
    parts = [part_topic(row.fields[0]) for _, row in run]
    if 2 * sum(map(bool, parts)) <= len(parts):
        parts = [""] * len(parts)  # "units,cpt,...": a column's name, no part of the note
    charged = any(row.charge for _, row in run)
    if not any(parts) and not charged:
        return {}  # a table of measures: the table reader's
    charges = charged and not any(parts)  # a charge export: its header and totals too
    records = _records(run, parts, read)
    placed = {}
    for (index, row), topic, record in zip(run, parts, records, strict=True):
        if topic:
            placed[index] = ExportRow(record or row.rest, topic, skip=row.header)
        elif row.header and not charges:
            placed[index] = ExportRow("", "", skip=True)  # "Section","Item","Value","Comment"
        else:
            # a charge export keeps its fields as written: a column's meaning is its header's
            billed = charges or row.charge
            placed[index] = ExportRow(row.line, "billing" if billed else "")
    return placed


def _records(
    run: list[tuple[int, CsvRow]], parts: list[str], read: Callable[[str], str]
) -> list[str]:
    """Each record as the checks read the export without its part column, line for line ("" for
    a charge, whose columns its header names, or when the reading does not keep the lines)."""
    rests = [
        row.rest if part or row.header else row.line
        for (_, row), part in zip(run, parts, strict=True)
    ]
    lines = read("\n".join(rests)).split("\n")
    if len(lines) != len(run):
        return [""] * len(run)
    # a quote the export doubled is one quote in the record
    return [
        "" if row.charge else line.strip().replace('""', '"')
        for (_, row), line in zip(run, lines, strict=True)
    ]
