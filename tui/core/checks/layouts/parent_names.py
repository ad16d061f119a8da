"""A name on a line of its own and its values on the lines under it: an outline's parent bullet
("- 10MWT" over "- comfortable: 0.88 m/s", "- hip ext" over "- R: 4/5") or a heading ending in a
colon ("Grip (kg):" over "- R 28", "- L 24").

The child lines name only a side or a condition, so read as prose their values have no measure
and are lost or read as something else. Each child whose words before its first number name no
measure of their own is written for reading with the parent's name before it ("10MWT
comfortable: 0.88 m/s"), and a unit the parent gives in brackets ("(kg)") after each bare
number. A parent counts only when it holds no value (a number inside a name, "6MWT", is no
value) and names a measure: an instrument of instruments.toml, or a joint, motion or muscle. A
child is a line indented under the parent, or a bullet under a heading that ends in a colon, or
a bullet naming only a side or a time right after a bullet naming the measure (an outline
flattened); the block ends at the first line that is neither. Each line is looked at once, so a
note is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.layouts.columns import role_of
from tui.core.checks.layouts.keyed import snake_words
from tui.core.checks.layouts.mdtables import Restated
from tui.core.checks.measures import labels
from tui.core.checks.tables import keyed_units, measure_defs
from tui.core.checks.text.alternation import whole_words
from tui.core.checks.text.line_spans import line_spans
from tui.core.checks.text.pieces import Piece

# A line's indent, its bullet if any, and its content.
_LINE = re.compile(r"(?P<indent>[ \t]*)(?P<bullet>(?:[-*\u2022\u25e6+]|\d{1,2}[.)])[ \t]+)?")
# A number standing on its own (not inside a name such as "6MWT" or "D3").
_VALUE = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![A-Za-z\d])")
_UNIT_BRACKET = re.compile(r"[ \t]*\(([^()\n]{1,8})\)[ \t]*$")
# A parent's name: a few words, ending in a colon or not.
_MAX_NAME = 40
_MAX_WORDS = 4
_MAX_LEAD_WORDS = 3
_TIMES = frozenset({"prior", "current", "timepoint"})
_WORD = re.compile(r"[A-Za-z][\w'/-]*")
# What may follow a bare number before the parent's unit is written after it: nothing that is
# a unit or a grade of its own.
_UNIT_AFTER = re.compile(r"[ \t]*(?:[A-Za-z%\u00b0'\"]|/[ \t]*\d)")
# A bare number that may be a muscle grade: 0 to 5, a sign or nothing after it, no denominator.
_BARE_GRADE = re.compile(r"[0-5](?:[+-](?![\d./])|(?![\d./+-]))")
_SIGN = re.compile(r"^[+-](?!\d)")
_UNIT_WORD = re.compile(r"[ \t]*([^\s,;()]+)")


@dataclass(frozen=True)
class _Parent:
    indent: int
    name: str
    unit: str
    colon: bool
    bullet: bool
    span: tuple[int, int]
    instrument: bool


@cache
def _instruments() -> re.Pattern[str]:
    return whole_words(re.escape(alias) for m in measure_defs() for alias in m.aliases)


def _names_measure(words: str) -> bool:
    """The words name an instrument, or a joint, motion or muscle."""
    if _instruments().search(words):
        return True
    return _names_anatomy(words)


def _names_anatomy(words: str) -> bool:
    """The words name a joint, motion or muscle (grip and pinch among them)."""
    parts = labels.parts_of(words)
    return bool(parts.joint or parts.motion or parts.muscle)


def parent_pieces(text: str) -> list[Piece]:
    """Pieces writing each parent's name before its children's values."""
    if "\n" not in text:
        return []
    pieces: list[Piece] = []
    stack: list[_Parent] = []
    for start, end in line_spans(text):
        _line(text, start, end, stack, pieces)
    return pieces


def _line(text: str, start: int, end: int, stack: list[_Parent], pieces: list[Piece]) -> None:
    line = text[start:end]
    if not line.strip():
        stack.clear()
        return
    head = _LINE.match(line)
    assert head is not None  # the pattern matches the empty string
    indent = len(head["indent"].expandtabs(4))
    bullet = bool(head["bullet"])
    content_start = start + head.end()
    content = text[content_start:end].rstrip()
    while stack and not _child_of(stack[-1], indent, bullet):
        stack.pop()
    parent = _parent(content, content_start, indent, bullet)
    if parent is not None:
        stack.append(parent)
        return
    if not stack:
        return
    owner = stack[-1]
    sibling = indent == owner.indent and not owner.colon
    first = _VALUE.search(content)
    if first is None:
        if sibling:
            stack.pop()  # a bullet of its own after the name: the name's list has ended
        return
    lead = content[: first.start()]
    if sibling and not _time_or_side(lead):
        return  # "- Grip (lb)" then "- R 34": a flat list names only sides or times after it
    if len(_WORD.findall(lead)) > _MAX_LEAD_WORDS or _own_name(lead, owner):
        return
    unit = _reading_after(content, first.end())
    if unit is None:
        return  # "- pt reports 3 falls": a count in a sentence, not a value of the name
    if owner.instrument and not unit and not _time_or_side(lead):
        return  # "PSFS:" over "Stairs 7": an item's score, which the item readers read
    if not owner.instrument and not unit and _BARE_GRADE.match(content, first.start()):
        return  # "Hip abd:" over "R 4", "L 3+": a grade or an angle, which the name cannot say
    pieces.append(
        Restated(content_start, content_start, f"{owner.name} ", owner.span[0], owner.span[1])
    )
    if owner.unit:
        for number in _VALUE.finditer(content):
            after = number.end()
            if not _UNIT_AFTER.match(content, after):
                at = content_start + after
                pieces.append(Piece(at, at, owner.unit, at - len(number.group()), at))


def _own_name(lead: str, owner: _Parent) -> bool:
    """The child's words name its own measure: an instrument or a joint, or (under an
    instrument) any anatomy; a motion alone under a joint's name ("Wrist AROM L" over "flexion
    48 deg") is that joint's."""
    if _instruments().search(lead):
        return True
    parts = labels.parts_of(lead)
    if owner.instrument:
        return bool(parts.joint or parts.motion or parts.muscle)
    return bool(parts.joint or parts.muscle)


def _time_or_side(lead: str) -> bool:
    """The child's words are nothing, a side or a time ("today", "eval", "R:")."""
    words = lead.strip(" \t:-=")
    if not words:
        return True
    if role_of(words) in _TIMES:
        return True
    parts = labels.parts_of(words)
    return bool(parts.side) and len(_WORD.findall(words)) == 1


def _reading_after(content: str, end: int) -> str | None:
    """The unit written after the first number ("" for none) when the number is a reading: it
    ends the line or a clause, or a unit or a grade's sign or denominator follows it ("0.88
    m/s", "4-", "4/5", "28 (eval 21)"); None when a word that is no unit follows it."""
    rest = _SIGN.sub("", content[end:], count=1)
    if not rest.strip() or rest.lstrip()[0] in ",;(/":
        return ""
    word = _UNIT_WORD.match(rest)
    if word is None or word.group(1).lower() not in keyed_units():
        return None
    return word.group(1)


def _child_of(parent: _Parent, indent: int, bullet: bool) -> bool:
    """A line indented under the parent, or a bullet at the same indent under a heading or a
    bullet ending in a colon ("* Grip (lb):" over "* R 34") or under a bullet naming a measure
    (an outline flattened: "- Grip (lb)", "- R 34")."""
    if indent > parent.indent:
        return True
    return indent == parent.indent and bullet and (parent.colon or parent.bullet)


def _parent(content: str, at: int, indent: int, bullet: bool) -> _Parent | None:
    """The line as a parent: a short name of a measure holding no value."""
    if not content or len(content) > _MAX_NAME or _VALUE.search(content):
        return None
    colon = content.endswith(":")
    # a section's label before the name ("OBJ: Wrist AROM L -") and a dangling dash are no part
    # of it
    name = content.rstrip(":").rstrip().rsplit(":", 1)[-1].strip(" \t-")
    at += content.find(name) if name else 0
    unit = ""
    bracket = _UNIT_BRACKET.search(name)
    if bracket is not None:
        unit = keyed_units().get(bracket.group(1).strip().lower(), "")
        if unit:
            name = name[: bracket.start()]
    span = (at, at + len(name))
    if "_" in name:  # an export's snake-case key ("grip_kg"): its words, its unit part after
        name, snake_unit = snake_words(name)
        unit = unit or snake_unit or ""
    if not name or len(_WORD.findall(name)) > _MAX_WORDS or not _names_measure(name):
        return None
    if len(labels.sides_named(name)) > 1:
        return None  # "Wrist AROM R / L:": a legend naming each column's side (legends.py)
    instrument = not _names_anatomy(name)
    return _Parent(indent, name, unit, colon, bullet, span, instrument)
