"""Rows of one finger joint's angle for each digit: "R MCP flex AROM: IF 70°, MF 75°, RF 72°,
SF 65°", "DIP flex (R): D2 55, D3 60, D4 50, D5 45 deg".

The row's key names the side, the joint, the motion and the mode once; each value after it
names only its digit. Read as prose, the digit's short name ("MF", "D3") stands where a
motion's name would and parts the value from the key, so every value after the first is lost.
Each value is read as the key's motion at that digit. Only a key naming a finger joint and a
motion, over a list of two or more digits each with one angle (degrees or no unit; no negative
value, which the motion readers read as a deficit), is read: a length per digit ("tip to DPC:
IF 1.5 cm") or a girth has a unit and is left.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import data_table
from tui.core.checks.measures import labels
from tui.core.checks.text.alternation import either, whole_words
from tui.core.checks.text.scan import Scanner

_MIN_DIGITS = 2
_MAX_ANGLE = 180
_DEGREES = r"(?:°|deg(?:rees?)?\b)"


@cache
def _row() -> re.Pattern[str]:
    digit = either(data_table("digit_rows").get("digits", ()))
    item = rf"(?:{digit})[ \t]*[:=]?[ \t]*\d{{1,3}}(?:[ \t]*{_DEGREES})?"
    # the key starts a line or follows a separator ("...; DIP flex: D2 55, D3 60"), never any
    # letter inside a line: a lazy 60-character key tried at every letter is slow on long notes
    return re.compile(
        rf"(?:^|(?<=[;|\t])|(?<=\.[ \t]))[ \t]*(?:[-*\u2022][ \t]*)?"
        rf"(?P<key>[A-Za-z][^\n:;]{{2,60}}?)[ \t]*:[ \t]*"
        rf"(?P<items>{item}(?:[ \t]*[,;/][ \t]*{item})+)(?:[ \t]*{_DEGREES})?"
        rf"(?![ \t]*[,;/]?[ \t]*(?:\d|[A-Za-z]{{1,3}}\b(?<!deg)))",
        re.MULTILINE,
    )


@cache
def _not_angle() -> re.Pattern[str]:
    """A key naming what a joint lacks ("DIP flexion lag", "PIP flexion contracture"): its
    values are no motion's angle."""
    fragments = data_table("digit_rows").get("not_angles", ())
    return whole_words(fragments)


@cache
def _lag() -> re.Pattern[str]:
    fragments = data_table("digit_rows").get("lags", ())
    return whole_words(fragments)


@cache
def _item() -> re.Pattern[str]:
    digit = either(data_table("digit_rows").get("digits", ()))
    return re.compile(rf"(?<![\w])(?P<digit>{digit})[ \t]*[:=]?[ \t]*(?P<value>\d{{1,3}})(?![\d.])")


def read_digit_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read each value of a row of one finger joint's angles as that joint's motion at its
    digit."""
    text = scanner.text
    joints = set(data_table("digit_rows").get("joints", ()))
    for row in _row().finditer(text):
        parts = labels.parts_of(row.group("key"))
        if parts.joint not in joints:
            continue
        lag = _lag().search(row.group("key")) is not None
        if not lag and (not parts.motion or _not_angle().search(row.group("key")) is not None):
            continue  # a contracture or a deficit per digit: left to the readers of prose
        items = list(_item().finditer(text, *row.span("items")))
        if len(items) < _MIN_DIGITS or any(int(item.group("value")) > _MAX_ANGLE for item in items):
            continue
        if not all(scanner.free(*item.span("value")) for item in items):
            continue
        key = labels.join(parts.side, parts.joint, parts.motion, parts.mode, "lag" if lag else "")
        for item in items:
            label = labels.join(key, item.group("digit"))
            kind = "other" if lag else "rom"  # a lag is filed as the corpus files one
            scanner.emit(facts, kind, int(item.group("value")), item.span("value"), label)
