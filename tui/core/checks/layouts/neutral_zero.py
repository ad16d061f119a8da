"""A large joint's whole arc written without a motion name: the neutral-zero method ("Knee ROM R:
5-0-115", "Hip ROM (SFTR): S 10-0-100, F 40-0-25, R 45-0-30") and a hinge's bare arc ("Elbow L:
-10 to 135", "Elbow: -10/135 L").

The neutral-zero method writes a plane's two ends around neutral: "5-0-115" is 5 of extension,
neutral passed, 115 of flexion; a joint that cannot reach neutral writes the zero first ("0-10-115":
10 short of extension). SFTR puts the plane's letter before the triple (S sagittal, F frontal, T
transverse, R rotation); measures.toml [neutral_zero] names each plane's two ends. A hinge's bare
arc (knee, elbow) is its extension end then its flexion end, a minus or a positive start being the
joint short of neutral, as the rom reader labels "knee AROM 5-115". No reader read these: a motion
name is what the rom reader keys on, and joint_arcs reads only a digit's slash pair.

Only a joint of [neutral_zero] before the numbers, in the same sentence, is read; a triple needs
range of motion named, "SFTR", a plane letter or degrees (a tempo "3-0-1", a date, a phone number
or a score's "10-0-100" name no joint); each end must be an angle the joint can make and the second
end an arc's (no "3-0-1"); a pair or triple followed by a unit other than degrees, a pain word or
more numbers is refused. A zero end is no reading, as a range's zero start ("0-115") is none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from tui.core.checks.facts import Fact
from tui.core.checks.layouts.columns import rom_words
from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import attribute
from tui.core.checks.tables import measures_section
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import words
from tui.core.checks.text.line_scan import line_scan
from tui.core.checks.text.scan import Scanner

_DASH = r"[ \t]*[-\u2013][ \t]*"
_DEG = r"(?:[ \t]*(?:°|deg(?:rees?)?\b))?"
# "S 10-0-100": an optional plane letter, then three whole numbers joined by dashes, nothing
# glued on either side (no date's "12-0-2015", no "3-0-1-0" tempo, no ID's "A5-0-115").
_TRIPLE = re.compile(
    rf"(?<![\w./:\-\u2013])(?:\b([SFTR])[ \t]*:?[ \t]*)?(\d{{1,3}}){_DEG}{_DASH}(\d{{1,3}}){_DEG}"
    rf"{_DASH}(\d{{1,3}})(?![\w/:]|\.\d|[ \t]*[-\u2013/][ \t]*\d)({_DEG})",
    re.IGNORECASE,
)
# "-10 to 135", "-10/135": a hinge's two ends with nothing glued on (a dashed "5-120" is the
# rom reader's range).
_BARE = re.compile(
    rf"(?<![\w./:])(-?)(\d{{1,3}}){_DEG}(?:[ \t]+to[ \t]+|[ \t]*/[ \t]*)(\d{{1,3}})"
    rf"(?![\w:]|\.\d|[ \t]*[-\u2013/][ \t]*\d)({_DEG})",
    re.IGNORECASE,
)
# After the numbers, a unit or word that makes them no angles: a percentage, a time, a count,
# a load, a rating's scale or a pressure.
_NOT_ANGLE_AFTER = re.compile(
    r"[ \t]*(?:%|/[ \t]*\d|(?:s|secs?|seconds?|mins?|minutes?|x|reps?|sets?|times|kg|lbs?|"
    r"mmHg|bpm|cm|mm|in|ft|m|N)\b)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t]*")
_DEFICIT = " (deficit)"
_SIDE_AFTER = re.compile(r"[ \t]*(?:°|deg\b)?[ \t]*\b(R|L|rt|lt|right|left)\b", re.IGNORECASE)
_SFTR = re.compile(r"\bSFTR\b", re.IGNORECASE)


@cache
def _table() -> dict[str, object]:
    return dict(measures_section("neutral_zero"))


def _number(key: str) -> int:
    value = _table().get(key, 0)
    return value if isinstance(value, int) else 0


def _names(key: str) -> list[str]:
    value = _table().get(key, [])
    return [str(item) for item in value] if isinstance(value, list) else []


def _ends(key: str) -> dict[str, tuple[str, str]]:
    value = _table().get(key, {})
    if not isinstance(value, dict):
        return {}
    return {str(name).lower(): (str(pair[0]), str(pair[1])) for name, pair in value.items()}


@cache
def _joint(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{either(list(names))})\b", re.IGNORECASE)


@cache
def _bare_lead() -> re.Pattern[str]:
    """A hinge's name, then only sides, a mode and a colon or bracket before the arc."""
    hinges = either(_names("hinges"))
    filler = r"(?:[ \t]*(?:\b(?:R|L|rt|lt|right|left|A{0,2}ROM|PROM)\b|[:()]))*"
    return re.compile(rf"\b(?:{hinges})\b{filler}[ \t]*(?=-?\d)", re.IGNORECASE)


def _refused_after(text: str, end: int) -> bool:
    """A unit other than degrees, more numbers, or a pain word straight after the arc."""
    if _NOT_ANGLE_AFTER.match(text, end):
        return True
    word_at = _SPACES.match(text, end)
    return word_at is not None and bool(words().pain.match(text, word_at.end()))


def _emit(
    scanner: Scanner,
    facts: list[Fact],
    joint: str,
    arc: tuple[int, int],
    ends: list[tuple[tuple[int, int], int, str]],
    own_side: str,
) -> None:
    """Each end (its span, angle and motion) as rom with the joint and the side, mode and time
    the words around the whole arc give ("Elbow: -10/135 L": the side after it is both ends'); a
    side written between the joint and the arc first."""
    found = attribute(scanner, arc[0], arc[1])
    side_after = _SIDE_AFTER.match(scanner.text, arc[1])
    if own_side:  # "Knee ROM R: 5-0-135": the side between the joint and the arc is its own
        found = replace(found, side=own_side)
    elif side_after:  # "Elbow: -30/115 L passive"
        found = replace(found, side=labels.parts_of(side_after.group(1)).side)
    for span, value, motion in ends:
        if not value:
            continue  # a zero end: no reading, as a range's zero start
        deficit = motion.endswith(_DEFICIT)
        label = labels.join(found.side, joint, motion.removesuffix(_DEFICIT), found.mode)
        scanner.emit(
            facts, "rom", value, span, label + found.previous + (_DEFICIT if deficit else "")
        )
    scanner.claim(*arc)


def _read_triples(scanner: Scanner, facts: list[Fact]) -> None:
    text = scanner.text
    joints = _joint(tuple(_names("joints")))
    planes, own = _ends("planes"), _ends("own_planes")
    for triple in _TRIPLE.finditer(text):
        if not scanner.free(*triple.span(2)) or not scanner.free(*triple.span(4)):
            continue
        start = scanner.sentence_before(triple.start())
        before = text[start : triple.start()]
        named = list(joints.finditer(before))
        if not named:
            continue  # "squats tempo 3-0-1", "Berg 10-0-100", "call 555-0-115": no joint
        letter = (triple.group(1) or "").lower()
        if letter == "r" and not _SFTR.search(before):
            letter = ""  # "Knee ROM R: 5-0-115": a side, no rotation's letter, where no SFTR
            before = text[start : triple.start(2)]
        degrees = "°" in triple.group() or "deg" in triple.group().lower()
        if not (letter or degrees or rom_words().search(before) or _SFTR.search(before)):
            continue  # nothing says range of motion
        between = before[named[-1].end() :]
        if not letter and labels.parts_of(between).motion:
            continue  # "knee flex 5-0-115": a motion named is the rom reader's
        if _refused_after(text, triple.end()):
            continue
        joint = labels.parts_of(named[-1].group()).joint or named[-1].group().lower()
        first, middle, second = (int(triple.group(index)) for index in (2, 3, 4))
        ends = own.get(f"{joint} {letter or 's'}") or planes.get(letter or "s")
        least = _number("least_lettered" if letter else "least_second")
        if ends is None or not least <= second <= _number("most_second"):
            continue
        if middle == 0 and first <= _number("most_first"):
            first_end = (triple.span(2), first, ends[0])
        elif first == 0 and ends == planes.get("s") and 0 < middle < second:
            first_end = (triple.span(3), middle, ends[0] + _DEFICIT)
        else:
            continue  # "10-20-30": no arc through neutral
        second_end = (triple.span(4), second, ends[1])
        side = labels.parts_of(between).side
        _emit(scanner, facts, joint, triple.span(), [first_end, second_end], side)


def _read_bare(scanner: Scanner, facts: list[Fact]) -> None:
    text = scanner.text
    for lead in line_scan(_bare_lead(), text):
        arc = _BARE.match(text, lead.end())
        if arc is None or not scanner.free(arc.start(), arc.end()):
            continue
        first, second = int(arc.group(2)), int(arc.group(3))
        if first > _number("most_bare_first") or not (
            max(first, _number("least_second")) < second <= _number("most_second")
        ):
            continue  # "knee 3/5", "elbow 110/70": no hinge's arc
        if _refused_after(text, arc.end()):
            continue  # "elbow 10/40 lbs", "knee 2-4/10 pain"
        joint = labels.parts_of(lead.group()).joint
        extension = ((arc.start(1), arc.end(2)), first, "extension" + _DEFICIT)
        flexion = (arc.span(3), second, "flexion")
        side = labels.parts_of(lead.group()).side
        _emit(scanner, facts, joint, arc.span(), [extension, flexion], side)


def read_neutral_zero(scanner: Scanner, facts: list[Fact], _measures: tuple[str, ...]) -> None:
    """Every large joint's neutral-zero triple and every hinge's bare arc, as its two ends."""
    _read_triples(scanner, facts)
    _read_bare(scanner, facts)
