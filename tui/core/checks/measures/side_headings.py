"""A side written once as the heading of a block names every value under it.

Notes group a limb's values under a line that names only the limb: "LLE:", "Left knee:", "ROM
(LUE)", "### R shoulder", "Right:", or open a line with it ("R index finger AROM: MCP 78°, PIP
88°. TAM 218°"). Each value on the lines under it, up to a blank line, is that
side's (and that joint's, when the value names none), though no sentence of its own says so. A
heading is a line with no digit whose every word names a side, a limb, a joint or what is
measured ("ROM", "strength": legends.toml side_heading_words), and it names one side (a pair
of sides, "L / R", is a legend naming each value's, legends.py). The
block stops at a blank line, at another heading line (anything ending with a colon) and at a line
that opens with a side of its own ("R knee flex 120" starts a sided list, not the heading's).
A heading may carry a legend naming the bracket that holds the other side's values ("AROM L
wrist (R in brackets)"): a value alone in such a bracket right after another value is that
side's, and the block's other joints of the same arm (forearm under a wrist) keep the sides.
A value's own side always wins. Each fact looks up at most `_LINES_BACK` lines of at most
`_LINE_MOST` characters, so the pass is linear in the note's length.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache, lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.measures import labels
from tui.core.checks.measures.legends import legend_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.scan import Scanner
from tui.core.checks.text.sides import SIDE_WORD

_LINES_BACK = 12
_LINE_MOST = 300
# Measured kinds a limb's heading names; a pain rating or a named test has no side of a block.
_SIDED_KINDS = frozenset({"rom", "mmt", "strength", "girth", "other"})
# Joints of the arm: a heading naming one of them names the side of a grip or pinch under it.
_ARM_JOINTS = frozenset(
    {"shoulder", "elbow", "forearm", "wrist", "thumb", "finger", "MCP", "MP", "IP", "CMC", "PIP"}
    | {"DIP"}
)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z]+")
# Bullets, Markdown heading and emphasis marks around a heading line, and its closing colon.
_DRESSING = re.compile(r"^[\s#*>\-\u2022_|]+|[\s*_:|\-\u2013]+$")
# Bullets and marks before a line's first word.
_OPENING = re.compile(r"[\s\-*\u2022>|]*")


@dataclasses.dataclass(frozen=True)
class _Heading:
    side: str
    joint: str
    other: str = ""  # the side a legend gives the values in brackets ("(R in brackets)")


def mark_side_headings(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Give each measured value with no side of its own the side (and the joint, when it names
    none) of the heading line its block stands under."""
    # the note as written: a Markdown table is read as sentences, but its heading stands right
    # above its rows only in the original
    text = scanner.norm.original
    for index, fact in enumerate(facts):
        if fact.kind not in _SIDED_KINDS:
            continue
        parts = labels.parts_of(fact.label)
        if parts.side:
            continue
        line_start = _line_start(text, fact.span[0])
        if line_start is None:
            continue
        heading = _heading_above(text, line_start) or _line_label(text, line_start, fact.span[0])
        if heading is None or parts.joint in _midline():
            continue
        if _other_joint(heading, parts.joint):
            if not _same_arm(heading, parts.joint):
                continue
            heading = dataclasses.replace(heading, joint="")
        if fact.kind == "strength" and heading.joint:
            # a grip or pinch is the hand's: a knee's heading ("Right knee:") names no hand, an
            # arm joint's names the side only ("R wrist grip" is no measure)
            if heading.joint not in _ARM_JOINTS:
                continue
            heading = _Heading(side=heading.side, joint="")
        joint = heading.joint if heading.joint and not parts.joint else ""
        if joint and parts.motion and _other_joints_motion(parts.motion, joint):
            joint = ""
        side = heading.other if heading.other and _bracketed(text, fact.span[0]) else heading.side
        facts[index] = dataclasses.replace(fact, label=labels.join(side, joint, fact.label))


# A value alone in a bracket right after another value ("48° [72°]", "42 (70)"): the value the
# heading's side legend gives the other side.
_AFTER_VALUE = re.compile(r"\d[^\d\n()\[\]]{0,6}[ \t]*[(\[][ \t]*$")
_BRACKET_BACK = 16


def _bracketed(text: str, start: int) -> bool:
    """The value at `start` stands in a bracket right after another value."""
    return _AFTER_VALUE.search(text, max(0, start - _BRACKET_BACK), start) is not None


def _heading_above(text: str, line_start: int) -> _Heading | None:
    """The side heading of the block the line at `line_start` stands in, if any."""
    position = line_start
    for _ in range(_LINES_BACK):
        if position <= 0:
            return None
        above = _line_start(text, position - 1)
        if above is None:
            return None  # a line longer than any block's row
        line = text[above : position - 1]
        if not line.strip():
            return None
        heading = _heading_of(line)
        if heading is not None:
            return heading
        if line.rstrip().endswith(":") or _opens_with_side(line):
            return None
        position = above
    return None


def _line_label(text: str, line_start: int, position: int) -> _Heading | None:
    """The side heading that opens the value's own line before a colon ("R index finger AROM:
    MCP 78°, PIP 88°. TAM 218°"): it names every value after it on the line, past the
    sentence it opens."""
    section = _SECTION.match(text, line_start, position)
    opening = section.end() if section else line_start
    colon = text.find(":", opening, position)
    return None if colon < 0 else _heading_of(text[opening:colon])


# A SOAP section's letter opening a heading's line ("O: AROM L wrist (R in brackets)").
_SOAP_LETTER = re.compile(r"^[ \t]*[SOAP][ \t]*:[ \t]+")
# A section's letter or heading opening the line before the label ("O: R index finger AROM:").
_SECTION = re.compile(r"[ \t]*[A-Z][A-Za-z]{0,11}:[ \t]+(?=[^\n]*:)")


def names_side(line: str) -> bool:
    """A line that is a side heading ("Left hand:", "RUE", "### R shoulder"): the offline
    drafter keeps it over its rows, whose side it is."""
    return _heading_of(line) is not None


def _opens_with_side(line: str) -> bool:
    """The line's first word is a side or a limb with its side ("R knee flex 120", "- Lt: 4/5",
    "LLE 4/5"): it starts a sided list of its own, not a row of the heading's block."""
    first = _OPENING.match(line)
    start = first.end() if first else 0
    found = labels.mentions(line[start : start + 12])
    return bool(found) and found[0][0] == 0 and found[0][1] == "side"


def _line_start(text: str, position: int) -> int | None:
    """Where the line holding `position` starts, looked for at most `_LINE_MOST` characters
    back (a longer line is no row of a heading's block): each fact costs a bounded search."""
    low = max(0, position - _LINE_MOST)
    found = text.rfind("\n", low, position)
    if found < 0:
        return 0 if low == 0 else None
    return found + 1


@cache
def _heading_words() -> frozenset[str]:
    return frozenset(word.lower() for word in legend_words().get("side_heading_words", ()))


@lru_cache(maxsize=4096)
def _heading_of(line: str) -> _Heading | None:
    """The side and joint a heading line names, when the line is a heading: no digit, and every
    word a side, a limb, a joint, a motion or a heading word."""
    if _DIGIT.search(line) or len(line) > 60:
        return None
    legend = _side_legend().search(line)
    if legend is not None:
        # a legend's heading may follow its section's letter on one line ("O: AROM L wrist (R
        # in brackets)"): the letter names no side
        line = _SOAP_LETTER.sub("", line[: legend.start()] + line[legend.end() :], count=1)
    bare = _DRESSING.sub("", line)
    words = _WORD.findall(bare)
    if not words or len(words) > 6:
        return None
    known = _known_words()
    if not all(word.lower() in known or word.lower() in _heading_words() for word in words):
        return None
    bare = bare.replace("(", " ").replace(")", " ")
    sides = labels.sides_named(bare)
    if len(sides) != 1:
        return None  # no side, or a legend of two ("AROM, L / R") that names each value's
    parts = labels.parts_of(bare)
    other = labels.side_name(legend.group("side")) if legend else ""
    if other == parts.side:
        return None  # "(L in brackets)" under an L heading: the legend says nothing of sides
    return _Heading(side=parts.side, joint=parts.joint, other=other)


@cache
def _side_legend() -> re.Pattern[str]:
    """A legend in a heading naming the bracket that holds the other side's values ("AROM L
    wrist (R in brackets)", "Grip L [R side in parentheses]"): legends.toml side_legend."""
    words = legend_words()
    names = either((*words.get("square_brackets", ()), *words.get("round_brackets", ())))
    return re.compile(
        rf"[(\[][ \t]*(?P<side>{SIDE_WORD})(?![\w-])[ \t]*(?:{either(words['side_legend'])})?"
        rf"[ \t]*(?:values?[ \t]+)?(?:in|within|inside)[ \t]+(?:the[ \t]+)?(?:{names})"
        rf"(?![\w-])[ \t]*[)\]]",
        re.IGNORECASE,
    )


@cache
def _midline() -> frozenset[str]:
    return frozenset(legend_words().get("midline_joints", ()))


def _same_arm(heading: _Heading, joint: str) -> bool:
    """A value of another joint of the arm under a heading whose legend sorts the sides ("AROM
    L wrist (R in brackets)" over "Supination 65° [85°]"): a table of one arm, its sides still
    told by the legend. A plain heading's block ends at another joint."""
    return bool(heading.other) and heading.joint in _ARM_JOINTS and joint in _ARM_JOINTS


def _other_joint(heading: _Heading, joint: str) -> bool:
    """The value names a joint other than its heading's ("Left knee:" over "hip flex 100"): the
    heading's block has ended, or the value is another limb's."""
    return bool(heading.joint and joint and joint != heading.joint)


@cache
def _known_words() -> frozenset[str]:
    """Every word of a side, limb, joint, motion, muscle or mode phrase the labels know."""
    return frozenset(word for phrase in labels.lexicon_phrases() for word in phrase.split(" "))


def _other_joints_motion(motion: str, joint: str) -> bool:
    """A motion of one joint only that is not the heading's ("DF" under "Left knee:")."""
    owner = labels.one_joint_of(motion)
    return bool(owner) and owner != joint
