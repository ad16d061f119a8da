"""Rows of value pairs under a heading that names the pair's columns: "AROM R ring finger (ext /
flex, degrees):" over "MP  0 / 80", "PIP  -15 / 85".

A hand therapist writes one row per joint and one column per motion, naming the columns once in
the heading; read as prose, "PIP -15 / 85" is a joint and two numbers with no motion, so both
are lost (or "15/85" taken for a score). Each row is written for reading as the aligned list it
stands for ("AROM R ring finger PIP ext/flex -15 / 85 deg"): the heading's words before the
bracket, the row's name, the columns' names, the values, the heading's unit; the aligned reader
then gives each value its column's motion (`aligned`). Only a heading whose every column names
a motion or a mode (never a side: side columns are the girth and table readers') and whose
unit, if any, is degrees is read, and only rows of a name and exactly as many values; a heading
or a row naming a device whose angles are settings (measures.toml [not_measurements.settings]
angles: "Orthosis settings (flex / ext):", "hinge stop 10 / 0") is left as written.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.layouts.corrections import end_of_line
from tui.core.checks.measures import labels
from tui.core.checks.tables import setting_words
from tui.core.checks.text.pieces import Piece

# A heading ending in a colon, its columns in a bracket before it: "(ext / flex, degrees):".
_HEADING = re.compile(
    r"^(?P<title>[^\n()]{0,60}?)[ \t]*\((?P<columns>[A-Za-z.]{1,12}(?:[ \t]*/[ \t]*"
    r"[A-Za-z.]{1,12}){1,3})(?:[ \t]*,[ \t]*(?P<unit>[^()\n]{1,12}))?\)[ \t]*:[ \t]*$",
    re.MULTILINE,
)
_DEGREES = re.compile(r"(?:°|deg(?:rees?)?\.?)", re.IGNORECASE)
_VALUE = r"-?\d{1,3}(?:\.\d)?(?:[ \t]*°)?"
# A row: a name of letters, then only its values set apart by slashes.
_ROW = re.compile(
    rf"[ \t]*(?:[-*\u2022][ \t]+)?(?P<name>[A-Za-z][A-Za-z .]{{0,20}}?)[ \t]*:?[ \t]+"
    rf"(?P<values>{_VALUE}(?:[ \t]*/[ \t]*{_VALUE})+)[ \t]*\r?$"
)
_MARKER = "):"


def pair_row_pieces(text: str) -> list[Piece]:
    """Insertions that write every row under a pair heading as an aligned list."""
    pieces: list[Piece] = []
    at = text.find(_MARKER)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = end_of_line(text, at)
        heading = _HEADING.match(text, line_start, line_end)
        if heading is not None and _motion_columns(heading) and not _set(heading.group("title")):
            pieces += _rows(text, heading, line_end)
        at = text.find(_MARKER, line_end)
    return pieces


def _motion_columns(heading: re.Match[str]) -> bool:
    """Every column names a motion or a mode and none a side; the unit, if any, is degrees."""
    unit = heading.group("unit")
    if unit is not None and not _DEGREES.fullmatch(unit.strip()):
        return False
    parts = [labels.parts_of(item) for item in heading.group("columns").split("/")]
    return all((part.motion or part.mode) and not part.side for part in parts)


def _rows(text: str, heading: re.Match[str], pos: int) -> list[Piece]:
    """The rows right under the heading, up to the first line that is no row of its pair."""
    columns = re.sub(r"[ \t]+", "", heading.group("columns"))
    count = columns.count("/") + 1
    title = heading.group("title").strip()
    title_span = heading.start("title"), heading.start("title") + len(title)
    columns_span = heading.span("columns")
    pieces: list[Piece] = []
    while pos < len(text):
        start = pos + 1
        end = end_of_line(text, start)
        row = _ROW.match(text, start, end)
        if row is None or row.group("values").count("/") + 1 != count:
            break
        if _same_sort(row.group("name"), columns):
            break  # "flexion 58 / 70" under motion columns: a row of another heading
        pos = end
        if _set(row.group("name")):
            continue
        if title:
            pieces.append(Piece(row.start("name"), row.start("name"), f"{title} ", *title_span))
        values = row.start("values")
        pieces.append(Piece(values, values, f"{columns} ", *columns_span))
        if heading.group("unit") and "°" not in row.group("values"):
            # the unit maps to the value's last digit, so the value's span stays the value's
            last = row.end("values")
            pieces.append(Piece(last, last, "°", last - 1, last))
    return pieces


def _same_sort(name: str, columns: str) -> bool:
    """A row named by a motion under motion columns, or by a mode under mode columns: the
    row's name and its columns would name the same thing twice, so the row is not theirs."""
    row = labels.parts_of(name)
    heads = [labels.parts_of(column) for column in columns.split("/")]
    return bool(row.motion and all(h.motion for h in heads)) or bool(
        row.mode and all(h.mode for h in heads)
    )


@cache
def _settings() -> re.Pattern[str]:
    """The devices whose angles are settings, never the patient's range."""
    return re.compile(rf"\b(?:{'|'.join(setting_words().get('angles', ()))})\b", re.IGNORECASE)


def _set(words: str) -> bool:
    return _settings().search(words) is not None
