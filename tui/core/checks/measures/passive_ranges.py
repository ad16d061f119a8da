"""A passive range written in brackets after the active one ("MCP 0-75 (0-85)" under "active
(passive):", "knee flex 0-110 (PROM 0-120)"): the passive value, labelled PROM.

A bracketed "(0-85)" is otherwise taken for the bounds of a scale ("pain 3 (0-10)") and left
out. It is a passive range only after an active range the ROM reader has read, and only where
the brackets say so ("(P 0-85)", "(PROM 0-85)") or the lines just before name passive motion
("active (passive):" heading the rows): "flex 0-110 (0-120)" with no such word may be an earlier
value, and is left alone. Only the brackets are searched, each from the fact before it.
"""

from __future__ import annotations

import re

from tui.core.checks.facts import Fact
from tui.core.checks.text.scan import Scanner

_BRACKETS = re.compile(
    r"\((?P<marked>[ \t]*(?:PROM|P|passive)[ \t]*:?)?[ \t]*(?:-?\d{1,3}[ \t]*(?:°|deg)?[ \t]*"
    r"[-\u2013][ \t]*)(?P<value>\d{1,3})[ \t]*(?:°|deg\w*)?[ \t]*\)",
    re.IGNORECASE,
)
# The active range right before the brackets ("0-75 ", "-15-70° ").
_ACTIVE_BEFORE = re.compile(
    r"\d{1,3}[ \t]*[-\u2013][ \t]*(\d{1,3})[ \t]*(?:°|deg\w*)?[ \t]*$", re.I
)
_PASSIVE_WORD = re.compile(r"\b(?:passive|PROM)\b", re.IGNORECASE)
_HEADING = re.compile(r"^[^\n]*:[ \t]*$", re.MULTILINE)
_ROW = re.compile(r"[ \t]|[-*\u2022][ \t]")
_LOOK_BACK = 240


def read_passive_ranges(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """The passive value in brackets after each active range read as range of motion."""
    text = scanner.text
    ends = {fact.span[1]: fact for fact in facts if fact.kind == "rom"}
    if not ends:
        return
    for bracket in _BRACKETS.finditer(text):
        start = bracket.start()
        active = _ACTIVE_BEFORE.search(text, max(0, start - 16), start)
        if active is None or scanner.claimed(*bracket.span("value")):
            continue
        fact = ends.get(scanner.span(*active.span(1))[1])
        if fact is None:
            continue
        if not bracket.group("marked") and not _said_passive(text, start):
            continue
        label = fact.label.replace("AROM", "PROM")
        label = label if "PROM" in label else f"{label} PROM"
        scanner.emit(facts, "rom", int(bracket.group("value")), bracket.span("value"), label)


def _said_passive(text: str, pos: int) -> bool:
    """Passive motion named on the line before `pos`, or on the heading over its rows: the
    nearest line above ending in a colon, with only rows (indented or bulleted) between."""
    line_start = text.rfind("\n", 0, pos) + 1
    if _PASSIVE_WORD.search(text, line_start, pos):
        return True
    start = line_start
    while start > 0 and line_start - start < _LOOK_BACK:
        start = text.rfind("\n", 0, start - 1) + 1
        line = text[start : text.find("\n", start)]
        if _HEADING.fullmatch(line):
            return bool(_PASSIVE_WORD.search(line))
        if not _ROW.match(line):
            return False
    return False
