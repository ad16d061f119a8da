"""A test position between a motion and its value: "ER (arm at side) 35", "Hip IR (prone) 30",
"knee flexion (in supine) 120 deg", "dorsiflexion PROM with knee extended 5°".

The position says how the angle was taken, not what it is; read as written it parts the motion
from its value, so a value with no unit after it is lost, or the held joint ("knee") names the
value. The position is written after the value instead ("ER 35 (arm at side)", "DF 5° (with knee
extended)"), as a remark on how it was taken, and every reader reads the motion and its value
as it would without it. Only a bracket of words (no number: "(90 abd)" or "(goal 110)" stays)
or a phrase holding a joint in a state (data/columns.toml [position_phrases]), right after a
word naming a motion (maybe its mode after it: "DF PROM (knee ext) 5°"), and before a value
that is an angle (or a pair of columns' angles, "5° / -5°", "12° vs 0°") standing at the end of
its clause or before a remark's bracket (no maximum after a slash: "flexion (with pain) 3/10"
is a rating; no other unit: "flexion (fingertips to floor) 12 cm" is a length), is moved, after
the value's side when one follows it ("dorsiflexion (knee extended) -2° left"). A bracket
before a colon is a legend ("MCP flex (index-small): 70, 75, 80"), and a value opening a run of
values is the run's: neither is moved.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.layouts.columns import data_table, grade_headings
from tui.core.checks.measures import labels
from tui.core.checks.text.alternation import either
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.sides import SIDE_WORD

_ANGLE = r"-?\d{1,3}(?:\.\d)?(?:[ \t]*-[ \t]*\d{1,3})?(?:[ \t]*(?:°|deg(?:rees?)?\b))?"


_PAIR = r"(?:[ \t]+/[ \t]+|[ \t]*\|[ \t]*|[ \t]+vs\.?[ \t]+)"


# The value may be a pair of columns' values ("R ankle DF PROM (knee ext) 5° / -5°" under
# "(today / PR)"): the bracket goes after the pair, which layouts/time_pairs reads.
@cache
def _bracketed() -> re.Pattern[str]:
    data = data_table("position_phrases")
    phrase = (
        rf"(?:with|w/)[ \t]*(?:the[ \t]+)?(?:{either(data.get('joints', ()))})"
        rf"[ \t]+(?:{either(data.get('states', ()))})(?![\w-])"
    )
    return re.compile(
        r"(?P<word>[A-Za-z]{2,20})\.?(?:[ \t]+(?:A{1,2}ROM|PROM)\b)?"
        rf"[ \t]*(?:(?P<bracket>\([^()\d\n]{{1,30}}\))"
        rf"|(?P<phrase>{phrase}))[ \t]*"
        rf"(?P<value>{_ANGLE}(?:{_PAIR}{_ANGLE})?)"
        rf"(?P<side>[ \t]+(?:{SIDE_WORD}|bilat(?:eral(?:ly)?)?)\b)?"
        r"(?=[ \t]*(?:[,;()]|\.(?!\d)|\r?$))(?![ \t]*,[ \t]*-?\d)",
        re.MULTILINE | re.IGNORECASE,
    )


def position_bracket_pieces(text: str) -> list[Piece]:
    """The bracket of a test position taken from before each motion's value and written after
    it; none in a note without a bracket."""
    if "(" not in text and "w" not in text:
        return []
    pieces: list[Piece] = []
    for match in line_scan(_bracketed(), text):
        if not labels.parts_of(match.group("word")).motion or _graded(text, match):
            continue
        part = "bracket" if match.group("bracket") else "phrase"
        start, end = match.span(part)
        written = match.group(part) if part == "bracket" else f"({match.group(part)})"
        after = match.end("side") if match.group("side") else match.end("value")
        pieces.append(Piece(start, match.start("value"), "", start, end))
        pieces.append(Piece(after, after, f" {written}", start, end))
    return pieces


def _graded(text: str, match: re.Match[str]) -> bool:
    """A value with no degree sign under a strength heading, on its line or the line over it
    ("MMT: hip abd (sidelying) 3", "Strength:" over "hip ext (prone) 4"): a muscle grade, whose
    bracket names a test position as an angle's does; it is left where it is written."""
    value = match.group("value")
    if _DEGREES.search(value):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    heading_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    heading = text[heading_start:line_start].strip()
    context = text[line_start : match.start()]
    if heading.endswith(":"):
        context = f"{heading} {context}"
    return grade_headings().search(context) is not None


_DEGREES = re.compile(r"°|deg")
