"""Comma-separated rows pasted from an EHR's export, read as the record each row is.

A flowsheet export writes one record a line, its fields in quotes
(`"Objective","R ankle PF","45 deg",""`): its first field names the part of the note the record
belongs to, the others what was recorded. A charge export writes bare fields
(`2,97110,GP,KX,24,Therapeutic exercise`): a row with a billing code is a charge. The drafter
places such a row by what it is, and leaves out a record's first field (the part of the note,
which the draft's section now says).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

_QUOTED = re.compile(r'^"[^"\n]*"(?:[ \t]*,[ \t]*"(?:[^"\n]|"")*")+[ \t]*$')
# bare fields: four or more, never a space after a comma (a sentence's commas have one)
_BARE = re.compile(r"^[^,\s\"][^,\"\n]*(?:,(?![ \t])[^,\"\n]*){3,}$")
_FIRST_FIELD = re.compile(r'^"[^"\n]*"[ \t]*,[ \t]*')
_CODE = re.compile(r"^(?:9\d{4}|G\d{4})$")
_MIN_FIELDS = 3
_HEADER_WORDS = 2


@dataclass(frozen=True)
class CsvRow:
    """One exported row: the part it names (its first field, "" when bare), the row written as
    words, and whether a field is a billing code."""

    part: str
    text: str
    charge: bool
    header: bool = False
    fields: tuple[str, ...] = ()


def csv_row(line: str) -> CsvRow | None:
    """The row a line of an export is, or None when the line is no comma-separated row."""
    quoted = bool(_QUOTED.match(line))
    if not quoted and not _BARE.match(line):
        return None
    fields = [field.strip() for field in next(csv.reader([line], skipinitialspace=True))]
    if len(fields) < _MIN_FIELDS:
        return None
    charge = any(_CODE.match(field) for field in fields)
    # "Section","Item","Value","Comment": column names, a word or two each and no value
    header = all(len(field.split()) <= _HEADER_WORDS for field in fields) and not any(
        ch.isdigit() for field in fields for ch in field
    )
    if not quoted:
        # a charge export keeps its fields as written: a column's meaning is its header's
        return CsvRow("", line.strip(), charge, header, tuple(fields))
    # the row as written after the part it names: the checks read a note's export row as
    # written, and a draft that rewrote it would state values the note's reading lacks
    rest = _FIRST_FIELD.sub("", line.strip(), count=1)
    return CsvRow(fields[0], rest, charge, header, tuple(fields))
