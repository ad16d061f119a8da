"""A nested key of an export read under its parents' names: "mmt:" over "hip_abd:" over "R:
4-" is the right hip abductors' grade, "grip_kg:" over "L: 30" the left grip in kg, "pain:"
over "worst_24h: 6" the worst pain of the day, "totals:" over "timed_minutes: 33" the total
timed minutes.

A clinician reads a child key that says only a side, a time or a circumstance (data/
exports.toml [key_paths] child_words) as a reading of what its parents name; line by line it
names nothing. Each such child is written with the names of its one or two nearest parents
before it (snake case as words, a unit part of a parent's key after the child's bare value),
the names written again as `Restated` pieces, whose numbers are never read as values. A parent
is a key holding no value on its line ("mmt:", '"pain": {'); a child a key and its value
indented deeper. A parent `parent_names` already writes before its children is left to it.
Each line is looked at once: linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.layouts.export_case import in_capitals
from tui.core.checks.layouts.export_words import export_words
from tui.core.checks.layouts.keyed import snake_words
from tui.core.checks.layouts.mdtables import Restated
from tui.core.checks.text.line_spans import line_spans
from tui.core.checks.text.pieces import Piece

# A key of an export: its indent, maybe a list item's dash, the key (maybe quoted) and the
# colon; after it a value, an opening brace or nothing.
_KEY_LINE = re.compile(
    r"(?P<indent>[ \t]*)(?:-[ \t]+)?\"?(?P<key>[A-Za-z0-9][\w .-]{0,40}?)\"?[ \t]*:"
    r"(?P<rest>[^\n]*)\Z"
)
_OPENS = re.compile(r"[ \t]*[{\[]?[ \t]*\Z")
# A child's value: a number, a grade or a fraction, then maybe a unit, ending the line.
_VALUE = re.compile(
    r"[ \t]*-?\d+(?:\.\d+)?(?:[+-](?!\d))?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?)*(?P<unit>[ \t]*[^\s,]+)?"
    r"[ \t]*,?[ \t]*\Z"
)
_WORD = re.compile(r"[A-Za-z]+|\d+[A-Za-z]*")
_WINDOW = re.compile(r"\d+(?:h|hr|hrs|d|wk|wks)?\Z", re.IGNORECASE)
_DEPTH = 2


@dataclass(frozen=True)
class _Parent:
    indent: int
    name: str
    unit: str
    span: tuple[int, int]


@cache
def _section_words() -> frozenset[str]:
    return frozenset(export_words("key_paths", "section_words"))


@cache
def _child_words() -> frozenset[str]:
    return frozenset(export_words("key_paths", "child_words"))


def key_path_pieces(text: str, taken: frozenset[int] = frozenset()) -> list[Piece]:
    """Pieces writing the parents' names before each child key that names nothing itself;
    `taken` are the places another layout already writes a parent's name."""
    if ":\n" not in text and "{\n" not in text:
        return []
    pieces: list[Piece] = []
    stack: list[_Parent] = []
    for start, end in line_spans(text):
        _line(text, start, end, stack, pieces, taken)
    return pieces


def _line(
    text: str,
    start: int,
    end: int,
    stack: list[_Parent],
    pieces: list[Piece],
    taken: frozenset[int],
) -> None:
    """One line of an export: a key opening a block pushes its name (and a unit its snake case
    writes) as a parent; a child key naming nothing itself gets its parents' names written
    before it, since its value means nothing without them; prose clears the nesting."""
    found = _KEY_LINE.match(text[start:end])
    if found is None:
        if text[start:end].strip() in ("", "}", "},", "]", "],"):
            return
        stack.clear()  # prose ends the export's nesting
        return
    indent = len(found["indent"].expandtabs(4))
    while stack and stack[-1].indent >= indent:
        stack.pop()
    key = found["key"].strip()
    key_start = start + found.start("key")
    rest = found["rest"]
    if _OPENS.match(rest):
        name, unit = snake_words(key)
        name = in_capitals(name.replace("_", " "))
        stack.append(
            _Parent(indent, name.replace("_", " "), unit or "", (key_start, key_start + len(key)))
        )
        return
    value = _VALUE.match(rest)
    if value is None or not stack or key_start in taken or not _says_nothing(key):
        return
    parents = [p for p in stack if p.name.lower() not in _section_words()][-_DEPTH:]
    if not parents:
        return
    names = " ".join(p.name for p in parents)
    pieces.append(
        Restated(key_start, key_start, f"{names} ", parents[0].span[0], parents[-1].span[1])
    )
    unit = parents[-1].unit
    if unit and not value["unit"]:
        at = start + found.start("rest") + len(rest.rstrip(" \t,"))
        pieces.append(Piece(at, at, unit, at, at))


def _says_nothing(key: str) -> bool:
    """The child key is made of sides, times and circumstances only."""
    words = _WORD.findall(snake_words(key)[0].replace("_", " "))
    return bool(words) and all(
        w.lower() in _child_words() or _WINDOW.match(w) is not None for w in words
    )
