"""A small joint's arc written extension/flexion with a slash: "MCP 0/80   PIP 10/85   DIP 5/50",
"IP -5/55, MP 10/40".

Hand and foot therapists write a finger, thumb or toe joint's range as its two ends after the
joint's name, with no legend saying which is which: the first is extension (a positive number
there is the joint short of neutral, a negative one hyperextension), the second flexion. Read
as prose the pair looks like a score ("0/80"); read here it is the aligned list "ext/flex" of
`aligned`. Only a joint of measures.toml [rom] arc_joints straight before the pair, in a
sentence that names a range of motion (or with degrees written), is read, and only a pair
shaped as an arc: a flexion larger than the extension end, within a small joint's range.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.aligned import VALUE_LIST, emit_list, list_values
from tui.core.checks.layouts.columns import rom_words
from tui.core.checks.measures import labels
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

_ENDS = ("extension", "flexion")
# A small joint bends no further than this; its extension end is within this of neutral.
_MOST_FLEXION = 120
_MOST_EXTENSION = 60
# A flexion end under this is a grade's or a fraction's shape ("ROM: MCP 4/5", "PIP 3/4"), no arc.
_LEAST_FLEXION = 10


@cache
def _joint_pair() -> re.Pattern[str]:
    """A joint's name, an optional colon, then where its slash pair starts."""
    rom = measures_section("rom")
    joints = either([str(joint) for joint in rom.get("arc_joints", ())])
    return re.compile(rf"(?<![\w/])(?:{joints})[ \t]*:?[ \t]*(?=-?\d)", re.IGNORECASE)


# After a pair, a unit or word that makes it no pair of angles: a percentage, a time, a count.
_NOT_ANGLE_AFTER = re.compile(
    r"[ \t]*(?:%|(?:s|secs?|seconds?|mins?|minutes?|x|reps?|sets?|times)\b)", re.IGNORECASE
)


_SPACES = re.compile(r"[ \t]*")
_DEGREES_UNIT = re.compile(r"[ \t]*(?:°|deg)", re.IGNORECASE)


def _not_angles(text: str, pair: re.Match[str]) -> bool:
    """Whether the pair is written in a unit other than degrees ("kg" in its own group), or is
    followed by one, or by a pain word naming what it rates."""
    unit = pair.group(2)
    if unit and not _DEGREES_UNIT.match(unit):
        return True
    after = pair.end()
    word_at = _SPACES.match(text, after)
    return bool(
        _NOT_ANGLE_AFTER.match(text, after)
        or (word_at is not None and words().pain.match(text, word_at.end()))
    )


def read_joint_arcs(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every small joint's slash pair shaped as an arc, as its extension and flexion ends."""
    text = scanner.text
    for joint in line_scan(_joint_pair(), text):
        pair = VALUE_LIST.match(text, joint.end() + (text[joint.end()] == "-"))
        if pair is None:
            continue
        values = list_values(pair)
        if len(values) != len(_ENDS) or not all(scanner.free(*value.span) for value in values):
            continue
        if _not_angles(text, pair):
            continue  # "PIP 20/30 sec hold", "MCP 5/10 pain": a dose or a rating, no arc
        degrees = any(value.degrees for value in values)
        sentence = text[scanner.sentence_before(joint.start()) : joint.start()]
        if not degrees and not rom_words().search(sentence):
            continue  # "MCP 4/5": a grade or a rating where nothing says range of motion
        extension = values[0].number * (-1 if text[values[0].span[0] - 1] == "-" else 1)
        flexion = values[1].number
        arc = abs(extension) <= _MOST_EXTENSION and max(extension, 0) < flexion <= _MOST_FLEXION
        arc = arc and flexion >= _LEAST_FLEXION
        if values[1].sign or not arc:
            continue
        named = labels.parts_of(joint.group()).joint
        ends = [labels.Parts(joint=named, motion=motion) for motion in _ENDS]
        if values[0].number == 0:  # at neutral: no reading, as a range's zero start ("0-80°")
            values, ends = values[1:], ends[1:]
        emit_list(scanner, facts, values, ends, pair, joint.span())
