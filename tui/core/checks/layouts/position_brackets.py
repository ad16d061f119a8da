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
from tui.core.checks.tables import one_joint_motions
from tui.core.checks.text.alternation import either
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
    held = _held_run_pieces(text)
    if "(" not in text and "w" not in text:
        return held
    pieces: list[Piece] = list(held)
    # a run's first item may be a phrase this rewrite would move too: the run's reading holds
    values = {piece.src_end for piece in held}
    for match in _bracketed().finditer(text):
        if not labels.parts_of(match.group("word")).motion or _graded(text, match):
            continue
        if match.start("value") in values:
            continue
        part = "bracket" if match.group("bracket") else "phrase"
        start, end = match.span(part)
        written = match.group(part) if part == "bracket" else f"({match.group(part)})"
        after = match.end("side") if match.group("side") else match.end("value")
        pieces.append(Piece(start, match.start("value"), "", start, end))
        pieces.append(Piece(after, after, f" {written}", start, end))
    return pieces


# One item of a run of a joint held in states, each with the angle measured ("knee ext 5°",
# "knee flexed: 15 deg"), and the mark joining it to the next item (a semicolon ends the run:
# "DF w/ knee flexed 12°; knee flex 120°" goes on to the knee's own motion).
_HELD_NEXT = re.compile(r"[ \t]*(?:[,/]|\band\b|\bvs\.?)[ \t]*(?:(?:and|vs\.?)[ \t]+)?")


@cache
def _held_item() -> re.Pattern[str]:
    data = data_table("position_phrases")
    return re.compile(
        r"(?P<item>(?:(?:with|w/)[ \t]*(?:the[ \t]+)?)?)"
        rf"(?P<joint>{either(data.get('joints', ()))})[ \t]+"
        rf"(?P<state>{either(data.get('states', ()))})(?![\w-])[ \t]*:?[ \t]*"
        rf"(?P<value>{_ANGLE})(?=[ \t]*(?:[,;()/]|\.(?!\d)|\band\b|\bvs\b|\r?$))",
        re.MULTILINE | re.IGNORECASE,
    )


# A motion of one joint only and its mode, right before the first held item ("DF knee ext 5°",
# "ankle DF PROM: knee straight -2°").
_HELD_MOTION = re.compile(
    r"(?<![\w-])(?P<word>[A-Za-z]{2,20})\.?(?:[ \t]+(?:A{1,2}ROM|PROM)\b)?[ \t]*:?[ \t]*\Z"
)
_HELD_REACH = 30


def _held_run_pieces(text: str) -> list[Piece]:
    """A motion of one joint written once before a run of another joint's held positions, each
    with its angle ("Silfverskiold: DF knee ext 5°, knee flex 15°"): every angle is that motion's
    (the ankle's dorsiflexion with the knee extended, then flexed), never the held joint's own
    motion. Each held position is moved after its angle as a bracket and the motion written
    before every later angle: "DF 5° (with knee ext), DF 15° (with knee flex)"."""
    pieces: list[Piece] = []
    item = _held_item()
    at = 0
    for first in item.finditer(text):
        if first.start() < at:
            continue
        head = _HELD_MOTION.search(text, max(0, first.start() - _HELD_REACH), first.start())
        if head is None or not _other_joints_motion(head.group("word"), first.group("joint")):
            continue
        at = _held_run(text, first, head.group("word"), pieces)
    return pieces


def _other_joints_motion(word: str, held: str) -> bool:
    """A motion of one joint only, and a joint other than the one held."""
    motion = labels.parts_of(word).motion
    own = one_joint_motions().get(motion, "")
    return bool(own) and own.lower() != held.lower()


def _held_run(text: str, first: re.Match[str], word: str, pieces: list[Piece]) -> int:
    """The pieces of a run's items from `first` on, the motion named again before each later
    one; where the run ends."""
    found: re.Match[str] | None = first
    seen: set[str] = set()
    lead = ""
    end = first.end()
    while found is not None:
        value_at, end = found.start("value"), found.end()
        phrase = f" (with {found.group('joint')} {found.group('state')})"
        start = found.start("item")
        pieces.append(Piece(start, value_at, lead, start, value_at))
        pieces.append(Piece(end, end, phrase, start, value_at))
        lead = f"{word} "
        seen.add(_state_key(found.group("state")))
        joined = _HELD_NEXT.match(text, end)
        found = item_at(text, joined.end()) if joined else None
        if found is not None and not _next_held(seen, first, found):
            found = None
    return end


# A held state's first letters: "ext", "extended" and "flex", "flexed" are one state each.
_STATE_KEY = 3


def _state_key(state: str) -> str:
    return state.lower()[:_STATE_KEY]


def _next_held(seen: set[str], first: re.Match[str], found: re.Match[str]) -> bool:
    """The same joint held in a state the run has not held it in: a run holds each position
    once ("knee ext 5°, knee flex 15°"), so a state said again is a motion of its own."""
    same_joint = found.group("joint").lower() == first.group("joint").lower()
    return same_joint and _state_key(found.group("state")) not in seen


def item_at(text: str, pos: int) -> re.Match[str] | None:
    """The held item starting right at `pos`, if any."""
    return _held_item().match(text, pos)


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
