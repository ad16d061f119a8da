"""Rows of values written side by side under a heading that names each column's time:
"Objective (today / eval):" over "R knee AROM 2-118 / 5-104 deg", "R quad 4/5 / 3+/5".

A progress report names its columns once ("today / eval", "IE | now", "current vs initial") and
writes each row as a name and one value per column; read as prose, the second value has no time
(it is read as today's, or a range and a grade run together are lost). Each column's role is read
from its heading as a table's is (layouts/columns.py): this visit's, an earlier one, or a goal.
Each value of a row is given its column's word (data/columns.toml [time_pairs] words: "today
2-118, eval 5-104 deg"), mapped to where the heading names the column, so every reader reads it
as it reads that sentence. Only a heading of two or three columns with exactly one of this
visit's is read, none naming two times of one session ("pre / post", "rest / peak"); only rows
right under it whose every segment holds exactly as many values as the heading has columns,
parted by a spaced slash, a bar or "vs". Each line is matched once, so a note is read in linear
time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tui.core.checks.layouts.columns import role_of, time_pair_data
from tui.core.checks.text.pieces import Piece

# A column's name: a word, maybe a second word or the date of that visit ("PR 03/27"), a year
# after a month's day ("Dec 04 2123", "Jan 5, 2124"), the date after "on" ("visit 1 on 01/13").
_WORD = (
    r"[A-Za-z][A-Za-z0-9.'-]*"
    r"(?:[ \t](?:\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])|[A-Za-z0-9][A-Za-z0-9.'-]*)"
    r"(?:,?[ \t]\d{4}(?![\d/]))?)?"
    r"(?:[ \t]on[ \t]\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/]))?"
)
# Before a bracket's columns, the scale's range or a remark ("(0-7; today / visit 1 on 01/13)").
# Only a heading naming an earlier visit is read after one: a session's times after a scale's
# range ("(0-4; pre / post)") are left as written.
_BRACKET_REMARK = r"(?P<remark>[^()\n;:]{1,20};[ \t]*)?"
# A slash between two digits is a date's, never a column's edge.
_SEP = r"[ \t]*(?:(?<!\d)/|/(?!\d)|\||\bvs\.?(?=[ \t])|\bversus\b)[ \t]*"
# The columns: two or three times set apart by slashes, bars or "vs".
_COLUMNS = rf"{_WORD}(?:{_SEP}{_WORD}){{1,2}}"
# A heading: the columns in a bracket ("Objective (today / eval):"), or alone on the line
# ("Today / Eval:", "- Today / eval" as a draft lists it), then a colon or the line's end;
# values may follow a bracket or a colon on the line.
_HEADING = re.compile(
    rf"(?:\([ \t]*{_BRACKET_REMARK}(?P<bracketed>{_COLUMNS})[ \t]*\)[ \t]*:?"
    rf"|^[ \t]*(?:#+[ \t]*|\*\*|[-*\u2022][ \t]+)?(?P<alone>{_COLUMNS})(?:\*\*)?[ \t]*"
    rf"(?::|:?[ \t]*$))[ \t]*",
    re.MULTILINE,
)
_SPLIT = re.compile(_SEP)
_UNIT = (
    r"(?:°|deg(?:rees?)?|%|s|secs?|seconds|min|cm|mm|m|ft|kg|lbs?|m/s|bpm|reps|pts?|points)"
    r"(?![A-Za-z])"
)
# One value: a number, a range's other end, a grade's sign, a maximum after a slash, a unit.
_VALUE = rf"-?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?[+-]?(?:/\d+(?:\.\d+)?)?(?:[ \t]*{_UNIT})?"
_PAIR_SEP = r"(?:[ \t]+/[ \t]+|[ \t]*\|[ \t]*|[ \t]+vs\.?[ \t]+)"
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+|\d{1,2}[.)][ \t]+)?")


@dataclass(frozen=True)
class _Column:
    """One column of the heading: its role, the word written before its values, and where the
    heading names it."""

    role: str
    word: str
    span: tuple[int, int]


# Words after a row's last value that say how it was taken ("228 m / 240 m w/ SPC"): no number.
_REMARK = r"(?:[ \t]+(?:w/|[A-Za-z])[^\d\n;|]{0,30})?"
# After the last cell of a row set out with bars, a bracket of its own too ("6.8 s | 8.9 s
# (trials 9.1 and 8.7)"), whose numbers other readers read; a row of prose keeps to words.
_CELL_REMARK = r"(?:[ \t]+(?:w/|[A-Za-z])[^\d\n;|]{0,30}|[ \t]*\([^()\n|]{1,80}\))?"


# A cell between bars may hold one value per side ("9HPT R / L  22.0 / 26.4 s | 24.1 / 31.6 s"):
# the pair is that column's.
_CELL = rf"{_VALUE}(?:[ \t]*/[ \t]*{_VALUE})?"
_BAR = r"[ \t]*\|[ \t]*"


@cache
def _values(count: int, barred: bool = False) -> re.Pattern[str]:
    """A segment's values, one per column, after the name's last word or a colon; `barred`,
    cells parted by bars only, each a value or a side pair."""
    value, gap, remark = (_CELL, _BAR, _CELL_REMARK) if barred else (_VALUE, _PAIR_SEP, _REMARK)
    values = rf"(?P<v0>{value})" + "".join(
        rf"(?P<s{at}>{gap})(?P<v{at}>{value})" for at in range(1, count)
    )
    return re.compile(rf"(?<=[A-Za-z):][ \t])[ \t]*{values}{remark}[ \t]*\.?[ \t]*$")


def _found_values(text: str, start: int, end: int, count: int) -> re.Match[str] | None:
    """A segment's values: cells between bars when the segment has bars, else values."""
    if "|" in text[start:end]:
        found = _values(count, barred=True).search(text, start, end)
        if found is not None:
            return found
    return _values(count).search(text, start, end)


@cache
def _session() -> re.Pattern[str]:
    words = "|".join(str(word) for word in time_pair_data().get("session", ()))
    return re.compile(rf"^(?:{words})$", re.IGNORECASE)


def time_pair_pieces(text: str) -> list[Piece]:
    """Words that give each value of a row under a time-pair heading its column's time."""
    if "/" not in text and "|" not in text and "vs" not in text:
        return []
    pieces: list[Piece] = []
    done = 0
    for heading in _HEADING.finditer(text):
        if heading.start() < done:
            continue
        columns = _columns(heading)
        if columns is None or (heading.group("remark") and columns[0].role == "session"):
            continue
        line_start = text.rfind("\n", 0, heading.start()) + 1
        line_end = _line_end(text, heading.end())
        pieces += _row(text, (line_start, line_end), columns) or []
        done = line_end
        for start, end in _lines_after(text, line_end):
            row = None if _HEADING.search(text, start, end) else _row(text, (start, end), columns)
            if row is None:
                break
            pieces += row
            done = end
    return pieces


def _columns(heading: re.Match[str]) -> tuple[_Column, ...] | None:
    """The heading's columns, when they are times with exactly one of this visit's, or two
    times of one session."""
    group = "bracketed" if heading.group("bracketed") is not None else "alone"
    written = heading.group(group)
    offset = heading.start(group)
    found = []
    at = 0
    for gap in [*_SPLIT.finditer(written), None]:
        stop = len(written) if gap is None else gap.start()
        name = written[at:stop].strip()
        if not name:
            return None
        found.append((name, offset + written.index(name, at)))
        at = stop if gap is None else gap.end()
    return _classified(found)


def _classified(found: list[tuple[str, int]]) -> tuple[_Column, ...] | None:
    if not 2 <= len(found) <= 3:
        return None
    words = time_pair_data().get("words", {})
    if all(_session().match(name) for name, _ in found):
        return tuple(_Column("session", name, (at, at + len(name))) for name, at in found)
    columns = []
    for name, at in found:
        # a column the heading only dates or numbers ("PR 03/27", "wk 4") beside this visit's
        # is an earlier one, as in a table (columns.toml [roles] timepoint)
        role = "prior" if role_of(name) == "timepoint" else role_of(name)
        if role not in ("current", "prior", "goal") or _session().match(name):
            return None
        columns.append(_Column(role, str(words.get(role, role)), (at, at + len(name))))
    if sum(column.role == "current" for column in columns) != 1:
        return None
    return tuple(columns)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _lines_after(text: str, at: int) -> Iterator[tuple[int, int]]:
    while at < len(text):
        start = at + 1
        end = _line_end(text, start)
        yield start, end
        at = end


def _row(text: str, span: tuple[int, int], columns: tuple[_Column, ...]) -> list[Piece] | None:
    """The words for every value of a row's segments; None unless every segment is a row. A
    segment naming its own columns ("PF (today/IE): 40 / 25 deg") loses that bracket, whose
    earlier column's word would otherwise name the first value, and its first value is given
    its column's word too: the words before the bracket may name an earlier time ("Compared
    with eval (today / eval): ..."). A row whose values are one value ("MMT 4 / 5", "BP 128 /
    82") is a row given no words."""
    start, end = span
    line = text[start:end].rstrip("\r")
    if not line.strip():
        return None
    bullet = _BULLET.match(line)
    at = start + (bullet.end() if bullet else 0)
    pieces: list[Piece] = []
    for segment_start, segment_end in _segments(text, at, start + len(line)):
        found = _found_values(text, segment_start, segment_end, len(columns))
        if found is None or not re.search(r"[A-Za-z]", text[segment_start : found.start()]):
            return None
        if _one_value(text[segment_start : found.start()], found, len(columns)):
            continue
        own = _HEADING.search(text, segment_start, found.start())
        named = own is not None and own.group("bracketed") is not None
        if own is not None and named:
            shut = text.index(")", own.end("bracketed")) + 1
            pieces.append(Piece(own.start(), shut, "", own.start(), shut))
        pieces += _words(text, found, columns, named)
    return pieces


@cache
def _slashed() -> re.Pattern[str]:
    words = "|".join(re.escape(str(word)) for word in time_pair_data().get("slashed", ()))
    return re.compile(rf"(?<![A-Za-z])(?:{words})[ \t:]*$", re.IGNORECASE)


def _one_value(name: str, found: re.Match[str], count: int) -> bool:
    """Two values parted by a slash that are one: a grade over its maximum ("4 / 5") or a
    measure written with a slash ("BP 128 / 82")."""
    if count != 2 or found.group("s1").strip() != "/":
        return False
    first, second = found.group("v0"), found.group("v1")
    if not (_BARE.fullmatch(second) and re.fullmatch(r"\d+(?:\.\d+)?[+-]?", first)):
        return False
    maximum = float(time_pair_data().get("grade_maximum", 5))
    if float(second) == maximum and float(first.rstrip("+-")) <= maximum:
        return True
    return _slashed().search(name) is not None


def _words(
    text: str, found: re.Match[str], columns: tuple[_Column, ...], lead: bool = False
) -> list[Piece]:
    """Each value's column word (none before this visit's value when it comes first, unless
    `lead` asks for it), and the unit the last value carries after each value written without
    one ("70 vs 45 deg")."""
    pieces: list[Piece] = []
    unit = _TRAILING_UNIT.search(found.group(f"v{len(columns) - 1}"))
    for index, column in enumerate(columns):
        value = found.group(f"v{index}")
        if index == 0:
            if lead or column.role != "current":
                at = found.start("v0")
                pieces.append(Piece(at, at, f"{column.word} ", *column.span))
        else:
            gap = found.span(f"s{index}")
            pieces.append(Piece(gap[0], gap[1], f", {column.word} ", *column.span))
        if unit is not None and index < len(columns) - 1 and _BARE.fullmatch(value):
            after = found.end(f"v{index}")
            # the unit maps to the value's last digit, so the value's span stays the value's
            pieces.append(Piece(after, after, f" {unit.group().strip()}", after - 1, after))
    return sorted(pieces, key=lambda piece: (piece.start, piece.end))


_TRAILING_UNIT = re.compile(rf"[ \t]*{_UNIT}$")
# A value with neither a unit nor a maximum: the last value's unit is its own.
_BARE = re.compile(r"-?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?")
# A sentence's end inside a row ("8 / -4 deg. PF ..."), never a decimal point or "vs.".
_SENTENCE_END = re.compile(r"(?<!\bvs)\.(?=[ \t])")


def _segments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The row's segments, set apart by semicolons and sentence ends."""
    at = start
    while at < end:
        semicolon = text.find(";", at, end)
        stop_at = _SENTENCE_END.search(text, at, end)
        stops = [stop for stop in (semicolon, stop_at.start() if stop_at else -1) if stop >= 0]
        stop = min(stops) if stops else end
        yield at, stop
        at = stop + 1
