"""A service written as a record of an export: its code and its minutes on lines of their own
("- cpt: 97110" / "  label: therapeutic exercise" / "  minutes: 24", or a JSON object's
members one a line). A clinician reads the minutes as the code's; read line by line the code
has no minutes beside it and the minutes no code. Each record holding exactly one code key and
one minutes key (data/exports.toml [service_records]) is written as "97110: 24 min" on the
minutes' line, the code leaving its own line; a record of no minutes was not given, and its
code is read nowhere (not as a code billed). A record on one line, its code's field right
before its minutes' ("{cpt: 97530, minutes: 12}"), is written the same way. A record without a
code (a home program's "bike: minutes: 15") is left as written. Runs on the text with the
quotes of the export's values dropped (quoted_scalars, json_lines); only the lines around a
code key are looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.layouts.export_words import export_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.pieces import Piece

# A line of a record: its indent, a list item's dash, a key and the value after the colon.
_FIELD = re.compile(
    r"(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?\"?(?P<key>[A-Za-z][\w .-]{0,30}?)\"?[ \t]*:"
    r"[ \t]*\"?(?P<value>[^\n\"]*?)\"?[ \t]*,?[ \t]*\Z"
)
_CODE = re.compile(r"(?:\d{5}|[A-Z]\d{4})\Z")
_MINUTES = re.compile(r"(?P<n>\d{1,3})(?P<unit>[ \t]*min(?:utes|s)?\.?)?\Z", re.IGNORECASE)


@dataclass(frozen=True)
class _Field:
    column: int
    dash: bool
    key: str
    key_start: int
    value: str
    value_start: int


@cache
def _code_line() -> re.Pattern[str]:
    keys = either(re.escape(key) for key in export_words("service_records", "code_keys"))
    return re.compile(
        rf"^[ \t]*(?:-[ \t]+)?\"?(?:{keys})\"?[ \t]*:[ \t]*\"?(?:\d{{5}}|[A-Z]\d{{4}})\b",
        re.MULTILINE | re.IGNORECASE,
    )


@cache
def _inline() -> re.Pattern[str]:
    """A record on one line, its code's field right before its minutes' ("{cpt: 97530,
    minutes: 12}", '{"cpt": "97112", "minutes": 8}', "cpt=97110, minutes=24")."""
    codes = either(re.escape(key) for key in export_words("service_records", "code_keys"))
    minutes = either(re.escape(key) for key in export_words("service_records", "minute_keys"))
    return re.compile(
        rf"(?<![\w-])\"?(?:{codes})\"?[ \t]*[:=][ \t]*\"?(?P<code>\d{{5}}|[A-Z]\d{{4}})\"?"
        rf"[ \t]*,[ \t]*(?P<key>\"?(?:{minutes})\"?[ \t]*[:=][ \t]*)(?P<n>\d{{1,3}})"
        r"(?![\d.])(?![ \t]*(?:min|mins|minutes)\b)",
        re.IGNORECASE,
    )


def service_record_pieces(text: str) -> list[Piece]:
    """Pieces writing each record's code before its minutes."""
    pieces: list[Piece] = []
    for found in line_scan(_inline(), text):
        code_start, code_end = found.span("code")
        pieces.append(Piece(code_start, code_end, "", code_start, code_end))
        if int(found["n"]) == 0:
            continue  # not given: its code is read nowhere
        key_start, key_end = found.span("key")
        pieces.append(Piece(key_start, key_end, f"{found['code']}: ", code_start, code_end))
        end = found.end("n")
        pieces.append(Piece(end, end, " min", found.start("n"), end))
    done: set[int] = set()
    for hit in _code_line().finditer(text):
        line_start = hit.start()
        if line_start in done:
            continue
        record = _record(text, line_start)
        done.update(start for start, _ in record)
        pieces += _record_pieces([f for _, f in record])
    return pieces


def _field(text: str, start: int) -> _Field | None:
    """The key and value of the record's line at `start`, with its column (its dash counted), or
    None when the line is no field: the fields of one record share a column."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    found = _FIELD.match(text[start:end])
    if found is None:
        return None
    column = len(found["indent"].expandtabs(4)) + len(found["dash"] or "")
    return _Field(
        column=column,
        dash=found["dash"] is not None,
        key=found["key"].strip().lower().replace("_", " "),
        key_start=start + found.start("key"),
        value=found["value"],
        value_start=start + found.start("value"),
    )


def _indent(text: str, start: int) -> int:
    end = text.find("\n", start)
    line = text[start : len(text) if end < 0 else end]
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _record(text: str, at: int) -> list[tuple[int, _Field]]:
    """The fields of the record the line at `at` belongs to: the lines of key and value at its
    key's column, from the list item's dash (or the record's opening) to the record's end;
    lines indented deeper (a nested value) are passed over. A record flattened into a list of
    its fields, each with a dash ("- Cpt: 97110", "- Minutes: 24"), runs from its code to the
    next code, when the list opens on a code (so each code leads its own fields)."""
    own = _field(text, at)
    if own is None:
        return []
    fields = [(at, own)]
    start = at
    while not fields[0][1].dash and start > 0:  # up to the item's dash or the record's start
        start = text.rfind("\n", 0, start - 1) + 1
        field = _field(text, start)
        if field is None or field.column != own.column:
            if field is None and text[start:].strip() and _indent(text, start) > own.column:
                continue
            break
        fields.insert(0, (start, field))
    flattened = own.dash and _opens_on_code(text, at, own.column)
    end = text.find("\n", at)
    while end >= 0:
        start = end + 1
        end = text.find("\n", start)
        field = _field(text, start)
        if field is not None and field.column > own.column:
            continue
        if field is None and text[start:].strip() and _indent(text, start) > own.column:
            continue
        if field is None or field.column != own.column or _code_line().match(text, start):
            break
        if field.dash and not flattened:
            break
        fields.append((start, field))
    return fields


def _opens_on_code(text: str, at: int, column: int) -> bool:
    """In the run of fields at this column that holds the line at `at`, no minutes come before
    the run's first code: each code leads its own fields."""
    minute_keys = set(export_words("service_records", "minute_keys"))
    timed_before_code = False
    start = at
    while start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        field = _field(text, start)
        if field is None or field.column != column:
            break
        if _code_line().match(text, start):
            timed_before_code = False
        elif field.key in minute_keys:
            timed_before_code = True
    return not timed_before_code


def _record_pieces(fields: list[_Field]) -> list[Piece]:
    """Pieces that move a record's one code onto its one minutes line ("97110: 24 min", "min"
    added to a bare number), as a clinician reads the minutes as the code's. Zero minutes leave
    the code read nowhere (not given); with more than one code or time, which minutes are whose
    is not said, so the record is left as written."""
    codes = set(export_words("service_records", "code_keys"))
    minute_keys = set(export_words("service_records", "minute_keys"))
    coded = [f for f in fields if f.key in codes and _CODE.match(f.value)]
    timed = [f for f in fields if f.key in minute_keys and _MINUTES.match(f.value)]
    if len(coded) != 1 or len(timed) != 1:
        return []
    code, minutes = coded[0], timed[0]
    code_end = code.value_start + len(code.value)
    found = _MINUTES.match(minutes.value)
    assert found is not None
    value_end = minutes.value_start + found.end("n")
    if int(found["n"]) == 0:
        # "minutes: 0": the service was not given; its code is read nowhere, not as billed
        return [Piece(code.value_start, code_end, "", code.value_start, code_end)]
    pieces = [
        Piece(code.value_start, code_end, "", code.value_start, code_end),
        Piece(
            minutes.key_start, minutes.value_start, f"{code.value}: ", code.value_start, code_end
        ),
    ]
    if not found["unit"]:
        pieces.append(Piece(value_end, value_end, " min", minutes.value_start, value_end))
    return pieces
