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


# A key then a row of cells, each a digit's capital letter and an angle (commas between them
# or none; an extension's cell may be signed: "MCP ext R: I -10 M -5 R -15 S -20"), to the
# line's end.
_LETTER_ROW = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<key>[A-Za-z][^\n:;/\d]{1,40}?)[ \t]*:[ \t]*"
    r"(?P<items>(?:[A-Z][ \t]*[-\u2212]?\d{1,3}[ \t]*(?:,[ \t]*)?){3,4})(?:°|deg(?:rees?)?)?"
    r"[ \t]*\.?[ \t]*\r?$",
    re.MULTILINE,
)
_LETTER_ITEM = re.compile(r"(?P<digit>[A-Z])[ \t]*(?P<value>[-\u2212]?\d{1,3})")
# An extension row's cells: short of neutral (signed) or past it, never more than a finger
# hyperextends.
_EXTENSION_MAX = 45
# A key then four angles split by slashes, to the line's end ("DIP: 60/65/55/50").
_SLASH_ROW = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<key>[A-Za-z][^\n:;/\d]{1,40}?)[ \t]*:[ \t]*"
    r"(?P<items>\d{2,3}(?:[ \t]*/[ \t]*\d{2,3}){3})[ \t]*(?:°|deg(?:rees?)?)?[ \t]*\r?$",
    re.MULTILINE,
)
_SLASH_ITEM = re.compile(r"\d{2,3}")
# A finger's angle in such a row: neither a start of an arc (0) nor more than a finger bends.
_FINGER_MAX = 130
_FINGER_MIN = 10


def read_digit_rows(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Read each value of a row of one finger joint's angles as that joint's motion at its
    digit."""
    text = scanner.text
    joints = set(data_table("digit_rows").get("joints", ()))
    _read_letter_rows(scanner, facts, joints)
    _read_slash_rows(scanner, facts, joints)
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


def _finger_key(scanner: Scanner, row: re.Match[str], joints: set[str]) -> str | None:
    """The label a row's key gives its cells (side, joint, motion, mode), or None when the key
    names no finger joint, names what a joint lacks, or a cell is taken already."""
    parts = labels.parts_of(row.group("key"))
    if parts.joint not in joints or _not_angle().search(row.group("key")) is not None:
        return None
    if _lag().search(row.group("key")) is not None:
        return None
    return labels.join(parts.side, parts.joint, parts.motion, parts.mode)


def _read_letter_rows(scanner: Scanner, facts: list[Fact], joints: set[str]) -> None:
    """ "PIP flex R: I 95 M 100 R 90 S 85": each cell the key's motion at the finger its
    capital letter names (the R inside is the ring finger, the key's R the side)."""
    text = scanner.text
    if ":" not in text:
        return
    names: dict[str, str] = data_table("digit_rows").get("letter_digits", {})
    for row in _LETTER_ROW.finditer(text):
        items = list(_LETTER_ITEM.finditer(text, *row.span("items")))
        letters = [item.group("digit") for item in items]
        if len(set(letters)) != len(letters) or not all(letter in names for letter in letters):
            continue
        key = _finger_key(scanner, row, joints)
        if key is None:
            continue
        spans = [item.span("value") for item in items]
        if labels.parts_of(row.group("key")).motion == "extension":
            _read_extension_cells(scanner, facts, key, items, names)
            continue
        if any(not item.group("value").isdigit() for item in items) or not _fingers_free(
            scanner, spans
        ):
            # a flexion's cell is never signed nor out of a finger's range: the row is left
            # unread, its letters never units ("I -5 M 100": no metres)
            _hold(scanner, spans)
            continue
        for item in items:
            label = labels.join(key, names[item.group("digit")])
            scanner.emit(facts, "rom", int(item.group("value")), item.span("value"), label)


def _read_extension_cells(
    scanner: Scanner,
    facts: list[Fact],
    key: str,
    items: list[re.Match[str]],
    names: dict[str, str],
) -> None:
    """An extension row's cells: a signed cell is the angle short of neutral, filed as the
    angle missing with "(deficit)" as the other readers write it; an unsigned one the angle."""
    values = [int(item.group("value").replace("\u2212", "-")) for item in items]
    if not all(scanner.free(*item.span("value")) for item in items):
        return
    if any(abs(value) > _EXTENSION_MAX for value in values):
        _hold(scanner, [item.span("value") for item in items])
        return
    for item, value in zip(items, values, strict=True):
        label = labels.join(key, names[item.group("digit")])
        if value < 0:
            scanner.emit(facts, "rom", -value, item.span("value"), label + " (deficit)")
        else:
            scanner.emit(facts, "rom", value, item.span("value"), label)


def _read_slash_rows(scanner: Scanner, facts: list[Fact], joints: set[str]) -> None:
    """ "DIP: 60/65/55/50": the key's joint at the four fingers, index to small."""
    text = scanner.text
    if "/" not in text:
        return
    fingers: list[str] = data_table("digit_rows").get("slash_digits", [])
    for row in _SLASH_ROW.finditer(text):
        items = list(_SLASH_ITEM.finditer(text, *row.span("items")))
        key = _finger_key(scanner, row, joints)
        if key is None or not _fingers_free(scanner, [item.span() for item in items]):
            continue
        if _two_arcs([int(item.group()) for item in items]):
            continue  # "PIP: 15/100/10/95": two arcs' ends (a side's or a finger's), no fingers
        for finger, item in zip(fingers, items, strict=True):
            label = labels.join(key, finger)
            scanner.emit(facts, "rom", int(item.group()), item.span(), label)


def _hold(scanner: Scanner, spans: list[tuple[int, int]]) -> None:
    """Leave a finger row's free cells unread by every reader (a digit's letter is no unit)."""
    for span in spans:
        if scanner.free(*span):
            scanner.claim(*span)


def _two_arcs(values: list[int]) -> bool:
    """Four angles that read as two arcs, each a small start and an end at least twice it
    ("15/100/10/95", "MCP: 20/85/15/80"): which finger or side each belongs to is not said, so
    the row is left out rather than read as four fingers."""
    first, second, third, fourth = values
    return 2 * max(first, third) <= min(second, fourth)


def _fingers_free(scanner: Scanner, spans: list[tuple[int, int]]) -> bool:
    """Every cell free and an angle a finger's joint bends to."""
    return all(
        scanner.free(*span) and _FINGER_MIN <= int(scanner.text[span[0] : span[1]]) <= _FINGER_MAX
        for span in spans
    )
