"""HL7 v2 result segments pasted into a note: "OBX|2|NM|DHI^Dizziness Handicap Inventory||58|
score^^0-100||||F|||20320218|PREVIOUS (eval)".

An interface export writes each result as one OBX segment of pipe-separated fields: the
observation's code and name (field 3), its value (5), its unit and range (6), and after the
status a date and a remark; the reference range (field 7) is a norm and is left out. Read as
prose, the code, the range and the date are numbers beside
the value and the remark ("PREVIOUS (eval)") comes after it, where no reader takes it for the
value's time. Each segment is written as the clinician means it: "Dizziness Handicap
Inventory: (PREVIOUS (eval)) (previous) 58 (0-100)." — the name, a remark that names an earlier
time before the value (as a table's heading would), the value with its unit, any other remark
after it. A text result (type TX) is its text under its name. Only lines opening with "OBX|"
are looked at; charges (FT1) are the billing's.
"""

from __future__ import annotations

import re

from tui.core.checks.layouts.columns import role_of
from tui.core.checks.tables import keyed_units
from tui.core.checks.text.pieces import Piece

_SEGMENT = "OBX|"
_BULLETS = ("", "-", "*", "\u2022")
_NAME, _VALUE, _UNITS, _REMARKS = 3, 5, 6, 8
# a field of flags or status ("F", "H", "N"): never a remark (an "L" flag is no side)
_FLAG = 2
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{8}(?:\d{4,6})?")


def obx_pieces(text: str) -> list[Piece]:
    """Rewrites for every OBX segment of the text (none when it has none)."""
    pieces: list[Piece] = []
    at = text.find(_SEGMENT)
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line_start = text.rfind("\n", 0, at) + 1
        # a segment opening its line, or after a bullet (an offline draft lists each line)
        if text[line_start:at].strip() in _BULLETS:
            written = _written(text[at:end])
            if written is not None:
                pieces.append(Piece(at, end, written, at, end))
        at = text.find(_SEGMENT, end)
    return pieces


def _written(segment: str) -> str | None:
    """One result as a sentence, or None when the segment holds no named value."""
    fields = segment.rstrip("\r").split("|")
    if len(fields) <= _VALUE:
        return None
    name = _name(fields[_NAME])
    value = fields[_VALUE].strip()
    if not name or not value:
        return None
    remarks = [
        field.strip()
        for field in fields[_REMARKS:]
        if len(field.strip()) > _FLAG and not _DATE.fullmatch(field.strip())
    ]
    earlier = [remark for remark in remarks if role_of(remark) == "prior"]
    after = [remark for remark in remarks if remark not in earlier]
    cue = "".join(f"({remark}) (previous) " for remark in earlier)
    unit = _unit(fields[_UNITS]) if len(fields) > _UNITS and _NUMBER.fullmatch(value) else ""
    tail = "".join(f" ({remark})" for remark in after)
    end = "" if (tail or unit or value).endswith(".") else "."
    return f"{name}: {cue}{value}{unit}{tail}{end}"


def _name(field: str) -> str:
    """The observation's name ("DHI^Dizziness Handicap Inventory": the name, else the code)."""
    parts = [part.strip() for part in field.split("^")]
    named = [part for part in parts[1:] if part]
    return named[0] if named else parts[0]


def _unit(field: str) -> str:
    """The value's unit from an HL7 units field ("s", "m/s", "score^^0-100"), as a note writes
    it; a unit the readers do not know (a "score") is left out."""
    unit = field.split("^")[0].strip()
    if not unit:
        return ""
    known = keyed_units().get(unit.lower().replace(" ", ""))
    if known is not None:
        return known
    return f" {unit}" if "/" in unit else ""
