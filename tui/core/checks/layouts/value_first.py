"""Rows written value first, the name after it: "62/80 ... LEFS [31/80]", "18 deg ... R ankle DF
AROM [8 deg]", and a column of girths before their landmarks ("26.0 | 22.5   ankle, 10 cm from
floor" under "Circumference, cm (L | R):").

A results list or a measuring sheet may put its numbers in the first column and say what each
is after a leader or a gap; read as prose, each value stands before words that name the next
line's value, so the readers see a number with no name. Each such row is written for reading
in the usual order, the name before its values and any bracket of earlier values left after
them ("LEFS: 62/80 [31/80]"), so every reader decides the value's kind from its name, unit and
column as it does for a row written name first. Two values set side by side by a bar are the
columns' pair ("26.0 / 22.5"), as the header names them.

Only a row of that structure is rewritten: a line that opens with values, then a leader of dots
or a spaced dash, or a gap of spaces in a column of two such rows or more, then a name of words.
A gap is read only after values a reader can judge from their shape (a unit, a maximum, a
decimal or a bar pair): a numbered list ("1   walk to mailbox") is no row of values. Each line
is matched once from its start, so a note is read in linear time.
"""

from __future__ import annotations

import re

from tui.core.checks.layouts.columns import prose_unit, value_first_unit
from tui.core.checks.layouts.side_pairs import NO_HEADING, Heading, heading, in_unit, sided
from tui.core.checks.measures import labels
from tui.core.checks.text.pieces import Piece
from tui.core.checks.text.sides import SIDE_WORD

# A unit written after a value ("18 deg", "30 s", "91 %", "7460 mL"; data/columns.toml).
_UNIT = value_first_unit()
# A side written before a value ("L 26.0 | R 22.5   ankle").
_SIDE = rf"\b{SIDE_WORD}\b"
# One value: its side, a number, a grade's sign, a maximum after a slash, a unit. A date
# ("03/12") or a clock time is no value: its first digit is never a zero and no colon follows.
_ONE = (
    rf"(?:{_SIDE}[ \t]*(?::[ \t]*)?)?(?!0\d)-?\d{{1,4}}(?:\.\d{{1,2}})?(?:[+-](?![ \t]*\d))?"
    rf"(?:[ \t]*/[ \t]*\d{{1,3}}(?:\.\d)?(?![/\d]))?(?:[ \t]*{_UNIT})?(?![:\w/])"
)
# The values of one row: one, or a pair set side by side by a bar.
_VALUES = rf"(?P<values>{_ONE}(?:[ \t]*\|[ \t]*{_ONE})*)"
# What stands between the values and their name: dots or an ellipsis, a spaced dash, or a gap.
_LEADER = r"(?:[ \t]*(?:\.{2,}|\u2026+)[ \t]*|[ \t]+[-\u2013\u2014][ \t]+|[ \t]{2,}|\t)"
# The name: words up to a bracket of values, the next segment or the line's end (within one
# line); a bracket of words inside it is the name's ("Oswestry (ODI)").
_NAME = r"(?P<name>[A-Za-z](?:[^\n\[\]()]|\([^\n\[\]()\d]{1,30}\)){0,80}?)"
# A bracket of values after the name: earlier values ("[31/80]", "(initial 8 deg)"); a bracket
# of words ("(cm)") is the name's.
_BRACKET = r"(?:[ \t]*[\[(][^\[\]()\n\d]{0,30}\d[^\[\]()\n]{0,30}[\])])?"
_NEXT = rf"(?=[ \t]*[,;][ \t]*{_ONE}(?:[ \t]*\|[ \t]*{_ONE})*{_LEADER}[A-Za-z]|[ \t]*\r?$)"
_SEGMENT = re.compile(rf"{_VALUES}(?P<leader>{_LEADER}){_NAME}(?P<bracket>{_BRACKET}){_NEXT}")
# In a sentence a single blank parts a value from its name ("70° cervical rotation R, 62° L."),
# and a full stop may close the sentence.
_PROSE_NEXT = (
    rf"(?=[ \t]*[,;][ \t]*{_ONE}(?:[ \t]*\|[ \t]*{_ONE})*(?:{_LEADER}|[ ])[A-Za-z]"
    rf"|[ \t]*\.?[ \t]*\r?$)"
)
_PROSE_SEGMENT = re.compile(
    rf"{_VALUES}(?P<leader>{_LEADER}|[ ]){_NAME}(?P<bracket>{_BRACKET}){_PROSE_NEXT}"
)
_ROW_START = re.compile(rf"[ \t]*(?:[-*\u2022][ \t]+)?(?=\d|{_SIDE}[ \t]*:?[ \t]*\d)")
_SEGMENT_GAP = re.compile(r"[ \t]*[,;][ \t]*")
# A name that holds values of its own ("LEFS 31/80", "AROM 45 deg") is a row of another shape.
_OWN_VALUE = re.compile(r"\d[ \t]*/[ \t]*\d|\d[ \t]*%|[ \t]{2,}\d")
# Values a gap may part from their name: with a unit, a maximum, a decimal or a bar pair.
_JUDGED = re.compile(rf"[/|.]|\d[ \t]*{_UNIT}", re.IGNORECASE)
# Values a single blank may part from their name: an angle or a length, whose unit says what
# they are (a time or a count before words is a dose or a service's minutes).
_MEASURED = re.compile(rf"\d[ \t]*{prose_unit()}")
_BAR = re.compile(r"[ \t]*\|[ \t]*")
# A bracket of words closing a sentence's last name: a remark on how the values were taken.
_REMARK = re.compile(r"[ \t]*\([^()\n\d]*\)$")


def value_first_pieces(text: str) -> list[Piece]:
    """Rewrites that put each value-first row's name before its values, and the side of its
    column before each value of a row under a heading that names the sides in order."""
    rows: list[list[re.Match[str]]] = []
    starts: list[int] = []
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        rows.append(_segments(text, pos, end))
        starts.append(pos)
        pos = end + 1
    pieces: list[Piece] = []
    top = NO_HEADING
    for index, segments in enumerate(rows):
        if not segments or not (_led(segments) or _in_column(rows, index)):
            top = NO_HEADING
            pieces += _prose(text, starts[index])
            continue
        if index > 0 and not rows[index - 1]:
            top = heading(text, starts[index - 1], max(starts[index] - 1, 0))
        for segment in segments:
            pieces += _moved(text, segment, top if len(segments) == 1 else NO_HEADING)
    return pieces


def _prose(text: str, start: int) -> list[Piece]:
    """The rewrites of a sentence line of values each before its name, if it is one."""
    end = text.find("\n", start)
    segments = _segments(text, start, len(text) if end < 0 else end, _PROSE_SEGMENT)
    if not segments or not _measured_prose(segments):
        return []
    return [
        piece for segment in segments for piece in _moved(text, segment, NO_HEADING, remark=True)
    ]


def _segments(
    text: str, start: int, end: int, pattern: re.Pattern[str] = _SEGMENT
) -> list[re.Match[str]]:
    """The segments of a line that opens with values: none unless the whole line is segments."""
    opened = _ROW_START.match(text, start, end)
    if opened is None:
        return []
    found: list[re.Match[str]] = []
    pos = opened.end()
    while (segment := pattern.match(text, pos, end)) is not None:
        if _OWN_VALUE.search(segment.group("name")):
            return []
        found.append(segment)
        gap = _SEGMENT_GAP.match(text, segment.end(), end)
        if gap is None or gap.end() == segment.end():
            break
        pos = gap.end()
    tail = text[found[-1].end() : end] if found else "x"
    return found if not tail.strip(" \t\r.") else []


def _led(segments: list[re.Match[str]]) -> bool:
    """Every segment's values are set apart from its name by dots or a dash, not a gap."""
    return all(segment.group("leader").strip() for segment in segments)


def _measured_prose(segments: list[re.Match[str]]) -> bool:
    """A sentence of values each before its name: an angle or a length before a motion ("70°
    cervical rotation R"), then more of them before a side or a qualifier ("62° L", "34 mm
    pain-free"). A size before a thing ("10 cm step-ups", "5 mm heel lift") names no motion
    and is left as written; a score before its instrument's name is leading_scores.py's."""
    return all(
        segment.group("leader") == " " and _moved_by(segment, index > 0)
        for index, segment in enumerate(segments)
    )


def _moved_by(segment: re.Match[str], after_first: bool) -> bool:
    """An angle or a length before the motion it measures, or, after the sentence's first
    value, before any words (the first value's motion is theirs)."""
    if not _MEASURED.search(segment.group("values")):
        return False
    parts = [part for _, part, _ in labels.mentions(segment.group("name"))]
    return after_first or "motion" in parts


def _in_column(rows: list[list[re.Match[str]]], index: int) -> bool:
    """A gap-parted row stands in a column of two such rows or more, each with values whose
    shape says what they are."""

    def judged(at: int) -> bool:
        return 0 <= at < len(rows) and bool(rows[at]) and _judged(rows[at])

    return judged(index) and (judged(index - 1) or judged(index + 1))


def _judged(segments: list[re.Match[str]]) -> bool:
    return all(_JUDGED.search(segment.group("values")) for segment in segments)


def _moved(text: str, segment: re.Match[str], top: Heading, remark: bool = False) -> list[Piece]:
    """The name written before the values (mapped to where it was written), the leader and the
    name taken from after them, each bar between two values written as a slash, and, under a
    heading that names two sides or a unit, each value's side and unit (side_pairs). With
    `remark`, a bracket of words closing the name stays after the values: in a sentence it
    says how all of them were taken ("11 cm L (tape, chin to acromion)")."""
    name = segment.group("name").rstrip(" \t.,;:")
    if remark:
        name = _REMARK.sub("", name)
    name_start = segment.start("name")
    name_end = name_start + len(name)
    values_start, values_end = segment.span("values")
    pieces = [Piece(values_start, values_start, f"{name}: ", name_start, name_end)]
    bars = list(_BAR.finditer(text, values_start, values_end))
    if top.sides is not None and len(bars) == 1:
        pair = ((values_start, bars[0].start()), (bars[0].end(), values_end))
        pieces += sided(text, pair, top)
    else:
        pieces += [Piece(bar.start(), bar.end(), " / ", bar.start(), bar.end()) for bar in bars]
        pieces += in_unit(text, (values_start, values_end), top)
    taken = name_end if remark else segment.end("name")
    pieces.append(Piece(values_end, taken, "", values_end, taken))
    return pieces
